package vn.kyso.api.spi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import vn.kyso.api.ErrorCode;
import vn.kyso.api.KysoException;
import vn.kyso.api.Language;
import vn.kyso.api.twophase.StateKey;
import vn.kyso.api.twophase.StateKeyRing;

class SealedStateTest {
    static final Instant NOW = Instant.parse("2025-08-15T03:00:00Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    static final byte[] SECRET = bytes(32, 7);
    static final StateKey KEY = StateKey.of(SECRET);
    static final Duration LIFETIME = Duration.ofMinutes(10);

    static byte[] bytes(int n, int seed) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) (seed + 31 * i);
        }
        return b;
    }

    static byte[] sample() {
        return SealedState.builder("cades")
                .put("digest", bytes(32, 1))
                .put("signer", "Nguyễn Văn Ánh — CCCD:001085012345")
                .put("time", 1755226800000L)
                .put("empty", new byte[0])
                .seal(KEY, LIFETIME, CLOCK);
    }

    /** HMAC-SHA256, computed here independently of the code under test. */
    static byte[] hmac(byte[] secret, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return mac.doFinal(data);
        } catch (java.security.GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }

    static KysoException fails(ErrorCode code, Executable e) {
        KysoException ex = assertThrows(KysoException.class, e);
        assertEquals(code, ex.errorCode(), ex.getMessage());
        return ex;
    }

    @Test
    void roundTripOfEveryFieldType() {
        SealedState s = SealedState.open(sample(), KEY, "cades", CLOCK);
        assertEquals("cades", s.kind());
        assertArrayEquals(bytes(32, 1), s.bytes("digest"));
        assertEquals("Nguyễn Văn Ánh — CCCD:001085012345", s.string("signer"));
        assertEquals(1755226800000L, s.number("time"));
        assertArrayEquals(new byte[0], s.bytes("empty"));
        assertTrue(s.has("digest"));
        assertFalse(s.has("nothing"));
    }

    @Test
    void emptyStateAndLargeValuesRoundTrip() {
        byte[] sealed = SealedState.builder("").seal(KEY, LIFETIME, CLOCK);
        assertEquals("", SealedState.open(sealed, KEY, "", CLOCK).kind());
        byte[] big = bytes(200_000, 3);
        byte[] s2 = SealedState.builder("pades").put("doc", big).put("n", Long.MIN_VALUE).seal(KEY, LIFETIME, CLOCK);
        SealedState st = SealedState.open(s2, KEY, "pades", CLOCK);
        assertArrayEquals(big, st.bytes("doc"));
        assertEquals(Long.MIN_VALUE, st.number("n"));
    }

    @Test
    void returnedBytesAreCopies() {
        byte[] value = bytes(8, 9);
        SealedState.Builder b = SealedState.builder("cades").put("v", value);
        value[0] ^= 1; // changing the caller's array after put does not change the state
        SealedState s = SealedState.open(b.seal(KEY, LIFETIME, CLOCK), KEY, "cades", CLOCK);
        byte[] got = s.bytes("v");
        assertArrayEquals(bytes(8, 9), got);
        got[0] ^= 1;
        assertArrayEquals(bytes(8, 9), s.bytes("v"));
    }

    @Test
    void missingOrMistypedFieldIsStateInvalid() {
        SealedState s = SealedState.open(sample(), KEY, "cades", CLOCK);
        fails(ErrorCode.STATE_INVALID, () -> s.bytes("nothing"));
        fails(ErrorCode.STATE_INVALID, () -> s.string("nothing"));
        fails(ErrorCode.STATE_INVALID, () -> s.number("nothing"));
        fails(ErrorCode.STATE_INVALID, () -> s.number("digest"));
        fails(ErrorCode.STATE_INVALID, () -> s.number("empty"));
    }

    @Test
    void everyFlippedBitAnywhereIsStateInvalid() {
        byte[] sealed = sample();
        for (int i = 0; i < sealed.length; i++) {
            for (int bit = 0; bit < 8; bit++) {
                byte[] m = sealed.clone();
                m[i] ^= (byte) (1 << bit);
                int pos = i;
                KysoException e = fails(ErrorCode.STATE_INVALID, () -> SealedState.open(m, KEY, "cades", CLOCK));
                assertTrue(e.getMessage().startsWith("[KYSO-400]"), "byte " + pos);
            }
        }
    }

    @Test
    void truncatedOrExtendedIsStateInvalid() {
        byte[] sealed = sample();
        for (int len = 0; len < sealed.length; len++) {
            byte[] m = Arrays.copyOf(sealed, len);
            fails(ErrorCode.STATE_INVALID, () -> SealedState.open(m, KEY, "cades", CLOCK));
        }
        fails(ErrorCode.STATE_INVALID, () -> SealedState.open(Arrays.copyOf(sealed, sealed.length + 1), KEY, "cades", CLOCK));
        fails(ErrorCode.INVALID_ARGUMENT, () -> SealedState.open(null, KEY, "cades", CLOCK));
    }

    @Test
    void anotherKeyIsStateInvalid() {
        fails(ErrorCode.STATE_INVALID, () -> SealedState.open(sample(), StateKey.of(bytes(32, 8)), "cades", CLOCK));
        fails(ErrorCode.STATE_INVALID, () -> SealedState.open(sample(), StateKey.generate(), "cades", CLOCK));
        byte[] lastByte = bytes(32, 7);
        lastByte[31] ^= 1;
        fails(ErrorCode.STATE_INVALID, () -> SealedState.open(sample(), StateKey.of(lastByte), "cades", CLOCK));
        byte[] longer = Arrays.copyOf(bytes(32, 7), 33);
        longer[32] = 1;
        fails(ErrorCode.STATE_INVALID, () -> SealedState.open(sample(), StateKey.of(longer), "cades", CLOCK));
        // HMAC pads keys shorter than its block with zeros: K and K||00 are the same HMAC key (RFC 2104).
        // Harmless (both must be known), but keys should come from generate()/toBase64(), not be padded.
        byte[] zeroPadded = Arrays.copyOf(bytes(32, 7), 33);
        assertEquals("cades", SealedState.open(sample(), StateKey.of(zeroPadded), "cades", CLOCK).kind());
    }

    @Test
    void anotherKindIsStateInvalid() {
        KysoException e = fails(ErrorCode.STATE_INVALID, () -> SealedState.open(sample(), KEY, "pades", CLOCK));
        assertTrue(e.getMessage().contains("pades"), e.getMessage());
        fails(ErrorCode.STATE_INVALID, () -> SealedState.open(sample(), KEY, "CAdES", CLOCK));
        fails(ErrorCode.INVALID_ARGUMENT, () -> SealedState.open(sample(), KEY, null, CLOCK));
    }

    @Test
    void expiryFollowsTheClock() {
        byte[] sealed = sample();
        Instant expiry = NOW.plus(LIFETIME);
        assertEquals("cades", SealedState.open(sealed, KEY, "cades", Clock.fixed(expiry, ZoneOffset.UTC)).kind());
        fails(ErrorCode.STATE_EXPIRED, () -> SealedState.open(sealed, KEY, "cades",
                Clock.fixed(expiry.plusMillis(1), ZoneOffset.UTC)));
        fails(ErrorCode.STATE_EXPIRED, () -> SealedState.open(sealed, KEY, "cades",
                Clock.offset(CLOCK, Duration.ofDays(1))));
        // opening before sealing time (clock skew between servers) is fine
        assertEquals("cades", SealedState.open(sealed, KEY, "cades", Clock.offset(CLOCK, Duration.ofMinutes(-5))).kind());
    }

    @Test
    void expiredAndTamperedIsStateInvalidNotExpired() {
        byte[] m = sample();
        m[m.length - 1] ^= 1;
        fails(ErrorCode.STATE_INVALID, () -> SealedState.open(m, KEY, "cades", Clock.offset(CLOCK, Duration.ofDays(1))));
    }

    @Test
    void zeroLifetimeIsValidOnlyAtTheSameMillisecond() {
        byte[] sealed = SealedState.builder("x").seal(KEY, Duration.ZERO, CLOCK);
        assertEquals("x", SealedState.open(sealed, KEY, "x", CLOCK).kind());
        fails(ErrorCode.STATE_EXPIRED, () -> SealedState.open(sealed, KEY, "x", Clock.offset(CLOCK, Duration.ofMillis(1))));
    }

    @Test
    void sealingIsDeterministicForTheSameInputs() {
        assertArrayEquals(sample(), sample());
    }

    @Test
    void stateDoesNotContainTheKey() {
        byte[] sealed = sample();
        byte[] secret = bytes(32, 7);
        for (int i = 0; i + secret.length <= sealed.length; i++) {
            assertFalse(Arrays.equals(secret, Arrays.copyOfRange(sealed, i, i + secret.length)));
        }
        assertTrue(new String(sealed, StandardCharsets.UTF_8).contains("Nguyễn"),
                "fields are integrity-protected, not encrypted: do not put secrets in a state");
    }

    @Test
    void nullArgumentsAreInvalidArgumentNamingThem() {
        KysoException e = fails(ErrorCode.INVALID_ARGUMENT, () -> SealedState.open(sample(), (StateKey) null, "cades", CLOCK));
        assertTrue(e.getMessage().contains("key"), e.getMessage());
        e = fails(ErrorCode.INVALID_ARGUMENT, () -> SealedState.open(sample(), (StateKeyRing) null, "cades", CLOCK));
        assertTrue(e.getMessage().contains("keys"), e.getMessage());
        fails(ErrorCode.INVALID_ARGUMENT, () -> SealedState.open(sample(), KEY, "cades", null));
        fails(ErrorCode.INVALID_ARGUMENT, () -> SealedState.builder(null));
        fails(ErrorCode.INVALID_ARGUMENT, () -> SealedState.builder("x").put("a", (byte[]) null));
        fails(ErrorCode.INVALID_ARGUMENT, () -> SealedState.builder("x").seal((StateKeyRing) null, LIFETIME, CLOCK));
        fails(ErrorCode.INVALID_ARGUMENT, () -> SealedState.builder("x").seal(KEY, null, CLOCK));
    }

    @Test
    void layoutIsFormat5NamingTheKeyThenAnHmacOfEverythingBefore() {
        byte[] sealed = sample();
        assertArrayEquals(new byte[] {'K', 'Y', 'S', 'O', 5}, Arrays.copyOf(sealed, 5));
        assertEquals(KEY.id(), new String(sealed, 5, 16, StandardCharsets.US_ASCII));
        byte[] body = Arrays.copyOf(sealed, sealed.length - 32);
        assertArrayEquals(hmac(SECRET, body), Arrays.copyOfRange(sealed, body.length, sealed.length));
        assertEquals(KEY.id(), SealedState.open(sealed, KEY, "cades", CLOCK).keyId());
    }

    @Test
    void theNewestKeyOfARingSealsAndEveryKeyOpensWhatItSealed() {
        StateKey key1 = StateKey.of(bytes(32, 11));
        StateKey key2 = StateKey.of(bytes(32, 12));
        byte[] byKey1 = SealedState.builder("cades").put("a", 1L).seal(key1, LIFETIME, CLOCK);
        StateKeyRing rotated = StateKeyRing.of(key2, key1);
        byte[] byRing = SealedState.builder("cades").put("a", 2L).seal(rotated, LIFETIME, CLOCK);
        assertEquals(key2.id(), new String(byRing, 5, 16, StandardCharsets.US_ASCII), "the newest key seals");
        assertEquals(1L, SealedState.open(byKey1, rotated, "cades", CLOCK).number("a"));
        assertEquals(key1.id(), SealedState.open(byKey1, rotated, "cades", CLOCK).keyId());
        assertEquals(2L, SealedState.open(byRing, rotated, "cades", CLOCK).number("a"));
        assertEquals(2L, SealedState.open(byRing, key2, "cades", CLOCK).number("a"));
    }

    @Test
    void aKeyTheRingDoesNotHoldIsStateInvalidNamingItsId() {
        StateKey key1 = StateKey.of(bytes(32, 11));
        StateKey key2 = StateKey.of(bytes(32, 12));
        byte[] byKey1 = SealedState.builder("cades").seal(key1, LIFETIME, CLOCK);
        KysoException e = fails(ErrorCode.STATE_INVALID,
                () -> SealedState.open(byKey1, StateKeyRing.of(key2), "cades", CLOCK));
        assertEquals("[KYSO-400] The two-phase signing state is invalid or was modified: the state was sealed with"
                + " state key " + key1.id() + ", which the signer's key ring does not hold (it holds: " + key2.id()
                + ")", e.getMessage());
        assertEquals("[KYSO-400] Trạng thái ký hai bước không hợp lệ hoặc đã bị sửa đổi: trạng thái được niêm phong"
                + " bằng khóa trạng thái " + key1.id() + ", khóa này không có trong bộ khóa của bộ ký (có các khóa: "
                + key2.id() + ")", e.message(Language.VI));
    }

    @Test
    void aStateOfAnEarlierFormatIsRefusedSayingSo() throws Exception {
        // the layout of formats 1 to 4: KYS1, kind, expiry, fields, HMAC; no key id
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        java.io.DataOutputStream out = new java.io.DataOutputStream(bytes);
        out.write(new byte[] {'K', 'Y', 'S', '1'});
        out.writeInt(5);
        out.write("pades".getBytes(StandardCharsets.US_ASCII));
        out.writeLong(NOW.plus(LIFETIME).toEpochMilli());
        out.writeShort(1);
        out.writeInt(1);
        out.write('v');
        out.writeInt(8);
        out.writeLong(4);
        byte[] body = bytes.toByteArray();
        byte[] old = Arrays.copyOf(body, body.length + 32);
        System.arraycopy(hmac(SECRET, body), 0, old, body.length, 32);
        KysoException e = fails(ErrorCode.STATE_INVALID, () -> SealedState.open(old, KEY, "pades", CLOCK));
        assertEquals("[KYSO-400] The two-phase signing state is invalid or was modified: the state was made by an"
                + " earlier Kyso (format 4 or older, without a key id) and is no longer accepted; prepare the"
                + " signature again", e.getMessage());
        assertTrue(e.message(Language.VI).contains("phiên bản Kyso cũ"), e.message(Language.VI));
    }

    @Test
    void anUnknownFormatNumberIsRefusedNamingIt() {
        byte[] m = sample();
        m[4] = 6;
        KysoException e = fails(ErrorCode.STATE_INVALID, () -> SealedState.open(m, KEY, "cades", CLOCK));
        assertTrue(e.getMessage().endsWith("format 6 is not supported (this version reads format 5)"), e.getMessage());
    }

    @Test
    void aDestroyedKeyInTheRingIsInvalidArgument() {
        StateKey k = StateKey.of(bytes(32, 13));
        byte[] sealed = SealedState.builder("x").seal(k, LIFETIME, CLOCK);
        k.destroy();
        fails(ErrorCode.INVALID_ARGUMENT, () -> SealedState.open(sealed, k, "x", CLOCK));
        fails(ErrorCode.INVALID_ARGUMENT, () -> SealedState.builder("x").seal(k, LIFETIME, CLOCK));
    }

    @Test
    void tooManyFieldsAreRefused() {
        SealedState.Builder b = SealedState.builder("x");
        for (int i = 0; i < 256; i++) {
            b.put("f" + i, i);
        }
        byte[] sealed = b.seal(KEY, LIFETIME, CLOCK);
        assertEquals(255L, SealedState.open(sealed, KEY, "x", CLOCK).number("f255"));
        assertThrows(KysoException.class, () -> b.put("f256", 1L));
    }
}
