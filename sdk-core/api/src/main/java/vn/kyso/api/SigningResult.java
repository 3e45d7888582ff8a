package vn.kyso.api;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import vn.kyso.api.internal.SigningResults;

/**
 * What a signing act produced, the same for every format and every verb ({@code sign}, {@code complete},
 * {@code completeWithCms}, {@code extend}): the output when it was asked in memory
 * ({@link vn.kyso.api.io.Output#memory()}), the algorithm actually used (so a caller knows whether
 * RSASSA-PSS or RSA PKCS#1 v1.5 was chosen), the level reached and the signing time.
 *
 * <p>Immutable; only the SDK's signers create it.
 *
 * <pre>{@code
 * SigningResult r = signer.sign(in, out, key, options);
 * r.algorithm().scheme();   // RSA_PSS, RSA_PKCS1_V15 or ECDSA
 * }</pre>
 */
public final class SigningResult {
    static {
        SigningResults.register(SigningResult::new);
    }

    private final byte @Nullable [] signed;
    private final @Nullable SignatureAlgorithm algorithm;
    private final SignatureLevel level;
    private final Instant signingTime;

    private SigningResult(byte @Nullable [] signed, @Nullable SignatureAlgorithm algorithm, SignatureLevel level,
                          Instant signingTime) {
        this.signed = signed == null ? null : signed.clone();
        this.algorithm = algorithm;
        this.level = level;
        this.signingTime = signingTime;
    }

    /** {@return the signed document or signature when the output was memory; null when it went to a file or stream} */
    public byte @Nullable [] signed() {
        return signed == null ? null : signed.clone();
    }

    /** {@return the signature algorithm used; null only for {@code extend}, which adds no signature value} */
    public @Nullable SignatureAlgorithm algorithm() {
        return algorithm;
    }

    /** {@return the level reached (for {@code extend}, the target level)} */
    public SignatureLevel level() {
        return level;
    }

    /** {@return the signing time (for {@code extend}, when the extension was made)} */
    public Instant signingTime() {
        return signingTime;
    }

    @Override
    public String toString() {
        return "SigningResult[" + level.label() + (algorithm == null ? "" : ", " + algorithm.displayName())
                + ", " + signingTime + (signed == null ? "" : ", " + signed.length + " bytes") + "]";
    }
}
