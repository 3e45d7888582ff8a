package vn.kyso.api.report;

import java.util.Objects;
import vn.kyso.api.Language;

/** One error or warning of a report: a stable code and the same message in Vietnamese and English.
 * Immutable. */
public final class ReportMessage {
    private final String code;
    private final String vietnamese;
    private final String english;

    ReportMessage(String code, String vietnamese, String english) {
        this.code = Objects.requireNonNull(code, "code");
        this.vietnamese = Objects.requireNonNull(vietnamese, "vietnamese");
        this.english = Objects.requireNonNull(english, "english");
    }

    /**
     * {@return the stable code of the finding}
     */
    public String code() {
        return code;
    }

    /**
     * The finding in words.
     *
     * @param language the language of the text
     * @return the finding in that language
     */
    public String message(Language language) {
        return language == Language.EN ? english : vietnamese;
    }

    @Override
    public String toString() {
        return code + ": " + english;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ReportMessage && ((ReportMessage) o).code.equals(code)
                && ((ReportMessage) o).english.equals(english);
    }

    @Override
    public int hashCode() {
        return Objects.hash(code, english);
    }
}
