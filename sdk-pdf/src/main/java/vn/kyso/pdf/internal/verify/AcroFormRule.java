package vn.kyso.pdf.internal.verify;

import java.io.IOException;
import java.util.Collections;
import java.util.Set;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObjectKey;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.interactive.form.PDAcroForm;
import org.apache.pdfbox.pdmodel.interactive.form.PDField;
import org.apache.pdfbox.pdmodel.interactive.form.PDSignatureField;
import org.apache.pdfbox.pdmodel.interactive.form.PDTerminalField;
import vn.kyso.api.report.Modification;

/**
 * The interactive form's dictionary (not its fields, see {@link FormFieldsRule}): /Fields and /SigFlags may
 * change; /DA may be added where there was none; the default resources /DR may only grow; /NeedAppearances
 * may switch only while every field shows its value; the form removed, a top-level field removed or any
 * other entry changed is OTHER. Records the form and its default resources for the rules that follow.
 */
final class AcroFormRule implements ModificationRule {
    static final COSName NEED_APPEARANCES = COSName.getPDFName("NeedAppearances");

    @Override
    public void judge(Changes c) throws IOException {
        COSDictionary cat = c.last.getDocumentCatalog().getCOSObject();
        COSDictionary signedCat = c.signed.getDocumentCatalog().getCOSObject();
        COSDictionary form = Cos.dict(cat.getDictionaryObject(COSName.ACRO_FORM));
        COSDictionary signedForm = Cos.dict(signedCat.getDictionaryObject(COSName.ACRO_FORM));
        COSObjectKey formKey = Cos.key(cat.getItem(COSName.ACRO_FORM));
        if (form == null) {
            if (signedForm != null) {
                c.other(Finding.CONTENT, "the interactive form was removed");
            }
            return;
        }
        // what field appearances may share with the form: the form and what belongs to its /DR alone
        Set<COSObjectKey> holder = holder(c, formKey);
        c.defaultResources = form.getItem(COSName.DR);
        c.formResources.addAll(holder);
        c.formResources.addAll(c.belonging(Collections.singletonList(c.defaultResources),
                Cos.subtree(c.defaultResources), holder));
        c.explain(Cos.key(form.getItem(COSName.FIELDS)), Modification.SIGNATURES);
        boolean formChanged = formKey == null
                ? !Cos.same(signedCat.getItem(COSName.ACRO_FORM), cat.getItem(COSName.ACRO_FORM))
                : c.isChanged(formKey);
        if (signedForm == null || !formChanged) {
            return;
        }
        c.explain(formKey, Modification.SIGNATURES);
        for (COSName name : Cos.union(signedForm, form)) {
            if (Cos.same(signedForm.getItem(name), form.getItem(name))) {
                continue;
            }
            if (name.equals(COSName.FIELDS) || name.equals(COSName.SIG_FLAGS)) {
                continue; // Fields: each field is judged by itself
            } else if (name.equals(NEED_APPEARANCES)) {
                needAppearances(c, signedForm, form);
            } else if (name.equals(COSName.DA) && signedForm.getItem(COSName.DA) == null) {
                continue; // a default appearance where there was none (PDFBox adds one) changes no widget
            } else if (name.equals(COSName.DR)) {
                if (!onlyAdded(Cos.dict(signedForm.getDictionaryObject(COSName.DR)), Cos.dict(form.getDictionaryObject(COSName.DR)))) {
                    c.other(Finding.CONTENT, "the form's default resources were replaced");
                }
            } else {
                c.other(Finding.CONTENT, "form /" + name.getName() + " changed");
            }
        }
        COSArray before = Cos.array(signedForm.getDictionaryObject(COSName.FIELDS));
        COSArray after = Cos.array(form.getDictionaryObject(COSName.FIELDS));
        for (COSBase f : Cos.items(before)) {
            if (!Cos.contains(after, f)) {
                c.other(Finding.CONTENT, "form field " + fieldName(f) + " removed");
            }
        }
    }

    /** The form's object, or the catalog's if the form is written inside it. */
    static Set<COSObjectKey> holder(Changes c, COSObjectKey formKey) {
        COSObjectKey k = formKey != null ? formKey : Cos.key(c.last.getDocument().getTrailer().getItem(COSName.ROOT));
        return k == null ? Set.of() : Set.of(k);
    }

    /**
     * /NeedAppearances true makes viewers redraw every field from its value instead of showing the
     * appearance the signer saw (false the other way round), so a field prepared with a value other
     * than what it shows would change on screen with nothing else touched. Some tools set the flag when
     * they fill or sign; it is accepted only while every field already shows its value.
     */
    private static void needAppearances(Changes c, COSDictionary signedForm, COSDictionary form) throws IOException {
        if (signedForm.getBoolean(NEED_APPEARANCES, false) == form.getBoolean(NEED_APPEARANCES, false)) {
            return;
        }
        PDAcroForm lastForm = new PDAcroForm(c.last, form);
        for (PDField f : lastForm.getFieldTree()) {
            if (f instanceof PDTerminalField && !(f instanceof PDSignatureField)
                    && !FieldAppearance.shows((PDTerminalField) f, Cos.value(f), lastForm, c::isChanged)) {
                c.other(Finding.CONTENT, "form /NeedAppearances changed and field " + f.getFullyQualifiedName()
                        + " does not show its value: viewers would redraw it");
            }
        }
    }

    /** Whether {@code after} has every entry of {@code before} (one level of sub-dictionaries deep). */
    static boolean onlyAdded(COSDictionary before, COSDictionary after) {
        if (before == null) {
            return true;
        }
        if (after == null) {
            return false;
        }
        for (COSName n : before.keySet()) {
            COSDictionary b = Cos.dict(before.getDictionaryObject(n));
            COSDictionary a = Cos.dict(after.getDictionaryObject(n));
            if (b != null && a != null && !(before.getItem(n) instanceof COSStream)) {
                for (COSName m : b.keySet()) {
                    if (!Cos.same(b.getItem(m), a.getItem(m))) {
                        return false;
                    }
                }
            } else if (!Cos.same(before.getItem(n), after.getItem(n))) {
                return false;
            }
        }
        return true;
    }

    private static String fieldName(COSBase f) {
        COSDictionary d = Cos.dict(f);
        return d == null || d.getString(COSName.T) == null ? "?" : d.getString(COSName.T);
    }
}
