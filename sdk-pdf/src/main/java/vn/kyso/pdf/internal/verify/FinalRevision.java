package vn.kyso.pdf.internal.verify;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSObjectKey;
import org.apache.pdfbox.pdmodel.PDDocument;

/**
 * The final revision of a file, parsed once and indexed for every comparison with a signed revision: its
 * cross-reference entries, the objects its trailer reaches (only those can be seen) and who refers to each.
 */
final class FinalRevision {
    final PDDocument document;
    final Map<COSObjectKey, Long> xref;
    final Set<COSObjectKey> reachable;
    final Map<COSObjectKey, Set<COSObjectKey>> referrers = new HashMap<>();

    FinalRevision(PDDocument document) {
        this.document = document;
        this.xref = new HashMap<>(document.getDocument().getXrefTable());
        // only what the trailer reaches can be seen; older versions and orphans are not looked at
        this.reachable = Cos.subtree(document.getDocument().getTrailer());
        for (COSObjectKey k : reachable) {
            COSBase b = Cos.object(document, k);
            if (b != null) {
                Cos.references(b, ref -> referrers.computeIfAbsent(ref, x -> new HashSet<>()).add(k));
            }
        }
    }
}
