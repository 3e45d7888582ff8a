package vn.kyso.pdf.internal.verify;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
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
    final Set<COSObjectKey> defaultResources = new HashSet<>();
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

    /** Explains the changed objects of a subtree, if nothing outside {@code allowed} refers to them. */
    void explainSubtree(Set<COSObjectKey> subtree, Set<COSObjectKey> allowed, Modification m, String what) {
        for (COSObjectKey k : subtree) {
            if (!changed.contains(k)) {
                continue;
            }
            for (COSObjectKey r : referrers(k)) {
                if (!allowed.contains(r) && !subtree.contains(r)) {
                    other(Finding.CONTENT, describe(k) + " of " + what + " is also used by " + describe(r));
                    explain(k, Modification.OTHER);
                }
            }
            explain(k, m);
        }
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
