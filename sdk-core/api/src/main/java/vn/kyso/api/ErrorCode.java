package vn.kyso.api;

import vn.kyso.api.internal.Args;

/**
 * Stable error codes of the SDK. A code and its meaning never change once released; new codes may be
 * added. Each carries a Vietnamese and an English message template ({@code %s} placeholders are filled
 * with the details given to {@link KysoException}).
 */
public enum ErrorCode {
    /** An argument is missing, malformed or contradicts another; the detail names it. */
    INVALID_ARGUMENT("KYSO-100", "Tham số không hợp lệ: %s", "Invalid argument: %s"),
    /** An input file or stream cannot be read (missing, not a file, no permission). */
    INPUT_UNREADABLE("KYSO-101", "Không đọc được tệp đầu vào: %s", "Cannot read the input: %s"),
    /** The input is not in a format this operation handles (e.g. not a PDF). */
    UNSUPPORTED_FORMAT("KYSO-102", "Định dạng không được hỗ trợ: %s", "Unsupported format: %s"),
    /** The output cannot be written; nothing half-written is left behind. */
    OUTPUT_FAILED("KYSO-103", "Không ghi được tệp đầu ra: %s", "Cannot write the output: %s"),
    /** The input has the right format but a broken structure. */
    MALFORMED_INPUT("KYSO-104", "Dữ liệu đầu vào bị hỏng hoặc sai cấu trúc: %s", "Malformed input: %s"),
    /** The document is encrypted and the password is missing or wrong. */
    DOCUMENT_PASSWORD("KYSO-105", "Tài liệu được mã hóa, cần đúng mật khẩu để mở: %s",
            "The document is encrypted and needs the right password: %s"),
    /** The document is certified with a lock that forbids this change. */
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
    /** The format cannot do the requested operation (e.g. complete with a whole CMS). */
    OPERATION_UNSUPPORTED("KYSO-115", "Định dạng này không hỗ trợ thao tác được yêu cầu: %s",
            "This format does not support the requested operation: %s"),

    /** The key store password is wrong. */
    KEYSTORE_PASSWORD("KYSO-200", "Mật khẩu kho khóa không đúng: %s", "Wrong key store password: %s"),
    /** The key store cannot be opened (damaged file, unknown type). */
    KEYSTORE_UNREADABLE("KYSO-201", "Không mở được kho khóa: %s", "Cannot open the key store: %s"),
    /** No signing key matches (alias, certificate or slot). */
    KEY_NOT_FOUND("KYSO-202", "Không tìm thấy khóa ký: %s", "Signing key not found: %s"),
    /** The key, token or format cannot use the requested algorithm. */
    UNSUPPORTED_ALGORITHM("KYSO-203", "Thuật toán không được hỗ trợ: %s", "Unsupported algorithm: %s"),
    /** The key or token failed to sign. */
    SIGNING_FAILED("KYSO-204", "Ký số không thành công: %s", "Signing failed: %s"),
    /** The signing certificate has expired at the signing time. */
    CERTIFICATE_EXPIRED("KYSO-205", "Chứng thư số đã hết hạn: %s", "The certificate has expired: %s"),
    /** The signing certificate is not yet valid at the signing time. */
    CERTIFICATE_NOT_YET_VALID("KYSO-206", "Chứng thư số chưa có hiệu lực: %s", "The certificate is not yet valid: %s"),
    /** The signing certificate is revoked. */
    CERTIFICATE_REVOKED("KYSO-207", "Chứng thư số đã bị thu hồi: %s", "The certificate has been revoked: %s"),
    /** A certificate cannot be parsed. */
    CERTIFICATE_UNREADABLE("KYSO-208", "Không đọc được chứng thư số: %s", "Cannot read the certificate: %s"),
    /** The token or key store is absent, removed or not logged in. */
    TOKEN_UNAVAILABLE("KYSO-209", "Thiết bị/kho khóa không sẵn sàng: %s", "The token or key store is not available: %s"),
    /** The PIN is wrong; the token may lock after more attempts. */
    PIN_INCORRECT("KYSO-210", "Mã PIN không đúng: %s", "Wrong PIN: %s"),
    /** The PIN is locked; the token needs unlocking by its administrator. */
    PIN_LOCKED("KYSO-211", "Thiết bị đã bị khóa mã PIN: %s", "The PIN is locked: %s"),
    /** The certificate's key usage does not allow signing. */
    KEY_USAGE_NOT_ALLOWED("KYSO-212", "Chứng thư số không được phép dùng để ký: %s", "The certificate may not be used for signing: %s"),
    /** The signer refused the request (on the phone, the token or the remote service). */
    SIGNING_REJECTED("KYSO-213", "Người ký đã từ chối yêu cầu ký: %s", "The signer rejected the signing request: %s"),
    /** The signer did not confirm in time. */
    SIGNING_TIMEOUT("KYSO-214", "Hết thời gian chờ người ký xác nhận: %s", "Timed out waiting for the signer to confirm: %s"),

    /** The time-stamp authority did not give a time-stamp. */
    TIMESTAMP_FAILED("KYSO-300", "Không lấy được dấu thời gian: %s", "Could not obtain a time-stamp: %s"),
    /** A time-stamp does not verify or does not match the request. */
    TIMESTAMP_INVALID("KYSO-301", "Dấu thời gian không hợp lệ: %s", "Invalid time-stamp: %s"),
    /** Neither OCSP nor CRL could tell the certificate's revocation status. */
    REVOCATION_UNAVAILABLE("KYSO-302", "Không kiểm tra được tình trạng thu hồi: %s", "Revocation status unavailable: %s"),
    /** A network call failed (connection, time-out, HTTP error). */
    NETWORK_FAILED("KYSO-303", "Lỗi kết nối mạng: %s", "Network error: %s"),
    /** A server cannot listen on its port because another program uses it; the detail says how to fix it. */
    PORT_IN_USE("KYSO-304", "Cổng mạng đang được một chương trình khác sử dụng: %s",
            "The network port is in use by another program: %s"),

    /** A two-phase state is malformed, was modified, or was sealed with an unknown key. */
    STATE_INVALID("KYSO-400", "Trạng thái ký hai bước không hợp lệ hoặc đã bị sửa đổi: %s",
            "The two-phase signing state is invalid or was modified: %s"),
    /** A two-phase state does not belong to this document, key or signer. */
    STATE_MISMATCH("KYSO-401", "Trạng thái ký hai bước không khớp: %s", "The two-phase signing state does not match: %s"),
    /** A two-phase state is older than its lifetime. */
    STATE_EXPIRED("KYSO-402", "Trạng thái ký hai bước đã hết hạn: %s", "The two-phase signing state has expired: %s"),
    /** A signature value given to {@code complete} does not verify with the prepared certificate. */
    SIGNATURE_VALUE_INVALID("KYSO-403", "Giá trị chữ ký không khớp với chứng thư số: %s",
            "The signature value does not match the certificate: %s"),

    /** The document carries no signature to verify or extend. */
    NO_SIGNATURE("KYSO-500", "Không tìm thấy chữ ký số: %s", "No signature found: %s"),
    /** A trust anchor cannot be used (not a CA certificate, unreadable). */
    TRUST_ANCHOR_INVALID("KYSO-501", "Chứng thư gốc tin cậy không hợp lệ: %s", "Invalid trust anchor: %s"),
    /** A detached signature was given without the data it signs. */
    DETACHED_DATA_REQUIRED("KYSO-502", "Chữ ký tách rời cần tệp dữ liệu gốc: %s. Hãy đưa kèm dữ liệu đã ký "
            + "(thư viện: Verifier.verify(chữ ký, dữ liệu); dòng lệnh: kyso verify CHỮ-KÝ --data TỆP-GỐC)",
            "A detached signature needs the original data file: %s. Give the signed data too "
            + "(library: verify(signature, data); command line: kyso verify SIGNATURE --data ORIGINAL)"),
    /** No verifier module for the file's format is on the class path; the detail names the artifact. */
    VERIFIER_MISSING("KYSO-503", "Chưa có mô-đun kiểm tra chữ ký cho định dạng của tệp: %s. Hãy thêm %s vào ứng dụng "
            + "(pom.xml: vn.kyso:%s, cùng phiên bản với vn.kyso:kyso-core)",
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

    /** An incompatible version of a library Kyso needs is on the class path; the detail names the jar. */
    LIBRARY_CONFLICT("KYSO-600", "Thư viện không tương thích trong ứng dụng: %s",
            "Incompatible library on the class path: %s"),

    /** A bug or an unexpected state inside Kyso; please report it with the cause. */
    INTERNAL("KYSO-900", "Lỗi nội bộ: %s", "Internal error: %s");

    private final String code;
    private final String vietnamese;
    private final String english;

    ErrorCode(String code, String vietnamese, String english) {
        this.code = code;
        this.vietnamese = vietnamese;
        this.english = english;
    }

    /** {@return the stable code, e.g. {@code KYSO-101}} */
    public String code() {
        return code;
    }

    /**
     * {@return the message template in the given language}
     *
     * @param language the language of the template
     */
    public String template(Language language) {
        return Args.notNull(language, "language") == Language.EN ? english : vietnamese;
    }
}
