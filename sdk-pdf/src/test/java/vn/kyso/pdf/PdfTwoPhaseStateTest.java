package vn.kyso.pdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;
import vn.kyso.api.ErrorCode;
import vn.kyso.api.KysoException;
import vn.kyso.api.Language;
import vn.kyso.api.SignatureAlgorithm;
import vn.kyso.api.SignatureLevel;
import vn.kyso.api.report.Verdict;
import vn.kyso.api.report.VerificationReport;
import vn.kyso.api.token.SigningKey;
import vn.kyso.api.twophase.PreparedSignature;
import vn.kyso.api.twophase.StateKey;
import vn.kyso.api.twophase.StateKeyRing;
import vn.kyso.core.trust.TrustAnchors;
import vn.kyso.core.tsp.TimestampClient;
import vn.kyso.testkit.Sandbox;

/**
 * PAdES two-phase state, format 5: key rotation with a ring, tampering, expiry on an injected clock, and
 * what {@code complete}/{@code completeWithCms} need and the completing signer lacks (time-stamp
 * authority, trust, state key), refused before any file is written.
 */
class PdfTwoPhaseStateTest {
    static Sandbox sandbox;
    static SigningKey person1;
    static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    static final StateKey KEY1 = StateKey.generate();
    static final StateKey KEY2 = StateKey.generate();
    @TempDir
    static Path dir;
    static Path in;

    @BeforeAll
    static void start() throws Exception {
        sandbox = Sandbox.start();
        person1 = PdfTestDocuments.key(sandbox.person1());
        in = PdfTestDocuments.decision(dir.resolve("qd.pdf"));
    }

    @AfterAll
    static void stop() {
        if (sandbox != null) {
            sandbox.close();
        }
    }

    /** A signer with everything B-LTA needs, on the fixed clock. */
    private static PdfSigner.Builder full() {
        return PdfSigner.builder().trust(TrustAnchors.of(List.of(sandbox.root())))
                .timestamps(TimestampClient.builder().urls(List.of(sandbox.tsaUrl())).build()).clock(CLOCK);
    }

    private static PreparedSignature prepare(PdfSigner signer, SignatureLevel level) {
        SignatureAlgorithm alg = person1.preferredAlgorithm(vn.kyso.api.DigestAlgorithm.SHA256);
        return signer.prepare(in, sandbox.person1().chain(), alg, PdfSignatureOptions.builder().level(level)
                .algorithm(alg).build());
    }

    private static byte[] value(PreparedSignature p) {
        return person1.signDigest(p.digest(), p.algorithm());
    }

    /** The failure, and that no output (nor a temporary file beside it) was left. */
    private static KysoException failsWritingNothing(ErrorCode code, Path out, Executable e) throws Exception {
        KysoException ex = assertThrows(KysoException.class, e);
        assertEquals(code, ex.errorCode(), ex.getMessage());
        assertEquals(List.of(), files(out.getParent(), out.getFileName().toString()), "nothing written");
        return ex;
    }

    private static List<String> files(Path directory, String prefix) throws Exception {
        try (Stream<Path> s = Files.list(directory)) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.contains(prefix)).collect(Collectors.toList());
        }
    }

    private static void valid(Path out, SignatureLevel level) {
        VerificationReport rep = PdfTestDocuments.verifier(sandbox).verify(out);
        assertEquals(Verdict.VALID, rep.verdict(), rep.toString());
        assertEquals(level, rep.signatures().get(0).level());
    }

    @Test
    void preparedWithKey1CompletesWithTheRingKey2Key1AndNotWithKey2Alone() throws Exception {
        PreparedSignature p = prepare(full().stateKey(KEY1).build(), SignatureLevel.B_B);
        byte[] value = value(p);
        Path refused = dir.resolve("rotation-refused.pdf");
        KysoException e = failsWritingNothing(ErrorCode.STATE_INVALID, refused,
                () -> full().stateKeys(StateKeyRing.of(KEY2)).build().complete(p.state(), value, in, refused));
        assertEquals("[KYSO-400] The two-phase signing state is invalid or was modified: the state was sealed with"
                + " state key " + KEY1.id() + ", which the signer's key ring does not hold (it holds: " + KEY2.id()
                + ")", e.getMessage());

        Path out = dir.resolve("rotation.pdf");
        full().stateKeys(StateKeyRing.of(KEY2, KEY1)).build().complete(p.state(), value, in, out);
        valid(out, SignatureLevel.B_B);
    }

    @Test
    void aTamperedStateIsStateInvalid() throws Exception {
        PdfSigner signer = full().stateKey(KEY1).build();
        PreparedSignature p = prepare(signer, SignatureLevel.B_B);
        byte[] state = p.state();
        state[state.length - 40] ^= 0x01;
        Path out = dir.resolve("tampered.pdf");
        KysoException e = failsWritingNothing(ErrorCode.STATE_INVALID, out,
                () -> signer.complete(state, value(p), in, out));
        assertEquals("[KYSO-400] The two-phase signing state is invalid or was modified: integrity check failed",
                e.getMessage());
    }

    @Test
    void expiryFollowsTheInjectedClock() throws Exception {
        PreparedSignature p = prepare(full().stateKey(KEY1).stateLifetime(Duration.ofMinutes(2)).build(),
                SignatureLevel.B_B);
        Path late = dir.resolve("late.pdf");
        failsWritingNothing(ErrorCode.STATE_EXPIRED, late, () -> full().stateKey(KEY1)
                .clock(Clock.offset(CLOCK, Duration.ofMinutes(2).plusMillis(1))).build()
                .complete(p.state(), value(p), in, late));
        Path out = dir.resolve("in-time.pdf");
        full().stateKey(KEY1).clock(Clock.offset(CLOCK, Duration.ofMinutes(2))).build()
                .complete(p.state(), value(p), in, out);
        valid(out, SignatureLevel.B_B);
    }

    @Test
    void completingBtWithoutATimestampClientSaysSoAndWritesNothing() throws Exception {
        PreparedSignature p = prepare(full().stateKey(KEY1).build(), SignatureLevel.B_T);
        PdfSigner noTsa = PdfSigner.builder().stateKey(KEY1).clock(CLOCK).build();
        Path out = dir.resolve("no-tsa.pdf");
        KysoException e = failsWritingNothing(ErrorCode.SIGNER_SETTING_MISSING, out,
                () -> noTsa.complete(p.state(), value(p), in, out));
        assertEquals("[KYSO-107] The signer lacks a setting this needs: B-T needs a time-stamp authority, and this"
                + " signer has none: give its builder a TimestampClient (timestamps(...))", e.getMessage());
        assertEquals("[KYSO-107] Bộ ký thiếu thiết lập cần cho việc này: mức B-T cần dịch vụ cấp dấu thời gian (TSA)"
                + " nhưng bộ ký chưa được cấu hình dịch vụ này", e.message(Language.VI));

        // a whole CMS without a time-stamp: Kyso would have to add one
        byte[] cms = PdfExternalCmsTest.serviceCms(p.documentDigest(), sandbox.person1(),
                p.algorithm() == SignatureAlgorithm.RSA_PSS_SHA256 ? "SHA256withRSAandMGF1" : "SHA256withRSA", true, true);
        Path outCms = dir.resolve("no-tsa-cms.pdf");
        failsWritingNothing(ErrorCode.SIGNER_SETTING_MISSING, outCms, () -> noTsa.completeWithCms(p.state(), cms, in, outCms));
    }

    @Test
    void completingBltWithoutTrustAnchorsSaysSoAndWritesNothing() throws Exception {
        PreparedSignature p = prepare(full().stateKey(KEY1).build(), SignatureLevel.B_LT);
        PdfSigner noTrust = PdfSigner.builder().stateKey(KEY1).clock(CLOCK)
                .timestamps(TimestampClient.builder().urls(List.of(sandbox.tsaUrl())).build()).build();
        Path out = dir.resolve("no-trust.pdf");
        KysoException e = failsWritingNothing(ErrorCode.SIGNER_SETTING_MISSING, out,
                () -> noTrust.complete(p.state(), value(p), in, out));
        assertEquals("[KYSO-107] The signer lacks a setting this needs: B-LT needs trust anchors to collect validation"
                + " data up to a root, and this signer has none: give its builder trust(...)", e.getMessage());
    }

    @Test
    void completingWithoutAStateKeySaysSoAndWritesNothing() throws Exception {
        PreparedSignature p = prepare(full().stateKey(KEY1).build(), SignatureLevel.B_B);
        Path out = dir.resolve("no-key.pdf");
        KysoException e = failsWritingNothing(ErrorCode.SIGNER_SETTING_MISSING, out,
                () -> full().build().complete(p.state(), value(p), in, out));
        assertEquals("[KYSO-107] The signer lacks a setting this needs: two-phase signing needs the server's state key"
                + " (or key ring), and this signer has none: give its builder stateKey(...) or stateKeys(...)",
                e.getMessage());
    }
}
