package vn.kyso.pkcs11.internal;

/**
 * What the SDK was doing with a token when something failed, said in both languages so that an error
 * message is wholly Vietnamese or wholly English. Not meant for vendors; may change between releases.
 */
public final class Step {
    public static final Step LISTING_SLOTS = new Step("liệt kê khe cắm", "listing slots");
    public static final Step READING_TOKEN_INFO = new Step("đọc thông tin thiết bị", "reading token information");
    public static final Step OPENING_SESSION = new Step("mở phiên làm việc", "opening a session");
    public static final Step READING_CERTIFICATES = new Step("đọc chứng thư số", "reading certificates");
    public static final Step READING_KEYS = new Step("đọc danh sách khóa", "reading keys");
    public static final Step LISTING_KEYS = new Step("liệt kê khóa", "listing keys");
    public static final Step LOGIN = new Step("đăng nhập", "login");
    public static final Step SIGNING = new Step("ký", "signing");

    private final String vi;
    private final String en;

    private Step(String vi, String en) {
        this.vi = vi;
        this.en = en;
    }

    /** Signing with a named algorithm (a name, the same in both languages). */
    public static Step signing(String algorithm) {
        return new Step("ký (" + algorithm + ")", "signing (" + algorithm + ")");
    }

    public String vi() {
        return vi;
    }

    public String en() {
        return en;
    }

    @Override
    public String toString() {
        return en;
    }
}
