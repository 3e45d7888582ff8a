package vn.kyso.api;

import java.util.Arrays;
import org.jspecify.annotations.Nullable;
import vn.kyso.api.internal.Args;

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

    /** The error. */
    private final ErrorCode code;
    /** The details in English, or names and values shown as they are in both languages. */
    private final @Nullable String[] details;
    /** Details in Vietnamese when they differ from {@link #details} (words, not names); else null. */
    private final @Nullable String @Nullable [] detailsVi;

    /**
     * An error with details that fill the message template. The details are names and values (file
     * names, algorithm names, numbers), shown as they are in both languages; a detail in words needs
     * {@link #localized}. Null details, or none, leave the template's slot empty.
     *
     * @param code the error; required
     * @param details what fills the template's {@code %s}, in order (the last slot takes the rest)
     */
    public KysoException(ErrorCode code, @Nullable String @Nullable ... details) {
        this(code, null, details);
    }

    /**
     * An error caused by a lower-level exception, kept as cause for debugging (its text is never part of
     * the message).
     *
     * @param code the error; required
     * @param cause the lower-level exception, or null
     * @param details names and values that fill the template, as in {@link #KysoException(ErrorCode, String...)}
     */
    public KysoException(ErrorCode code, @Nullable Throwable cause, @Nullable String @Nullable ... details) {
        this(Args.notNull(code, "code"), cause, details == null ? new String[0] : details.clone(), null);
    }

    private KysoException(ErrorCode code, @Nullable Throwable cause, @Nullable String[] details,
            @Nullable String @Nullable [] detailsVi) {
        super(format(code, Language.EN, details), cause);
        this.code = code;
        this.details = details;
        this.detailsVi = detailsVi;
    }

    /**
     * An error whose detail is a description in words, given in both languages (e.g. the state a token
     * reports), so that the Vietnamese message is Vietnamese throughout.
     *
     * @param code the error; required
     * @param cause the lower-level exception, or null
     * @param detailVi the detail in Vietnamese (null leaves the slot empty)
     * @param detailEn the same detail in English (null leaves the slot empty)
     * @return the exception, to be thrown by the caller
     */
    public static KysoException localized(ErrorCode code, @Nullable Throwable cause, @Nullable String detailVi,
            @Nullable String detailEn) {
        return new KysoException(Args.notNull(code, "code"), cause, new String[] {detailEn},
                new String[] {detailVi});
    }

    /** {@return the error, whose {@link ErrorCode#code() code} and meaning are stable across releases} */
    public ErrorCode errorCode() {
        return code;
    }

    /** {@return the stable code, e.g. {@code KYSO-210}} */
    public String code() {
        return code.code();
    }

    /**
     * The one-line message in a language, prefixed with the code, e.g.
     * {@code [KYSO-210] Mã PIN không đúng: ...}.
     *
     * @param language the language of the message
     * @return the message; never null
     */
    public String message(Language language) {
        Args.notNull(language, "language");
        return format(code, language, language == Language.VI && detailsVi != null ? detailsVi : details);
    }

    private static String format(ErrorCode code, Language language, @Nullable String @Nullable [] details) {
        String template = code.template(language);
        int slots = template.split("%s", -1).length - 1;
        Object[] args = new Object[slots];
        String[] given = details == null ? new String[0] : details.clone();
        for (int i = 0; i < given.length; i++) {
            if (given[i] == null) {
                given[i] = "";
            }
        }
        for (int i = 0; i < slots; i++) {
            args[i] = i < given.length ? given[i] : "";
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
