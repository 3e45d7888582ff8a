package vn.kyso.snippets;

import java.nio.file.Path;
import java.util.List;
import vn.kyso.api.Language;
import vn.kyso.core.trust.TrustAnchors;
import vn.kyso.core.verify.Verifier;

/** GETTING-STARTED, trust: the Vietnamese roots (pinned) and your own roots. */
public final class TrustSnippets {

    private TrustSnippets() {
    }

    // tag::trust[]
    static Verifier verifierTrusting(Path ownRootPem) {
        TrustAnchors vietnam = TrustAnchors.vietnam();                      // shipped in kyso-core, pinned
        TrustAnchors ours = TrustAnchors.fromFiles(List.of(ownRootPem));    // e.g. your organisation's own CA
        TrustAnchors trust = vietnam.plus(ours);
        System.out.println(trust.describe(Language.EN));                    // what a report was judged against
        return Verifier.builder().trust(trust).build();
    }
    // end::trust[]
}
