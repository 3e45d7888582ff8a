package vn.kyso.core.internal;

import java.time.Clock;
import java.util.Objects;
import vn.kyso.core.internal.NetworkSources;
import vn.kyso.core.revocation.RevocationOptions;
import vn.kyso.core.spi.ValidationContext;
import vn.kyso.core.trust.TrustAnchors;

/** The context a Verifier hands to format verifiers; owns the network sources and their cache. Internal. */
public final class DefaultValidationContext implements ValidationContext {
    private final TrustAnchors trust;
    private final RevocationOptions revocation;
    private final Clock clock;
    private final NetworkSources network;

    public DefaultValidationContext(TrustAnchors trust, RevocationOptions revocation, Clock clock) {
        this.trust = Objects.requireNonNull(trust, "trust");
        this.revocation = Objects.requireNonNull(revocation, "revocation");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.network = new NetworkSources(revocation, clock);
    }

    @Override
    public TrustAnchors trust() {
        return trust;
    }

    @Override
    public RevocationOptions revocation() {
        return revocation;
    }

    @Override
    public Clock clock() {
        return clock;
    }

    public NetworkSources network() {
        return network;
    }
}
