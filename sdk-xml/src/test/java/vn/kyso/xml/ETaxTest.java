package vn.kyso.xml;

import vn.kyso.api.report.VerificationReport;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.kyso.api.ErrorCode;
import vn.kyso.api.KysoException;
import vn.kyso.api.SignatureAlgorithm;
import vn.kyso.api.report.Verdict;
import vn.kyso.api.token.SigningKey;
import vn.kyso.testkit.Sandbox;
import vn.kyso.xml.profile.ETax;

/** E-tax profile: the declaration signed in CKyDTu, accepted by xmlsec1, and never VALID over another node. */
class ETaxTest {
    static Sandbox sb;
    static SigningKey key;

    @BeforeAll
    static void start() {
        sb = Sandbox.start();
        key = XmlFixtures.key(sb.organization());
    }

    @AfterAll
    static void stop() {
        sb.close();
    }

    static byte[] declaration() {
        return XmlFixtures.declaration().getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void declarationSignatureIsAcceptedByXmlsec1AndVerifiesWithTheDeclarantNamed(@TempDir Path dir) throws Exception {
        byte[] signed = ETax.sign(XmlSigner.builder().build(), key, declaration(), SignatureAlgorithm.RSA_SHA256).signed();
        String text = new String(signed, StandardCharsets.UTF_8);
        assertTrue(text.contains("URI=\"#_NODE_TO_SIGN\""), text);
        assertTrue(text.contains("REC-xml-c14n-20010315#WithComments"), text);
        assertTrue(text.replaceAll("\\s", "").contains("<CKyDTu><Signature"), text);
        if (XmlFixtures.hasXmlsec1()) {
            Path f = Files.write(dir.resolve("to-khai.xml"), signed);
            XmlFixtures.Result x = XmlFixtures.xmlsecVerify(sb, f, dir, "--id-attr:id",
                    "http://kekhaithue.gdt.gov.vn/TKhaiThue:HSoKhaiThue");
            assertEquals(0, x.exit, x.output);
        }
        VerificationReport v = ETax.verify(XmlFixtures.core(sb), signed);
        assertEquals(Verdict.VALID, v.verdict(), XmlVerifyTest.describe(v));
        assertEquals(ETax.DECLARANT, v.signatures().get(0).party());
        assertEquals(List.of("/HSoThueDTu[1]/HSoKhaiThue[1]"), v.signatureOf(ETax.DECLARANT).signedScope());

        VerificationReport changed = ETax.verify(XmlFixtures.core(sb), text.replace("1000000", "10").getBytes(StandardCharsets.UTF_8));
        assertEquals(Verdict.INVALID, changed.verdict(), XmlVerifyTest.describe(changed));
    }

    @Test
    void aValidSignatureInCKyDTuOverAnotherNodeIsNotValid() {
        byte[] doc = XmlFixtures.declaration().replace("<TTinChung>", "<TTinChung id=\"chung\">").getBytes(StandardCharsets.UTF_8);
        byte[] signed = XmlSigner.builder().build().sign(doc, key, XmlSignatureOptions.builder()
                .format(XmlSignatureOptions.Format.XMLDSIG).elementId("chung").signatureParent("/HSoThueDTu/CKyDTu")
                .c14nWithComments(true).build()).signed();
        VerificationReport v = ETax.verify(XmlFixtures.core(sb), signed);
        assertEquals(Verdict.INVALID, v.verdict(), XmlVerifyTest.describe(v));
        assertEquals(vn.kyso.api.report.Indication.TOTAL_FAILED, v.signatureOf(ETax.DECLARANT).indication());
        assertTrue(v.signatureOf(ETax.DECLARANT).integrity(), "intact, but over the wrong node");
        assertTrue(v.signatureOf(ETax.DECLARANT).errors().stream().anyMatch(m -> m.code().equals("KYSO-V-XML_PROFILE_SCOPE")),
                XmlVerifyTest.describe(v));
    }

    @Test
    void aDeclarationWithoutItsNodeOrAlreadySignedIsRefused() {
        KysoException noNode = assertThrows(KysoException.class, () -> ETax.options(
                "<HSoThueDTu><CKyDTu/></HSoThueDTu>".getBytes(StandardCharsets.UTF_8), null));
        assertEquals(ErrorCode.INVALID_ARGUMENT, noNode.errorCode());
        byte[] signed = ETax.sign(XmlSigner.builder().build(), key, declaration()).signed();
        KysoException twice = assertThrows(KysoException.class, () -> ETax.sign(XmlSigner.builder().build(), key, signed));
        assertEquals(ErrorCode.INVALID_ARGUMENT, twice.errorCode());
        KysoException unsigned = assertThrows(KysoException.class, () -> ETax.verify(XmlFixtures.core(sb),
                XmlSigner.builder().build().sign(declaration(), key, XmlSignatureOptions.builder()
                        .format(XmlSignatureOptions.Format.XMLDSIG).build()).signed()));
        assertEquals(ErrorCode.NO_SIGNATURE, unsigned.errorCode(), "a signature outside CKyDTu is not the declarant's");
    }
}
