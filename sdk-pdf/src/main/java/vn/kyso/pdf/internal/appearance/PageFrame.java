package vn.kyso.pdf.internal.appearance;

import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.util.Matrix;

/**
 * A page as its reader sees it (the crop box turned by /Rotate, origin top-left, y down) and the
 * conversions to and from default user space, where widget rectangles live. Internal.
 */
public final class PageFrame {
    private final float llx;
    private final float lly;
    private final float w;
    private final float h;
    private final int rotation;

    PageFrame(PDRectangle cropBox, int rotation) {
        llx = cropBox.getLowerLeftX();
        lly = cropBox.getLowerLeftY();
        w = cropBox.getWidth();
        h = cropBox.getHeight();
        this.rotation = normalise(rotation);
    }

    public static PageFrame of(PDPage page) {
        return new PageFrame(page.getCropBox(), page.getRotation());
    }

    /** 0, 90, 180 or 270 for any multiple of 90 (other values count as 0, as viewers do). */
    public static int normalise(int rotation) {
        int r = ((rotation % 360) + 360) % 360;
        return r % 90 == 0 ? r : 0;
    }

    public int rotation() {
        return rotation;
    }

    private boolean swapped() {
        return rotation == 90 || rotation == 270;
    }

    /** Width of the page as the reader sees it. */
    public float readerWidth() {
        return swapped() ? h : w;
    }

    /** Height of the page as the reader sees it. */
    public float readerHeight() {
        return swapped() ? w : h;
    }

    private float[] toUser(float x, float y) {
        switch (rotation) {
            case 90: return new float[] {llx + y, lly + x};
            case 180: return new float[] {llx + w - x, lly + y};
            case 270: return new float[] {llx + w - y, lly + h - x};
            default: return new float[] {llx + x, lly + h - y};
        }
    }

    private float[] toReader(float ux, float uy) {
        float x = ux - llx;
        float y = uy - lly;
        switch (rotation) {
            case 90: return new float[] {y, x};
            case 180: return new float[] {w - x, y};
            case 270: return new float[] {h - y, w - x};
            default: return new float[] {x, h - y};
        }
    }

    /** The user-space rectangle of a reader's rectangle (top-left corner x, y; width, height). */
    public PDRectangle toUser(float x, float y, float width, float height) {
        float[] a = toUser(x, y);
        float[] b = toUser(x + width, y + height);
        return box(a, b);
    }

    /** The reader's rectangle {x, y, width, height} of a user-space rectangle. */
    public float[] toReader(PDRectangle r) {
        float[] a = toReader(r.getLowerLeftX(), r.getLowerLeftY());
        float[] b = toReader(r.getUpperRightX(), r.getUpperRightY());
        return new float[] {Math.min(a[0], b[0]), Math.min(a[1], b[1]), Math.abs(a[0] - b[0]), Math.abs(a[1] - b[1])};
    }

    private static PDRectangle box(float[] a, float[] b) {
        float x0 = Math.min(a[0], b[0]);
        float y0 = Math.min(a[1], b[1]);
        return new PDRectangle(x0, y0, Math.abs(a[0] - b[0]), Math.abs(a[1] - b[1]));
    }

    /**
     * The matrix that maps the reader's upright frame of a widget (origin bottom-left of the widget as
     * the reader sees it, size {@code readerWidth x readerHeight} after the swap for 90/270) onto the
     * widget's form space (0,0)-(width,height) in user-space orientation.
     */
    static Matrix upright(int rotation, float width, float height) {
        switch (normalise(rotation)) {
            case 90: return new Matrix(0, 1, -1, 0, width, 0);
            case 180: return new Matrix(-1, 0, 0, -1, width, height);
            case 270: return new Matrix(0, -1, 1, 0, 0, height);
            default: return new Matrix();
        }
    }
}
