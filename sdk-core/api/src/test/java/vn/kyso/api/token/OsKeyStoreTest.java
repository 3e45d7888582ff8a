package vn.kyso.api.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.Signature;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.function.Executable;
import vn.kyso.api.DigestAlgorithm;
import vn.kyso.api.ErrorCode;
import vn.kyso.api.KysoException;
import vn.kyso.api.Language;
import vn.kyso.api.SignatureAlgorithm;
import vn.kyso.api.SignatureScheme;

class OsKeyStoreTest {

    private static void unavailable(Executable e) {
        KysoException ex = assertThrows(KysoException.class, e);
        assertEquals(ErrorCode.TOKEN_UNAVAILABLE, ex.errorCode(), ex.getMessage());
        assertTrue(ex.getMessage().contains(System.getProperty("os.name")), ex.getMessage());
        assertTrue(ex.message(Language.VI).startsWith("[KYSO-209] Thiết bị/kho khóa không sẵn sàng"));
    }

    @Test
    @DisabledOnOs(value = OS.WINDOWS, disabledReason = "Windows-MY exists on Windows: see windowsMyOpens")
    void windowsMyIsUnavailableElsewhere() {
        unavailable(Tokens::windowsMy);
    }

    @Test
    @DisabledOnOs(value = OS.MAC, disabledReason = "the login keychain exists on macOS: see macKeychainOpens")
    void macKeychainIsUnavailableElsewhere() {
        unavailable(Tokens::macKeychain);
    }

    @Test
    @DisabledOnOs(value = {OS.WINDOWS, OS.MAC}, disabledReason = "Windows and macOS have an OS key store")
    void osKeyStoreIsUnavailableOnOtherSystems() {
        unavailable(Tokens::osKeyStore);
    }

    @Test
    @EnabledOnOs(value = OS.WINDOWS, disabledReason = "Windows-MY (SunMSCAPI) exists only on Windows")
    void windowsMyOpens() {
        try (Token token = Tokens.windowsMy()) {
            assertEquals("Windows-MY", token.label());
            checkEveryAdvertisedSchemeSigns(token);
        }
        try (Token token = Tokens.osKeyStore()) {
            assertEquals("Windows-MY", token.label());
        }
    }

    @Test
    @EnabledOnOs(value = OS.MAC, disabledReason = "the KeychainStore (Apple provider) exists only on macOS")
    void macKeychainOpens() {
        try (Token token = Tokens.macKeychain()) {
            assertEquals("KeychainStore", token.label());
            checkEveryAdvertisedSchemeSigns(token);
        }
    }

    /**
     * Every key the store holds (there may be none) must be able to sign with each scheme it advertises;
     * signing may ask the user (macOS) or need a PIN (smart card behind CryptoAPI), so a TOKEN or PIN
     * error is tolerated, but never SIGNING_FAILED for an advertised scheme.
     */
    private static void checkEveryAdvertisedSchemeSigns(Token token) {
        byte[] data = "kiểm tra".getBytes(StandardCharsets.UTF_8);
        for (SigningKey key : token.keys()) {
            assertNotNull(key.certificate());
            assertNotNull(key.info());
            for (SignatureScheme scheme : key.schemes()) {
                SignatureAlgorithm alg = SignatureAlgorithm.of(scheme, DigestAlgorithm.SHA256);
                byte[] sig;
                try {
                    sig = key.signDigest(alg.digest().digest(data), alg);
                } catch (KysoException e) {
                    assertTrue(e.errorCode() == ErrorCode.PIN_INCORRECT || e.errorCode() == ErrorCode.PIN_LOCKED
                            || e.errorCode() == ErrorCode.TOKEN_UNAVAILABLE, key.id() + " " + alg + ": " + e.getMessage());
                    continue;
                }
                assertTrue(verify(alg, key, data, sig), key.id() + " " + alg);
            }
        }
    }

    private static boolean verify(SignatureAlgorithm alg, SigningKey key, byte[] data, byte[] sig) {
        try {
            Signature v;
            switch (alg.scheme()) {
                case RSA_PSS:
                    v = Signature.getInstance("RSASSA-PSS");
                    v.setParameter(new PSSParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, 32, 1));
                    break;
                case ECDSA:
                    v = Signature.getInstance("SHA256withECDSA");
                    break;
                default:
                    v = Signature.getInstance("SHA256withRSA");
                    break;
            }
            v.initVerify(key.certificate().getPublicKey());
            v.update(data);
            return v.verify(sig);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
