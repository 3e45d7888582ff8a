package vn.kyso.pdf.internal.verify;

import java.util.List;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import vn.kyso.api.report.Modification;

/**
 * What is laid over what a signer saw: a comment added or changed over a form field or a signature, or
 * the widget of a signature added after signing over a form field or a comment, hides or replaces what
 * was there, so it is OTHER (PDF_ANNOTATION_OVERLAP). A later signature may lie over earlier signatures
 * (Decree 30/2020 lays the seal over the leader's signature image); links and pop-ups without an
 * appearance of their own are not painted.
 */
final class OverlapRule {
    /** A comment on page {@code page}, added or changed after signing, over one of the page's widgets. */
    void annotation(Changes c, int page, COSDictionary annotation, List<COSDictionary> widgets) {
        float[] r = Cos.rect(annotation);
        if (r == null || unpainted(annotation)) {
            return;
        }
        for (COSDictionary w : widgets) {
            float[] q = Cos.rect(w);
            if (q != null && Cos.overlap(r, q)) {
                c.other(Finding.OVERLAP, "an annotation on page " + page + " covers field " + widgetName(w));
                c.explain(annotation.getKey(), Modification.OTHER);
            }
        }
    }

    /** The widget of a signature added after signing over a form field or an annotation of its page. */
    void signature(Changes c, int page, COSDictionary widget, COSArray annots) {
        float[] r = Cos.rect(widget);
        if (r == null) {
            return;
        }
        for (COSBase a : Cos.items(annots)) {
            COSDictionary d = Cos.dict(a);
            if (d == null || d == widget || unpainted(d) || signatureWidget(d)) {
                continue;
            }
            float[] q = Cos.rect(d);
            if (q != null && Cos.overlap(r, q)) {
                c.other(Finding.OVERLAP, "signature field " + widgetName(widget) + " on page " + page + " covers "
                        + (Cos.isWidget(d) ? "field " + widgetName(d) : "an annotation"));
                c.explain(widget.getKey(), Modification.OTHER);
            }
        }
    }

    /**
     * A link or a pop-up with no appearance of its own: viewers draw nothing of it over the page (a
     * pop-up's window is the viewer's, not the page's). One with an appearance is painted like any other.
     */
    private static boolean unpainted(COSDictionary annotation) {
        COSName type = annotation.getCOSName(COSName.SUBTYPE);
        return (COSName.POPUP.equals(type) || COSName.LINK.equals(type)) && !paints(annotation);
    }

    /** Whether an annotation has a normal appearance with something in it. */
    static boolean paints(COSDictionary annotation) {
        COSDictionary ap = Cos.dict(annotation.getDictionaryObject(COSName.AP));
        COSBase n = ap == null ? null : ap.getDictionaryObject(COSName.N);
        if (n instanceof COSStream) {
            return ((COSStream) n).getLength() > 0;
        }
        return n instanceof COSDictionary && ((COSDictionary) n).size() > 0;
    }

    /** The partial name of a widget's field (the widget's own /T or its parent's), or "?". */
    private static String widgetName(COSDictionary w) {
        if (w.getString(COSName.T) != null) {
            return w.getString(COSName.T);
        }
        COSDictionary parent = Cos.dict(w.getDictionaryObject(COSName.PARENT));
        return parent == null || parent.getString(COSName.T) == null ? "?" : parent.getString(COSName.T);
    }

    /** Whether a widget belongs to a signature field (/FT /Sig, inherited through at most 32 parents). */
    private static boolean signatureWidget(COSDictionary annotation) {
        if (!Cos.isWidget(annotation)) {
            return false;
        }
        COSDictionary d = annotation;
        for (int depth = 0; d != null && depth < 32; depth++) {
            COSName type = d.getCOSName(COSName.FT);
            if (type != null) {
                return COSName.SIG.equals(type);
            }
            d = Cos.dict(d.getDictionaryObject(COSName.PARENT));
        }
        return false;
    }
}
