package vn.kyso.api.report;

/** The revocation status of the signer's certificate as found during verification. */
public enum RevocationStatus {
    GOOD, REVOKED, UNKNOWN, NOT_CHECKED
}
