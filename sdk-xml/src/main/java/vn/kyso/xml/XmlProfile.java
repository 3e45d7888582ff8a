package vn.kyso.xml;

/**
 * The XML document profiles the SDK knows, with what each requires a signature to cover. A signature that
 * is cryptographically valid but covers another element than the profile requires is never VALID.
 */
public enum XmlProfile {
    /** Any XAdES or XMLDSig document: no placement rule; duplicate Ids and unsafe references still fail. */
    GENERIC("xades"),
    /**
     * E-invoice (Decree 123/2020, Circular 78/2021): root {@code HDon}; the seller's signature in
     * {@code DSCKS/NBan} must reference exactly {@code #<Id of /HDon/DLHDon>} (plus its own signed SigningTime
     * property, which an XMLDSig seller signature must have); the buyer ({@code DSCKS/NMua}) and other
     * ({@code DSCKS/CCKSKhac}) signatures must cover exactly {@code DLHDon} or the whole invoice; the tax
     * authority's ({@code DSCKS/CQT}) must cover {@code MCCQT} and nothing but it and {@code DLHDon}.
     * See {@link vn.kyso.xml.profile.EInvoice}.
     */
    EINVOICE("einvoice"),
    /** E-tax: root {@code HSoThueDTu} / {@code TBaoThueDTu}; the signature in {@code CKyDTu} must reference exactly {@code HSoKhaiThue}. */
    ETAX("etax"),
    /** edXML (QCVN 102:2016): an enveloped signature over the whole message ({@code URI=""}) inside {@code edXMLHeader}. */
    EDXML("edxml");

    private final String cliName;

    XmlProfile(String cliName) {
        this.cliName = cliName;
    }

    /** {@return the name used on the command line, e.g. {@code einvoice}} */
    public String cliName() {
        return cliName;
    }

    /**
     * {@return the profile a document's root element implies ({@link #GENERIC} when none)}
     *
     * @param rootLocalName the local name of the root element, e.g. {@code HDon}
     */
    public static XmlProfile detect(String rootLocalName) {
        vn.kyso.api.internal.Args.notNull(rootLocalName, "rootLocalName");
        if ("HDon".equals(rootLocalName)) {
            return EINVOICE;
        }
        if ("HSoThueDTu".equals(rootLocalName) || "TBaoThueDTu".equals(rootLocalName)) {
            return ETAX;
        }
        if ("edXML".equals(rootLocalName)) {
            return EDXML;
        }
        return GENERIC;
    }
}
