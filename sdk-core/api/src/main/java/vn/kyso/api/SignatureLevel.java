package vn.kyso.api;

import vn.kyso.api.internal.Args;

/**
 * Baseline signature levels (ETSI EN 319 1x2): B-B (basic), B-T (with a signature time-stamp), B-LT
 * (with validation data), B-LTA (with an archive time-stamp). {@link #NONE} only appears in reports,
 * for signatures that do not reach B-B.
 */
public enum SignatureLevel {
    /** Basic: the signature and the signing certificate. */
    B_B("B-B"),
    /** With a time-stamp on the signature, proving when it existed. */
    B_T("B-T"),
    /** With the certificates and revocation data needed to validate it later. */
    B_LT("B-LT"),
    /** With an archive time-stamp over everything, renewable before its algorithms weaken. */
    B_LTA("B-LTA"),
    /** In reports only: the signature does not reach B-B. */
    NONE("NONE");

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

    /**
     * Parses {@code B-T}, {@code b_t}, {@code BT}, ... (not {@code NONE}).
     *
     * @param text the level's label, any case, with or without dash or underscore
     * @return the level; {@code INVALID_ARGUMENT} for anything else
     */
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
