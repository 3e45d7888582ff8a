package vn.kyso.pdf.internal.verify;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObjectKey;
import org.apache.pdfbox.pdmodel.interactive.form.PDAcroForm;
import org.apache.pdfbox.pdmodel.interactive.form.PDField;
import org.apache.pdfbox.pdmodel.interactive.form.PDTerminalField;
import org.jspecify.annotations.Nullable;
import vn.kyso.api.report.Modification;

/**
 * Form fields other than signatures: FORM_FILL when a field that was empty when signed now has a value
 * and each of its widgets shows exactly that value ({@link FieldAppearance}); OTHER when a field is added,
 * gets a new widget, changes anything but its value and appearance, has a value the signer saw replaced,
 * or shows something other than its value (or an appearance changed without its value).
 */
final class FormFieldRule {
    void judge(Changes c, PDTerminalField f, @Nullable PDField was, PDAcroForm form) throws IOException {
        Set<COSObjectKey> own = FormFieldsRule.own(f);
        Set<COSObjectKey> ap = FormFieldsRule.appearances(f);
        if (!c.anyChanged(own) && !c.anyChanged(ap)) {
            return;
        }
        String name = f.getFullyQualifiedName();
        if (was == null) {
            c.other(Finding.CONTENT, "form field " + name + " added after signing");
            own.forEach(k -> c.explain(k, Modification.OTHER));
            ap.forEach(k -> c.explain(k, Modification.OTHER));
            return;
        }
        c.fields.add(name);
        // only the value and the appearance may change; compare the field's and widgets' other keys
        List<COSDictionary> now = new ArrayList<>();
        now.add(f.getCOSObject());
        f.getWidgets().forEach(w -> now.add(w.getCOSObject()));
        for (COSDictionary d : now) {
            COSObjectKey k = d.getKey();
            COSDictionary before = Cos.dict(c.signedObject(k));
            if (before == null) {
                if (k != null && !c.signedXref.containsKey(k)) {
                    c.other(Finding.CONTENT, "form field " + name + " got a new widget after signing");
                }
                continue;
            }
            for (COSName n : Cos.union(before, d)) {
                if (!n.equals(COSName.V) && !n.equals(COSName.AP) && !n.equals(COSName.AS)
                        && !Cos.same(before.getItem(n), d.getItem(n))) {
                    c.other(Finding.CONTENT, "form field " + name + " /" + n.getName() + " changed");
                }
            }
        }
        String oldValue = Cos.value(was);
        String newValue = Cos.value(f);
        Modification m = Modification.OTHER;
        if (Objects.equals(oldValue, newValue)) {
            c.other(Finding.APPEARANCE, "the appearance of field " + name + " changed, its value did not");
        } else if (!oldValue.isEmpty()) {
            c.other(Finding.VALUE_REPLACED, name + ": '" + oldValue + "' -> '" + newValue + "'");
        } else if (!FieldAppearance.shows(f, newValue, form, c::isChanged)) {
            c.other(Finding.APPEARANCE, "field " + name + " does not show its new value '" + newValue + "'");
        } else {
            m = Modification.FORM_FILL;
        }
        for (COSObjectKey k : own) {
            c.explain(k, m);
        }
        Set<COSObjectKey> allowed = new HashSet<>(own);
        allowed.addAll(c.formResources);
        c.appearances.addAll(c.explainSubtree(FormFieldsRule.appearanceItems(f), Set.of(), allowed, m, "field " + name));
    }
}
