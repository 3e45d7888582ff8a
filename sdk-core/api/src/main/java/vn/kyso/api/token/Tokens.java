package vn.kyso.api.token;

import java.nio.file.Path;
import java.util.Locale;
import vn.kyso.api.ErrorCode;
import vn.kyso.api.KysoException;
import vn.kyso.api.internal.KeyStoreToken;

/** Opens the tokens that need nothing but the JDK: PKCS#12 files and the operating system's key stores. */
public final class Tokens {
    private Tokens() {
    }

    /**
     * Opens a PKCS#12 (.p12/.pfx) file. The password array is not kept: the caller may wipe it as soon as
     * this returns.
     *
     * @param file the .p12/.pfx file
     * @param password its password (the caller wipes it)
     * @return the opened token
     * @throws KysoException {@code KEYSTORE_PASSWORD} for a wrong password, {@code INPUT_UNREADABLE} or
     *     {@code KEYSTORE_UNREADABLE} for a missing or damaged file
     */
    public static Token pkcs12(Path file, char[] password) {
        return KeyStoreToken.openPkcs12(file, password);
    }

    /**
     * Opens PKCS#12 content held in memory.
     *
     * @param content the PKCS#12 bytes
     * @param password its password (the caller wipes it)
     * @param label a name for messages
     * @return the opened token
     */
    public static Token pkcs12(byte[] content, char[] password, String label) {
        return KeyStoreToken.openPkcs12(content, password, label);
    }

    /**
     * {@return the current user's Windows certificate store (Windows-MY through SunMSCAPI)} RSA keys there
     * sign
     * with RSA PKCS#1 v1.5 only: CryptoAPI offers no PSS on a precomputed digest. SunMSCAPI has no raw
     * ECDSA on a digest either, so EC keys list no scheme and {@code signDigest} reports
     * {@code UNSUPPORTED_ALGORITHM} for them.
     *
     * @throws KysoException {@code TOKEN_UNAVAILABLE} on other operating systems
     */
    public static Token windowsMy() {
        requireOs("windows", "Windows-MY");
        return KeyStoreToken.openSystem("Windows-MY", "SunMSCAPI", "Windows-MY");
    }

    /**
     * {@return the macOS login keychain (KeychainStore)} Access to each private key may make macOS ask the
     * user.
     * The keychain hands the key to the JVM, which signs with its own providers (RSA-PSS, RSA PKCS#1 v1.5,
     * ECDSA).
     *
     * @throws KysoException {@code TOKEN_UNAVAILABLE} on other operating systems
     */
    public static Token macKeychain() {
        requireOs("mac", "KeychainStore");
        return KeyStoreToken.openSystem("KeychainStore", "Apple", "KeychainStore");
    }

    /** {@return the key store of the running operating system: {@link #windowsMy()} or {@link #macKeychain()}} */
    public static Token osKeyStore() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (os.contains("windows")) {
            return windowsMy();
        }
        if (os.contains("mac")) {
            return macKeychain();
        }
        throw KysoException.localized(ErrorCode.TOKEN_UNAVAILABLE, null,
                "không có kho khóa của hệ điều hành trên " + System.getProperty("os.name"),
                "no OS key store on " + System.getProperty("os.name"));
    }

    private static void requireOs(String fragment, String store) {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (!os.contains(fragment)) {
            throw KysoException.localized(ErrorCode.TOKEN_UNAVAILABLE, null, store + " không có trên " + System.getProperty("os.name"),
                    store + " on " + System.getProperty("os.name"));
        }
    }
}
