package vn.kyso.xml;

import vn.kyso.api.report.Indication;
import vn.kyso.api.report.VerificationReport;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.kyso.api.KysoException;
import vn.kyso.api.SignatureFormat;
import vn.kyso.api.SignatureLevel;
import vn.kyso.api.report.RevocationStatus;
import vn.kyso.api.report.SignatureResult;
import vn.kyso.api.report.Verdict;
import vn.kyso.api.token.SigningKey;
import vn.kyso.core.verify.Verifier;
import vn.kyso.testkit.Sandbox;

class XmlVerifyTest {
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

    static String describe(VerificationReport v) {
        StringBuilder s = new StringBuilder(v.verdict() + " " + v.profile());
        v.signatures().forEach(r -> s.append("\n ").append(r.id()).append(' ').append(r.indication()).append(' ')
                .append(r.subIndication()).append(' ').append(r.party()).append(' ').append(r.signedScope()).append(' ').append(r.errors()).append(' ').append(r.warnings()));
        return s.toString();
    }

    static String signedInvoice() {
        return XmlFixtures.xmldsigInvoice(key);
    }

    /** Anything but VALID, or a typed error, quickly. */
    static void notValid(String xml) {
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            try {
                VerificationReport v = XmlFixtures.verifier(sb).verify(xml.getBytes(StandardCharsets.UTF_8));
                assertNotEquals(Verdict.VALID, v.verdict(), describe(v));
            } catch (KysoException expected) {
                // a typed error is an acceptable outcome
            }
        });
    }

    @Test
    void xmldsigInvoiceIsValidAndNamesTheSellerAndTheSignedElement() {
        VerificationReport v = XmlFixtures.verifier(sb).verify(signedInvoice().getBytes(StandardCharsets.UTF_8));
        assertEquals(Verdict.VALID, v.verdict(), describe(v));
        assertEquals(SignatureFormat.XMLDSIG, v.signatures().get(0).format());
        assertNotNull(v.signatureOf(vn.kyso.api.report.Party.SELLER), describe(v));
        assertTrue(v.signatures().get(0).signedScope().contains("/HDon[1]/DLHDon[1]"), describe(v));
        SignatureResult seller = v.signatures().get(0);
        assertEquals(vn.kyso.api.report.Party.SELLER, seller.party());
        assertEquals("/HDon[1]/DLHDon[1]", seller.signedScope().get(0));
        assertNotNull(seller.signingTime(), "the signed SigningTime property is the signing time");
        assertTrue(seller.errors().isEmpty(), describe(v));
    }

    @Test
    void xmldsigIntegrityFailureIsInvalidUnderTheXmldsigPolicy() {
        VerificationReport v = XmlFixtures.verifier(sb).verify(signedInvoice().replace("1100000", "9100000").getBytes(StandardCharsets.UTF_8));
        assertEquals(Verdict.INVALID, v.verdict(), describe(v));
        assertFalse(v.signatures().get(0).integrity(), describe(v));
    }

    @Test
    void xmldsigWithoutTrustAnchorIsIndeterminateAndRevokedSignerIsNotValid() {
        VerificationReport untrusted = new XmlCheck(Verifier.builder().revocation(XmlFixtures.online()).build())
                .verify(signedInvoice().getBytes(StandardCharsets.UTF_8));
        assertEquals(Verdict.INDETERMINATE, untrusted.verdict(), describe(untrusted));
        byte[] revoked = XmlSigner.builder().build().sign(XmlFixtures.invoice("data", "A").getBytes(StandardCharsets.UTF_8),
                XmlFixtures.key(sb.revokedPerson()), XmlSignatureOptions.builder().format(XmlSignatureOptions.Format.XMLDSIG)
                        .elementId("data").signatureParent("/HDon/DSCKS/NBan").signingTimeProperty(true).build()).signed();
        VerificationReport v = XmlFixtures.verifier(sb).verify(revoked);
        // Revoked a minute before it signed (the sandbox revokes it at start): nothing proves the signature
        // came first, and XMLDSig without a signed time claims no time either.
        assertEquals(Verdict.INDETERMINATE, v.verdict(), describe(v));
        assertEquals(vn.kyso.api.report.SubIndication.REVOKED_NO_POE, v.signatures().get(0).subIndication(), describe(v));
        assertEquals(RevocationStatus.REVOKED, v.signatures().get(0).revocation(), describe(v));
    }

    @Test
    void xadesAndXmldsigInOneDocumentAreEachJudgedByTheirOwnPolicy() {
        // The seller signs plain XMLDSig, the buyer XAdES: both VALID, each with its own format.
        byte[] both = XmlSigner.builder().build().sign(signedInvoice().getBytes(StandardCharsets.UTF_8), key,
                XmlSignatureOptions.builder().elementId("data").signatureParent("/HDon/DSCKS/NMua").build()).signed();
        VerificationReport v = XmlFixtures.verifier(sb).verify(both);
        assertEquals(Verdict.VALID, v.verdict(), describe(v));
        assertEquals(SignatureFormat.XMLDSIG, v.signatureOf(vn.kyso.api.report.Party.SELLER).format(), describe(v));
        assertEquals(SignatureFormat.XADES, v.signatureOf(vn.kyso.api.report.Party.BUYER).format(), describe(v));
        assertEquals(SignatureLevel.B_B, v.signatureOf(vn.kyso.api.report.Party.BUYER).level(), describe(v));
    }

    @Test
    void xadesIsValidThroughTheVerifierPlugin(@TempDir Path dir) throws Exception {
        byte[] signed = XmlSigner.builder().build().sign("<doc><a>1</a></doc>".getBytes(StandardCharsets.UTF_8), key,
                XmlSignatureOptions.defaults()).signed();
        Path f = Files.write(dir.resolve("x.xml"), signed);
        var report = Verifier.builder().trust(XmlFixtures.trust(sb)).revocation(XmlFixtures.online()).build().verify(f);
        assertEquals(Verdict.VALID, report.verdict(), report.signatures().toString());
        assertEquals(SignatureFormat.XADES, report.signatures().get(0).format());
    }

    @Test
    void aSecondQualifyingPropertiesSignedPropertiesOrSignedInfoIsNotValid() {
        // XAdES allows one QualifyingProperties: a reader could take a forged, unsigned signing time from a second.
        String signed = new String(XmlSigner.builder().build().sign("<doc><a>1</a></doc>".getBytes(StandardCharsets.UTF_8), key,
                XmlSignatureOptions.defaults()).signed(), StandardCharsets.UTF_8);
        assertEquals(Verdict.VALID, XmlFixtures.verifier(sb).verify(signed.getBytes(StandardCharsets.UTF_8)).verdict());
        String qp = "<xades:QualifyingProperties xmlns:xades=\"http://uri.etsi.org/01903/v1.3.2#\"><xades:SignedProperties>"
                + "<xades:SignedSignatureProperties><xades:SigningTime>2020-01-01T00:00:00Z</xades:SigningTime>"
                + "</xades:SignedSignatureProperties></xades:SignedProperties></xades:QualifyingProperties>";
        int si = signed.indexOf("<ds:SignedInfo");
        String secondSignedInfo = signed.substring(0, si)
                + signed.substring(si, signed.indexOf("</ds:SignedInfo>") + "</ds:SignedInfo>".length()) + signed.substring(si);
        String secondSignedProperties = signed.replace("</xades:QualifyingProperties>", "<xades:SignedProperties/></xades:QualifyingProperties>");
        for (String forged : new String[] {signed.replace("</ds:Object>", qp + "</ds:Object>"), secondSignedInfo, secondSignedProperties}) {
            VerificationReport v = XmlFixtures.verifier(sb).verify(forged.getBytes(StandardCharsets.UTF_8));
            assertEquals(Verdict.INVALID, v.verdict(), describe(v));
            assertEquals(Indication.TOTAL_FAILED, v.signatures().get(0).indication(), describe(v));
            assertTrue(v.signatures().get(0).errors().stream().anyMatch(m -> m.code().equals("KYSO-V-XML_STRUCTURE")), describe(v));
        }
    }

    @Test
    void changedAmountIsInvalid() {
        notValid(signedInvoice().replace("1100000", "9100000"));
    }

    @Test
    void wrappingDuplicateIdIsNotValid() {
        // A forged copy with the same Id placed first: a consumer reading /HDon/DLHDon may see either.
        String s = signedInvoice();
        String forged = s.replace("<HDon>", "<HDon><DLHDon Id=\"data\"><TToan>1</TToan></DLHDon>");
        notValid(forged);
    }

    @Test
    void wrappingSignedElementMovedAsideIsNotValid() {
        // The signed original is moved into a wrapper; the consumer reads a new, unsigned DLHDon.
        String s = signedInvoice();
        int a = s.indexOf("<DLHDon");
        int b = s.indexOf("</DLHDon>") + "</DLHDon>".length();
        String original = s.substring(a, b);
        String forged = s.substring(0, a) + "<DLHDon Id=\"other\"><TToan>9</TToan></DLHDon><Extra>" + original + "</Extra>" + s.substring(b);
        notValid(forged);
    }

    @Test
    void signatureOverACopyInsideItsObjectIsNotValid() {
        // The signature points at a copy kept inside ds:Object while the invoice data is rewritten.
        String s = signedInvoice();
        int a = s.indexOf("<DLHDon");
        int b = s.indexOf("</DLHDon>") + "</DLHDon>".length();
        String original = s.substring(a, b);
        String forged = s.substring(0, a) + "<DLHDon Id=\"x2\"><TToan>9</TToan></DLHDon>" + s.substring(b);
        forged = forged.replace("</Signature>", "<Object>" + original + "</Object></Signature>");
        notValid(forged);
    }

    @Test
    void wrongElementForTheProfileIsNotValid() {
        // A cryptographically valid signature over the buyer block, not DLHDon.
        String doc = XmlFixtures.invoice("data", "A").replace("<NMua>", "<NMua Id=\"buyer\">");
        byte[] signed = XmlSigner.builder().build().sign(doc.getBytes(StandardCharsets.UTF_8), key,
                XmlSignatureOptions.builder().format(XmlSignatureOptions.Format.XMLDSIG).elementId("buyer")
                        .signatureParent("/HDon/DSCKS/NBan").build()).signed();
        VerificationReport v = XmlFixtures.verifier(sb).verify(signed);
        assertEquals(Verdict.INVALID, v.verdict(), describe(v));
        assertEquals(Indication.TOTAL_FAILED, v.signatures().get(0).indication(), describe(v));
        assertTrue(v.signatures().get(0).errors().stream().anyMatch(m -> m.code().equals("KYSO-V-XML_PROFILE_SCOPE")));
    }

    @Test
    void xxeBillionLaughsAndDoctypeAreRefused(@TempDir Path dir) throws Exception {
        Path secret = Files.writeString(dir.resolve("secret.txt"), "BI-MAT");
        notValid("<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY x SYSTEM \"" + secret.toUri() + "\">]><r>&x;</r>");
        notValid(XmlFixtures.billionLaughs(9));
    }

    @Test
    void externalReferencesAreNeverFetched() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        String s = signedInvoice();
        notValid(s.replace("URI=\"#data\"", "URI=\"http://127.0.0.1:" + port + "/\""));
        notValid(s.replace("URI=\"#data\"", "URI=\"file:///etc/passwd\""));
    }

    @Test
    void xsltTransformIsRefused() {
        String s = signedInvoice();
        notValid(s.replace("<Transform Algorithm=\"http://www.w3.org/2000/09/xmldsig#enveloped-signature\"/>",
                "<Transform Algorithm=\"http://www.w3.org/TR/1999/REC-xslt-19991116\"><xsl:stylesheet xmlns:xsl=\"http://www.w3.org/1999/XSL/Transform\" version=\"1.0\"/></Transform>"));
    }
}
