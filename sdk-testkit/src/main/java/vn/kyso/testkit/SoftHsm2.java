package vn.kyso.testkit;

import java.io.File;
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
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import vn.kyso.api.internal.Args;

/**
 * A throw-away SoftHSM2 installation for tests, demos and benchmarks: its own {@code softhsm2.conf} and
 * token directory, tokens created with {@code softhsm2-util} and filled with sandbox {@link Identity
 * identities} (private key, certificate and CA certificates under one CKA_ID) with {@code pkcs11-tool}
 * (OpenSC).
 *
 * <p>SoftHSM2 reads its configuration from the environment variable {@value #ENV} when a process loads
 * the driver, and a JVM cannot change its own environment: the process that loads the driver must be
 * started with {@link #environment()} (child processes), or this object must be created at the path that
 * variable already names ({@link #create(Path)} with {@code System.getenv(ENV)}) before the driver is
 * loaded. This class never loads the driver itself. The tools it runs get {@link #environment()}.
 * Not thread-safe; keys and PINs are public test values: never use it for real keys.
 */
public final class SoftHsm2 {
    /** The environment variable SoftHSM2 reads its configuration file name from. */
    public static final String ENV = "SOFTHSM2_CONF";
    /** The security officer PIN of every token made here. */
    public static final String SO_PIN = "12345678";
    /** The user PIN of every token made here. */
    public static final String PIN = "123456";

    private static final List<Path> MODULE_LOCATIONS = List.of(
            Path.of("/usr/lib/softhsm/libsofthsm2.so"),                      // Debian, Ubuntu
            Path.of("/usr/lib/x86_64-linux-gnu/softhsm/libsofthsm2.so"),
            Path.of("/usr/lib/aarch64-linux-gnu/softhsm/libsofthsm2.so"),
            Path.of("/usr/lib64/pkcs11/libsofthsm2.so"),                      // Fedora, RHEL
            Path.of("/usr/local/lib/softhsm/libsofthsm2.so"),                 // built from source
            Path.of("/opt/homebrew/lib/softhsm/libsofthsm2.so"));             // macOS (Homebrew)

    private static final String MARKER = "# throw-away SoftHSM2 of vn.kyso.testkit.SoftHsm2: its tokens are deleted at will";

    private final Path conf;
    private final Path tokens;

    private SoftHsm2(Path conf, Path tokens) {
        this.conf = conf;
        this.tokens = tokens;
    }

    /** {@return the SoftHSM2 driver library, if it is installed in one of the usual places} */
    public static Optional<Path> findModule() {
        return MODULE_LOCATIONS.stream().filter(Files::isRegularFile).findFirst();
    }

    /** {@return the tools this class needs ({@code softhsm2-util}, {@code pkcs11-tool}) that are not on the PATH} */
    public static List<String> missingTools() {
        List<String> missing = new ArrayList<>();
        for (String tool : new String[] {"softhsm2-util", "pkcs11-tool"}) {
            if (!onPath(tool)) {
                missing.add(tool);
            }
        }
        return missing;
    }

    private static boolean onPath(String tool) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, tool))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Writes {@code conf} (file objects, errors-only logging, tokens in a directory {@code tokens} beside
     * it) and empties that token directory: every token made by an earlier run at this place is gone.
     * To protect a real SoftHSM2 installation it refuses a configuration file whose token directory is
     * not that {@code tokens} directory, and a non-empty {@code tokens} directory beside a configuration
     * that does not exist yet.
     *
     * @param conf the configuration file to write
     * @return the SoftHSM2 set-up
     * @throws IllegalStateException if {@code conf} or its token directory belongs to someone else
     * @throws UncheckedIOException if the files cannot be written
     */
    public static SoftHsm2 create(Path conf) {
        Args.notNull(conf, "conf");
        Path c = conf.toAbsolutePath();
        Path tokens = c.resolveSibling("tokens");
        try {
            // ours: a configuration whose token directory is the one beside it (this class's layout)
            boolean ours = Files.isRegularFile(c)
                    && Files.readAllLines(c, StandardCharsets.UTF_8).contains("directories.tokendir = " + tokens);
            if (Files.exists(c) ? !ours : Files.isDirectory(tokens) && !isEmpty(tokens)) {
                throw new IllegalStateException(c + " or " + tokens + " was not made by " + SoftHsm2.class.getName()
                        + ": refusing to wipe it (choose an empty directory of your own)");
            }
            deleteTree(tokens);
            Files.createDirectories(tokens);
            Files.writeString(c, MARKER + "\ndirectories.tokendir = " + tokens + "\nobjectstore.backend = file\n"
                    + "log.level = ERROR\nslots.removable = false\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the SoftHSM2 configuration " + c, e);
        }
        return new SoftHsm2(c, tokens);
    }

    /** {@return the configuration file ({@value #ENV} must name it in the process that loads the driver)} */
    public Path configuration() {
        return conf;
    }

    /** {@return the directory that holds the tokens (one sub-directory per token)} */
    public Path tokenDirectory() {
        return tokens;
    }

    /**
     * {@value #ENV} set to {@link #configuration()}, for a child process's environment.
     *
     * @return the variable and its value
     */
    public Map<String, String> environment() {
        return Map.of(ENV, conf.toString());
    }

    /**
     * Initialises a token with this label in the first free slot, with {@link #SO_PIN} and {@link #PIN}.
     *
     * @param label the token label
     */
    public void initToken(String label) {
        Args.notNull(label, "label");
        run("softhsm2-util", "--init-token", "--free", "--label", label, "--so-pin", SO_PIN, "--pin", PIN);
    }

    /**
     * Deletes the token with this label.
     *
     * @param label the token label
     */
    public void deleteToken(String label) {
        Args.notNull(label, "label");
        run("softhsm2-util", "--delete-token", "--token", label);
    }

    /**
     * Writes the identity's private key and certificate under CKA_ID {@code idHex} (labelled with the
     * identity's name), and its CA certificates under ids derived from it, into the token {@code label}.
     * The key passes through a temporary PKCS#8 file next to the configuration, deleted afterwards.
     *
     * @param label the token's label
     * @param identity the key and certificate to import
     * @param idHex the CKA_ID to give them, in hex
     */
    public void importIdentity(String label, Identity identity, String idHex) {
        Args.notNull(label, "label");
        Args.notNull(identity, "identity");
        Args.notNull(idHex, "idHex");
        Path dir = null;
        try {
            dir = Files.createTempDirectory(conf.getParent(), "import");
            Path key = Files.write(dir.resolve("key.der"), identity.privateKey().getEncoded());
            write(label, key, "privkey", idHex, identity.name());
            List<X509Certificate> chain = identity.chain();
            for (int i = 0; i < chain.size(); i++) {
                Path cert = Files.write(dir.resolve("cert" + i + ".der"), chain.get(i).getEncoded());
                write(label, cert, "cert", i == 0 ? idHex : "ca" + idHex + "0" + i, i == 0 ? identity.name() : "ca" + i);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException(e);
        } finally {
            if (dir != null) {
                try {
                    deleteTree(dir);
                } catch (IOException ignored) {
                    // a temporary directory under our own configuration directory
                }
            }
        }
    }

    private void write(String label, Path file, String type, String id, String objectLabel) {
        Path module = findModule().orElseThrow(() -> new IllegalStateException("SoftHSM2 is not installed"));
        run("pkcs11-tool", "--module", module.toString(), "--login", "--pin", PIN, "--token-label", label,
                "--write-object", file.toString(), "--type", type, "--id", id, "--label", objectLabel);
    }

    /**
     * Runs a command with {@link #environment()} and returns its standard output and error (through a
     * temporary file beside the configuration, so that a hung tool is stopped after a minute).
     *
     * @param command the program and its arguments
     * @return what it printed
     * @throws IllegalStateException if it exits with a non-zero code or runs longer than a minute
     */
    public String run(String... command) {
        Args.notNull(command, "command");
        List<String> cmd = List.of(command);
        Path log = null;
        try {
            log = Files.createTempFile(conf.getParent(), "run", ".log");
            ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
            pb.environment().putAll(environment());
            Process p = pb.start();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException("timeout: " + cmd);
            }
            String text = Files.readString(log, StandardCharsets.UTF_8);
            if (p.exitValue() != 0) {
                throw new IllegalStateException(cmd.get(0) + " exited with " + p.exitValue() + ":\n" + text);
            }
            return text;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            if (log != null) {
                try {
                    Files.deleteIfExists(log);
                } catch (IOException ignored) {
                    // a log file under our own configuration directory
                }
            }
        }
    }

    private static boolean isEmpty(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.findAny().isEmpty();
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

    @Override
    public String toString() {
        return "SoftHsm2[" + conf + "]";
    }
}
