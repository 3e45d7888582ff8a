package vn.kyso.cli;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the words of a message that are not in the language it claims to be in, leaving names and
 * values alone. It knows no list of allowed words: a word is Vietnamese when it carries Vietnamese
 * diacritics or when it is spelled as a Vietnamese syllable can be (an initial consonant from the
 * Vietnamese alphabet, then one of the rhymes Vietnamese writes without marks, such as {@code theo},
 * {@code cho}, {@code tin}); English words almost never are ({@code needs}, {@code options},
 * {@code file}, {@code key}, {@code get}). The few English words that happen to be spelled like a
 * toneless syllable but are not Vietnamese words ({@code the}, {@code not}, {@code a}, ...) are named
 * in {@link #ENGLISH_LOOKALIKES}: a list of English words to refuse, never of words to let through.
 *
 * <p>A name or value is a token with a digit or a character no word has ({@code . _ / \ = # @ : %}),
 * an acronym ({@code PDF}, {@code B-T}), a Java-style name ({@code TimestampClient},
 * {@code signatureValue}), an option ({@code --port}), or anything quoted.
 */
final class VietnameseText {
    /** English words spelled like toneless Vietnamese syllables that Vietnamese text never uses as words. */
    static final Set<String> ENGLISH_LOOKALIKES = Set.of(
            "a", "the", "not", "at", "it", "on", "be", "by", "he", "me", "my", "up", "but", "set", "let",
            "yet", "no", "can", "ok", "via", "hit", "bit", "top");

    /** Values that are spelled like words: Java's literals and the symbols of units. */
    private static final Set<String> VALUES = Set.of("null", "true", "false", "mm", "pt", "px", "ms", "byte", "kb", "mb", "kib", "mib");

    /**
     * Words of the command line ({@code kyso} and its subcommands) and its options that take a value: in
     * a run of text that starts with {@code kyso}, a command word is a name; after such an option, the
     * next token is its value.
     */
    private static volatile Set<String> commandWords = Set.of();
    private static volatile Set<String> valuedOptions = Set.of();

    static void commandLine(Set<String> commands, Set<String> options) {
        commandWords = Set.copyOf(commands);
        valuedOptions = Set.copyOf(options);
    }

    private static final Pattern QUOTED = Pattern.compile("'[^']*'|\"[^\"]*\"|`[^`]*`|«[^»]*»|“[^”]*”|‘[^’]*’");
    private static final Pattern PRODUCT = Pattern.compile("Kyso|kyso(-[a-z0-9]+)+");
    private static final Pattern TOKEN = Pattern.compile("[^\\s,;!?(){}<>\\]]+");
    private static final Pattern INITIAL = Pattern.compile("^(ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnprstvx])?");
    private static final Set<String> RHYMES = Set.of(
            "a", "ac", "ach", "am", "an", "ang", "anh", "ap", "at", "ai", "ao", "au", "ay",
            "e", "ec", "em", "en", "eng", "ep", "et", "eo",
            "i", "ic", "ich", "im", "in", "inh", "ip", "it", "ia", "iu",
            "o", "oc", "om", "on", "ong", "op", "ot", "oi", "ooc", "oong",
            "oa", "oac", "oach", "oai", "oam", "oan", "oang", "oanh", "oao", "oap", "oat", "oay",
            "oe", "oen", "oeo", "oet",
            "u", "uc", "um", "un", "ung", "up", "ut", "ua", "ui", "uy", "uya", "uyt", "uych", "uynh", "uyn", "uyp",
            "y");

    private VietnameseText() {
    }

    /** The words of {@code text} that are not Vietnamese (empty when it is wholly Vietnamese). */
    static List<String> nonVietnamese(String text) {
        List<String> found = new ArrayList<>();
        for (String word : words(text)) {
            if (!isVietnamese(word)) {
                found.add(word);
            }
        }
        return found;
    }

    /** The words of {@code text} that are Vietnamese by their marks (empty when no word of it is). */
    static List<String> vietnameseWords(String text) {
        List<String> found = new ArrayList<>();
        for (String word : words(text)) {
            if (hasVietnameseMarks(word)) {
                found.add(word);
            }
        }
        return found;
    }

    /** Every word of {@code text}, in order, after names, values and quoted parts are left out. */
    static List<String> words(String text) {
        String unquoted = QUOTED.matcher(text).replaceAll(" ");
        List<String> words = new ArrayList<>();
        Matcher m = TOKEN.matcher(unquoted);
        boolean command = false;
        boolean optionValue = false;
        while (m.find()) {
            String raw = m.group();
            String token = trim(raw);
            boolean value = optionValue;
            optionValue = token.startsWith("--") && valuedOptions.contains(token) && !raw.endsWith(":");
            if (token.equals("kyso")) {
                command = true;
                continue;
            }
            if (command && commandWords.contains(token)) {
                continue;
            }
            command = command && token.startsWith("-");
            if (token.isEmpty() || value || isName(token)) {
                continue;
            }
            if (token.indexOf('-') > 0) {
                for (String part : token.split("-")) {
                    if (!part.isEmpty() && !isName(part)) {
                        words.add(part);
                    }
                }
            } else {
                words.add(token);
            }
        }
        return words;
    }

    private static String trim(String token) {
        int start = 0;
        int end = token.length();
        while (start < end && ".:'\"…".indexOf(token.charAt(end - 1)) >= 0) {
            end--;
        }
        while (start < end && "'\"".indexOf(token.charAt(start)) >= 0) {
            start++;
        }
        return token.substring(start, end);
    }

    /** A token that is a name or a value rather than a word of a language. */
    static boolean isName(String token) {
        if (PRODUCT.matcher(token).matches()) {
            return true; // the product and its artifacts: Kyso, kyso-core, kyso-pdf
        }
        if (token.startsWith("-") || token.startsWith("%") || VALUES.contains(token.toLowerCase(Locale.ROOT))) {
            return true;
        }
        boolean lower = false;
        boolean upper = false;
        int uppers = 0;
        boolean upperAfterLower = false;
        int letters = 0;
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            if (Character.isDigit(c) || "._/\\=#@:%$&*+~^".indexOf(c) >= 0) {
                return true;
            }
            if (Character.isLetter(c)) {
                letters++;
                if (Character.isUpperCase(c)) {
                    upperAfterLower |= lower;
                    upper = true;
                    uppers++;
                } else {
                    lower = true;
                }
            } else if (c != '-' && c != '\'' && c != '’') {
                return true;
            }
        }
        if (letters == 0) {
            return true;
        }
        if (letters == 1 && token.length() == 1 && !token.equalsIgnoreCase("a")) {
            return true; // a variable or a unit: x, s, n
        }
        boolean acronym = upper && (!lower && letters > 1 || uppers > 1);
        boolean hyphenatedAcronym = token.indexOf('-') > 0 && !lower;
        return acronym || hyphenatedAcronym || upperAfterLower;
    }

    static boolean hasVietnameseMarks(String word) {
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            if (c > 0x7f && Character.isLetter(c)) {
                return true;
            }
        }
        return false;
    }

    /** A word with Vietnamese marks, or spelled as a toneless Vietnamese syllable that is no English word. */
    static boolean isVietnamese(String word) {
        if (hasVietnameseMarks(word)) {
            String bare = Normalizer.normalize(word.replace('đ', 'd').replace('Đ', 'D'), Normalizer.Form.NFD)
                    .replaceAll("\\p{M}", "");
            return bare.chars().allMatch(c -> c < 0x80 && Character.isLetter(c));
        }
        String w = word.toLowerCase(Locale.ROOT);
        if (ENGLISH_LOOKALIKES.contains(w)) {
            return false;
        }
        return isToneless(w);
    }

    private static boolean isToneless(String w) {
        Matcher m = INITIAL.matcher(w);
        m.find();
        String initial = m.group();
        String rhyme = w.substring(initial.length());
        if (initial.equals("gi") && rhyme.isEmpty()) {
            return true;
        }
        if (!RHYMES.contains(rhyme)) {
            return false;
        }
        char first = rhyme.charAt(0);
        boolean front = first == 'e' || first == 'i' || first == 'y';
        switch (initial) {
            case "k": case "gh": case "ngh":
                return front;
            case "c": case "g": case "ng":
                return !front;
            case "qu":
                return first != 'u' && first != 'o';
            default:
                return true;
        }
    }
}
