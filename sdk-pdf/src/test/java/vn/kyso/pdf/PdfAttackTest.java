package vn.kyso.pdf;

import vn.kyso.pdf.internal.appearance.PdfFonts;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.common.PDStream;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.optionalcontent.PDOptionalContentGroup;
import org.apache.pdfbox.pdmodel.graphics.optionalcontent.PDOptionalContentProperties;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotation;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationSquare;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationWidget;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAppearanceStream;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAppearanceDictionary;
import org.apache.pdfbox.pdmodel.interactive.form.PDAcroForm;
import org.apache.pdfbox.pdmodel.interactive.form.PDCheckBox;
import org.apache.pdfbox.pdmodel.interactive.form.PDTextField;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.kyso.api.Language;
import vn.kyso.api.report.Indication;
import vn.kyso.api.report.Modification;
import vn.kyso.api.report.ReportMessage;
import vn.kyso.api.report.SignatureResult;
import vn.kyso.api.report.Verdict;
import vn.kyso.api.report.VerificationReport;
import vn.kyso.core.report.ReportWriter;
import vn.kyso.core.trust.TrustAnchors;
import vn.kyso.core.verify.Verifier;
import vn.kyso.testkit.Sandbox;

/**
 * The published PDF signature attack classes (Mainka, Mladenov et al.: incremental saving, universal
 * signature forgery, signature wrapping, shadow attacks), each built in the test from a file we signed.
 * Each must verify as something other than VALID, and the report must name the reason (its stable
 * code). Legitimate later changes (form filling) are the control: they stay VALID.
 */
class PdfAttackTest {
    private static final Pattern CONTENTS = Pattern.compile("/Contents\\s*<([0-9A-Fa-f]+)>");
    private static final Pattern BYTE_RANGE = Pattern.compile("/ByteRange\\s*\\[\\s*(\\d+)\\s+(\\d+)\\s+(\\d+)\\s+(\\d+)\\s*\\]");

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

    private static Path signedDecision(String name) throws Exception {
        return signed(name, PdfTestDocuments.decision(dir.resolve(name + ".pdf")));
    }

    /**
     * The attacked file verifies to an INVALID report, has a failed signature and carries the
     * error {@code KYSO-V-<code>}; returns the report.
     */
    private static VerificationReport assertRejected(Path attacked, String code) {
        VerificationReport r = verifier.verify(attacked);
        String text = ReportWriter.text(r, Language.EN);
        // a TOTAL_FAILED signature makes the document INVALID, never merely INDETERMINATE
        assertEquals(Verdict.INVALID, r.verdict(), text);
        List<String> codes = new ArrayList<>();
        boolean failed = false;
        for (SignatureResult s : r.signatures()) {
            s.errors().forEach(m -> codes.add(m.code()));
            failed |= s.indication() == Indication.TOTAL_FAILED;
        }
        assertTrue(failed, text);
        assertTrue(codes.contains("KYSO-V-" + code), () -> "expected KYSO-V-" + code + " in\n" + text);
        // every reason reads in both languages
        for (SignatureResult s : r.signatures()) {
            for (ReportMessage m : s.errors()) {
                assertTrue(!m.message(Language.VI).isBlank() && !m.message(Language.EN).isBlank(), m.code());
            }
        }
        return r;
    }

    private static String latin1(Path p) throws Exception {
        return new String(Files.readAllBytes(p), StandardCharsets.ISO_8859_1);
    }

    private static Path write(String name, String content) throws Exception {
        return Files.write(dir.resolve(name), content.getBytes(StandardCharsets.ISO_8859_1));
    }

    private static String replace(String s, int start, int end, String with) {
        assertEquals(end - start, with.length(), "an in-place edit keeps every offset");
        return s.substring(0, start) + with + s.substring(end);
    }

    private static String pad(String s, int width) {
        assertTrue(s.length() <= width, s);
        return s + " ".repeat(width - s.length());
    }

    /** Edits a signed file and saves the change as an incremental update (what attackers' tools do). */
    private interface Edit {
        void apply(PDDocument doc) throws Exception;
    }

    private static Path update(Path signed, String name, Edit edit) throws Exception {
        Path out = dir.resolve(name);
        try (PDDocument doc = Loader.loadPDF(signed.toFile()); OutputStream os = Files.newOutputStream(out)) {
            edit.apply(doc);
            doc.saveIncremental(os);
        }
        return out;
    }

    private static void content(PDDocument doc, PDStream stream, String ops) throws Exception {
        try (OutputStream out = stream.createOutputStream()) {
            out.write(ops.getBytes(StandardCharsets.US_ASCII));
        }
    }

    // ---------------------------------------------------------------- incremental saving attacks

    @Test
    void incrementalSavingReplacesThePageContent() throws Exception {
        Path attacked = update(signedDecision("isa-content"), "isa-content.attacked.pdf", doc -> {
            PDPage page = doc.getPage(0);
            PDStream fake = new PDStream(doc);
            content(doc, fake, "BT /F1 24 Tf 72 700 Td (Fake) Tj ET");
            page.setContents(fake);
            page.getCOSObject().setNeedToBeUpdated(true);
        });
        VerificationReport r = assertRejected(attacked, "PDF_CONTENT_CHANGED");
        assertEquals(Modification.OTHER, r.signatures().get(0).modificationsAfter());
        assertTrue(ReportWriter.text(r, Language.EN).contains("page 1 /Contents changed"), ReportWriter.text(r, Language.EN));
    }

    @Test
    void incrementalSavingAddsAPage() throws Exception {
        Path attacked = update(signedDecision("isa-page"), "isa-page.attacked.pdf", doc -> {
            doc.addPage(new PDPage(PDRectangle.A4));
            doc.getDocumentCatalog().getPages().getCOSObject().setNeedToBeUpdated(true);
        });
        VerificationReport r = assertRejected(attacked, "PDF_PAGES_CHANGED");
        assertTrue(ReportWriter.text(r, Language.EN).contains("pages 1 -> 2"), ReportWriter.text(r, Language.EN));
    }

    @Test
    void incrementalSavingAddsAScriptThatRunsOnOpening() throws Exception {
        // nothing on the page changes; the viewer runs a script that can rewrite what it shows
        Path attacked = update(signedDecision("isa-script"), "isa-script.attacked.pdf", doc -> {
            doc.getDocumentCatalog().getCOSObject().setItem(COSName.getPDFName("OpenAction"),
                    javaScript("this.getField('so').value = '99/QD';"));
            doc.getDocumentCatalog().getCOSObject().setNeedToBeUpdated(true);
        });
        assertContentChanged(attacked, "OpenAction");
    }

    /** A JavaScript action dictionary. */
    private static COSDictionary javaScript(String code) {
        COSDictionary js = new COSDictionary();
        js.setItem(COSName.S, COSName.getPDFName("JavaScript"));
        js.setString(COSName.getPDFName("JS"), code);
        return js;
    }

    /** Rejected as a content change (OTHER), the report naming {@code what}. */
    private static void assertContentChanged(Path attacked, String what) {
        VerificationReport r = assertRejected(attacked, "PDF_CONTENT_CHANGED");
        assertEquals(Modification.OTHER, r.signatures().get(0).modificationsAfter());
        assertTrue(ReportWriter.text(r, Language.EN).contains(what), ReportWriter.text(r, Language.EN));
    }

    @Test
    void incrementalSavingAddsAnActionToThePage() throws Exception {
        Path attacked = update(signedDecision("isa-page-action"), "isa-page-action.attacked.pdf", doc -> {
            COSDictionary aa = new COSDictionary();
            aa.setItem(COSName.O, javaScript("app.alert('x');"));
            doc.getPage(0).getCOSObject().setItem(COSName.AA, aa);
            doc.getPage(0).getCOSObject().setNeedToBeUpdated(true);
        });
        assertContentChanged(attacked, "/AA");
    }

    @Test
    void updatingTheDocumentInformationIsNotAContentChange() throws Exception {
        // the control: later signers' tools rewrite /Info (producer, modification date); nothing shows it
        Path updated = update(signedDecision("info"), "info.updated.pdf", doc -> {
            doc.getDocumentInformation().setTitle("Quyết định 45 (đã ký)");
            doc.getDocumentInformation().setProducer("another signing tool");
            doc.getDocumentInformation().getCOSObject().setNeedToBeUpdated(true);
        });
        VerificationReport r = verifier.verify(updated);
        assertEquals(Verdict.VALID, r.verdict(), ReportWriter.text(r, Language.EN));
        assertEquals(Modification.SIGNATURES, r.signatures().get(0).modificationsAfter());
    }

    @Test
    void anOutputIntentTheSignerHadMayNotBeReplaced() throws Exception {
        // adding one where there was none is what EU DSS does with a visible signature (ThirdPartySignerTest)
        Path signed = prepared("output-intent", doc -> {
            COSDictionary intent = new COSDictionary();
            intent.setItem(COSName.TYPE, COSName.getPDFName("OutputIntent"));
            intent.setString(COSName.getPDFName("OutputConditionIdentifier"), "sRGB IEC61966-2.1");
            COSArray intents = new COSArray();
            intents.add(intent);
            doc.getDocumentCatalog().getCOSObject().setItem(COSName.getPDFName("OutputIntents"), intents);
        });
        Path attacked = update(signed, "output-intent.attacked.pdf", doc -> {
            COSDictionary other = new COSDictionary();
            other.setItem(COSName.TYPE, COSName.getPDFName("OutputIntent"));
            other.setString(COSName.getPDFName("OutputConditionIdentifier"), "a press profile");
            COSArray intents = new COSArray();
            intents.add(other);
            doc.getDocumentCatalog().getCOSObject().setItem(COSName.getPDFName("OutputIntents"), intents);
            doc.getDocumentCatalog().getCOSObject().setNeedToBeUpdated(true);
        });
        assertContentChanged(attacked, "catalog /OutputIntents changed");
    }

    @Test
    void aWidgetOfNoFieldAddedAfterSigningIsOneReasonWithWhatItUses() throws Exception {
        // a widget that belongs to no form field shows its own appearance over the page
        Path attacked = update(signedDecision("orphan-widget"), "orphan-widget.attacked.pdf", doc -> {
            PDRectangle r = new PDRectangle(60, 690, 480, 40);
            PDAppearanceStream ap = new PDAppearanceStream(doc);
            ap.setBBox(new PDRectangle(r.getWidth(), r.getHeight()));
            ap.setResources(new PDResources());
            try (PDPageContentStream cs = new PDPageContentStream(doc, ap)) {
                cs.beginText();
                cs.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 14);
                cs.newLineAtOffset(2, 5);
                cs.showText("Noi dung khac");
                cs.endText();
            }
            PDAppearanceDictionary appearance = new PDAppearanceDictionary();
            appearance.setNormalAppearance(ap);
            PDAnnotationWidget w = new PDAnnotationWidget();
            w.setRectangle(r);
            w.setPrinted(true);
            w.setAppearance(appearance);
            doc.getPage(0).getAnnotations().add(w);
            doc.getPage(0).getCOSObject().setNeedToBeUpdated(true);
        });
        VerificationReport r = assertRejected(attacked, "PDF_CONTENT_CHANGED");
        String text = ReportWriter.text(r, Language.EN);
        assertTrue(text.contains("/Annot /Widget added after signing, with "), text);
        assertEquals(1, text.split("added after signing", -1).length - 1, "one reason, not one per object: " + text);
    }

    /** Redefines the page's content stream object in place (same object number, other content). */
    private static void overwriteContent(PDDocument doc) throws Exception {
        COSStream stream = (COSStream) doc.getPage(0).getCOSObject().getDictionaryObject(COSName.CONTENTS);
        try (OutputStream out = stream.createOutputStream()) {
            out.write("BT /F1 24 Tf 72 700 Td (Fake) Tj ET".getBytes(StandardCharsets.US_ASCII));
        }
        stream.setNeedToBeUpdated(true);
    }

    @Test
    void incrementalSavingOverwritesAnObjectTheViewerShows() throws Exception {
        // the page dictionary stays as signed; its content stream object is redefined in a later revision
        Path attacked = update(signedDecision("isa-object"), "isa-object.attacked.pdf", PdfAttackTest::overwriteContent);
        VerificationReport r = assertRejected(attacked, "PDF_CONTENT_CHANGED");
        assertTrue(ReportWriter.text(r, Language.EN).contains("(stream) changed after signing"), ReportWriter.text(r, Language.EN));
    }

    @Test
    void incrementalSavingOverwritesAnObjectBehindANewSignatureReferringToTheCatalog() throws Exception {
        // as above, and in the same revision a new signature field whose value points at the catalog
        // (a FieldMDP reference's /Data): the signature's objects must not explain the whole document
        Path attacked = update(signedDecision("isa-data"), "isa-data.attacked.pdf", doc -> {
            overwriteContent(doc);
            COSDictionary ref = new COSDictionary();
            ref.setItem(COSName.TYPE, COSName.SIG_REF);
            ref.setItem(COSName.TRANSFORM_METHOD, COSName.getPDFName("FieldMDP"));
            ref.setItem(COSName.getPDFName("Data"), doc.getDocumentCatalog().getCOSObject());
            COSArray refs = new COSArray();
            refs.add(ref);
            COSDictionary value = new COSDictionary();
            value.setItem(COSName.TYPE, COSName.SIG);
            value.setItem(COSName.REFERENCE, refs);
            PDAcroForm form = doc.getDocumentCatalog().getAcroForm();
            org.apache.pdfbox.pdmodel.interactive.form.PDSignatureField sig =
                    new org.apache.pdfbox.pdmodel.interactive.form.PDSignatureField(form);
            sig.setPartialName("ky_sau");
            sig.getCOSObject().setItem(COSName.V, value);
            PDAnnotationWidget w = sig.getWidgets().get(0);
            w.setRectangle(new PDRectangle(0, 0, 0, 0));
            w.setPage(doc.getPage(0));
            doc.getPage(0).getAnnotations().add(w);
            doc.getPage(0).getCOSObject().setNeedToBeUpdated(true);
            form.getFields().add(sig);
            form.getCOSObject().setNeedToBeUpdated(true);
        });
        VerificationReport r = verifier.verify(attacked);
        String text = ReportWriter.text(r, Language.EN);
        SignatureResult first = r.signatures().stream().filter(s -> !s.id().startsWith("FIELD-")).findFirst()
                .orElseThrow(() -> new AssertionError(text));
        assertEquals(Modification.OTHER, first.modificationsAfter(), text);
        assertTrue(text.contains("(stream) changed after signing"), text);
    }

    // ---------------------------------------------------------------- universal signature forgery

    @Test
    void forgeryWithoutContents() throws Exception {
        String pdf = latin1(signedDecision("usf-nocontents"));
        Matcher m = CONTENTS.matcher(pdf);
        assertTrue(m.find());
        String renamed = replace(pdf, m.start(), m.start() + "/Contents".length(), "/Kontents");
        VerificationReport r = assertRejected(write("usf-nocontents.pdf", renamed), "PDF_SIGNATURE_UNREADABLE");
        assertTrue(ReportWriter.text(r, Language.EN).contains("no /Contents"), ReportWriter.text(r, Language.EN));
    }

    @Test
    void forgeryWithEmptyContents() throws Exception {
        String pdf = latin1(signedDecision("usf-empty"));
        Matcher m = CONTENTS.matcher(pdf);
        assertTrue(m.find());
        String empty = replace(pdf, m.start(1) - 1, m.end(1) + 1, pad("<>", m.end(1) - m.start(1) + 2));
        VerificationReport r = assertRejected(write("usf-empty.pdf", empty), "PDF_SIGNATURE_UNREADABLE");
        assertTrue(ReportWriter.text(r, Language.EN).contains("empty /Contents"), ReportWriter.text(r, Language.EN));
    }

    @Test
    void forgeryWithZeroedContents() throws Exception {
        String pdf = latin1(signedDecision("usf-zero"));
        Matcher m = CONTENTS.matcher(pdf);
        assertTrue(m.find());
        String zeros = "0".repeat(m.group(1).length());
        assertRejected(write("usf-zero.pdf", replace(pdf, m.start(1), m.end(1), zeros)), "PDF_SIGNATURE_UNREADABLE");
    }

    @Test
    void forgeryWithGarbageContents() throws Exception {
        String pdf = latin1(signedDecision("usf-garbage"));
        Matcher m = CONTENTS.matcher(pdf);
        assertTrue(m.find());
        String garbage = "ZZ".repeat(m.group(1).length() / 2);
        assertRejected(write("usf-garbage.pdf", replace(pdf, m.start(1), m.end(1), garbage)), "PDF_SIGNATURE_UNREADABLE");
    }

    @Test
    void forgeryWithAValidCmsOverOtherData() throws Exception {
        // a real signature by the same signer, but of another document, pasted into this one
        String pdf = latin1(signedDecision("usf-foreign"));
        Path other = dir.resolve("usf-foreign-other.pdf");
        try (PDDocument doc = new PDDocument()) {
            doc.addPage(new PDPage(PDRectangle.A5));
            doc.save(other.toFile());
        }
        Matcher foreign = CONTENTS.matcher(latin1(signed("usf-foreign-other", other)));
        Matcher m = CONTENTS.matcher(pdf);
        assertTrue(m.find() && foreign.find());
        String hex = foreign.group(1).replaceAll("(00)+$", "");
        assertTrue(hex.length() <= m.group(1).length());
        String pasted = replace(pdf, m.start(1), m.end(1), hex + "0".repeat(m.group(1).length() - hex.length()));
        VerificationReport r = assertRejected(write("usf-foreign.pdf", pasted), "INTEGRITY");
        assertEquals(false, r.signatures().get(0).integrity());
    }

    @Test
    void forgeryWithoutByteRange() throws Exception {
        String pdf = latin1(signedDecision("usf-norange"));
        Matcher m = BYTE_RANGE.matcher(pdf);
        assertTrue(m.find());
        String renamed = replace(pdf, m.start(), m.start() + "/ByteRange".length(), "/KyteRange");
        VerificationReport r = assertRejected(write("usf-norange.pdf", renamed), "PDF_SIGNATURE_UNREADABLE");
        assertTrue(ReportWriter.text(r, Language.EN).contains("no /ByteRange"), ReportWriter.text(r, Language.EN));
    }

    /** The signed file with its /ByteRange array replaced by {@code array} (padded to the same width). */
    private static Path withByteRange(String name, String array) throws Exception {
        String pdf = latin1(signedDecision(name));
        Matcher m = BYTE_RANGE.matcher(pdf);
        assertTrue(m.find());
        int open = pdf.indexOf('[', m.start());
        int end = m.end();
        while (pdf.charAt(end) == ' ') {
            end++; // the signer leaves spaces after the array for the final numbers
        }
        return write(name + ".pdf", replace(pdf, open, end, pad(array, end - open)));
    }

    private static long[] byteRange(Path signed) throws Exception {
        Matcher m = BYTE_RANGE.matcher(latin1(signed));
        assertTrue(m.find());
        return new long[] {Long.parseLong(m.group(1)), Long.parseLong(m.group(2)), Long.parseLong(m.group(3)),
                Long.parseLong(m.group(4))};
    }

    @Test
    void forgeryWithEmptyByteRange() throws Exception {
        assertRejected(withByteRange("usf-range-empty", "[]"), "PDF_SIGNATURE_UNREADABLE");
    }

    @Test
    void forgeryWithByteRangeOfWrongCount() throws Exception {
        long[] br = byteRange(signedDecision("usf-range-count-probe"));
        assertRejected(withByteRange("usf-range-count", "[0 " + br[1] + " " + br[2] + "]"), "PDF_SIGNATURE_UNREADABLE");
    }

    @Test
    void forgeryWithNegativeByteRange() throws Exception {
        long[] br = byteRange(signedDecision("usf-range-negative-probe"));
        assertRejected(withByteRange("usf-range-negative", "[0 " + br[1] + " -" + br[2] + " " + br[3] + "]"),
                "PDF_BYTERANGE_INVALID");
    }

    @Test
    void forgeryWithOverlappingByteRange() throws Exception {
        long[] br = byteRange(signedDecision("usf-range-overlap-probe"));
        assertRejected(withByteRange("usf-range-overlap", "[0 " + br[1] + " " + (br[1] - 100) + " " + (br[3] + 100) + "]"),
                "PDF_BYTERANGE_INVALID");
    }

    @Test
    void forgeryWithByteRangeLeavingMoreThanContentsUnsigned() throws Exception {
        // the first part stops 40 bytes early: part of the signature dictionary would be unsigned
        long[] br = byteRange(signedDecision("usf-range-gap-probe"));
        assertRejected(withByteRange("usf-range-gap", "[0 " + (br[1] - 40) + " " + br[2] + " " + br[3] + "]"),
                "PDF_BYTERANGE_INVALID");
    }

    @Test
    void forgeryWithByteRangeNotStartingTheFileOrPastItsEnd() throws Exception {
        long[] br = byteRange(signedDecision("usf-range-shift-probe"));
        assertRejected(withByteRange("usf-range-shift", "[7 " + br[1] + " " + br[2] + " " + br[3] + "]"),
                "PDF_BYTERANGE_INVALID");
        assertRejected(withByteRange("usf-range-long", "[0 " + br[1] + " " + br[2] + " " + (br[3] + 9000) + "]"),
                "PDF_BYTERANGE_INVALID");
    }

    // ---------------------------------------------------------------- signature wrapping

    @Test
    void wrappingMovesTheSignedSecondPartBehindInjectedObjects() throws Exception {
        // SWA: the signed bytes stay intact, but the second part is moved to make room for a new page
        // content between /Contents and it; the /ByteRange (written after /Contents, so in the second
        // part here) is replaced in the gap by one that points to the moved part.
        Path signed = signedDecision("swa");
        String pdf = latin1(signed);
        long[] br = byteRange(signed);
        int gapStart = (int) br[1];
        int secondStart = (int) br[2];
        Matcher m = CONTENTS.matcher(pdf);
        assertTrue(m.find());
        String hex = m.group(1).replaceAll("(00)+$", "");
        String injected = "\n/ByteRange [0 " + gapStart + " %s " + br[3] + "]\n>>\nendobj\n"
                + "90 0 obj\n<< /Length 36 >>\nstream\nBT /F1 24 Tf 72 700 Td (Fake) Tj ET\nendstream\nendobj\n";
        String head = pdf.substring(0, gapStart) + "<" + hex + ">";
        int newSecond = head.length() + String.format(injected, 0).length();
        newSecond = head.length() + String.format(injected, newSecond).length(); // same width once settled
        String attacked = head + String.format(injected, newSecond) + pdf.substring(secondStart);
        assertEquals(pdf.substring(secondStart), attacked.substring(newSecond), "the signed second part is intact");
        VerificationReport r = assertRejected(write("swa.attacked.pdf", attacked), "PDF_BYTERANGE_INVALID");
        assertEquals(Boolean.FALSE, r.signatures().get(0).coversWholeDocument());
    }

    @Test
    void wrappingKeepsTheByteRangeButHidesBytesInTheContentsGap() throws Exception {
        // the excluded range must hold exactly the /Contents string: here it also carries other bytes
        Path signed = signedDecision("swa-gap");
        String pdf = latin1(signed);
        Matcher m = CONTENTS.matcher(pdf);
        assertTrue(m.find());
        String hex = m.group(1).replaceAll("(00)+$", "");
        String smuggled = "> /KysoSmuggled (10 0 obj << >> endobj) %";
        int room = m.group(1).length() - hex.length() - smuggled.length();
        assertTrue(room > 0);
        String attacked = replace(pdf, m.start(1), m.end(1) + 1, hex + smuggled + " ".repeat(room) + ">");
        assertRejected(write("swa-gap.attacked.pdf", attacked), "PDF_BYTERANGE_INVALID");
    }

    @Test
    void wrappingRelocatesTheSignedRevisionBehindAnotherDocument() throws Exception {
        // the signed file, unchanged, moved behind a new document body: the /ByteRange no longer
        // designates the signed bytes
        String pdf = latin1(signedDecision("swa-relocated"));
        String front = "%PDF-1.7\n%\u00e2\u00e3\n% a new document in front of the signed one\n";
        Path attacked = write("swa-relocated.attacked.pdf", front + pdf);
        VerificationReport r = assertRejected(attacked, "PDF_BYTERANGE_INVALID");
        assertEquals(false, r.signatures().get(0).integrity());
    }

    // ---------------------------------------------------------------- shadow attacks

    /** A decision with an extra step applied before it is signed (what the attacker prepares). */
    private static Path prepared(String name, Edit edit) throws Exception {
        Path in = PdfTestDocuments.decision(dir.resolve(name + ".pdf"));
        Path prepared = dir.resolve(name + ".prepared.pdf");
        try (PDDocument doc = Loader.loadPDF(in.toFile())) {
            edit.apply(doc);
            doc.save(prepared.toFile());
        }
        return signed(name, prepared);
    }

    @Test
    void shadowHideRevealsAnAnnotationPreparedHidden() throws Exception {
        // a white box over the decision's last line, hidden when signed, shown afterwards
        Path signed = prepared("shadow-hide", doc -> {
            PDAnnotationSquare box = new PDAnnotationSquare();
            box.setRectangle(new PDRectangle(60, 640, 480, 30));
            box.setHidden(true);
            box.constructAppearances(doc);
            doc.getPage(0).getAnnotations().add(box);
        });
        Path attacked = update(signed, "shadow-hide.attacked.pdf", doc -> {
            PDAnnotation box = doc.getPage(0).getAnnotations().get(0);
            box.setHidden(false);
            box.setPrinted(true);
            box.getCOSObject().setNeedToBeUpdated(true);
        });
        VerificationReport r = assertRejected(attacked, "PDF_VISIBILITY_CHANGED");
        assertTrue(ReportWriter.text(r, Language.EN).contains("made visible"), ReportWriter.text(r, Language.EN));
    }

    @Test
    void shadowHideHidesAnAnnotationTheSignerSaw() throws Exception {
        // the other direction: a visible stamp ("CANCELLED") when signed, hidden afterwards
        Path signed = prepared("shadow-unhide", doc -> {
            PDAnnotationSquare stamp = new PDAnnotationSquare();
            stamp.setRectangle(new PDRectangle(60, 400, 300, 60));
            stamp.setContents("CANCELLED");
            stamp.setPrinted(true);
            stamp.constructAppearances(doc);
            doc.getPage(0).getAnnotations().add(stamp);
        });
        Path attacked = update(signed, "shadow-unhide.attacked.pdf", doc -> {
            PDAnnotation stamp = doc.getPage(0).getAnnotations().get(0);
            stamp.setHidden(true);
            stamp.getCOSObject().setNeedToBeUpdated(true);
        });
        VerificationReport r = assertRejected(attacked, "PDF_VISIBILITY_CHANGED");
        assertTrue(ReportWriter.text(r, Language.EN).contains("was hidden"), ReportWriter.text(r, Language.EN));
    }

    @Test
    void shadowHideSwitchesOnAContentLayerPreparedOff() throws Exception {
        // content drawn in an optional content group that is off when signed, switched on afterwards
        Path signed = prepared("shadow-layer", doc -> {
            PDOptionalContentProperties ocp = new PDOptionalContentProperties();
            PDOptionalContentGroup layer = new PDOptionalContentGroup("ghi-chu");
            ocp.addGroup(layer);
            ocp.setGroupEnabled(layer, false);
            doc.getDocumentCatalog().setOCProperties(ocp);
            PDPage page = doc.getPage(0);
            try (PDPageContentStream cs = new PDPageContentStream(doc, page, PDPageContentStream.AppendMode.APPEND, true)) {
                cs.beginMarkedContent(COSName.OC, layer);
                cs.beginText();
                cs.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 20);
                cs.newLineAtOffset(72, 500);
                cs.showText("Hidden clause");
                cs.endText();
                cs.endMarkedContent();
            }
        });
        Path attacked = update(signed, "shadow-layer.attacked.pdf", doc -> {
            PDOptionalContentProperties ocp = doc.getDocumentCatalog().getOCProperties();
            ocp.setGroupEnabled("ghi-chu", true);
            ocp.getCOSObject().setNeedToBeUpdated(true);
            COSDictionary d = ocp.getCOSObject().getCOSDictionary(COSName.D);
            if (d != null) {
                d.setNeedToBeUpdated(true);
            }
            doc.getDocumentCatalog().getCOSObject().setNeedToBeUpdated(true);
        });
        assertRejected(attacked, "PDF_VISIBILITY_CHANGED");
    }

    @Test
    void shadowReplaceSwapsTheFontOfThePage() throws Exception {
        // a second font prepared before signing; afterwards the page's font name points to it
        Path signed = prepared("shadow-font", doc -> {
            PDFont spare = new PDType1Font(Standard14Fonts.FontName.COURIER);
            doc.getDocumentCatalog().getCOSObject().setItem(COSName.getPDFName("KysoSpareFont"), spare);
        });
        Path attacked = update(signed, "shadow-font.attacked.pdf", doc -> {
            PDPage page = doc.getPage(0);
            PDResources res = page.getResources();
            COSName name = res.getFontNames().iterator().next();
            COSDictionary spare = doc.getDocumentCatalog().getCOSObject().getCOSDictionary(COSName.getPDFName("KysoSpareFont"));
            res.getCOSObject().getCOSDictionary(COSName.FONT).setItem(name, spare);
            res.getCOSObject().setNeedToBeUpdated(true);
            res.getCOSObject().getCOSDictionary(COSName.FONT).setNeedToBeUpdated(true);
            page.getCOSObject().setNeedToBeUpdated(true);
        });
        assertRejected(attacked, "PDF_CONTENT_CHANGED");
    }

    @Test
    void shadowReplaceOverwritesTheFontObject() throws Exception {
        Path attacked = update(signedDecision("shadow-font-object"), "shadow-font-object.attacked.pdf", doc -> {
            PDResources res = doc.getPage(0).getResources();
            PDFont font = res.getFont(res.getFontNames().iterator().next());
            COSArray widths = new COSArray();
            font.getCOSObject().setItem(COSName.getPDFName("KysoGlyphs"), widths);
            font.getCOSObject().setNeedToBeUpdated(true);
        });
        VerificationReport r = assertRejected(attacked, "PDF_CONTENT_CHANGED");
        assertTrue(ReportWriter.text(r, Language.EN).contains("/Font"), ReportWriter.text(r, Language.EN));
    }

    /** A decision with a text field (value {@code value}, visible appearance) added before signing. */
    private static Path withField(String name, String value) throws Exception {
        return prepared(name, doc -> textField(doc, value));
    }

    /** Adds the text field {@code so_tien} with this value and an appearance showing it. */
    private static void textField(PDDocument doc, String value) throws Exception {
        PDAcroForm form = new PDAcroForm(doc);
        doc.getDocumentCatalog().setAcroForm(form);
        PDResources dr = new PDResources();
        COSName font = dr.add(PdfFonts.serifForForms(doc));
        form.setDefaultResources(dr);
        form.setDefaultAppearance("/" + font.getName() + " 12 Tf 0 g");
        PDTextField field = new PDTextField(form);
        field.setPartialName("so_tien");
        field.setDefaultAppearance(form.getDefaultAppearance());
        PDAnnotationWidget w = field.getWidgets().get(0);
        w.setRectangle(new PDRectangle(72, 560, 300, 20));
        w.setPage(doc.getPage(0));
        w.setPrinted(true);
        doc.getPage(0).getAnnotations().add(w);
        form.getFields().add(field);
        field.setValue(value);
    }

    private static Path fill(Path signed, String name, String value) throws Exception {
        return update(signed, name, doc -> {
            PDTextField field = (PDTextField) doc.getDocumentCatalog().getAcroForm().getField("so_tien");
            field.setValue(value);
            field.getCOSObject().setNeedToBeUpdated(true);
            for (PDAnnotationWidget w : field.getWidgets()) {
                w.getCOSObject().setNeedToBeUpdated(true);
                w.getAppearance().getCOSObject().setNeedToBeUpdated(true);
                w.getAppearance().getNormalAppearance().getAppearanceStream().getCOSObject().setNeedToBeUpdated(true);
            }
        });
    }

    /** Draws {@code text} into the field's appearance stream, leaving its value alone. */
    private static void redraw(PDDocument doc, String text) throws Exception {
        PDTextField field = (PDTextField) doc.getDocumentCatalog().getAcroForm().getField("so_tien");
        PDAppearanceStream ap = field.getWidgets().get(0).getAppearance().getNormalAppearance().getAppearanceStream();
        try (PDPageContentStream cs = new PDPageContentStream(doc, ap)) {
            cs.beginText();
            cs.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
            cs.newLineAtOffset(2, 5);
            cs.showText(text);
            cs.endText();
        }
        ap.getCOSObject().setNeedToBeUpdated(true);
    }

    @Test
    void shadowReplaceChangesAFieldValueTheSignerSaw() throws Exception {
        Path attacked = fill(withField("shadow-value", "Số tiền: 100.000.000 đồng"), "shadow-value.attacked.pdf",
                "Số tiền: 900.000.000 đồng");
        VerificationReport r = assertRejected(attacked, "PDF_FIELD_VALUE_REPLACED");
        assertTrue(ReportWriter.text(r, Language.EN).contains("900.000.000"), ReportWriter.text(r, Language.EN));
    }

    @Test
    void shadowReplaceChangesAFieldAppearanceButNotItsValue() throws Exception {
        Path attacked = update(withField("shadow-appearance", "Đồng ý"), "shadow-appearance.attacked.pdf",
                doc -> redraw(doc, "Khong dong y"));
        assertRejected(attacked, "PDF_APPEARANCE_MISMATCH");
    }

    @Test
    void shadowReplaceLetsViewersRedrawTheFieldsFromTheirValues() throws Exception {
        // prepared before signing: the field's value says one thing, the appearance the signer saw another
        Path signed = prepared("shadow-need-appearances", doc -> {
            textField(doc, "Khong dong y");
            redraw(doc, "Dong y");
        });
        assertEquals(Verdict.VALID, verifier.verify(signed).verdict(), "what the signer saw is what was signed");
        // after signing only one flag changes: viewers now draw every field from its value
        Path attacked = update(signed, "shadow-need-appearances.attacked.pdf", doc -> {
            PDAcroForm form = doc.getDocumentCatalog().getAcroForm();
            form.setNeedAppearances(true);
            form.getCOSObject().setNeedToBeUpdated(true);
            doc.getDocumentCatalog().getCOSObject().setNeedToBeUpdated(true);
        });
        assertContentChanged(attacked, "NeedAppearances");
    }

    @Test
    void needAppearancesSetWhileEveryFieldShowsItsValueChangesNothingOnScreen() throws Exception {
        // the control: some tools set the flag when they fill or sign
        Path attacked = update(withField("need-appearances-ok", "Đồng ý"), "need-appearances-ok.updated.pdf", doc -> {
            PDAcroForm form = doc.getDocumentCatalog().getAcroForm();
            form.setNeedAppearances(true);
            form.getCOSObject().setNeedToBeUpdated(true);
            doc.getDocumentCatalog().getCOSObject().setNeedToBeUpdated(true);
        });
        VerificationReport r = verifier.verify(attacked);
        assertEquals(Verdict.VALID, r.verdict(), ReportWriter.text(r, Language.EN));
    }

    @Test
    void shadowFillShowsSomethingOtherThanTheValue() throws Exception {
        // an empty field filled after signing, with an appearance that does not show the value
        Path filled = fill(withField("shadow-fill", ""), "shadow-fill.filled.pdf", "Đồng ý");
        Path attacked = update(filled, "shadow-fill.attacked.pdf", doc -> redraw(doc, "Khong dong y"));
        // for the signature, field and appearance both changed after it, and they disagree
        assertRejected(attacked, "PDF_APPEARANCE_MISMATCH");
    }

    @Test
    void shadowHideAndReplaceSwitchesThePageToPreparedContent() throws Exception {
        // prepared before signing: a second content stream, unused, stored in the catalog
        Path signed = prepared("shadow-hr", doc -> {
            PDStream shadow = new PDStream(doc);
            content(doc, shadow, "BT /F1 24 Tf 72 700 Td (Noi dung thay the) Tj ET");
            doc.getDocumentCatalog().getCOSObject().setItem(COSName.getPDFName("KysoShadow"), shadow.getCOSObject());
        });
        // after signing only a reference changes: the page now shows the prepared stream
        Path attacked = update(signed, "shadow-hr.attacked.pdf", doc -> {
            COSStream shadow = (COSStream) doc.getDocumentCatalog().getCOSObject().getDictionaryObject(
                    COSName.getPDFName("KysoShadow"));
            PDPage page = doc.getPage(0);
            page.setContents(new PDStream(shadow));
            page.getCOSObject().setNeedToBeUpdated(true);
        });
        assertRejected(attacked, "PDF_CONTENT_CHANGED");
    }

    @Test
    void shadowReplaceLaysACommentOverTheVisibleSignature() throws Exception {
        Path signed = dir.resolve("overlay.signed.pdf");
        PdfSigner.builder().build().sign(PdfTestDocuments.decision(dir.resolve("overlay.pdf")), signed,
                PdfTestDocuments.key(sandbox.person1()), PdfSignatureOptions.builder().field("lanh_dao")
                        .visible(1, 320, 600, 220, 70).build());
        Path attacked = update(signed, "overlay.attacked.pdf", doc -> {
            PDRectangle sig = doc.getDocumentCatalog().getAcroForm().getField("lanh_dao").getWidgets().get(0).getRectangle();
            PDAnnotationSquare box = new PDAnnotationSquare();
            box.setRectangle(new PDRectangle(sig.getLowerLeftX() + 10, sig.getLowerLeftY() + 10, 150, 40));
            box.constructAppearances(doc);
            doc.getPage(0).getAnnotations().add(box);
            doc.getPage(0).getCOSObject().setNeedToBeUpdated(true);
        });
        VerificationReport r = assertRejected(attacked, "PDF_ANNOTATION_OVERLAP");
        assertTrue(ReportWriter.text(r, Language.EN).contains("covers field lanh_dao"), ReportWriter.text(r, Language.EN));
    }

    /**
     * The sneaky signature: an empty signature field added after signing (no key needed) whose widget
     * shows another amount over a form field the signer saw. Nobody signed what it shows: OTHER, not
     * SIGNATURES. (A signed later signature over a form field: PopplerInteropTest.)
     */
    @Test
    void shadowReplaceLaysAnEmptySignatureFieldOverAFormField() throws Exception {
        Path attacked = update(withField("sneaky", "Số tiền: 100.000.000 đồng"), "sneaky.attacked.pdf", doc -> {
            PDAcroForm form = doc.getDocumentCatalog().getAcroForm();
            org.apache.pdfbox.pdmodel.interactive.form.PDSignatureField sig =
                    new org.apache.pdfbox.pdmodel.interactive.form.PDSignatureField(form);
            sig.setPartialName("ky_sau");
            PDAnnotationWidget w = sig.getWidgets().get(0);
            w.setRectangle(new PDRectangle(70, 555, 310, 30));
            w.setPage(doc.getPage(0));
            w.setPrinted(true);
            PDAppearanceStream ap = new PDAppearanceStream(doc);
            ap.setBBox(new PDRectangle(310, 30));
            ap.setResources(new PDResources());
            try (PDPageContentStream cs = new PDPageContentStream(doc, ap)) {
                cs.setNonStrokingColor(1f);
                cs.addRect(0, 0, 310, 30);
                cs.fill();
                cs.beginText();
                cs.setNonStrokingColor(0f);
                cs.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
                cs.newLineAtOffset(4, 10);
                cs.showText("So tien: 900.000.000 dong");
                cs.endText();
            }
            PDAppearanceDictionary d = new PDAppearanceDictionary();
            d.setNormalAppearance(ap);
            w.setAppearance(d);
            doc.getPage(0).getAnnotations().add(w);
            doc.getPage(0).getCOSObject().setNeedToBeUpdated(true);
            form.getFields().add(sig);
            form.getCOSObject().setNeedToBeUpdated(true);
        });
        VerificationReport r = assertRejected(attacked, "PDF_CONTENT_CHANGED");
        assertTrue(ReportWriter.text(r, Language.EN).contains("empty signature field ky_sau added after signing shows an appearance"),
                ReportWriter.text(r, Language.EN));
    }

    /** A decision with a check box ("dong_y"), checked or not, added before signing. */
    private static Path withCheckBox(String name, boolean checked) throws Exception {
        return prepared(name, doc -> {
            PDAcroForm form = new PDAcroForm(doc);
            doc.getDocumentCatalog().setAcroForm(form);
            PDCheckBox box = new PDCheckBox(form);
            box.setPartialName("dong_y");
            PDAnnotationWidget w = box.getWidgets().get(0);
            w.setRectangle(new PDRectangle(72, 520, 14, 14));
            w.setPage(doc.getPage(0));
            w.setPrinted(true);
            COSDictionary states = new COSDictionary();
            for (String state : new String[] {"Yes", "Off"}) {
                PDAppearanceStream s = new PDAppearanceStream(doc);
                s.setBBox(new PDRectangle(14, 14));
                try (PDPageContentStream cs = new PDPageContentStream(doc, s)) {
                    cs.addRect(1, 1, 12, 12);
                    if (state.equals("Yes")) {
                        cs.fill();
                    } else {
                        cs.stroke();
                    }
                }
                states.setItem(COSName.getPDFName(state), s);
            }
            PDAppearanceDictionary ap = new PDAppearanceDictionary();
            ap.getCOSObject().setItem(COSName.N, states);
            w.setAppearance(ap);
            doc.getPage(0).getAnnotations().add(w);
            form.getFields().add(box);
            box.getCOSObject().setItem(COSName.V, checked ? COSName.getPDFName("Yes") : COSName.Off);
            w.getCOSObject().setItem(COSName.AS, checked ? COSName.getPDFName("Yes") : COSName.Off);
        });
    }

    private static Path tick(Path signed, String name, boolean on) throws Exception {
        return update(signed, name, doc -> {
            PDCheckBox box = (PDCheckBox) doc.getDocumentCatalog().getAcroForm().getField("dong_y");
            if (on) {
                box.check();
            } else {
                box.unCheck();
            }
            box.getCOSObject().setNeedToBeUpdated(true);
            box.getWidgets().forEach(w -> w.getCOSObject().setNeedToBeUpdated(true));
        });
    }

    @Test
    void shadowReplaceUnticksABoxTheSignerSawTicked() throws Exception {
        Path attacked = tick(withCheckBox("untick", true), "untick.attacked.pdf", false);
        assertRejected(attacked, "PDF_FIELD_VALUE_REPLACED");
    }

    // ---------------------------------------------------------------- the control: permitted changes

    @Test
    void fillingAnEmptyFieldWithAMatchingAppearanceIsFormFilling() throws Exception {
        Path filled = fill(withField("fill-ok", ""), "fill-ok.filled.pdf", "Số: 45/QĐ-UBND");
        VerificationReport r = verifier.verify(filled);
        String text = ReportWriter.text(r, Language.EN);
        assertEquals(Verdict.VALID, r.verdict(), text);
        SignatureResult s = r.signatures().get(0);
        assertEquals(Modification.FORM_FILL, s.modificationsAfter(), text);
        assertEquals(Boolean.FALSE, s.coversWholeDocument());
        assertTrue(s.warnings().stream().anyMatch(w -> w.code().equals("KYSO-V-PDF_FORM_FILLED")
                && w.message(Language.EN).contains("so_tien")), text);
    }

    @Test
    void tickingAnEmptyCheckBoxIsFormFilling() throws Exception {
        Path ticked = tick(withCheckBox("tick", false), "tick.pdf", true);
        VerificationReport r = verifier.verify(ticked);
        String text = ReportWriter.text(r, Language.EN);
        assertEquals(Verdict.VALID, r.verdict(), text);
        assertEquals(Modification.FORM_FILL, r.signatures().get(0).modificationsAfter(), text);
    }

    @Test
    void addingACommentIsAnAnnotationChange() throws Exception {
        Path commented = update(signedDecision("comment"), "comment.pdf", doc -> {
            PDAnnotationSquare box = new PDAnnotationSquare();
            box.setRectangle(new PDRectangle(400, 60, 100, 40));
            box.setContents("Đã xem");
            box.constructAppearances(doc);
            doc.getPage(0).getAnnotations().add(box);
            doc.getPage(0).getCOSObject().setNeedToBeUpdated(true);
        });
        VerificationReport r = verifier.verify(commented);
        String text = ReportWriter.text(r, Language.EN);
        assertEquals(Verdict.VALID, r.verdict(), text);
        assertEquals(Modification.ANNOTATIONS, r.signatures().get(0).modificationsAfter(), text);
    }

    /**
     * Signature widgets may lie over signature widgets (Decree 30's seal over the leader's image: both
     * signatures stay VALID), but any other annotation laid over a signature after it was made is a change
     * of kind OTHER, for the leader and for the seal.
     */
    @Test
    void annotationLaidOverAVisibleSignature() throws Exception {
        PdfSigner signer = PdfSigner.builder().build();
        Path leader = dir.resolve("cover.leader.pdf");
        signer.sign(PdfTestDocuments.decision(dir.resolve("cover.pdf")), leader, PdfTestDocuments.key(sandbox.person1()),
                PdfSignatureOptions.builder().field("lanh_dao").appearance(PdfAppearance.leader(
                        vn.kyso.testkit.SampleImages.signature(500, 200))).visible(1, 300, 600, 200, 80).build());
        Path sealed = dir.resolve("cover.sealed.pdf");
        signer.sign(leader, sealed, PdfTestDocuments.key(sandbox.organization()), PdfSignatureOptions.builder()
                .field("con_dau").appearance(PdfAppearance.seal(vn.kyso.testkit.SampleImages.seal(400, 0))).build());
        VerificationReport ok = verifier.verify(sealed);
        assertEquals(Verdict.VALID, ok.verdict(), ReportWriter.text(ok, Language.EN));
        assertEquals(Modification.SIGNATURES, ok.signatures().get(0).modificationsAfter());
        Path attacked = update(sealed, "cover.attacked.pdf", doc -> {
            PDRectangle sig = doc.getDocumentCatalog().getAcroForm().getField("lanh_dao").getWidgets().get(0).getRectangle();
            PDAnnotationSquare square = new PDAnnotationSquare();
            square.setRectangle(new PDRectangle(sig.getLowerLeftX() - 10, sig.getLowerLeftY() - 10,
                    sig.getWidth() + 20, sig.getHeight() + 20));
            square.setInteriorColor(new org.apache.pdfbox.pdmodel.graphics.color.PDColor(new float[] {1, 1, 1},
                    org.apache.pdfbox.pdmodel.graphics.color.PDDeviceRGB.INSTANCE));
            square.constructAppearances(doc);
            doc.getPage(0).getAnnotations().add(square);
            doc.getPage(0).getCOSObject().setNeedToBeUpdated(true);
        });
        VerificationReport r = assertRejected(attacked, "PDF_ANNOTATION_OVERLAP");
        assertEquals(2, r.signatures().size());
        for (SignatureResult s : r.signatures()) {
            assertEquals(Modification.OTHER, s.modificationsAfter(), ReportWriter.text(r, Language.EN));
        }
    }
}
