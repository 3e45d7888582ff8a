package vn.kyso.api.twophase;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import vn.kyso.api.ErrorCode;
import vn.kyso.api.KysoException;

/**
 * The server secret that protects two-phase signing states (HMAC-SHA256). The process that prepares
 * and the process that completes must use the same key; keep it on the server side only.
 */
public final class StateKey {
    private static final int MIN_LENGTH = 32;
    private final byte[] secret;
    private volatile boolean destroyed;

    private StateKey(byte[] secret) {
        this.secret = secret;
    }

    /** A fresh random 256-bit key. */
    public static StateKey generate() {
        byte[] s = new byte[32];
        new SecureRandom().nextBytes(s);
        return new StateKey(s);
    }

    /** A key from at least 32 secret bytes (copied). */
    public static StateKey of(byte[] secret) {
        if (secret == null || secret.length < MIN_LENGTH) {
            throw new KysoException(ErrorCode.INVALID_ARGUMENT, "state key must have at least 32 bytes");
        }
        return new StateKey(secret.clone());
    }

    /** A key from its base64 form (see {@link #toBase64()}). */
    public static StateKey fromBase64(String base64) {
        try {
            return of(Base64.getDecoder().decode(base64.trim()));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new KysoException(ErrorCode.INVALID_ARGUMENT, "state key is not base64");
        }
    }

    /** The key in base64, to store it in a server configuration. */
    public String toBase64() {
        checkNotDestroyed();
        return Base64.getEncoder().encodeToString(secret);
    }

    /** HMAC-SHA256 of the given bytes. */
    public byte[] mac(byte[] data, int offset, int length) {
        checkNotDestroyed();
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            mac.update(data, offset, length);
            return mac.doFinal();
        } catch (java.security.GeneralSecurityException e) {
            throw new KysoException(ErrorCode.INTERNAL, e, "HmacSHA256");
        }
    }

    /**
     * Wipes the key from memory; it cannot be used afterwards ({@link #mac} and {@link #toBase64} then
     * throw {@code INVALID_ARGUMENT}).
     */
    public void destroy() {
        destroyed = true;
        Arrays.fill(secret, (byte) 0);
    }

    private void checkNotDestroyed() {
        // Without this check a destroyed key would go on working as an all-zero key: every destroyed
        // key would be the same key, and states sealed with it forgeable by anyone.
        if (destroyed) {
            throw new KysoException(ErrorCode.INVALID_ARGUMENT, "state key was destroyed");
        }
    }

    @Override
    public String toString() {
        return "StateKey[hidden]";
    }
}
