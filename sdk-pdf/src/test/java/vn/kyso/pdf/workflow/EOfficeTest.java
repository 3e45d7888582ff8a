package vn.kyso.pdf.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.kyso.api.ErrorCode;
import vn.kyso.api.KysoException;
import vn.kyso.api.Language;
import vn.kyso.api.SignatureLevel;
import vn.kyso.api.report.Indication;
import vn.kyso.api.report.Modification;
import vn.kyso.api.report.SignatureResult;
import vn.kyso.api.report.Verdict;
import vn.kyso.api.report.VerificationReport;
import vn.kyso.api.token.SigningKey;
import vn.kyso.api.token.Tokens;
import vn.kyso.core.report.ReportWriter;
import vn.kyso.core.trust.TrustAnchors;
import vn.kyso.core.tsp.TimestampClient;
import vn.kyso.core.verify.Verifier;
import vn.kyso.pdf.PdfSignatureOptions;
import vn.kyso.pdf.PdfSigner;
import vn.kyso.pdf.PdfTestDocuments;
import vn.kyso.testkit.Identity;
import vn.kyso.testkit.Sandbox;

/** Three approvals, then the clerk's number, date and organisation signature: all four stay valid. */
class EOfficeTest {
    private static Sandbox sandbox;

    @BeforeAll
    static void start() {
        sandbox = Sandbox.start();
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    private static SigningKey key(Identity who) {
        return Tokens.pkcs12(who.pkcs12(Sandbox.PASSWORD.toCharArray()), Sandbox.PASSWORD.toCharArray(), who.name()).firstKey();
    }

    @Test
    void approvalsThenIssuanceKeepEverySignatureValid(@TempDir Path dir) throws Exception {
        TrustAnchors trust = TrustAnchors.of(List.of(sandbox.root()));
        PdfSigner signer = PdfSigner.builder().trust(trust)
                .timestamps(TimestampClient.builder().urls(List.of(sandbox.tsaUrl())).build()).build();
        Path draft = PdfTestDocuments.decision(dir.resolve("du-thao.pdf"));
        Path template = dir.resolve("mau.pdf");
        EOffice.reserveIssuanceFields(draft, template);

        Path step = template;
        Identity[] approvers = {sandbox.person1(), sandbox.person2(), sandbox.person3()};
        for (int i = 0; i < approvers.length; i++) {
            Path next = dir.resolve("buoc-" + (i + 1) + ".pdf");
            signer.sign(step, next, key(approvers[i]), PdfSignatureOptions.builder().field("phe_duyet_" + (i + 1))
                    .visible(1, 30 + 185f * i, 560, 175, 70).build());
            step = next;
        }
        Path issued = dir.resolve("phat-hanh.pdf");
        OffsetDateTime date = OffsetDateTime.parse("2026-11-22T09:30:00+07:00");
        EOffice.issue(signer, step, issued, key(sandbox.organization()), "45/QĐ-UBND", date,
                PdfSignatureOptions.builder().field("van_thu").level(SignatureLevel.B_T).build());

        PdfTestDocuments.assertPdfsigValid(issued, 4);
        String text = PdfTestDocuments.run("pdftotext", "-enc", "UTF-8", issued.toString(), "-");
        assertTrue(text.contains("Số: 45/QĐ-UBND"), text);
        assertTrue(text.contains("ngày 22 tháng 11 năm 2026"), text);

        VerificationReport report = Verifier.builder().trust(trust).build().verify(issued);
        assertEquals(Verdict.VALID, report.verdict(), () -> ReportWriter.text(report, Language.EN));
        assertEquals(4, report.signatures().size());
        int formFilled = 0;
        for (SignatureResult s : report.signatures()) {
            assertEquals(Indication.TOTAL_PASSED, s.indication());
            if (!Boolean.TRUE.equals(s.coversWholeDocument())) {
                assertTrue(s.modificationsAfter() == Modification.SIGNATURES
                        || s.modificationsAfter() == Modification.FORM_FILL, s.modificationsAfter()::toString);
                formFilled += s.modificationsAfter() == Modification.FORM_FILL ? 1 : 0;
            }
        }
        assertEquals(3, formFilled, () -> ReportWriter.text(report, Language.EN));
    }

    @Test
    void fillingWithoutReservedFieldsIsRefused(@TempDir Path dir) throws Exception {
        Path plain = PdfTestDocuments.decision(dir.resolve("khong-co-truong.pdf"));
        assertEquals(ErrorCode.INVALID_ARGUMENT, assertThrows(KysoException.class, () -> EOffice.fillIssuance(plain,
                dir.resolve("x.pdf"), "1/QĐ", OffsetDateTime.now())).errorCode());
    }
}
