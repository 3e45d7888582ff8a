package vn.kyso.pdf.internal.verify;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObjectKey;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.jspecify.annotations.Nullable;
import vn.kyso.api.report.Modification;

/**
 * One comparison of a signed revision with the final one: which objects changed after signing, and what
 * the rules made of them so far. Each rule explains the changed objects it can prove harmless with a
 * {@link Modification} (the most serious explanation wins) and records a {@link Finding} for each change it
 * refuses; what no rule explains is OTHER in the end ({@link UnexplainedRule}). Not thread-safe.
 */
final class Changes {
    final PDDocument signed;
    final PDDocument last;
    final Map<COSObjectKey, Long> signedXref;
    final Map<COSObjectKey, Long> lastXref;
    private final FinalRevision fin;
    final Set<COSObjectKey> changed = new HashSet<>();
    final Map<COSObjectKey, Modification> explained = new HashMap<>();
    final List<Finding> findings = new ArrayList<>();
    /** Fully qualified names of the form fields whose value or appearance changed. */
    final Set<String> fields = new LinkedHashSet<>();
    /** The form dictionary and its default resources: what field appearances may share. */
    final Set<COSObjectKey> formResources = new HashSet<>();
    /** The form's default resources (/DR), as the form refers to them; null if there is no form. */
    @Nullable COSBase defaultResources;
    /** The changed objects of appearances the rules accepted (fields, signatures, annotations): what may use /DR. */
    final Set<COSObjectKey> appearances = new HashSet<>();
    /** The widgets of signature fields added or signed after the signature (judged for overlap with the pages). */
    final Set<COSDictionary> laterSignatureWidgets = Collections.newSetFromMap(new IdentityHashMap<>());
    boolean signaturesAdded;

    Changes(FinalRevision fin, PDDocument signed) throws IOException {
        this.fin = fin;
        this.last = fin.document;
        this.lastXref = fin.xref;
        this.signed = signed;
        this.signedXref = signed.getDocument().getXrefTable();
        for (COSObjectKey k : lastXref.keySet()) {
            if (!sameEntry(k) && !Cos.sameObject(signedObject(k), Cos.object(last, k))) {
                changed.add(k);
            }
        }
    }

    /** The objects that refer to {@code k} in the final revision (among those its trailer reaches). */
    Set<COSObjectKey> referrers(COSObjectKey k) {
        return fin.referrers.getOrDefault(k, Set.of());
    }

    boolean isReferenced(COSObjectKey k) {
        return fin.referrers.containsKey(k);
    }

    /** Whether a viewer can see the object: the final trailer reaches it. */
    boolean mayMatter(COSObjectKey k) {
        return fin.reachable.contains(k);
    }

    /**
     * The signed version of an object, or null if the signed revision has none (not asked of PDFBox,
     * which would search the whole revision for it).
     */
    @Nullable COSBase signedObject(@Nullable COSObjectKey k) {
        return k != null && signedXref.containsKey(k) ? Cos.object(signed, k) : null;
    }

    private boolean sameEntry(COSObjectKey k) {
        Long s = signedXref.get(k);
        Long l = lastXref.get(k);
        if (s == null || !s.equals(l)) {
            return false;
        }
        // a compressed object (negative: the number of its object stream) is unchanged when its stream is
        return s >= 0 || sameEntry(new COSObjectKey(-s, 0));
    }

    boolean isChanged(@Nullable COSObjectKey k) {
        return k != null && changed.contains(k);
    }

    boolean anyChanged(Set<COSObjectKey> keys) {
        for (COSObjectKey k : keys) {
            if (changed.contains(k)) {
                return true;
            }
        }
        return false;
    }

    /** Records a reason for OTHER (once per code and detail). */
    void other(String code, String detail) {
        for (Finding f : findings) {
            if (f.code.equals(code) && f.detail.equals(detail)) {
                return;
            }
        }
        findings.add(new Finding(Modification.OTHER, code, detail));
    }

    void explain(@Nullable COSObjectKey k, Modification m) {
        if (k != null) {
            explained.merge(k, m, Cos::max);
        }
    }

    /**
     * Explains with {@code m} the changed objects reachable from {@code roots} (an entry's value: the
     * catalog's /DSS, a widget's /AP...; not following the entries named in {@code skip}) that belong to
     * that structure alone, and refuses the others as OTHER, naming who else uses them.
     *
     * <p>An object belongs to the structure when each object that refers to it is {@code allowed} or
     * itself belongs: the structure's own indirect roots, and objects changed after signing, may belong;
     * an object the signed revision had and that did not change never does, so an object used elsewhere
     * (a page, say) listed inside the structure cannot lend its cover to what it uses (the page's rewritten
     * content). Decided as a fixpoint, so that cycles cannot vouch for each other either.
     *
     * @return the changed objects explained with {@code m}
     */
    Set<COSObjectKey> explainSubtree(List<? extends @Nullable COSBase> roots, Set<COSName> skip, Set<COSObjectKey> allowed,
            Modification m, String what) {
        Set<COSObjectKey> subtree = new HashSet<>();
        for (COSBase r : roots) {
            subtree.addAll(Cos.subtree(r, skip));
        }
        Set<COSObjectKey> belongs = belonging(roots, subtree, allowed);
        Set<COSObjectKey> done = new HashSet<>();
        for (COSObjectKey k : subtree) {
            if (!changed.contains(k)) {
                continue;
            }
            if (belongs.contains(k)) {
                explain(k, m);
                done.add(k);
                continue;
            }
            for (COSObjectKey r : referrers(k)) {
                if (!allowed.contains(r) && !belongs.contains(r)) {
                    other(Finding.CONTENT, describe(k) + " of " + what + " is also used by " + describe(r));
                }
            }
            explain(k, Modification.OTHER);
        }
        return m == Modification.OTHER ? Set.of() : done;
    }

    /**
     * The objects of a structure that belong to it alone (see {@link #explainSubtree(List, Set, Set,
     * Modification, String)}): its indirect roots and its changed objects, as long as everything that
     * refers to them is {@code allowed} or belongs too.
     */
    Set<COSObjectKey> belonging(List<? extends @Nullable COSBase> roots, Set<COSObjectKey> subtree, Set<COSObjectKey> allowed) {
        Set<COSObjectKey> belongs = new HashSet<>();
        for (COSBase r : roots) {
            COSObjectKey k = Cos.key(r);
            if (k != null) {
                belongs.add(k);
            }
        }
        for (COSObjectKey k : subtree) {
            if (changed.contains(k)) {
                belongs.add(k);
            }
        }
        // a worklist, not passes until nothing changes: an object leaving can only make what it uses leave
        Deque<COSObjectKey> todo = new ArrayDeque<>(belongs);
        while (!todo.isEmpty()) {
            COSObjectKey k = todo.pop();
            if (belongs.contains(k) && referrers(k).stream().anyMatch(r -> !belongs.contains(r) && !allowed.contains(r))) {
                belongs.remove(k);
                Cos.references(Cos.object(last, k), used -> {
                    if (belongs.contains(used)) {
                        todo.push(used);
                    }
                });
            }
        }
        return belongs;
    }

    /** As {@link #explainSubtree(List, Set, Set, Modification, String)} for one root, following every entry. */
    Set<COSObjectKey> explainSubtree(@Nullable COSBase root, Set<COSObjectKey> allowed, Modification m, String what) {
        return explainSubtree(Collections.singletonList(root), Set.of(), allowed, m, what);
    }

    /** The most serious explanation or finding; an update that changed no object is bookkeeping (SIGNATURES). */
    Outcome outcome() {
        Modification kind = changed.isEmpty() && findings.isEmpty() ? Modification.NONE : Modification.SIGNATURES;
        for (Modification m : explained.values()) {
            kind = Cos.max(kind, m);
        }
        for (Finding f : findings) {
            kind = Cos.max(kind, f.kind);
        }
        if (kind == Modification.NONE) {
            kind = Modification.SIGNATURES; // an update with no object change: bookkeeping only
        }
        return new Outcome(kind, findings, new ArrayList<>(fields), signaturesAdded);
    }

    /** "object 12 0 /Annot /Text (stream)": the object's number and what it says it is. */
    String describe(COSObjectKey k) {
        COSBase b = Cos.object(last, k);
        StringBuilder sb = new StringBuilder("object ").append(Cos.id(k));
        if (b instanceof COSDictionary) {
            COSName type = ((COSDictionary) b).getCOSName(COSName.TYPE);
            COSName subtype = ((COSDictionary) b).getCOSName(COSName.SUBTYPE);
            if (type != null) {
                sb.append(" /").append(type.getName());
            }
            if (subtype != null) {
                sb.append(" /").append(subtype.getName());
            }
            if (b instanceof COSStream) {
                sb.append(" (stream)");
            }
        }
        return sb.toString();
    }
}
