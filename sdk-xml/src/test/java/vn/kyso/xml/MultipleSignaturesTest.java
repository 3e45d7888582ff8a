package vn.kyso.xml;

import vn.kyso.api.report.VerificationReport;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.kyso.api.ErrorCode;
import vn.kyso.api.KysoException;
import vn.kyso.api.SignatureAlgorithm;
import vn.kyso.api.report.Indication;
import vn.kyso.api.report.SignatureResult;
import vn.kyso.api.report.Verdict;
import vn.kyso.api.token.SigningKey;
import vn.kyso.testkit.Sandbox;

/** Parallel signatures and XAdES counter-signatures on one document, verified by our verifier. */
class MultipleSignaturesTest {
    static Sandbox sb;
    static SigningKey first;
    static SigningKey second;
    static XmlSigner signer;

    @BeforeAll
    static void start() {
        sb = Sandbox.start();
        first = XmlFixtures.key(sb.person1());
        second = XmlFixtures.key(sb.person2());
        signer = XmlSigner.builder().build();
    }

    @AfterAll
    static void stop() {
        sb.close();
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static Set<String> signers(VerificationReport v) {
        return v.signatures().stream().map(r -> r.signer().commonName()).collect(Collectors.toSet());
    }

    @Test
    void twoParallelXadesSignaturesOverTheWholeDocumentAreBothValid() {
        byte[] one = signer.sign(utf8("<CongVan><NoiDung>Quyết định số 45</NoiDung></CongVan>"), first, XmlSignatureOptions.defaults()).signed();
        byte[] two = signer.sign(one, second, XmlSignatureOptions.defaults()).signed();
        VerificationReport v = XmlFixtures.verifier(sb).verify(two);
        String d = XmlVerifyTest.describe(v);
        assertEquals(Verdict.VALID, v.verdict(), d);
        assertEquals(2, v.signatures().size(), d);
        for (SignatureResult r : v.signatures()) {
            assertEquals(Indication.TOTAL_PASSED, r.indication(), d);
            assertEquals(List.of("/"), r.signedScope(), d);
        }
        assertEquals(Set.of(sb.person1().certificate(), sb.person2().certificate()).size(), signers(v).size(), d);
        // Changing the content breaks both.
        VerificationReport changed = XmlFixtures.verifier(sb).verify(utf8(new String(two, StandardCharsets.UTF_8).replace("số 45", "số 46")));
        assertTrue(changed.signatures().stream().allMatch(r -> r.indication() == Indication.TOTAL_FAILED && !r.integrity()),
                XmlVerifyTest.describe(changed));
    }

    @Test
    void sellerAndBuyerSignTheInvoiceDataInParallel() {
        byte[] invoice = utf8(XmlFixtures.invoice("data", "Công ty Mua").replace("<NBan/>", "<NBan/><NMua/>"));
        byte[] seller = signer.sign(invoice, first, XmlSignatureOptions.builder().elementId("data").signatureParent("/HDon/DSCKS/NBan").build()).signed();
        byte[] both = signer.sign(seller, second, XmlSignatureOptions.builder().elementId("data").signatureParent("/HDon/DSCKS/NMua").build()).signed();
        VerificationReport v = XmlFixtures.verifier(sb).verify(both);
        String d = XmlVerifyTest.describe(v);
        assertEquals(Verdict.VALID, v.verdict(), d);
        assertEquals(Indication.TOTAL_PASSED, v.signatureOf(vn.kyso.api.report.Party.SELLER).indication(), d);
        assertEquals(Indication.TOTAL_PASSED, v.signatureOf(vn.kyso.api.report.Party.BUYER).indication(), d);
        assertNotEquals(v.signatureOf(vn.kyso.api.report.Party.SELLER).signer().commonName(), v.signatureOf(vn.kyso.api.report.Party.BUYER).signer().commonName(), d);
        for (List<String> paths : v.signatures().stream().map(SignatureResult::signedScope).collect(java.util.stream.Collectors.toList())) {
            assertEquals(List.of("/HDon[1]/DLHDon[1]"), paths, d);
        }
    }

    @Test
    void parallelXmldsigInvoiceSignaturesKeepTheirIntegrity() {
        XmlSignatureOptions.Builder dsig = XmlSignatureOptions.builder().format(XmlSignatureOptions.Format.XMLDSIG)
                .elementId("data").signingTimeProperty(true);
        byte[] invoice = utf8(XmlFixtures.invoice("data", "Công ty Mua").replace("<NBan/>", "<NBan/><NMua/>"));
        byte[] seller = signer.sign(invoice, first, dsig.signatureParent("/HDon/DSCKS/NBan").build()).signed();
        byte[] both = signer.sign(seller, second, dsig.signatureParent("/HDon/DSCKS/NMua").build()).signed();
        VerificationReport v = XmlFixtures.verifier(sb).verify(both);
        String d = XmlVerifyTest.describe(v);
        assertEquals(2, v.signatures().size(), d);
        assertTrue(v.signatureOf(vn.kyso.api.report.Party.SELLER).integrity(), d);
        assertTrue(v.signatureOf(vn.kyso.api.report.Party.BUYER).integrity(), d);
        assertEquals(Indication.TOTAL_PASSED, v.signatureOf(vn.kyso.api.report.Party.SELLER).indication(), d);
        assertEquals(Indication.TOTAL_PASSED, v.signatureOf(vn.kyso.api.report.Party.BUYER).indication(), d);
        assertEquals(Verdict.VALID, v.verdict(), d);
        VerificationReport changed = XmlFixtures.verifier(sb).verify(utf8(new String(both, StandardCharsets.UTF_8).replace("1100000", "1200000")));
        assertFalse(changed.signatureOf(vn.kyso.api.report.Party.SELLER).integrity(), XmlVerifyTest.describe(changed));
        assertFalse(changed.signatureOf(vn.kyso.api.report.Party.BUYER).integrity(), XmlVerifyTest.describe(changed));
        assertEquals(Verdict.INVALID, changed.verdict(), XmlVerifyTest.describe(changed));
    }

    @Test
    void aSignatureThatWouldBreakAnExistingOneIsRefused(@TempDir Path dir) throws Exception {
        // Plain XMLDSig over the whole document (enveloped-signature transform): a second signature in the
        // document would change what the first one signed.
        XmlSignatureOptions whole = XmlSignatureOptions.builder().format(XmlSignatureOptions.Format.XMLDSIG).build();
        Path one = Files.write(dir.resolve("one.xml"), signer.sign(utf8("<ToKhai><ct21>1000</ct21></ToKhai>"), first, whole).signed());
        Path out = dir.resolve("two.xml");
        for (XmlSignatureOptions o : List.of(whole, XmlSignatureOptions.defaults())) {
            KysoException e = assertThrows(KysoException.class, () -> signer.sign(one, out, second, o));
            assertEquals(ErrorCode.INVALID_ARGUMENT, e.errorCode());
            assertTrue(e.getMessage().contains("/ToKhai[1]"), e.getMessage());
            assertFalse(Files.exists(out));
        }
    }

    @Test
    void aCounterSignatureIsValidAndSignsTheTargetsSignatureValue() {
        byte[] signed = signer.sign(utf8("<CongVan><NoiDung>Tờ trình</NoiDung></CongVan>"), first, XmlSignatureOptions.defaults()).signed();
        String targetId = XmlFixtures.signatureIds(signed).get(0);
        byte[] counter = signer.sign(signed, second, counter(targetId)).signed();
        VerificationReport v = XmlFixtures.verifier(sb).verify(counter);
        String d = XmlVerifyTest.describe(v);
        assertEquals(2, v.signatures().size(), d);
        assertEquals(Verdict.VALID, v.verdict(), d);
        assertTrue(v.signatures().stream().allMatch(r -> r.indication() == Indication.TOTAL_PASSED), d);
        assertTrue(v.signatures().stream().map(SignatureResult::signedScope).anyMatch(p -> p.size() == 1 && p.get(0).endsWith("/Signature[1]/SignatureValue[1]")), d);
        assertEquals(2, signers(v).size(), d);
        assertTrue(new String(counter, StandardCharsets.UTF_8).contains("CounterSignature"), d);

        // The counter-signature no longer matches once the target's value changes.
        String text = new String(counter, StandardCharsets.UTF_8);
        int a = text.indexOf("<ds:SignatureValue");
        int b = text.indexOf('>', a) + 1;
        String forged = text.substring(0, b) + (text.charAt(b) == 'A' ? 'B' : 'A') + text.substring(b + 1);
        VerificationReport bad = XmlFixtures.verifier(sb).verify(utf8(forged));
        assertTrue(bad.signatures().stream().allMatch(r -> r.indication() != Indication.TOTAL_PASSED), XmlVerifyTest.describe(bad));
    }

    @Test
    void aCounterSignatureCanNameItsTargetByTheReportId() {
        byte[] signed = signer.sign(utf8("<CongVan><NoiDung>Báo cáo</NoiDung></CongVan>"), first,
                XmlSignatureOptions.builder().algorithm(SignatureAlgorithm.RSA_SHA256).build()).signed();
        String reportId = XmlFixtures.verifier(sb).verify(signed).signatures().get(0).id();
        byte[] counter = signer.sign(signed, second, counter(reportId)).signed();
        VerificationReport v = XmlFixtures.verifier(sb).verify(counter);
        assertEquals(2, v.signatures().size(), XmlVerifyTest.describe(v));
        assertEquals(Verdict.VALID, v.verdict(), XmlVerifyTest.describe(v));
    }

    @Test
    void counterSigningPlainXmldsigOrAnUnknownIdIsATypedError() {
        byte[] dsig = signer.sign(utf8("<r><a>1</a></r>"), first, XmlSignatureOptions.builder()
                .format(XmlSignatureOptions.Format.XMLDSIG).signatureId("sig-1").build()).signed();
        KysoException e = assertThrows(KysoException.class, () -> signer.sign(dsig, second, counter("sig-1")));
        assertEquals(ErrorCode.INVALID_ARGUMENT, e.errorCode());
        assertTrue(e.getMessage().contains("XMLDSig"), e.getMessage());
        byte[] xades = signer.sign(utf8("<r><a>1</a></r>"), first, XmlSignatureOptions.defaults()).signed();
        assertEquals(ErrorCode.INVALID_ARGUMENT, assertThrows(KysoException.class,
                () -> signer.sign(xades, second, counter("no-such-id"))).errorCode());
        assertEquals(ErrorCode.INVALID_ARGUMENT, assertThrows(KysoException.class, () -> signer.sign(xades, second,
                XmlSignatureOptions.builder().counterSignatureOf(XmlFixtures.signatureIds(xades).get(0)).elementId("x").build())).errorCode());
    }

    /** A counter-signature of the signature with this Id: an option of {@code sign}. */
    private static XmlSignatureOptions counter(String id) {
        return XmlSignatureOptions.builder().counterSignatureOf(id).build();
    }
}
