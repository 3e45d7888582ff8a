package vn.kyso.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;
import vn.kyso.api.ErrorCode;
import vn.kyso.api.KysoException;
import vn.kyso.api.Language;
import vn.kyso.api.SignatureLevel;
import vn.kyso.api.SigningResult;
import vn.kyso.api.event.SigningEvent;
import vn.kyso.api.report.Verdict;
import vn.kyso.api.report.VerificationReport;
import vn.kyso.api.token.SigningKey;
import vn.kyso.api.twophase.PreparedSignature;
import vn.kyso.api.twophase.StateKey;
import vn.kyso.api.twophase.StateKeyRing;
import vn.kyso.core.cades.CadesSignatureOptions;
import vn.kyso.core.cades.CadesSigner;
import vn.kyso.core.report.ReportWriter;
import vn.kyso.core.verify.Verifier;
import vn.kyso.testkit.Sandbox;

/**
 * CAdES two-phase state, format 5: key rotation with a ring, tampering, expiry on an injected clock, and
 * what {@code complete} needs and the completing signer lacks (time-stamp authority, trust, state key).
 */
class TwoPhaseStateTest {
    static Sandbox sandbox;
    static SigningKey person1;
    static Verifier verifier;
    static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    static final StateKey KEY1 = StateKey.generate();
    static final StateKey KEY2 = StateKey.generate();
    @TempDir
    static Path dir;
    static Path data;

    @BeforeAll
    static void start() throws Exception {
        sandbox = Sandbox.start();
        person1 = Fixtures.key(sandbox.person1());
        verifier = Verifier.builder().trust(Fixtures.trust(sandbox)).revocation(Fixtures.online()).build();
        data = Fixtures.data(dir, "state.bin", 3000, 31);
    }

    @AfterAll
    static void stop() {
        if (sandbox != null) {
            sandbox.close();
        }
    }

    /** A signer with everything B-LTA needs, on the fixed clock. */
    private static CadesSigner.Builder full() {
        return CadesSigner.builder().timestamps(Fixtures.tsa(sandbox)).trust(Fixtures.trust(sandbox))
                .revocation(Fixtures.online()).clock(CLOCK);
    }

    private static PreparedSignature prepare(CadesSigner signer, SignatureLevel level) {
        return signer.prepare(data, sandbox.person1().chain(), person1.preferredAlgorithm(CadesSignatureOptions.defaults().digest()),
                CadesSignatureOptions.builder().level(level).build());
    }

    private static byte[] value(PreparedSignature p) {
        return person1.signDigest(p.digest(), p.algorithm());
    }

    private static KysoException fails(ErrorCode code, Executable e) {
        KysoException ex = assertThrows(KysoException.class, e);
        assertEquals(code, ex.errorCode(), ex.getMessage());
        return ex;
    }

    private void valid(SigningResult r, SignatureLevel level) throws Exception {
        assertEquals(level, r.level());
        Path sig = Files.write(Files.createTempFile(dir, "sig", ".p7s"), r.signed());
        VerificationReport rep = verifier.verify(sig, data);
        assertEquals(Verdict.VALID, rep.verdict(), () -> ReportWriter.text(rep, Language.EN));
        assertEquals(level, rep.signatures().get(0).level());
    }

    @Test
    void preparedWithKey1CompletesWithTheRingKey2Key1AndNotWithKey2Alone() throws Exception {
        PreparedSignature p = prepare(full().stateKey(KEY1).build(), SignatureLevel.B_B);
        byte[] value = value(p);
        CadesSigner rotated = full().stateKeys(StateKeyRing.of(KEY2, KEY1)).build();
        valid(rotated.complete(p.state(), value, data), SignatureLevel.B_B);

        KysoException e = fails(ErrorCode.STATE_INVALID,
                () -> full().stateKeys(StateKeyRing.of(KEY2)).build().complete(p.state(), value, data));
        assertEquals("[KYSO-400] The two-phase signing state is invalid or was modified: the state was sealed with"
                + " state key " + KEY1.id() + ", which the signer's key ring does not hold (it holds: " + KEY2.id()
                + ")", e.getMessage());

        // what the rotated signer prepares now is sealed with key 2, which a signer with key 1 only lacks
        PreparedSignature p2 = prepare(rotated, SignatureLevel.B_B);
        valid(full().stateKey(KEY2).build().complete(p2.state(), value(p2), data), SignatureLevel.B_B);
        KysoException e2 = fails(ErrorCode.STATE_INVALID,
                () -> full().stateKey(KEY1).build().complete(p2.state(), value(p2), data));
        assertEquals(true, e2.getMessage().contains("state key " + KEY2.id() + ","), e2.getMessage());
    }

    @Test
    void aTamperedStateIsStateInvalid() {
        CadesSigner signer = full().stateKey(KEY1).build();
        PreparedSignature p = prepare(signer, SignatureLevel.B_B);
        byte[] value = value(p);
        byte[] state = p.state();
        state[state.length - 40] ^= 0x01; // a field, under the MAC
        KysoException e = fails(ErrorCode.STATE_INVALID, () -> signer.complete(state, value, data));
        assertEquals("[KYSO-400] The two-phase signing state is invalid or was modified: integrity check failed",
                e.getMessage());
        byte[] pdf = p.state();
        fails(ErrorCode.STATE_INVALID, () -> signer.complete(java.util.Arrays.copyOf(pdf, pdf.length - 1), value, data));
    }

    @Test
    void expiryFollowsTheInjectedClock() throws Exception {
        PreparedSignature p = prepare(full().stateKey(KEY1).stateLifetime(Duration.ofMinutes(5)).build(),
                SignatureLevel.B_B);
        byte[] value = value(p);
        Clock last = Clock.offset(CLOCK, Duration.ofMinutes(5));
        Clock late = Clock.offset(CLOCK, Duration.ofMinutes(5).plusMillis(1));
        fails(ErrorCode.STATE_EXPIRED, () -> full().clock(late).stateKey(KEY1).build().complete(p.state(), value, data));
        valid(full().clock(last).stateKey(KEY1).build().complete(p.state(), value, data), SignatureLevel.B_B);
    }

    @Test
    void completingBtWithoutATimestampClientSaysSoBeforeAnythingIsMade() {
        PreparedSignature p = prepare(full().stateKey(KEY1).build(), SignatureLevel.B_T);
        List<SigningEvent> events = new ArrayList<>();
        CadesSigner noTsa = CadesSigner.builder().stateKey(KEY1).clock(CLOCK).listener(events::add).build();
        KysoException e = fails(ErrorCode.SIGNER_SETTING_MISSING, () -> noTsa.complete(p.state(), value(p), data));
        assertEquals("[KYSO-107] The signer lacks a setting this needs: B-T needs a time-stamp authority, and this"
                + " signer has none: give its builder a TimestampClient (timestamps(...))", e.getMessage());
        assertEquals("[KYSO-107] Bộ ký thiếu thiết lập cần cho việc này: mức B-T cần dịch vụ cấp dấu thời gian (TSA)"
                + " nhưng bộ ký chưa được cấu hình dịch vụ này", e.message(Language.VI));
        assertEquals(1, events.size());
        assertEquals(SigningEvent.Outcome.FAILURE, events.get(0).outcome());
        // the data is not even needed to say so
        fails(ErrorCode.SIGNER_SETTING_MISSING, () -> noTsa.complete(p.state(), value(p), dir.resolve("absent.bin")));
    }

    @Test
    void completingBltWithoutTrustAnchorsSaysSo() {
        PreparedSignature p = prepare(full().stateKey(KEY1).build(), SignatureLevel.B_LT);
        CadesSigner noTrust = CadesSigner.builder().timestamps(Fixtures.tsa(sandbox)).stateKey(KEY1).clock(CLOCK).build();
        KysoException e = fails(ErrorCode.SIGNER_SETTING_MISSING, () -> noTrust.complete(p.state(), value(p), data));
        assertEquals("[KYSO-107] The signer lacks a setting this needs: B-LT needs trust anchors to collect validation"
                + " data up to a root, and this signer has none: give its builder trust(...)", e.getMessage());
        assertEquals("[KYSO-107] Bộ ký thiếu thiết lập cần cho việc này: mức B-LT cần các chứng thư gốc tin cậy để thu"
                + " thập dữ liệu kiểm tra chứng thư đến tận gốc, nhưng bộ ký chưa có", e.message(Language.VI));
    }

    @Test
    void completingWithoutAStateKeySaysSo() {
        PreparedSignature p = prepare(full().stateKey(KEY1).build(), SignatureLevel.B_B);
        KysoException e = fails(ErrorCode.SIGNER_SETTING_MISSING,
                () -> full().build().complete(p.state(), value(p), data));
        assertEquals("[KYSO-107] The signer lacks a setting this needs: two-phase signing needs the server's state key"
                + " (or key ring), and this signer has none: give its builder stateKey(...) or stateKeys(...)",
                e.getMessage());
        assertEquals("[KYSO-107] Bộ ký thiếu thiết lập cần cho việc này: ký hai bước cần khóa trạng thái (hoặc bộ khóa"
                + " trạng thái) của máy chủ, nhưng bộ ký chưa có", e.message(Language.VI));
        fails(ErrorCode.SIGNER_SETTING_MISSING, () -> full().build().prepare(data, sandbox.person1().chain(),
                p.algorithm(), CadesSignatureOptions.defaults()));
    }

    @Test
    void completingAtBltaWithEverythingWorks() throws Exception {
        PreparedSignature p = prepare(full().stateKey(KEY1).build(), SignatureLevel.B_LTA);
        valid(full().stateKeys(StateKeyRing.of(KEY2, KEY1)).build().complete(p.state(), value(p), data),
                SignatureLevel.B_LTA);
    }
}
