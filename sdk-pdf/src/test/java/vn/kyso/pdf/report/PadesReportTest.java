package vn.kyso.pdf.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.kyso.api.Language;
import vn.kyso.api.SignatureLevel;
import vn.kyso.api.report.Modification;
import vn.kyso.api.report.SignatureResult;
import vn.kyso.api.report.Verdict;
import vn.kyso.api.report.VerificationReport;
import vn.kyso.core.report.ReportWriter;
import vn.kyso.core.revocation.RevocationOptions;
import vn.kyso.core.trust.TrustAnchors;
import vn.kyso.core.tsp.TimestampClient;
import vn.kyso.core.verify.Verifier;
import vn.kyso.pdf.PdfSignatureOptions;
import vn.kyso.pdf.PdfSigner;
import vn.kyso.pdf.PdfTestDocuments;
import vn.kyso.pdf.workflow.EOffice;
import vn.kyso.testkit.Sandbox;

/**
 * The reports people read for a PAdES signature: HTML and PDF (read back with pdftotext), Vietnamese and
 * English, verdict first, then who signed (name, organisation, CCCD), when (signing time, time-stamp),
 * on which certificate (issuer, serial, validity), what changed after it in words, whether it covers
 * the whole file, and why it failed.
 */
class PadesReportTest {
    private static Sandbox sandbox;
    private static Verifier verifier;
    private static VerificationReport filled;
    private static VerificationReport attacked;
    @TempDir
    static Path dir;

    @BeforeAll
    static void build() throws Exception {
        sandbox = Sandbox.start();
        TrustAnchors trust = TrustAnchors.of(List.of(sandbox.root()));
        verifier = Verifier.builder().trust(trust).revocation(RevocationOptions.online()).build();
        PdfSigner signer = PdfSigner.builder().trust(trust)
                .timestamps(TimestampClient.builder().urls(List.of(sandbox.tsaUrl())).build()).build();
        Path template = dir.resolve("mau.pdf");
        EOffice.reserveIssuanceFields(PdfTestDocuments.decision(dir.resolve("du-thao.pdf")), template);
        Path signed = dir.resolve("da-ky.pdf");
        signer.sign(template, signed, PdfTestDocuments.key(sandbox.person1()),
                PdfSignatureOptions.builder().level(SignatureLevel.B_T).build());
        Path numbered = dir.resolve("da-vao-so.pdf");
        EOffice.fillIssuance(signed, numbered, "45/QĐ-UBND", OffsetDateTime.parse("2026-11-22T09:30:00+07:00"));
        filled = verifier.verify(numbered);

        Path withPage = dir.resolve("them-trang.pdf");
        try (PDDocument doc = Loader.loadPDF(signed.toFile()); OutputStream os = Files.newOutputStream(withPage)) {
            doc.addPage(new PDPage(PDRectangle.A4));
            doc.getDocumentCatalog().getPages().getCOSObject().setNeedToBeUpdated(true);
            doc.saveIncremental(os);
        }
        attacked = verifier.verify(withPage);
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    private static SignatureResult only(VerificationReport r) {
        assertEquals(1, r.signatures().size());
        return r.signatures().get(0);
    }

    @Test
    void theReportCarriesTheFacts() {
        SignatureResult s = only(filled);
        assertEquals(Verdict.VALID, filled.verdict(), () -> ReportWriter.text(filled, Language.EN));
        assertEquals(Modification.FORM_FILL, s.modificationsAfter());
        assertEquals(Boolean.FALSE, s.coversWholeDocument());
        assertEquals(sandbox.person1().certificate().getSerialNumber().toString(16).toUpperCase(), s.certificateSerial());
        assertEquals(sandbox.person1().certificate().getNotAfter().toInstant(), s.certificateNotAfter());
        assertEquals(1, s.timestamps().size());
        assertEquals(Verdict.INVALID, attacked.verdict());
    }

    /** The facts every rendering must show, in its language. */
    private static void assertFacts(String page, Language lang, VerificationReport r, boolean failed) {
        SignatureResult s = only(r);
        boolean en = lang == Language.EN;
        String verdict = failed ? (en ? "INVALID" : "KHÔNG HỢP LỆ") : (en ? "VALID" : "HỢP LỆ");
        int verdictAt = page.indexOf(verdict);
        int signerAt = page.indexOf("Nguyễn Văn An");
        assertTrue(verdictAt >= 0 && signerAt > verdictAt, "verdict first:\n" + page);
        for (String fact : new String[] {
                s.signer().organization(), "CCCD:001085012345", s.issuer(), s.certificateSerial(),
                ReportWriter.time(s.signingTime()), ReportWriter.time(s.timestamps().get(0).time()),
                s.timestamps().get(0).tsa(), ReportWriter.time(s.certificateNotBefore()),
                ReportWriter.time(s.certificateNotAfter()),
                en ? "Certificate serial" : "Số hiệu chứng thư",
                en ? "Covers whole document" : "Bao phủ toàn bộ tài liệu"}) {
            assertTrue(page.contains(fact), () -> "missing '" + fact + "' in\n" + page);
        }
        if (failed) {
            assertTrue(page.contains("KYSO-V-PDF_PAGES_CHANGED"), page);
            assertTrue(page.contains(en ? "Pages of the PDF were added" : "Trang của tài liệu PDF đã bị thêm"), page);
            assertTrue(page.contains(en ? "content was changed after it" : "nội dung tài liệu đã bị thay đổi sau khi ký"), page);
        } else {
            assertTrue(page.contains(en ? "form fields were filled in after it" : "sau khi ký có điền thông tin vào các trường biểu mẫu"), page);
            assertTrue(page.contains("KYSO-V-PDF_FORM_FILLED"), page);
        }
    }

    @Test
    void htmlInBothLanguages() {
        for (Language lang : Language.values()) {
            assertFacts(ReportWriter.html(filled, lang), lang, filled, false);
            assertFacts(ReportWriter.html(attacked, lang), lang, attacked, true);
        }
    }

    @Test
    void pdfInBothLanguagesReadByPdftotext() throws Exception {
        for (Language lang : Language.values()) {
            for (VerificationReport r : new VerificationReport[] {filled, attacked}) {
                Path pdf = dir.resolve("bao-cao-" + lang + "-" + r.verdict() + ".pdf");
                Files.write(pdf, PdfReportRenderer.render(r, lang));
                // -raw keeps each drawn line whole, in drawing order
                String text = PdfTestDocuments.run("pdftotext", "-raw", "-enc", "UTF-8", pdf.toString(), "-");
                assertFacts(text.replace('\u00a0', ' '), lang, r, r == attacked);
            }
        }
    }

    @Test
    void jsonHasTheCertificateFields() {
        String json = ReportWriter.json(filled, Language.EN);
        SignatureResult s = only(filled);
        assertTrue(json.contains("\"certificateSerial\" : \"" + s.certificateSerial() + "\""), json);
        assertTrue(json.contains("\"certificateNotAfter\" : \"" + ReportWriter.time(s.certificateNotAfter()) + "\""), json);
        assertTrue(json.contains("\"modificationsAfter\" : \"FORM_FILL\""), json);
        assertTrue(new String(json.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8).contains("Nguyễn Văn An"));
    }
}
