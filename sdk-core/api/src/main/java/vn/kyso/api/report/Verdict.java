package vn.kyso.api.report;

/** The answer for a whole document. VALID only when every signature passed and nothing disallowed happened. */
public enum Verdict {
    /** Every signature is valid and trusted. */
    VALID,
    /** A signature is invalid for certain. */
    INVALID,
    /** A signature could not be judged (e.g. untrusted chain, missing revocation data). */
    INDETERMINATE
}
