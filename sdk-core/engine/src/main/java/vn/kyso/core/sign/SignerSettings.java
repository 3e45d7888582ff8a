package vn.kyso.core.sign;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import vn.kyso.api.internal.Args;
import vn.kyso.api.ErrorCode;
import vn.kyso.api.KysoException;
import vn.kyso.api.SignatureLevel;
import vn.kyso.api.event.SigningListener;
import vn.kyso.api.internal.Args;
import vn.kyso.api.twophase.StateKey;
import vn.kyso.api.twophase.StateKeyRing;
import vn.kyso.core.revocation.RevocationOptions;
import vn.kyso.core.trust.TrustAnchors;
import vn.kyso.core.tsp.TimestampClient;

/**
 * What every signer of the SDK is configured with, whatever the format: time-stamp authority,
 * revocation and trust (for B-LT/B-LTA validation data), listeners, clock, and the two-phase state keys
 * and lifetime. Immutable; built by a signer's builder through {@link Builder}.
 *
 * <p>What an act needs and the settings lack is {@link ErrorCode#SIGNER_SETTING_MISSING}, naming it,
 * raised before anything is written: a time-stamp authority for B-T and above, trust anchors for B-LT
 * and B-LTA, state keys for two-phase signing. {@code complete} checks the level stored in the state
 * as {@code sign} and {@code prepare} check the level asked for.
 */
public final class SignerSettings {
    private final @Nullable TimestampClient timestamps;
    private final RevocationOptions revocation;
    private final TrustAnchors trust;
    private final List<SigningListener> listeners;
    private final Clock clock;
    private final @Nullable StateKeyRing stateKeys;
    private final Duration stateLifetime;

    private SignerSettings(Builder<?> b) {
        timestamps = b.timestamps;
        revocation = b.revocation;
        trust = b.trust;
        listeners = List.copyOf(b.listeners);
        clock = b.clock;
        stateKeys = b.stateKeys;
        stateLifetime = b.stateLifetime;
    }

    /** {@return the time-stamp client, or null when none was configured} */
    public @Nullable TimestampClient timestamps() { return timestamps; }
    /**
     * {@return how revocation data is fetched for B-LT and B-LTA}
     */
    public RevocationOptions revocation() { return revocation; }
    /**
     * {@return the trust anchors B-LT and B-LTA build chains to}
     */
    public TrustAnchors trust() { return trust; }
    /**
     * {@return the listeners told of every signing event}
     */
    public List<SigningListener> listeners() { return listeners; }
    /**
     * {@return the clock of signing times and state expiry}
     */
    public Clock clock() { return clock; }
    /** {@return the two-phase state keys, or null when none were configured} */
    public @Nullable StateKeyRing stateKeys() { return stateKeys; }
    /**
     * {@return how long a prepared state may be completed}
     */
    public Duration stateLifetime() { return stateLifetime; }

    /**
     * Refuses a level this configuration cannot reach (B-T+ without a TSA, B-LT+ without trust anchors).
     *
     * @param level the level asked for
     */
    public void checkLevel(SignatureLevel level) {
        requireTimestamps(level);
        requireTrust(level);
    }

    /**
     * {@return the time-stamp client for a level that needs one (B-T and above); {@code
     * SIGNER_SETTING_MISSING} without}
     *
     * @param level the level asked for
     */
    public @Nullable TimestampClient requireTimestamps(SignatureLevel level) {
        Args.notNull(level, "level");
        if (level.needsTimestamp() && timestamps == null) {
            throw KysoException.localized(ErrorCode.SIGNER_SETTING_MISSING, null,
                    "mức " + level.label() + " cần dịch vụ cấp dấu thời gian (TSA) nhưng bộ ký chưa được cấu hình"
                            + " dịch vụ này",
                    level.label() + " needs a time-stamp authority, and this signer has none: give its builder a"
                            + " TimestampClient (timestamps(...))");
        }
        return timestamps;
    }

    /**
     * Refuses B-LT and B-LTA without trust anchors ({@code SIGNER_SETTING_MISSING}).
     *
     * @param level the level asked for
     */
    public void requireTrust(SignatureLevel level) {
        Args.notNull(level, "level");
        if ((level == SignatureLevel.B_LT || level == SignatureLevel.B_LTA) && trust.isEmpty()) {
            throw KysoException.localized(ErrorCode.SIGNER_SETTING_MISSING, null,
                    "mức " + level.label() + " cần các chứng thư gốc tin cậy để thu thập dữ liệu kiểm tra chứng thư"
                            + " đến tận gốc, nhưng bộ ký chưa có",
                    level.label() + " needs trust anchors to collect validation data up to a root, and this signer"
                            + " has none: give its builder trust(...)");
        }
    }

    /** {@return the state keys; {@code SIGNER_SETTING_MISSING} when two-phase signing was not configured} */
    public StateKeyRing requireStateKeys() {
        if (stateKeys == null) {
            throw KysoException.localized(ErrorCode.SIGNER_SETTING_MISSING, null,
                    "ký hai bước cần khóa trạng thái (hoặc bộ khóa trạng thái) của máy chủ, nhưng bộ ký chưa có",
                    "two-phase signing needs the server's state key (or key ring), and this signer has none: give"
                            + " its builder stateKey(...) or stateKeys(...)");
        }
        return stateKeys;
    }

    /**
     * The common part of every signer builder.
     *
     * @param <B> the concrete builder, returned by each setter
     */
    public abstract static class Builder<B extends Builder<B>> {
        private @Nullable TimestampClient timestamps;
        private RevocationOptions revocation = RevocationOptions.online();
        private TrustAnchors trust = TrustAnchors.empty();
        private final List<SigningListener> listeners = new ArrayList<>();
        private Clock clock = Clock.systemUTC();
        private @Nullable StateKeyRing stateKeys;
        private Duration stateLifetime = Duration.ofMinutes(15);

        /**
         * For a signer's builder: starts with the defaults.
         */
        protected Builder() {
        }

        /** {@return this builder, typed} */
        protected abstract B self();

        /** {@return the settings collected so far} */
        protected SignerSettings settings() {
            return new SignerSettings(this);
        }

        /**
         * {@return the time-stamp authority; required for B-T and above (null: none)}
         *
         * @param timestamps the time-stamp client, or null for none (B-B only)
         */
        public B timestamps(@Nullable TimestampClient timestamps) {
            this.timestamps = timestamps;
            return self();
        }

        /**
         * {@return how revocation data is fetched for B-LT and B-LTA (default online)}
         *
         * @param revocation how OCSP and CRL are fetched
         */
        public B revocation(RevocationOptions revocation) {
            this.revocation = Args.notNull(revocation, "revocation");
            return self();
        }

        /**
         * Trust anchors; B-LT and B-LTA need them to collect validation data up to a root.
         *
         * @param trust the anchors chains are built to
         * @return this builder
         */
        public B trust(TrustAnchors trust) {
            this.trust = Args.notNull(trust, "trust");
            return self();
        }

        /**
         * Adds a listener (several allowed).
         *
         * @param listener told of every signing event
         * @return this builder
         */
        public B listener(SigningListener listener) {
            listeners.add(Args.notNull(listener, "listener"));
            return self();
        }

        /**
         * {@return the clock giving the signing time and judging state expiry (default: system UTC)}
         *
         * @param clock the clock of signing times and state expiry
         */
        public B clock(Clock clock) {
            this.clock = Args.notNull(clock, "clock");
            return self();
        }

        /**
         * {@return the server's state keys for prepare/complete: the newest seals new states, every key opens
         * the
         * states it sealed (see {@link StateKeyRing} for rotation)}
         *
         * @param stateKeys the ring: the newest key seals, every key opens
         */
        public B stateKeys(StateKeyRing stateKeys) {
            this.stateKeys = Args.notNull(stateKeys, "stateKeys");
            return self();
        }

        /**
         * {@return one state key for prepare/complete: {@code stateKeys(StateKeyRing.of(v))}}
         *
         * @param stateKey the one key that seals and opens states
         */
        public B stateKey(StateKey stateKey) {
            return stateKeys(StateKeyRing.of(Args.notNull(stateKey, "stateKey")));
        }

        /**
         * {@return how long a prepared state stays usable (default 15 minutes)}
         *
         * @param stateLifetime how long a prepared state may be completed
         */
        public B stateLifetime(Duration stateLifetime) {
            Args.notNull(stateLifetime, "stateLifetime");
            if (stateLifetime.isZero() || stateLifetime.isNegative()) {
                throw KysoException.localized(ErrorCode.INVALID_ARGUMENT, null, "stateLifetime phải dương, không phải "
                        + stateLifetime, "stateLifetime must be positive, not " + stateLifetime);
            }
            this.stateLifetime = stateLifetime;
            return self();
        }
    }
}
