package vn.kyso.pkcs11;

import java.util.Objects;
import vn.kyso.api.Language;
import vn.kyso.api.internal.Args;
import vn.kyso.pkcs11.internal.PinFlags;

/**
 * A snapshot of one slot and the token in it, read without logging in: label, serial, manufacturer,
 * model, the raw CK_TOKEN_INFO flags and what they say about the PIN. Immutable; the token may change
 * after the snapshot was taken (take a new one with {@link Pkcs11Module#slots()}).
 */
public final class TokenSlot {
    // CK_TOKEN_INFO flags (PKCS#11 v2.40 §5.1), kept here so that callers need no IAIK types.
    static final long CKF_LOGIN_REQUIRED = 0x00000004L;
    static final long CKF_USER_PIN_INITIALIZED = 0x00000008L;
    static final long CKF_PROTECTED_AUTHENTICATION_PATH = 0x00000100L;
    static final long CKF_TOKEN_INITIALIZED = 0x00000400L;
    static final long CKF_USER_PIN_COUNT_LOW = 0x00010000L;
    static final long CKF_USER_PIN_FINAL_TRY = 0x00020000L;
    static final long CKF_USER_PIN_LOCKED = 0x00040000L;
    static final long CKF_USER_PIN_TO_BE_CHANGED = 0x00080000L;

    private final long slotId;
    private final int index;
    private final String slotDescription;
    private final String label;
    private final String serial;
    private final String manufacturer;
    private final String model;
    private final long flags;

    TokenSlot(long slotId, int index, String slotDescription, String label, String serial, String manufacturer,
              String model, long flags) {
        this.slotId = slotId;
        this.index = index;
        this.slotDescription = trim(slotDescription);
        this.label = trim(label);
        this.serial = trim(serial);
        this.manufacturer = trim(manufacturer);
        this.model = trim(model);
        this.flags = flags;
    }

    private static String trim(String s) {
        return s == null ? "" : s.trim();
    }

    /** {@return the PKCS#11 slot id (CK_SLOT_ID), as the driver numbers it; not necessarily small or dense} */
    public long slotId() {
        return slotId;
    }

    /**
     * {@return the position of this slot in {@link Pkcs11Module#slots()} (0, 1, ...), handy for a {@code
     * --slot N} option}
     */
    public int index() {
        return index;
    }

    /** {@return the slot (reader) description} */
    public String slotDescription() {
        return slotDescription;
    }

    /** {@return the token label (trailing blanks removed)} */
    public String label() {
        return label;
    }

    /** {@return the token serial number (trailing blanks removed)} */
    public String serial() {
        return serial;
    }

    /** {@return the token manufacturer id (trailing blanks removed)} */
    public String manufacturer() {
        return manufacturer;
    }

    /** {@return the token model (trailing blanks removed)} */
    public String model() {
        return model;
    }

    /** {@return the raw CK_TOKEN_INFO flags} */
    public long flags() {
        return flags;
    }

    /** {@return whether the token has been initialised (a blank token cannot sign)} */
    public boolean initialized() {
        return (flags & CKF_TOKEN_INITIALIZED) != 0;
    }

    /** {@return whether the token needs a login before its private keys can be used} */
    public boolean loginRequired() {
        return (flags & CKF_LOGIN_REQUIRED) != 0;
    }

    /**
     * {@return whether the PIN is entered on the device itself (PIN pad, biometrics:
     * CKF_PROTECTED_AUTHENTICATION_PATH);
     * then {@link Pkcs11Token#loginWithPinPad()} is the way to log in}
     */
    public boolean pinPad() {
        return (flags & CKF_PROTECTED_AUTHENTICATION_PATH) != 0;
    }

    /**
     * CKF_USER_PIN_COUNT_LOW: a wrong user PIN was entered since the last successful login.
     *
     * @return true when the flag is set
     */
    public boolean pinCountLow() {
        return (flags & CKF_USER_PIN_COUNT_LOW) != 0;
    }

    /**
     * CKF_USER_PIN_FINAL_TRY: one more wrong PIN locks the token.
     *
     * @return true when the flag is set
     */
    public boolean pinFinalTry() {
        return (flags & CKF_USER_PIN_FINAL_TRY) != 0;
    }

    /**
     * CKF_USER_PIN_LOCKED: the user PIN is locked; only the security officer (or the CA) can unlock it.
     *
     * @return true when the flag is set
     */
    public boolean pinLocked() {
        return (flags & CKF_USER_PIN_LOCKED) != 0;
    }

    /**
     * CKF_USER_PIN_TO_BE_CHANGED: the PIN must be changed (factory PIN or expired).
     *
     * @return true when the flag is set
     */
    public boolean pinToBeChanged() {
        return (flags & CKF_USER_PIN_TO_BE_CHANGED) != 0;
    }

    /** {@return a short English description of the PIN state, e.g. {@code "ok"} or {@code "count low, final try"}} */
    public String pinState() {
        return PinFlags.describe(flags);
    }

    /**
     * {@return the PIN state described in the given language, to show before asking for the PIN}
     *
     * @param language the language of the words
     */
    public String pinState(Language language) {
        Args.notNull(language, "language");
        return PinFlags.describe(flags, language);
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof TokenSlot)) {
            return false;
        }
        TokenSlot t = (TokenSlot) o;
        return slotId == t.slotId && index == t.index && flags == t.flags && label.equals(t.label)
                && serial.equals(t.serial) && manufacturer.equals(t.manufacturer) && model.equals(t.model)
                && slotDescription.equals(t.slotDescription);
    }

    @Override
    public int hashCode() {
        return Objects.hash(slotId, label, serial, flags);
    }

    @Override
    public String toString() {
        return "slot " + index + " (id " + slotId + "): '" + label + "' " + manufacturer + " " + model
                + " serial " + serial + (pinPad() ? ", PIN pad" : "") + ", PIN " + pinState();
    }
}
