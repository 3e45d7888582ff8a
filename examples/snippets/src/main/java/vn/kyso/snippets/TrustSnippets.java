package vn.kyso.snippets;

import java.nio.file.Path;
import java.util.List;
import vn.kyso.core.trust.TrustAnchors;
import vn.kyso.core.verify.Verifier;

/** GETTING-STARTED, trust: the Vietnamese roots (pinned) and your own roots. */
public final class TrustSnippets {

    private TrustSnippets() {
    }

    // tag::trust[]
    static Verifier verifierTrusting(Path vietnamCertificates, Path ownRootPem) {
        TrustAnchors vietnam = TrustAnchors.vietnam(vietnamCertificates);      // only pinned certificates count
        TrustAnchors ours = TrustAnchors.fromFiles(List.of(ownRootPem));       // e.g. your organisation's own CA
        return Verifier.builder().trust(vietnam.plus(ours)).build();
    }
    // end::trust[]
}
