package vn.kyso.xml.internal;

import java.util.HashMap;
import java.util.Map;
import vn.kyso.api.internal.ReportAccess;
import vn.kyso.api.internal.SignatureResultBuilder;
import vn.kyso.api.report.ReportMessage;
import vn.kyso.core.internal.VerificationMessages;

/** Report messages of the XML checks, in Vietnamese and English ({@code KYSO-V-XML_*}). Internal. */
public final class Messages {
    private static final Map<String, String[]> TEXTS = new HashMap<>();

    static {
        put("XML_STRUCTURE", "Cấu trúc chữ ký XML không hợp lệ", "The XML signature structure is invalid");
        put("XML_UNSAFE_TRANSFORM", "Chữ ký dùng phép biến đổi không an toàn (bị từ chối)", "The signature uses an unsafe transform (refused)");
        put("XML_EXTERNAL_REFERENCE", "Chữ ký tham chiếu tài nguyên bên ngoài (không được truy cập)", "The signature references an external resource (not fetched)");
        put("XML_REFERENCE_NOT_FOUND", "Không tìm thấy phần tử được ký", "The signed element was not found");
        put("XML_DUPLICATE_ID", "Có nhiều phần tử cùng Id được ký (tấn công bọc chữ ký)", "Several elements carry the signed Id (signature wrapping)");
        put("XML_PROFILE_SCOPE", "Chữ ký không bao phủ đúng phần tử mà quy định yêu cầu", "The signature does not cover the element the profile requires");
        put("XML_PROFILE_SLOT_AMBIGUOUS", "Vị trí chứa chữ ký của bên ký xuất hiện nhiều lần trong tài liệu (không xác định được bản nào được đọc)",
                "The place of this party's signature occurs more than once in the document (which one a reader uses is uncertain)");
        put("XML_SIGNING_TIME_MISSING", "Chữ ký của người bán không có thuộc tính thời điểm ký (SigningTime) được ký",
                "The seller's signature has no signed SigningTime property");
        put("XML_PARTY_TAX_CODE", "Mã số thuế trong chứng thư số khác mã số thuế của bên ký trên hóa đơn (chứng thư / hóa đơn)",
                "The certificate's tax code (MST) differs from the one the invoice gives for this party (certificate / invoice)");
        put("XML_SIGNING_TIME_OUT_OF_CERT", "Thời điểm ký nằm ngoài thời hạn hiệu lực của chứng thư số",
                "The signing time lies outside the certificate's validity");
        put("XML_NOT_VALIDATED", "Chữ ký không được kiểm tra mật mã vì cấu trúc không an toàn", "The signature was not checked cryptographically because its structure is unsafe");
    }

    private Messages() {
    }

    private static void put(String key, String vi, String en) {
        TEXTS.put(key, new String[] {vi, en});
    }

    public static ReportMessage of(String key, String detail) {
        String[] t = TEXTS.get(key);
        if (t == null) {
            return VerificationMessages.of(key, detail);
        }
        String suffix = detail == null || detail.isBlank() ? "" : " (" + detail.trim() + ")";
        return ReportAccess.message("KYSO-V-" + key, t[0] + suffix, t[1] + suffix);
    }
}
