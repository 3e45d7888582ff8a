package vn.kyso.api.twophase;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;
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

    private static final Clock CLOCK = Clock.fixed(java.time.Instant.parse("2026-01-02T03:04:05Z"), java.time.ZoneOffset.UTC);

    /** Whether a state sealed with {@code sealer} opens with {@code opener}. */
    private static boolean sameKey(StateKey sealer, StateKey opener) {
        byte[] sealed = SealedState.builder("x").seal(sealer, Duration.ofMinutes(1), CLOCK);
        try {
            SealedState.open(sealed, opener, "x", CLOCK);
            return true;
        } catch (KysoException e) {
            assertEquals(ErrorCode.STATE_INVALID, e.errorCode(), e.getMessage());
            return false;
        }
    }

    @Test
    void base64FormAndErrors() {
        String b64 = Base64.getEncoder().encodeToString(secret(32));
        StateKey k = StateKey.fromBase64("  " + b64 + "\n");
        assertEquals(StateKey.of(secret(32)).id(), k.id());
        assertTrue(sameKey(StateKey.of(secret(32)), k));
        invalidArgument(() -> StateKey.fromBase64(null));
        invalidArgument(() -> StateKey.fromBase64("không phải base64"));
        invalidArgument(() -> StateKey.fromBase64(Base64.getEncoder().encodeToString(secret(16))));
    }

    @Test
    void generatedWrittenAndLoadedFromAFile(@TempDir Path dir) throws Exception {
        StateKey k = StateKey.generate();
        Path file = dir.resolve("conf").resolve("state.key");
        k.writeTo(file);
        String text = Files.readString(file, StandardCharsets.US_ASCII);
        assertTrue(text.endsWith("\n"));
        assertEquals(32, Base64.getDecoder().decode(text.trim()).length);
        if (Files.getFileStore(file).supportsFileAttributeView("posix")) {
            assertEquals(PosixFilePermissions.fromString("rw-------"), Files.getPosixFilePermissions(file));
        }
        StateKey loaded = StateKey.fromFile(file);
        assertEquals(k.id(), loaded.id());
        assertTrue(sameKey(k, loaded));
        assertEquals(List.of(file.getFileName().toString()), listNames(file.getParent()), "no temporary file left");

        // an existing key file is never replaced
        KysoException e = assertThrows(KysoException.class, () -> StateKey.generate().writeTo(file));
        assertEquals(ErrorCode.OUTPUT_FAILED, e.errorCode(), e.getMessage());
        assertEquals(text, Files.readString(file, StandardCharsets.US_ASCII));
    }

    private static List<String> listNames(Path dir) throws java.io.IOException {
        try (java.util.stream.Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().collect(java.util.stream.Collectors.toList());
        }
    }

    @Test
    void keyFilesAsOpensslWritesThemAndBadFiles(@TempDir Path dir) throws Exception {
        // what `openssl rand -base64 48 > state.key` writes: Base64 on one line, a newline
        Path openssl = Files.writeString(dir.resolve("openssl.key"),
                Base64.getEncoder().encodeToString(secret(48)) + "\n", StandardCharsets.US_ASCII);
        assertEquals(StateKey.of(secret(48)).id(), StateKey.fromFile(openssl).id());

        KysoException missing = assertThrows(KysoException.class, () -> StateKey.fromFile(dir.resolve("none.key")));
        assertEquals(ErrorCode.INPUT_UNREADABLE, missing.errorCode(), missing.getMessage());
        assertTrue(missing.getMessage().contains("none.key"), missing.getMessage());
        invalidArgument(() -> StateKey.fromFile(dir));
        invalidArgument(() -> StateKey.fromFile(Files.write(dir.resolve("raw.key"), secret(32))));
        invalidArgument(() -> StateKey.fromFile(Files.writeString(dir.resolve("short.key"),
                Base64.getEncoder().encodeToString(secret(16)))));
        invalidArgument(() -> StateKey.fromFile(Files.write(dir.resolve("big.key"), new byte[5000])));
        invalidArgument(() -> StateKey.fromFile(null));
        invalidArgument(() -> StateKey.generate().writeTo(null));
    }

    @Test
    void idIsAOneWayFunctionOfTheSecret() throws Exception {
        StateKey k = StateKey.of(secret(32));
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
        mac.init(new javax.crypto.spec.SecretKeySpec(secret(32), "HmacSHA256"));
        byte[] h = mac.doFinal("Kyso state key id".getBytes(StandardCharsets.US_ASCII));
        StringBuilder hex = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            hex.append(String.format("%02x", h[i] & 0xFF));
        }
        assertEquals(hex.toString(), k.id());
        assertTrue(k.id().matches("[0-9a-f]{16}"));
        assertEquals(k.id(), StateKey.of(secret(32)).id());
        assertNotEquals(k.id(), StateKey.of(secret(33)).id());
        assertNotEquals(StateKey.generate().id(), StateKey.generate().id());
    }

    @Test
    void secretIsCopiedAndHidden() {
        byte[] s = secret(32);
        StateKey k = StateKey.of(s);
        String id = k.id();
        Arrays.fill(s, (byte) 0);
        assertTrue(sameKey(StateKey.of(secret(32)), k), "wiping the caller's array does not change the key");
        assertEquals("StateKey[id=" + id + "]", k.toString());
        assertFalse(k.toString().contains(Base64.getEncoder().encodeToString(secret(32))));
    }

    @Test
    void neitherTheSecretNorAMacIsOnThePublicSurface() {
        Set<String> methods = new TreeSet<>();
        for (Method m : StateKey.class.getMethods()) {
            if (m.getDeclaringClass() == StateKey.class) {
                methods.add(m.getName());
                assertNotEquals(byte[].class, m.getReturnType(), m.toString());
            }
        }
        assertEquals(new TreeSet<>(List.of("destroy", "fromBase64", "fromFile", "generate", "id", "isDestroyed",
                "of", "toString", "writeTo")), methods);
    }

    @Test
    void destroyedKeyCanNoLongerBeUsed(@TempDir Path dir) {
        StateKey a = StateKey.of(secret(32));
        StateKey b = StateKey.of(secret(40));
        String id = a.id();
        byte[] sealedByB = SealedState.builder("x").seal(b, Duration.ofMinutes(1), CLOCK);
        a.destroy();
        b.destroy();
        a.destroy(); // twice is fine
        assertTrue(a.isDestroyed());
        // A destroyed key must not silently become an all-zero key: two destroyed keys would then be
        // equal, and states sealed with them forgeable by anyone.
        invalidArgument(() -> SealedState.builder("x").seal(a, Duration.ofMinutes(1), Clock.systemUTC()));
        invalidArgument(() -> SealedState.open(sealedByB, b, "x", CLOCK));
        invalidArgument(() -> a.writeTo(dir.resolve("a.key")));
        assertFalse(Files.exists(dir.resolve("a.key")));
        assertEquals(id, a.id());
        assertEquals("StateKey[id=" + id + ", destroyed]", a.toString());
    }

    @Test
    void ringNewestFirstWithDistinctKeys(@TempDir Path dir) {
        StateKey k1 = StateKey.of(secret(32));
        StateKey k2 = StateKey.of(secret(36));
        StateKeyRing ring = StateKeyRing.of(k2, k1);
        assertSame(k2, ring.newest());
        assertEquals(List.of(k2, k1), ring.keys());
        assertEquals(List.of(k2.id(), k1.id()), ring.ids());
        assertSame(k1, ring.find(k1.id()).orElseThrow());
        assertTrue(ring.find("0000000000000000").isEmpty());
        assertEquals("StateKeyRing[" + k2.id() + ", " + k1.id() + "]", ring.toString());
        assertEquals(ring.ids(), StateKeyRing.of(List.of(k2, k1)).ids());

        invalidArgument(() -> StateKeyRing.of(k1, StateKey.of(secret(32))));
        invalidArgument(() -> StateKeyRing.of(List.of()));
        invalidArgument(() -> StateKeyRing.of((StateKey) null));
        invalidArgument(() -> StateKeyRing.of(k1, (StateKey) null));
        invalidArgument(() -> StateKeyRing.of((List<StateKey>) null));

        k2.writeTo(dir.resolve("new.key"));
        k1.writeTo(dir.resolve("old.key"));
        assertEquals(ring.ids(), StateKeyRing.fromFiles(dir.resolve("new.key"), dir.resolve("old.key")).ids());

        ring.destroy();
        assertTrue(k1.isDestroyed() && k2.isDestroyed());
    }
}
