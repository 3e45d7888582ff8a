package vn.kyso.api.report;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import vn.kyso.api.internal.ReportAccess;

/**
 * The answer of a verification: a verdict for the whole document, the profile applied and one result per
 * signature. Immutable; only the SDK's verifiers create it.
 *
 * <p>The verdict is derived, never set: VALID only when there is at least one signature, every signature
 * is TOTAL_PASSED and none of them was followed by a modification of kind OTHER; INVALID as soon as one
 * signature is TOTAL_FAILED or followed by OTHER; INDETERMINATE otherwise.
 *
 * <p>Profile findings are part of the report: {@link #profile()} says which rules were applied, each
 * signature says its {@link SignatureResult#party() party} and {@link SignatureResult#signedScope() signed
 * paths}, and {@link #signatureOf(Party)} finds a party's signature:
 * <pre>{@code
 * VerificationReport report = verifier.verify(Document.of(Path.of("hoa-don.xml")));
 * SignatureResult seller = report.signatureOf(Party.SELLER);   // null when the seller did not sign
 * }</pre>
 */
public final class VerificationReport {
    static {
        ReportAccess.register(new ReportFactory());
    }

    private final Verdict verdict;
    private final Instant validationTime;
    private final @Nullable String documentName;
    private final Profile profile;
    private final List<SignatureResult> signatures;

    VerificationReport(@Nullable String documentName, Instant validationTime, Profile profile,
                       List<SignatureResult> signatures) {
        this.documentName = documentName;
        this.validationTime = Objects.requireNonNull(validationTime, "validationTime");
        this.profile = Objects.requireNonNull(profile, "profile");
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

    /**
     * {@return the verdict over every signature}
     */
    public Verdict verdict() {
        return verdict;
    }

    /** {@return when the verification ran} */
    public Instant validationTime() {
        return validationTime;
    }

    /** {@return the verified document's name, or null} */
    public @Nullable String documentName() {
        return documentName;
    }

    /** {@return the profile whose rules were applied ({@link Profile#NONE} for PDF, CMS and generic XML)} */
    public Profile profile() {
        return profile;
    }

    /**
     * {@return one result per signature, in document order}
     */
    public List<SignatureResult> signatures() {
        return signatures;
    }

    /**
     * {@return the first signature (in document order) made in the role {@code party}, or null when no
     * signature
     * has that role} Whether it passed is in the result: look at its indication, not only at its presence.
     *
     * @param party the party of a profile (seller, buyer, ...)
     */
    public @Nullable SignatureResult signatureOf(Party party) {
        vn.kyso.api.internal.Args.notNull(party, "party");
        for (SignatureResult s : signatures) {
            if (s.party() == party) {
                return s;
            }
        }
        return null;
    }

    /**
     * {@return every signature made in the role {@code party}, in document order (empty when none)}
     *
     * @param party the party of a profile (seller, buyer, ...)
     */
    public List<SignatureResult> signaturesOf(Party party) {
        vn.kyso.api.internal.Args.notNull(party, "party");
        List<SignatureResult> out = new ArrayList<>();
        for (SignatureResult s : signatures) {
            if (s.party() == party) {
                out.add(s);
            }
        }
        return Collections.unmodifiableList(new ArrayList<>(out));
    }

    @Override
    public String toString() {
        return "VerificationReport[" + documentName + ": " + verdict + ", " + signatures.size() + " signature(s)"
                + (profile == Profile.NONE ? "" : ", " + profile.code()) + "]";
    }
}
