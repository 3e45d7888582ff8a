package vn.kyso.pdf.internal.verify;

import java.io.IOException;
import java.util.List;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObjectKey;
import org.jspecify.annotations.Nullable;
import vn.kyso.api.report.Modification;

/**
 * Combines the modification rules into the verdict on what changed after a signature, and applies the
 * signer's locks (DocMDP permissions, FieldMDP and /Lock field locks) to it.
 *
 * <p>The rules run in a fixed order (their findings keep it): objects removed while still referenced and a
 * replaced catalog first, then {@link CatalogRule}, {@link DocumentInfoRule}, {@link DssRule},
 * {@link AcroFormRule}, {@link FormFieldsRule}, {@link PagesRule} (with the annotations and overlaps of
 * each page), {@link FormResourcesRule} (needs the appearances accepted before it) and
 * {@link UnexplainedRule} last. The kind of change is the most serious explanation or finding.
 */
final class ModificationPolicy {
    private static final List<ModificationRule> RULES = List.of(new CatalogRule(), new DocumentInfoRule(), new DssRule(),
            new AcroFormRule(), new FormFieldsRule(), new PagesRule(), new FormResourcesRule(), new UnexplainedRule());

    private ModificationPolicy() {
    }

    static Outcome judge(Changes c) throws IOException {
        for (COSObjectKey k : c.signedXref.keySet()) {
            if (!c.lastXref.containsKey(k) && c.isReferenced(k)) {
                c.other(Finding.CONTENT, "object " + Cos.id(k) + " removed while still referenced");
            }
        }
        COSObjectKey root = Cos.key(c.last.getDocument().getTrailer().getItem(COSName.ROOT));
        if (root == null || !root.equals(Cos.key(c.signed.getDocument().getTrailer().getItem(COSName.ROOT)))) {
            c.other(Finding.CONTENT, "the document catalog was replaced");
            return c.outcome();
        }
        if (c.changed.isEmpty()) {
            return c.outcome();
        }
        for (ModificationRule rule : RULES) {
            rule.judge(c);
        }
        return c.outcome();
    }

    /** What a signer's DocMDP transform permits (ISO 32000-1, 12.8.2.2: /P 1, 2 or 3). */
    enum DocMdp { NO_CHANGES, FORM_FILL_AND_SIGNATURES, ANNOTATIONS_TOO }

    /** Which fields a FieldMDP transform or a signature field's /Lock locks. */
    enum LockAction { ALL, INCLUDE, EXCLUDE }

    /** A field lock: its action, the fields it names, and how to name it in a reason ("FieldMDP Include"). */
    static final class FieldLock {
        final LockAction action;
        final List<String> fields;
        final String label;

        FieldLock(LockAction action, @Nullable List<String> fields, String label) {
            this.action = action;
            this.fields = fields == null ? List.of() : List.copyOf(fields);
            this.label = label;
        }
    }

    /**
     * Why the signer's DocMDP level or field locks forbid the changes of {@code outcome}, or null if they
     * allow them: P=1 allows only validation data and document time-stamps, P=2 no annotations; a lock
     * refuses a change of a field it locks.
     */
    static @Nullable String refusal(@Nullable DocMdp docMdp, List<FieldLock> locks, Outcome outcome) {
        Modification m = outcome.kind;
        if (docMdp == DocMdp.NO_CHANGES && (m != Modification.SIGNATURES || outcome.signaturesAdded)) {
            return "DocMDP P=1, " + (outcome.signaturesAdded ? "a new signature" : m.name());
        }
        if (docMdp == DocMdp.FORM_FILL_AND_SIGNATURES && m == Modification.ANNOTATIONS) {
            return "DocMDP P=2, " + m;
        }
        for (FieldLock lock : locks) {
            String locked = lockedField(lock, outcome.changedFields);
            if (locked != null) {
                return "FieldMDP " + lock.label + ", " + locked;
            }
        }
        return null;
    }

    private static @Nullable String lockedField(FieldLock lock, List<String> changed) {
        for (String f : changed) {
            boolean listed = lock.fields.contains(f);
            LockAction a = lock.action;
            if (a == LockAction.ALL || (a == LockAction.INCLUDE && listed) || (a == LockAction.EXCLUDE && !listed)) {
                return f;
            }
        }
        return null;
    }
}
