package vn.kyso.core.cades;

import vn.kyso.api.internal.Args;
import vn.kyso.api.sign.SignatureOptions;

/**
 * What a CAdES signature should look like: the shared options ({@link SignatureOptions}: level, default
 * B-B; digest, default SHA-256; algorithm or preferred scheme, default the key's preferred, RSASSA-PSS
 * when it can) and the packaging (default detached). Immutable.
 *
 * <pre>{@code
 * CadesSignatureOptions o = CadesSignatureOptions.builder()
 *         .level(SignatureLevel.B_T).packaging(CadesSignatureOptions.Packaging.ENVELOPING).build();
 * }</pre>
 */
public final class CadesSignatureOptions extends SignatureOptions {
    /** Detached: the .p7s holds only the signature; enveloping: it also carries the data. */
    public enum Packaging {
        /** The .p7s holds only the signature; the data travels beside it. */
        DETACHED,
        /** The .p7s carries the data too. */
        ENVELOPING
    }

    private final Packaging packaging;

    private CadesSignatureOptions(Builder b) {
        super(b);
        packaging = b.packaging;
    }

    /**
     * {@return a builder with the defaults: B-B, detached, SHA-256, the key's preferred algorithm}
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * B-B, detached, SHA-256, key's preferred algorithm.
     *
     * @return the default options
     */
    public static CadesSignatureOptions defaults() {
        return builder().build();
    }

    /**
     * {@return whether the signature is detached or carries the data}
     */
    public Packaging packaging() {
        return packaging;
    }

    /** {@return a builder holding these options, to derive others from them} */
    public Builder toBuilder() {
        return new Builder().copy(this);
    }

    @Override
    public String toString() {
        return "CadesSignatureOptions[" + describe() + ", " + packaging + "]";
    }

    /** Builder for {@link CadesSignatureOptions}; the shared setters are those of {@link SignatureOptions.Builder}. */
    public static final class Builder extends SignatureOptions.Builder<CadesSignatureOptions, Builder> {
        private Packaging packaging = Packaging.DETACHED;

        private Builder() {
        }

        private Builder copy(CadesSignatureOptions o) {
            from(o);
            packaging = o.packaging;
            return this;
        }

        @Override
        protected Builder self() {
            return this;
        }

        @Override
        protected CadesSignatureOptions create() {
            return new CadesSignatureOptions(this);
        }

        /**
         * Detached (default) or enveloping ({@code INVALID_ARGUMENT} for null).
         *
         * @param packaging detached or enveloping
         * @return this builder
         */
        public Builder packaging(Packaging packaging) {
            this.packaging = Args.notNull(packaging, "packaging");
            return this;
        }
    }
}
