package vn.kyso.xml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.kyso.api.ErrorCode;
import vn.kyso.api.KysoException;
import vn.kyso.api.Language;
import vn.kyso.api.SignatureAlgorithm;
import vn.kyso.api.SignatureFormat;
import vn.kyso.api.SignatureLevel;
import vn.kyso.api.cert.Certificates;
import vn.kyso.api.report.Verdict;
import vn.kyso.api.report.VerificationReport;
import vn.kyso.api.token.SigningKey;
import vn.kyso.api.token.Tokens;
import vn.kyso.core.report.ReportWriter;
import vn.kyso.core.trust.TrustAnchors;
import vn.kyso.core.tsp.TimestampClient;
import vn.kyso.core.verify.Verifier;
import vn.kyso.testkit.Sandbox;

/** XAdES enveloped signatures checked by xmlsec1 and by our verifier, on a sandbox PKI. */
class XadesInteropTest {
    private static final String INVOICE = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<HDon><DLHDon Id=\"data\">"
            + "<TTChung><THDon>Hóa đơn giá trị gia tăng</THDon><SHDon>0000123</SHDon></TTChung>"
            + "<NDHDon><NBan><Ten>Công ty Cổ phần Ví dụ</Ten><MST>0101234567-001</MST></NBan>"
            + "<TToan><TgTTTBSo>1100000</TgTTTBSo></TToan></NDHDon></DLHDon><DSCKS><NBan/></DSCKS></HDon>\n";
    private static Sandbox sandbox;
    private static XmlSigner signer;
    private static Verifier verifier;
    @TempDir
    static Path dir;

    @BeforeAll
    static void start() {
        sandbox = Sandbox.start();
        sandbox.writeTo(dir.resolve("sandbox"));
        TrustAnchors trust = TrustAnchors.of(List.of(sandbox.root()));
        signer = XmlSigner.builder().trust(trust)
                .timestamps(TimestampClient.builder().urls(List.of(sandbox.tsaUrl())).build()).build();
        verifier = Verifier.builder().trust(trust).build();
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    private static SigningKey key() {
        return Tokens.pkcs12(sandbox.person1().pkcs12(Sandbox.PASSWORD.toCharArray()), Sandbox.PASSWORD.toCharArray(), "p1")
                .firstKey();
    }

    private static String xmlsec1Verify(Path signed, String... extra) throws Exception {
        Path issuing = Files.writeString(dir.resolve("issuing.pem"), Certificates.toPem(sandbox.issuingCa()));
        List<String> cmd = new java.util.ArrayList<>(List.of("xmlsec1", "--verify", "--trusted-pem",
                dir.resolve("sandbox/root.pem").toString(), "--untrusted-pem", issuing.toString(),
                "--id-attr:Id", "http://uri.etsi.org/01903/v1.3.2#:SignedProperties"));
        cmd.addAll(List.of(extra));
        cmd.add(signed.toString());
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        return p.exitValue() + "\n" + out;
    }

    @ParameterizedTest
    @EnumSource(value = SignatureLevel.class, names = {"B_B", "B_T", "B_LT"})
    void envelopedXadesIsValidForXmlsec1AndForUs(SignatureLevel level) throws Exception {
        Path in = Files.writeString(dir.resolve("hd-" + level + ".xml"), INVOICE);
        Path out = dir.resolve("hd-" + level + ".signed.xml");
        // xmlsec1 1.2 (Debian 12) knows no RSA-PSS in XML: interoperate with PKCS#1 v1.5
        signer.sign(in, out, key(), XmlSignatureOptions.builder().level(level).algorithm(SignatureAlgorithm.RSA_SHA256).build());
        String xmlsec = xmlsec1Verify(out);
        assertTrue(xmlsec.startsWith("0\n") && xmlsec.contains("OK"), xmlsec);
        VerificationReport report = verifier.verify(out);
        assertEquals(Verdict.VALID, report.verdict(), () -> ReportWriter.text(report, Language.EN));
        assertEquals(SignatureFormat.XADES, report.signatures().get(0).format());
        assertEquals(level, report.signatures().get(0).level());
    }

    @Test
    void invoiceDataSignedByIdWithTheSignatureInTheSellersPlace() throws Exception {
        Path in = Files.writeString(dir.resolve("hd-id.xml"), INVOICE);
        Path out = dir.resolve("hd-id.signed.xml");
        signer.sign(in, out, key(), XmlSignatureOptions.builder().elementId("data").signatureParent("//DSCKS/NBan")
                .algorithm(SignatureAlgorithm.RSA_SHA256).build());
        String signed = Files.readString(out, StandardCharsets.UTF_8);
        assertTrue(signed.contains("URI=\"#data\""), signed);
        assertTrue(signed.replaceAll("\\s", "").contains("<DSCKS><NBan><ds:Signature"), signed);
        String xmlsec = xmlsec1Verify(out, "--id-attr:Id", "DLHDon");
        assertTrue(xmlsec.startsWith("0\n") && xmlsec.contains("OK"), xmlsec);
        assertEquals(Verdict.VALID, verifier.verify(out).verdict());
        Path changed = Files.writeString(dir.resolve("hd-id.changed.xml"), signed.replace("0000123", "0000999"));
        assertEquals(Verdict.INVALID, verifier.verify(changed).verdict());
    }

    @Test
    void rsaPssByDefaultVerifiedByUs() throws Exception {
        Path in = Files.writeString(dir.resolve("pss.xml"), INVOICE);
        Path out = dir.resolve("pss.signed.xml");
        assertEquals(SignatureAlgorithm.RSA_PSS_SHA256, signer.sign(in, out, key(), XmlSignatureOptions.defaults()).algorithm());
        VerificationReport report = verifier.verify(out);
        assertEquals(Verdict.VALID, report.verdict(), () -> ReportWriter.text(report, Language.EN));
        assertEquals(SignatureAlgorithm.RSA_PSS_SHA256, report.signatures().get(0).signatureAlgorithm());
        assertEquals("RSASSA-PSS with SHA-256", report.signatures().get(0).signatureAlgorithmName());
    }

    @Test
    void changedInvoiceIsInvalid() throws Exception {
        Path in = Files.writeString(dir.resolve("hd.xml"), INVOICE);
        Path out = dir.resolve("hd.signed.xml");
        signer.sign(in, out, key(), XmlSignatureOptions.defaults());
        String signed = Files.readString(out, StandardCharsets.UTF_8);
        Path changed = Files.writeString(dir.resolve("hd.changed.xml"), signed.replace("1100000", "9100000"));
        VerificationReport report = verifier.verify(changed);
        assertEquals(Verdict.INVALID, report.verdict(), () -> ReportWriter.text(report, Language.EN));
        assertFalse(report.signatures().get(0).integrity());
        assertNotEquals(0, xmlsec1Verify(changed).charAt(0) - '0');
    }

    @Test
    void hostileXmlIsRefusedBeforeSigningOrVerifying() throws Exception {
        Path xxe = Files.writeString(dir.resolve("xxe.xml"), "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY x SYSTEM "
                + "\"file:///etc/passwd\">]><r>&x;</r>");
        assertEquals(ErrorCode.MALFORMED_INPUT, assertThrows(KysoException.class,
                () -> signer.sign(xxe, dir.resolve("xxe.signed.xml"), key(), XmlSignatureOptions.defaults())).errorCode());
        assertFalse(Files.exists(dir.resolve("xxe.signed.xml")));
        assertEquals(ErrorCode.MALFORMED_INPUT, assertThrows(KysoException.class, () -> verifier.verify(xxe)).errorCode());
        Path unsigned = Files.writeString(dir.resolve("unsigned.xml"), INVOICE);
        assertEquals(ErrorCode.NO_SIGNATURE, assertThrows(KysoException.class, () -> verifier.verify(unsigned)).errorCode());
    }
}
