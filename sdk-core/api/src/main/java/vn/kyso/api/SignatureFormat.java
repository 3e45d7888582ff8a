package vn.kyso.api;

/** The signature formats the SDK produces and verifies. */
public enum SignatureFormat {
    /** CMS Advanced Electronic Signatures (ETSI EN 319 122), for any file. */
    CADES("CAdES"),
    /** PDF Advanced Electronic Signatures (ETSI EN 319 142). */
    PADES("PAdES"),
    /** XML Advanced Electronic Signatures (ETSI EN 319 132). */
    XADES("XAdES"),
    /** Plain W3C XML Signature, without the XAdES properties (no levels). */
    XMLDSIG("XMLDSig");

    private final String label;

    SignatureFormat(String label) {
        this.label = label;
    }

    /** {@return the usual name, e.g. {@code CAdES}} */
    public String label() {
        return label;
    }
}
