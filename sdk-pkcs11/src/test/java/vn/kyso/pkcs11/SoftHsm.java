package vn.kyso.pkcs11;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import vn.kyso.testkit.Identity;
import vn.kyso.testkit.Sandbox;

/**
 * A SoftHSM2 under target/softhsm2 for the tests, driven by softhsm2-util and pkcs11-tool. As a JUnit
 * extension it writes the configuration (once per JVM, before anything loads the module) or skips the
 * tests when the SoftHSM2 module is not installed.
 */
final class SoftHsm implements BeforeAllCallback {
    static final Path MODULE = Path.of("/usr/lib/softhsm/libsofthsm2.so");
    static final String SO_PIN = "12345678";
    static final String PIN = "123456";

    private static Path conf;
    private static Path work;
    private static Sandbox sandbox;

    @Override
    public void beforeAll(ExtensionContext context) {
        setUp();
    }

    static synchronized void setUp() {
        assumeTrue(Files.isRegularFile(MODULE), "SoftHSM2 module not installed at " + MODULE);
        if (conf != null) {
            return;
        }
        String env = System.getenv("SOFTHSM2_CONF");
        assumeTrue(env != null, "SOFTHSM2_CONF is not set: run the tests through Maven (surefire sets it)");
        try {
            Path c = Path.of(env).toAbsolutePath();
            Path base = c.getParent();
            Path tokens = base.resolve("tokens");
            deleteTree(tokens);
            Files.createDirectories(tokens);
            Files.writeString(c, "directories.tokendir = " + tokens + "\nobjectstore.backend = file\nlog.level = ERROR\n"
                    + "slots.removable = false\n", StandardCharsets.UTF_8);
            work = Files.createDirectories(base.resolve("work"));
            conf = c;
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
                sandbox = Sandbox.create(Files.createTempDirectory(work, "pki"), 0);
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
        run("softhsm2-util", "--init-token", "--free", "--label", label, "--so-pin", SO_PIN, "--pin", PIN);
    }

    static void deleteToken(String label) {
        run("softhsm2-util", "--delete-token", "--token", label);
    }

    /** Writes the identity's key (PKCS#8 DER) and certificate under CKA_ID {@code id}, and its CA certificates. */
    static void importIdentity(String label, Identity identity, String id) {
        try {
            Path dir = Files.createTempDirectory(work, "import");
            Path key = Files.write(dir.resolve("key.der"), identity.privateKey().getEncoded());
            write(label, key, "privkey", id, identity.name());
            Files.delete(key);
            List<X509Certificate> chain = identity.chain();
            for (int i = 0; i < chain.size(); i++) {
                Path cert = Files.write(dir.resolve("cert" + i + ".der"), chain.get(i).getEncoded());
                write(label, cert, "cert", i == 0 ? id : "ca" + id + "0" + i, i == 0 ? identity.name() : "ca" + i);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void write(String label, Path file, String type, String id, String objectLabel) {
        run("pkcs11-tool", "--module", MODULE.toString(), "--login", "--pin", PIN, "--token-label", label,
                "--write-object", file.toString(), "--type", type, "--id", id, "--label", objectLabel);
    }

    /**
     * Sets CKF_USER_PIN_LOCKED in the flags SoftHSM2 stores for a token (attribute CKA_OS_TOKENFLAGS,
     * 0x8000534B, of its token.object file). SoftHSM2 2.6 counts wrong PINs but never locks, so this is the
     * only way to present a locked token through the real driver. Call it before this JVM has seen the token.
     */
    static void markPinLocked(String label) {
        byte[] padded = String.format("%-32s", label).getBytes(StandardCharsets.US_ASCII);
        byte[] marker = {0, 0, 0, 0, (byte) 0x80, 0, 0x53, 0x4B, 0, 0, 0, 0, 0, 0, 0, 2};
        try (Stream<Path> dirs = Files.list(Path.of(conf.getParent().toString(), "tokens"))) {
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
        List<String> cmd = new ArrayList<>(List.of(command));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().put("SOFTHSM2_CONF", conf.toString());
        try {
            Process p = pb.start();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException("timeout: " + cmd);
            }
            String text = new String(out, StandardCharsets.UTF_8);
            if (p.exitValue() != 0) {
                throw new IllegalStateException(cmd + " exited with " + p.exitValue() + ":\n" + text);
            }
            return text;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) s.sorted(Comparator.reverseOrder())::iterator) {
                Files.delete(p);
            }
        }
    }
}
