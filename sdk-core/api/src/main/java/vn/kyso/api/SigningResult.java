package vn.kyso.api;

import java.time.Instant;
import java.util.Objects;

/**
 * What a signing act produced: the signed bytes (or nothing when the output went to a file), the
 * algorithm actually used (so a caller knows whether RSA-PSS or PKCS#1 v1.5 was chosen), the level
 * reached and the signing time. Immutable.
 */
public final class SigningResult {
    private final byte[] signed;
    private final SignatureAlgorithm algorithm;
    private final SignatureLevel level;
    private final Instant signingTime;

    public SigningResult(byte[] signed, SignatureAlgorithm algorithm, SignatureLevel level, Instant signingTime) {
        this.signed = signed == null ? null : signed.clone();
        this.algorithm = Objects.requireNonNull(algorithm, "algorithm");
        this.level = Objects.requireNonNull(level, "level");
        this.signingTime = Objects.requireNonNull(signingTime, "signingTime");
    }

    /** The signed document or signature; null when it was written to a file. */
    public byte[] signed() {
        return signed == null ? null : signed.clone();
    }

    public SignatureAlgorithm algorithm() {
        return algorithm;
    }

    public SignatureLevel level() {
        return level;
    }

    public Instant signingTime() {
        return signingTime;
    }
}
