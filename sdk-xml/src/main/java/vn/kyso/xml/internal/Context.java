package vn.kyso.xml.internal;

import java.time.Clock;
import vn.kyso.core.revocation.RevocationOptions;
import vn.kyso.core.spi.ValidationContext;
import vn.kyso.core.trust.TrustAnchors;

/** A plain {@link ValidationContext}. Internal. */
public final class Context implements ValidationContext {
    private final TrustAnchors trust;
    private final RevocationOptions revocation;
    private final Clock clock;

    public Context(TrustAnchors trust, RevocationOptions revocation, Clock clock) {
        this.trust = trust;
        this.revocation = revocation;
        this.clock = clock;
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
}
