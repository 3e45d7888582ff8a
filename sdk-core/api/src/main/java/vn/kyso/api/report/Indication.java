package vn.kyso.api.report;

/** The main status of one signature (ETSI EN 319 102-1). */
public enum Indication {
    /** Every check passed. */
    TOTAL_PASSED,
    /** A check failed for certain: the signature is invalid (e.g. the document changed). */
    TOTAL_FAILED,
    /** Something could not be decided (e.g. no chain to a trust anchor); see the sub-indication. */
    INDETERMINATE
}
