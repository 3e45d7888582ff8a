package vn.kyso.snippets;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import vn.kyso.api.SignatureLevel;
import vn.kyso.api.SigningResult;
import vn.kyso.api.report.VerificationReport;
import vn.kyso.api.token.Token;
import vn.kyso.api.token.Tokens;
import vn.kyso.core.cades.CadesSignatureOptions;
import vn.kyso.core.cades.CadesSigner;
import vn.kyso.core.trust.TrustAnchors;
import vn.kyso.core.tsp.TimestampClient;
import vn.kyso.core.verify.Verifier;

/** README.md: sign any file with a PKCS#12 key (CAdES B-T, detached .p7s) and verify it. */
public final class QuickStart {

    private QuickStart() {
    }

    // tag::readme[]
    static VerificationReport signAndVerify(Path p12, char[] password, String tsaUrl, Path ownRoot, Path document) {
        TrustAnchors trust = TrustAnchors.vietnam()                    // built in: VN roots and CAs, pinned by SHA-256
                .plus(TrustAnchors.fromFiles(List.of(ownRoot)));       // another CA's root, added explicitly
        CadesSigner signer = CadesSigner.builder()
                .timestamps(TimestampClient.builder().url(tsaUrl).build())
                .trust(trust).build();
        Path signature = document.resolveSibling(document.getFileName() + ".p7s");
        try (Token token = Tokens.pkcs12(p12, password)) {
            SigningResult r = signer.sign(document, signature, token.firstKey(),
                    CadesSignatureOptions.builder().level(SignatureLevel.B_T).build());
            System.out.println(r.algorithm().displayName());           // RSASSA-PSS with SHA-256
        } finally {
            Arrays.fill(password, '\0');                                // the password is wiped after use
        }
        Verifier verifier = Verifier.builder().trust(trust).build();     // build once, share: thread-safe
        return verifier.verify(signature, document);                    // report.verdict(): VALID, ...
    }
    // end::readme[]
}
