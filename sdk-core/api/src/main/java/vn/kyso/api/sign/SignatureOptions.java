package vn.kyso.api.sign;

import org.jspecify.annotations.Nullable;
import vn.kyso.api.DigestAlgorithm;
import vn.kyso.api.ErrorCode;
import vn.kyso.api.KysoException;
import vn.kyso.api.SignatureAlgorithm;
import vn.kyso.api.SignatureLevel;
import vn.kyso.api.SignatureScheme;
import vn.kyso.api.internal.Args;
import vn.kyso.api.token.SigningKey;

/**
 * What every signature of every format shares: the level (default B-B), the digest (default SHA-256), and
 * the signature algorithm, either fixed ({@link Builder#algorithm}) or chosen for the key from a preferred
 * scheme ({@link Builder#scheme}: RSASSA-PSS, RSA PKCS#1 v1.5 or ECDSA; by default the key's own
 * preference, RSASSA-PSS when it can). Each format's options ({@code CadesSignatureOptions},
 * {@code PdfSignatureOptions}, {@code XmlSignatureOptions}) extend this class and its {@link Builder}.
 *
 * <p>One rule for every format, checked by {@link Builder#build()}: a null argument, level {@code NONE},
 * an explicit digest that differs from the fixed algorithm's, or a fixed algorithm of another scheme
 * than the preferred one is {@code INVALID_ARGUMENT} naming what is wrong. Without an explicit digest, a
 * fixed algorithm's digest is the digest. Immutable.
 *
 * <pre>{@code
 * PdfSignatureOptions o = PdfSignatureOptions.builder()
 *         .level(SignatureLevel.B_T).scheme(SignatureScheme.RSA_PKCS1_V15).build();
 * }</pre>
 */
public abstract class SignatureOptions {
    private final SignatureLevel level;
    private final DigestAlgorithm digest;
    private final @Nullable SignatureAlgorithm algorithm;
    private final @Nullable SignatureScheme scheme;

    /**
     * Copies the shared part of a validated builder.
     *
     * @param builder the validated builder
     */
    protected SignatureOptions(Builder<?, ?> builder) {
        Builder<?, ?> b = Args.notNull(builder, "builder");
        level = b.level;
        digest = b.digest;
        algorithm = b.algorithm;
        scheme = b.scheme;
    }

    /** {@return the level to reach (never {@code NONE}; a format without levels may report it differently)} */
    public SignatureLevel level() {
        return level;
    }

    /** {@return the digest algorithm} */
    public DigestAlgorithm digest() {
        return digest;
    }

    /** {@return the fixed signature algorithm, or null to choose one for the key (see {@link #algorithmFor})} */
    public @Nullable SignatureAlgorithm algorithm() {
        return algorithm;
    }

    /** {@return the preferred signature scheme, or null for the key's own preference} */
    public @Nullable SignatureScheme scheme() {
        return scheme;
    }

    /**
     * {@return the algorithm a signature with {@code key} uses: the fixed one; else the preferred scheme with
     * the
     * digest when the key can do it; else the key's preferred algorithm for the digest (RSASSA-PSS when
     * the key can, RSA PKCS#1 v1.5 otherwise, ECDSA for EC keys)}
     *
     * @param key the key that will sign
     */
    public SignatureAlgorithm algorithmFor(SigningKey key) {
        Args.notNull(key, "key");
        if (algorithm != null) {
            return algorithm;
        }
        if (scheme != null && key.schemes().contains(scheme)) {
            return SignatureAlgorithm.of(scheme, digest);
        }
        return key.preferredAlgorithm(digest);
    }

    /**
     * Checks the algorithm a two-phase signature is prepared with against these options: same digest,
     * and the fixed algorithm if there is one (the preferred scheme is a preference: the algorithm given
     * to {@code prepare} is the caller's explicit choice).
     *
     * @param algorithm the algorithm a prepare call was given
     * @throws KysoException {@code INVALID_ARGUMENT} naming the contradiction
     */
    public void checkPrepared(SignatureAlgorithm algorithm) {
        SignatureAlgorithm prepared = Args.notNull(algorithm, "algorithm");
        if (prepared.digest() != digest) {
            throw contradiction(prepared.displayName() + " / " + digest.jcaName());
        }
        if (this.algorithm != null && this.algorithm != prepared) {
            throw contradiction(prepared.displayName() + " / " + this.algorithm.displayName());
        }
    }

    static KysoException contradiction(String what) {
        return KysoException.localized(ErrorCode.INVALID_ARGUMENT, null,
                "thuật toán và tùy chọn mâu thuẫn nhau (" + what + ")",
                "the algorithm contradicts the options (" + what + ")");
    }

    /** {@return the shared part of {@link #toString()}} */
    protected String describe() {
        return level.label() + ", " + digest + (algorithm == null ? "" : ", " + algorithm)
                + (scheme == null ? "" : ", prefer " + scheme);
    }

    /**
     * The builder every format's options builder extends: the shared setters and the one validation rule.
     *
     * @param <O> the options built
     * @param <B> the concrete builder, returned by each setter
     */
    public abstract static class Builder<O extends SignatureOptions, B extends Builder<O, B>> {
        private SignatureLevel level = SignatureLevel.B_B;
        private DigestAlgorithm digest = DigestAlgorithm.DEFAULT;
        private boolean digestSet;
        private @Nullable SignatureAlgorithm algorithm;
        private @Nullable SignatureScheme scheme;

        /**
         * For a format's builder: starts with the defaults (B-B, SHA-256, the key's choice).
         */
        protected Builder() {
        }

        /** {@return this builder, typed} */
        protected abstract B self();

        /**
         * Creates the options once the shared part is valid; the format checks its own fields here.
         *
         * @return the format's options, made from this builder
         */
        protected abstract O create();

        /**
         * Copies the shared part of existing options (for a format's {@code toBuilder()}).
         *
         * @param options the options to copy
         * @return this builder
         */
        protected final B from(SignatureOptions options) {
            SignatureOptions o = Args.notNull(options, "options");
            level = o.level;
            digest = o.digest;
            digestSet = true;
            algorithm = o.algorithm;
            scheme = o.scheme;
            return self();
        }

        /**
         * {@return the level to reach (default B-B)}
         *
         * @param level B-B, B-T, B-LT or B-LTA
         * @throws KysoException {@code INVALID_ARGUMENT} for null or {@link SignatureLevel#NONE}
         */
        public B level(SignatureLevel level) {
            SignatureLevel v = Args.notNull(level, "level");
            if (v == SignatureLevel.NONE) {
                throw KysoException.localized(ErrorCode.INVALID_ARGUMENT, null,
                        "level không được là NONE", "level may not be NONE");
            }
            this.level = v;
            return self();
        }

        /**
         * {@return the digest algorithm (default SHA-256; {@code INVALID_ARGUMENT} for null)}
         *
         * @param digest the digest algorithm
         */
        public B digest(DigestAlgorithm digest) {
            this.digest = Args.notNull(digest, "digest");
            digestSet = true;
            return self();
        }

        /**
         * {@return a fixed signature algorithm, or null to choose one for the key}
         *
         * @param v the fixed algorithm, or null to choose one for the key
         */
        public B algorithm(@Nullable SignatureAlgorithm v) {
            algorithm = v;
            return self();
        }

        /**
         * {@return the preferred scheme, used when the key can do it (else the key's preferred one), or null
         * for
         * the key's own preference} E.g. {@link SignatureScheme#RSA_PKCS1_V15} for receivers that cannot
         * verify RSASSA-PSS.
         *
         * @param v the preferred scheme, or null for the key's own preference
         */
        public B scheme(@Nullable SignatureScheme v) {
            scheme = v;
            return self();
        }

        /**
         * Shorthand for {@code scheme(RSA_PKCS1_V15)} when {@code v}, {@code scheme(null)} otherwise.
         *
         * @param v true for RSA PKCS#1 v1.5
         * @return this builder
         */
        public B pkcs1(boolean v) {
            return scheme(v ? SignatureScheme.RSA_PKCS1_V15 : null);
        }

        /**
         * Validates and builds.
         *
         * @return the validated, immutable options
         * @throws KysoException {@code INVALID_ARGUMENT} when the fixed algorithm contradicts an explicit
         *     digest or the preferred scheme, or when the format's own fields contradict each other
         */
        public final O build() {
            if (algorithm != null) {
                if (!digestSet) {
                    digest = algorithm.digest();
                } else if (algorithm.digest() != digest) {
                    throw contradiction(algorithm.displayName() + " / " + digest.jcaName());
                }
                if (scheme != null && scheme != algorithm.scheme()) {
                    throw contradiction(algorithm.displayName() + " / " + scheme);
                }
            }
            return create();
        }
    }
}
