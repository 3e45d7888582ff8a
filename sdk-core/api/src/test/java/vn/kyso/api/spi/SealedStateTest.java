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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import vn.kyso.api.ErrorCode;
import vn.kyso.api.KysoException;
import vn.kyso.api.twophase.StateKey;

class SealedStateTest {
    static final Instant NOW = Instant.parse("2025-08-15T03:00:00Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    static final StateKey KEY = StateKey.of(bytes(32, 7));
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
        fails(ErrorCode.STATE_INVALID, () -> SealedState.open(null, KEY, "cades", CLOCK));
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
        fails(ErrorCode.STATE_INVALID, () -> SealedState.open(sample(), KEY, null, CLOCK));
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
    void nullKeyIsANullPointerException() {
        assertThrows(NullPointerException.class, () -> SealedState.open(sample(), null, "cades", CLOCK));
        assertThrows(NullPointerException.class, () -> SealedState.builder(null));
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
