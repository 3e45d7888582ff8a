package vn.kyso.pdf;

import java.text.Normalizer;
import vn.kyso.api.ErrorCode;
import vn.kyso.api.KysoException;

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
    public enum Mode { RECTANGLE, FIELD, ANCHOR }

    private final Mode mode;
    private final int page;
    private final float x;
    private final float y;
    private final float width;
    private final float height;
    private final String field;
    private final String anchor;
    private final int occurrence;

    private PdfPlacement(Mode mode, int page, float x, float y, float width, float height, String field, String anchor,
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

    /** A rectangle on a page (1-based): x, y of its top-left corner from the page's top-left, and its size. */
    public static PdfPlacement at(int page, float x, float y, float width, float height) {
        if (page < 1 || !(width > 0) || !(height > 0) || !(x >= 0) || !(y >= 0)) {
            throw new KysoException(ErrorCode.INVALID_ARGUMENT, "visible rectangle " + page + "," + x + "," + y + ","
                    + width + "," + height);
        }
        return new PdfPlacement(Mode.RECTANGLE, page, x, y, width, height, null, null, 1);
    }

    /** The rectangle of an existing (empty) signature field, e.g. one a template reserves. */
    public static PdfPlacement field(String name) {
        if (name == null || name.isBlank()) {
            throw new KysoException(ErrorCode.INVALID_ARGUMENT, "field name");
        }
        return new PdfPlacement(Mode.FIELD, 0, 0, 0, 0, 0, name, null, 1);
    }

    /** Next to the given text on the page (see the class description for where exactly). */
    public static PdfPlacement anchor(String text) {
        String t = text == null ? "" : normalise(text);
        if (t.isEmpty()) {
            throw new KysoException(ErrorCode.INVALID_ARGUMENT, "anchor text");
        }
        return new PdfPlacement(Mode.ANCHOR, 0, 0, 0, DEFAULT_WIDTH, DEFAULT_HEIGHT, null, t, 1);
    }

    /** Anchor: search only this page (1-based). */
    public PdfPlacement page(int p) {
        requireAnchor("page");
        if (p < 1) {
            throw new KysoException(ErrorCode.INVALID_ARGUMENT, "page " + p);
        }
        return new PdfPlacement(mode, p, x, y, width, height, field, anchor, occurrence);
    }

    /** Anchor: use the n-th occurrence (1-based) rather than the first. */
    public PdfPlacement occurrence(int n) {
        requireAnchor("occurrence");
        if (n < 1) {
            throw new KysoException(ErrorCode.INVALID_ARGUMENT, "occurrence " + n);
        }
        return new PdfPlacement(mode, page, x, y, width, height, field, anchor, n);
    }

    /** Anchor: move the rectangle by dx to the right and dy down from its default place. */
    public PdfPlacement offset(float dx, float dy) {
        requireAnchor("offset");
        if (!Float.isFinite(dx) || !Float.isFinite(dy)) {
            throw new KysoException(ErrorCode.INVALID_ARGUMENT, "offset");
        }
        return new PdfPlacement(mode, page, dx, dy, width, height, field, anchor, occurrence);
    }

    /** Anchor: the rectangle's size in points. */
    public PdfPlacement size(float w, float h) {
        requireAnchor("size");
        if (!(w > 0) || !(h > 0) || w > 5000 || h > 5000) {
            throw new KysoException(ErrorCode.INVALID_ARGUMENT, "size " + w + "x" + h);
        }
        return new PdfPlacement(mode, page, x, y, w, h, field, anchor, occurrence);
    }

    public Mode mode() { return mode; }
    /** The page (1-based) of a rectangle or the only page an anchor is searched on; 0 when any page. */
    public int page() { return page; }
    /** Rectangle: x of its top-left corner; anchor: the horizontal offset. */
    public float x() { return x; }
    /** Rectangle: y of its top-left corner; anchor: the vertical offset (down). */
    public float y() { return y; }
    public float width() { return width; }
    public float height() { return height; }
    /** The field name (FIELD), or null. */
    public String fieldName() { return field; }
    /** The anchor text in NFC with single spaces (ANCHOR), or null. */
    public String anchorText() { return anchor; }
    /** Which occurrence of the anchor, 1-based. */
    public int occurrence() { return occurrence; }

    /** Text as anchors compare it: NFC, white space runs as one space, trimmed. */
    private static String normalise(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFC).replaceAll("\\s+", " ").strip();
    }

    private void requireAnchor(String what) {
        if (mode != Mode.ANCHOR) {
            throw new KysoException(ErrorCode.INVALID_ARGUMENT, what + " is for an anchor placement");
        }
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
