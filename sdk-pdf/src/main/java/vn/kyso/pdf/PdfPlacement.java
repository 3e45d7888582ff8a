package vn.kyso.pdf;

import java.text.Normalizer;
import vn.kyso.api.ErrorCode;
import vn.kyso.api.KysoException;
import vn.kyso.api.internal.Args;
import org.jspecify.annotations.Nullable;

/**
 * Where a visible signature goes: a rectangle on a page, an existing signature field, or next to a piece
 * of text found on the page (an anchor such as the signer's printed name). Coordinates are PDF points
 * measured from the page's top-left corner as a reader sees it (the crop box, after the page's /Rotate),
 * so the same numbers work on rotated pages.
 *
 * <p>Anchor placement: the first occurrence of the text (or the {@link #occurrence(int) n-th}), searched
 * on the {@link #page(int) given page} or on every page in order; Vietnamese written with combining marks
 * matches the precomposed form (both are compared in Unicode NFC, runs of white space as one space). The
 * signature's rectangle (default {@value #DEFAULT_WIDTH} x {@value #DEFAULT_HEIGHT} points) is centred
 * horizontally on the anchor with its bottom edge on the anchor's top, then moved by
 * {@link #offset(float, float)} (x to the right, y down). Signing fails with {@code INVALID_ARGUMENT} when
 * the anchor is not found. Immutable and thread-safe.
 */
public final class PdfPlacement {
    /** Default width of an anchored signature, in points. */
    public static final float DEFAULT_WIDTH = 180;
    /** Default height of an anchored signature, in points. */
    public static final float DEFAULT_HEIGHT = 80;

    /** How the place is given. */
    public enum Mode {
        /** A rectangle on a page: {@link #at}. */
        RECTANGLE,
        /** An existing empty signature field: {@link #field}. */
        FIELD,
        /** Next to a piece of text found on a page: {@link #anchor}. */
        ANCHOR
    }

    private final Mode mode;
    private final int page;
    private final float x;
    private final float y;
    private final float width;
    private final float height;
    private final @Nullable String field;
    private final @Nullable String anchor;
    private final int occurrence;

    private PdfPlacement(Mode mode, int page, float x, float y, float width, float height, @Nullable String field,
                         @Nullable String anchor,
                         int occurrence) {
        this.mode = mode;
        this.page = page;
        this.x = x;
        this.y = y;
        this.width = width;
        this.height = height;
        this.field = field;
        this.anchor = anchor;
        this.occurrence = occurrence;
    }

    /**
     * A rectangle on a page: x, y of its top-left corner from the page's top-left, and its size, in PDF
     * points. {@code INVALID_ARGUMENT} for a page below 1, a negative corner or an empty size.
     *
     * @param page the page, 1-based
     * @param x the left edge, from the page's left
     * @param y the top edge, from the page's top
     * @param width the width, more than 0
     * @param height the height, more than 0
     * @return the placement
     */
    public static PdfPlacement at(int page, float x, float y, float width, float height) {
        if (page < 1 || !(width > 0) || !(height > 0) || !(x >= 0) || !(y >= 0)) {
            String values = "page=" + page + " x=" + x + " y=" + y + " width=" + width + " height=" + height;
            throw KysoException.localized(ErrorCode.INVALID_ARGUMENT, null,
                    "hình chữ nhật của chữ ký hiện không hợp lệ: " + values,
                    "invalid visible rectangle: " + values);
        }
        return new PdfPlacement(Mode.RECTANGLE, page, x, y, width, height, null, null, 1);
    }

    /**
     * The rectangle of an existing (empty) signature field, e.g. one a template reserves.
     * {@code INVALID_ARGUMENT} for a blank name.
     *
     * @param name the field's name
     * @return the placement
     */
    public static PdfPlacement field(String name) {
        Args.notNull(name, "name");
        if (name.isBlank()) {
            throw blank("name", "tên trường chữ ký", "field name");
        }
        return new PdfPlacement(Mode.FIELD, 0, 0, 0, 0, 0, name, null, 1);
    }

    /**
     * Next to the given text on the page (see the class description for where exactly).
     * {@code INVALID_ARGUMENT} for a blank text.
     *
     * @param text the text to find, e.g. the signer's printed name
     * @return the placement
     */
    public static PdfPlacement anchor(String text) {
        Args.notNull(text, "text");
        String t = normalise(text);
        if (t.isEmpty()) {
            throw blank("text", "văn bản neo", "anchor text");
        }
        return new PdfPlacement(Mode.ANCHOR, 0, 0, 0, DEFAULT_WIDTH, DEFAULT_HEIGHT, null, t, 1);
    }

    /**
     * Anchor: search only this page.
     *
     * @param p the page, 1-based
     * @return a copy with the page set
     */
    public PdfPlacement page(int p) {
        requireAnchor("page");
        if (p < 1) {
            throw outOfRange("page", "trang", "page", String.valueOf(p));
        }
        return new PdfPlacement(mode, p, x, y, width, height, field, anchor, occurrence);
    }

    /**
     * Anchor: use the n-th occurrence rather than the first.
     *
     * @param n which occurrence, 1-based
     * @return a copy with the occurrence set
     */
    public PdfPlacement occurrence(int n) {
        requireAnchor("occurrence");
        if (n < 1) {
            throw outOfRange("occurrence", "lần xuất hiện", "occurrence", String.valueOf(n));
        }
        return new PdfPlacement(mode, page, x, y, width, height, field, anchor, n);
    }

    /**
     * Anchor: move the rectangle from its default place.
     *
     * @param dx points to the right (negative: to the left)
     * @param dy points down (negative: up)
     * @return a copy with the offset set
     */
    public PdfPlacement offset(float dx, float dy) {
        requireAnchor("offset");
        if (!Float.isFinite(dx) || !Float.isFinite(dy)) {
            throw outOfRange("offset", "độ dịch", "offset", dx + "," + dy);
        }
        return new PdfPlacement(mode, page, dx, dy, width, height, field, anchor, occurrence);
    }

    /**
     * Anchor: the rectangle's size, each side more than 0 and at most 5000 points.
     *
     * @param w the width in points
     * @param h the height in points
     * @return a copy with the size set
     */
    public PdfPlacement size(float w, float h) {
        requireAnchor("size");
        if (!(w > 0) || !(h > 0) || w > 5000 || h > 5000) {
            throw outOfRange("size", "kích thước", "size", w + "x" + h);
        }
        return new PdfPlacement(mode, page, x, y, w, h, field, anchor, occurrence);
    }

    /** {@return how the place is given} */
    public Mode mode() { return mode; }
    /** {@return the page (1-based) of a rectangle or the only page an anchor is searched on; 0 when any page} */
    public int page() { return page; }
    /** {@return for a rectangle, x of its top-left corner; for an anchor, the horizontal offset} */
    public float x() { return x; }
    /** {@return for a rectangle, y of its top-left corner; for an anchor, the vertical offset (down)} */
    public float y() { return y; }
    /** {@return the width in points (0 for a field placement)} */
    public float width() { return width; }
    /** {@return the height in points (0 for a field placement)} */
    public float height() { return height; }
    /** {@return the field name (FIELD), or null} */
    public @Nullable String fieldName() { return field; }
    /** {@return the anchor text in NFC with single spaces (ANCHOR), or null} */
    public @Nullable String anchorText() { return anchor; }
    /** {@return which occurrence of the anchor, 1-based} */
    public int occurrence() { return occurrence; }

    /** Text as anchors compare it: NFC, white space runs as one space, trimmed. */
    private static String normalise(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFC).replaceAll("\\s+", " ").strip();
    }

    private void requireAnchor(String method) {
        if (mode != Mode.ANCHOR) {
            throw KysoException.localized(ErrorCode.INVALID_ARGUMENT, null,
                    method + "() chỉ dùng cho vị trí theo văn bản neo (ANCHOR), không dùng cho " + mode,
                    method + "() is for an ANCHOR placement, not " + mode);
        }
    }

    private static KysoException blank(String param, String whatVi, String whatEn) {
        return KysoException.localized(ErrorCode.INVALID_ARGUMENT, null,
                whatVi + " (" + param + ") để trống", whatEn + " (" + param + ") is blank");
    }

    private static KysoException outOfRange(String param, String whatVi, String whatEn, String value) {
        return KysoException.localized(ErrorCode.INVALID_ARGUMENT, null,
                whatVi + " (" + param + ") không hợp lệ: " + value, whatEn + " (" + param + ") is invalid: " + value);
    }

    @Override
    public String toString() {
        switch (mode) {
            case RECTANGLE: return "page " + page + " at " + x + "," + y + " " + width + "x" + height;
            case FIELD: return "field " + field;
            default: return "anchor \"" + anchor + "\"";
        }
    }
}
