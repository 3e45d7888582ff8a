package vn.kyso.pdf.internal.verify;

import java.util.HashSet;
import java.util.Set;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObjectKey;
import vn.kyso.api.report.Modification;

/**
 * The fonts and other resources added to the form's default resources (/DR): SIGNATURES while used only
 * by the form itself and by the appearances the other rules accepted (a page using one is a content
 * change). Runs after the rules that judge appearances. Only what belongs to the /DR alone is explained
 * (see {@link Changes#explainSubtree}): a page listed among the resources does not cover its content.
 */
final class FormResourcesRule implements ModificationRule {
    @Override
    public void judge(Changes c) {
        if (c.defaultResources == null) {
            return;
        }
        Set<COSObjectKey> allowed = new HashSet<>(c.formResources);
        allowed.addAll(c.appearances);
        allowed.addAll(AcroFormRule.holder(c, Cos.key(c.last.getDocumentCatalog().getCOSObject().getItem(COSName.ACRO_FORM))));
        c.explainSubtree(c.defaultResources, allowed, Modification.SIGNATURES, "the form's default resources");
    }
}
