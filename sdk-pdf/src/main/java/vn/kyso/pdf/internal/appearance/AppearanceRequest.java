package vn.kyso.pdf.internal.appearance;

import java.time.Instant;
import java.util.Objects;
import vn.kyso.api.cert.CertificateInfo;

/**
 * What a visible signature shows: the signer (from the certificate) and the signing time. Immutable.
 * Internal: the engine builds it from the signing options.
 */
public final class AppearanceRequest {
    private final CertificateInfo signer;
    private final Instant signingTime;

    private AppearanceRequest(Builder b) {
        signer = Objects.requireNonNull(b.signer, "signer");
        signingTime = Objects.requireNonNull(b.signingTime, "signingTime");
    }

    /** A request for the signer's certificate information and the signing time. */
    public static Builder builder(CertificateInfo signer, Instant signingTime) {
        return new Builder(signer, signingTime);
    }

    public CertificateInfo signer() {
        return signer;
    }

    public Instant signingTime() {
        return signingTime;
    }

    /** Builder for {@link AppearanceRequest}. */
    public static final class Builder {
        private final CertificateInfo signer;
        private final Instant signingTime;

        private Builder(CertificateInfo signer, Instant signingTime) {
            this.signer = signer;
            this.signingTime = signingTime;
        }

        public AppearanceRequest build() {
            return new AppearanceRequest(this);
        }
    }
}
