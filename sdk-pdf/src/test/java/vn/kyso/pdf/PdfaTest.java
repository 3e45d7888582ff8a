package vn.kyso.pdf;

import vn.kyso.pdf.internal.appearance.PdfFonts;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDMetadata;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.color.PDOutputIntent;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.verapdf.gf.foundry.VeraGreenfieldFoundryProvider;
import org.verapdf.pdfa.Foundries;
import org.verapdf.pdfa.PDFAParser;
import org.verapdf.pdfa.PDFAValidator;
import org.verapdf.pdfa.flavours.PDFAFlavour;
import org.verapdf.pdfa.results.TestAssertion;
import org.verapdf.pdfa.results.ValidationResult;
import vn.kyso.api.report.Verdict;
import vn.kyso.core.trust.TrustAnchors;
import vn.kyso.core.verify.Verifier;
import vn.kyso.testkit.SampleImages;
import vn.kyso.testkit.Sandbox;

/**
 * A PDF/A-2b document stays PDF/A-2b when we sign it (veraPDF, the PDF Association's validator, decides),
 * invisibly, with a visible Vietnamese signature block, and with the leader's signature image and the
 * organisation's seal over it.
 */
class PdfaTest {
    private static Sandbox sandbox;
    @TempDir
    static Path dir;

    @BeforeAll
    static void start() {
        sandbox = Sandbox.start();
        VeraGreenfieldFoundryProvider.initialise();
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    /** A one-page PDF/A-2b decision: embedded font, sRGB output intent, XMP with pdfaid part 2 / B. */
    static Path pdfa2b(Path file) throws Exception {
        try (PDDocument doc = new PDDocument()) {
            PDPage page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            PDType0Font font = PdfFonts.serif(doc);
            try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                cs.beginText();
                cs.setFont(font, 13);
                cs.newLineAtOffset(72, 760);
                cs.showText("QUYẾT ĐỊNH về việc lưu trữ hồ sơ điện tử theo chuẩn PDF/A");
                cs.endText();
            }
            byte[] icc = ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData();
            PDOutputIntent intent = new PDOutputIntent(doc, new ByteArrayInputStream(icc));
            intent.setInfo("sRGB IEC61966-2.1");
            intent.setOutputCondition("sRGB IEC61966-2.1");
            intent.setOutputConditionIdentifier("sRGB IEC61966-2.1");
            intent.setRegistryName("http://www.color.org");
            doc.getDocumentCatalog().addOutputIntent(intent);
            PDMetadata metadata = new PDMetadata(doc);
            metadata.importXMPMetadata(xmp("Quyết định lưu trữ").getBytes(StandardCharsets.UTF_8));
            doc.getDocumentCatalog().setMetadata(metadata);
            doc.getDocumentInformation().setTitle("Quyết định lưu trữ");
            doc.save(file.toFile());
        }
        return file;
    }

    private static String xmp(String title) {
        return "<?xpacket begin=\"\uFEFF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n"
                + "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n"
                + " <rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n"
                + "  <rdf:Description rdf:about=\"\" xmlns:pdfaid=\"http://www.aiim.org/pdfa/ns/id/\""
                + " xmlns:dc=\"http://purl.org/dc/elements/1.1/\">\n"
                + "   <pdfaid:part>2</pdfaid:part>\n"
                + "   <pdfaid:conformance>B</pdfaid:conformance>\n"
                + "   <dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">" + title + "</rdf:li></rdf:Alt></dc:title>\n"
                + "  </rdf:Description>\n"
                + " </rdf:RDF>\n"
                + "</x:xmpmeta>\n"
                + "<?xpacket end=\"w\"?>";
    }

    /** veraPDF's failed PDF/A-2b rules (clause and test number, with the first message), empty when compliant. */
    static List<String> violations(Path pdf) throws Exception {
        try (PDFAParser parser = Foundries.defaultInstance().createParser(pdf.toFile(), PDFAFlavour.PDFA_2_B)) {
            PDFAValidator validator = Foundries.defaultInstance().createValidator(PDFAFlavour.PDFA_2_B, false);
            ValidationResult result = validator.validate(parser);
            TreeSet<String> failed = new TreeSet<>();
            for (TestAssertion a : result.getTestAssertions()) {
                if (a.getStatus() == TestAssertion.Status.FAILED) {
                    failed.add(a.getRuleId().getClause() + "-" + a.getRuleId().getTestNumber() + ": " + a.getMessage());
                }
            }
            assertEquals(result.isCompliant(), failed.isEmpty(), failed::toString);
            return new ArrayList<>(failed);
        }
    }

    @Test
    void theGeneratedInputIsPdfa2b() throws Exception {
        assertEquals(List.of(), violations(pdfa2b(dir.resolve("input.pdf"))));
    }

    @Test
    void anOrdinaryPdfIsNotPdfa2b() throws Exception {
        // the control: without output intent and PDF/A metadata veraPDF must object
        List<String> violations = violations(PdfTestDocuments.decision(dir.resolve("plain.pdf")));
        assertTrue(violations.stream().anyMatch(v -> v.startsWith("6.6.2.1")), violations::toString);
    }

    @Test
    void invisiblySignedItStaysPdfa2b() throws Exception {
        Path signed = dir.resolve("invisible.signed.pdf");
        PdfSigner.builder().build().sign(pdfa2b(dir.resolve("invisible.pdf")), signed,
                PdfTestDocuments.key(sandbox.person1()), PdfSignatureOptions.defaults());
        assertEquals(List.of(), violations(signed));
        assertValid(signed);
    }

    @Test
    void visiblySignedItStaysPdfa2b() throws Exception {
        Path signed = dir.resolve("visible.signed.pdf");
        PdfSigner.builder().build().sign(pdfa2b(dir.resolve("visible.pdf")), signed,
                PdfTestDocuments.key(sandbox.person1()), PdfSignatureOptions.builder().visible(1, 320, 600, 220, 70).build());
        assertEquals(List.of(), violations(signed));
        assertValid(signed);
    }

    @Test
    void signedWithTheLeadersImageAndTheSealItStaysPdfa2b() throws Exception {
        // transparent PNGs (soft masks), a bold title and name; then the seal over the leader's image
        Path leader = dir.resolve("leader.signed.pdf");
        PdfSigner signer = PdfSigner.builder().build();
        signer.sign(pdfa2b(dir.resolve("leader.pdf")), leader, PdfTestDocuments.key(sandbox.person1()),
                PdfSignatureOptions.builder().field("chu_tich").appearance(PdfAppearance.leader(SampleImages.signature(600, 240))
                        .title("KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH").name("Nguyễn Văn An")).visible(1, 320, 560, 200, 140).build());
        assertEquals(List.of(), violations(leader));
        assertValid(leader);
        Path sealed = dir.resolve("sealed.signed.pdf");
        signer.sign(leader, sealed, PdfTestDocuments.key(sandbox.organization()), PdfSignatureOptions.builder()
                .appearance(PdfAppearance.seal(SampleImages.seal(472, 300))).build());
        assertEquals(List.of(), violations(sealed));
        assertValid(sealed);
    }

    private static void assertValid(Path signed) {
        Verdict v = Verifier.builder().trust(TrustAnchors.of(List.of(sandbox.root()))).build().verify(signed).verdict();
        assertTrue(v == Verdict.VALID, v::toString);
    }
}
