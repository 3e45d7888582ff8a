package vn.kyso.api.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;
import vn.kyso.api.ErrorCode;
import vn.kyso.api.Language;
import vn.kyso.api.SignatureFormat;
import vn.kyso.api.SignatureLevel;
import vn.kyso.api.KysoException;
import vn.kyso.api.SignatureAlgorithm;
import vn.kyso.api.cert.SubjectKind;
import vn.kyso.api.internal.ReportAccess;
import vn.kyso.api.internal.SignatureResultBuilder;

class VerificationReportTest {
    static final Instant NOW = Instant.parse("2025-08-15T03:00:00Z");

    static SignatureResult sig(Indication i) {
        return sig(i, null);
    }

    static SignatureResult sig(Indication i, Modification after) {
        return ReportAccess.signature().id("S-" + i).format(SignatureFormat.PADES).indication(i)
                .modificationsAfter(after).build();
    }

    static Verdict verdict(SignatureResult... results) {
        return ReportAccess.report("hợp-đồng.pdf", NOW, Arrays.asList(results)).verdict();
    }

    @Test
    void emptyIsIndeterminate() {
        assertEquals(Verdict.INDETERMINATE, verdict());
    }

    @Test
    void allPassedIsValid() {
        assertEquals(Verdict.VALID, verdict(sig(Indication.TOTAL_PASSED)));
        assertEquals(Verdict.VALID, verdict(sig(Indication.TOTAL_PASSED), sig(Indication.TOTAL_PASSED, Modification.SIGNATURES),
                sig(Indication.TOTAL_PASSED, Modification.FORM_FILL), sig(Indication.TOTAL_PASSED, Modification.ANNOTATIONS),
                sig(Indication.TOTAL_PASSED, Modification.NONE)));
    }

    @Test
    void oneFailedIsInvalidWhateverTheOrder() {
        assertEquals(Verdict.INVALID, verdict(sig(Indication.TOTAL_FAILED)));
        assertEquals(Verdict.INVALID, verdict(sig(Indication.TOTAL_PASSED), sig(Indication.TOTAL_FAILED)));
        assertEquals(Verdict.INVALID, verdict(sig(Indication.INDETERMINATE), sig(Indication.TOTAL_FAILED)));
        assertEquals(Verdict.INVALID, verdict(sig(Indication.TOTAL_FAILED), sig(Indication.INDETERMINATE)));
    }

    @Test
    void oneIndeterminateIsIndeterminate() {
        assertEquals(Verdict.INDETERMINATE, verdict(sig(Indication.INDETERMINATE)));
        assertEquals(Verdict.INDETERMINATE, verdict(sig(Indication.TOTAL_PASSED), sig(Indication.INDETERMINATE)));
        assertEquals(Verdict.INDETERMINATE, verdict(sig(Indication.INDETERMINATE), sig(Indication.TOTAL_PASSED)));
    }

    @Test
    void passedButModifiedAfterwardsIsInvalid() {
        assertEquals(Verdict.INVALID, verdict(sig(Indication.TOTAL_PASSED, Modification.OTHER)));
        assertEquals(Verdict.INVALID, verdict(sig(Indication.TOTAL_PASSED), sig(Indication.TOTAL_PASSED, Modification.OTHER)));
        assertEquals(Verdict.INVALID, verdict(sig(Indication.INDETERMINATE, Modification.OTHER)));
    }

    /** The documented rule, written independently, agrees with the report on any list. */
    @Property(tries = 300)
    void verdictFollowsTheDocumentedRule(@ForAll @Size(max = 5) List<Indication> indications,
                                         @ForAll @Size(max = 5) List<Modification> modifications) {
        List<SignatureResult> results = new ArrayList<>();
        boolean invalid = false;
        boolean allPassed = true;
        for (int i = 0; i < indications.size(); i++) {
            Modification m = i < modifications.size() ? modifications.get(i) : null;
            results.add(sig(indications.get(i), m));
            invalid |= indications.get(i) == Indication.TOTAL_FAILED || m == Modification.OTHER;
            allPassed &= indications.get(i) == Indication.TOTAL_PASSED;
        }
        Verdict expected = invalid ? Verdict.INVALID
                : !results.isEmpty() && allPassed ? Verdict.VALID : Verdict.INDETERMINATE;
        assertEquals(expected, ReportAccess.report(null, NOW, results).verdict());
    }

    @Test
    void reportCopiesItsListAndIsImmutable() {
        List<SignatureResult> list = new ArrayList<>(Collections.singletonList(sig(Indication.TOTAL_PASSED)));
        VerificationReport r = ReportAccess.report("a.pdf", NOW, list);
        list.add(sig(Indication.TOTAL_FAILED));
        assertEquals(1, r.signatures().size());
        assertEquals(Verdict.VALID, r.verdict());
        assertThrows(UnsupportedOperationException.class, () -> r.signatures().add(sig(Indication.TOTAL_FAILED)));
        assertEquals("a.pdf", r.documentName());
        assertEquals(NOW, r.validationTime());
        assertThrows(NullPointerException.class, () -> ReportAccess.report("a", null, list));
    }

    @Test
    void signatureResultDefaultsAndRequiredFields() {
        SignatureResult r = ReportAccess.signature().id("S1").format(SignatureFormat.CADES)
                .indication(Indication.TOTAL_PASSED).build();
        assertEquals(SignatureLevel.NONE, r.level());
        assertEquals(RevocationStatus.NOT_CHECKED, r.revocation());
        assertNull(r.coversWholeDocument());
        assertNull(r.modificationsAfter());
        assertEquals(0, r.errors().size());
        assertMissing("id", () -> ReportAccess.signature().format(SignatureFormat.CADES)
                .indication(Indication.TOTAL_PASSED).build());
        assertMissing("format", () -> ReportAccess.signature().id("x")
                .indication(Indication.TOTAL_PASSED).build());
        assertMissing("indication", () -> ReportAccess.signature().id("x")
                .format(SignatureFormat.CADES).build());
    }

    @Test
    void builderListsAreCopiedAtBuild() {
        SignatureResultBuilder b = ReportAccess.signature().id("S1").format(SignatureFormat.XADES)
                .indication(Indication.INDETERMINATE).addWarning(ReportAccess.message(ErrorCode.REVOCATION_UNAVAILABLE, "OCSP"))
                .addTimestamp(ReportAccess.timestamp(NOW, "VNPT-CA TSA", true));
        SignatureResult r = b.build();
        b.addWarning(ReportAccess.message(ErrorCode.NETWORK_FAILED, "x")).addError(ReportAccess.message(ErrorCode.INTERNAL, "y"));
        assertEquals(1, r.warnings().size());
        assertEquals(0, r.errors().size());
        assertEquals(1, r.timestamps().size());
        assertThrows(UnsupportedOperationException.class, () -> r.warnings().clear());
        assertEquals(Indication.INDETERMINATE, b.indication());
    }

    @Test
    void reportMessageOfGivesBothLanguagesWithoutCodePrefix() {
        ReportMessage m = ReportAccess.message(ErrorCode.CERTIFICATE_REVOKED, "Nguyễn Văn Ánh");
        assertEquals("KYSO-207", m.code());
        assertEquals("Chứng thư số đã bị thu hồi: Nguyễn Văn Ánh", m.message(Language.VI));
        assertEquals("The certificate has been revoked: Nguyễn Văn Ánh", m.message(Language.EN));
        assertEquals("KYSO-207: The certificate has been revoked: Nguyễn Văn Ánh", m.toString());
        ReportMessage none = ReportAccess.message(ErrorCode.NO_SIGNATURE);
        assertEquals("Không tìm thấy chữ ký số", none.message(Language.VI));
        assertEquals("No signature found", none.message(Language.EN));
        // details that look like a code prefix are kept
        ReportMessage tricky = ReportAccess.message(ErrorCode.INVALID_ARGUMENT, "[x] y");
        assertEquals("Invalid argument: [x] y", tricky.message(Language.EN));
    }

    @Test
    void reportMessageEquality() {
        assertEquals(ReportAccess.message(ErrorCode.TIMESTAMP_INVALID, "a"), ReportAccess.message(ErrorCode.TIMESTAMP_INVALID, "a"));
        assertEquals(ReportAccess.message(ErrorCode.TIMESTAMP_INVALID, "a").hashCode(),
                ReportAccess.message(ErrorCode.TIMESTAMP_INVALID, "a").hashCode());
        org.junit.jupiter.api.Assertions.assertNotEquals(ReportAccess.message(ErrorCode.TIMESTAMP_INVALID, "a"),
                ReportAccess.message(ErrorCode.TIMESTAMP_INVALID, "b"));
        assertThrows(NullPointerException.class, () -> ReportAccess.message("K", null, "e"));
    }

    @Test
    void signerSummaryOfCertificateInfo() {
        java.security.cert.X509Certificate cert = vn.kyso.api.testsupport.TestCertificates.builder()
                .subject(vn.kyso.api.testsupport.TestCertificates.name().c("VN").st("Đà Nẵng").o("Công ty Ví dụ")
                        .ou("Phòng Pháp chế").cn("Phan Thị Quỳnh").uid("MST:0401234567").uid("CCCD:048190000333").build())
                .build();
        SignerSummary s = ReportAccess.signer(vn.kyso.api.cert.CertificateInfo.of(cert));
        assertEquals("Phan Thị Quỳnh", s.commonName());
        assertEquals("Công ty Ví dụ", s.organization());
        assertEquals("Phòng Pháp chế", s.organizationalUnit());
        assertEquals("Đà Nẵng", s.province());
        assertEquals("0401234567", s.taxCode());
        assertEquals("CCCD:048190000333", s.personalId());
        assertEquals(SubjectKind.PERSON, s.kind());
    }

    static void assertMissing(String name, org.junit.jupiter.api.function.Executable call) {
        KysoException e = assertThrows(KysoException.class, call);
        assertEquals(ErrorCode.INVALID_ARGUMENT, e.errorCode());
        assertEquals("[KYSO-100] Invalid argument: " + name + " is missing (null)", e.message(Language.EN));
    }

    static SignatureResult party(String id, Party party) {
        return ReportAccess.signature().id(id).format(SignatureFormat.XADES).indication(Indication.TOTAL_PASSED)
                .party(party).build();
    }

    @Test
    void signatureOfFindsTheFirstSignatureOfAParty() {
        SignatureResult seller = party("S1", Party.SELLER);
        SignatureResult buyer = party("S2", Party.BUYER);
        SignatureResult other1 = party("S3", Party.OTHER);
        SignatureResult other2 = party("S4", Party.OTHER);
        VerificationReport r = ReportAccess.report("hd.xml", NOW, Profile.EINVOICE, List.of(seller, buyer, other1, other2));
        assertEquals(Profile.EINVOICE, r.profile());
        assertEquals(seller, r.signatureOf(Party.SELLER));
        assertEquals(buyer, r.signatureOf(Party.BUYER));
        assertEquals(other1, r.signatureOf(Party.OTHER));
        assertEquals(List.of(other1, other2), r.signaturesOf(Party.OTHER));
        assertNull(r.signatureOf(Party.TAX_AUTHORITY));
        assertEquals(List.of(), r.signaturesOf(Party.TAX_AUTHORITY));
        assertMissing("party", () -> r.signatureOf(null));
        assertEquals(Profile.NONE, ReportAccess.report("a.pdf", NOW, List.of(seller)).profile());
    }

    @Test
    void algorithmIsAnEnumWithItsNameAndNullWithoutAConstant() {
        SignatureResult pss = ReportAccess.signature().id("S1").format(SignatureFormat.CADES).indication(Indication.TOTAL_PASSED)
                .signatureAlgorithm(SignatureAlgorithm.RSA_PSS_SHA256, null).subIndication(null).build();
        assertEquals(SignatureAlgorithm.RSA_PSS_SHA256, pss.signatureAlgorithm());
        assertEquals("RSASSA-PSS with SHA-256", pss.signatureAlgorithmName());
        SignatureResult sha1 = ReportAccess.signature().id("S1").format(SignatureFormat.XMLDSIG).indication(Indication.INDETERMINATE)
                .signatureAlgorithm(null, "RSA with SHA-1").subIndication(SubIndication.CRYPTO_CONSTRAINTS_FAILURE_NO_POE).build();
        assertNull(sha1.signatureAlgorithm());
        assertEquals("RSA with SHA-1", sha1.signatureAlgorithmName());
        assertEquals(SubIndication.CRYPTO_CONSTRAINTS_FAILURE_NO_POE, sha1.subIndication());
    }

    /** Reports are built by the SDK only: no public constructor, no public builder, no public factory. */
    @Test
    void reportTypesHaveNoPublicConstructorsOrFactories() {
        for (Class<?> c : List.of(VerificationReport.class, SignatureResult.class, TimestampResult.class,
                SignerSummary.class, ReportMessage.class)) {
            assertEquals(0, c.getConstructors().length, c.getName());
            assertEquals(0, c.getDeclaredClasses().length, c.getName());
            for (java.lang.reflect.Method m : c.getMethods()) {
                if (java.lang.reflect.Modifier.isStatic(m.getModifiers())) {
                    org.junit.jupiter.api.Assertions.assertNotEquals(c, m.getReturnType(), c.getName() + "." + m.getName());
                }
            }
            org.junit.jupiter.api.Assertions.assertTrue(java.lang.reflect.Modifier.isFinal(c.getModifiers()), c.getName());
        }
    }

    @Test
    void onlyTheReportPackageRegistersTheFactory() {
        ReportAccess.Factory impostor = new ReportAccess.Factory() {
            public VerificationReport report(String n, Instant t, Profile p, List<SignatureResult> s) { return null; }
            public SignatureResult signature(SignatureResultBuilder b) { return null; }
            public TimestampResult timestamp(Instant t, String tsa, boolean v) { return null; }
            public SignerSummary signer(String a, String b, String c, String d, String e, String f, SubjectKind k) { return null; }
            public ReportMessage message(String c, String v, String e) { return null; }
        };
        assertThrows(IllegalStateException.class, () -> ReportAccess.register(impostor));
        assertThrows(IllegalStateException.class, () -> ReportAccess.register(new ReportFactory()));
        assertEquals("S1", party("S1", Party.SENDER).id());
    }
}
