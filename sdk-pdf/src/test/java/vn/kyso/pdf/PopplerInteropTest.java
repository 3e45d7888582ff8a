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
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationWidget;
import org.apache.pdfbox.pdmodel.interactive.form.PDAcroForm;
import org.apache.pdfbox.pdmodel.interactive.form.PDSignatureField;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.kyso.api.Language;
import vn.kyso.api.SignatureFormat;
import vn.kyso.api.report.Indication;
import vn.kyso.api.report.Modification;
import vn.kyso.api.report.SignatureResult;
import vn.kyso.api.report.Verdict;
import vn.kyso.api.report.VerificationReport;
import vn.kyso.core.report.ReportWriter;
import vn.kyso.core.trust.TrustAnchors;
import vn.kyso.core.verify.Verifier;
import vn.kyso.pdf.workflow.EOffice;
import vn.kyso.testkit.Sandbox;

/**
 * Signatures made by poppler (pdfsig, with an NSS database holding a sandbox key) are accepted by our
 * verifier: a new signature field (adbe.pkcs7.detached), and a signature into an empty field kyso-pdf
 * made, asked for as ETSI.CAdES.detached.
 */
class PopplerInteropTest {
    private static Sandbox sandbox;
    @TempDir
    static Path dir;
    private static Path nss;

    @BeforeAll
    static void nssDatabase() throws Exception {
        sandbox = Sandbox.start();
        sandbox.writeTo(dir.resolve("sandbox"));
        nss = Files.createDirectories(dir.resolve("nss"));
        String db = "sql:" + nss;
        PdfTestDocuments.run("certutil", "-N", "-d", db, "--empty-password");
        String imported = PdfTestDocuments.run("pk12util", "-i", dir.resolve("sandbox/person1.p12").toString(),
                "-d", db, "-W", Sandbox.PASSWORD);
        assertTrue(imported.contains("SUCCESSFUL"), imported);
        PdfTestDocuments.run("certutil", "-A", "-n", "kyso-root", "-t", "CT,C,C",
                "-i", dir.resolve("sandbox/root.pem").toString(), "-d", db);
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    private static VerificationReport verify(Path pdf) {
        return Verifier.builder().trust(TrustAnchors.of(List.of(sandbox.root()))).build().verify(pdf);
    }

    @Test
    void adbePkcs7DetachedFromPdfsig() throws Exception {
        Path in = PdfTestDocuments.decision(dir.resolve("poppler-in.pdf"));
        Path out = dir.resolve("poppler-adbe.pdf");
        PdfTestDocuments.run("pdfsig", "-nssdir", "sql:" + nss, "-add-signature", "-nick", "person1",
                "-new-signature-field-name", "poppler", in.toString(), out.toString());
        assertTrue(Files.exists(out), "pdfsig did not sign");
        VerificationReport report = verify(out);
        assertEquals(Verdict.VALID, report.verdict(), () -> ReportWriter.text(report, Language.EN));
        assertEquals(SignatureFormat.PADES, report.signatures().get(0).format());
        assertEquals("Nguyễn Văn An", report.signatures().get(0).signer().commonName());
    }

    @Test
    void etsiCadesDetachedIntoAFieldKysoMade() throws Exception {
        Path in = PdfTestDocuments.decision(dir.resolve("field-in.pdf"));
        Path withField = dir.resolve("field-empty.pdf");
        PdfSigner.builder().build().addSignatureField(in, withField,
                PdfSignatureOptions.builder().field("van_thu").visible(1, 330, 600, 200, 60).build());
        Path out = dir.resolve("field-signed.pdf");
        String log = PdfTestDocuments.run("pdfsig", "-nssdir", "sql:" + nss, "-sign", "van_thu", "-etsi",
                "-nick", "person1", withField.toString(), out.toString());
        assertTrue(Files.exists(out), log);
        // poppler 22.12 (Debian 12) accepts -etsi with -sign but still writes adbe.pkcs7.detached; newer
        // poppler writes ETSI.CAdES.detached. Either way the signature must sit in our field and verify.
        String info = PdfTestDocuments.run("pdfsig", "-nocert", out.toString());
        assertTrue(info.contains("Signature Field Name: van_thu") && info.contains("Signature is Valid."), info);
        VerificationReport report = verify(out);
        assertEquals(Verdict.VALID, report.verdict(), () -> ReportWriter.text(report, Language.EN));
        assertEquals(Indication.TOTAL_PASSED, report.signatures().get(0).indication());
        assertEquals(Boolean.TRUE, report.signatures().get(0).coversWholeDocument());
    }

    @Test
    void popplerSigningAfterUsIsOnlyASignatureForOurComparison() throws Exception {
        // another writer's incremental update (poppler's) after our signature: classified as SIGNATURES
        Path in = PdfTestDocuments.decision(dir.resolve("then-poppler-in.pdf"));
        Path ours = dir.resolve("then-poppler-ours.pdf");
        PdfSigner.builder().build().sign(in, ours, PdfTestDocuments.key(sandbox.person2()),
                PdfSignatureOptions.builder().field("lanh_dao").visible(1, 60, 600, 200, 60).build());
        Path out = dir.resolve("then-poppler.pdf");
        String log = PdfTestDocuments.run("pdfsig", "-nssdir", "sql:" + nss, "-add-signature", "-nick", "person1",
                "-new-signature-field-name", "poppler", ours.toString(), out.toString());
        assertTrue(Files.exists(out), log);
        VerificationReport report = verify(out);
        String text = ReportWriter.text(report, Language.EN);
        assertEquals(Verdict.VALID, report.verdict(), text);
        assertEquals(2, report.signatures().size(), text);
        assertTrue(report.signatures().stream().anyMatch(s -> s.modificationsAfter() == vn.kyso.api.report.Modification.SIGNATURES
                && "Trần Thị Bình".equals(s.signer().commonName())), text);
    }

    @Test
    void aLaterSignatureLaidOverAFormFieldIsNotPermitted() throws Exception {
        // we sign a template with the issuance fields; then someone adds an empty signature field over the
        // number field (no appearance: nothing shown yet) and poppler signs it: its widget covers the field
        Path template = dir.resolve("cover-template.pdf");
        EOffice.reserveIssuanceFields(PdfTestDocuments.decision(dir.resolve("cover-in.pdf")), template);
        Path ours = dir.resolve("cover-ours.pdf");
        PdfSigner.builder().build().sign(template, ours, PdfTestDocuments.key(sandbox.person2()),
                PdfSignatureOptions.builder().field("lanh_dao").visible(1, 60, 600, 200, 60).build());
        Path withField = dir.resolve("cover-field.pdf");
        try (PDDocument doc = Loader.loadPDF(ours.toFile()); OutputStream os = Files.newOutputStream(withField)) {
            PDAcroForm form = doc.getDocumentCatalog().getAcroForm();
            PDRectangle number = form.getField(EOffice.NUMBER_FIELD).getWidgets().get(0).getRectangle();
            PDSignatureField sig = new PDSignatureField(form);
            sig.setPartialName("ky_sau");
            PDAnnotationWidget w = sig.getWidgets().get(0);
            w.setRectangle(new PDRectangle(number.getLowerLeftX(), number.getLowerLeftY(), 200, number.getHeight()));
            w.setPage(doc.getPage(0));
            w.setPrinted(true);
            doc.getPage(0).getAnnotations().add(w);
            doc.getPage(0).getCOSObject().setNeedToBeUpdated(true);
            form.getFields().add(sig);
            form.getCOSObject().setNeedToBeUpdated(true);
            doc.saveIncremental(os);
        }
        assertEquals(Verdict.VALID, verify(withField).verdict(), "an empty field showing nothing is a permitted change");
        Path out = dir.resolve("cover-signed.pdf");
        String log = PdfTestDocuments.run("pdfsig", "-nssdir", "sql:" + nss, "-sign", "ky_sau", "-nick", "person1",
                withField.toString(), out.toString());
        assertTrue(Files.exists(out), log);
        VerificationReport report = verify(out);
        String text = ReportWriter.text(report, Language.EN);
        assertEquals(Verdict.INVALID, report.verdict(), text);
        SignatureResult first = report.signatures().stream()
                .filter(s -> "Trần Thị Bình".equals(s.signer().commonName())).findFirst().orElseThrow();
        assertEquals(Modification.OTHER, first.modificationsAfter(), text);
        assertTrue(first.errors().stream().anyMatch(e -> e.code().equals("KYSO-V-PDF_ANNOTATION_OVERLAP")
                && e.message(Language.EN).contains("signature field ky_sau on page 1 covers field " + EOffice.NUMBER_FIELD)), text);
    }

    @Test
    void kysoSignsAfterPopplerAndBothStayValid() throws Exception {
        Path in = PdfTestDocuments.decision(dir.resolve("poppler-first.pdf"));
        Path popplerSigned = dir.resolve("poppler-first.1.pdf");
        PdfTestDocuments.run("pdfsig", "-nssdir", "sql:" + nss, "-add-signature", "-nick", "person1",
                "-new-signature-field-name", "poppler", in.toString(), popplerSigned.toString());
        assertTrue(Files.exists(popplerSigned), "pdfsig did not sign");
        Path out = dir.resolve("poppler-first.2.pdf");
        PdfSigner.builder().build().sign(popplerSigned, out, PdfTestDocuments.key(sandbox.person2()),
                PdfSignatureOptions.builder().visible(1, 330, 600, 200, 60).build());
        PdfTestDocuments.assertPdfsigValid(out, 2);
        PdfTestDocuments.assertQpdfClean(out, null);
        VerificationReport report = verify(out);
        assertEquals(Verdict.VALID, report.verdict(), () -> ReportWriter.text(report, Language.EN));
        assertEquals(2, report.signatures().size());
    }
}
