package vn.kyso.api.report;

/**
 * A signer's role in the document's profile (Vietnamese e-invoice, e-tax, edXML). The {@link #code()} is
 * the name the JSON, HTML and PDF reports show and never changes.
 */
public enum Party {
    /** E-invoice: the seller ({@code DSCKS/NBan}). */
    SELLER("seller"),
    /** E-invoice: the buyer ({@code DSCKS/NMua}). */
    BUYER("buyer"),
    /** E-invoice: the tax authority ({@code DSCKS/CQT}), which issues the code {@code MCCQT}. */
    TAX_AUTHORITY("tax-authority"),
    /** E-invoice: any other signer ({@code DSCKS/CCKSKhac}). */
    OTHER("other"),
    /** E-tax: the taxpayer declaring ({@code CKyDTu}). */
    DECLARANT("declarant"),
    /** edXML: the sending agency (signature in {@code edXMLHeader}). */
    SENDER("sender");

    private final String code;

    Party(String code) {
        this.code = code;
    }

    /** {@return the stable lower-case name of the reports, such as {@code tax-authority}} */
    public String code() {
        return code;
    }
}
