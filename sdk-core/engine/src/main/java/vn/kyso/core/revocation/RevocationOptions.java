package vn.kyso.core.revocation;

import java.time.Duration;
import vn.kyso.api.ErrorCode;
import vn.kyso.api.KysoException;
import vn.kyso.api.internal.Args;

/**
 * How revocation status is obtained: OCSP first, CRL as fallback, each with connect/read time-outs, and a
 * time-to-live for responses cached by the service that uses these options (each {@code Verifier} or
 * {@code CadesSigner} owns its own cache). Missing intermediate certificates are fetched through the
 * AIA extension only when some network source is enabled.
 *
 * <p>{@link #offline()} turns every network access off: only the validation data embedded in a
 * signature (B-LT, B-LTA) is used, and a signature without any reports {@code NOT_CHECKED}.
 *
 * <p>Immutable and thread-safe.
 */
public final class RevocationOptions {
    private static final RevocationOptions ONLINE = builder().build();
    private static final RevocationOptions OFFLINE = builder().ocsp(false).crl(false).build();

    private final boolean ocsp;
    private final boolean crl;
    private final Duration connectTimeout;
    private final Duration readTimeout;
    private final Duration cacheTtl;

    private RevocationOptions(Builder b) {
        ocsp = b.ocsp;
        crl = b.crl;
        connectTimeout = b.connectTimeout;
        readTimeout = b.readTimeout;
        cacheTtl = b.cacheTtl;
    }

    /**
     * OCSP then CRL, 10 s connect / 20 s read time-outs, responses cached 5 minutes.
     *
     * @return the default online options
     */
    public static RevocationOptions online() {
        return ONLINE;
    }

    /** {@return no network access at all} */
    public static RevocationOptions offline() {
        return OFFLINE;
    }

    /**
     * {@return a builder starting from {@link #online()}}
     */
    public static Builder builder() {
        return new Builder();
    }

    /** {@return whether OCSP responders are asked} */
    public boolean ocsp() {
        return ocsp;
    }

    /** {@return whether CRLs are downloaded (used when OCSP gives no answer, or alone)} */
    public boolean crl() {
        return crl;
    }

    /** {@return whether any network access is allowed (OCSP, CRL, AIA)} */
    public boolean networkAllowed() {
        return ocsp || crl;
    }

    /**
     * {@return the time allowed to connect to an OCSP responder or CRL server}
     */
    public Duration connectTimeout() {
        return connectTimeout;
    }

    /**
     * {@return the time allowed to read a response}
     */
    public Duration readTimeout() {
        return readTimeout;
    }

    /** {@return how long a downloaded response is reused; zero disables caching} */
    public Duration cacheTtl() {
        return cacheTtl;
    }

    @Override
    public String toString() {
        return "RevocationOptions[ocsp=" + ocsp + ", crl=" + crl + ", connect=" + connectTimeout
                + ", read=" + readTimeout + ", cacheTtl=" + cacheTtl + "]";
    }

    /** Builder for {@link RevocationOptions}; defaults are those of {@link #online()}. */
    public static final class Builder {
        private boolean ocsp = true;
        private boolean crl = true;
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Duration readTimeout = Duration.ofSeconds(20);
        private Duration cacheTtl = Duration.ofMinutes(5);

        private Builder() {
        }

        /**
         * Whether OCSP responders are asked (default true).
         *
         * @param v false to never ask OCSP responders
         * @return this builder
         */
        public Builder ocsp(boolean v) {
            ocsp = v;
            return this;
        }

        /**
         * Whether CRLs are downloaded (default true).
         *
         * @param v false to never download CRLs
         * @return this builder
         */
        public Builder crl(boolean v) {
            crl = v;
            return this;
        }

        /**
         * The time allowed to connect (default 10 s).
         *
         * @param connectTimeout a positive duration
         * @return this builder
         */
        public Builder connectTimeout(Duration connectTimeout) {
            this.connectTimeout = positive(connectTimeout, "connectTimeout");
            return this;
        }

        /**
         * The time allowed to read a response (default 20 s).
         *
         * @param readTimeout a positive duration
         * @return this builder
         */
        public Builder readTimeout(Duration readTimeout) {
            this.readTimeout = positive(readTimeout, "readTimeout");
            return this;
        }

        /**
         * How long a response is reused (default 5 minutes).
         *
         * @param cacheTtl zero or more
         * @return this builder
         */
        public Builder cacheTtl(Duration cacheTtl) {
            Args.notNull(cacheTtl, "cacheTtl");
            if (cacheTtl.isNegative()) {
                throw new KysoException(ErrorCode.INVALID_ARGUMENT, "cacheTtl=" + cacheTtl);
            }
            this.cacheTtl = cacheTtl;
            return this;
        }

        /**
         * {@return the options}
         */
        public RevocationOptions build() {
            return new RevocationOptions(this);
        }

        static Duration positive(Duration v, String name) {
            Args.notNull(v, name);
            if (v.isZero() || v.isNegative() || v.toMillis() > Integer.MAX_VALUE) {
                throw new KysoException(ErrorCode.INVALID_ARGUMENT, name + "=" + v);
            }
            return v;
        }
    }
}
