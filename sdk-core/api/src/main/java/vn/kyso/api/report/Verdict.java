package vn.kyso.api.report;

/** The answer for a whole document. VALID only when every signature passed and nothing disallowed happened. */
public enum Verdict {
    VALID, INVALID, INDETERMINATE
}
