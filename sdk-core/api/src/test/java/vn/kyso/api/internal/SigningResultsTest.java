package vn.kyso.api.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Modifier;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import vn.kyso.api.ErrorCode;
import vn.kyso.api.KysoException;
import vn.kyso.api.SignatureAlgorithm;
import vn.kyso.api.SignatureLevel;
import vn.kyso.api.SigningResult;
import vn.kyso.api.twophase.PreparedSignature;

class SigningResultsTest {

    @Test
    void resultsHaveNoPublicConstructorAndTheFactoryCannotBeReplaced() {
        for (Class<?> c : new Class<?>[] {SigningResult.class, PreparedSignature.class}) {
            assertTrue(Arrays.stream(c.getDeclaredConstructors()).noneMatch(k -> Modifier.isPublic(k.getModifiers())), c.getName());
        }
        SigningResult r = SigningResults.result(new byte[] {1}, SignatureAlgorithm.RSA_SHA256, SignatureLevel.B_B, Instant.EPOCH);
        assertEquals(SignatureAlgorithm.RSA_SHA256, r.algorithm());
        assertThrows(IllegalStateException.class, () -> SigningResults.register((SigningResults.ResultFactory) (s, a, l, t) -> null));
        assertThrows(IllegalStateException.class, () -> SigningResults.register((SigningResults.PreparedFactory) (d, g, a, s, x) -> null));
    }

    @Test
    void signingResultCopiesItsBytes() {
        byte[] signed = {1, 2, 3};
        SigningResult r = SigningResults.result(signed, SignatureAlgorithm.RSA_SHA256, SignatureLevel.B_T, Instant.EPOCH);
        signed[0] = 42;
        assertArrayEquals(new byte[] {1, 2, 3}, r.signed());
        r.signed()[0] = 0;
        assertArrayEquals(new byte[] {1, 2, 3}, r.signed());
        assertNull(SigningResults.result(null, null, SignatureLevel.B_LTA, Instant.EPOCH).signed());
    }

    @Test
    void preparedSignatureCopiesAndEncodes() {
        byte[] data = {1, 2, 3};
        byte[] digest = new byte[32];
        byte[] state = {9, 8, 7};
        PreparedSignature p = SigningResults.prepared(data, digest, SignatureAlgorithm.RSA_PSS_SHA256, state, null);
        data[0] = 42;
        digest[0] = 42;
        state[0] = 42;
        assertArrayEquals(new byte[] {1, 2, 3}, p.dataToSign());
        assertArrayEquals(new byte[32], p.digest());
        assertArrayEquals(new byte[] {9, 8, 7}, p.state());
        p.state()[0] = 0;
        assertArrayEquals(new byte[] {9, 8, 7}, p.state());
        assertEquals(Base64.getEncoder().encodeToString(new byte[32]), p.digestBase64());
        assertEquals("CQgH", p.stateBase64());
        assertEquals(SignatureAlgorithm.RSA_PSS_SHA256, p.algorithm());
        KysoException e = assertThrows(KysoException.class,
                () -> SigningResults.prepared(null, digest, SignatureAlgorithm.RSA_SHA256, state, null));
        assertEquals(ErrorCode.INVALID_ARGUMENT, e.errorCode());
        assertTrue(e.getMessage().contains("dataToSign"), e.getMessage());
        assertTrue(p.digestBase64().endsWith("="));
    }
}
