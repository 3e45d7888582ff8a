package vn.kyso.pdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationSquare;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationWidget;
import org.apache.pdfbox.pdmodel.interactive.form.PDAcroForm;
import org.apache.pdfbox.pdmodel.interactive.form.PDSignatureField;
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
import vn.kyso.testkit.Sandbox;

/**
 * Long-term signatures and certification: the /DSS revision and the document time-stamp that B-LT and
 * B-LTA add after the signature are validation data (SIGNATURES), which even a "no changes" (DocMDP
 * P=1) certification permits; a comment added to such a document is not.
 */
class PdfLongTermTest {
    private static Sandbox sandbox;
    private static PdfSigner signer;
    private static Verifier verifier;
    @TempDir
    static Path dir;

    @BeforeAll
    static void start() {
        sandbox = Sandbox.start();
        TrustAnchors trust = TrustAnchors.of(List.of(sandbox.root()));
        signer = PdfSigner.builder().trust(trust).revocation(RevocationOptions.online())
                .timestamps(TimestampClient.builder().urls(List.of(sandbox.tsaUrl())).build()).build();
        verifier = Verifier.builder().trust(trust).revocation(RevocationOptions.online()).build();
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @Test
    void certifiedNoChangesAtLtaStaysValid() throws Exception {
        Path signed = dir.resolve("p1-lta.pdf");
        signer.sign(PdfTestDocuments.decision(dir.resolve("p1.pdf")), signed, PdfTestDocuments.key(sandbox.person1()),
                PdfSignatureOptions.builder().level(SignatureLevel.B_LTA)
                        .certification(PdfSignatureOptions.Certification.NO_CHANGES).build());
        VerificationReport r = verifier.verify(signed);
        String text = ReportWriter.text(r, Language.EN);
        assertEquals(Verdict.VALID, r.verdict(), text);
        SignatureResult s = r.signatures().get(0);
        assertEquals(SignatureLevel.B_LTA, s.level(), text);
        assertEquals(Boolean.FALSE, s.coversWholeDocument(), text);
        assertEquals(Modification.SIGNATURES, s.modificationsAfter(), text);
        assertTrue(s.timestamps().size() >= 2, text); // signature time-stamp and document time-stamp

        Path commented = dir.resolve("p1-lta-commented.pdf");
        try (PDDocument doc = Loader.loadPDF(signed.toFile()); OutputStream os = Files.newOutputStream(commented)) {
            PDAnnotationSquare box = new PDAnnotationSquare();
            box.setRectangle(new PDRectangle(400, 60, 100, 40));
            box.constructAppearances(doc);
            doc.getPage(0).getAnnotations().add(box);
            doc.getPage(0).getCOSObject().setNeedToBeUpdated(true);
            doc.saveIncremental(os);
        }
        assertRefusedByP1(commented, Modification.ANNOTATIONS);
    }

    /** The certification signature of {@code file} fails because DocMDP P=1 forbids a change of {@code kind}. */
    private static void assertRefusedByP1(Path file, Modification kind) {
        VerificationReport r = verifier.verify(file);
        String why = ReportWriter.text(r, Language.EN);
        assertEquals(Verdict.INVALID, r.verdict(), why);
        assertEquals(kind, r.signatures().get(0).modificationsAfter(), why);
        assertTrue(r.signatures().get(0).errors().stream()
                .anyMatch(m -> m.code().equals("KYSO-V-PDF_CHANGE_NOT_PERMITTED") && m.message(Language.EN).contains("P=1")), why);
    }

    @Test
    void aNewSignatureFieldAfterANoChangesCertificationIsRefused() throws Exception {
        Path certified = dir.resolve("p1-field.pdf");
        signer.sign(PdfTestDocuments.decision(dir.resolve("p1-field-in.pdf")), certified, PdfTestDocuments.key(sandbox.person1()),
                PdfSignatureOptions.builder().certification(PdfSignatureOptions.Certification.NO_CHANGES).build());
        // another tool adds an empty signature field for a second signer: P=1 forbids even that
        Path withField = dir.resolve("p1-field-added.pdf");
        try (PDDocument doc = Loader.loadPDF(certified.toFile()); OutputStream os = Files.newOutputStream(withField)) {
            PDAcroForm form = doc.getDocumentCatalog().getAcroForm();
            PDSignatureField field = new PDSignatureField(form);
            field.setPartialName("nguoi_ky_2");
            PDAnnotationWidget w = field.getWidgets().get(0);
            w.setRectangle(new PDRectangle(0, 0, 0, 0));
            w.setPage(doc.getPage(0));
            w.setPrinted(true);
            doc.getPage(0).getAnnotations().add(w);
            form.getFields().add(field);
            form.getCOSObject().setNeedToBeUpdated(true);
            doc.getPage(0).getCOSObject().setNeedToBeUpdated(true);
            doc.saveIncremental(os);
        }
        assertRefusedByP1(withField, Modification.SIGNATURES);
    }

    @Test
    void anLtSignatureFollowedByAnotherSignatureKeepsBothValid() throws Exception {
        Path first = dir.resolve("lt-1.pdf");
        signer.sign(PdfTestDocuments.decision(dir.resolve("lt.pdf")), first, PdfTestDocuments.key(sandbox.person1()),
                PdfSignatureOptions.builder().field("a").level(SignatureLevel.B_LT).build());
        Path second = dir.resolve("lt-2.pdf");
        signer.sign(first, second, PdfTestDocuments.key(sandbox.person2()),
                PdfSignatureOptions.builder().field("b").level(SignatureLevel.B_LT).build());
        VerificationReport r = verifier.verify(second);
        String text = ReportWriter.text(r, Language.EN);
        assertEquals(Verdict.VALID, r.verdict(), text);
        assertEquals(2, r.signatures().size(), text);
        for (SignatureResult s : r.signatures()) {
            assertTrue(s.level() == SignatureLevel.B_LT || s.level() == SignatureLevel.B_LTA, text);
            assertTrue(s.modificationsAfter() == Modification.SIGNATURES, text);
        }
    }
}
