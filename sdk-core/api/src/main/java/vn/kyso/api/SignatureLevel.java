package vn.kyso.api;

import vn.kyso.api.internal.Args;

/**
 * Baseline signature levels (ETSI EN 319 1x2): B-B (basic), B-T (with a signature time-stamp), B-LT
 * (with validation data), B-LTA (with an archive time-stamp). {@link #NONE} only appears in reports,
 * for signatures that do not reach B-B.
 */
public enum SignatureLevel {
    B_B("B-B"), B_T("B-T"), B_LT("B-LT"), B_LTA("B-LTA"), NONE("NONE");

    private final String label;

    SignatureLevel(String label) {
        this.label = label;
    }

    /** {@return the ETSI label, e.g. {@code B-LTA}} */
    public String label() {
        return label;
    }

    /** {@return whether this level needs a time-stamp authority} */
    public boolean needsTimestamp() {
        return this == B_T || this == B_LT || this == B_LTA;
    }

    /** Parses {@code B-T}, {@code b_t}, {@code BT}, ... (not {@code NONE}). */
    public static SignatureLevel parse(String text) {
        Args.notNull(text, "text");
        String n = text.trim().toUpperCase(java.util.Locale.ROOT).replace("_", "").replace("-", "");
        for (SignatureLevel l : values()) {
            if (l != NONE && l.label.replace("-", "").equals(n)) {
                return l;
            }
        }
        throw new KysoException(ErrorCode.INVALID_ARGUMENT, "level=" + text);
    }
}
