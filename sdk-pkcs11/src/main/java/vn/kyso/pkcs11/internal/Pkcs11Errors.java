package vn.kyso.pkcs11.internal;

import static org.xipki.pkcs11.wrapper.PKCS11Constants.*;

import java.util.Arrays;
import org.xipki.pkcs11.wrapper.PKCS11Constants;
import org.xipki.pkcs11.wrapper.PKCS11Exception;
import org.xipki.pkcs11.wrapper.TokenException;
import vn.kyso.api.ErrorCode;
import vn.kyso.api.KysoException;

/**
 * Maps PKCS#11 return values (CKR_*) to the SDK's stable error codes. Internal: not part of the public
 * API. The CKR name always goes into the details so that support can see what the driver said.
 */
public final class Pkcs11Errors {
    private static final long[] TOKEN_GONE = {
        CKR_DEVICE_REMOVED, CKR_TOKEN_NOT_PRESENT, CKR_TOKEN_NOT_RECOGNIZED, CKR_SLOT_ID_INVALID,
        CKR_SESSION_HANDLE_INVALID, CKR_SESSION_CLOSED, CKR_DEVICE_ERROR, CKR_CRYPTOKI_NOT_INITIALIZED,
        CKR_USER_NOT_LOGGED_IN, CKR_KEY_HANDLE_INVALID, CKR_OBJECT_HANDLE_INVALID,
    };

    private Pkcs11Errors() {
    }

    /** The CKR_* name of a PKCS#11 error, or the exception's class name for other token errors. */
    public static String name(TokenException e) {
        if (e instanceof PKCS11Exception) {
            return name(((PKCS11Exception) e).getErrorCode());
        }
        return e.getClass().getSimpleName();
    }

    /** The CKR_* name of a return value, e.g. {@code CKR_PIN_INCORRECT}. */
    public static String name(long ckr) {
        String n = PKCS11Constants.ckrCodeToName(ckr);
        return n == null ? "CKR_0x" + Long.toHexString(ckr) : n;
    }

    /** The CKR_* value of a PKCS#11 error, or -1 for other token errors. */
    public static long code(TokenException e) {
        return e instanceof PKCS11Exception ? ((PKCS11Exception) e).getErrorCode() : -1L;
    }

    /**
     * Whether the error means the sessions and handles of the current login are dead (token removed or
     * re-initialised, sessions closed, logged out behind our back): they must be dropped and the user must
     * log in again.
     */
    public static boolean isTokenGone(long ckr) {
        return Arrays.stream(TOKEN_GONE).anyMatch(c -> c == ckr);
    }

    /** The stable error code for a CKR value. */
    public static ErrorCode errorCode(long ckr) {
        if (ckr == CKR_PIN_INCORRECT || ckr == CKR_PIN_INVALID || ckr == CKR_PIN_LEN_RANGE) {
            return ErrorCode.PIN_INCORRECT;
        }
        if (ckr == CKR_PIN_LOCKED) {
            return ErrorCode.PIN_LOCKED;
        }
        if (isTokenGone(ckr)) {
            return ErrorCode.TOKEN_UNAVAILABLE;
        }
        if (ckr == CKR_FUNCTION_CANCELED || ckr == CKR_CANCEL) {
            return ErrorCode.SIGNING_REJECTED;
        }
        if (ckr == CKR_MECHANISM_INVALID || ckr == CKR_MECHANISM_PARAM_INVALID || ckr == CKR_KEY_TYPE_INCONSISTENT
                || ckr == CKR_KEY_FUNCTION_NOT_PERMITTED) {
            return ErrorCode.UNSUPPORTED_ALGORITHM;
        }
        return ErrorCode.SIGNING_FAILED;
    }

    /**
     * The exception to throw for a token error during {@code what} on token {@code label}: details are
     * {@code "<label>: <what> (<CKR name>)"} plus a hint for errors that need a new login.
     */
    public static KysoException toKyso(TokenException e, String label, Step what) {
        long ckr = code(e);
        ErrorCode code = ckr < 0 ? ErrorCode.SIGNING_FAILED : errorCode(ckr);
        String vi = "'" + label + "': " + what.vi() + " (" + name(e) + ")";
        String en = "'" + label + "': " + what.en() + " (" + name(e) + ")";
        if (isTokenGone(ckr)) {
            vi += "; thiết bị ký số đã bị rút ra, khởi tạo lại hoặc đăng xuất: hãy đăng nhập lại";
            en += "; the token was removed, re-initialised or logged out: log in again";
        }
        return KysoException.localized(code, e, vi, en);
    }
}
