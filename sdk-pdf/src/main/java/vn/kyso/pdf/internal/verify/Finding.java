package vn.kyso.pdf.internal.verify;

import vn.kyso.api.report.Modification;

/** One reason a change after a signature was classified as it was; the code has a message in {@code VerificationMessages}. */
public final class Finding {
    /** Pages added, removed, reordered or replaced. */
    public static final String PAGES = "PDF_PAGES_CHANGED";
    /** Something a viewer shows changed with no rule to explain it. */
    public static final String CONTENT = "PDF_CONTENT_CHANGED";
    /** An annotation or an optional-content layer made visible or hidden. */
    public static final String VISIBILITY = "PDF_VISIBILITY_CHANGED";
    /** A field value the signer saw was replaced. */
    public static final String VALUE_REPLACED = "PDF_FIELD_VALUE_REPLACED";
    /** An appearance that does not show the field's value, or that changed without it. */
    public static final String APPEARANCE = "PDF_APPEARANCE_MISMATCH";
    /** The signed revision could not be read or compared. */
    public static final String UNREADABLE = "PDF_REVISION_UNREADABLE";
    /** A comment or a later signature laid over a field, a signature or a comment. */
    public static final String OVERLAP = "PDF_ANNOTATION_OVERLAP";

    public final Modification kind;
    public final String code;
    public final String detail;

    Finding(Modification kind, String code, String detail) {
        this.kind = kind;
        this.code = code;
        this.detail = detail;
    }

    @Override
    public String toString() {
        return kind + " " + code + " " + detail;
    }
}
