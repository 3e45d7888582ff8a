package vn.kyso.pdf.internal.verify;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObjectKey;
import org.apache.pdfbox.pdmodel.PDPage;
import org.jspecify.annotations.Nullable;
import vn.kyso.api.report.Modification;

/**
 * The pages: the same pages in the same order, page tree nodes unchanged, and nothing on a page changed
 * but its /Annots (each annotation is judged by {@link AnnotationsRule}, page by page). Anything else is
 * OTHER; what a page's content uses (contents, resources, fonts, images) is explained by no rule, so a
 * change there is OTHER through {@link UnexplainedRule}.
 */
final class PagesRule implements ModificationRule {
    private final AnnotationsRule annotations = new AnnotationsRule();

    @Override
    public void judge(Changes c) {
        List<COSDictionary> before = new ArrayList<>();
        for (PDPage p : c.signed.getPages()) {
            before.add(p.getCOSObject());
        }
        List<COSDictionary> after = new ArrayList<>();
        for (PDPage p : c.last.getPages()) {
            after.add(p.getCOSObject());
        }
        boolean samePages = before.size() == after.size();
        for (int i = 0; samePages && i < before.size(); i++) {
            samePages = Objects.equals(before.get(i).getKey(), after.get(i).getKey());
        }
        if (!samePages) {
            c.other(Finding.PAGES, "pages " + before.size() + " -> " + after.size()
                    + (before.size() == after.size() ? " (replaced or reordered)" : ""));
        }
        for (COSObjectKey node : pageTreeNodes(c)) {
            if (c.isChanged(node)) {
                if (samePages) {
                    c.other(Finding.CONTENT, "page tree node " + Cos.id(node) + " changed");
                }
                c.explain(node, Modification.OTHER);
            }
        }
        Map<COSObjectKey, COSDictionary> signedPages = new HashMap<>();
        before.forEach(p -> signedPages.put(p.getKey(), p));
        for (int i = 0; i < after.size(); i++) {
            COSDictionary page = after.get(i);
            page(c, i + 1, signedPages.get(page.getKey()), page);
        }
    }

    private static Set<COSObjectKey> pageTreeNodes(Changes c) {
        Set<COSObjectKey> nodes = new HashSet<>();
        Deque<COSBase> todo = new ArrayDeque<>();
        todo.add(c.last.getDocumentCatalog().getCOSObject().getItem(COSName.PAGES));
        while (!todo.isEmpty() && nodes.size() < 1_000_000) {
            COSBase b = todo.pop();
            COSDictionary d = Cos.dict(b);
            if (d == null || !COSName.PAGES.equals(d.getCOSName(COSName.TYPE))) {
                continue;
            }
            COSObjectKey k = Cos.key(b);
            if (k != null && !nodes.add(k)) {
                continue;
            }
            for (COSBase kid : Cos.items(Cos.array(d.getDictionaryObject(COSName.KIDS)))) {
                todo.add(kid);
            }
        }
        return nodes;
    }

    private void page(Changes c, int number, @Nullable COSDictionary was, COSDictionary page) {
        COSObjectKey k = page.getKey();
        if (was != null && c.isChanged(k)) {
            c.explain(k, Modification.SIGNATURES);
            for (COSName n : Cos.union(was, page)) {
                if (!n.equals(COSName.ANNOTS) && !Cos.same(was.getItem(n), page.getItem(n))) {
                    c.other(Finding.CONTENT, "page " + number + " /" + n.getName() + " changed");
                }
            }
        }
        annotations.page(c, number, was, page);
    }
}
