package vn.kyso.core.sign;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import vn.kyso.api.internal.Args;
import vn.kyso.api.ErrorCode;
import vn.kyso.api.KysoException;
import vn.kyso.api.SignatureLevel;
import vn.kyso.api.event.SigningListener;
import vn.kyso.api.twophase.StateKey;
import vn.kyso.core.revocation.RevocationOptions;
import vn.kyso.core.trust.TrustAnchors;
import vn.kyso.core.tsp.TimestampClient;

/**
 * What every signer of the SDK is configured with, whatever the format: time-stamp authority,
 * revocation and trust (for B-LT/B-LTA validation data), listeners, clock, and the two-phase state key
 * and lifetime. Immutable; built by a signer's builder through {@link Builder}.
 */
public final class SignerSettings {
    private final TimestampClient timestamps;
    private final RevocationOptions revocation;
    private final TrustAnchors trust;
    private final List<SigningListener> listeners;
    private final Clock clock;
    private final StateKey stateKey;
    private final Duration stateLifetime;

    private SignerSettings(Builder<?> b) {
        timestamps = b.timestamps;
        revocation = b.revocation;
        trust = b.trust;
        listeners = List.copyOf(b.listeners);
        clock = b.clock;
        stateKey = b.stateKey;
        stateLifetime = b.stateLifetime;
    }

    /** The time-stamp client, or null when none was configured. */
    public TimestampClient timestamps() { return timestamps; }
    public RevocationOptions revocation() { return revocation; }
    public TrustAnchors trust() { return trust; }
    public List<SigningListener> listeners() { return listeners; }
    public Clock clock() { return clock; }
    /** The two-phase state key, or null when none was configured. */
    public StateKey stateKey() { return stateKey; }
    public Duration stateLifetime() { return stateLifetime; }

    /** Refuses a level this configuration cannot reach (B-T+ without a TSA, B-LT+ without trust anchors). */
    public void checkLevel(SignatureLevel level) {
        if (level.needsTimestamp() && timestamps == null) {
            throw new KysoException(ErrorCode.INVALID_ARGUMENT, level.label() + " needs a TimestampClient");
        }
        if ((level == SignatureLevel.B_LT || level == SignatureLevel.B_LTA) && trust.isEmpty()) {
            throw new KysoException(ErrorCode.INVALID_ARGUMENT, level.label() + " needs trust anchors");
        }
    }

    /** The state key, or INVALID_ARGUMENT when two-phase signing was not configured. */
    public StateKey requireStateKey() {
        if (stateKey == null) {
            throw new KysoException(ErrorCode.INVALID_ARGUMENT, "a StateKey is required for two-phase signing");
        }
        return stateKey;
    }

    /**
     * The common part of every signer builder.
     *
     * @param <B> the concrete builder, returned by each setter
     */
    public abstract static class Builder<B extends Builder<B>> {
        private TimestampClient timestamps;
        private RevocationOptions revocation = RevocationOptions.online();
        private TrustAnchors trust = TrustAnchors.empty();
        private final List<SigningListener> listeners = new ArrayList<>();
        private Clock clock = Clock.systemUTC();
        private StateKey stateKey;
        private Duration stateLifetime = Duration.ofMinutes(15);

        protected Builder() {
        }

        /** This builder, typed. */
        protected abstract B self();

        /** The settings collected so far. */
        protected SignerSettings settings() {
            return new SignerSettings(this);
        }

        /** The time-stamp authority; required for B-T and above. */
        public B timestamps(TimestampClient v) {
            timestamps = v;
            return self();
        }

        /** How revocation data is fetched for B-LT and B-LTA (default online). */
        public B revocation(RevocationOptions v) {
            revocation = Args.notNull(v, "revocation");
            return self();
        }

        /** Trust anchors; B-LT and B-LTA need them to collect validation data up to a root. */
        public B trust(TrustAnchors v) {
            trust = Args.notNull(v, "trust");
            return self();
        }

        /** Adds a listener (several allowed). */
        public B listener(SigningListener v) {
            listeners.add(Args.notNull(v, "listener"));
            return self();
        }

        /** The clock giving the signing time (default: system UTC). */
        public B clock(Clock v) {
            clock = Args.notNull(v, "clock");
            return self();
        }

        /** The key protecting two-phase states; required for prepare/complete. */
        public B stateKey(StateKey v) {
            stateKey = v;
            return self();
        }

        /** How long a prepared state stays usable (default 15 minutes). */
        public B stateLifetime(Duration v) {
            if (v == null || v.isZero() || v.isNegative()) {
                throw new KysoException(ErrorCode.INVALID_ARGUMENT, "stateLifetime=" + v);
            }
            stateLifetime = v;
            return self();
        }
    }
}
