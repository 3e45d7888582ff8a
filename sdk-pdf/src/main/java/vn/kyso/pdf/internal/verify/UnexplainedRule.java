package vn.kyso.pdf.internal.verify;

import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObjectKey;

/**
 * Every changed object that a viewer can reach and no rule explains is OTHER. One reason is given per
 * object that nothing else unexplained uses (say, an annotation added with no place in the rules),
 * counting the objects it brings along (its appearance, resources, fonts); objects only reachable in a
 * cycle are listed alone. Runs last.
 */
final class UnexplainedRule implements ModificationRule {
    private static final Set<COSName> BELONGS_TO = Set.of(COSName.P, COSName.PARENT);

    @Override
    public void judge(Changes c) {
        Set<COSObjectKey> left = new TreeSet<>();
        for (COSObjectKey k : c.changed) {
            if (!c.explained.containsKey(k) && c.mayMatter(k)) {
                left.add(k);
            }
        }
        Set<COSObjectKey> covered = new HashSet<>();
        for (boolean rootsOnly : new boolean[] {true, false}) {
            for (COSObjectKey k : left) {
                if (covered.contains(k) || rootsOnly && c.referrers(k).stream()
                        .anyMatch(r -> !r.equals(k) && left.contains(r))) {
                    continue;
                }
                // what it uses, not what it belongs to (an annotation's page, a node's parent)
                Set<COSObjectKey> uses = Cos.subtree(Cos.object(c.last, k), BELONGS_TO);
                uses.retainAll(left);
                uses.remove(k);
                covered.add(k);
                covered.addAll(uses);
                c.other(Finding.CONTENT, c.describe(k) + (c.signedXref.containsKey(k) ? " changed after signing" : " added after signing")
                        + (uses.isEmpty() ? "" : ", with " + uses.size() + (uses.size() == 1 ? " object" : " objects") + " it uses"));
            }
        }
    }
}
