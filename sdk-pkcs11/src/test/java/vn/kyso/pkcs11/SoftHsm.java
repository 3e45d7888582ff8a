package vn.kyso.pkcs11;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import vn.kyso.testkit.Identity;
import vn.kyso.testkit.Sandbox;
import vn.kyso.testkit.SoftHsm2;

/**
 * The tests' SoftHSM2 (the testkit's {@link SoftHsm2} at the path surefire puts in SOFTHSM2_CONF). As a
 * JUnit extension it writes the configuration (once per JVM, before anything loads the module) or skips
 * the tests when SoftHSM2 or its tools are not installed.
 */
final class SoftHsm implements BeforeAllCallback {
    static final Path MODULE = Path.of("/usr/lib/softhsm/libsofthsm2.so");
    static final String PIN = SoftHsm2.PIN;

    private static SoftHsm2 hsm;
    private static Path work;
    private static Sandbox sandbox;

    @Override
    public void beforeAll(ExtensionContext context) {
        setUp();
    }

    static synchronized void setUp() {
        assumeTrue(Files.isRegularFile(MODULE), "SoftHSM2 module not installed at " + MODULE);
        assumeTrue(SoftHsm2.missingTools().isEmpty(), "not installed: " + SoftHsm2.missingTools());
        if (hsm != null) {
            return;
        }
        String env = System.getenv(SoftHsm2.ENV);
        assumeTrue(env != null, "SOFTHSM2_CONF is not set: run the tests through Maven (surefire sets it)");
        try {
            SoftHsm2 h = SoftHsm2.create(Path.of(env));
            work = Files.createDirectories(h.configuration().resolveSibling("work"));
            hsm = h;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Pkcs11Module module() {
        setUp();
        return Pkcs11Module.load(MODULE);
    }

    /** One sandbox PKI per JVM (not served: only its keys and certificates are used). */
    static synchronized Sandbox sandbox() {
        if (sandbox == null) {
            try {
                sandbox = Sandbox.create(Files.createTempDirectory(work(), "pki"), 0);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return sandbox;
    }

    static Path work() {
        setUp();
        return work;
    }

    static void initToken(String label) {
        setUp();
        hsm.initToken(label);
    }

    static void deleteToken(String label) {
        setUp();
        hsm.deleteToken(label);
    }

    /** Writes the identity's key and certificate under CKA_ID {@code id}, and its CA certificates. */
    static void importIdentity(String label, Identity identity, String id) {
        setUp();
        hsm.importIdentity(label, identity, id);
    }

    /**
     * Sets CKF_USER_PIN_LOCKED in the flags SoftHSM2 stores for a token (attribute CKA_OS_TOKENFLAGS,
     * 0x8000534B, of its token.object file). SoftHSM2 2.6 counts wrong PINs but never locks, so this is the
     * only way to present a locked token through the real driver. Call it before this JVM has seen the token.
     */
    static void markPinLocked(String label) {
        byte[] padded = String.format("%-32s", label).getBytes(StandardCharsets.US_ASCII);
        byte[] marker = {0, 0, 0, 0, (byte) 0x80, 0, 0x53, 0x4B, 0, 0, 0, 0, 0, 0, 0, 2};
        try (Stream<Path> dirs = Files.list(hsm.tokenDirectory())) {
            for (Path dir : (Iterable<Path>) dirs::iterator) {
                Path object = dir.resolve("token.object");
                byte[] b = Files.readAllBytes(object);
                if (indexOf(b, padded) < 0) {
                    continue;
                }
                int at = indexOf(b, marker);
                if (at < 0) {
                    throw new IllegalStateException("no token flags in " + object);
                }
                b[at + marker.length + 5] |= 0x04; // 0x00040000 in the big-endian 8-byte value
                b[7]++; // the file's generation counter, so that a cached copy would be re-read
                Files.write(object, b);
                return;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        throw new IllegalStateException("token not found: " + label);
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    static String run(String... command) {
        setUp();
        return hsm.run(command);
    }
}
