package vn.kyso.xml;

import vn.kyso.api.report.VerificationReport;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.kyso.api.SignatureFormat;
import vn.kyso.api.SignatureLevel;
import vn.kyso.api.report.Indication;
import vn.kyso.api.report.SignatureResult;
import vn.kyso.api.report.Verdict;
import vn.kyso.testkit.Identity;
import vn.kyso.testkit.Sandbox;

/**
 * Documents signed by {@code xmlsec1 --sign} (from templates written here, with a sandbox key exported to
 * PEM from its PKCS#12) are accepted by our verifier; a change to the signed content is caught.
 */
class XmlsecSignedInputTest {
    static Sandbox sb;
    @TempDir
    static Path dir;
    static Path keyAndChain;

    @BeforeAll
    static void start() throws Exception {
        assumeTrue(XmlFixtures.hasXmlsec1(), "xmlsec1 is not installed");
        sb = Sandbox.start();
        keyAndChain = exportPem(sb.person1());
    }

    @AfterAll
    static void stop() {
        if (sb != null) {
            sb.close();
        }
    }

    /** The key and chain as xmlsec1 wants them: key.pem,signer.pem,issuing.pem (read back from the PKCS#12). */
    static Path exportPem(Identity id) throws Exception {
        char[] pw = Sandbox.PASSWORD.toCharArray();
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(new ByteArrayInputStream(id.pkcs12(pw)), pw);
        String alias = Collections.list(ks.aliases()).stream().filter(a -> {
            try {
                return ks.isKeyEntry(a);
            } catch (java.security.KeyStoreException e) {
                return false;
            }
        }).findFirst().orElseThrow();
        PrivateKey key = (PrivateKey) ks.getKey(alias, pw);
        List<X509Certificate> chain = new ArrayList<>();
        for (java.security.cert.Certificate c : ks.getCertificateChain(alias)) {
            chain.add((X509Certificate) c);
        }
        Path k = XmlFixtures.writeKeyPem(dir.resolve(id.name() + ".key.pem"), key);
        StringBuilder arg = new StringBuilder(k.toString());
        for (int i = 0; i < chain.size(); i++) {
            X509Certificate c = chain.get(i);
            if (i > 0 && c.getSubjectX500Principal().equals(c.getIssuerX500Principal())) {
                continue; // the root comes from the verifier's trust anchors
            }
            arg.append(',').append(XmlFixtures.writePem(dir.resolve(id.name() + ".cert" + i + ".pem"), List.of(c)));
        }
        return Path.of(arg.toString());
    }

    /** Runs xmlsec1 --sign on a template and returns the signed document. */
    static byte[] xmlsecSign(String template, String name, String... idAttrs) throws Exception {
        Path t = Files.writeString(dir.resolve(name + ".template.xml"), template, StandardCharsets.UTF_8);
        Path out = dir.resolve(name + ".signed.xml");
        List<String> cmd = new ArrayList<>(List.of("xmlsec1", "--sign", "--privkey-pem", keyAndChain.toString()));
        cmd.addAll(List.of(idAttrs));
        cmd.addAll(List.of("--output", out.toString(), t.toString()));
        XmlFixtures.Result r = XmlFixtures.run(cmd);
        assertEquals(0, r.exit, r.output);
        return Files.readAllBytes(out);
    }

    static String certDigest(X509Certificate c) throws Exception {
        return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(c.getEncoded()));
    }

    static String invoiceWith(String signature) {
        return XmlFixtures.invoice("data", "Công ty Mua").replace("<NBan/>", "<NBan>" + signature + "</NBan>");
    }

    /** An enveloped XAdES B-B template: DLHDon by Id, and the signed properties as a second reference. */
    static String xadesTemplate(Instant signingTime) throws Exception {
        String exc = "http://www.w3.org/2001/10/xml-exc-c14n#";
        return invoiceWith("<ds:Signature xmlns:ds=\"http://www.w3.org/2000/09/xmldsig#\" Id=\"xmlsec-sig\"><ds:SignedInfo>"
                + "<ds:CanonicalizationMethod Algorithm=\"" + exc + "\"/>"
                + "<ds:SignatureMethod Algorithm=\"http://www.w3.org/2001/04/xmldsig-more#rsa-sha256\"/>"
                + "<ds:Reference Id=\"xmlsec-ref\" URI=\"#data\"><ds:Transforms><ds:Transform Algorithm=\"" + exc + "\"/></ds:Transforms>"
                + "<ds:DigestMethod Algorithm=\"http://www.w3.org/2001/04/xmlenc#sha256\"/><ds:DigestValue/></ds:Reference>"
                + "<ds:Reference Type=\"http://uri.etsi.org/01903#SignedProperties\" URI=\"#xmlsec-sp\"><ds:Transforms>"
                + "<ds:Transform Algorithm=\"" + exc + "\"/></ds:Transforms>"
                + "<ds:DigestMethod Algorithm=\"http://www.w3.org/2001/04/xmlenc#sha256\"/><ds:DigestValue/></ds:Reference>"
                + "</ds:SignedInfo><ds:SignatureValue/><ds:KeyInfo><ds:X509Data/></ds:KeyInfo>"
                + "<ds:Object><xades:QualifyingProperties xmlns:xades=\"http://uri.etsi.org/01903/v1.3.2#\" Target=\"#xmlsec-sig\">"
                + "<xades:SignedProperties Id=\"xmlsec-sp\"><xades:SignedSignatureProperties>"
                + "<xades:SigningTime>" + signingTime + "</xades:SigningTime>"
                + "<xades:SigningCertificateV2><xades:Cert><xades:CertDigest>"
                + "<ds:DigestMethod Algorithm=\"http://www.w3.org/2001/04/xmlenc#sha256\"/>"
                + "<ds:DigestValue>" + certDigest(sb.person1().certificate()) + "</ds:DigestValue>"
                + "</xades:CertDigest></xades:Cert></xades:SigningCertificateV2></xades:SignedSignatureProperties>"
                + "<xades:SignedDataObjectProperties><xades:DataObjectFormat ObjectReference=\"#xmlsec-ref\">"
                + "<xades:MimeType>text/xml</xades:MimeType></xades:DataObjectFormat></xades:SignedDataObjectProperties>"
                + "</xades:SignedProperties></xades:QualifyingProperties></ds:Object></ds:Signature>");
    }

    /** A plain XMLDSig e-invoice template: DLHDon by Id plus a signed SigningTime property object. */
    static String xmldsigTemplate(Instant signingTime) {
        String c14n = "http://www.w3.org/TR/2001/REC-xml-c14n-20010315";
        return invoiceWith("<Signature xmlns=\"http://www.w3.org/2000/09/xmldsig#\" Id=\"seller\"><SignedInfo>"
                + "<CanonicalizationMethod Algorithm=\"" + c14n + "\"/>"
                + "<SignatureMethod Algorithm=\"http://www.w3.org/2001/04/xmldsig-more#rsa-sha256\"/>"
                + "<Reference URI=\"#data\"><Transforms><Transform Algorithm=\"http://www.w3.org/2000/09/xmldsig#enveloped-signature\"/>"
                + "<Transform Algorithm=\"" + c14n + "\"/></Transforms>"
                + "<DigestMethod Algorithm=\"http://www.w3.org/2001/04/xmlenc#sha256\"/><DigestValue/></Reference>"
                + "<Reference URI=\"#seller-time\"><DigestMethod Algorithm=\"http://www.w3.org/2001/04/xmlenc#sha256\"/><DigestValue/></Reference>"
                + "</SignedInfo><SignatureValue/><KeyInfo><X509Data/></KeyInfo>"
                + "<Object Id=\"seller-time\"><SignatureProperties><SignatureProperty Target=\"#seller\">"
                + "<SigningTime>" + vn.kyso.xml.internal.Dsig.vietnamTime(signingTime) + "</SigningTime>"
                + "</SignatureProperty></SignatureProperties></Object></Signature>");
    }

    @Test
    void xadesSignedByXmlsec1IsValid() throws Exception {
        byte[] signed = xmlsecSign(xadesTemplate(Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(5)), "xades",
                "--id-attr:Id", "DLHDon", "--id-attr:Id", "http://uri.etsi.org/01903/v1.3.2#:SignedProperties");
        VerificationReport v = XmlFixtures.verifier(sb).verify(signed);
        String d = XmlVerifyTest.describe(v);
        assertEquals(Verdict.VALID, v.verdict(), d);
        SignatureResult r = v.signatures().get(0);
        assertEquals(SignatureFormat.XADES, r.format(), d);
        assertEquals(SignatureLevel.B_B, r.level(), d);
        assertTrue(sb.person1().certificate().getSubjectX500Principal().getName().contains(r.signer().commonName()), d);
        assertEquals(List.of("/HDon[1]/DLHDon[1]"), r.signedScope(), d);
        assertEquals(r, v.signatureOf(vn.kyso.api.report.Party.SELLER), d);

        VerificationReport changed = XmlFixtures.verifier(sb).verify(new String(signed, StandardCharsets.UTF_8)
                .replace("<DGia>1000000</DGia>", "<DGia>9000000</DGia>").getBytes(StandardCharsets.UTF_8));
        assertEquals(Verdict.INVALID, changed.verdict(), XmlVerifyTest.describe(changed));
        assertFalse(changed.signatures().get(0).integrity());
    }

    @Test
    void xmldsigInvoiceSignedByXmlsec1KeepsItsIntegrity() throws Exception {
        byte[] signed = xmlsecSign(xmldsigTemplate(Instant.now()), "xmldsig", "--id-attr:Id", "DLHDon", "--id-attr:Id", "Object");
        VerificationReport v = XmlFixtures.verifier(sb).verify(signed);
        String d = XmlVerifyTest.describe(v);
        SignatureResult r = v.signatures().get(0);
        assertEquals(SignatureFormat.XMLDSIG, r.format(), d);
        assertTrue(r.integrity(), d);
        assertTrue(r.chainTrusted(), d);
        assertEquals(r, v.signatureOf(vn.kyso.api.report.Party.SELLER), d);
        assertTrue(r.signedScope().contains("/HDon[1]/DLHDon[1]"), d);
        assertEquals(Verdict.VALID, v.verdict(), d);

        VerificationReport changed = XmlFixtures.verifier(sb).verify(new String(signed, StandardCharsets.UTF_8)
                .replace("<SLuong>1</SLuong>", "<SLuong>2</SLuong>").getBytes(StandardCharsets.UTF_8));
        SignatureResult c = changed.signatures().get(0);
        assertFalse(c.integrity(), XmlVerifyTest.describe(changed));
        assertNotEquals(Indication.TOTAL_PASSED, c.indication(), XmlVerifyTest.describe(changed));
        assertEquals(Verdict.INVALID, changed.verdict(), XmlVerifyTest.describe(changed));
    }
}
