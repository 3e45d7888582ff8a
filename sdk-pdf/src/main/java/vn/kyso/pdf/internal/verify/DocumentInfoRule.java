package vn.kyso.pdf.internal.verify;

import java.util.Set;
import org.apache.pdfbox.cos.COSName;
import vn.kyso.api.report.Modification;

/**
 * The trailer's /Info (title, author, producer, dates) is not shown; later signers update it, so its
 * changes are SIGNATURES, as long as nothing else uses what it holds.
 */
final class DocumentInfoRule implements ModificationRule {
    @Override
    public void judge(Changes c) {
        c.explainSubtree(c.last.getDocument().getTrailer().getItem(COSName.INFO), Set.of(),
                Modification.SIGNATURES, "the document information");
    }
}
