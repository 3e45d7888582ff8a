package vn.kyso.pdf;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.common.PDStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.kyso.api.KysoException;
import vn.kyso.api.Language;
import vn.kyso.api.report.Verdict;
import vn.kyso.api.report.VerificationReport;
import vn.kyso.core.report.ReportWriter;
import vn.kyso.core.trust.TrustAnchors;
import vn.kyso.core.verify.Verifier;
import vn.kyso.testkit.Sandbox;

/**
 * The published PDF signature attack classes, each built from a file we signed: the verdict is never
 * VALID, and the report (or the typed error) says why.
 */
class PdfAttackTest {
    private static Sandbox sandbox;
    private static Verifier verifier;
    @TempDir
    static Path dir;

    @BeforeAll
    static void start() {
        sandbox = Sandbox.start();
        verifier = Verifier.builder().trust(TrustAnchors.of(List.of(sandbox.root()))).build();
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    private static Path signed(String name, Path in) {
        Path out = dir.resolve(name + ".signed.pdf");
        PdfSigner.builder().build().sign(in, out, PdfTestDocuments.key(sandbox.person1()), PdfSignatureOptions.defaults());
        return out;
    }

    /** The attack must not verify as VALID; a typed error is an acceptable refusal. Returns the reason. */
    private static String assertNotValid(Path attacked) {
        try {
            VerificationReport r = verifier.verify(attacked);
            assertNotEquals(Verdict.VALID, r.verdict(), () -> ReportWriter.text(r, Language.EN));
            assertFalse(r.signatures().isEmpty() || r.signatures().get(0).errors().isEmpty(), ReportWriter.text(r, Language.EN));
            return ReportWriter.text(r, Language.EN);
        } catch (KysoException e) {
            assertTrue(e.code().startsWith("KYSO-"), e.getMessage());
            return e.getMessage();
        }
    }

    private static String latin1(Path p) throws Exception {
        return new String(Files.readAllBytes(p), StandardCharsets.ISO_8859_1);
    }

    private static Path write(String name, String content) throws Exception {
        return Files.write(dir.resolve(name), content.getBytes(StandardCharsets.ISO_8859_1));
    }

    @Test
    void incrementalSavingAddsAPage() throws Exception {
        Path signed = signed("page", PdfTestDocuments.decision(dir.resolve("page.pdf")));
        Path attacked = dir.resolve("page.attacked.pdf");
        try (PDDocument doc = Loader.loadPDF(signed.toFile()); OutputStream os = Files.newOutputStream(attacked)) {
            doc.addPage(new PDPage(PDRectangle.A4));
            doc.getDocumentCatalog().getPages().getCOSObject().setNeedToBeUpdated(true);
            doc.saveIncremental(os);
        }
        assertTrue(assertNotValid(attacked).contains("PDF_CONTENT_CHANGED"));
    }

    @Test
    void universalSignatureForgeryZeroedContents() throws Exception {
        String pdf = latin1(signed("usf", PdfTestDocuments.decision(dir.resolve("usf.pdf"))));
        Matcher m = Pattern.compile("/Contents\\s*<([0-9A-Fa-f]+)>").matcher(pdf);
        assertTrue(m.find());
        String zeros = "0".repeat(m.group(1).length());
        assertNotValid(write("usf.zero.pdf", pdf.substring(0, m.start(1)) + zeros + pdf.substring(m.end(1))));
    }

    @Test
    void universalSignatureForgeryBrokenByteRange() throws Exception {
        String pdf = latin1(signed("br", PdfTestDocuments.decision(dir.resolve("br.pdf"))));
        Matcher m = Pattern.compile("/ByteRange\\s*\\[\\s*(\\d+)\\s+(\\d+)\\s+(\\d+)\\s+(\\d+)\\s*\\]").matcher(pdf);
        assertTrue(m.find());
        // same width, so no other offset moves: a range that starts inside the file and skips its head
        String first = m.group(1);
        String shifted = String.format("%0" + first.length() + "d", 7);
        assertNotValid(write("br.shifted.pdf", pdf.substring(0, m.start(1)) + shifted + pdf.substring(m.end(1))));
        // a second range that ends past the end of the file
        String len = m.group(4);
        String longer = "9".repeat(len.length());
        assertNotValid(write("br.long.pdf", pdf.substring(0, m.start(4)) + longer + pdf.substring(m.end(4))));
    }

    @Test
    void newContentBehindAnIntactSignedRevision() throws Exception {
        Path signed = signed("wrap", PdfTestDocuments.decision(dir.resolve("wrap.pdf")));
        // The signed bytes stay intact (so the signature itself verifies) while a later revision gives the
        // page new content: what a reader sees is no longer what was signed.
        try (PDDocument doc = Loader.loadPDF(signed.toFile());
             OutputStream os = Files.newOutputStream(dir.resolve("wrap.attacked.pdf"))) {
            PDPage page = doc.getPage(0);
            PDStream fake = new PDStream(doc);
            try (OutputStream out = fake.createOutputStream()) {
                out.write("BT /F1 24 Tf 72 700 Td (Fake) Tj ET".getBytes(StandardCharsets.US_ASCII));
            }
            page.setContents(fake);
            page.getCOSObject().setNeedToBeUpdated(true);
            doc.saveIncremental(os);
        }
        assertTrue(assertNotValid(dir.resolve("wrap.attacked.pdf")).contains("PDF_CONTENT_CHANGED"));
    }

    @Test
    void shadowAttackHideAndReplace() throws Exception {
        // Prepared before signing: a second content stream, unused, stored in the catalog.
        Path in = PdfTestDocuments.decision(dir.resolve("shadow.pdf"));
        Path prepared = dir.resolve("shadow.prepared.pdf");
        try (PDDocument doc = Loader.loadPDF(in.toFile())) {
            PDStream shadow = new PDStream(doc);
            try (OutputStream out = shadow.createOutputStream()) {
                out.write("BT /F1 24 Tf 72 700 Td (Noi dung thay the) Tj ET".getBytes(StandardCharsets.US_ASCII));
            }
            doc.getDocumentCatalog().getCOSObject().setItem(COSName.getPDFName("KysoShadow"), shadow.getCOSObject());
            doc.save(prepared.toFile());
        }
        Path signed = signed("shadow", prepared);
        // After signing: only a reference changes, the page now shows the prepared stream.
        Path attacked = dir.resolve("shadow.attacked.pdf");
        try (PDDocument doc = Loader.loadPDF(signed.toFile()); OutputStream os = Files.newOutputStream(attacked)) {
            COSStream shadow = (COSStream) doc.getDocumentCatalog().getCOSObject().getDictionaryObject(
                    COSName.getPDFName("KysoShadow"));
            PDPage page = doc.getPage(0);
            page.setContents(new PDStream(shadow));
            page.getCOSObject().setNeedToBeUpdated(true);
            doc.saveIncremental(os);
        }
        assertTrue(assertNotValid(attacked).contains("PDF_CONTENT_CHANGED"));
    }

    /**
     * Signature widgets may lie over signature widgets (Decree 30's seal over the leader's image), but any
     * other annotation laid over a signature after it was made is a change of kind OTHER.
     */
    @Test
    void annotationLaidOverAVisibleSignature() throws Exception {
        Path in = PdfTestDocuments.decision(dir.resolve("cover.pdf"));
        Path signed = dir.resolve("cover.signed.pdf");
        PdfSigner.builder().build().sign(in, signed, PdfTestDocuments.key(sandbox.person1()),
                PdfSignatureOptions.builder().visible(1, 300, 600, 200, 60).build());
        Path attacked = dir.resolve("cover.attacked.pdf");
        try (PDDocument doc = Loader.loadPDF(signed.toFile()); OutputStream os = Files.newOutputStream(attacked)) {
            PDPage page = doc.getPage(0);
            org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationSquare square =
                    new org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationSquare();
            float h = page.getMediaBox().getHeight();
            square.setRectangle(new org.apache.pdfbox.pdmodel.common.PDRectangle(290, h - 670, 220, 80));
            square.setInteriorColor(new org.apache.pdfbox.pdmodel.graphics.color.PDColor(new float[] {1, 1, 1},
                    org.apache.pdfbox.pdmodel.graphics.color.PDDeviceRGB.INSTANCE));
            square.constructAppearances(doc);
            java.util.List<org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotation> annots = page.getAnnotations();
            annots.add(square);
            page.setAnnotations(annots);
            page.getCOSObject().setNeedToBeUpdated(true);
            doc.saveIncremental(os);
        }
        assertTrue(assertNotValid(attacked).contains("PDF_CONTENT_CHANGED"));
    }
}
