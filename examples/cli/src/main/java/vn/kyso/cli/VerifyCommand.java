package vn.kyso.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import vn.kyso.api.ErrorCode;
import vn.kyso.api.KysoException;
import vn.kyso.api.Language;
import vn.kyso.api.io.AtomicFiles;
import vn.kyso.api.io.Document;
import vn.kyso.api.report.VerificationReport;
import vn.kyso.core.report.ReportWriter;
import vn.kyso.core.revocation.RevocationOptions;
import vn.kyso.core.trust.TrustAnchors;
import vn.kyso.core.verify.Verifier;
import vn.kyso.pdf.report.PdfReportRenderer;

/**
 * {@code kyso verify}: verifies every signature of a file and prints the report. Exit code 0 VALID,
 * 1 INVALID, 2 INDETERMINATE, 3 no signature found.
 */
@Command(name = "verify", description = "Kiểm tra chữ ký số / verify signatures")
final class VerifyCommand implements Callable<Integer> {
    /** Report formats. */
    enum Format { text, json, html, pdf }

    /** Profiles a user may force (the report's {@link vn.kyso.api.report.Profile}, by its code). */
    enum ProfileName {
        none(vn.kyso.api.report.Profile.NONE), einvoice(vn.kyso.api.report.Profile.EINVOICE),
        etax(vn.kyso.api.report.Profile.ETAX), edxml(vn.kyso.api.report.Profile.EDXML);

        final vn.kyso.api.report.Profile profile;

        ProfileName(vn.kyso.api.report.Profile profile) {
            this.profile = profile;
        }
    }

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "Tệp đã ký / signed file (.p7s, ...)")
    Path file;

    @Option(names = "--data", paramLabel = "ORIGINAL", description = "Dữ liệu gốc của chữ ký tách rời / data of a detached signature")
    Path data;

    @Option(names = "--trust", paramLabel = "PEM",
            description = "Thêm chứng thư gốc tin cậy ngoài danh sách tích hợp của Việt Nam (lặp lại) / trust anchor added to the built-in Vietnamese list, repeatable")
    List<Path> trust = new ArrayList<>();

    @Option(names = "--vn-trust", paramLabel = "DIR",
            description = "Thư mục thêm chứng thư của các tổ chức chứng thực Việt Nam, chỉ nhận theo dấu vân tay đã ghim / more Vietnamese CA certificates, accepted only by pinned fingerprint")
    Path vnTrust;

    @Option(names = "--offline", description = "Không truy cập mạng (không kiểm tra OCSP/CRL) / no network")
    boolean offline;

    @Option(names = "--profile", paramLabel = "P",
            description = "XML: áp dụng quy tắc của hồ sơ này thay vì tự nhận biết / force a profile: none | einvoice | etax | edxml")
    ProfileName profile;

    @Option(names = "--format", defaultValue = "text", description = "text | json | html | pdf (pdf needs --out)")
    Format format;

    @Option(names = "--out", paramLabel = "F", description = "Ghi báo cáo ra tệp / write the report to a file")
    Path out;

    @Override
    public Integer call() {
        Language lang = ((KysoCli) spec.root().userObject()).language();
        // the built-in Vietnamese list always applies; --vn-trust adds pinned certificates, --trust other roots
        TrustAnchors anchors = vnTrust != null ? TrustAnchors.vietnam(vnTrust) : TrustAnchors.vietnam();
        if (!trust.isEmpty()) {
            anchors = anchors.plus(TrustAnchors.fromFiles(trust));
        }
        Verifier verifier = Verifier.builder()
                .trust(anchors)
                .revocation(offline ? RevocationOptions.offline() : RevocationOptions.online())
                .build();
        if (format == Format.pdf && out == null) {
            throw KysoException.localized(ErrorCode.INVALID_ARGUMENT, null,
                    "--format pdf cần có --out FILE",
                    "--format pdf needs --out FILE");
        }
        Document signed = Document.of(file);
        Document original = data == null ? null : Document.of(data);
        VerificationReport report = profile == null ? verifier.verify(signed, original)
                : verifier.verify(signed, original, profile.profile);
        if (trust.isEmpty() && report.signatures().stream().anyMatch(s -> !s.chainTrusted())) {
            // not an error (the report is the answer), but the fix for an untrusted chain, e.g. a sandbox signature
            spec.commandLine().getErr().println(new KysoException(ErrorCode.TRUST_NOT_GIVEN, String.valueOf(file.getFileName())).message(lang));
        }
        if (format == Format.pdf) {
            AtomicFiles.write(out, PdfReportRenderer.render(report, lang));
            return ExitCodes.of(report.verdict());
        }
        String rendered;
        switch (format) {
            case json: rendered = ReportWriter.json(report, anchors, lang); break;
            case html: rendered = ReportWriter.html(report, anchors, lang); break;
            default: rendered = ReportWriter.text(report, anchors, lang); break;
        }
        if (out != null) {
            AtomicFiles.write(out, rendered);
        } else {
            PrintWriter w = spec.commandLine().getOut();
            w.print(rendered);
            if (!rendered.endsWith("\n")) {
                w.println();
            }
        }
        return ExitCodes.of(report.verdict());
    }
}
