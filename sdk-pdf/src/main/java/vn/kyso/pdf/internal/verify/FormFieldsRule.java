package vn.kyso.pdf.internal.verify;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObjectKey;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationWidget;
import org.apache.pdfbox.pdmodel.interactive.form.PDAcroForm;
import org.apache.pdfbox.pdmodel.interactive.form.PDField;
import org.apache.pdfbox.pdmodel.interactive.form.PDNonTerminalField;
import org.apache.pdfbox.pdmodel.interactive.form.PDSignatureField;
import org.apache.pdfbox.pdmodel.interactive.form.PDTerminalField;
import org.jspecify.annotations.Nullable;
import vn.kyso.api.report.Modification;

/**
 * The form's field tree, walked once in the final revision, each field matched with its signed version
 * by object number: signature fields are judged by {@link SignatureFieldRule}, the other terminal fields
 * by {@link FormFieldRule}; a field node (a field with kids) may gain kids (judged as fields themselves)
 * but nothing else of it may change, and one added after signing is OTHER.
 */
final class FormFieldsRule implements ModificationRule {
    private final SignatureFieldRule signatureFields = new SignatureFieldRule();
    private final FormFieldRule formFields = new FormFieldRule();

    @Override
    public void judge(Changes c) throws IOException {
        COSDictionary form = Cos.dict(c.last.getDocumentCatalog().getCOSObject().getDictionaryObject(COSName.ACRO_FORM));
        if (form == null) {
            return;
        }
        Map<COSObjectKey, PDField> before = new HashMap<>();
        COSDictionary signedForm = Cos.dict(c.signed.getDocumentCatalog().getCOSObject().getDictionaryObject(COSName.ACRO_FORM));
        if (signedForm != null) {
            for (PDField f : new PDAcroForm(c.signed, signedForm).getFieldTree()) {
                if (f.getCOSObject().getKey() != null) {
                    before.put(f.getCOSObject().getKey(), f);
                }
            }
        }
        PDAcroForm lastForm = new PDAcroForm(c.last, form);
        for (PDField f : lastForm.getFieldTree()) {
            COSObjectKey k = f.getCOSObject().getKey();
            PDField was = k == null ? null : before.get(k);
            if (f instanceof PDNonTerminalField) {
                node(c, f, was);
            } else if (f instanceof PDSignatureField) {
                signatureFields.judge(c, (PDSignatureField) f, was);
            } else {
                formFields.judge(c, (PDTerminalField) f, was, lastForm);
            }
        }
    }

    private static void node(Changes c, PDField f, @Nullable PDField was) {
        COSObjectKey k = f.getCOSObject().getKey();
        if (!c.isChanged(k)) {
            return;
        }
        if (was == null) {
            c.other(Finding.CONTENT, "form field " + f.getFullyQualifiedName() + " added after signing");
            c.explain(k, Modification.OTHER);
            return;
        }
        for (COSName n : Cos.union(was.getCOSObject(), f.getCOSObject())) {
            if (!n.equals(COSName.KIDS) && !Cos.same(was.getCOSObject().getItem(n), f.getCOSObject().getItem(n))) {
                c.other(Finding.CONTENT, "form field " + f.getFullyQualifiedName() + " /" + n.getName() + " changed");
            }
        }
        c.explain(k, Modification.SIGNATURES); // new kids are judged as fields themselves
    }

    /** The field's own dictionaries: the field and its widgets. */
    static Set<COSObjectKey> own(PDTerminalField f) {
        Set<COSObjectKey> keys = new HashSet<>();
        if (f.getCOSObject().getKey() != null) {
            keys.add(f.getCOSObject().getKey());
        }
        for (PDAnnotationWidget w : f.getWidgets()) {
            if (w.getCOSObject().getKey() != null) {
                keys.add(w.getCOSObject().getKey());
            }
        }
        return keys;
    }

    /** The widgets' appearance entries (/AP) and appearance characteristics (/MK), as the widgets hold them. */
    static List<COSBase> appearanceItems(PDTerminalField f) {
        List<COSBase> items = new ArrayList<>();
        for (PDAnnotationWidget w : f.getWidgets()) {
            items.add(w.getCOSObject().getItem(COSName.AP));
            items.add(w.getCOSObject().getItem(COSName.MK));
        }
        return items;
    }

    /** Everything the widgets' appearances (/AP) and appearance characteristics (/MK) use. */
    static Set<COSObjectKey> appearances(PDTerminalField f) {
        Set<COSObjectKey> keys = new HashSet<>();
        for (PDAnnotationWidget w : f.getWidgets()) {
            keys.addAll(Cos.subtree(w.getCOSObject().getItem(COSName.AP)));
            keys.addAll(Cos.subtree(w.getCOSObject().getItem(COSName.MK)));
        }
        return keys;
    }
}
