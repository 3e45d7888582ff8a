package vn.kyso.pdf.internal.verify;

import java.util.Collections;
import java.util.HashSet;
import java.util.Set;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObjectKey;
import org.apache.pdfbox.pdmodel.interactive.form.PDField;
import org.apache.pdfbox.pdmodel.interactive.form.PDSignatureField;
import org.jspecify.annotations.Nullable;
import vn.kyso.api.report.Modification;

/**
 * Signature fields: a new signature field with its value, or an empty one signed, is SIGNATURES (its
 * widgets are then judged for overlap by {@link OverlapRule}); a field that was signed or reserved when
 * signed may not change, nor may an existing signature dictionary be rewritten; an empty signature field
 * added after signing that shows an appearance is OTHER (no one answers for what it shows). Records
 * whether a signature (not a document time-stamp) or an empty field was added, for DocMDP P=1.
 */
final class SignatureFieldRule {
    private static final COSName DATA = COSName.getPDFName("Data");
    private static final COSName RFC3161 = COSName.getPDFName("ETSI.RFC3161");

    void judge(Changes c, PDSignatureField f, @Nullable PDField was) {
        Set<COSObjectKey> own = FormFieldsRule.own(f);
        Set<COSObjectKey> ap = FormFieldsRule.appearances(f);
        COSBase value = f.getCOSObject().getItem(COSName.V);
        // a signature reference's /Data points at the document (FieldMDP: the catalog), not into the signature
        Set<COSObjectKey> valueKeys = Cos.subtree(value, Set.of(DATA));
        // only a dictionary is a signature (verifiers read nothing else): a field with any other /V is empty
        boolean signature = Cos.dict(value) != null;
        boolean signedNow = signature && (was == null || was.getCOSObject().getDictionaryObject(COSName.V) == null);
        if (was != null && !signedNow && (c.anyChanged(own) || c.anyChanged(ap) || c.anyChanged(valueKeys))) {
            boolean repointed = was.getCOSObject().getDictionaryObject(COSName.V) != null
                    && !Cos.same(was.getCOSObject().getItem(COSName.V), f.getCOSObject().getItem(COSName.V));
            c.other(Finding.CONTENT, "signature field " + f.getFullyQualifiedName()
                    + (repointed ? " now holds another signature" : " changed after it was signed or reserved"));
            own.forEach(k -> c.explain(k, Modification.OTHER));
            return;
        }
        COSDictionary v = f.getCOSObject().getCOSDictionary(COSName.V);
        boolean timestamp = v != null && (COSName.DOC_TIME_STAMP.equals(v.getCOSName(COSName.TYPE))
                || RFC3161.equals(v.getCOSName(COSName.SUB_FILTER)));
        // a document time-stamp is validation data; a new signature or a new empty field is not
        c.signaturesAdded |= (signedNow && !timestamp) || (was == null && !signature);
        if (signedNow) {
            f.getWidgets().forEach(w -> c.laterSignatureWidgets.add(w.getCOSObject()));
        } else if (was == null && !signature && f.getWidgets().stream().anyMatch(w -> showsSomething(w.getCOSObject()))) {
            // no one signed it, so no one answers for what it shows (the "sneaky signature")
            c.other(Finding.CONTENT, "empty signature field " + f.getFullyQualifiedName() + " added after signing shows an appearance");
            own.forEach(k -> c.explain(k, Modification.OTHER));
            ap.forEach(k -> c.explain(k, Modification.OTHER));
            return;
        }
        own.forEach(k -> c.explain(k, Modification.SIGNATURES));
        Set<COSObjectKey> allowed = new HashSet<>(own);
        allowed.addAll(c.formResources);
        c.appearances.addAll(c.explainSubtree(FormFieldsRule.appearanceItems(f), Set.of(), allowed, Modification.SIGNATURES,
                "signature field " + f.getFullyQualifiedName()));
        for (COSObjectKey k : valueKeys) {
            if (c.isChanged(k) && c.signedXref.containsKey(k)) {
                c.other(Finding.CONTENT, "the signature dictionary of " + f.getFullyQualifiedName() + " was rewritten");
                c.explain(k, Modification.OTHER);
            }
        }
        c.explainSubtree(Collections.singletonList(value), Set.of(DATA), own, Modification.SIGNATURES,
                "signature " + f.getFullyQualifiedName());
    }

    /** Whether a widget has a visible rectangle and a normal appearance with something in it. */
    static boolean showsSomething(COSDictionary widget) {
        return Cos.rect(widget) != null && OverlapRule.paints(widget);
    }
}
