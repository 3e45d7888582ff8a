package vn.kyso.pdf.internal.appearance;

import java.awt.geom.Point2D;
import java.io.IOException;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.contentstream.PDFGraphicsStreamEngine;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.image.PDImage;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotation;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationWidget;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.apache.pdfbox.pdmodel.interactive.form.PDAcroForm;
import org.apache.pdfbox.pdmodel.interactive.form.PDField;
import org.apache.pdfbox.pdmodel.interactive.form.PDSignatureField;
import org.apache.pdfbox.util.Matrix;

/**
 * Finds where a signature widget's appearance draws an image (the leader's signature image), by running
 * the appearance through PDFBox's graphics engine: works for appearances drawn by any tool. Internal.
 */
public final class ImageBoxes {
    private ImageBoxes() {
    }

    /** An image drawn by a signature's widget: the field, the page (0-based), the box in user space. */
    public static final class Found {
        public final String field;
        public final int pageIndex;
        public final PDRectangle box;

        Found(String field, int pageIndex, PDRectangle box) {
            this.field = field;
            this.pageIndex = pageIndex;
            this.box = box;
        }
    }

    /**
     * The largest image shown by the signed signature field {@code fieldName}, or, when it is null, by
     * the most recent signature (the one whose signed bytes end last) that shows one; null when there is
     * none.
     */
    public static Found signatureImage(PDDocument doc, String fieldName) throws IOException {
        PDAcroForm form = doc.getDocumentCatalog().getAcroForm(null);
        if (form == null) {
            return null;
        }
        Found last = null;
        long lastEnd = -1;
        for (PDField f : form.getFieldTree()) {
            PDSignature sig = f instanceof PDSignatureField ? ((PDSignatureField) f).getSignature() : null;
            if (sig == null || (fieldName != null && !fieldName.equals(f.getFullyQualifiedName()))) {
                continue;
            }
            int[] range = sig.getByteRange();
            long end = range.length == 4 ? (long) range[2] + range[3] : 0;
            if (end < lastEnd) {
                continue;
            }
            for (PDAnnotationWidget w : f.getWidgets()) {
                int pageIndex = pageOf(doc, w);
                if (pageIndex < 0 || w.getNormalAppearanceStream() == null) {
                    continue;
                }
                Finder finder = new Finder(doc.getPage(pageIndex));
                finder.find(w);
                if (finder.best != null) {
                    last = new Found(f.getFullyQualifiedName(), pageIndex, finder.best);
                    lastEnd = end;
                }
            }
        }
        return last;
    }

    /** The page (0-based) holding the widget, or -1. */
    static int pageOf(PDDocument doc, PDAnnotationWidget w) throws IOException {
        PDPage p = w.getPage();
        if (p != null) {
            int i = doc.getPages().indexOf(p);
            if (i >= 0) {
                return i;
            }
        }
        for (int i = 0; i < doc.getNumberOfPages(); i++) {
            for (PDAnnotation a : doc.getPage(i).getAnnotations()) {
                if (a.getCOSObject() == w.getCOSObject()) {
                    return i;
                }
            }
        }
        return -1;
    }

    /** Records the user-space box of every image the annotation's appearance draws; keeps the largest. */
    private static final class Finder extends PDFGraphicsStreamEngine {
        private final PDPage page;
        private boolean inAnnotation;
        private PDRectangle best;
        private final Point2D current = new Point2D.Float();

        Finder(PDPage page) {
            super(page);
            this.page = page;
        }

        void find(PDAnnotationWidget widget) throws IOException {
            // sets up the graphics state of the page; the annotation is then drawn in user space
            processPage(page);
            inAnnotation = true;
            showAnnotation(widget);
        }

        @Override
        public void drawImage(PDImage image) {
            if (!inAnnotation) {
                return;
            }
            Matrix ctm = getGraphicsState().getCurrentTransformationMatrix();
            float x0 = Float.MAX_VALUE;
            float y0 = Float.MAX_VALUE;
            float x1 = -Float.MAX_VALUE;
            float y1 = -Float.MAX_VALUE;
            for (float[] c : new float[][] {{0, 0}, {1, 0}, {0, 1}, {1, 1}}) {
                Point2D.Float p = ctm.transformPoint(c[0], c[1]);
                x0 = Math.min(x0, p.x);
                y0 = Math.min(y0, p.y);
                x1 = Math.max(x1, p.x);
                y1 = Math.max(y1, p.y);
            }
            PDRectangle box = new PDRectangle(x0, y0, x1 - x0, y1 - y0);
            if (best == null || box.getWidth() * box.getHeight() > best.getWidth() * best.getHeight()) {
                best = box;
            }
        }

        @Override
        public void appendRectangle(Point2D p0, Point2D p1, Point2D p2, Point2D p3) {
            // paths are not of interest
        }

        @Override
        public void clip(int windingRule) {
            // clipping does not move images
        }

        @Override
        public void moveTo(float x, float y) {
            current.setLocation(x, y);
        }

        @Override
        public void lineTo(float x, float y) {
            current.setLocation(x, y);
        }

        @Override
        public void curveTo(float x1, float y1, float x2, float y2, float x3, float y3) {
            current.setLocation(x3, y3);
        }

        @Override
        public Point2D getCurrentPoint() {
            return current;
        }

        @Override
        public void closePath() {
            // nothing to track
        }

        @Override
        public void endPath() {
            // nothing to track
        }

        @Override
        public void strokePath() {
            // nothing to track
        }

        @Override
        public void fillPath(int windingRule) {
            // nothing to track
        }

        @Override
        public void fillAndStrokePath(int windingRule) {
            // nothing to track
        }

        @Override
        public void shadingFill(COSName shadingName) {
            // nothing to track
        }
    }
}
