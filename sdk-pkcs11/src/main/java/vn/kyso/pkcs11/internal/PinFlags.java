package vn.kyso.pkcs11.internal;

import java.util.ArrayList;
import java.util.List;

/** CK_TOKEN_INFO PIN flags and their description. Internal: not part of the public API. */
public final class PinFlags {
    public static final long CKF_USER_PIN_INITIALIZED = 0x00000008L;
    public static final long CKF_PROTECTED_AUTHENTICATION_PATH = 0x00000100L;
    public static final long CKF_USER_PIN_COUNT_LOW = 0x00010000L;
    public static final long CKF_USER_PIN_FINAL_TRY = 0x00020000L;
    public static final long CKF_USER_PIN_LOCKED = 0x00040000L;
    public static final long CKF_USER_PIN_TO_BE_CHANGED = 0x00080000L;

    private PinFlags() {
    }

    /** A short English description of the PIN state, e.g. {@code "ok"} or {@code "count low (...)"}. */
    public static String describe(long flags) {
        List<String> parts = new ArrayList<>();
        if ((flags & CKF_USER_PIN_LOCKED) != 0) {
            parts.add("locked");
        }
        if ((flags & CKF_USER_PIN_FINAL_TRY) != 0) {
            parts.add("final try (one more wrong PIN locks the token)");
        }
        if ((flags & CKF_USER_PIN_COUNT_LOW) != 0) {
            parts.add("count low (a wrong PIN was entered)");
        }
        if ((flags & CKF_USER_PIN_TO_BE_CHANGED) != 0) {
            parts.add("to be changed");
        }
        if ((flags & CKF_USER_PIN_INITIALIZED) == 0) {
            parts.add("not initialised");
        }
        return parts.isEmpty() ? "ok" : String.join(", ", parts);
    }
}
