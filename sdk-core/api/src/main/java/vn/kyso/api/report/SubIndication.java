package vn.kyso.api.report;

/**
 * Why a signature is not TOTAL_PASSED: the sub-indications of ETSI EN 319 102-1 (clause 5.1.3), under
 * their ETSI names (EN 319 102-1 V1.4.1, as EU DSS reports them).
 */
public enum SubIndication {
    // TOTAL_FAILED
    /** TOTAL_FAILED: the signature is not in a format the verifier can read or does not conform to it. */
    FORMAT_FAILURE,
    /** TOTAL_FAILED: the signed data does not match the signature (the document was changed). */
    HASH_FAILURE,
    /** TOTAL_FAILED: the signature value does not verify with the signer's public key. */
    SIG_CRYPTO_FAILURE,
    /** TOTAL_FAILED: the signing certificate was revoked before the signing time proven. */
    REVOKED,
    /** TOTAL_FAILED: the signing certificate had expired at the signing time proven. */
    EXPIRED,
    /** TOTAL_FAILED: the signing certificate was not yet valid at the signing time. */
    NOT_YET_VALID,
    // INDETERMINATE
    /** INDETERMINATE: a signed attribute breaks the validation policy. */
    SIG_CONSTRAINTS_FAILURE,
    /** INDETERMINATE: the certificate chain breaks the validation policy. */
    CHAIN_CONSTRAINTS_FAILURE,
    /** INDETERMINATE: the chain could not be checked for another reason. */
    CERTIFICATE_CHAIN_GENERAL_FAILURE,
    /** INDETERMINATE: an algorithm or key size is too weak for the policy. */
    CRYPTO_CONSTRAINTS_FAILURE,
    /** INDETERMINATE: the signature policy could not be processed. */
    POLICY_PROCESSING_ERROR,
    /** INDETERMINATE: the signature policy the signature names is not available. */
    SIGNATURE_POLICY_NOT_AVAILABLE,
    /** INDETERMINATE: the time-stamps are not in the order their kinds require. */
    TIMESTAMP_ORDER_FAILURE,
    /** INDETERMINATE: the signing certificate is neither in the signature nor given. */
    NO_SIGNING_CERTIFICATE_FOUND,
    /** INDETERMINATE: no chain to a trust anchor could be built. */
    NO_CERTIFICATE_CHAIN_FOUND,
    /** INDETERMINATE: no chain to a trust anchor, and no proof the signature existed earlier. */
    NO_CERTIFICATE_CHAIN_FOUND_NO_POE,
    /** INDETERMINATE: the signing certificate is revoked and nothing proves the signature came first. */
    REVOKED_NO_POE,
    /** INDETERMINATE: a CA of the chain is revoked and nothing proves the signature came first. */
    REVOKED_CA_NO_POE,
    /** INDETERMINATE: the signing time is outside the certificate's validity and unproven. */
    OUT_OF_BOUNDS_NO_POE,
    /** INDETERMINATE: the certificate has expired but was not revoked. */
    OUT_OF_BOUNDS_NOT_REVOKED,
    /** INDETERMINATE: the revocation data is outside its validity and unproven. */
    REVOCATION_OUT_OF_BOUNDS_NO_POE,
    /** INDETERMINATE: an algorithm is now too weak, and nothing proves it was used in time. */
    CRYPTO_CONSTRAINTS_FAILURE_NO_POE,
    /** INDETERMINATE: a proof of existence at a needed time is missing. */
    NO_POE,
    /** INDETERMINATE: revocation data is not yet available; verify again later. */
    TRY_LATER,
    /** INDETERMINATE: the signed data could not be found (e.g. a detached signature without its data). */
    SIGNED_DATA_NOT_FOUND
}
