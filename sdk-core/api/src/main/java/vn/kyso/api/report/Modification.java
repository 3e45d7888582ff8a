package vn.kyso.api.report;

/** What happened to a PDF after a signature (the most serious kind found). */
public enum Modification {
    /** Nothing: the signature covers the whole file. */
    NONE,
    /** Further signatures, document time-stamps or validation data only. */
    SIGNATURES,
    /** Form fields filled in. */
    FORM_FILL,
    /** Annotations added, changed or removed. */
    ANNOTATIONS,
    /** Anything else, such as changed page content: never acceptable. */
    OTHER
}
