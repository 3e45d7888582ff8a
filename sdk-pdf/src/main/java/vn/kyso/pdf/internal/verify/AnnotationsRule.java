package vn.kyso.pdf.internal.verify;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObjectKey;
import org.jspecify.annotations.Nullable;
import vn.kyso.api.report.Modification;

/**
 * A page's annotations: markup annotations (comments) added, changed or removed are ANNOTATIONS, except an
 * annotation that existed when signed made visible or hidden (its flags or its optional content group),
 * which is OTHER, and except what {@link OverlapRule} refuses; a form field's widget removed from the page
 * is OTHER; widgets are otherwise judged with their fields.
 */
final class AnnotationsRule {
    /** Annotation flags that decide whether it is seen: Invisible, Hidden, NoView, ToggleNoView. */
    private static final int VISIBILITY_FLAGS = 1 | 2 | 32 | 256;

    private final OverlapRule overlaps = new OverlapRule();

    /** Judges the annotations of page {@code number} ({@code was}: the page when signed, null if it is new). */
    void page(Changes c, int number, @Nullable COSDictionary was, COSDictionary page) {
        COSObjectKey k = page.getKey();
        c.explain(Cos.key(page.getItem(COSName.ANNOTS)), Modification.SIGNATURES);
        COSArray before = was == null ? null : Cos.array(was.getDictionaryObject(COSName.ANNOTS));
        COSArray after = Cos.array(page.getDictionaryObject(COSName.ANNOTS));
        if (was != null) {
            for (COSBase a : Cos.items(before)) {
                if (!Cos.contains(after, a)) {
                    if (Cos.isWidget(Cos.dict(a))) {
                        c.other(Finding.CONTENT, "a form field widget was removed from page " + number);
                    } else {
                        c.explain(k, Modification.ANNOTATIONS);
                    }
                }
            }
        }
        List<COSDictionary> widgets = new ArrayList<>();
        for (COSBase a : Cos.items(after)) {
            COSDictionary d = Cos.dict(a);
            if (Cos.isWidget(d)) {
                widgets.add(d); // judged with their fields
            }
        }
        for (COSBase a : Cos.items(after)) {
            COSDictionary d = Cos.dict(a);
            COSObjectKey ak = Cos.key(a);
            if (d == null || widgets.contains(d)) {
                continue;
            }
            if (annotation(c, number, Cos.dict(c.signedObject(ak)), d, ak, Cos.contains(before, a))) {
                overlaps.annotation(c, number, d, widgets);
            }
        }
        for (COSDictionary w : widgets) {
            if (c.laterSignatureWidgets.contains(w)) {
                overlaps.signature(c, number, w, after);
            }
        }
    }

    /** Judges a non-widget annotation; true if it was added or changed after signing. */
    private static boolean annotation(Changes c, int page, @Nullable COSDictionary was, COSDictionary now,
            @Nullable COSObjectKey k, boolean listed) {
        Set<COSObjectKey> ap = Cos.subtree(now.getItem(COSName.AP));
        boolean dictChanged = k == null ? !listed : c.isChanged(k);
        if (!dictChanged && !c.anyChanged(ap)) {
            return false;
        }
        Modification m = Modification.ANNOTATIONS;
        if (was != null && listed) {
            int flags = was.getInt(COSName.F, 0) ^ now.getInt(COSName.F, 0);
            if ((flags & VISIBILITY_FLAGS) != 0 || !Cos.same(was.getItem(COSName.OC), now.getItem(COSName.OC))) {
                c.other(Finding.VISIBILITY, "an annotation on page " + page + " that existed when signed was "
                        + (isHidden(now) ? "hidden" : "made visible"));
                m = Modification.OTHER;
            }
        }
        c.explain(k, m);
        Set<COSObjectKey> allowed = new HashSet<>();
        if (k != null) {
            allowed.add(k);
        }
        c.appearances.addAll(c.explainSubtree(now.getItem(COSName.AP), allowed, m, "an annotation on page " + page));
        return true;
    }

    private static boolean isHidden(COSDictionary annotation) {
        return (annotation.getInt(COSName.F, 0) & (1 | 2 | 32)) != 0;
    }
}
