package vn.kyso.api.cert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.DERUTF8String;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.kyso.api.testsupport.OpenSsl;

/**
 * Certificates made by {@code openssl req -utf8 -x509} at test time, as a CA or a user would make them
 * outside Java: CertificateInfo must read the same Vietnamese text and identifiers.
 */
class OpensslCertificateInfoTest {
    private static final String PERSON_SUBJECT =
            "/C=VN/ST=Hà Nội/O=Công ty Cổ phần Ví dụ/CN=Nguyễn Thị Hoa/UID=CCCD:079190001234";
    private static final String ORG_SUBJECT =
            "/C=VN/ST=Thành phố Hồ Chí Minh/L=Phường Bến Nghé/O=Công ty TNHH Một thành viên Đông Á"
                    + "/CN=Công ty TNHH Một thành viên Đông Á/UID=MST:0312345678-002";

    @TempDir
    static Path dir;

    @BeforeAll
    static void needsOpenssl() {
        assumeTrue(OpenSsl.available(), "openssl CLI not installed");
    }

    /**
     * Runs {@code openssl req -utf8 -x509 -newkey rsa:2048}. The subject goes through {@code -subj} when
     * the platform can pass it as UTF-8 on the command line; otherwise through the config file (prompt=no),
     * which openssl reads as UTF-8 bytes either way.
     */
    private static X509Certificate opensslReq(String name, String subject) throws Exception {
        boolean argsAreUtf8 = Charset.forName(System.getProperty("sun.jnu.encoding", "UTF-8"))
                .equals(StandardCharsets.UTF_8);
        StringBuilder cnf = new StringBuilder()
                .append("[req]\n")
                .append("distinguished_name = dn\n")
                .append("string_mask = utf8only\n")
                .append("utf8 = yes\n")
                .append("x509_extensions = v3\n");
        if (!argsAreUtf8) {
            cnf.append("prompt = no\n");
        }
        cnf.append("[dn]\n");
        if (!argsAreUtf8) {
            for (String part : subject.substring(1).split("/")) {
                cnf.append(part, 0, part.indexOf('=')).append(" = ").append(part.substring(part.indexOf('=') + 1))
                        .append('\n');
            }
        }
        cnf.append("[v3]\n")
                .append("basicConstraints = critical,CA:FALSE\n")
                .append("keyUsage = critical,digitalSignature,nonRepudiation\n")
                .append("subjectKeyIdentifier = hash\n");
        Path config = dir.resolve(name + ".cnf");
        Files.write(config, cnf.toString().getBytes(StandardCharsets.UTF_8));
        Path cert = dir.resolve(name + ".pem");
        List<String> args = new ArrayList<>(Arrays.asList("req", "-utf8", "-x509", "-newkey", "rsa:2048", "-nodes",
                "-keyout", dir.resolve(name + ".key").toString(), "-out", cert.toString(), "-days", "730",
                "-config", config.toString(), "-nameopt", "utf8"));
        if (argsAreUtf8) {
            args.add("-subj");
            args.add(subject);
        }
        OpenSsl.runOk(dir, args.toArray(new String[0]));
        List<X509Certificate> certs = Certificates.read(cert);
        assertEquals(1, certs.size());
        return certs.get(0);
    }

    @Test
    void personCertificateFromOpenssl() throws Exception {
        X509Certificate cert = opensslReq("person", PERSON_SUBJECT);
        assertUtf8(cert, BCStyle.CN);
        assertUtf8(cert, BCStyle.O);
        CertificateInfo info = CertificateInfo.of(cert);
        assertEquals("Nguyễn Thị Hoa", info.commonName());
        assertEquals("Công ty Cổ phần Ví dụ", info.organization());
        assertEquals("Hà Nội", info.province());
        assertEquals("VN", info.country());
        assertEquals("079190001234", info.citizenId());
        assertEquals("CCCD:079190001234", info.personalId());
        assertNull(info.taxCode());
        assertEquals(SubjectKind.PERSON, info.kind());
        assertEquals(EnumSet.of(CertificateInfo.KeyUsage.DIGITAL_SIGNATURE, CertificateInfo.KeyUsage.NON_REPUDIATION),
                info.keyUsage());
        // self-signed: the issuer CN is the holder's own name
        assertEquals("Nguyễn Thị Hoa", info.issuerCommonName());
        assertFingerprintMatchesOpenssl(cert, "person");
    }

    @Test
    void organisationCertificateFromOpenssl() throws Exception {
        X509Certificate cert = opensslReq("org", ORG_SUBJECT);
        assertUtf8(cert, BCStyle.CN);
        CertificateInfo info = CertificateInfo.of(cert);
        assertEquals("Công ty TNHH Một thành viên Đông Á", info.commonName());
        assertEquals("Công ty TNHH Một thành viên Đông Á", info.organization());
        assertEquals("Thành phố Hồ Chí Minh", info.province());
        assertEquals("Phường Bến Nghé", info.locality());
        assertEquals("0312345678-002", info.taxCode());
        assertNull(info.personalId());
        assertNull(info.citizenId());
        assertEquals(SubjectKind.ORGANIZATION, info.kind());
        assertFingerprintMatchesOpenssl(cert, "org");
    }

    @Test
    void opensslSubjectLineShowsTheSameNameAsCertificateInfo() throws Exception {
        X509Certificate cert = opensslReq("person2", PERSON_SUBJECT);
        Path pem = dir.resolve("person2.pem");
        String subject = OpenSsl.runOk(dir, "x509", "-in", pem.toString(), "-noout", "-subject",
                "-nameopt", "utf8,sep_multiline");
        assertTrue(subject.contains("Nguyễn Thị Hoa"), subject);
        assertTrue(subject.contains("Công ty Cổ phần Ví dụ"), subject);
        assertTrue(CertificateInfo.of(cert).subject().contains("Nguyễn Thị Hoa"));
    }

    private static void assertUtf8(X509Certificate cert, org.bouncycastle.asn1.ASN1ObjectIdentifier oid) {
        X500Name name = X500Name.getInstance(cert.getSubjectX500Principal().getEncoded());
        ASN1Encodable v = name.getRDNs(oid)[0].getFirst().getValue();
        assertTrue(v instanceof DERUTF8String, oid + " is " + v.getClass().getSimpleName());
    }

    private static void assertFingerprintMatchesOpenssl(X509Certificate cert, String name) {
        String out = OpenSsl.runOk(dir, "x509", "-in", dir.resolve(name + ".pem").toString(), "-noout",
                "-fingerprint", "-sha256");
        String expected = out.substring(out.indexOf('=') + 1).trim().replace(":", "").toUpperCase(Locale.ROOT);
        assertEquals(expected, CertificateInfo.of(cert).sha256Fingerprint());
    }
}
