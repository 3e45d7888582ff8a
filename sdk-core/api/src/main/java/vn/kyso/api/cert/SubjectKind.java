package vn.kyso.api.cert;

/** Who a certificate was issued to (VN-SIGNING-REFERENCE §4). */
public enum SubjectKind {
    /** A natural person: carries a personal identifier (CCCD, CMND, passport, BHXH, ...). */
    PERSON,
    /** An organisation ("seal" certificate): carries a tax code (MST) and no personal identifier. */
    ORGANIZATION,
    /** A device, service or software (e.g. a TLS server certificate). */
    DEVICE,
    /** A certification authority (basicConstraints cA=true): a root or an issuing CA, never a signer. */
    CERTIFICATION_AUTHORITY
}
