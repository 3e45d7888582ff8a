package vn.kyso.api.cert;

/** The identifier prefixes used in the UID attribute of Vietnamese certificates. */
public enum IdentifierType {
    /** Mã số thuế (tax code), possibly with a branch suffix such as {@code -001}. */
    MST(false),
    /** Căn cước công dân: 12-digit citizen identity number. */
    CCCD(true),
    /** Chứng minh nhân dân: old identity card number. */
    CMND(true),
    /** Hộ chiếu: passport number. */
    HC(true),
    /** Mã số bảo hiểm xã hội: social insurance code. */
    BHXH(true),
    /** Personal identifier of another form. */
    PID(true),
    /** Passport identifier of another form. */
    PPID(true);

    private final boolean personal;

    IdentifierType(boolean personal) {
        this.personal = personal;
    }

    /** {@return whether the identifier designates a natural person} */
    public boolean personal() {
        return personal;
    }
}
