package vn.kyso.core.spi;

import java.time.Clock;
import vn.kyso.core.revocation.RevocationOptions;
import vn.kyso.core.trust.TrustAnchors;

/**
 * What a {@link DocumentVerifier} needs to judge signatures: the trust anchors, how to obtain
 * revocation status, and the clock giving the validation time. Format modules build their DSS
 * certificate verifier from it with {@code vn.kyso.core.internal.DssValidation#certificateVerifier},
 * which reuses the network sources (and their response cache) of the calling {@code Verifier}.
 */
public interface ValidationContext {
    /**
     * {@return the trust anchors of the calling verifier}
     */
    TrustAnchors trust();

    /**
     * {@return how revocation data is fetched}
     */
    RevocationOptions revocation();

    /**
     * {@return the clock of the validation time}
     */
    Clock clock();
}
