package vn.kyso.api;

/** The signature formats the SDK produces and verifies. */
public enum SignatureFormat {
    CADES("CAdES"), PADES("PAdES"), XADES("XAdES"), XMLDSIG("XMLDSig");

    private final String label;

    SignatureFormat(String label) {
        this.label = label;
    }

    /** {@return the usual name, e.g. {@code CAdES}} */
    public String label() {
        return label;
    }
}
