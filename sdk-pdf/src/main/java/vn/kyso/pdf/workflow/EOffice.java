package vn.kyso.pdf.workflow;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.color.PDColor;
import org.apache.pdfbox.pdmodel.graphics.color.PDDeviceGray;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotation;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationWidget;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAppearanceCharacteristicsDictionary;
import org.apache.pdfbox.pdmodel.interactive.form.PDAcroForm;
import org.apache.pdfbox.pdmodel.interactive.form.PDField;
import org.apache.pdfbox.pdmodel.interactive.form.PDSignatureField;
import org.apache.pdfbox.pdmodel.interactive.form.PDTextField;
import vn.kyso.api.ErrorCode;
import vn.kyso.api.KysoException;
import vn.kyso.api.SigningResult;
import vn.kyso.api.internal.Args;
import vn.kyso.api.io.AtomicFiles;
import vn.kyso.api.token.SigningKey;
import vn.kyso.pdf.internal.appearance.PdfFonts;
import vn.kyso.pdf.PdfSignatureOptions;
import vn.kyso.pdf.PdfSigner;
import vn.kyso.pdf.internal.appearance.PageFrame;
import vn.kyso.pdf.internal.appearance.TextAnchors;

/**
 * The government e-office flow on a PDF (EOFFICE-WORKFLOW.md): the template reserves two text fields,
 * {@value #NUMBER_FIELD} and {@value #DATE_FIELD}, BEFORE the first approval signature; approvers sign;
 * the clerk then fills the number and the issue date (with visible appearances) and signs with the
 * organisation's certificate. Filling fields that existed before the first signature is a change
 * verifiers classify as form filling, which approval signatures permit, so every earlier signature
 * stays valid. Every step is an incremental update written atomically.
 *
 * <p>The roles, as {@link PdfSigner} calls with a {@link vn.kyso.pdf.PdfAppearance}: approve (ký duyệt)
 * with {@link #approve} and {@code PdfAppearance.leader(png)} or the text block (the first approval
 * reserves the number and date fields, so the approvers need not know about them); issue (phát hành) with {@link #issue} and
 * {@code PdfAppearance.seal(png)}, drawn over the left third of the leader's signature image; income (văn
 * bản đến), appendix (phụ lục, a separate file) and copy (bản sao điện tử) with
 * {@code PdfAppearance.income/appendix/copy}, info text top-right of page 1.
 */
public final class EOffice {
    /** The text field that receives the document number (số, ký hiệu). */
    public static final String NUMBER_FIELD = "so_ky_hieu";
    /** The text field that receives the issue date. */
    public static final String DATE_FIELD = "ngay_ban_hanh";
    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    /** The template's number placeholder, "Số:". */
    private static final Pattern NUMBER_ANCHOR = Pattern.compile("Số ?:");
    /** The template's date placeholder, "ngày ... tháng ... năm ..." (dots, underscores or digits). */
    private static final Pattern DATE_ANCHOR = Pattern.compile(
            "ngày[ .…_\\d]*tháng[ .…_\\d]*năm(?: ?[.…_\\d]+)*", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    /** The widest date the field must hold. */
    private static final String WIDEST_DATE = "ngày 28 tháng 12 năm 2026";
    private static final int DEFAULT_SIZE = 13;

    private EOffice() {
    }

    /** Whether an approval reserves the issuance fields ({@link #approve(PdfSigner, Path, Path, SigningKey, PdfSignatureOptions, IssuanceFields)}). */
    public enum IssuanceFields {
        /**
         * The default: on a PDF that has no signature yet and no number/date fields, reserve them before
         * signing ({@link #reserveIssuanceFields}), so that the clerk can issue the document later. A PDF
         * that is already signed, already has the fields or is encrypted is signed as it is.
         */
        RESERVE,
        /** Sign as the PDF is: the document will not be issued with {@link #issue} (or the template has its own fields). */
        LEAVE_AS_IS
    }

    /**
     * An approver's signature (ký duyệt). On a PDF that has no signature yet, the number and date fields
     * are reserved first (one incremental update, then the signature), so that {@link #issue} works later
     * without the first approver knowing about it; later approvals sign as they are. Same as
     * {@code approve(signer, in, out, key, options, IssuanceFields.RESERVE)}.
     *
     * <pre>{@code
     * EOffice.approve(signer, Path.of("du-thao.pdf"), Path.of("du-thao.1.pdf"), leaderKey,
     *         PdfSignatureOptions.builder().appearance(PdfAppearance.leader(png)).build());
     * }</pre>
     *
     * @param signer the signer
     * @param in the PDF to approve
     * @param out where the signed PDF is written (atomically); not {@code in}
     * @param approver the approver's key
     * @param options the signature's options, e.g. a leader's appearance
     * @return what was signed
     */
    public static SigningResult approve(PdfSigner signer, Path in, Path out, SigningKey approver,
                                        PdfSignatureOptions options) {
        return approve(signer, in, out, approver, options, IssuanceFields.RESERVE);
    }

    /**
     * An approver's signature, reserving the issuance fields as {@code fields} says.
     *
     * <pre>{@code
     * EOffice.approve(signer, in, out, key, options, EOffice.IssuanceFields.LEAVE_AS_IS);   // never issued
     * }</pre>
     *
     * @param signer the signer
     * @param in the PDF to approve
     * @param out where the signed PDF is written (atomically); not {@code in}
     * @param approver the approver's key
     * @param options the signature's options, e.g. a leader's appearance
     * @param fields whether a first approval reserves the issuance fields
     * @return what was signed
     * @throws KysoException {@code INVALID_ARGUMENT} for a null argument, and whatever signing throws
     */
    public static SigningResult approve(PdfSigner signer, Path in, Path out, SigningKey approver,
                                        PdfSignatureOptions options, IssuanceFields fields) {
        Args.notNull(signer, "signer");
        Args.notNull(in, "in");
        Args.notNull(out, "out");
        Args.notNull(approver, "approver");
        Args.notNull(options, "options");
        Args.notNull(fields, "fields");
        if (fields == IssuanceFields.LEAVE_AS_IS || !needsIssuanceFields(in)) {
            return signer.sign(in, out, approver, options);
        }
        Path reserved = out.toAbsolutePath().resolveSibling("." + out.getFileName() + ".template.pdf");
        try {
            reserveIssuanceFields(in, reserved);
            return signer.sign(reserved, out, approver, options);
        } finally {
            try {
                Files.deleteIfExists(reserved);
            } catch (IOException ignored) {
                // a leftover temporary file; the signed output is complete either way
            }
        }
    }

    /**
     * Whether a PDF has no signature yet and lacks the number or date field, i.e. whether its first
     * approval should reserve them. An encrypted PDF or one that cannot be read is left to the signer
     * (false), which reports what is wrong with it.
     */
    static boolean needsIssuanceFields(Path in) {
        if (!Files.isReadable(in)) {
            return false;
        }
        try (PDDocument doc = Loader.loadPDF(new RandomAccessReadBufferedFile(in.toFile()))) {
            if (doc.isEncrypted()) {
                return false;
            }
            PDAcroForm form = doc.getDocumentCatalog().getAcroForm(null);
            if (form == null) {
                return true;
            }
            for (PDField f : form.getFieldTree()) {
                if (f instanceof PDSignatureField && ((PDSignatureField) f).getSignature() != null) {
                    return false;
                }
            }
            return !(form.getField(NUMBER_FIELD) instanceof PDTextField && form.getField(DATE_FIELD) instanceof PDTextField);
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /**
     * Adds the empty number and date fields to page 1 where the template has none, as an incremental
     * update; must run before the first signature. Where page 1 shows the template's placeholders, the
     * fields cover them: the number field starts at "Số:", the date field covers "ngày ... tháng ... năm
     * ...", both in the placeholder's font size, and once filled their white background hides the
     * placeholder. Otherwise they go where Decree 30/2020's layout puts them: the number under the issuing
     * body's name on the left, the date on the right. Until filled, the fields show nothing.
     *
     * <p>Limit: the hidden placeholder is still page text, so text extraction that sorts words by position
     * (poppler's default {@code pdftotext}) may interleave its words with the value's; extraction in
     * content order ({@code pdftotext -raw}) gives the value whole, after the page's text.
     *
     * @param in the PDF, not signed yet
     * @param out where the PDF with the reserved fields is written (atomically); not {@code in}
     */
    public static void reserveIssuanceFields(Path in, Path out) {
        Args.notNull(in, "in");
        Args.notNull(out, "out");
        update(in, out, doc -> {
            PDAcroForm form = form(doc);
            PDPage page = doc.getPage(0);
            PageFrame frame = PageFrame.of(page);
            List<TextAnchors.Hit> number = TextAnchors.find(doc, 0, NUMBER_ANCHOR);
            List<TextAnchors.Hit> date = TextAnchors.find(doc, 0, DATE_ANCHOR);
            PDRectangle dateBox;
            float dateSize;
            if (!date.isEmpty()) {
                dateSize = Math.round(date.get(0).fontSize);
                float[] r = slot(frame, date.get(0), dateSize);
                dateBox = frame.toUser(r[0], r[1], Math.max(r[2], textWidth(form, WIDEST_DATE, dateSize)) + 4, r[3]);
            } else {
                dateSize = DEFAULT_SIZE;
                dateBox = frame.toUser(300, 110, 250, 20);
            }
            PDRectangle numberBox;
            float numberSize;
            if (!number.isEmpty()) {
                numberSize = Math.round(number.get(0).fontSize);
                float[] r = slot(frame, number.get(0), numberSize);
                float[] d = frame.toReader(dateBox);
                boolean sameRow = r[1] < d[1] + d[3] && d[1] < r[1] + r[3] && d[0] > r[0];
                numberBox = frame.toUser(r[0], r[1], sameRow ? Math.min(230, d[0] - 4 - r[0]) : 230, r[3]);
            } else {
                numberSize = DEFAULT_SIZE;
                numberBox = frame.toUser(60, 110, 220, 20);
            }
            addField(form, page, NUMBER_FIELD, numberBox, numberSize, frame.rotation());
            addField(form, page, DATE_FIELD, dateBox, dateSize, frame.rotation());
        });
    }

    /**
     * Writes the document number and the issue date into the reserved fields, as an incremental update
     * (a form fill). The date is shown as "ngày D tháng M năm YYYY" in Vietnam time.
     *
     * @param in the PDF whose fields {@link #reserveIssuanceFields} reserved
     * @param out where the filled PDF is written (atomically); not {@code in}
     * @param documentNumber the document's number and code, e.g. {@code 45/QĐ-UBND}
     * @param issuedDate the issue date
     * @throws KysoException {@code INVALID_ARGUMENT} if the fields were not reserved
     */
    public static void fillIssuance(Path in, Path out, String documentNumber, OffsetDateTime issuedDate) {
        Args.notNull(in, "in");
        Args.notNull(out, "out");
        Args.notNull(documentNumber, "documentNumber");
        Args.notNull(issuedDate, "issuedDate");
        update(in, out, doc -> {
            PDAcroForm form = doc.getDocumentCatalog().getAcroForm(null);
            PDField number = form == null ? null : form.getField(NUMBER_FIELD);
            PDField date = form == null ? null : form.getField(DATE_FIELD);
            if (!(number instanceof PDTextField) || !(date instanceof PDTextField)) {
                throw KysoException.localized(ErrorCode.INVALID_ARGUMENT, null,
                        "tệp PDF chưa có ô số và ngày (" + NUMBER_FIELD + ", " + DATE_FIELD + ") để ghi khi phát hành. "
                                + "Chữ ký duyệt đầu tiên tạo sẵn các ô này nếu không tắt (--no-reserve-issuance-fields, "
                                + "EOffice.IssuanceFields.LEAVE_AS_IS); với tệp đã ký mà chưa có ô, cần trình ký lại từ bản dự thảo, "
                                + "hoặc tạo ô bằng EOffice.reserveIssuanceFields trước chữ ký đầu tiên",
                        "the PDF has no number and date fields (" + NUMBER_FIELD + ", " + DATE_FIELD + ") to fill at issuance. "
                                + "The first approval reserves them unless told not to (--no-reserve-issuance-fields, "
                                + "EOffice.IssuanceFields.LEAVE_AS_IS); a PDF already signed without them must be approved again "
                                + "from the draft, or get them with EOffice.reserveIssuanceFields before the first signature");
            }
            if (!form.getDefaultResources().getFontNames().iterator().hasNext()) {
                throw KysoException.localized(ErrorCode.MALFORMED_INPUT, null,
                        "biểu mẫu của PDF không có phông chữ (AcroForm /DR)", "the PDF's form has no fonts (AcroForm /DR)");
            }
            number.setValue("Số: " + documentNumber);
            date.setValue(dateText(issuedDate));
            for (PDField f : new PDField[] {number, date}) {
                f.getCOSObject().setNeedToBeUpdated(true);
                for (PDAnnotationWidget w : f.getWidgets()) {
                    w.getCOSObject().setNeedToBeUpdated(true);
                    if (w.getAppearance() != null) {
                        w.getAppearance().getCOSObject().setNeedToBeUpdated(true);
                    }
                }
            }
        });
    }

    /**
     * The clerk's step: fills number and date, then signs with the organisation's key (B-T or as the
     * options say). The intermediate file lives next to {@code out} and is removed.
     *
     * @param signer the signer (its time-stamp authority serves B-T)
     * @param in the PDF whose fields {@link #reserveIssuanceFields} reserved, signed by the approvers
     * @param out where the issued PDF is written (atomically); not {@code in}
     * @param organisation the organisation's key
     * @param documentNumber the document's number and code, e.g. {@code 45/QĐ-UBND}
     * @param issuedDate the issue date
     * @param options the signature's options, e.g. {@link vn.kyso.pdf.PdfAppearance#seal(byte[])}
     * @return what was signed
     */
    public static SigningResult issue(PdfSigner signer, Path in, Path out, SigningKey organisation,
                                      String documentNumber, OffsetDateTime issuedDate, PdfSignatureOptions options) {
        Args.notNull(signer, "signer");
        Args.notNull(in, "in");
        Args.notNull(out, "out");
        Args.notNull(organisation, "organisation");
        Args.notNull(documentNumber, "documentNumber");
        Args.notNull(issuedDate, "issuedDate");
        Args.notNull(options, "options");
        Path filled = out.toAbsolutePath().resolveSibling("." + out.getFileName() + ".filled.pdf");
        try {
            fillIssuance(in, filled, documentNumber, issuedDate);
            return signer.sign(filled, out, organisation, options);
        } finally {
            try {
                Files.deleteIfExists(filled);
            } catch (IOException ignored) {
                // a leftover temporary file; the signed output is complete either way
            }
        }
    }

    /**
     * {@return the date as an issued document prints it, e.g. "ngày 22 tháng 11 năm 2026", in Vietnam time}
     *
     * @param date the date
     */
    public static String dateText(OffsetDateTime date) {
        Args.notNull(date, "date");
        OffsetDateTime local = date.atZoneSameInstant(VIETNAM).toOffsetDateTime();
        return "ngày " + local.getDayOfMonth() + " tháng " + local.getMonthValue() + " năm " + local.getYear();
    }

    private interface Change {
        void apply(PDDocument doc) throws IOException;
    }

    private static void update(Path in, Path out, Change change) {
        if (!Files.isReadable(in)) {
            throw new KysoException(ErrorCode.INPUT_UNREADABLE, String.valueOf(in));
        }
        if (out.toAbsolutePath().equals(in.toAbsolutePath())) {
            throw KysoException.localized(ErrorCode.INVALID_ARGUMENT, null,
                    "tệp đầu ra phải khác tệp đầu vào: " + out, "the output must differ from the input: " + out);
        }
        try (PDDocument doc = Loader.loadPDF(new RandomAccessReadBufferedFile(in.toFile()))) {
            if (doc.isEncrypted()) {
                throw new KysoException(ErrorCode.DOCUMENT_PASSWORD, in.getFileName().toString());
            }
            change.apply(doc);
            // saveIncremental writes the original bytes followed by the new revision
            AtomicFiles.write(out, (OutputStream os) -> doc.saveIncremental(os));
        } catch (KysoException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new KysoException(ErrorCode.MALFORMED_INPUT, e, "PDF: " + in.getFileName());
        }
    }

    private static PDAcroForm form(PDDocument doc) throws IOException {
        PDAcroForm form = doc.getDocumentCatalog().getAcroForm(null);
        if (form == null) {
            form = new PDAcroForm(doc);
            doc.getDocumentCatalog().setAcroForm(form);
            doc.getDocumentCatalog().getCOSObject().setNeedToBeUpdated(true);
        }
        form.getCOSObject().setNeedToBeUpdated(true);
        PDResources dr = form.getDefaultResources();
        if (dr == null) {
            dr = new PDResources();
            form.setDefaultResources(dr);
        }
        PDType0Font font = PdfFonts.serifForForms(doc);
        COSName name = dr.add(font);
        form.setDefaultAppearance("/" + name.getName() + " " + DEFAULT_SIZE + " Tf 0 g");
        return form;
    }

    /**
     * A text field with an empty appearance (nothing shows until it is filled), a white background and
     * the page's rotation, so the filled value hides the placeholder under it and reads upright.
     */
    private static void addField(PDAcroForm form, PDPage page, String name, PDRectangle rect, float size, int rotation)
            throws IOException {
        if (form.getField(name) != null) {
            return;
        }
        PDTextField field = new PDTextField(form);
        field.setPartialName(name);
        field.setDefaultAppearance(form.getDefaultAppearance().replace(" " + DEFAULT_SIZE + " Tf", " " + size + " Tf"));
        PDAnnotationWidget widget = field.getWidgets().get(0);
        widget.setRectangle(rect);
        widget.setPage(page);
        widget.setPrinted(true);
        PDAppearanceCharacteristicsDictionary mk = new PDAppearanceCharacteristicsDictionary(new COSDictionary());
        mk.setRotation(rotation);
        widget.setAppearanceCharacteristics(mk);
        List<PDAnnotation> annots = page.getAnnotations();
        annots.add(widget);
        page.setAnnotations(annots);
        page.getCOSObject().setNeedToBeUpdated(true);
        form.getFields().add(field);
        // PDFBox draws the empty value (turned by /MK /R); the white background applies from the fill on
        field.setValue("");
        mk.setBackground(new PDColor(new float[] {1f}, PDDeviceGray.INSTANCE));
    }

    /** A field's reader box {x, y, width, height} over a placeholder: one line of {@code size}, centred on it. */
    private static float[] slot(PageFrame frame, TextAnchors.Hit hit, float size) {
        float[] r = frame.toReader(hit.box);
        return new float[] {r[0] - 1, r[1] + r[3] / 2 - size * 0.7f, r[2], size * 1.4f};
    }

    private static float textWidth(PDAcroForm form, String text, float size) throws IOException {
        PDFont font = form.getDefaultResources().getFont(COSName.getPDFName(fontName(form)));
        return font == null ? text.length() * size / 2 : font.getStringWidth(text) / 1000 * size;
    }

    private static String fontName(PDAcroForm form) {
        String da = form.getDefaultAppearance();
        return da.substring(1, da.indexOf(' '));
    }
}
