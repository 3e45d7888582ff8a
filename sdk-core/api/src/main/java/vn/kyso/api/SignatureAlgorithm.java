package vn.kyso.api;

import vn.kyso.api.internal.Args;

/**
 * A signature scheme together with its digest algorithm. ECDSA values are DER-encoded; RSA-PSS uses
 * MGF1 with the same digest and a salt of the digest's length.
 */
public enum SignatureAlgorithm {
    /** RSA PKCS#1 v1.5 with SHA-256: what Vietnamese e-invoices and tax messages use. */
    RSA_SHA256(SignatureScheme.RSA_PKCS1_V15, DigestAlgorithm.SHA256, "1.2.840.113549.1.1.11", "RSA with SHA-256 (PKCS#1 v1.5)"),
    /** RSA PKCS#1 v1.5 with SHA-384. */
    RSA_SHA384(SignatureScheme.RSA_PKCS1_V15, DigestAlgorithm.SHA384, "1.2.840.113549.1.1.12", "RSA with SHA-384 (PKCS#1 v1.5)"),
    /** RSA PKCS#1 v1.5 with SHA-512. */
    RSA_SHA512(SignatureScheme.RSA_PKCS1_V15, DigestAlgorithm.SHA512, "1.2.840.113549.1.1.13", "RSA with SHA-512 (PKCS#1 v1.5)"),
    /** RSASSA-PSS with SHA-256. */
    RSA_PSS_SHA256(SignatureScheme.RSA_PSS, DigestAlgorithm.SHA256, "1.2.840.113549.1.1.10", "RSASSA-PSS with SHA-256"),
    /** RSASSA-PSS with SHA-384. */
    RSA_PSS_SHA384(SignatureScheme.RSA_PSS, DigestAlgorithm.SHA384, "1.2.840.113549.1.1.10", "RSASSA-PSS with SHA-384"),
    /** RSASSA-PSS with SHA-512. */
    RSA_PSS_SHA512(SignatureScheme.RSA_PSS, DigestAlgorithm.SHA512, "1.2.840.113549.1.1.10", "RSASSA-PSS with SHA-512"),
    /** ECDSA with SHA-256. */
    ECDSA_SHA256(SignatureScheme.ECDSA, DigestAlgorithm.SHA256, "1.2.840.10045.4.3.2", "ECDSA with SHA-256"),
    /** ECDSA with SHA-384. */
    ECDSA_SHA384(SignatureScheme.ECDSA, DigestAlgorithm.SHA384, "1.2.840.10045.4.3.3", "ECDSA with SHA-384"),
    /** ECDSA with SHA-512. */
    ECDSA_SHA512(SignatureScheme.ECDSA, DigestAlgorithm.SHA512, "1.2.840.10045.4.3.4", "ECDSA with SHA-512");

    private final SignatureScheme scheme;
    private final DigestAlgorithm digest;
    private final String oid;
    private final String displayName;

    SignatureAlgorithm(SignatureScheme scheme, DigestAlgorithm digest, String oid, String displayName) {
        this.scheme = scheme;
        this.digest = digest;
        this.oid = oid;
        this.displayName = displayName;
    }

    /**
     * {@return the signature scheme}
     */
    public SignatureScheme scheme() {
        return scheme;
    }

    /**
     * {@return the digest algorithm the data is hashed with}
     */
    public DigestAlgorithm digest() {
        return digest;
    }

    /** {@return the signature algorithm OID (for RSA-PSS the parameters carry the digest)} */
    public String oid() {
        return oid;
    }

    /** {@return a readable name such as "RSASSA-PSS with SHA-256"} */
    public String displayName() {
        return displayName;
    }

    /**
     * {@return the algorithm for a scheme and digest}
     *
     * @param scheme the scheme
     * @param digest the digest algorithm
     */
    public static SignatureAlgorithm of(SignatureScheme scheme, DigestAlgorithm digest) {
        Args.notNull(scheme, "scheme");
        Args.notNull(digest, "digest");
        for (SignatureAlgorithm a : values()) {
            if (a.scheme == scheme && a.digest == digest) {
                return a;
            }
        }
        throw new KysoException(ErrorCode.UNSUPPORTED_ALGORITHM, scheme + "/" + digest);
    }
}
