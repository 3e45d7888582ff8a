package vn.kyso.core.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.jspecify.annotations.Nullable;
import vn.kyso.api.internal.Args;
import vn.kyso.api.ErrorCode;
import vn.kyso.api.KysoException;
import vn.kyso.api.Language;
import vn.kyso.api.internal.Args;
import vn.kyso.api.report.ReportMessage;
import vn.kyso.api.report.SignatureResult;
import vn.kyso.api.report.SignerSummary;
import vn.kyso.api.report.TimestampResult;
import vn.kyso.api.report.VerificationReport;
import vn.kyso.core.trust.TrustAnchors;

/**
 * Renders a {@link VerificationReport} as JSON, plain text or a self-contained HTML page, with messages
 * in Vietnamese or English. Times are ISO 8601 with the Vietnam offset (+07:00).
 *
 * <p>JSON shape (every key always present, null where there is no value):
 * <pre>
 * {"verdict","validationTime","document","profile","trust","signatures":[{"id","format","level","indication","subIndication",
 *   "signer":{"commonName","organization","organizationalUnit","province","taxCode","personalId","kind"},
 *   "issuer","certificateSerial","certificateNotBefore","certificateNotAfter","signingTime","signatureAlgorithm",
 *   "timestamps":[{"time","tsa","valid"}],"integrity","chainTrusted","revocation","coversWholeDocument",
 *   "modificationsAfter","party","signedScope":[...],
 *   "errors":[{"code","message"}],"warnings":[{"code","message"}]}]}
 * </pre>
 * Stateless and thread-safe.
 */
public final class ReportWriter {
    private static final ZoneOffset VIETNAM = ZoneOffset.ofHours(7);
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ReportWriter() {
    }

    /**
     * {@return ISO 8601 with +07:00, e.g. {@code 2025-08-15T09:30:00+07:00}; null for null}
     *
     * @param t the instant, or null
     */
    public static @Nullable String time(@Nullable Instant t) {
        return t == null ? null : OffsetDateTime.ofInstant(t.truncatedTo(java.time.temporal.ChronoUnit.SECONDS), VIETNAM).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }

    /**
     * {@return the report as JSON (UTF-8 text, indented); {@code "trust"} is null}
     *
     * @param report the report to write
     * @param lang the language of the words, or null for Vietnamese
     */
    public static String json(VerificationReport report, @Nullable Language lang) {
        return json(report, null, lang);
    }

    /**
     * {@return the report as JSON, with {@code "trust"} saying which trust the verifier used, in words
     * ({@link TrustAnchors#describe(Language)}; null when not given)} <pre>{@code
     * String json = ReportWriter.json(report, trust, Language.EN);   // "trust" : "built-in Vietnamese list
     * (...)"
     * }</pre>
     *
     * @param report the report to write
     * @param trust the trust the report was verified with, said in the output; or null
     * @param lang the language of the words, or null for Vietnamese
     */
    public static String json(VerificationReport report, @Nullable TrustAnchors trust, @Nullable Language lang) {
        VerificationReport r = Args.notNull(report, "report");
        Language l = lang == null ? Language.VI : lang;
        ObjectNode root = JSON.createObjectNode();
        root.put("verdict", r.verdict().name());
        root.put("validationTime", time(r.validationTime()));
        root.put("document", r.documentName());
        root.put("profile", r.profile().code());
        root.put("trust", trust == null ? null : trust.describe(l));
        ArrayNode sigs = root.putArray("signatures");
        for (SignatureResult s : r.signatures()) {
            ObjectNode o = sigs.addObject();
            o.put("id", s.id());
            o.put("format", s.format().label());
            o.put("level", s.level().label());
            o.put("indication", s.indication().name());
            o.put("subIndication", s.subIndication() == null ? null : s.subIndication().name());
            SignerSummary who = s.signer();
            if (who == null) {
                o.putNull("signer");
            } else {
                ObjectNode w = o.putObject("signer");
                w.put("commonName", who.commonName());
                w.put("organization", who.organization());
                w.put("organizationalUnit", who.organizationalUnit());
                w.put("province", who.province());
                w.put("taxCode", who.taxCode());
                w.put("personalId", who.personalId());
                w.put("kind", who.kind() == null ? null : who.kind().name());
            }
            o.put("issuer", s.issuer());
            o.put("certificateSerial", s.certificateSerial());
            o.put("certificateNotBefore", time(s.certificateNotBefore()));
            o.put("certificateNotAfter", time(s.certificateNotAfter()));
            o.put("signingTime", time(s.signingTime()));
            o.put("signatureAlgorithm", s.signatureAlgorithmName());
            ArrayNode ts = o.putArray("timestamps");
            for (TimestampResult t : s.timestamps()) {
                ObjectNode tn = ts.addObject();
                tn.put("time", time(t.time()));
                tn.put("tsa", t.tsa());
                tn.put("valid", t.valid());
            }
            o.put("integrity", s.integrity());
            o.put("chainTrusted", s.chainTrusted());
            o.put("revocation", s.revocation().name());
            if (s.coversWholeDocument() == null) {
                o.putNull("coversWholeDocument");
            } else {
                o.put("coversWholeDocument", s.coversWholeDocument());
            }
            o.put("modificationsAfter", s.modificationsAfter() == null ? null : s.modificationsAfter().name());
            o.put("party", s.party() == null ? null : s.party().code());
            ArrayNode scope = o.putArray("signedScope");
            s.signedScope().forEach(scope::add);
            messages(o.putArray("errors"), s.errors(), l);
            messages(o.putArray("warnings"), s.warnings(), l);
        }
        try {
            return JSON.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new KysoException(ErrorCode.INTERNAL, e, "json");
        }
    }

    private static void messages(ArrayNode a, List<ReportMessage> list, Language l) {
        for (ReportMessage m : list) {
            ObjectNode n = a.addObject();
            n.put("code", m.code());
            n.put("message", m.message(l));
        }
    }

    /**
     * {@return a readable plain-text table, verdict first}
     *
     * @param report the report to write
     * @param lang the language of the words, or null for Vietnamese
     */
    public static String text(VerificationReport report, @Nullable Language lang) {
        return text(report, null, lang);
    }

    /**
     * {@return a readable plain-text table, verdict first, with a line saying which trust the verifier used
     * (none when
     * {@code trust} is null)} <pre>{@code
     * System.out.print(ReportWriter.text(report, TrustAnchors.vietnam(), Language.VI));
     * }</pre>
     *
     * @param report the report to write
     * @param trust the trust the report was verified with, said in the output; or null
     * @param lang the language of the words, or null for Vietnamese
     */
    public static String text(VerificationReport report, @Nullable TrustAnchors trust, @Nullable Language lang) {
        VerificationReport r = Args.notNull(report, "report");
        Labels t = new Labels(lang == null ? Language.VI : lang);
        StringBuilder sb = new StringBuilder();
        sb.append(t.get("verdict")).append(": ").append(t.verdict(r.verdict())).append('\n');
        row(sb, t.get("document"), r.documentName());
        if (r.profile() != vn.kyso.api.report.Profile.NONE) {
            row(sb, t.get("profile"), t.profile(r.profile()));
        }
        if (trust != null) {
            row(sb, t.get("trust"), trust.describe(t.lang));
        }
        row(sb, t.get("validationTime"), time(r.validationTime()));
        row(sb, t.get("signatures"), String.valueOf(r.signatures().size()));
        int i = 0;
        for (SignatureResult s : r.signatures()) {
            sb.append('\n').append("#").append(++i).append(' ').append(s.id()).append('\n');
            for (String[] kv : rows(s, t)) {
                row(sb, kv[0], kv[1]);
            }
            for (ReportMessage m : s.errors()) {
                row(sb, t.get("error"), m.code() + " " + m.message(t.lang));
            }
            for (ReportMessage m : s.warnings()) {
                row(sb, t.get("warning"), m.code() + " " + m.message(t.lang));
            }
        }
        return sb.toString();
    }

    private static void row(StringBuilder sb, String k, String v) {
        sb.append("  ").append(String.format("%-22s", k)).append(" | ").append(v == null ? "-" : v).append('\n');
    }

    private static List<String[]> rows(SignatureResult s, Labels t) {
        List<String[]> rows = new java.util.ArrayList<>();
        rows.add(new String[] {t.get("indication"), s.indication().name()
                + (s.subIndication() == null ? "" : " / " + s.subIndication())});
        rows.add(new String[] {t.get("format"), s.format().label() + " " + s.level().label()});
        if (s.party() != null) {
            rows.add(new String[] {t.get("party"), s.party().code()});
        }
        SignerSummary w = s.signer();
        rows.add(new String[] {t.get("signer"), w == null ? null : w.commonName()});
        if (w != null) {
            rows.add(new String[] {t.get("organization"), join(w.organization(), w.organizationalUnit())});
            rows.add(new String[] {t.get("identifiers"), join(w.taxCode() == null ? null : "MST:" + w.taxCode(), w.personalId())});
        }
        rows.add(new String[] {t.get("issuer"), s.issuer()});
        rows.add(new String[] {t.get("serial"), s.certificateSerial()});
        if (s.certificateNotBefore() != null || s.certificateNotAfter() != null) {
            rows.add(new String[] {t.get("validity"), time(s.certificateNotBefore()) + " – " + time(s.certificateNotAfter())});
        }
        rows.add(new String[] {t.get("signingTime"), time(s.signingTime())});
        rows.add(new String[] {t.get("algorithm"), s.signatureAlgorithmName()});
        for (TimestampResult ts : s.timestamps()) {
            rows.add(new String[] {t.get("timestamp"), time(ts.time()) + " " + (ts.tsa() == null ? "" : ts.tsa())
                    + " (" + t.yesNo(ts.valid()) + ")"});
        }
        rows.add(new String[] {t.get("integrity"), t.yesNo(s.integrity())});
        rows.add(new String[] {t.get("chainTrusted"), t.yesNo(s.chainTrusted())});
        rows.add(new String[] {t.get("revocation"), s.revocation().name()});
        if (s.coversWholeDocument() != null) {
            rows.add(new String[] {t.get("coversWholeDocument"), t.yesNo(s.coversWholeDocument())});
        }
        if (s.modificationsAfter() != null) {
            rows.add(new String[] {t.get("modificationsAfter"), s.modificationsAfter().name() + ": "
                    + t.modification(s.modificationsAfter())});
        }
        if (!s.signedScope().isEmpty()) {
            rows.add(new String[] {t.get("signedScope"), String.join(", ", s.signedScope())});
        }
        return rows;
    }

    private static String join(String a, String b) {
        if (a == null) {
            return b;
        }
        return b == null ? a : a + ", " + b;
    }

    /**
     * {@return a self-contained HTML page (no external resources, all text escaped), verdict first}
     *
     * @param report the report to write
     * @param lang the language of the words, or null for Vietnamese
     */
    public static String html(VerificationReport report, @Nullable Language lang) {
        return html(report, null, lang);
    }

    /**
     * {@return a self-contained HTML page, verdict first, saying which trust the verifier used (nothing when
     * {@code trust} is null)} <pre>{@code
     * AtomicFiles.write(Path.of("bao-cao.html"), ReportWriter.html(report, trust, Language.VI));
     * }</pre>
     *
     * @param report the report to write
     * @param trust the trust the report was verified with, said in the output; or null
     * @param lang the language of the words, or null for Vietnamese
     */
    public static String html(VerificationReport report, @Nullable TrustAnchors trust, @Nullable Language lang) {
        VerificationReport r = Args.notNull(report, "report");
        Labels t = new Labels(lang == null ? Language.VI : lang);
        StringBuilder sb = new StringBuilder();
        sb.append("<!DOCTYPE html>\n<html lang=\"").append(t.lang == Language.EN ? "en" : "vi").append("\">\n<head>\n")
                .append("<meta charset=\"utf-8\">\n<title>").append(esc(t.get("title"))).append("</title>\n")
                .append("<style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse;margin-bottom:1.5em}")
                .append("td,th{border:1px solid #bbb;padding:4px 8px;text-align:left;vertical-align:top}")
                .append(".VALID{color:#0a0}.INVALID{color:#c00}.INDETERMINATE{color:#c80}</style>\n</head>\n<body>\n");
        sb.append("<h1 class=\"").append(r.verdict().name()).append("\">").append(esc(t.get("verdict"))).append(": ")
                .append(esc(t.verdict(r.verdict()))).append("</h1>\n");
        sb.append("<p>").append(esc(t.get("document"))).append(": ").append(esc(r.documentName())).append("<br>");
        if (r.profile() != vn.kyso.api.report.Profile.NONE) {
            sb.append(esc(t.get("profile"))).append(": ").append(esc(t.profile(r.profile()))).append("<br>");
        }
        sb.append(esc(t.get("validationTime"))).append(": ").append(esc(time(r.validationTime())));
        if (trust != null) {
            sb.append("<br>").append(esc(t.get("trust"))).append(": ").append(esc(trust.describe(t.lang)));
        }
        sb.append("</p>\n");
        int i = 0;
        for (SignatureResult s : r.signatures()) {
            sb.append("<h2>").append(esc(t.get("signature"))).append(" #").append(++i).append(" (")
                    .append(esc(s.id())).append(")</h2>\n<table>\n");
            for (String[] kv : rows(s, t)) {
                sb.append("<tr><th>").append(esc(kv[0])).append("</th><td>").append(esc(kv[1] == null ? "-" : kv[1]))
                        .append("</td></tr>\n");
            }
            for (ReportMessage m : s.errors()) {
                sb.append("<tr><th>").append(esc(t.get("error"))).append("</th><td class=\"INVALID\">")
                        .append(esc(m.code() + " " + m.message(t.lang))).append("</td></tr>\n");
            }
            for (ReportMessage m : s.warnings()) {
                sb.append("<tr><th>").append(esc(t.get("warning"))).append("</th><td class=\"INDETERMINATE\">")
                        .append(esc(m.code() + " " + m.message(t.lang))).append("</td></tr>\n");
            }
            sb.append("</table>\n");
        }
        sb.append("</body>\n</html>\n");
        return sb.toString();
    }

    static String esc(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<': b.append("&lt;"); break;
                case '>': b.append("&gt;"); break;
                case '&': b.append("&amp;"); break;
                case '"': b.append("&quot;"); break;
                case '\'': b.append("&#39;"); break;
                default: b.append(c);
            }
        }
        return b.toString();
    }

    /** Labels of the text and HTML forms. */
    private static final class Labels {
        final Language lang;

        Labels(Language lang) {
            this.lang = lang;
        }

        String get(String key) {
            boolean en = lang == Language.EN;
            switch (key) {
                case "title": return en ? "Signature verification report" : "Kết quả kiểm tra chữ ký số";
                case "verdict": return en ? "Verdict" : "Kết luận";
                case "document": return en ? "Document" : "Tài liệu";
                case "validationTime": return en ? "Validation time" : "Thời điểm kiểm tra";
                case "trust": return en ? "Trusted certificates" : "Chứng thư tin cậy";
                case "signatures": return en ? "Signatures" : "Số chữ ký";
                case "signature": return en ? "Signature" : "Chữ ký";
                case "indication": return en ? "Result" : "Kết quả";
                case "format": return en ? "Format / level" : "Định dạng / mức";
                case "signer": return en ? "Signer" : "Người ký";
                case "organization": return en ? "Organization" : "Cơ quan, đơn vị";
                case "identifiers": return en ? "Identifiers" : "Mã số định danh";
                case "issuer": return en ? "Certificate issuer" : "Tổ chức cấp chứng thư";
                case "serial": return en ? "Certificate serial" : "Số hiệu chứng thư";
                case "validity": return en ? "Certificate validity" : "Hiệu lực chứng thư";
                case "signingTime": return en ? "Signing time" : "Thời điểm ký";
                case "algorithm": return en ? "Algorithm" : "Thuật toán";
                case "timestamp": return en ? "Time-stamp" : "Dấu thời gian";
                case "integrity": return en ? "Integrity" : "Toàn vẹn dữ liệu";
                case "chainTrusted": return en ? "Trusted chain" : "Chuỗi tin cậy";
                case "revocation": return en ? "Revocation status" : "Tình trạng thu hồi";
                case "coversWholeDocument": return en ? "Covers whole document" : "Bao phủ toàn bộ tài liệu";
                case "modificationsAfter": return en ? "Changes after signing" : "Thay đổi sau khi ký";
                case "party": return en ? "Signing party" : "Bên ký";
                case "signedScope": return en ? "Signed elements" : "Phần được ký";
                case "profile": return en ? "Profile" : "Loại hồ sơ";
                case "error": return en ? "Error" : "Lỗi";
                case "warning": return en ? "Warning" : "Cảnh báo";
                default: return key;
            }
        }

        String profile(vn.kyso.api.report.Profile p) {
            boolean en = lang == Language.EN;
            switch (p) {
                case EINVOICE: return en ? "e-invoice" : "hóa đơn điện tử";
                case ETAX: return en ? "e-tax" : "hồ sơ thuế điện tử";
                case EDXML: return "edXML";
                default: return en ? "none" : "không";
            }
        }

        String verdict(vn.kyso.api.report.Verdict v) {
            boolean en = lang == Language.EN;
            switch (v) {
                case VALID: return en ? "VALID" : "HỢP LỆ (VALID)";
                case INVALID: return en ? "INVALID" : "KHÔNG HỢP LỆ (INVALID)";
                default: return en ? "INDETERMINATE" : "CHƯA XÁC ĐỊNH (INDETERMINATE)";
            }
        }

        /** What a kind of change after a PDF signature means, as a sentence. */
        String modification(vn.kyso.api.report.Modification m) {
            boolean en = lang == Language.EN;
            switch (m) {
                case NONE: return en ? "nothing was changed after this signature (it covers the whole file)"
                        : "không có thay đổi nào sau khi ký (chữ ký bao trùm toàn bộ tệp)";
                case SIGNATURES: return en ? "only further signatures, time-stamps or validation data were added after it"
                        : "sau khi ký chỉ có thêm chữ ký, dấu thời gian hoặc dữ liệu kiểm tra chữ ký";
                case FORM_FILL: return en ? "form fields were filled in after it"
                        : "sau khi ký có điền thông tin vào các trường biểu mẫu";
                case ANNOTATIONS: return en ? "comments or other annotations were added, changed or removed after it"
                        : "sau khi ký có thêm, sửa hoặc xóa ghi chú (chú thích)";
                default: return en ? "the document's content was changed after it: what is shown is not what was signed"
                        : "nội dung tài liệu đã bị thay đổi sau khi ký: nội dung hiển thị không còn là nội dung đã ký";
            }
        }

        String yesNo(boolean b) {
            return lang == Language.EN ? (b ? "yes" : "no") : (b ? "có" : "không");
        }
    }
}
