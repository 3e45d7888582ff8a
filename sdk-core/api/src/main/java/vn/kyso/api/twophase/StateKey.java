package vn.kyso.api.twophase;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import vn.kyso.api.ErrorCode;
import vn.kyso.api.KysoException;
import vn.kyso.api.internal.Args;
import vn.kyso.api.internal.StateKeyAccess;
import vn.kyso.api.io.AtomicFiles;

/**
 * A server secret that protects two-phase signing states (HMAC-SHA256). The process that prepares and
 * the process that completes must hold the key the state was sealed with; keep it on the server side
 * only. To rotate it without breaking signatures in flight, give signers a {@link StateKeyRing}: its
 * newest key seals, its older keys still open what they sealed.
 *
 * <p>A key is made once ({@link #generate()}, then {@link #writeTo(Path)} into the server's
 * configuration) and loaded everywhere else ({@link #fromFile(Path)}, {@link #fromBase64(String)},
 * {@link #of(byte[])}). A key file holds the key in Base64 on one line, as {@link #writeTo(Path)} or
 * {@code openssl rand -base64 32} write it.
 *
 * <p>Guarantees: the secret is never shown ({@link #toString()} gives only the {@link #id()}), never
 * given out (there is no getter and no MAC method), and {@link #destroy()} wipes it, after which using
 * the key is {@code INVALID_ARGUMENT}. Thread-safe.
 */
public final class StateKey {
    private static final int MIN_LENGTH = 32;
    /** Far more than any real key; bounds what a misnamed key file makes us read. */
    private static final int MAX_FILE_SIZE = 4096;
    private static final String HMAC = "HmacSHA256";
    private static final byte[] ID_LABEL = "Kyso state key id".getBytes(StandardCharsets.US_ASCII);

    static {
        StateKeyAccess.install((key, data, offset, length) -> key.mac(data, offset, length));
    }

    private final byte[] secret;
    private final String id;
    private volatile boolean destroyed;

    private StateKey(byte[] secret) {
        this.secret = secret;
        this.id = deriveId(secret);
    }

    /** {@return a fresh random 256-bit key} */
    public static StateKey generate() {
        byte[] s = new byte[32];
        new SecureRandom().nextBytes(s);
        return new StateKey(s);
    }

    /**
     * {@return a key from at least 32 secret bytes (copied; the caller may wipe its array afterwards)}
     *
     * @param secret at least 32 random bytes
     */
    public static StateKey of(byte[] secret) {
        Args.notNull(secret, "secret");
        if (secret.length < MIN_LENGTH) {
            throw KysoException.localized(ErrorCode.INVALID_ARGUMENT, null,
                    "khóa trạng thái phải dài ít nhất 32 byte, khóa đã cho có " + secret.length + " byte",
                    "a state key must have at least 32 bytes, this one has " + secret.length);
        }
        return new StateKey(secret.clone());
    }

    /**
     * {@return a key from its Base64 form (surrounding white space is ignored)}
     *
     * @param base64 the secret in base64
     */
    public static StateKey fromBase64(String base64) {
        Args.notNull(base64, "base64");
        return decode(base64.trim().getBytes(StandardCharsets.US_ASCII), "base64");
    }

    /**
     * {@return a key from a file holding it in Base64 (one line; surrounding white space is ignored), as
     * {@link #writeTo(Path)} writes it}
     *
     * @param file a file written by {@link #writeTo}
     * @throws KysoException {@code INPUT_UNREADABLE} if the file cannot be read, {@code INVALID_ARGUMENT}
     * if it does not hold a state key
     */
    public static StateKey fromFile(Path file) {
        Args.notNull(file, "file");
        byte[] content = null;
        try {
            if (!Files.exists(file)) {
                throw new KysoException(ErrorCode.INPUT_UNREADABLE, String.valueOf(file));
            }
            if (!Files.isRegularFile(file) || Files.size(file) > MAX_FILE_SIZE) {
                throw KysoException.localized(ErrorCode.INVALID_ARGUMENT, null,
                        "tệp khóa trạng thái " + file + " không phải tệp chứa một khóa (cần một dòng Base64)",
                        "the state key file " + file + " does not hold a key (one Base64 line expected)");
            }
            content = Files.readAllBytes(file);
            return decode(trim(content), String.valueOf(file));
        } catch (IOException e) {
            throw new KysoException(ErrorCode.INPUT_UNREADABLE, e, String.valueOf(file));
        } finally {
            if (content != null) {
                Arrays.fill(content, (byte) 0);
            }
        }
    }

    /**
     * Writes this key in Base64 to a new file, atomically and, where the file system has POSIX
     * permissions, readable by its owner only: the key file of a server's configuration, to load with
     * {@link #fromFile(Path)}. An existing file is never replaced (replacing a key in use would break
     * every state in flight; rotate with a {@link StateKeyRing} instead).
     *
     * @param file the file to write, atomically
     * @throws KysoException {@code OUTPUT_FAILED} if the file exists or cannot be written
     */
    public void writeTo(Path file) {
        Args.notNull(file, "file");
        checkNotDestroyed();
        if (Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            throw KysoException.localized(ErrorCode.OUTPUT_FAILED, null,
                    file + " đã có; khóa trạng thái không bao giờ được ghi đè",
                    file + " exists; a state key is never overwritten");
        }
        byte[] encoded = Base64.getEncoder().encode(secret);
        try {
            // Files.createTempFile, under AtomicFiles, creates the file rw------- on POSIX systems.
            AtomicFiles.write(file, out -> {
                out.write(encoded);
                out.write('\n');
            });
        } finally {
            Arrays.fill(encoded, (byte) 0);
        }
    }

    /**
     * {@return the key's identifier: 16 hexadecimal digits derived from the secret (a one-way function of it,
     * so it reveals nothing of it), the same wherever the key is loaded} A sealed state names the id
     * of the key that sealed it; error messages name it when no key of a ring has that id.
     */
    public String id() {
        return id;
    }

    /** {@return whether {@link #destroy()} was called} */
    public boolean isDestroyed() {
        return destroyed;
    }

    /**
     * Wipes the secret from memory; the key cannot seal or open states afterwards
     * ({@code INVALID_ARGUMENT}). Its {@link #id()} remains.
     */
    public void destroy() {
        destroyed = true;
        Arrays.fill(secret, (byte) 0);
    }

    /** {@code StateKey[id=…]}: never the secret. */
    @Override
    public String toString() {
        return "StateKey[id=" + id + (destroyed ? ", destroyed]" : "]");
    }

    /** HMAC-SHA256: reached only through {@link StateKeyAccess}, by the code that seals states. */
    private byte[] mac(byte[] data, int offset, int length) {
        checkNotDestroyed();
        byte[] result = hmac(secret, data, offset, length);
        // destroy() may have raced with the computation: a wiped (all-zero) key's MAC must not be used.
        checkNotDestroyed();
        return result;
    }

    private static byte[] hmac(byte[] key, byte[] data, int offset, int length) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(new SecretKeySpec(key, HMAC));
            mac.update(data, offset, length);
            return mac.doFinal();
        } catch (GeneralSecurityException e) {
            throw new KysoException(ErrorCode.INTERNAL, e, HMAC);
        }
    }

    private static String deriveId(byte[] secret) {
        byte[] h = hmac(secret, ID_LABEL, 0, ID_LABEL.length);
        StringBuilder sb = new StringBuilder(16);
        for (int i = 0; i < 8; i++) {
            sb.append(Character.forDigit((h[i] >> 4) & 0xF, 16)).append(Character.forDigit(h[i] & 0xF, 16));
        }
        return sb.toString();
    }

    private void checkNotDestroyed() {
        // Without this check a destroyed key would go on working as an all-zero key: every destroyed
        // key would be the same key, and states sealed with it forgeable by anyone.
        if (destroyed) {
            throw KysoException.localized(ErrorCode.INVALID_ARGUMENT, null,
                    "khóa trạng thái " + id + " đã bị hủy", "state key " + id + " was destroyed");
        }
    }

    private static StateKey decode(byte[] base64, String source) {
        byte[] secret = null;
        try {
            secret = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw KysoException.localized(ErrorCode.INVALID_ARGUMENT, null,
                    "khóa trạng thái (" + source + ") không phải Base64",
                    "the state key (" + source + ") is not Base64");
        } finally {
            Arrays.fill(base64, (byte) 0);
        }
        try {
            return of(secret);
        } finally {
            Arrays.fill(secret, (byte) 0);
        }
    }

    private static byte[] trim(byte[] b) {
        int from = 0;
        int to = b.length;
        while (from < to && (b[from] & 0xFF) <= ' ') {
            from++;
        }
        while (to > from && (b[to - 1] & 0xFF) <= ' ') {
            to--;
        }
        return Arrays.copyOfRange(b, from, to);
    }
}
