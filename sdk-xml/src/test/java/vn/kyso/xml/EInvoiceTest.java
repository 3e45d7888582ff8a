package vn.kyso.xml;

import vn.kyso.api.report.VerificationReport;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;
import vn.kyso.api.ErrorCode;
import vn.kyso.api.KysoException;
import vn.kyso.api.SignatureAlgorithm;
import vn.kyso.api.SignatureFormat;
import vn.kyso.api.report.SignatureResult;
import vn.kyso.api.report.Verdict;
import vn.kyso.api.token.SigningKey;
import vn.kyso.testkit.Sandbox;
import vn.kyso.xml.internal.Dom;
import vn.kyso.xml.profile.EInvoice;
import vn.kyso.xml.profile.EInvoice.Party;

/** E-invoice profile: each party signs in its place, xmlsec1 agrees, and each party is reported separately. */
class EInvoiceTest {
    static Sandbox sb;
    static SigningKey seller;
    static SigningKey buyer;
    static final SignatureAlgorithm PKCS1 = SignatureAlgorithm.RSA_SHA256; // xmlsec1 1.2 knows no RSA-PSS in XML

    @BeforeAll
    static void start() {
        sb = Sandbox.start();
        seller = XmlFixtures.key(sb.organization());
        buyer = XmlFixtures.key(sb.person1());
    }

    @AfterAll
    static void stop() {
        sb.close();
    }

    static byte[] invoice() {
        return XmlFixtures.invoice("inv-2025-123", "Nguyễn Văn A").getBytes(StandardCharsets.UTF_8);
    }

    static byte[] sellerSigned() {
        return EInvoice.sign(XmlSigner.builder().build(), seller, invoice(), Party.SELLER, PKCS1).signed();
    }

    /** The Id of the ds:Signature held in /HDon/DSCKS/{slot}. */
    static String signatureId(byte[] xml, String slot) {
        Element sig = Dom.selectOne(Dom.parse(xml), "/HDon/DSCKS/" + slot + "/*[local-name()='Signature']");
        return sig.getAttribute("Id");
    }

    static XmlFixtures.Result xmlsec(Path dir, byte[] xml, String signatureId) throws Exception {
        Path f = Files.write(dir.resolve(signatureId + ".xml"), xml);
        return XmlFixtures.xmlsecVerify(sb, f, dir, "--id-attr:Id", "DLHDon", "--id-attr:Id", "MCCQT",
                "--id-attr:Id", "http://www.w3.org/2000/09/xmldsig#:Object",
                "--id-attr:Id", "http://www.w3.org/2000/09/xmldsig#:Signature", "--node-id", signatureId);
    }

    @Test
    void sellerSignatureIsAcceptedByXmlsec1AndVerifiesWithTheSellerNamed(@TempDir Path dir) throws Exception {
        byte[] signed = sellerSigned();
        String text = new String(signed, StandardCharsets.UTF_8);
        assertTrue(text.contains("URI=\"#inv-2025-123\""), text);
        assertTrue(text.contains("SigningTime"), text);
        if (XmlFixtures.hasXmlsec1()) {
            XmlFixtures.Result x = xmlsec(dir, signed, signatureId(signed, "NBan"));
            assertEquals(0, x.exit, x.output);
        }
        VerificationReport v = EInvoice.verify(XmlFixtures.core(sb), signed);
        assertEquals(Verdict.VALID, v.verdict(), XmlVerifyTest.describe(v));
        SignatureResult s = v.signatureOf(Party.SELLER.party());
        assertEquals(SignatureFormat.XMLDSIG, s.format());
        assertEquals(vn.kyso.api.report.Party.SELLER, s.party());
        assertEquals("/HDon[1]/DLHDon[1]", s.signedScope().get(0));
        assertEquals("0101234567-001", s.signer().taxCode(), "the organisation's MST from its certificate");
        assertNotNull(s.signingTime());
        assertNull(v.signatureOf(Party.BUYER.party()));
        assertTrue(hasCode(s.warnings(), "KYSO-V-XML_PARTY_TAX_CODE"), "the invoice names MST 0101234567, the certificate 0101234567-001");

        byte[] matching = new String(invoice(), StandardCharsets.UTF_8).replace("<MST>0101234567</MST>", "<MST>0101234567-001</MST>")
                .getBytes(StandardCharsets.UTF_8);
        VerificationReport m = EInvoice.verify(XmlFixtures.core(sb),
                EInvoice.sign(XmlSigner.builder().build(), seller, matching, Party.SELLER).signed());
        assertEquals(Verdict.VALID, m.verdict(), XmlVerifyTest.describe(m));
        assertFalse(hasCode(m.signatureOf(vn.kyso.api.report.Party.SELLER).warnings(), "KYSO-V-XML_PARTY_TAX_CODE"), XmlVerifyTest.describe(m));
    }

    static boolean hasCode(List<vn.kyso.api.report.ReportMessage> messages, String code) {
        return messages.stream().anyMatch(x -> x.code().equals(code));
    }

    @Test
    void sellerThenBuyerBothVerifyAndXmlsec1AcceptsEach(@TempDir Path dir) throws Exception {
        byte[] both = EInvoice.sign(XmlSigner.builder().build(), buyer, sellerSigned(), Party.BUYER, PKCS1).signed();
        VerificationReport v = EInvoice.verify(XmlFixtures.core(sb), both);
        assertEquals(Verdict.VALID, v.verdict(), XmlVerifyTest.describe(v));
        assertEquals(2, v.signatures().size());
        assertEquals("0101234567-001", v.signatureOf(vn.kyso.api.report.Party.SELLER).signer().taxCode());
        assertEquals("Nguyễn Văn An", v.signatureOf(vn.kyso.api.report.Party.BUYER).signer().commonName());
        assertEquals(List.of("/HDon[1]/DLHDon[1]", "/HDon[1]/DSCKS[1]/NMua[1]/Signature[1]/Object[1]"), v.signatureOf(vn.kyso.api.report.Party.BUYER).signedScope());
        if (XmlFixtures.hasXmlsec1()) {
            for (String slot : new String[] {"NBan", "NMua"}) {
                XmlFixtures.Result x = xmlsec(dir, both, signatureId(both, slot));
                assertEquals(0, x.exit, slot + ": " + x.output);
            }
        }
        // The buyer's signature does not protect what the seller signed less: change the data, both fail.
        VerificationReport changed = EInvoice.verify(XmlFixtures.core(sb),
                new String(both, StandardCharsets.UTF_8).replace("1100000", "1000").getBytes(StandardCharsets.UTF_8));
        assertEquals(Verdict.INVALID, changed.verdict(), XmlVerifyTest.describe(changed));
        assertTrue(changed.signatures().stream().noneMatch(SignatureResult::integrity));
    }

    @Test
    void taxAuthoritySignsTheCodeAndIsReportedAsSuch(@TempDir Path dir) throws Exception {
        String withCode = new String(sellerSigned(), StandardCharsets.UTF_8)
                .replace("</DLHDon>", "</DLHDon><MCCQT Id=\"mccqt\">00A1B2C3D4E5F60718293A4B5C</MCCQT>");
        byte[] signed = EInvoice.sign(XmlSigner.builder().build(), XmlFixtures.key(sb.person2()),
                withCode.getBytes(StandardCharsets.UTF_8), Party.TAX_AUTHORITY, PKCS1).signed();
        VerificationReport v = EInvoice.verify(XmlFixtures.core(sb), signed);
        assertEquals(Verdict.VALID, v.verdict(), XmlVerifyTest.describe(v));
        assertEquals("/HDon[1]/MCCQT[1]", v.signatureOf(vn.kyso.api.report.Party.TAX_AUTHORITY).signedScope().get(0));
        assertEquals(vn.kyso.api.report.Indication.TOTAL_PASSED, v.signatureOf(vn.kyso.api.report.Party.SELLER).indication(),
                "the seller's signature survives the code and the tax authority's signature");
        if (XmlFixtures.hasXmlsec1()) {
            XmlFixtures.Result x = xmlsec(dir, signed, signatureId(signed, "CQT"));
            assertEquals(0, x.exit, x.output);
        }
        KysoException noCode = assertThrows(KysoException.class,
                () -> EInvoice.options(sellerSigned(), Party.TAX_AUTHORITY, null));
        assertEquals(ErrorCode.INVALID_ARGUMENT, noCode.errorCode());
    }

    @Test
    void aValidSignatureInTheBuyersPlaceOverAnotherElementIsNotValid() {
        // Cryptographically fine, but it covers the seller's signature instead of DLHDon.
        byte[] doc = sellerSigned();
        byte[] signed = XmlSigner.builder().build().sign(doc, buyer, XmlSignatureOptions.builder()
                .format(XmlSignatureOptions.Format.XMLDSIG).elementId(signatureId(doc, "NBan")).signatureParent("/HDon/DSCKS/NMua")
                .signingTimeProperty(true).algorithm(PKCS1).build()).signed();
        VerificationReport v = EInvoice.verify(XmlFixtures.core(sb), signed);
        assertEquals(Verdict.INVALID, v.verdict(), XmlVerifyTest.describe(v));
        SignatureResult b = v.signatureOf(vn.kyso.api.report.Party.BUYER);
        assertEquals(vn.kyso.api.report.Indication.TOTAL_FAILED, b.indication(), XmlVerifyTest.describe(v));
        assertTrue(b.integrity(), "the signature itself is intact: only its scope is wrong");
        assertTrue(b.errors().stream().anyMatch(m -> m.code().equals("KYSO-V-XML_PROFILE_SCOPE")), XmlVerifyTest.describe(v));
        assertEquals(vn.kyso.api.report.Indication.TOTAL_PASSED, v.signatureOf(vn.kyso.api.report.Party.SELLER).indication(), XmlVerifyTest.describe(v));
    }

    @Test
    void aSecondSlotForTheSameOrAnyPartyMakesTheInvoiceNotValid() {
        String signed = new String(sellerSigned(), StandardCharsets.UTF_8);
        for (String doubled : new String[] {signed.replace("</DSCKS>", "<NBan/></DSCKS>"),
                                             signed.replace("</HDon>", "<DSCKS><NMua/></DSCKS></HDon>")}) {
            VerificationReport v = EInvoice.verify(XmlFixtures.core(sb), doubled.getBytes(StandardCharsets.UTF_8));
            assertEquals(Verdict.INVALID, v.verdict(), XmlVerifyTest.describe(v));
            assertEquals(vn.kyso.api.report.Indication.TOTAL_FAILED, v.signatureOf(vn.kyso.api.report.Party.SELLER).indication());
            assertTrue(v.signatureOf(vn.kyso.api.report.Party.SELLER).integrity(), "the signature itself is intact: only its place is ambiguous");
            assertTrue(v.signatureOf(vn.kyso.api.report.Party.SELLER).errors().stream().anyMatch(m -> m.code().equals("KYSO-V-XML_PROFILE_SLOT_AMBIGUOUS")),
                    XmlVerifyTest.describe(v));
        }
        VerificationReport single = EInvoice.verify(XmlFixtures.core(sb), signed.getBytes(StandardCharsets.UTF_8));
        assertEquals(Verdict.VALID, single.verdict(), XmlVerifyTest.describe(single));
    }

    @Test
    void aSellerSignatureWithoutSigningTimeOrOverTheWholeInvoiceIsNotValid() {
        byte[] noTime = XmlSigner.builder().build().sign(invoice(), seller, XmlSignatureOptions.builder()
                .format(XmlSignatureOptions.Format.XMLDSIG).elementId("inv-2025-123").signatureParent("/HDon/DSCKS/NBan")
                .build()).signed();
        VerificationReport v = EInvoice.verify(XmlFixtures.core(sb), noTime);
        assertEquals(Verdict.INVALID, v.verdict(), XmlVerifyTest.describe(v));
        assertEquals(vn.kyso.api.report.Indication.TOTAL_FAILED, v.signatureOf(vn.kyso.api.report.Party.SELLER).indication());
        assertTrue(v.signatureOf(vn.kyso.api.report.Party.SELLER).errors().stream().anyMatch(m -> m.code().equals("KYSO-V-XML_SIGNING_TIME_MISSING")));

        byte[] whole = XmlSigner.builder().build().sign(invoice(), seller, XmlSignatureOptions.builder()
                .format(XmlSignatureOptions.Format.XMLDSIG).signatureParent("/HDon/DSCKS/NBan").signingTimeProperty(true)
                .build()).signed();
        VerificationReport w = EInvoice.verify(XmlFixtures.core(sb), whole);
        assertEquals(Verdict.INVALID, w.verdict(), XmlVerifyTest.describe(w));
        assertEquals(vn.kyso.api.report.Indication.TOTAL_FAILED, w.signatureOf(vn.kyso.api.report.Party.SELLER).indication());
        assertTrue(w.signatureOf(vn.kyso.api.report.Party.SELLER).integrity());
        assertTrue(w.signatureOf(vn.kyso.api.report.Party.SELLER).errors().stream().anyMatch(m -> m.code().equals("KYSO-V-XML_PROFILE_SCOPE")));
    }

    @Test
    void signingTwiceAsTheSamePartyOrWithoutSellerIsRefused() {
        KysoException twice = assertThrows(KysoException.class,
                () -> EInvoice.sign(XmlSigner.builder().build(), seller, sellerSigned(), Party.SELLER));
        assertEquals(ErrorCode.INVALID_ARGUMENT, twice.errorCode());
        byte[] buyerOnly = EInvoice.sign(XmlSigner.builder().build(), buyer, invoice(), Party.BUYER).signed();
        KysoException noSeller = assertThrows(KysoException.class, () -> EInvoice.verify(XmlFixtures.core(sb), buyerOnly));
        assertEquals(ErrorCode.NO_SIGNATURE, noSeller.errorCode());
        KysoException notInvoice = assertThrows(KysoException.class,
                () -> EInvoice.options("<HSoThueDTu/>".getBytes(StandardCharsets.UTF_8), Party.SELLER, null));
        assertEquals(ErrorCode.INVALID_ARGUMENT, notInvoice.errorCode());
    }

    @Test
    void theSellerSignsInTwoPhasesWithTheProfileOptions() {
        XmlSigner signer = XmlSigner.builder().stateKey(vn.kyso.api.twophase.StateKey.generate()).build();
        byte[] xml = invoice();
        var prepared = signer.prepare(xml, seller.chain(), SignatureAlgorithm.RSA_PSS_SHA256,
                EInvoice.options(xml, Party.SELLER, SignatureAlgorithm.RSA_PSS_SHA256));
        byte[] value = seller.signDigest(prepared.digest(), prepared.algorithm()); // the browser agent or phone
        byte[] signed = signer.complete(prepared.state(), value, xml).signed();
        VerificationReport v = EInvoice.verify(XmlFixtures.core(sb), signed);
        assertEquals(Verdict.VALID, v.verdict(), XmlVerifyTest.describe(v));
        assertEquals("/HDon[1]/DLHDon[1]", v.signatureOf(vn.kyso.api.report.Party.SELLER).signedScope().get(0));
    }

    @Test
    void rsaPssOnRequestIsReported() {
        // item 13: the e-invoice default is RSA PKCS#1 v1.5 (ProfileDefaultsTest); RSASSA-PSS on request
        var r = EInvoice.sign(XmlSigner.builder().build(), seller, invoice(), Party.SELLER, SignatureAlgorithm.RSA_PSS_SHA256);
        assertTrue(r.algorithm().name().startsWith("RSA_PSS"), r.algorithm().name());
        VerificationReport v = EInvoice.verify(XmlFixtures.core(sb), r.signed());
        assertEquals(Verdict.VALID, v.verdict(), XmlVerifyTest.describe(v));
        assertTrue(v.signatureOf(vn.kyso.api.report.Party.SELLER).signatureAlgorithm().scheme() == vn.kyso.api.SignatureScheme.RSA_PSS, v.signatureOf(vn.kyso.api.report.Party.SELLER).signatureAlgorithmName());
    }
}
