package vn.kyso.pdf.internal.verify;

import java.util.Set;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObjectKey;
import vn.kyso.api.report.Modification;

/** The /DSS dictionary (validation data: certificates, OCSP responses, CRLs, VRI) and what it holds: SIGNATURES. */
final class DssRule implements ModificationRule {
    @Override
    public void judge(Changes c) {
        COSObjectKey root = Cos.key(c.last.getDocument().getTrailer().getItem(COSName.ROOT));
        c.explainSubtree(c.last.getDocumentCatalog().getCOSObject().getItem(CatalogRule.DSS), Set.of(root),
                Modification.SIGNATURES, "the /DSS dictionary");
    }
}
