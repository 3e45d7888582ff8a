package vn.kyso.api.report;

/** The revocation status of the signer's certificate as found during verification. */
public enum RevocationStatus {
    /** OCSP or a CRL says the certificate is not revoked. */
    GOOD,
    /** The certificate is revoked. */
    REVOKED,
    /** Revocation data was sought but none could be had or trusted. */
    UNKNOWN,
    /** Revocation was not checked (offline, or not asked for). */
    NOT_CHECKED
}
