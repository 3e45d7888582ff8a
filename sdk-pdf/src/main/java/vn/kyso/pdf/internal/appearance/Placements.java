package vn.kyso.pdf.internal.appearance;

import java.io.IOException;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationWidget;
import org.apache.pdfbox.pdmodel.interactive.form.PDAcroForm;
import org.apache.pdfbox.pdmodel.interactive.form.PDField;
import org.apache.pdfbox.pdmodel.interactive.form.PDSignatureField;
import vn.kyso.api.ErrorCode;
import vn.kyso.api.KysoException;
import vn.kyso.pdf.PdfAppearance;
import vn.kyso.pdf.PdfPlacement;
import vn.kyso.pdf.PdfSignatureOptions;

/**
 * Turns the options' placement into a page and a widget rectangle in default user space: a rectangle,
 * an existing field, an anchor text, or the appearance's default place (info text top-right of page 1;
 * a seal over the left third of the leader's signature image). Internal; the signing engine calls
 * {@link #resolve} before {@link Appearances#draw}.
 */
public final class Placements {
    /** Distance of info text from the top and right edges of the page, in points (about 7 mm). */
    static final float MARGIN = 20;
    /** Widest info text block before lines wrap, in points. */
    static final float INFO_MAX_WIDTH = 260;

    private Placements() {
    }

    /** Where the signature widget goes. */
    public static final class Resolved {
        /** 0-based page. */
        public final int pageIndex;
        /** The widget rectangle in default user space. */
        public final PDRectangle rectangle;
        /** The page's /Rotate (0, 90, 180, 270). */
        public final int rotation;

        Resolved(int pageIndex, PDRectangle rectangle, int rotation) {
            this.pageIndex = pageIndex;
            this.rectangle = rectangle;
            this.rotation = rotation;
        }
    }

    /**
     * The place of a visible signature ({@code request} null: of an empty field, which has no appearance
     * to give it a default place).
     *
     * @throws KysoException {@code INVALID_ARGUMENT} when the page, the field or the anchor text does not
     *     exist, the place lies outside the page, or nothing says where the signature goes
     */
    public static Resolved resolve(PDDocument doc, PdfSignatureOptions options, AppearanceRequest request)
            throws IOException {
        PdfPlacement p = options.placement();
        PDAnnotationWidget existing = widget(doc, options.fieldName());
        if (p != null) {
            switch (p.mode()) {
                case RECTANGLE:
                    return at(doc, p.page() - 1, p.x(), p.y(), p.width(), p.height());
                case ANCHOR:
                    return anchor(doc, p);
                default:
                    if (!visible(existing)) {
                        throw KysoException.localized(ErrorCode.INVALID_ARGUMENT, null,
                                "không có trường chữ ký hiện nào tên " + p.fieldName(),
                                "no visible signature field " + p.fieldName());
                    }
                    break;
            }
        }
        if (visible(existing)) {
            int page = ImageBoxes.pageOf(doc, existing);
            if (page < 0) {
                throw KysoException.localized(ErrorCode.INVALID_ARGUMENT, null,
                        "trường " + options.fieldName() + " không nằm trên trang nào",
                        "field " + options.fieldName() + " is on no page");
            }
            return new Resolved(page, existing.getRectangle(), PageFrame.normalise(doc.getPage(page).getRotation()));
        }
        if (request == null) {
            throw KysoException.localized(ErrorCode.INVALID_ARGUMENT, null,
                    "trường chữ ký trống cần vị trí (trang và hình chữ nhật, hoặc văn bản neo)",
                    "an empty signature field needs a placement (page and rectangle, or anchor text)");
        }
        PdfAppearance a = request.appearance();
        if (a.kind() == PdfAppearance.Kind.SEAL) {
            return overLeaderImage(doc, a);
        }
        if (a.infoText()) {
            float[] size = Appearances.infoSize(request, INFO_MAX_WIDTH);
            PageFrame frame = PageFrame.of(doc.getPage(0));
            return at(doc, 0, frame.readerWidth() - MARGIN - size[0], MARGIN, size[0], size[1]);
        }
        throw KysoException.localized(ErrorCode.INVALID_ARGUMENT, null,
                "chữ ký hiện kiểu " + a.kind() + " cần vị trí (trang và hình chữ nhật, trường hoặc văn bản neo)",
                "a visible " + a.kind() + " signature needs a placement (page and rectangle, field or anchor text)");
    }

    private static boolean visible(PDAnnotationWidget w) {
        PDRectangle r = w == null ? null : w.getRectangle();
        return r != null && r.getWidth() > 0 && r.getHeight() > 0;
    }

    /** The first widget of the named signature field, or null. */
    static PDAnnotationWidget widget(PDDocument doc, String fieldName) {
        if (fieldName == null) {
            return null;
        }
        PDAcroForm form = doc.getDocumentCatalog().getAcroForm(null);
        PDField f = form == null ? null : form.getField(fieldName);
        return f instanceof PDSignatureField && !f.getWidgets().isEmpty() ? f.getWidgets().get(0) : null;
    }

    private static Resolved at(PDDocument doc, int pageIndex, float x, float y, float w, float h) {
        if (pageIndex < 0 || pageIndex >= doc.getNumberOfPages()) {
            throw KysoException.localized(ErrorCode.INVALID_ARGUMENT, null,
                    "trang " + (pageIndex + 1) + " không có, tài liệu có " + doc.getNumberOfPages() + " trang",
                    "page " + (pageIndex + 1) + " of " + doc.getNumberOfPages());
        }
        PageFrame frame = PageFrame.of(doc.getPage(pageIndex));
        requireInside(frame, x, y, w, h);
        return new Resolved(pageIndex, frame.toUser(x, y, w, h), frame.rotation());
    }

    /** A place (reader's frame) must lie on the page, to within a hundredth of a point. */
    private static void requireInside(PageFrame frame, float x, float y, float w, float h) {
        if (x < -0.01f || y < -0.01f || x + w > frame.readerWidth() + 0.01f || y + h > frame.readerHeight() + 0.01f) {
            throw KysoException.localized(ErrorCode.INVALID_ARGUMENT, null,
                    "hình chữ nhật của chữ ký " + x + "," + y + " " + w + "x" + h + " nằm ngoài trang (" + frame.readerWidth() + "x" + frame.readerHeight() + " pt)",
                    "the signature rectangle " + x + "," + y + " " + w + "x" + h + " lies outside the page (" + frame.readerWidth() + " x " + frame.readerHeight() + " pt)");
        }
    }

    private static Resolved anchor(PDDocument doc, PdfPlacement p) throws IOException {
        int first = p.page() > 0 ? p.page() - 1 : 0;
        int last = p.page() > 0 ? p.page() - 1 : doc.getNumberOfPages() - 1;
        if (first >= doc.getNumberOfPages()) {
            throw KysoException.localized(ErrorCode.INVALID_ARGUMENT, null,
                    "trang " + p.page() + " không có, tài liệu có " + doc.getNumberOfPages() + " trang",
                    "page " + p.page() + " of " + doc.getNumberOfPages());
        }
        int seen = 0;
        for (int i = first; i <= last; i++) {
            List<TextAnchors.Hit> hits = TextAnchors.find(doc, i, p.anchorText());
            if (seen + hits.size() >= p.occurrence()) {
                TextAnchors.Hit hit = hits.get(p.occurrence() - seen - 1);
                float[] a = PageFrame.of(doc.getPage(i)).toReader(hit.box);
                return at(doc, i, a[0] + a[2] / 2 - p.width() / 2 + p.x(), a[1] - p.height() + p.y(),
                        p.width(), p.height());
            }
            seen += hits.size();
        }
        throw KysoException.localized(ErrorCode.INVALID_ARGUMENT, null,
                "không tìm thấy văn bản neo" + (p.occurrence() > 1 ? " đủ " + p.occurrence() + " lần" : "") + (p.page() > 0 ? " trên trang " + p.page() : "") + ": \"" + p.anchorText() + "\"",
                "anchor text not found" + (p.occurrence() > 1 ? " " + p.occurrence() + " times" : "") + (p.page() > 0 ? " on page " + p.page() : "") + ": \"" + p.anchorText() + "\"");
    }

    /** The seal at its real size, its right edge at one third of the leader's image, centred vertically on it. */
    private static Resolved overLeaderImage(PDDocument doc, PdfAppearance seal) throws IOException {
        ImageBoxes.Found leader = ImageBoxes.signatureImage(doc, seal.overField());
        if (leader == null) {
            throw KysoException.localized(ErrorCode.INVALID_ARGUMENT, null,
                    "không có ảnh chữ ký để đóng dấu lên" + (seal.overField() != null ? " trong trường " + seal.overField() : "") + " (hãy ký phê duyệt bằng PdfAppearance.leader, hoặc cho con dấu một vị trí)",
                    "no signature image to put the seal over" + (seal.overField() != null ? " in field " + seal.overField() : "") + " (sign the approval with PdfAppearance.leader, or give the seal a placement)");
        }
        float[] size = SignatureImages.sealSize(seal.image(), seal.sealWidthMm(), PdfAppearance.DEFAULT_SEAL_MM);
        PageFrame frame = PageFrame.of(doc.getPage(leader.pageIndex));
        float[] img = frame.toReader(leader.box);
        float x = img[0] + img[2] / 3 - size[0];
        float y = img[1] + img[3] / 2 - size[1] / 2;
        requireInside(frame, x, y, size[0], size[1]);
        return new Resolved(leader.pageIndex, frame.toUser(x, y, size[0], size[1]), frame.rotation());
    }
}
