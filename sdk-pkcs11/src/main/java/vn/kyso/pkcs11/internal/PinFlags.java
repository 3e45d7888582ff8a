package vn.kyso.pkcs11.internal;

import java.util.ArrayList;
import java.util.List;
import vn.kyso.api.Language;

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
        return describe(flags, Language.EN);
    }

    /** A short description of the PIN state in the given language. */
    public static String describe(long flags, Language language) {
        boolean vi = language == Language.VI;
        List<String> parts = new ArrayList<>();
        if ((flags & CKF_USER_PIN_LOCKED) != 0) {
            parts.add(vi ? "đã bị khóa" : "locked");
        }
        if ((flags & CKF_USER_PIN_FINAL_TRY) != 0) {
            parts.add(vi ? "lần thử cuối (nhập sai thêm một lần nữa sẽ khóa thiết bị)" : "final try (one more wrong PIN locks the token)");
        }
        if ((flags & CKF_USER_PIN_COUNT_LOW) != 0) {
            parts.add(vi ? "còn ít lần thử (đã có lần nhập sai)" : "count low (a wrong PIN was entered)");
        }
        if ((flags & CKF_USER_PIN_TO_BE_CHANGED) != 0) {
            parts.add(vi ? "cần đổi PIN" : "to be changed");
        }
        if ((flags & CKF_USER_PIN_INITIALIZED) == 0) {
            parts.add(vi ? "chưa khởi tạo" : "not initialised");
        }
        return parts.isEmpty() ? (vi ? "bình thường" : "ok") : String.join(", ", parts);
    }
}
