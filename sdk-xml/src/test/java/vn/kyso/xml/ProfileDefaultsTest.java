package vn.kyso.xml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.kyso.api.SignatureAlgorithm;
import vn.kyso.api.SignatureScheme;
import vn.kyso.api.SigningResult;
import vn.kyso.api.report.Verdict;
import vn.kyso.api.token.SigningKey;
import vn.kyso.testkit.Sandbox;
import vn.kyso.xml.profile.EInvoice;
import vn.kyso.xml.profile.EInvoice.Party;
import vn.kyso.xml.profile.ETax;
import vn.kyso.xml.profile.EdXml;

/**
 * Item 13: the e-invoice, e-tax and edXML profiles sign with RSA PKCS#1 v1.5 and SHA-256 by default (what
 * their receivers, xmlsec1 1.2 and .NET SignedXml among them, verify), RSASSA-PSS only on request; the
 * generic XML options keep RSASSA-PSS. xmlsec1 --verify accepts what the defaults make.
 */
class ProfileDefaultsTest {
    static Sandbox sb;
    static SigningKey key;
    static final XmlSigner SIGNER = XmlSigner.builder().build();

    @BeforeAll
    static void start() {
        sb = Sandbox.start();
        key = XmlFixtures.key(sb.organization());
    }

    @AfterAll
    static void stop() {
        sb.close();
    }

    @Test
    void eInvoiceDefaultsToPkcs1AndXmlsec1AcceptsIt(@TempDir Path dir) throws Exception {
        SigningResult r = EInvoice.sign(SIGNER, key, EInvoiceTest.invoice(), Party.SELLER);
        assertEquals(SignatureAlgorithm.RSA_SHA256, r.algorithm());
        assertEquals(Verdict.VALID, EInvoice.verify(XmlFixtures.core(sb), r.signed()).verdict());
        assumeTrue(XmlFixtures.hasXmlsec1(), "xmlsec1 not installed");
        String id = EInvoiceTest.signatureId(r.signed(), "NBan");
        Path f = Files.write(dir.resolve(id + ".xml"), r.signed());
        XmlFixtures.Result x = XmlFixtures.xmlsecVerify(sb, f, dir, "--id-attr:Id", "DLHDon",
                "--id-attr:Id", "http://www.w3.org/2000/09/xmldsig#:Object",
                "--id-attr:Id", "http://www.w3.org/2000/09/xmldsig#:Signature", "--node-id", id);
        assertEquals(0, x.exit, x.output);
    }

    @Test
    void eTaxDefaultsToPkcs1AndXmlsec1AcceptsIt(@TempDir Path dir) throws Exception {
        SigningResult r = ETax.sign(SIGNER, key, ETaxTest.declaration());
        assertEquals(SignatureAlgorithm.RSA_SHA256, r.algorithm());
        assertEquals(Verdict.VALID, ETax.verify(XmlFixtures.core(sb), r.signed()).verdict());
        assumeTrue(XmlFixtures.hasXmlsec1(), "xmlsec1 not installed");
        Path f = Files.write(dir.resolve("to-khai.xml"), r.signed());
        XmlFixtures.Result x = XmlFixtures.xmlsecVerify(sb, f, dir, "--id-attr:id",
                "http://kekhaithue.gdt.gov.vn/TKhaiThue:HSoKhaiThue");
        assertEquals(0, x.exit, x.output);
    }

    @Test
    void edXmlDefaultsToPkcs1AndXmlsec1AcceptsIt(@TempDir Path dir) throws Exception {
        Path unsigned = dir.resolve("msg.xml");
        EdXml.builder().header(EdXmlTest.header()).traceHeader("000.00.00.H26", "2026-11-20T09:00:00+07:00")
                .attachment("ghi-chu.txt", "text/plain", "Văn bản kèm theo\n".getBytes(StandardCharsets.UTF_8))
                .build().writeTo(unsigned);
        byte[] message = Files.readAllBytes(unsigned);
        SigningResult r = EdXml.sign(SIGNER, key, message);
        assertEquals(SignatureAlgorithm.RSA_SHA256, r.algorithm());
        assertEquals(Verdict.VALID, EdXml.verify(XmlFixtures.core(sb), r.signed()).verdict());
        assumeTrue(XmlFixtures.hasXmlsec1(), "xmlsec1 not installed");
        Path signed = Files.write(dir.resolve("msg.signed.xml"), r.signed());
        XmlFixtures.Result x = XmlFixtures.xmlsecVerify(sb, signed, dir);
        assertEquals(0, x.exit, x.output);
    }

    @Test
    void pssOnRequestAndGenericXmlKeepsPss() {
        SigningResult pss = EInvoice.sign(SIGNER, key, EInvoiceTest.invoice(), Party.SELLER, SignatureAlgorithm.RSA_PSS_SHA256);
        assertEquals(SignatureAlgorithm.RSA_PSS_SHA256, pss.algorithm());
        byte[] invoice = EInvoiceTest.invoice();
        SigningResult preferred = SIGNER.sign(invoice, key,
                EInvoice.options(invoice, Party.SELLER, null).toBuilder().scheme(SignatureScheme.RSA_PSS).build());
        assertEquals(SignatureAlgorithm.RSA_PSS_SHA256, preferred.algorithm());
        SigningResult generic = SIGNER.sign("<r><a>1</a></r>".getBytes(StandardCharsets.UTF_8), key, XmlSignatureOptions.defaults());
        assertEquals(SignatureAlgorithm.RSA_PSS_SHA256, generic.algorithm());
        assertNull(XmlSignatureOptions.defaults().scheme());
        assertEquals(SignatureScheme.RSA_PKCS1_V15, EInvoice.options(invoice, Party.SELLER, null).scheme());
    }
}
