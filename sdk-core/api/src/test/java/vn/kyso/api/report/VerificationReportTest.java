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
import vn.kyso.api.cert.SubjectKind;

class VerificationReportTest {
    static final Instant NOW = Instant.parse("2025-08-15T03:00:00Z");

    static SignatureResult sig(Indication i) {
        return sig(i, null);
    }

    static SignatureResult sig(Indication i, Modification after) {
        return SignatureResult.builder().id("S-" + i).format(SignatureFormat.PADES).indication(i)
                .modificationsAfter(after).build();
    }

    static Verdict verdict(SignatureResult... results) {
        return new VerificationReport("hợp-đồng.pdf", NOW, Arrays.asList(results)).verdict();
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
        assertEquals(expected, new VerificationReport(null, NOW, results).verdict());
    }

    @Test
    void reportCopiesItsListAndIsImmutable() {
        List<SignatureResult> list = new ArrayList<>(Collections.singletonList(sig(Indication.TOTAL_PASSED)));
        VerificationReport r = new VerificationReport("a.pdf", NOW, list);
        list.add(sig(Indication.TOTAL_FAILED));
        assertEquals(1, r.signatures().size());
        assertEquals(Verdict.VALID, r.verdict());
        assertThrows(UnsupportedOperationException.class, () -> r.signatures().add(sig(Indication.TOTAL_FAILED)));
        assertEquals("a.pdf", r.documentName());
        assertEquals(NOW, r.validationTime());
        assertThrows(NullPointerException.class, () -> new VerificationReport("a", null, list));
    }

    @Test
    void signatureResultDefaultsAndRequiredFields() {
        SignatureResult r = SignatureResult.builder().id("S1").format(SignatureFormat.CADES)
                .indication(Indication.TOTAL_PASSED).build();
        assertEquals(SignatureLevel.NONE, r.level());
        assertEquals(RevocationStatus.NOT_CHECKED, r.revocation());
        assertNull(r.coversWholeDocument());
        assertNull(r.modificationsAfter());
        assertEquals(0, r.errors().size());
        assertThrows(NullPointerException.class, () -> SignatureResult.builder().format(SignatureFormat.CADES)
                .indication(Indication.TOTAL_PASSED).build());
        assertThrows(NullPointerException.class, () -> SignatureResult.builder().id("x")
                .indication(Indication.TOTAL_PASSED).build());
        assertThrows(NullPointerException.class, () -> SignatureResult.builder().id("x")
                .format(SignatureFormat.CADES).build());
    }

    @Test
    void builderListsAreCopiedAtBuild() {
        SignatureResult.Builder b = SignatureResult.builder().id("S1").format(SignatureFormat.XADES)
                .indication(Indication.INDETERMINATE).addWarning(ReportMessage.of(ErrorCode.REVOCATION_UNAVAILABLE, "OCSP"))
                .addTimestamp(new TimestampResult(NOW, "VNPT-CA TSA", true));
        SignatureResult r = b.build();
        b.addWarning(ReportMessage.of(ErrorCode.NETWORK_FAILED, "x")).addError(ReportMessage.of(ErrorCode.INTERNAL, "y"));
        assertEquals(1, r.warnings().size());
        assertEquals(0, r.errors().size());
        assertEquals(1, r.timestamps().size());
        assertThrows(UnsupportedOperationException.class, () -> r.warnings().clear());
        assertEquals(Indication.INDETERMINATE, b.indication());
    }

    @Test
    void reportMessageOfGivesBothLanguagesWithoutCodePrefix() {
        ReportMessage m = ReportMessage.of(ErrorCode.CERTIFICATE_REVOKED, "Nguyễn Văn Ánh");
        assertEquals("KYSO-207", m.code());
        assertEquals("Chứng thư số đã bị thu hồi: Nguyễn Văn Ánh", m.message(Language.VI));
        assertEquals("The certificate has been revoked: Nguyễn Văn Ánh", m.message(Language.EN));
        assertEquals("KYSO-207: The certificate has been revoked: Nguyễn Văn Ánh", m.toString());
        ReportMessage none = ReportMessage.of(ErrorCode.NO_SIGNATURE);
        assertEquals("Không tìm thấy chữ ký số", none.message(Language.VI));
        assertEquals("No signature found", none.message(Language.EN));
        // details that look like a code prefix are kept
        ReportMessage tricky = ReportMessage.of(ErrorCode.INVALID_ARGUMENT, "[x] y");
        assertEquals("Invalid argument: [x] y", tricky.message(Language.EN));
    }

    @Test
    void reportMessageEquality() {
        assertEquals(ReportMessage.of(ErrorCode.TIMESTAMP_INVALID, "a"), ReportMessage.of(ErrorCode.TIMESTAMP_INVALID, "a"));
        assertEquals(ReportMessage.of(ErrorCode.TIMESTAMP_INVALID, "a").hashCode(),
                ReportMessage.of(ErrorCode.TIMESTAMP_INVALID, "a").hashCode());
        org.junit.jupiter.api.Assertions.assertNotEquals(ReportMessage.of(ErrorCode.TIMESTAMP_INVALID, "a"),
                ReportMessage.of(ErrorCode.TIMESTAMP_INVALID, "b"));
        assertThrows(NullPointerException.class, () -> new ReportMessage("K", null, "e"));
    }

    @Test
    void signerSummaryOfCertificateInfo() {
        java.security.cert.X509Certificate cert = vn.kyso.api.testsupport.TestCertificates.builder()
                .subject(vn.kyso.api.testsupport.TestCertificates.name().c("VN").st("Đà Nẵng").o("Công ty Ví dụ")
                        .ou("Phòng Pháp chế").cn("Phan Thị Quỳnh").uid("MST:0401234567").uid("CCCD:048190000333").build())
                .build();
        SignerSummary s = SignerSummary.of(vn.kyso.api.cert.CertificateInfo.of(cert));
        assertEquals("Phan Thị Quỳnh", s.commonName());
        assertEquals("Công ty Ví dụ", s.organization());
        assertEquals("Phòng Pháp chế", s.organizationalUnit());
        assertEquals("Đà Nẵng", s.province());
        assertEquals("0401234567", s.taxCode());
        assertEquals("CCCD:048190000333", s.personalId());
        assertEquals(SubjectKind.PERSON, s.kind());
    }
}
