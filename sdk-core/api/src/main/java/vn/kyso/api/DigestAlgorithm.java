package vn.kyso.api;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import vn.kyso.api.internal.Args;

/** Digest algorithms accepted for signing (Circular 15/2025/TT-BKHCN). SHA-256 is the default. */
public enum DigestAlgorithm {
    /** SHA-256: the default. */
    SHA256("SHA-256", "2.16.840.1.101.3.4.2.1", 32),
    /** SHA-384. */
    SHA384("SHA-384", "2.16.840.1.101.3.4.2.2", 48),
    /** SHA-512. */
    SHA512("SHA-512", "2.16.840.1.101.3.4.2.3", 64);

    /** The default digest algorithm. */
    public static final DigestAlgorithm DEFAULT = SHA256;

    private final String jcaName;
    private final String oid;
    private final int length;

    DigestAlgorithm(String jcaName, String oid, int length) {
        this.jcaName = jcaName;
        this.oid = oid;
        this.length = length;
    }

    /**
     * {@return the JCA name, e.g. {@code SHA-256}}
     */
    public String jcaName() {
        return jcaName;
    }

    /**
     * {@return the algorithm's OID}
     */
    public String oid() {
        return oid;
    }

    /** {@return length of a digest in bytes} */
    public int length() {
        return length;
    }

    /** {@return a new JCA digest for this algorithm} */
    public MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance(jcaName);
        } catch (NoSuchAlgorithmException e) {
            throw new KysoException(ErrorCode.UNSUPPORTED_ALGORITHM, e, jcaName);
        }
    }

    /**
     * {@return the digest of the given bytes}
     *
     * @param data the bytes to hash
     */
    public byte[] digest(byte[] data) {
        return newDigest().digest(Args.notNull(data, "data"));
    }

    /**
     * Parses {@code SHA-256}, {@code SHA256}, {@code sha384}, ...
     *
     * @param name the name, with or without the dash, any case
     * @return the algorithm; {@code UNSUPPORTED_ALGORITHM} for any other name
     */
    public static DigestAlgorithm parse(String name) {
        Args.notNull(name, "name");
        String n = name.replace("-", "").trim().toUpperCase(java.util.Locale.ROOT);
        for (DigestAlgorithm d : values()) {
            if (d.name().equals(n)) {
                return d;
            }
        }
        throw new KysoException(ErrorCode.UNSUPPORTED_ALGORITHM, String.valueOf(name));
    }
}
