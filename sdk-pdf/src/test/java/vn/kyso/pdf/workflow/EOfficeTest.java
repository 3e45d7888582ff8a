package vn.kyso.pdf.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
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
import vn.kyso.pdf.PdfAppearance;
import vn.kyso.pdf.PdfPlacement;
import vn.kyso.pdf.PdfSignatureOptions;
import vn.kyso.pdf.PdfSigner;
import vn.kyso.pdf.PdfTestDocuments;
import vn.kyso.pdf.TestImages;
import vn.kyso.testkit.Identity;
import vn.kyso.testkit.SampleImages;
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
        // text-block approvals show no signature image for a seal to cover: refused, nothing written
        Path from = step;
        KysoException noImage = assertThrows(KysoException.class, () -> EOffice.issue(signer, from, issued,
                key(sandbox.organization()), "45/QĐ-UBND", date, PdfSignatureOptions.builder().field("van_thu")
                        .appearance(PdfAppearance.seal(SampleImages.seal(300, 0))).build()));
        assertEquals(ErrorCode.INVALID_ARGUMENT, noImage.errorCode());
        assertTrue(noImage.getMessage().contains("no signature image"), noImage.getMessage());
        assertFalse(java.nio.file.Files.exists(issued));
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

    /**
     * The Decree 30 workflow on a template without fields: number and date fields over the template's
     * placeholders, two approvals with text blocks and the leader's with a signature image above the
     * printed name, then the clerk's issuance with the seal over the left third of the leader's image.
     */
    @Test
    void placeholdersImagesAndSealOverTheLeadersSignature(@TempDir Path dir) throws Exception {
        TrustAnchors trust = TrustAnchors.of(List.of(sandbox.root()));
        PdfSigner signer = PdfSigner.builder().trust(trust)
                .timestamps(TimestampClient.builder().urls(List.of(sandbox.tsaUrl())).build()).build();
        Path template = dir.resolve("mau.pdf");
        EOffice.reserveIssuanceFields(PdfTestDocuments.template(dir.resolve("du-thao.pdf")), template);
        List<PdfTestDocuments.Word> draft = PdfTestDocuments.words(template);
        PdfTestDocuments.Word so = PdfTestDocuments.word(draft, "Số:");
        PdfTestDocuments.Word ngay = PdfTestDocuments.word(draft, "ngày");
        float[] number = widget(template, EOffice.NUMBER_FIELD);
        float[] date = widget(template, EOffice.DATE_FIELD);
        // the fields cover the placeholders on their row, side by side without overlapping
        assertEquals(so.xMin, number[0], 2, () -> so + " " + java.util.Arrays.toString(number));
        assertEquals(ngay.xMin, date[0], 2, () -> ngay + " " + java.util.Arrays.toString(date));
        assertTrue(number[1] < so.yMin && number[1] + number[3] > so.yMax, () -> java.util.Arrays.toString(number));
        assertTrue(number[0] + number[2] < date[0], () -> java.util.Arrays.toString(number) + java.util.Arrays.toString(date));

        Path step1 = dir.resolve("buoc-1.pdf");
        signer.sign(template, step1, key(sandbox.person2()), PdfSignatureOptions.builder().field("lanh_dao_phong")
                .appearance(PdfAppearance.text()).visible(1, 40, 640, 170, 60).build());
        Path step2 = dir.resolve("buoc-2.pdf");
        signer.sign(step1, step2, key(sandbox.person3()), PdfSignatureOptions.builder().field("lanh_dao_van_phong")
                .visible(1, 40, 710, 170, 60).build());
        Path step3 = dir.resolve("buoc-3.pdf");
        signer.sign(step2, step3, key(sandbox.person1()), PdfSignatureOptions.builder().field("chu_tich")
                .appearance(PdfAppearance.leader(SampleImages.signature(600, 240)))
                .placement(PdfPlacement.anchor("Nguyễn Văn An").size(160, 70).offset(0, -4)).build());
        int[] image = TestImages.bounds(TestImages.pixels(TestImages.render(step3, dir), TestImages.BLUE));
        assertNotNull(image, "the leader's signature image is not shown");

        Path issued = dir.resolve("phat-hanh.pdf");
        EOffice.issue(signer, step3, issued, key(sandbox.organization()), "45/QĐ-UBND",
                OffsetDateTime.parse("2026-11-22T09:30:00+07:00"), PdfSignatureOptions.builder().field("van_thu")
                        .level(SignatureLevel.B_T).appearance(PdfAppearance.seal(SampleImages.seal(472, 300)).over("chu_tich")).build());

        PdfTestDocuments.assertPdfsigValid(issued, 4);
        // in content order: the page's placeholders, then the fields' values (the placeholders under the
        // fields are hidden on the page but still text, so pdftotext's position sorting would mix them)
        String text = PdfTestDocuments.run("pdftotext", "-raw", "-enc", "UTF-8", issued.toString(), "-");
        assertTrue(text.contains("Số: 45/QĐ-UBND ngày 22 tháng 11 năm 2026"), text);
        VerificationReport report = Verifier.builder().trust(trust).build().verify(issued);
        assertEquals(Verdict.VALID, report.verdict(), () -> ReportWriter.text(report, Language.EN));
        assertEquals(4, report.signatures().size());
        for (SignatureResult s : report.signatures()) {
            assertEquals(Indication.TOTAL_PASSED, s.indication(), () -> ReportWriter.text(report, Language.EN));
            if (!Boolean.TRUE.equals(s.coversWholeDocument())) {
                assertTrue(s.modificationsAfter() == Modification.SIGNATURES
                        || s.modificationsAfter() == Modification.FORM_FILL, s.modificationsAfter()::toString);
            }
        }

        // the seal: red, 40 mm wide (its PNG says 300 dpi), over the left third of the leader's image only
        List<int[]> red = TestImages.pixels(TestImages.render(issued, dir), TestImages.RED);
        int[] seal = TestImages.bounds(red);
        assertNotNull(seal, "no seal");
        assertEquals(40 / 25.4 * 72, seal[2] - seal[0] + 1, 3, () -> java.util.Arrays.toString(seal));
        int third = image[0] + (image[2] - image[0]) / 3;
        long over = red.stream().filter(p -> p[0] >= image[0] && p[0] <= image[2] && p[1] >= image[1] && p[1] <= image[3])
                .count();
        assertTrue(over > 50, "the seal does not cover the image: " + over);
        assertTrue(red.stream().noneMatch(p -> p[0] > third + 2 && p[0] <= image[2] && p[1] >= image[1] && p[1] <= image[3]),
                "red beyond the left third of the image " + java.util.Arrays.toString(image));
        assertEquals(third, seal[2], 3, () -> "seal " + java.util.Arrays.toString(seal) + " image " + java.util.Arrays.toString(image));
    }

    /** The reader-frame rectangle {x, y, w, h} of a field's widget on an unrotated page. */
    private static float[] widget(Path pdf, String field) throws Exception {
        try (org.apache.pdfbox.pdmodel.PDDocument doc = org.apache.pdfbox.Loader.loadPDF(pdf.toFile())) {
            org.apache.pdfbox.pdmodel.common.PDRectangle r = doc.getDocumentCatalog().getAcroForm().getField(field)
                    .getWidgets().get(0).getRectangle();
            float h = doc.getPage(0).getMediaBox().getHeight();
            return new float[] {r.getLowerLeftX(), h - r.getUpperRightY(), r.getWidth(), r.getHeight()};
        }
    }

    /**
     * Item 14: the first approver knows nothing of issuance, yet the clerk can issue. Approve, approve,
     * issue with number and date: every signature VALID for our verifier and for pdfsig, number and date
     * shown; the opt-out leaves the PDF as it is, and issuing it then says what to do.
     */
    @Test
    void theFirstApprovalReservesTheIssuanceFields(@TempDir Path dir) throws Exception {
        TrustAnchors trust = TrustAnchors.of(List.of(sandbox.root()));
        PdfSigner signer = PdfSigner.builder().trust(trust)
                .timestamps(TimestampClient.builder().urls(List.of(sandbox.tsaUrl())).build()).build();
        Path draft = PdfTestDocuments.template(dir.resolve("du-thao.pdf"));
        assertTrue(EOffice.needsIssuanceFields(draft));
        Path first = dir.resolve("duyet-1.pdf");
        EOffice.approve(signer, draft, first, key(sandbox.person2()), PdfSignatureOptions.builder()
                .field("lanh_dao_phong").visible(1, 40, 640, 170, 60).build());
        assertEquals(3, revisions(first), "the reserved fields, then the signature");
        assertTrue(hasIssuanceFields(first));
        assertFalse(EOffice.needsIssuanceFields(first));
        Path second = dir.resolve("duyet-2.pdf");
        EOffice.approve(signer, first, second, key(sandbox.person1()), PdfSignatureOptions.builder()
                .field("chu_tich").visible(1, 40, 710, 170, 60).build());
        assertEquals(4, revisions(second), "a later approval only signs");
        Path issued = dir.resolve("phat-hanh.pdf");
        EOffice.issue(signer, second, issued, key(sandbox.organization()), "45/QĐ-UBND",
                OffsetDateTime.parse("2026-11-22T09:30:00+07:00"),
                PdfSignatureOptions.builder().field("van_thu").level(SignatureLevel.B_T).build());

        PdfTestDocuments.assertPdfsigValid(issued, 3);
        String text = PdfTestDocuments.run("pdftotext", "-raw", "-enc", "UTF-8", issued.toString(), "-");
        assertTrue(text.contains("Số: 45/QĐ-UBND ngày 22 tháng 11 năm 2026"), text);
        VerificationReport report = Verifier.builder().trust(trust).build().verify(issued);
        assertEquals(Verdict.VALID, report.verdict(), () -> ReportWriter.text(report, Language.EN));
        assertEquals(3, report.signatures().size());
        List<Modification> after = new java.util.ArrayList<>();
        for (SignatureResult s : report.signatures()) {
            assertEquals(Indication.TOTAL_PASSED, s.indication(), () -> ReportWriter.text(report, Language.EN));
            after.add(s.modificationsAfter());
        }
        after.sort(null);
        assertEquals(List.of(Modification.NONE, Modification.FORM_FILL, Modification.FORM_FILL), after,
                () -> ReportWriter.text(report, Language.EN));

        // the opt-out: signed as it is, and the clerk is told why issuance cannot work and what to do
        Path plain = dir.resolve("duyet-khong-o.pdf");
        EOffice.approve(signer, draft, plain, key(sandbox.person2()), PdfSignatureOptions.builder().build(),
                EOffice.IssuanceFields.LEAVE_AS_IS);
        assertEquals(2, revisions(plain));
        assertFalse(hasIssuanceFields(plain));
        Path refused = dir.resolve("khong-phat-hanh.pdf");
        KysoException e = assertThrows(KysoException.class, () -> EOffice.issue(signer, plain, refused,
                key(sandbox.organization()), "46/QĐ-UBND", OffsetDateTime.now(), PdfSignatureOptions.builder().build()));
        assertEquals(ErrorCode.INVALID_ARGUMENT, e.errorCode());
        assertEquals("[KYSO-100] Invalid argument: the PDF has no number and date fields (so_ky_hieu, ngay_ban_hanh) to "
                + "fill at issuance. The first approval reserves them unless told not to (--no-reserve-issuance-fields, "
                + "EOffice.IssuanceFields.LEAVE_AS_IS); a PDF already signed without them must be approved again from the "
                + "draft, or get them with EOffice.reserveIssuanceFields before the first signature", e.message(Language.EN));
        assertTrue(e.message(Language.VI).startsWith("[KYSO-100] Tham số không hợp lệ: tệp PDF chưa có ô số và ngày"),
                e.message(Language.VI));
        assertFalse(java.nio.file.Files.exists(refused));
        assertEquals(ErrorCode.INVALID_ARGUMENT, assertThrows(KysoException.class, () -> EOffice.approve(signer, draft,
                refused, key(sandbox.person2()), PdfSignatureOptions.builder().build(), null)).errorCode());
    }

    /** How many revisions (%%EOF markers) a PDF has. */
    private static int revisions(Path pdf) throws Exception {
        String s = new String(java.nio.file.Files.readAllBytes(pdf), java.nio.charset.StandardCharsets.ISO_8859_1);
        int n = 0;
        for (int i = s.indexOf("%%EOF"); i >= 0; i = s.indexOf("%%EOF", i + 5)) {
            n++;
        }
        return n;
    }

    private static boolean hasIssuanceFields(Path pdf) throws Exception {
        try (org.apache.pdfbox.pdmodel.PDDocument doc = org.apache.pdfbox.Loader.loadPDF(pdf.toFile())) {
            org.apache.pdfbox.pdmodel.interactive.form.PDAcroForm form = doc.getDocumentCatalog().getAcroForm(null);
            return form != null && form.getField(EOffice.NUMBER_FIELD) != null && form.getField(EOffice.DATE_FIELD) != null;
        }
    }

    @Test
    void fillingWithoutReservedFieldsIsRefused(@TempDir Path dir) throws Exception {
        Path plain = PdfTestDocuments.decision(dir.resolve("khong-co-truong.pdf"));
        assertEquals(ErrorCode.INVALID_ARGUMENT, assertThrows(KysoException.class, () -> EOffice.fillIssuance(plain,
                dir.resolve("x.pdf"), "1/QĐ", OffsetDateTime.now())).errorCode());
    }
}
