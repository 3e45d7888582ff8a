package vn.kyso.api;

/** How a key turns a digest into a signature value. */
public enum SignatureScheme {
    /** RSA PKCS#1 v1.5 (legacy, still widely deployed; verified always, created when PSS is not possible). */
    RSA_PKCS1_V15,
    /** RSASSA-PSS with MGF1 using the same digest and a salt as long as the digest (Circular 15/2025). */
    RSA_PSS,
    /** ECDSA; signature values are exchanged DER-encoded (X9.62 Ecdsa-Sig-Value). */
    ECDSA
}
