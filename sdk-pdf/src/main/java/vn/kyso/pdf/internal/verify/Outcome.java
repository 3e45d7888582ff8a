package vn.kyso.pdf.internal.verify;

import java.util.Collections;
import java.util.List;
import vn.kyso.api.report.Modification;

/** The most serious kind of change after a signature, why, and which fields changed. */
public final class Outcome {
    public final Modification kind;
    /** The reasons of OTHER, in the order found. */
    public final List<Finding> findings;
    /** Fully qualified names of the form fields whose value or appearance changed. */
    public final List<String> changedFields;
    /** Whether a signature or a signature field was added (not only validation data or document time-stamps). */
    public final boolean signaturesAdded;

    Outcome(Modification kind, List<Finding> findings, List<String> changedFields, boolean signaturesAdded) {
        this.kind = kind;
        this.findings = Collections.unmodifiableList(findings);
        this.changedFields = Collections.unmodifiableList(changedFields);
        this.signaturesAdded = signaturesAdded;
    }

    static Outcome none() {
        return new Outcome(Modification.NONE, List.of(), List.of(), false);
    }

    static Outcome unreadable(String detail) {
        return new Outcome(Modification.OTHER, List.of(new Finding(Modification.OTHER, Finding.UNREADABLE, detail)),
                List.of(), false);
    }
}
