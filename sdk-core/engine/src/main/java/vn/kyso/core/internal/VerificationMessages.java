package vn.kyso.core.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import vn.kyso.api.internal.ReportAccess;
import vn.kyso.api.internal.SignatureResultBuilder;
import vn.kyso.api.report.ReportMessage;

/**
 * The stable codes and Vietnamese/English texts of verification errors and warnings ({@code KYSO-V-*}).
 * Internal; the list is documented for users in the SDK's report documentation.
 */
public final class VerificationMessages {
    private static final Map<String, String[]> TEXTS = new HashMap<>();
    /** Kyso's Vietnamese wording of DSS's answers, by DSS message key (DSS itself speaks English only). */
    private static final Properties DSS_VI = load("dss-messages-vi.properties");

    static {
        // ETSI EN 319 102-1 sub-indications
        put("FORMAT_FAILURE", "Chữ ký sai định dạng, không thể xử lý", "The signature is not in a recognised or conformant format");
        put("HASH_FAILURE", "Dữ liệu đã bị thay đổi sau khi ký (giá trị băm không khớp)", "The signed data was changed after signing (digest mismatch)");
        put("SIG_CRYPTO_FAILURE", "Giá trị chữ ký không đúng với khóa công khai của người ký", "The signature value does not verify with the signer's public key");
        put("REVOKED", "Chứng thư số của người ký đã bị thu hồi", "The signer's certificate has been revoked");
        put("SIG_CONSTRAINTS_FAILURE", "Chữ ký không đáp ứng các ràng buộc của chính sách kiểm tra", "The signature does not meet the validation policy's constraints");
        put("CHAIN_CONSTRAINTS_FAILURE", "Chuỗi chứng thư không đáp ứng các ràng buộc của chính sách kiểm tra", "The certificate chain does not meet the validation policy's constraints");
        put("CERTIFICATE_CHAIN_GENERAL_FAILURE", "Không kiểm tra được chuỗi chứng thư số", "The certificate chain could not be validated");
        put("CRYPTO_CONSTRAINTS_FAILURE", "Thuật toán hoặc độ dài khóa không còn được chấp nhận", "An algorithm or key size is no longer acceptable");
        put("CRYPTO_CONSTRAINTS_FAILURE_NO_POE", "Thuật toán không còn an toàn và không có bằng chứng tồn tại trước thời điểm đó", "An algorithm became unsafe and there is no proof the signature existed before");
        put("EXPIRED", "Chứng thư số đã hết hạn tại thời điểm ký", "The certificate had expired at signing time");
        put("NOT_YET_VALID", "Chứng thư số chưa có hiệu lực tại thời điểm ký", "The certificate was not yet valid at signing time");
        put("POLICY_PROCESSING_ERROR", "Không xử lý được chính sách chữ ký", "The signature policy could not be processed");
        put("SIGNATURE_POLICY_NOT_AVAILABLE", "Không có chính sách chữ ký được tham chiếu", "The referenced signature policy is not available");
        put("TIMESTAMP_ORDER_FAILURE", "Thứ tự thời gian của các dấu thời gian không hợp lệ", "The time-stamps are not in a coherent order");
        put("NO_SIGNING_CERTIFICATE_FOUND", "Không tìm thấy chứng thư số của người ký", "The signer's certificate was not found");
        put("NO_CERTIFICATE_CHAIN_FOUND", "Không xây dựng được chuỗi chứng thư đến một chứng thư gốc tin cậy", "No certificate chain to a trusted root could be built");
        put("SIGNED_AFTER_REVOCATION", "Chữ ký được tạo sau thời điểm chứng thư số bị thu hồi", "The signature was made after the certificate was revoked");
        put("REVOKED_NO_POE", "Chứng thư số đã bị thu hồi và không có bằng chứng chữ ký được tạo trước khi thu hồi", "The certificate was revoked and there is no proof the signature was made before");
        put("REVOKED_CA_NO_POE", "Chứng thư của CA trong chuỗi đã bị thu hồi và không có bằng chứng thời gian", "A CA certificate in the chain was revoked and there is no proof of existence before");
        put("OUT_OF_BOUNDS_NO_POE", "Chứng thư số đã hết hạn hoặc chưa có hiệu lực và không có bằng chứng thời gian ký", "The certificate is outside its validity and there is no proof of the signing time");
        put("OUT_OF_BOUNDS_NOT_REVOKED", "Chứng thư số đã hết hạn (không bị thu hồi) và không có bằng chứng thời gian ký", "The certificate has expired (not revoked) and there is no proof of the signing time");
        put("REVOCATION_OUT_OF_BOUNDS_NO_POE", "Thông tin thu hồi nằm ngoài thời hạn hiệu lực của chứng thư", "The revocation information lies outside the certificate's validity");
        put("NO_POE", "Không có bằng chứng tồn tại (dấu thời gian) cho chữ ký", "There is no proof of existence (time-stamp) for the signature");
        put("TRY_LATER", "Chưa lấy được thông tin thu hồi (OCSP/CRL); hãy kiểm tra lại sau", "Revocation information (OCSP/CRL) is not available yet; try again later");
        put("SIGNED_DATA_NOT_FOUND", "Không tìm thấy dữ liệu đã được ký", "The signed data was not found");
        put("UNKNOWN_COMMITMENT_TYPE", "Loại cam kết không được chấp nhận", "The commitment type is not accepted");
        // Kyso's own checks
        put("TOTAL_FAILED", "Chữ ký không hợp lệ", "The signature is invalid");
        put("INDETERMINATE", "Không xác định được tính hợp lệ của chữ ký", "The signature's validity could not be determined");
        put("INTEGRITY", "Chữ ký hoặc dữ liệu đã bị sửa đổi", "The signature or the signed data was modified");
        put("CHAIN_NOT_TRUSTED", "Chứng thư số không thuộc chuỗi tin cậy đã cấu hình", "The certificate does not chain to a configured trust anchor");
        put("CERT_REVOKED", "Chứng thư số của người ký đã bị thu hồi", "The signer's certificate has been revoked");
        put("REVOCATION_NOT_CHECKED", "Không kiểm tra được tình trạng thu hồi chứng thư (không có OCSP/CRL)", "The certificate's revocation status could not be checked (no OCSP/CRL)");
        put("REVOCATION_UNKNOWN", "Máy chủ OCSP/CRL không biết chứng thư số này", "The OCSP responder or CRL does not know this certificate");
        put("CERT_EXPIRED_NOW", "Chứng thư số của người ký đã hết hạn tại thời điểm kiểm tra; chữ ký được đánh giá theo dấu thời gian", "The signer's certificate has expired by now; the signature is judged at its time-stamp");
        put("SIGNING_TIME_LOCAL", "Thời điểm ký có vẻ là giờ Việt Nam ghi nhầm thành UTC (lệch khoảng +7 giờ)", "The signing time looks like Vietnam local time written as UTC (about +7 hours)");
        put("SIGNING_TIME_AFTER_TIMESTAMP", "Thời điểm ký khai báo muộn hơn dấu thời gian", "The claimed signing time is later than the time-stamp");
        put("TIMESTAMP_INVALID", "Dấu thời gian không hợp lệ", "A time-stamp is invalid");
        put("TIMESTAMP_INDETERMINATE", "Chưa xác nhận được dấu thời gian (ví dụ thiếu thông tin thu hồi của chứng thư TSA); dấu thời gian này không được dùng làm bằng chứng thời điểm ký",
                "A time-stamp could not be confirmed (e.g. no revocation data for the TSA's certificate); it is not used as proof of the signing time");
        // PDF
        put("PDF_CONTENT_CHANGED", "Nội dung tài liệu PDF đã bị thay đổi sau khi ký (nội dung trang, phông chữ, hình ảnh hoặc đối tượng khác)", "The PDF's content was changed after signing (page content, a font, an image or another object)");
        put("PDF_PAGES_CHANGED", "Trang của tài liệu PDF đã bị thêm, xóa hoặc thay thế sau khi ký", "Pages of the PDF were added, removed or replaced after signing");
        put("PDF_VISIBILITY_CHANGED", "Nội dung có sẵn khi ký đã bị ẩn đi hoặc hiện ra sau khi ký (chú thích, lớp nội dung)", "Content present when signed was hidden or made visible after signing (an annotation or a content layer)");
        put("PDF_ANNOTATION_OVERLAP", "Chú thích hoặc ô chữ ký được thêm hoặc sửa sau khi ký che lên chữ ký, trường biểu mẫu hoặc chú thích khác", "An annotation or signature widget added or changed after signing covers a signature, a form field or another annotation");
        put("PDF_FIELD_VALUE_REPLACED", "Giá trị trường biểu mẫu mà người ký đã thấy bị thay bằng giá trị khác sau khi ký", "A form field value the signer saw was replaced after signing");
        put("PDF_APPEARANCE_MISMATCH", "Hình hiển thị của trường biểu mẫu không đúng với giá trị của trường hoặc bị thay mà giá trị không đổi", "A form field's appearance does not show its value, or changed without it");
        put("PDF_REVISION_UNREADABLE", "Không đọc được phiên bản tài liệu mà chữ ký bao phủ để so sánh", "The revision the signature covers cannot be read to compare it with the final file");
        put("PDF_SIGNATURE_UNREADABLE", "Trường chữ ký có giá trị chữ ký không đọc được (/Contents hoặc /ByteRange thiếu hay sai)", "A signature field holds a signature that cannot be read (/Contents or /ByteRange missing or malformed)");
        put("PDF_CHANGE_NOT_PERMITTED", "Tài liệu PDF bị thay đổi theo cách người ký không cho phép (DocMDP/khóa trường)", "The PDF was changed in a way its signer did not permit (DocMDP/field lock)");
        put("PDF_BYTERANGE_INVALID", "Vùng dữ liệu được ký (/ByteRange) không hợp lệ", "The signed byte range (/ByteRange) is invalid");
        put("PDF_SIGNATURE_DICTIONARY_INCONSISTENT", "Từ điển chữ ký PDF không nhất quán", "The PDF signature dictionary is inconsistent");
        put("PDF_NOT_WHOLE_FILE", "Chữ ký không bao trùm toàn bộ tệp: có phần được thêm sau khi ký", "The signature does not cover the whole file: something was added after it");
        put("PDF_FORM_FILLED", "Các trường biểu mẫu được điền sau khi ký", "Form fields were filled in after signing");
        put("PDF_ANNOTATIONS_CHANGED", "Chú thích (ghi chú, đánh dấu) được thêm, sửa hoặc xóa sau khi ký", "Annotations (comments, markup) were added, changed or removed after signing");
        put("DSS_ERROR", "Kiểm tra không đạt", "A validation check failed");
        put("DSS_WARNING", "Cảnh báo khi kiểm tra", "Validation warning");
    }

    private VerificationMessages() {
    }

    private static Properties load(String resource) {
        Properties p = new Properties();
        try (InputStream in = VerificationMessages.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }

    private static void put(String key, String vi, String en) {
        TEXTS.put(key, new String[] {vi, en});
    }

    /** Whether a key has a message. */
    public static boolean known(String key) {
        return TEXTS.containsKey(key);
    }

    /** The message {@code KYSO-V-<key>}; {@code detail} (e.g. DSS's English text) is appended when given. */
    public static ReportMessage of(String key, String detail) {
        String[] t = TEXTS.get(key);
        if (t == null) {
            t = TEXTS.get("DSS_ERROR");
        }
        String suffix = detail == null || detail.isBlank() ? "" : " (" + detail.trim() + ")";
        return ReportAccess.message("KYSO-V-" + key, t[0] + suffix, t[1] + suffix);
    }

    public static ReportMessage of(String key) {
        return of(key, null);
    }

    /**
     * What DSS said in one of its checks, as {@code KYSO-V-DSS_ERROR} or {@code KYSO-V-DSS_WARNING}: the
     * English message carries DSS's text, the Vietnamese one Kyso's wording of that DSS message key (DSS's
     * text when there is none).
     */
    public static ReportMessage dss(boolean error, String dssKey, String english) {
        String[] t = TEXTS.get(error ? "DSS_ERROR" : "DSS_WARNING");
        String en = english == null ? "" : english.trim();
        String vi = dssKey == null ? null : DSS_VI.getProperty(dssKey);
        vi = vi == null || vi.isBlank() ? en : vi.trim();
        return ReportAccess.message("KYSO-V-" + (error ? "DSS_ERROR" : "DSS_WARNING"),
                en.isEmpty() ? t[0] : t[0] + " (" + vi + ")", en.isEmpty() ? t[1] : t[1] + " (" + en + ")");
    }
}
