package vn.kyso.xml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
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
import vn.kyso.core.tsp.TimestampClient;
import vn.kyso.testkit.Sandbox;

/**
 * XAdES/XMLDSig two-phase state, format 5: key rotation with a ring, tampering, expiry on an injected
 * clock, and what {@code complete} needs and the completing signer lacks (time-stamp authority, trust,
 * state key), refused before any file is written.
 */
class XmlTwoPhaseStateTest {
    static Sandbox sandbox;
    static SigningKey seller;
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
        seller = XmlFixtures.key(sandbox.person1());
        in = Files.writeString(dir.resolve("hoa-don.xml"), XmlFixtures.invoice("data", "Công ty B"), StandardCharsets.UTF_8);
    }

    @AfterAll
    static void stop() {
        if (sandbox != null) {
            sandbox.close();
        }
    }

    /** A signer with everything B-LTA needs, on the fixed clock. */
    private static XmlSigner.Builder full() {
        return XmlSigner.builder().trust(XmlFixtures.trust(sandbox)).revocation(XmlFixtures.online())
                .timestamps(TimestampClient.builder().urls(List.of(sandbox.tsaUrl())).build()).clock(CLOCK);
    }

    private static PreparedSignature prepare(XmlSigner signer, XmlSignatureOptions.Format format, SignatureLevel level) {
        XmlSignatureOptions.Builder o = XmlSignatureOptions.builder().format(format).elementId("data")
                .signatureParent("/HDon/DSCKS/NBan");
        if (format == XmlSignatureOptions.Format.XADES) {
            o.level(level);
        } else {
            o.signingTimeProperty(true); // what the e-invoice profile asks of an XMLDSig signature
        }
        return signer.prepare(in, seller.chain(), SignatureAlgorithm.RSA_SHA256, o.algorithm(SignatureAlgorithm.RSA_SHA256).build());
    }

    private static byte[] value(PreparedSignature p) {
        return seller.signDigest(p.digest(), p.algorithm());
    }

    /** The failure, and that no output (nor a temporary file beside it) was left. */
    private static KysoException failsWritingNothing(ErrorCode code, Path out, Executable e) throws Exception {
        KysoException ex = assertThrows(KysoException.class, e);
        assertEquals(code, ex.errorCode(), ex.getMessage());
        try (Stream<Path> s = Files.list(out.getParent())) {
            assertEquals(List.of(), s.map(p -> p.getFileName().toString())
                    .filter(n -> n.contains(out.getFileName().toString())).collect(Collectors.toList()), "nothing written");
        }
        return ex;
    }

    private static void valid(Path out) throws Exception {
        VerificationReport v = XmlFixtures.verifier(sandbox).verify(Files.readAllBytes(out));
        assertEquals(Verdict.VALID, v.verdict(), XmlVerifyTest.describe(v));
    }

    @Test
    void preparedWithKey1CompletesWithTheRingKey2Key1AndNotWithKey2Alone() throws Exception {
        for (XmlSignatureOptions.Format format : XmlSignatureOptions.Format.values()) {
            PreparedSignature p = prepare(full().stateKey(KEY1).build(), format, SignatureLevel.B_B);
            byte[] value = value(p);
            Path refused = dir.resolve("rotation-refused-" + format + ".xml");
            KysoException e = failsWritingNothing(ErrorCode.STATE_INVALID, refused,
                    () -> full().stateKeys(StateKeyRing.of(KEY2)).build().complete(p.state(), value, in, refused));
            assertEquals("[KYSO-400] The two-phase signing state is invalid or was modified: the state was sealed with"
                    + " state key " + KEY1.id() + ", which the signer's key ring does not hold (it holds: " + KEY2.id()
                    + ")", e.getMessage());
            Path out = dir.resolve("rotation-" + format + ".xml");
            full().stateKeys(StateKeyRing.of(KEY2, KEY1)).build().complete(p.state(), value, in, out);
            valid(out);
        }
    }

    @Test
    void aTamperedStateIsStateInvalid() throws Exception {
        XmlSigner signer = full().stateKey(KEY1).build();
        PreparedSignature p = prepare(signer, XmlSignatureOptions.Format.XADES, SignatureLevel.B_B);
        byte[] state = p.state();
        state[state.length - 40] ^= 0x01;
        Path out = dir.resolve("tampered.xml");
        KysoException e = failsWritingNothing(ErrorCode.STATE_INVALID, out, () -> signer.complete(state, value(p), in, out));
        assertEquals("[KYSO-400] The two-phase signing state is invalid or was modified: integrity check failed",
                e.getMessage());
    }

    @Test
    void expiryFollowsTheInjectedClock() throws Exception {
        PreparedSignature p = prepare(full().stateKey(KEY1).stateLifetime(Duration.ofMinutes(3)).build(),
                XmlSignatureOptions.Format.XADES, SignatureLevel.B_B);
        Path late = dir.resolve("late.xml");
        failsWritingNothing(ErrorCode.STATE_EXPIRED, late, () -> full().stateKey(KEY1)
                .clock(Clock.offset(CLOCK, Duration.ofMinutes(3).plusMillis(1))).build()
                .complete(p.state(), value(p), in, late));
        Path out = dir.resolve("in-time.xml");
        full().stateKey(KEY1).clock(Clock.offset(CLOCK, Duration.ofMinutes(3))).build()
                .complete(p.state(), value(p), in, out);
        valid(out);
    }

    @Test
    void completingBtWithoutATimestampClientSaysSoAndWritesNothing() throws Exception {
        PreparedSignature p = prepare(full().stateKey(KEY1).build(), XmlSignatureOptions.Format.XADES, SignatureLevel.B_T);
        XmlSigner noTsa = XmlSigner.builder().stateKey(KEY1).clock(CLOCK).build();
        Path out = dir.resolve("no-tsa.xml");
        KysoException e = failsWritingNothing(ErrorCode.SIGNER_SETTING_MISSING, out,
                () -> noTsa.complete(p.state(), value(p), in, out));
        assertEquals("[KYSO-107] The signer lacks a setting this needs: B-T needs a time-stamp authority, and this"
                + " signer has none: give its builder a TimestampClient (timestamps(...))", e.getMessage());
        assertEquals("[KYSO-107] Bộ ký thiếu thiết lập cần cho việc này: mức B-T cần dịch vụ cấp dấu thời gian (TSA)"
                + " nhưng bộ ký chưa được cấu hình dịch vụ này", e.message(Language.VI));
        // the document is not even read to say so
        failsWritingNothing(ErrorCode.SIGNER_SETTING_MISSING, out,
                () -> noTsa.complete(p.state(), value(p), dir.resolve("absent.xml"), out));
    }

    @Test
    void completingBltWithoutTrustAnchorsSaysSoAndWritesNothing() throws Exception {
        PreparedSignature p = prepare(full().stateKey(KEY1).build(), XmlSignatureOptions.Format.XADES, SignatureLevel.B_LT);
        XmlSigner noTrust = XmlSigner.builder().stateKey(KEY1).clock(CLOCK)
                .timestamps(TimestampClient.builder().urls(List.of(sandbox.tsaUrl())).build()).build();
        Path out = dir.resolve("no-trust.xml");
        KysoException e = failsWritingNothing(ErrorCode.SIGNER_SETTING_MISSING, out,
                () -> noTrust.complete(p.state(), value(p), in, out));
        assertEquals("[KYSO-107] The signer lacks a setting this needs: B-LT needs trust anchors to collect validation"
                + " data up to a root, and this signer has none: give its builder trust(...)", e.getMessage());
    }

    @Test
    void completingWithoutAStateKeySaysSoAndWritesNothing() throws Exception {
        PreparedSignature p = prepare(full().stateKey(KEY1).build(), XmlSignatureOptions.Format.XMLDSIG, SignatureLevel.NONE);
        Path out = dir.resolve("no-key.xml");
        KysoException e = failsWritingNothing(ErrorCode.SIGNER_SETTING_MISSING, out,
                () -> full().build().complete(p.state(), value(p), in, out));
        assertEquals("[KYSO-107] The signer lacks a setting this needs: two-phase signing needs the server's state key"
                + " (or key ring), and this signer has none: give its builder stateKey(...) or stateKeys(...)",
                e.getMessage());
        assertEquals(ErrorCode.SIGNER_SETTING_MISSING, assertThrows(KysoException.class,
                () -> full().build().complete(p.state(), value(p), Files.readAllBytes(in))).errorCode());
    }
}
