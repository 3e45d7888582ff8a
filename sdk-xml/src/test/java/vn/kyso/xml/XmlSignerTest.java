package vn.kyso.xml;

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
