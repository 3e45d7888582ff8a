package vn.kyso.pdf.internal.verify;

import java.util.HashSet;
import java.util.Set;
import org.apache.pdfbox.cos.COSObjectKey;
import vn.kyso.api.report.Modification;

/**
 * The fonts and other resources added to the form's default resources (/DR): SIGNATURES while used only
 * by the form itself and by the appearances the other rules accepted (a page using one is a content
 * change). Runs after the rules that judge appearances.
 */
final class FormResourcesRule implements ModificationRule {
    @Override
    public void judge(Changes c) {
        Set<COSObjectKey> allowed = new HashSet<>(c.formResources);
        c.explained.forEach((k, m) -> {
            if (m != Modification.OTHER) {
                allowed.add(k);
            }
        });
        c.explainSubtree(c.defaultResources, allowed, Modification.SIGNATURES, "the form's default resources");
    }
}
