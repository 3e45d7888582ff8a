package vn.kyso.xml;

import vn.kyso.api.report.VerificationReport;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.kyso.api.ErrorCode;
import vn.kyso.api.KysoException;
import vn.kyso.api.SignatureAlgorithm;
import vn.kyso.api.SigningResult;
import vn.kyso.api.token.SigningKey;
import vn.kyso.testkit.Sandbox;

class XmlSignerTest {
    static Sandbox sb;
    static SigningKey key;

    @BeforeAll
    static void start() {
        sb = Sandbox.start();
        key = XmlFixtures.key(sb.person1());
    }

    @AfterAll
    static void stop() {
        sb.close();
    }

    private static XmlSignatureOptions.Builder dsig() {
        return XmlSignatureOptions.builder().format(XmlSignatureOptions.Format.XMLDSIG).algorithm(SignatureAlgorithm.RSA_SHA256);
    }

    @Test
    void xmldsigEnvelopedElementIsAcceptedByXmlsec1(@TempDir Path dir) throws Exception {
        assumeTrue(XmlFixtures.hasXmlsec1());
        SigningResult r = XmlSigner.builder().build().sign(XmlFixtures.invoice("data", "Nguyễn Văn A").getBytes(StandardCharsets.UTF_8), key,
                dsig().elementId("data").signatureParent("/HDon/DSCKS/NBan").signingTimeProperty(true).build());
        Path out = Files.write(dir.resolve("signed.xml"), r.signed());
        XmlFixtures.Result x = XmlFixtures.xmlsecVerify(sb, out, dir, "--id-attr:Id", "DLHDon");
        assertEquals(0, x.exit, x.output + "\n" + Files.readString(out));
    }

    @Test
    void xmldsigWholeDocumentIsAcceptedByXmlsec1(@TempDir Path dir) throws Exception {
        assumeTrue(XmlFixtures.hasXmlsec1());
        SigningResult r = XmlSigner.builder().build().sign(XmlFixtures.declaration().getBytes(StandardCharsets.UTF_8), key,
                dsig().build());
        Path out = Files.write(dir.resolve("signed.xml"), r.signed());
        XmlFixtures.Result x = XmlFixtures.xmlsecVerify(sb, out, dir);
        assertEquals(0, x.exit, x.output + "\n" + Files.readString(out));
    }

    @Test
    void xadesEnvelopedIsAcceptedByXmlsec1(@TempDir Path dir) throws Exception {
        assumeTrue(XmlFixtures.hasXmlsec1());
        SigningResult r = XmlSigner.builder().build().sign(XmlFixtures.invoice("data", "B").getBytes(StandardCharsets.UTF_8), key,
                XmlSignatureOptions.builder().algorithm(SignatureAlgorithm.RSA_SHA256).build());
        Path out = Files.write(dir.resolve("signed.xml"), r.signed());
        XmlFixtures.Result x = XmlFixtures.xmlsecVerify(sb, out, dir, "--id-attr:Id", "http://uri.etsi.org/01903/v1.3.2#:SignedProperties");
        assertEquals(0, x.exit, x.output + "\n" + Files.readString(out));
    }

    private static final String RECORD = "<HoSo><TTin Id=\"tt\"><Ten>Hồ sơ số 7</Ten></TTin><Muc>1</Muc><Muc>2</Muc>"
            + "<Ban Id=\"tt2\"/><Ky/></HoSo>";

    @Test
    void anElementChosenByXPathIsSignedThroughItsIdInXmldsigAndXades(@TempDir Path dir) throws Exception {
        for (XmlSignatureOptions.Builder b : java.util.List.of(dsig(), XmlSignatureOptions.builder())) {
            byte[] signed = XmlSigner.builder().build().sign(RECORD.getBytes(StandardCharsets.UTF_8), key,
                    b.elementPath("/HoSo/TTin").signatureParent("/HoSo/Ky").build()).signed();
            String text = new String(signed, StandardCharsets.UTF_8);
            assertTrue(text.contains("URI=\"#tt\""), text);
            assertTrue(text.contains("<TTin Id=\"tt\"><Ten>Hồ sơ số 7</Ten></TTin>"), "the chosen element is left as it was: " + text);
            VerificationReport v = XmlFixtures.verifier(sb).verify(signed);
            assertEquals(vn.kyso.api.report.Verdict.VALID, v.verdict(), XmlVerifyTest.describe(v));
            vn.kyso.api.report.SignatureResult first = v.signatures().get(0);
            assertTrue(first.signedScope().contains("/HoSo[1]/TTin[1]"), first.signedScope().toString());
            assertTrue(first.signedScope().stream().noneMatch(p -> p.startsWith("/HoSo[1]/Muc")), first.signedScope().toString());
        }
        assumeTrue(XmlFixtures.hasXmlsec1());
        Path out = Files.write(dir.resolve("signed.xml"), XmlSigner.builder().build().sign(RECORD.getBytes(StandardCharsets.UTF_8),
                key, dsig().elementPath("//*[local-name()='TTin']").build()).signed());
        XmlFixtures.Result x = XmlFixtures.xmlsecVerify(sb, out, dir, "--id-attr:Id", "TTin");
        assertEquals(0, x.exit, x.output + "\n" + Files.readString(out));
    }

    @Test
    void anXPathMustSelectOneElementThatCarriesAUniqueId() {
        XmlSigner signer = XmlSigner.builder().build();
        byte[] xml = RECORD.getBytes(StandardCharsets.UTF_8);
        KysoException noId = assertThrows(KysoException.class, () -> signer.sign(xml, key, dsig().elementPath("/HoSo/Ky").build()));
        assertEquals(ErrorCode.INVALID_ARGUMENT, noId.errorCode());
        assertTrue(noId.getMessage().contains("no Id"), noId.getMessage());
        assertEquals(ErrorCode.INVALID_ARGUMENT, assertThrows(KysoException.class,
                () -> signer.sign(xml, key, dsig().elementPath("/HoSo/Muc").build())).errorCode());
        assertEquals(ErrorCode.INVALID_ARGUMENT, assertThrows(KysoException.class,
                () -> signer.sign(xml, key, dsig().elementPath("/HoSo/Khong").build())).errorCode());
        assertEquals(ErrorCode.INVALID_ARGUMENT, assertThrows(KysoException.class,
                () -> signer.sign(xml, key, dsig().elementPath("/HoSo/[").build())).errorCode());
        byte[] twice = "<HoSo><TTin Id=\"tt\"/><Ban Id=\"tt\"/></HoSo>".getBytes(StandardCharsets.UTF_8);
        assertEquals(ErrorCode.INVALID_ARGUMENT, assertThrows(KysoException.class,
                () -> signer.sign(twice, key, dsig().elementPath("/HoSo/TTin").build())).errorCode());
        assertEquals(ErrorCode.INVALID_ARGUMENT, assertThrows(KysoException.class,
                () -> dsig().elementId("tt").elementPath("/HoSo/TTin").build()).errorCode());
        assertEquals(ErrorCode.INVALID_ARGUMENT, assertThrows(KysoException.class,
                () -> dsig().elementPath("/HoSo/TTin").packaging(XmlSignatureOptions.Packaging.DETACHED).build()).errorCode());
    }

    @Test
    void anElementChosenByXPathSignsInTwoPhases() {
        XmlSigner signer = XmlSigner.builder().stateKey(vn.kyso.api.twophase.StateKey.generate()).build();
        byte[] xml = RECORD.getBytes(StandardCharsets.UTF_8);
        var prepared = signer.prepare(xml, key.chain(), SignatureAlgorithm.RSA_SHA256,
                dsig().elementPath("/HoSo/Ban").signatureParent("/HoSo/Ky").build());
        byte[] signed = signer.complete(prepared.state(), key.signDigest(prepared.digest(), prepared.algorithm()), xml).signed();
        VerificationReport v = XmlFixtures.verifier(sb).verify(signed);
        assertEquals(vn.kyso.api.report.Verdict.VALID, v.verdict(), XmlVerifyTest.describe(v));
        assertEquals(java.util.List.of("/HoSo[1]/Ban[1]"), v.signatures().get(0).signedScope());
    }

    @Test
    void duplicateIdIsRefused() {
        String doc = "<r><a Id=\"x\">1</a><b Id=\"x\">2</b></r>";
        KysoException e = assertThrows(KysoException.class, () -> XmlSigner.builder().build().sign(doc.getBytes(StandardCharsets.UTF_8), key,
                dsig().elementId("x").build()));
        assertEquals(ErrorCode.INVALID_ARGUMENT, e.errorCode());
    }

    @Test
    void preferredAlgorithmIsReported() {
        SigningResult r = XmlSigner.builder().build().sign("<r/>".getBytes(StandardCharsets.UTF_8), key,
                XmlSignatureOptions.builder().format(XmlSignatureOptions.Format.XMLDSIG).build());
        assertTrue(r.algorithm().name().startsWith("RSA"));
    }
}
