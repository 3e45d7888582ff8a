package vn.kyso.api.report;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * The answer of a verification: a verdict for the whole document and one result per signature.
 * Immutable. The verdict is derived, never set: VALID only when there is at least one signature, every
 * signature is TOTAL_PASSED and none of them was followed by a modification of kind OTHER; INVALID as
 * soon as one signature is TOTAL_FAILED or followed by OTHER; INDETERMINATE otherwise.
 */
public final class VerificationReport {
    private final Verdict verdict;
    private final Instant validationTime;
    private final String documentName;
    private final List<SignatureResult> signatures;

    public VerificationReport(String documentName, Instant validationTime, List<SignatureResult> signatures) {
        this.documentName = documentName;
        this.validationTime = Objects.requireNonNull(validationTime, "validationTime");
        this.signatures = Collections.unmodifiableList(new ArrayList<>(signatures));
        this.verdict = verdictOf(this.signatures);
    }

    private static Verdict verdictOf(List<SignatureResult> signatures) {
        if (signatures.isEmpty()) {
            return Verdict.INDETERMINATE;
        }
        boolean allPassed = true;
        for (SignatureResult s : signatures) {
            if (s.indication() == Indication.TOTAL_FAILED || s.modificationsAfter() == Modification.OTHER) {
                return Verdict.INVALID;
            }
            allPassed &= s.indication() == Indication.TOTAL_PASSED;
        }
        return allPassed ? Verdict.VALID : Verdict.INDETERMINATE;
    }

    public Verdict verdict() {
        return verdict;
    }

    /** When the verification ran. */
    public Instant validationTime() {
        return validationTime;
    }

    /** The verified document's name, or null. */
    public String documentName() {
        return documentName;
    }

    public List<SignatureResult> signatures() {
        return signatures;
    }
}
