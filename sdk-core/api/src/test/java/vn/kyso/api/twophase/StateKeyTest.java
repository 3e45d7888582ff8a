package vn.kyso.api.twophase;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import vn.kyso.api.ErrorCode;
import vn.kyso.api.KysoException;
import vn.kyso.api.SignatureAlgorithm;
import vn.kyso.api.spi.SealedState;

class StateKeyTest {
    private static byte[] secret(int n) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) (i * 7 + 1);
        }
        return b;
    }

    private static void invalidArgument(Executable e) {
        KysoException ex = assertThrows(KysoException.class, e);
        assertEquals(ErrorCode.INVALID_ARGUMENT, ex.errorCode(), ex.getMessage());
    }

    @Test
    void shortSecretsAreInvalidArgument() {
        invalidArgument(() -> StateKey.of(null));
        invalidArgument(() -> StateKey.of(new byte[0]));
        invalidArgument(() -> StateKey.of(secret(31)));
        StateKey.of(secret(32));
        StateKey.of(secret(64));
    }

    @Test
    void base64RoundTripAndErrors() {
        StateKey k = StateKey.generate();
        String b64 = k.toBase64();
        assertEquals(32, Base64.getDecoder().decode(b64).length);
        StateKey back = StateKey.fromBase64("  " + b64 + "\n");
        assertEquals(b64, back.toBase64());
        assertArrayEquals(k.mac(new byte[] {1, 2, 3}, 0, 3), back.mac(new byte[] {1, 2, 3}, 0, 3));
        invalidArgument(() -> StateKey.fromBase64(null));
        invalidArgument(() -> StateKey.fromBase64("không phải base64"));
        invalidArgument(() -> StateKey.fromBase64(Base64.getEncoder().encodeToString(secret(16))));
    }

    @Test
    void generatedKeysDiffer() {
        assertNotEquals(StateKey.generate().toBase64(), StateKey.generate().toBase64());
    }

    @Test
    void secretIsCopiedAndHidden() {
        byte[] s = secret(32);
        StateKey k = StateKey.of(s);
        String before = k.toBase64();
        Arrays.fill(s, (byte) 0);
        assertEquals(before, k.toBase64(), "wiping the caller's array does not change the key");
        assertEquals("StateKey[hidden]", k.toString());
        assertFalse(k.toString().contains(before));
    }

    @Test
    void macIsHmacSha256OverTheGivenRange() throws Exception {
        StateKey k = StateKey.of(secret(32));
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
        mac.init(new javax.crypto.spec.SecretKeySpec(secret(32), "HmacSHA256"));
        byte[] data = "dữ liệu".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        mac.update(data, 2, 5);
        assertArrayEquals(mac.doFinal(), k.mac(data, 2, 5));
    }

    @Test
    void destroyedKeyCanNoLongerBeUsed() {
        StateKey a = StateKey.of(secret(32));
        StateKey b = StateKey.of(secret(40));
        a.destroy();
        b.destroy();
        a.destroy(); // twice is fine
        // A destroyed key must not silently become an all-zero key: two destroyed keys would then be
        // equal, and states sealed with them forgeable by anyone.
        invalidArgument(() -> a.mac(new byte[1], 0, 1));
        invalidArgument(a::toBase64);
        invalidArgument(() -> SealedState.builder("x").seal(a, Duration.ofMinutes(1), Clock.systemUTC()));
        invalidArgument(() -> SealedState.open(new byte[64], b, "x", Clock.systemUTC()));
        assertEquals("StateKey[hidden]", a.toString());
    }
}
