package vn.kyso.api.report;

/** The main status of one signature (ETSI EN 319 102-1). */
public enum Indication {
    TOTAL_PASSED, TOTAL_FAILED, INDETERMINATE
}
