package vn.kyso.pdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationWidget;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import vn.kyso.api.DigestAlgorithm;
import vn.kyso.api.ErrorCode;
import vn.kyso.api.KysoException;
import vn.kyso.api.Language;
import vn.kyso.api.report.Verdict;
import vn.kyso.api.report.VerificationReport;
import vn.kyso.api.token.SigningKey;
import vn.kyso.api.twophase.PreparedSignature;
import vn.kyso.core.report.ReportWriter;
import vn.kyso.pdf.PdfTestDocuments.Word;
import vn.kyso.testkit.SampleImages;

/**
 * Decree 30/2020 appearances on real signed files, checked with poppler: pdfsig validates, pdftotext
 * finds the text where it should be, pdftoppm's rendering shows the images and the upright text.
 */
class AppearanceTest extends SandboxPdfTest {

    private static void assertValid(Path pdf, int signatures) throws Exception {
        PdfTestDocuments.assertPdfsigValid(pdf, signatures);
        VerificationReport report = verifier.verify(pdf);
        assertEquals(Verdict.VALID, report.verdict(), () -> ReportWriter.text(report, Language.EN));
    }

    @Test
    void leaderImageIsCentredBetweenTitleAndName() throws Exception {
        Path in = PdfTestDocuments.decision(dir.resolve("leader.pdf"));
        Path out = dir.resolve("leader.signed.pdf");
        signer.sign(in, out, PdfTestDocuments.key(sandbox.person1()), PdfSignatureOptions.builder()
                .appearance(PdfAppearance.leader(SampleImages.signature(600, 240))
                        .title("KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH").name("Nguyễn Văn An"))
                .visible(1, 350, 600, 180, 130).build());
        assertValid(out, 1);
        List<Word> words = PdfTestDocuments.words(out);
        Word title = PdfTestDocuments.word(words, "KT.");
        Word deputy = PdfTestDocuments.word(words, "PHÓ");
        Word name = PdfTestDocuments.word(words, "Nguyễn");
        assertTrue(title.yMin >= 600 && title.yMax < deputy.yMin + 1, words::toString);
        assertTrue(name.yMax <= 730.5f && name.yMin > deputy.yMax + 30, words::toString);
        BufferedImage page = TestImages.render(out, dir);
        int[] blue = TestImages.bounds(TestImages.pixels(page, TestImages.BLUE));
        assertNotNull(blue, "no blue signature pixels");
        // the image lies between the title's last line and the name, centred in the rectangle
        assertTrue(blue[1] >= deputy.yMax - 1 && blue[3] <= name.yMin + 1, () -> java.util.Arrays.toString(blue));
        assertTrue(blue[0] >= 350 && blue[2] <= 530, () -> java.util.Arrays.toString(blue));
        float centre = (blue[0] + blue[2]) / 2f;
        assertEquals(440, centre, 4, () -> java.util.Arrays.toString(blue));
    }

    @Test
    void textBlockWithoutImage() throws Exception {
        Path in = PdfTestDocuments.decision(dir.resolve("text.pdf"));
        Path out = dir.resolve("text.signed.pdf");
        signer.sign(in, out, PdfTestDocuments.key(sandbox.person2()), PdfSignatureOptions.builder()
                .appearance(PdfAppearance.text()).visible(1, 330, 600, 220, 60).build());
        assertValid(out, 1);
        String text = PdfTestDocuments.run("pdftotext", "-enc", "UTF-8", "-x", "330", "-y", "600",
                "-W", "220", "-H", "60", out.toString(), "-");
        assertTrue(text.contains("Ký bởi: Trần Thị Bình"), text);
        assertTrue(text.matches("(?s).*Thời gian ký: \\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\+07:00.*"), text);
    }

    @Test
    void appendixInfoTextIsTopRightSizeTenBlack() throws Exception {
        Path in = PdfTestDocuments.decision(dir.resolve("phu-luc.pdf"));
        Path out = dir.resolve("phu-luc.signed.pdf");
        signer.sign(in, out, PdfTestDocuments.key(sandbox.organization()), PdfSignatureOptions.builder()
                .appearance(PdfAppearance.appendix("45/QĐ-UBND")).build());
        assertValid(out, 1);
        List<Word> words = PdfTestDocuments.words(out);
        Word number = PdfTestDocuments.word(words, "45/QĐ-UBND");
        Word time = words.stream().filter(w -> w.text.endsWith("+07:00")).findFirst()
                .orElseThrow(() -> new AssertionError(words.toString()));
        // top-right of page 1 (A4 is 595 wide), about 20 points from the edges, size 10
        assertTrue(number.yMin > 15 && number.yMin < 40, number::toString);
        assertTrue(time.xMax > 540 && time.xMax <= 576, time::toString);
        assertTrue(time.yMin > number.yMax - 1, words::toString);
        assertEquals(10, number.yMax - number.yMin, 2.5, number::toString);
        BufferedImage page = TestImages.render(out, dir);
        int[] dark = TestImages.bounds(TestImages.pixels(page.getSubimage(297, 0, 298, 80), TestImages.DARK));
        assertNotNull(dark, "no black text top-right");
        assertTrue(TestImages.pixels(page.getSubimage(297, 0, 298, 80), TestImages.RED).isEmpty()
                && TestImages.pixels(page.getSubimage(297, 0, 298, 80), TestImages.BLUE).isEmpty(), "not black");
    }

    @Test
    void copyAndIncomeInfoText() throws Exception {
        Path in = PdfTestDocuments.decision(dir.resolve("ban-sao.pdf"));
        Path copy = dir.resolve("ban-sao.signed.pdf");
        signer.sign(in, copy, PdfTestDocuments.key(sandbox.organization()), PdfSignatureOptions.builder()
                .appearance(PdfAppearance.copy(PdfAppearance.CopyType.SAO_LUC, null, "05/SL-VP")).build());
        assertValid(copy, 1);
        String text = PdfTestDocuments.run("pdftotext", "-enc", "UTF-8", "-x", "297", "-y", "0", "-W", "298", "-H", "100",
                copy.toString(), "-");
        assertTrue(text.contains("SAO LỤC") && text.contains("Sở Khoa học và Công nghệ Hà Nội")
                && text.contains("Số: 05/SL-VP") && text.contains("+07:00"), text);

        Path income = dir.resolve("van-ban-den.signed.pdf");
        signer.sign(in, income, PdfTestDocuments.key(sandbox.organization()), PdfSignatureOptions.builder()
                .appearance(PdfAppearance.income("Sở Tư pháp Hà Nội").incomingNumber("1234")
                        .incomingDate(OffsetDateTime.parse("2026-11-23T08:15:00+07:00"))).build());
        assertValid(income, 1);
        String t = PdfTestDocuments.run("pdftotext", "-enc", "UTF-8", "-x", "297", "-y", "0", "-W", "298", "-H", "110",
                income.toString(), "-");
        assertTrue(t.contains("VĂN BẢN ĐẾN") && t.contains("Sở Tư pháp Hà Nội") && t.contains("Số đến: 1234")
                && t.contains("Ngày đến: 2026-11-23T08:15:00+07:00"), t);
    }

    @ParameterizedTest
    @ValueSource(ints = {90, 180, 270})
    void rotatedPagesShowTheAppearanceUprightTopRight(int rotation) throws Exception {
        Path in = PdfTestDocuments.rotated(dir.resolve("xoay-" + rotation + ".pdf"), rotation,
                "Trang xoay để kiểm tra chữ ký", false);
        Path out = dir.resolve("xoay-" + rotation + ".signed.pdf");
        signer.sign(in, out, PdfTestDocuments.key(sandbox.organization()), PdfSignatureOptions.builder()
                .appearance(PdfAppearance.appendix("45/QĐ-UBND-PHỤ-LỤC-XOAY")).build());
        assertValid(out, 1);
        BufferedImage page = TestImages.render(out, dir);
        boolean landscape = rotation != 180;
        assertEquals(landscape, page.getWidth() > page.getHeight(), "rendered size " + page.getWidth() + "x" + page.getHeight());
        List<Word> words = PdfTestDocuments.words(out);
        Word number = PdfTestDocuments.word(words, "45/QĐ-UBND-PHỤ-LỤC-XOAY");
        // upright: a long word is wider than tall; top-right of the page as the reader sees it
        assertTrue(number.xMax - number.xMin > 4 * (number.yMax - number.yMin), number::toString);
        assertTrue(number.yMin < 40 && number.xMax > page.getWidth() - 80, number + " on " + page.getWidth());
        int[] dark = TestImages.bounds(TestImages.pixels(page.getSubimage(page.getWidth() / 2, 0, page.getWidth() / 2, 60),
                TestImages.DARK));
        assertNotNull(dark, "no text rendered top-right");
        assertTrue(dark[2] - dark[0] > 3 * (dark[3] - dark[1]), () -> "text box " + java.util.Arrays.toString(dark));
        // the page's own upright line is where the reader expects it, so the frame is the reader's
        Word own = PdfTestDocuments.word(words, "Trang");
        assertEquals(72, own.xMin, 2, own::toString);
    }

    @Test
    void anchorPlacesTheSignatureAboveThePrintedName() throws Exception {
        Path in = PdfTestDocuments.template(dir.resolve("neo.pdf"));
        Path out = dir.resolve("neo.signed.pdf");
        signer.sign(in, out, PdfTestDocuments.key(sandbox.person1()), PdfSignatureOptions.builder().field("chu_tich")
                .appearance(PdfAppearance.leader(SampleImages.signature(500, 200)))
                .placement(PdfPlacement.anchor("Nguyễn Văn An").size(150, 60).offset(0, -4)).build());
        assertValid(out, 1);
        Word name = PdfTestDocuments.word(PdfTestDocuments.words(out), "Nguyễn");
        int[] blue = TestImages.bounds(TestImages.pixels(TestImages.render(out, dir), TestImages.BLUE));
        assertNotNull(blue);
        assertTrue(blue[3] <= name.yMin - 3 && blue[3] > name.yMin - 20, () -> java.util.Arrays.toString(blue) + " " + name);
        String widget = PdfTestDocuments.run("pdfsig", "-nocert", out.toString());
        assertTrue(widget.contains("Signature Field Name: chu_tich"), widget);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 90, 270})
    void anchorOnARotatedPageIsInTheReadersFrame(int rotation) throws Exception {
        Path in = PdfTestDocuments.rotated(dir.resolve("neo-xoay-" + rotation + ".pdf"), rotation,
                "Người ký: Trần Thị Bình", false);
        Path out = dir.resolve("neo-xoay-" + rotation + ".signed.pdf");
        signer.sign(in, out, PdfTestDocuments.key(sandbox.person2()), PdfSignatureOptions.builder()
                .placement(PdfPlacement.anchor("Trần Thị Bình").size(220, 50).offset(40, -6)).build());
        assertValid(out, 1);
        List<Word> words = PdfTestDocuments.words(out);
        Word line = PdfTestDocuments.word(words, "Người");
        Word anchor = words.get(words.indexOf(line) + 2);
        assertEquals("Trần", anchor.text);
        Word signedBy = PdfTestDocuments.word(words, "Ký");
        // the text block reads upright, just above the anchor's line, as the reader sees the page
        assertTrue(signedBy.xMax - signedBy.xMin > 0.8f * (signedBy.yMax - signedBy.yMin), signedBy::toString);
        assertTrue(signedBy.yMin < anchor.yMin - 30 && signedBy.yMin > anchor.yMin - 70, words::toString);
        assertTrue(signedBy.xMin > anchor.xMin - 40 && signedBy.xMin < anchor.xMax, words::toString);
    }

    @Test
    void existingFieldRectangleTakesTheAppearance() throws Exception {
        Path in = PdfTestDocuments.decision(dir.resolve("truong.pdf"));
        Path withField = dir.resolve("truong.field.pdf");
        signer.addSignatureField(in, withField, PdfSignatureOptions.builder().field("giam_doc")
                .visible(1, 320, 560, 200, 120).build());
        Path out = dir.resolve("truong.signed.pdf");
        signer.sign(withField, out, PdfTestDocuments.key(sandbox.person1()), PdfSignatureOptions.builder()
                .placement(PdfPlacement.field("giam_doc"))
                .appearance(PdfAppearance.leader(SampleImages.signature(500, 200)).title("GIÁM ĐỐC")).build());
        assertValid(out, 1);
        int[] blue = TestImages.bounds(TestImages.pixels(TestImages.render(out, dir), TestImages.BLUE));
        assertNotNull(blue);
        assertTrue(blue[0] >= 320 && blue[2] <= 520 && blue[1] >= 560 && blue[3] <= 680, () -> java.util.Arrays.toString(blue));
        Word title = PdfTestDocuments.word(PdfTestDocuments.words(out), "GIÁM");
        assertTrue(title.yMin >= 560 && title.yMax < blue[1] + 2, title::toString);
        assertEquals(ErrorCode.INVALID_ARGUMENT, assertThrows(KysoException.class, () -> signer.sign(in,
                dir.resolve("truong.none.pdf"), PdfTestDocuments.key(sandbox.person1()), PdfSignatureOptions.builder()
                        .placement(PdfPlacement.field("khong_co")).build())).errorCode());
    }

    @Test
    void anExistingFieldPlacedOnAnotherPageMovesThere() throws Exception {
        Path in = dir.resolve("hai-trang.pdf");
        try (PDDocument doc = Loader.loadPDF(PdfTestDocuments.decision(dir.resolve("mot-trang.pdf")).toFile())) {
            doc.addPage(new PDPage(PDRectangle.A4));
            doc.save(in.toFile());
        }
        Path withField = dir.resolve("hai-trang.field.pdf");
        signer.addSignatureField(in, withField, PdfSignatureOptions.builder().field("pho_giam_doc")
                .visible(1, 320, 560, 200, 80).build());
        Path out = dir.resolve("hai-trang.signed.pdf");
        signer.sign(withField, out, PdfTestDocuments.key(sandbox.person2()), PdfSignatureOptions.builder()
                .field("pho_giam_doc").visible(2, 72, 100, 220, 60).build());
        assertValid(out, 1);
        try (PDDocument doc = Loader.loadPDF(out.toFile())) {
            PDAnnotationWidget w = doc.getDocumentCatalog().getAcroForm().getField("pho_giam_doc").getWidgets().get(0);
            assertEquals(doc.getPage(1).getCOSObject(), w.getCOSObject().getCOSDictionary(COSName.P));
            assertTrue(doc.getPage(0).getAnnotations().isEmpty(), "the widget left page 1");
            assertEquals(1, doc.getPage(1).getAnnotations().size());
            assertEquals(72, w.getRectangle().getLowerLeftX(), 0.01);
            assertEquals(60, w.getRectangle().getHeight(), 0.01);
        }
        String text = PdfTestDocuments.run("pdftotext", "-enc", "UTF-8", "-f", "2", "-l", "2", out.toString(), "-");
        assertTrue(text.contains("Ký bởi: Trần Thị Bình"), text);
        // once the document is signed, a reserved field stays on its page (its leaving would change the page)
        Path approved = dir.resolve("hai-trang.approved.pdf");
        Path reserved = dir.resolve("hai-trang.reserved.pdf");
        signer.addSignatureField(out, reserved, PdfSignatureOptions.builder().field("van_thu")
                .visible(1, 320, 700, 200, 80).build());
        Path refused = dir.resolve("hai-trang.refused.pdf");
        assertEquals(ErrorCode.INVALID_ARGUMENT, assertThrows(KysoException.class, () -> signer.sign(reserved, refused,
                PdfTestDocuments.key(sandbox.organization()), PdfSignatureOptions.builder().field("van_thu")
                        .visible(2, 72, 300, 220, 60).build())).errorCode());
        assertFalse(Files.exists(refused));
        signer.sign(reserved, approved, PdfTestDocuments.key(sandbox.organization()), PdfSignatureOptions.builder()
                .field("van_thu").visible(1, 72, 300, 220, 60).build());
        assertValid(approved, 2);
    }

    @Test
    void anchorWrittenWithCombiningMarksIsFound() throws Exception {
        Path in = PdfTestDocuments.rotated(dir.resolve("nfd.pdf"), 0, "Người ký: Lê Hoàng Cường", true);
        String extracted = PdfTestDocuments.run("pdftotext", "-enc", "UTF-8", in.toString(), "-");
        assertFalse(extracted.contains("Cường"), "the page should hold decomposed text: " + extracted);
        Path out = dir.resolve("nfd.signed.pdf");
        signer.sign(in, out, PdfTestDocuments.key(sandbox.person3()), PdfSignatureOptions.builder()
                .placement(PdfPlacement.anchor("Lê Hoàng Cường").size(200, 50)).build());
        assertValid(out, 1);
        // a text block (no appearance given) right above the anchor, whose line is 300 points from the top
        String text = PdfTestDocuments.run("pdftotext", "-enc", "UTF-8", "-x", "0", "-y", "230", "-W", "595", "-H", "60",
                out.toString(), "-");
        assertTrue(text.contains("Ký bởi: Lê Hoàng Cường"), text);
    }

    @Test
    void missingAnchorIsAClearErrorAndNoOutput() throws Exception {
        Path in = PdfTestDocuments.template(dir.resolve("khong-neo.pdf"));
        Path out = dir.resolve("khong-neo.signed.pdf");
        KysoException e = assertThrows(KysoException.class, () -> signer.sign(in, out,
                PdfTestDocuments.key(sandbox.person1()), PdfSignatureOptions.builder()
                        .placement(PdfPlacement.anchor("Trần Văn Không Có")).build()));
        assertEquals(ErrorCode.INVALID_ARGUMENT, e.errorCode());
        assertTrue(e.message(Language.VI).contains("Tham số không hợp lệ") && e.message(Language.EN).contains("anchor text not found"),
                e.message(Language.EN));
        assertFalse(Files.exists(out));
        assertEquals(ErrorCode.INVALID_ARGUMENT, assertThrows(KysoException.class, () -> signer.sign(in, out,
                PdfTestDocuments.key(sandbox.person1()), PdfSignatureOptions.builder()
                        .placement(PdfPlacement.anchor("Nguyễn Văn An").occurrence(2)).build())).errorCode());
        assertEquals(ErrorCode.INVALID_ARGUMENT, assertThrows(KysoException.class, () -> signer.sign(in, out,
                PdfTestDocuments.key(sandbox.person1()), PdfSignatureOptions.builder()
                        .appearance(PdfAppearance.leader(SampleImages.signature(100, 40))).build())).errorCode());
        assertFalse(Files.exists(out));
    }

    @Test
    void brokenOrOversizedImagesAreRefused() {
        byte[] good = SampleImages.signature(300, 120);
        byte[] truncated = java.util.Arrays.copyOf(good, good.length / 2);
        assertEquals(ErrorCode.MALFORMED_INPUT, assertThrows(KysoException.class,
                () -> PdfAppearance.leader(truncated)).errorCode());
        assertEquals(ErrorCode.MALFORMED_INPUT, assertThrows(KysoException.class,
                () -> PdfAppearance.seal("GIF89a không phải PNG".getBytes(StandardCharsets.UTF_8))).errorCode());
        byte[] jpeg = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16, 'J', 'F', 'I', 'F'};
        assertEquals(ErrorCode.MALFORMED_INPUT, assertThrows(KysoException.class, () -> PdfAppearance.leader(jpeg)).errorCode());
        assertEquals(ErrorCode.INVALID_ARGUMENT, assertThrows(KysoException.class,
                () -> PdfAppearance.leader(SampleImages.png(new BufferedImage(4097, 2, BufferedImage.TYPE_INT_ARGB), 0))).errorCode());
        assertEquals(ErrorCode.INVALID_ARGUMENT, assertThrows(KysoException.class,
                () -> PdfAppearance.seal(new byte[(1 << 20) + 1])).errorCode());
        assertEquals(ErrorCode.INVALID_ARGUMENT, assertThrows(KysoException.class,
                () -> PdfAppearance.text().title("không dùng cho khối chữ")).errorCode());
        assertEquals(ErrorCode.INVALID_ARGUMENT, assertThrows(KysoException.class,
                () -> PdfAppearance.seal(SampleImages.seal(100, 0)).sealWidthMm(1)).errorCode());
    }

    /** Every kind's values travel in the two-phase state: complete draws what prepare drew (same digest). */
    @Test
    void twoPhaseCarriesSealCopyIncomeAndAppendix() throws Exception {
        Path leader = dir.resolve("hai-buoc-dau.leader.pdf");
        signer.sign(PdfTestDocuments.template(dir.resolve("hai-buoc-dau.pdf")), leader, PdfTestDocuments.key(sandbox.person1()),
                PdfSignatureOptions.builder().field("chu_tich").appearance(PdfAppearance.leader(SampleImages.signature(500, 200)))
                        .placement(PdfPlacement.anchor("Nguyễn Văn An").size(160, 70).offset(0, -4)).build());
        PdfAppearance[] kinds = {
            PdfAppearance.seal(SampleImages.seal(400, 0)).sealWidthMm(36).over("chu_tich"),
            PdfAppearance.copy(PdfAppearance.CopyType.TRICH_SAO, "Văn phòng UBND", "07/TS-VP"),
            PdfAppearance.income("Sở Tư pháp").incomingNumber("88").incomingDate(OffsetDateTime.parse("2026-11-24T10:00:00+07:00")),
            PdfAppearance.appendix("45/QĐ-UBND")};
        SigningKey key = PdfTestDocuments.key(sandbox.organization());
        for (PdfAppearance a : kinds) {
            Path out = dir.resolve("hai-buoc-" + a.kind() + ".pdf");
            PreparedSignature p = signer.prepare(leader, key.chain(), key.preferredAlgorithm(DigestAlgorithm.SHA256),
                    PdfSignatureOptions.builder().appearance(a).build());
            signer.complete(p.state(), key.signDigest(p.digest(), p.algorithm()), leader, out);
            assertValid(out, 2);
        }
        String income = PdfTestDocuments.run("pdftotext", "-enc", "UTF-8", dir.resolve("hai-buoc-INCOME.pdf").toString(), "-");
        assertTrue(income.contains("Số đến: 88") && income.contains("Ngày đến: 2026-11-24T10:00:00+07:00"), income);
        // the seal at 36 mm (102 points) wide, red, over the leader's image
        int[] red = TestImages.bounds(TestImages.pixels(TestImages.render(dir.resolve("hai-buoc-SEAL.pdf"), dir), TestImages.RED));
        assertNotNull(red);
        assertEquals(102, red[2] - red[0], 4, () -> java.util.Arrays.toString(red));
    }

    @Test
    void twoPhaseCarriesTheImageAndTheAnchor() throws Exception {
        Path in = PdfTestDocuments.template(dir.resolve("hai-buoc.pdf"));
        Path withField = dir.resolve("hai-buoc.field.pdf");
        signer.addSignatureField(in, withField, PdfSignatureOptions.builder().field("chu_tich").build());
        Path out = dir.resolve("hai-buoc.signed.pdf");
        SigningKey key = PdfTestDocuments.key(sandbox.person2());
        PdfSignatureOptions options = PdfSignatureOptions.builder().field("chu_tich")
                .appearance(PdfAppearance.leader(SampleImages.signature(400, 160)).name("Trần Thị Bình"))
                .placement(PdfPlacement.anchor("CHỦ TỊCH").offset(0, 100).size(160, 90)).build();
        PreparedSignature p = signer.prepare(withField, key.chain(), key.preferredAlgorithm(DigestAlgorithm.SHA256), options);
        signer.complete(p.state(), key.signDigest(p.digest(), p.algorithm()), withField, out);
        assertValid(out, 1);
        assertNotNull(TestImages.bounds(TestImages.pixels(TestImages.render(out, dir), TestImages.BLUE)));
        assertTrue(PdfTestDocuments.run("pdftotext", "-enc", "UTF-8", out.toString(), "-").contains("Trần Thị Bình"));
    }
}
