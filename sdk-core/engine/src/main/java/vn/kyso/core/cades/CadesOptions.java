package vn.kyso.core.cades;

import java.util.Objects;
import vn.kyso.api.DigestAlgorithm;
import vn.kyso.api.ErrorCode;
import vn.kyso.api.KysoException;
import vn.kyso.api.SignatureAlgorithm;
import vn.kyso.api.SignatureLevel;

/**
 * What a CAdES signature should look like: level (default B-B), packaging (default detached), digest
 * algorithm (default SHA-256) and, optionally, the signature algorithm (default: the key's preferred
 * algorithm for the digest, i.e. RSASSA-PSS when the key can do it). Immutable.
 */
public final class CadesOptions {
    /** Detached: the .p7s holds only the signature; enveloping: it also carries the data. */
    public enum Packaging { DETACHED, ENVELOPING }

    private final SignatureLevel level;
    private final Packaging packaging;
    private final DigestAlgorithm digest;
    private final SignatureAlgorithm algorithm;

    private CadesOptions(Builder b) {
        level = b.level;
        packaging = b.packaging;
        digest = b.digest;
        algorithm = b.algorithm;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** B-B, detached, SHA-256, key's preferred algorithm. */
    public static CadesOptions defaults() {
        return builder().build();
    }

    public SignatureLevel level() {
        return level;
    }

    public Packaging packaging() {
        return packaging;
    }

    public DigestAlgorithm digest() {
        return digest;
    }

    /** The requested signature algorithm, or null for the key's preferred one. */
    public SignatureAlgorithm algorithm() {
        return algorithm;
    }

    @Override
    public String toString() {
        return "CadesOptions[" + level.label() + ", " + packaging + ", " + digest + (algorithm == null ? "" : ", " + algorithm) + "]";
    }

    /** Builder for {@link CadesOptions}. */
    public static final class Builder {
        private SignatureLevel level = SignatureLevel.B_B;
        private Packaging packaging = Packaging.DETACHED;
        private DigestAlgorithm digest = DigestAlgorithm.SHA256;
        private boolean digestSet;
        private SignatureAlgorithm algorithm;

        private Builder() {
        }

        /** @throws KysoException {@code INVALID_ARGUMENT} for {@link SignatureLevel#NONE} */
        public Builder level(SignatureLevel v) {
            Objects.requireNonNull(v, "level");
            if (v == SignatureLevel.NONE) {
                throw new KysoException(ErrorCode.INVALID_ARGUMENT, "level=NONE");
            }
            level = v;
            return this;
        }

        public Builder packaging(Packaging v) {
            packaging = Objects.requireNonNull(v, "packaging");
            return this;
        }

        public Builder digest(DigestAlgorithm v) {
            digest = Objects.requireNonNull(v, "digest");
            digestSet = true;
            return this;
        }

        /** A fixed signature algorithm; its digest becomes the digest unless another was set explicitly. */
        public Builder algorithm(SignatureAlgorithm v) {
            algorithm = v;
            return this;
        }

        /** @throws KysoException {@code INVALID_ARGUMENT} when the algorithm's digest differs from the digest */
        public CadesOptions build() {
            if (algorithm != null) {
                if (!digestSet) {
                    digest = algorithm.digest();
                } else if (algorithm.digest() != digest) {
                    throw new KysoException(ErrorCode.INVALID_ARGUMENT,
                            algorithm.displayName() + " with digest " + digest.jcaName());
                }
            }
            return new CadesOptions(this);
        }
    }
}
