package vn.kyso.api;

import java.util.Arrays;
import java.util.Objects;

/**
 * The one exception type of the SDK, raised when an action cannot be carried out (bad input, key or
 * token errors, network failures). Verification outcomes are never exceptions: they are reports.
 *
 * <p>Guarantees: {@link #code()} is stable across releases; {@link #message(Language)} gives a one-line
 * message in Vietnamese or English; no secret (PIN, password, key) is ever part of the message.
 * {@link #getMessage()} is the English line prefixed with the code.
 */
public final class KysoException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final ErrorCode code;
    private final String[] details;
    /** Details in Vietnamese when they differ from {@link #details} (words, not names); else null. */
    private final String[] detailsVi;

    /** An error with details (file names, algorithm names, ...) that fill the message template. */
    public KysoException(ErrorCode code, String... details) {
        this(code, null, details);
    }

    /** An error caused by a lower-level exception, kept as cause for debugging. */
    public KysoException(ErrorCode code, Throwable cause, String... details) {
        this(code, cause, details == null ? new String[0] : details.clone(), null);
    }

    private KysoException(ErrorCode code, Throwable cause, String[] details, String[] detailsVi) {
        super(format(Objects.requireNonNull(code, "code"), Language.EN, details), cause);
        this.code = code;
        this.details = details;
        this.detailsVi = detailsVi;
    }

    /**
     * An error whose detail is a description in words, given in both languages (e.g. the state a token
     * reports), so that the Vietnamese message is Vietnamese throughout.
     */
    public static KysoException localized(ErrorCode code, Throwable cause, String detailVi, String detailEn) {
        return new KysoException(code, cause, new String[] {detailEn}, new String[] {detailVi});
    }

    public ErrorCode errorCode() {
        return code;
    }

    /** The stable code, e.g. {@code KYSO-210}. */
    public String code() {
        return code.code();
    }

    /** The one-line message in the given language, prefixed with the code. */
    public String message(Language language) {
        return format(code, language, language == Language.VI && detailsVi != null ? detailsVi : details);
    }

    private static String format(ErrorCode code, Language language, String[] details) {
        String template = code.template(language);
        int slots = template.split("%s", -1).length - 1;
        Object[] args = new Object[slots];
        String[] given = details == null ? new String[0] : details;
        for (int i = 0; i < slots; i++) {
            if (i < given.length) {
                args[i] = given[i];
            } else {
                args[i] = "";
            }
        }
        if (slots > 0 && given.length > slots) {
            args[slots - 1] = String.join(", ", Arrays.copyOfRange(given, slots - 1, given.length));
        }
        String text = String.format(template, args).trim();
        if (text.endsWith(":")) {
            text = text.substring(0, text.length() - 1);
        }
        return "[" + code.code() + "] " + text;
    }
}
