package vn.kyso.pkcs11;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.xipki.pkcs11.wrapper.PKCS11Constants;
import vn.kyso.api.ErrorCode;
import vn.kyso.api.KysoException;
import vn.kyso.api.Language;
import vn.kyso.pkcs11.internal.Pkcs11Errors;

@ExtendWith(SoftHsm.class)
class Pkcs11PinTest {

    @Test
    void wrongPinFailsOnceWithThePinStateAndTheRightPinStillWorks() {
        String label = "kyso-pin";
        SoftHsm.initToken(label);
        SoftHsm.importIdentity(label, SoftHsm.sandbox().person1(), "01");
        Pkcs11Token token = SoftHsm.module().openLabel(label);
        assertEquals("ok", token.info().pinState());
        char[] wrong = "000000".toCharArray();
        KysoException e = assertThrows(KysoException.class, () -> token.login(wrong));
        assertEquals(ErrorCode.PIN_INCORRECT, e.errorCode());
        assertArrayEqualsChars("000000", wrong); // the caller's array is left alone
        TokenSlot after = token.info();
        assertTrue(after.pinCountLow(), after::toString); // SoftHSM2 sets it after one failure
        assertTrue(e.getMessage().contains("CKR_PIN_INCORRECT"), e.getMessage());
        assertTrue(e.getMessage().contains("PIN state now: count low"), e.getMessage());
        assertFalse(e.getMessage().contains("000000"), e.getMessage());
        assertTrue(e.message(Language.VI).startsWith("[KYSO-210] Mã PIN không đúng"), e.message(Language.VI));
        assertTrue(e.message(Language.VI).contains("tình trạng PIN hiện nay: còn ít lần thử"), e.message(Language.VI));
        assertEquals("còn ít lần thử (đã có lần nhập sai)", after.pinState(Language.VI));
        assertFalse(token.loggedIn());
        assertEquals(ErrorCode.TOKEN_UNAVAILABLE, assertThrows(KysoException.class, token::keys).errorCode());

        token.login(SoftHsm.PIN.toCharArray());
        assertEquals(1, token.keys().size());
        assertEquals("ok", token.info().pinState()); // a good login resets the count
        token.close();
        assertEquals(ErrorCode.TOKEN_UNAVAILABLE, assertThrows(KysoException.class, token::keys).errorCode());
    }

    @Test
    void lockedPinIsReportedWithoutTryingThePin() {
        String label = "kyso-locked";
        SoftHsm.initToken(label);
        // SoftHSM2 never locks a PIN however many wrong PINs it gets: set the flag it would set.
        SoftHsm.markPinLocked(label);
        SoftHsm.module().refresh();
        TokenSlot slot = SoftHsm.module().slots().stream().filter(s -> s.label().equals(label)).findFirst().orElseThrow();
        assertTrue(slot.pinLocked(), slot::toString);
        Pkcs11Token token = SoftHsm.module().openLabel(label);
        KysoException e = assertThrows(KysoException.class, () -> token.login(SoftHsm.PIN.toCharArray()));
        assertEquals(ErrorCode.PIN_LOCKED, e.errorCode());
        assertTrue(e.getMessage().contains("locked"), e.getMessage());
    }

    @Test
    void ckrCodesMapToStableErrorCodes() {
        assertEquals(ErrorCode.PIN_INCORRECT, Pkcs11Errors.errorCode(PKCS11Constants.CKR_PIN_INCORRECT));
        assertEquals(ErrorCode.PIN_LOCKED, Pkcs11Errors.errorCode(PKCS11Constants.CKR_PIN_LOCKED));
        for (long gone : new long[] {PKCS11Constants.CKR_DEVICE_REMOVED, PKCS11Constants.CKR_TOKEN_NOT_PRESENT,
                PKCS11Constants.CKR_SESSION_HANDLE_INVALID, PKCS11Constants.CKR_USER_NOT_LOGGED_IN}) {
            assertEquals(ErrorCode.TOKEN_UNAVAILABLE, Pkcs11Errors.errorCode(gone), Pkcs11Errors.name(gone));
        }
        assertEquals(ErrorCode.SIGNING_FAILED, Pkcs11Errors.errorCode(PKCS11Constants.CKR_GENERAL_ERROR));
        assertEquals(ErrorCode.SIGNING_REJECTED, Pkcs11Errors.errorCode(PKCS11Constants.CKR_FUNCTION_CANCELED));
        assertEquals("CKR_DEVICE_REMOVED", Pkcs11Errors.name(PKCS11Constants.CKR_DEVICE_REMOVED));
    }

    private static void assertArrayEqualsChars(String expected, char[] actual) {
        assertTrue(Arrays.equals(expected.toCharArray(), actual));
    }
}
