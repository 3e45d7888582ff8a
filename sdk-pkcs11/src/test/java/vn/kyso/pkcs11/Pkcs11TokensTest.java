package vn.kyso.pkcs11;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import vn.kyso.api.ErrorCode;
import vn.kyso.api.KysoException;
import vn.kyso.api.token.SigningKey;

/** The entry point on the SoftHSM2 driver the discovery finds in /usr/lib/softhsm. */
@ExtendWith(SoftHsm.class)
class Pkcs11TokensTest {
    static final String LABEL = "kyso-discover";

    @Test
    void discoveredTokensIncludeTheSoftHsmTokenAndItSigns() throws Exception {
        SoftHsm.initToken(LABEL);
        SoftHsm.importIdentity(LABEL, SoftHsm.sandbox().person1(), "0a");
        SoftHsm.module().refresh(); // SoftHSM2 sees tokens made after it loaded only when re-initialised
        List<Pkcs11Token> tokens = Pkcs11Tokens.discover();
        Pkcs11Token found = tokens.stream().filter(t -> t.info().label().equals(LABEL)).findFirst().orElseThrow(
                () -> new AssertionError("not discovered: " + tokens));
        assertEquals(SoftHsm.MODULE.toRealPath(), found.module().library());
        assertEquals(1, tokens.stream().filter(t -> t.info().label().equals(LABEL)).count(),
                "a driver linked into several directories is loaded and listed once: " + tokens);
        assertTrue(Pkcs11Tokens.first().info().initialized());
        assertTrue(found.certificates().contains(SoftHsm.sandbox().person1().certificate()), "certificates need no PIN");
        assertFalse(found.loggedIn());
        try (Pkcs11Token t = found.login(SoftHsm.PIN.toCharArray())) {
            SigningKey key = t.key("0a");
            assertEquals(SoftHsm.sandbox().person1().certificate(), key.certificate());
        }
        try (Pkcs11Token t = Pkcs11Tokens.open(SoftHsm.MODULE, LABEL).login(SoftHsm.PIN.toCharArray())) {
            assertEquals(LABEL, t.label());
        }
        assertEquals(ErrorCode.TOKEN_UNAVAILABLE, assertThrows(KysoException.class,
                () -> Pkcs11Tokens.open(SoftHsm.MODULE, 999)).errorCode());
        assertEquals(ErrorCode.TOKEN_UNAVAILABLE, assertThrows(KysoException.class,
                () -> Pkcs11Tokens.open(SoftHsm.MODULE, "khong-co-token-nay")).errorCode());
    }
}
