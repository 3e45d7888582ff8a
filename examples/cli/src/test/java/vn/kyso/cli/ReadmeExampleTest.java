package vn.kyso.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.kyso.api.SignatureAlgorithm;
import vn.kyso.api.SignatureLevel;
import vn.kyso.api.SigningResult;
import vn.kyso.api.report.Verdict;
import vn.kyso.api.report.VerificationReport;
import vn.kyso.api.token.Token;
import vn.kyso.api.token.Tokens;
import vn.kyso.core.cades.CadesSignatureOptions;
import vn.kyso.core.cades.CadesSigner;
import vn.kyso.core.trust.TrustAnchors;
import vn.kyso.core.tsp.TimestampClient;
import vn.kyso.core.verify.Verifier;
import vn.kyso.testkit.Sandbox;

/**
 * The README's Java example, line for line, with the sandbox standing in for the real trust
 * directory, TSA and key file: if the README drifts from the API, this stops compiling or fails.
 */
class ReadmeExampleTest {

    @Test
    void theReadmeExampleSignsAndVerifies(@TempDir Path dir) throws Exception {
        try (Sandbox sandbox = Sandbox.start()) {
            Path document = Files.write(dir.resolve("quyet-dinh.pdf"), "%PDF-1.7 mẫu".getBytes(StandardCharsets.UTF_8));
            Path p12 = sandbox.person1().writePkcs12(dir.resolve("nguyen-van-an.p12"), Sandbox.PASSWORD.toCharArray());

            TrustAnchors trust = TrustAnchors.of(List.of(sandbox.root()));      // README: TrustAnchors.vietnam()
            CadesSigner signer = CadesSigner.builder()
                    .timestamps(TimestampClient.builder().urls(List.of(sandbox.tsaUrl())).build())
                    .trust(trust).build();
            char[] password = Sandbox.PASSWORD.toCharArray();
            SigningResult r;
            try (Token token = Tokens.pkcs12(p12, password)) {
                r = signer.sign(document, dir.resolve("quyet-dinh.pdf.p7s"),
                        token.firstKey(), CadesSignatureOptions.builder().level(SignatureLevel.B_T).build());
            } finally {
                Arrays.fill(password, '\0');
            }
            assertEquals(SignatureAlgorithm.RSA_PSS_SHA256, r.algorithm());
            assertEquals("RSASSA-PSS with SHA-256", r.algorithm().displayName());
            VerificationReport report = Verifier.builder().trust(trust).build()
                    .verify(dir.resolve("quyet-dinh.pdf.p7s"), document);
            assertEquals(Verdict.VALID, report.verdict());
        }
    }
}
