package vn.kyso.api.cert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import vn.kyso.api.ErrorCode;
import vn.kyso.api.KysoException;
import vn.kyso.api.testsupport.TestCertificates;

class CertificatesTest {
    static X509Certificate leaf() {
        return TestCertificates.builder()
                .subject(TestCertificates.name().c("VN").cn("Nguyễn Văn Ánh").uid("CCCD:001085012345").build())
                .build();
    }

    private static KysoException unreadable(byte[] content) {
        KysoException e = assertThrows(KysoException.class, () -> Certificates.parse(content));
        assertEquals(ErrorCode.CERTIFICATE_UNREADABLE, e.errorCode());
        return e;
    }

    @Test
    void derWithOneCertificate() throws Exception {
        X509Certificate cert = leaf();
        List<X509Certificate> parsed = Certificates.parse(cert.getEncoded());
        assertEquals(1, parsed.size());
        assertEquals(cert, parsed.get(0));
    }

    @Test
    void pemWithSeveralCertificatesKeepsTheirOrder() {
        X509Certificate leaf = leaf();
        X509Certificate ca = TestCertificates.ca();
        String pem = "Bag Attributes\n    friendlyName: signer\n" + Certificates.toPem(leaf)
                + "\nsome text between\n" + Certificates.toPem(ca);
        List<X509Certificate> parsed = Certificates.parse(pem.getBytes(StandardCharsets.US_ASCII));
        assertEquals(2, parsed.size());
        assertEquals(leaf, parsed.get(0));
        assertEquals(ca, parsed.get(1));
    }

    @Test
    void pemWithCrlfLineEndingsAndUtf8Comments() {
        X509Certificate leaf = leaf();
        String pem = "# Chứng thư số của Nguyễn Văn Ánh\r\n" + Certificates.toPem(leaf).replace("\n", "\r\n");
        List<X509Certificate> parsed = Certificates.parse(pem.getBytes(StandardCharsets.UTF_8));
        assertEquals(1, parsed.size());
        assertEquals(leaf, parsed.get(0));
    }

    @Test
    void toPemRoundTripsAndHas64CharacterLines() {
        X509Certificate cert = leaf();
        String pem = Certificates.toPem(cert);
        assertTrue(pem.startsWith("-----BEGIN CERTIFICATE-----\n"));
        assertTrue(pem.endsWith("\n-----END CERTIFICATE-----\n"));
        for (String line : pem.split("\n")) {
            assertTrue(line.length() <= 64, line);
        }
        assertEquals(cert, Certificates.parse(pem.getBytes(StandardCharsets.US_ASCII)).get(0));
    }

    @Test
    void readFromFile(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("chain.pem");
        Files.write(f, (Certificates.toPem(leaf()) + Certificates.toPem(TestCertificates.ca()))
                .getBytes(StandardCharsets.US_ASCII));
        assertEquals(2, Certificates.read(f).size());
        Path d = dir.resolve("cert.cer");
        Files.write(d, leaf().getEncoded());
        assertEquals(1, Certificates.read(d).size());
    }

    @Test
    void missingFileIsInputUnreadable(@TempDir Path dir) {
        Path missing = dir.resolve("không-có.pem");
        KysoException e = assertThrows(KysoException.class, () -> Certificates.read(missing));
        assertEquals(ErrorCode.INPUT_UNREADABLE, e.errorCode());
        assertTrue(e.getMessage().contains("không-có.pem"), e.getMessage());
    }

    @Test
    void nullIsAnInvalidArgumentAndEmptyIsUnreadable() {
        KysoException e = assertThrows(KysoException.class, () -> Certificates.parse(null));
        assertEquals(ErrorCode.INVALID_ARGUMENT, e.errorCode());
        assertTrue(e.getMessage().contains("content"), e.getMessage());
        unreadable(new byte[0]);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "hello",
        "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n",
        "-----BEGIN CERTIFICATE-----\nnot base64 at all!\n-----END CERTIFICATE-----\n",
        "-----BEGIN CERTIFICATE-----\nMIIB\n",
        "-----BEGIN PRIVATE KEY-----\nMIIB\n-----END PRIVATE KEY-----\n",
        "-----BEGIN CERTIFICATE-----\n-----END CERTIFICATE-----\n",
    })
    void garbageIsUnreadable(String text) {
        unreadable(text.getBytes(StandardCharsets.US_ASCII));
    }

    @Test
    void garbageBytesAreUnreadable() {
        unreadable(new byte[] {0x30, (byte) 0x82, 0x7f, (byte) 0xff, 1, 2, 3});
        unreadable(new byte[] {0x30});
        unreadable(new byte[4096]);
    }

    @Test
    void truncatedDerIsUnreadable() throws Exception {
        byte[] der = leaf().getEncoded();
        unreadable(java.util.Arrays.copyOf(der, der.length / 2));
    }

    @Test
    void pemWithOneGoodAndOneBrokenCertificateIsUnreadable() {
        String pem = Certificates.toPem(leaf()) + "-----BEGIN CERTIFICATE-----\n"
                + Base64.getEncoder().encodeToString(new byte[] {0x30, 0x03, 1, 2, 3}) + "\n-----END CERTIFICATE-----\n";
        unreadable(pem.getBytes(StandardCharsets.US_ASCII));
    }

    @Test
    void fingerprintIsUpperCaseHexOfSha256OfDer() throws Exception {
        X509Certificate cert = leaf();
        byte[] sha = java.security.MessageDigest.getInstance("SHA-256").digest(cert.getEncoded());
        String fp = Certificates.sha256Fingerprint(cert);
        assertTrue(fp.matches("[0-9A-F]{64}"), fp);
        StringBuilder hex = new StringBuilder();
        for (byte b : sha) {
            hex.append(String.format("%02X", b));
        }
        assertEquals(hex.toString(), fp);
    }
}
