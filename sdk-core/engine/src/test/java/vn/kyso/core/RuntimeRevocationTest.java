package vn.kyso.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.kyso.api.Language;
import vn.kyso.api.SigningResult;
import vn.kyso.api.report.RevocationStatus;
import vn.kyso.api.report.Verdict;
import vn.kyso.api.report.VerificationReport;
import vn.kyso.core.cades.CadesSignatureOptions;
import vn.kyso.core.cades.CadesSigner;
import vn.kyso.core.report.ReportWriter;
import vn.kyso.core.verify.Verifier;
import vn.kyso.testkit.Sandbox;

/** A certificate revoked after signing: its own sandbox, since the revocation changes shared state. */
class RuntimeRevocationTest {
    static Sandbox sandbox;
    @TempDir
    static Path dir;

    @BeforeAll
    static void start() {
        sandbox = Sandbox.start();
    }

    @AfterAll
    static void stop() {
        if (sandbox != null) {
            sandbox.close();
        }
    }

    @Test
    void signWhileGoodRevokeThenVerify() throws Exception {
        Path data = Fixtures.data(dir, "d.bin", 3000, 11);
        // Time through clocks, not sleeps: the signer's clock says an hour ago, the revocation is half an hour ago.
        Instant now = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        java.time.Clock anHourAgo = java.time.Clock.fixed(now.minus(java.time.Duration.ofHours(1)), java.time.ZoneOffset.UTC);
        SigningResult r = CadesSigner.builder().clock(anHourAgo).build()
                .sign(data, Fixtures.key(sandbox.person2()), CadesSignatureOptions.defaults());
        assertEquals(now.minus(java.time.Duration.ofHours(1)), r.signingTime());
        Path sig = Files.write(dir.resolve("d.p7s"), r.signed());
        VerificationReport good = Verifier.builder().trust(Fixtures.trust(sandbox)).revocation(Fixtures.online()).build()
                .verify(sig, data);
        assertEquals(Verdict.VALID, good.verdict(), () -> ReportWriter.text(good, Language.EN));
        assertEquals(RevocationStatus.GOOD, good.signatures().get(0).revocation());

        sandbox.revoke(sandbox.person2(), now.minus(java.time.Duration.ofMinutes(30)));
        VerificationReport revoked = Verifier.builder().trust(Fixtures.trust(sandbox)).revocation(Fixtures.online()).build()
                .verify(sig, data);
        // Signed (by its own claim) before the revocation, but nothing proves it: INDETERMINATE, not INVALID.
        assertEquals(Verdict.INDETERMINATE, revoked.verdict(), () -> ReportWriter.text(revoked, Language.EN));
        assertEquals(RevocationStatus.REVOKED, revoked.signatures().get(0).revocation());
        assertEquals(vn.kyso.api.report.SubIndication.REVOKED_NO_POE, revoked.signatures().get(0).subIndication());
    }
}
