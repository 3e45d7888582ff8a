package vn.kyso.api;

/**
 * Stable error codes of the SDK. A code and its meaning never change once released; new codes may be
 * added. Each carries a Vietnamese and an English message template ({@code %s} placeholders are filled
 * with the details given to {@link KysoException}).
 */
public enum ErrorCode {
    INVALID_ARGUMENT("KYSO-100", "Tham số không hợp lệ: %s", "Invalid argument: %s"),
    INPUT_UNREADABLE("KYSO-101", "Không đọc được tệp đầu vào: %s", "Cannot read the input: %s"),
    UNSUPPORTED_FORMAT("KYSO-102", "Định dạng không được hỗ trợ: %s", "Unsupported format: %s"),
    OUTPUT_FAILED("KYSO-103", "Không ghi được tệp đầu ra: %s", "Cannot write the output: %s"),
    MALFORMED_INPUT("KYSO-104", "Dữ liệu đầu vào bị hỏng hoặc sai cấu trúc: %s", "Malformed input: %s"),
    DOCUMENT_PASSWORD("KYSO-105", "Tài liệu được mã hóa, cần đúng mật khẩu để mở: %s",
            "The document is encrypted and needs the right password: %s"),
    DOCUMENT_LOCKED("KYSO-106", "Tài liệu không cho phép thêm chữ ký hoặc thay đổi (đã được chứng nhận khóa): %s",
            "The document does not permit new signatures or changes (it is certified and locked): %s"),
    /** The signer was built without what this act needs (time-stamp authority, trust anchors, state key). */
    SIGNER_SETTING_MISSING("KYSO-107", "Bộ ký thiếu thiết lập cần cho việc này: %s",
            "The signer lacks a setting this needs: %s"),
    /** A command line names an option the command does not have. */
    USAGE_UNKNOWN_OPTION("KYSO-108", "Lệnh không có tùy chọn này: %s", "The command has no such option: %s"),
    /** A command line names a subcommand that does not exist, or gives an argument the command does not take. */
    USAGE_UNEXPECTED_ARGUMENT("KYSO-109", "Lệnh không nhận đối số này: %s", "The command does not take this argument: %s"),
    /** A command line lacks a required option or argument. */
    USAGE_MISSING_PARAMETER("KYSO-110", "Thiếu tham số bắt buộc: %s", "A required parameter is missing: %s"),
    /** A command line gives an option a value it cannot take. */
    USAGE_INVALID_VALUE("KYSO-111", "Giá trị không hợp lệ: %s", "Invalid value: %s"),
    /** A command that only groups subcommands was given none. */
    USAGE_MISSING_SUBCOMMAND("KYSO-112", "Thiếu lệnh con, hãy chọn một trong: %s", "A subcommand is missing, choose one of: %s"),
    /** A command line gives an option more often than it may, or options that exclude each other. */
    USAGE_CONFLICT("KYSO-113", "Tham số bị lặp lại hoặc loại trừ nhau: %s", "A parameter is repeated or excludes another: %s"),
    /** Any other command line the parser refuses. */
    USAGE_INVALID("KYSO-114", "Cú pháp lệnh không đúng: %s", "The command line is not valid: %s"),
    OPERATION_UNSUPPORTED("KYSO-115", "Định dạng này không hỗ trợ thao tác được yêu cầu: %s",
            "This format does not support the requested operation: %s"),

    KEYSTORE_PASSWORD("KYSO-200", "Mật khẩu kho khóa không đúng: %s", "Wrong key store password: %s"),
    KEYSTORE_UNREADABLE("KYSO-201", "Không mở được kho khóa: %s", "Cannot open the key store: %s"),
    KEY_NOT_FOUND("KYSO-202", "Không tìm thấy khóa ký: %s", "Signing key not found: %s"),
    UNSUPPORTED_ALGORITHM("KYSO-203", "Thuật toán không được hỗ trợ: %s", "Unsupported algorithm: %s"),
    SIGNING_FAILED("KYSO-204", "Ký số không thành công: %s", "Signing failed: %s"),
    CERTIFICATE_EXPIRED("KYSO-205", "Chứng thư số đã hết hạn: %s", "The certificate has expired: %s"),
    CERTIFICATE_NOT_YET_VALID("KYSO-206", "Chứng thư số chưa có hiệu lực: %s", "The certificate is not yet valid: %s"),
    CERTIFICATE_REVOKED("KYSO-207", "Chứng thư số đã bị thu hồi: %s", "The certificate has been revoked: %s"),
    CERTIFICATE_UNREADABLE("KYSO-208", "Không đọc được chứng thư số: %s", "Cannot read the certificate: %s"),
    TOKEN_UNAVAILABLE("KYSO-209", "Thiết bị/kho khóa không sẵn sàng: %s", "The token or key store is not available: %s"),
    PIN_INCORRECT("KYSO-210", "Mã PIN không đúng: %s", "Wrong PIN: %s"),
    PIN_LOCKED("KYSO-211", "Thiết bị đã bị khóa mã PIN: %s", "The PIN is locked: %s"),
    KEY_USAGE_NOT_ALLOWED("KYSO-212", "Chứng thư số không được phép dùng để ký: %s", "The certificate may not be used for signing: %s"),
    SIGNING_REJECTED("KYSO-213", "Người ký đã từ chối yêu cầu ký: %s", "The signer rejected the signing request: %s"),
    SIGNING_TIMEOUT("KYSO-214", "Hết thời gian chờ người ký xác nhận: %s", "Timed out waiting for the signer to confirm: %s"),

    TIMESTAMP_FAILED("KYSO-300", "Không lấy được dấu thời gian: %s", "Could not obtain a time-stamp: %s"),
    TIMESTAMP_INVALID("KYSO-301", "Dấu thời gian không hợp lệ: %s", "Invalid time-stamp: %s"),
    REVOCATION_UNAVAILABLE("KYSO-302", "Không kiểm tra được tình trạng thu hồi: %s", "Revocation status unavailable: %s"),
    NETWORK_FAILED("KYSO-303", "Lỗi kết nối mạng: %s", "Network error: %s"),
    /** A server cannot listen on its port because another program uses it; the detail says how to fix it. */
    PORT_IN_USE("KYSO-304", "Cổng mạng đang được một chương trình khác sử dụng: %s",
            "The network port is in use by another program: %s"),

    STATE_INVALID("KYSO-400", "Trạng thái ký hai bước không hợp lệ hoặc đã bị sửa đổi: %s",
            "The two-phase signing state is invalid or was modified: %s"),
    STATE_MISMATCH("KYSO-401", "Trạng thái ký hai bước không khớp: %s", "The two-phase signing state does not match: %s"),
    STATE_EXPIRED("KYSO-402", "Trạng thái ký hai bước đã hết hạn: %s", "The two-phase signing state has expired: %s"),
    SIGNATURE_VALUE_INVALID("KYSO-403", "Giá trị chữ ký không khớp với chứng thư số: %s",
            "The signature value does not match the certificate: %s"),

    NO_SIGNATURE("KYSO-500", "Không tìm thấy chữ ký số: %s", "No signature found: %s"),
    TRUST_ANCHOR_INVALID("KYSO-501", "Chứng thư gốc tin cậy không hợp lệ: %s", "Invalid trust anchor: %s"),
    DETACHED_DATA_REQUIRED("KYSO-502", "Chữ ký tách rời cần tệp dữ liệu gốc: %s. Hãy đưa kèm dữ liệu đã ký "
            + "(thư viện: verify(chữ ký, dữ liệu); dòng lệnh: kyso verify CHỮ-KÝ --data TỆP-GỐC)",
            "A detached signature needs the original data file: %s. Give the signed data too "
            + "(library: verify(signature, data); command line: kyso verify SIGNATURE --data ORIGINAL)"),
    VERIFIER_MISSING("KYSO-503", "Chưa có mô-đun kiểm tra chữ ký cho định dạng của tệp: %s. Hãy thêm %s vào ứng dụng "
            + "(Maven: vn.kyso:%s, cùng phiên bản với kyso-core)",
            "No signature verifier for this file's format is installed: %s. Add %s to the application "
            + "(Maven: vn.kyso:%s, the same version as kyso-core)"),
    /** A certificate offered as Vietnamese trust (a directory, or a shipped file) that matches no pin. */
    TRUST_NOT_PINNED("KYSO-510",
            "Chứng thư không khớp dấu vân tay SHA-256 nào đã ghim của các tổ chức chứng thực Việt Nam nên không được nhận làm chứng thư tin cậy: %s. "
                    + "Chứng thư gốc của tổ chức khác hãy thêm riêng bằng TrustAnchors.fromFiles hoặc --trust",
            "The certificate matches no pinned SHA-256 fingerprint of the Vietnamese CAs, so it is not accepted as trusted: %s. "
                    + "Give another CA's root separately, with TrustAnchors.fromFiles or --trust"),
    /** A chain reached no trusted root and no trust anchor of the user's own was given: the fix names --trust. */
    TRUST_NOT_GIVEN("KYSO-511",
            "Chuỗi chứng thư của chữ ký trong %s không dẫn tới chứng thư gốc tin cậy nào trong danh sách tích hợp của Việt Nam. "
                    + "Nếu chữ ký do một tổ chức chứng thực khác cấp (ví dụ hệ thống thử nghiệm), hãy thêm chứng thư gốc của tổ chức đó: --trust root.pem",
            "The certificate chain of the signature in %s reaches no trusted root of the built-in Vietnamese list. "
                    + "If another CA issued it (a sandbox or test CA, for example), add that CA's root: --trust root.pem"),

    LIBRARY_CONFLICT("KYSO-600", "Thư viện không tương thích trong ứng dụng: %s",
            "Incompatible library on the class path: %s"),

    INTERNAL("KYSO-900", "Lỗi nội bộ: %s", "Internal error: %s");

    private final String code;
    private final String vietnamese;
    private final String english;

    ErrorCode(String code, String vietnamese, String english) {
        this.code = code;
        this.vietnamese = vietnamese;
        this.english = english;
    }

    /** The stable code, e.g. {@code KYSO-101}. */
    public String code() {
        return code;
    }

    /** The message template in the given language. */
    public String template(Language language) {
        return language == Language.EN ? english : vietnamese;
    }
}
