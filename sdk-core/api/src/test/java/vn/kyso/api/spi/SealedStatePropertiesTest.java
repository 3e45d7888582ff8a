package vn.kyso.api.spi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;
import vn.kyso.api.ErrorCode;
import vn.kyso.api.KysoException;
import vn.kyso.api.testsupport.Mutations;
import vn.kyso.api.twophase.StateKey;

/**
 * Properties of {@link SealedState#open}: it never throws anything but STATE_INVALID or STATE_EXPIRED
 * for any input, and a state that differs from what was sealed never opens.
 */
class SealedStatePropertiesTest {
    private static final StateKey KEY = SealedStateTest.KEY;
    private static final Clock CLOCK = SealedStateTest.CLOCK;
    private static final byte[] SEALED = SealedStateTest.sample();

    private static void rejected(byte[] input, StateKey key) {
        try {
            SealedState s = SealedState.open(input, key, "cades", CLOCK);
            throw new AssertionError("opened a state that was not sealed so: kind " + s.kind());
        } catch (KysoException e) {
            assertTrue(e.errorCode() == ErrorCode.STATE_INVALID || e.errorCode() == ErrorCode.STATE_EXPIRED,
                    e.getMessage());
        }
    }

    @Property(tries = 300)
    void randomBytesNeverOpen(@ForAll @Size(max = 512) byte[] input) {
        rejected(input, KEY);
    }

    @Property(tries = 500)
    void mutationsNeverOpen(@ForAll("mutated") byte[] input) {
        if (!Arrays.equals(input, SEALED)) {
            rejected(input, KEY);
        }
    }

    /**
     * A body sealed with the right key (an insider, or a bug in a format) but malformed: open reads it
     * without any exception other than STATE_INVALID/STATE_EXPIRED, and without hanging or over-allocating.
     */
    @Property(tries = 500)
    void malformedBodiesWithAValidMacFailCleanly(@ForAll("bodies") byte[] body) {
        byte[] mac = SealedStateTest.hmac(SealedStateTest.SECRET, body);
        byte[] sealed = Arrays.copyOf(body, body.length + mac.length);
        System.arraycopy(mac, 0, sealed, body.length, mac.length);
        try {
            SealedState s = SealedState.open(sealed, KEY, "cades", CLOCK);
            assertEquals("cades", s.kind());
        } catch (KysoException e) {
            assertTrue(e.errorCode() == ErrorCode.STATE_INVALID || e.errorCode() == ErrorCode.STATE_EXPIRED,
                    e.getMessage());
        }
    }

    @Property(tries = 200)
    void anyFieldsRoundTrip(@ForAll @StringLength(max = 20) String kind,
                            @ForAll @Size(max = 8) Map<@StringLength(max = 12) String, @Size(max = 64) byte[]> fields,
                            @ForAll long number) {
        SealedState.Builder b = SealedState.builder(kind);
        Map<String, byte[]> expected = new LinkedHashMap<>(fields);
        fields.forEach(b::put);
        b.put("#n", number);
        byte[] sealed = b.seal(KEY, Duration.ofMinutes(1), CLOCK);
        SealedState s = SealedState.open(sealed, KEY, kind, CLOCK);
        assertEquals(kind, s.kind());
        expected.forEach((k, v) -> {
            if (!"#n".equals(k)) {
                assertArrayEquals(v, s.bytes(k), k);
            }
        });
        assertEquals(number, s.number("#n"));
    }

    @Provide
    Arbitrary<byte[]> mutated() {
        return Mutations.of(SEALED);
    }

    @Provide
    Arbitrary<byte[]> bodies() {
        // starts with the header (magic, format, the key's id) and a valid kind block, then random or
        // structurally mutated content
        byte[] validBody = Arrays.copyOf(SEALED, SEALED.length - 32);
        byte[] header = Arrays.copyOf(SEALED, 4 + 1 + 16);
        Arbitrary<byte[]> random = Arbitraries.bytes().array(byte[].class).ofMaxSize(200).map(tail -> {
            byte[] kind = "cades".getBytes(StandardCharsets.UTF_8);
            ByteBuffer b = ByteBuffer.allocate(header.length + 4 + kind.length + tail.length);
            b.put(header).putInt(kind.length).put(kind).put(tail);
            return b.array();
        });
        return Arbitraries.oneOf(random, Mutations.of(validBody));
    }
}
