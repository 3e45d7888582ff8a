package vn.kyso.api;

import java.util.Locale;
import vn.kyso.api.internal.Args;

/** The languages every user-facing message of the SDK is available in. Vietnamese is the default. */
public enum Language {
    /** Vietnamese (tiếng Việt): the default. */
    VI,
    /** English. */
    EN;

    /**
     * Parses {@code vi}/{@code en} (any case); anything else is an {@link ErrorCode#INVALID_ARGUMENT}.
     *
     * @param tag {@code vi} or {@code en}
     * @return the language
     */
    public static Language parse(String tag) {
        Args.notNull(tag, "tag");
        switch (tag.trim().toLowerCase(Locale.ROOT)) {
            case "vi": return VI;
            case "en": return EN;
            default: break;
        }
        throw new KysoException(ErrorCode.INVALID_ARGUMENT, "lang=" + tag);
    }
}
