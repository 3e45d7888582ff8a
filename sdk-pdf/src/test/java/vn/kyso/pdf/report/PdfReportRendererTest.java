package vn.kyso.pdf.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.kyso.api.Language;
import vn.kyso.api.report.VerificationReport;
import vn.kyso.api.token.Token;
import vn.kyso.api.token.Tokens;
import vn.kyso.core.cades.CadesSignatureOptions;
import vn.kyso.core.cades.CadesSigner;
import vn.kyso.core.revocation.RevocationOptions;
import vn.kyso.core.trust.TrustAnchors;
import vn.kyso.core.verify.Verifier;
import vn.kyso.testkit.Sandbox;

/** A real verification report rendered to PDF and read back by poppler's pdftotext. */
class PdfReportRendererTest {

    @Test
    void rendersAVietnameseReportThatPdftotextReads(@TempDir Path dir) throws Exception {
        VerificationReport report;
        try (Sandbox sandbox = Sandbox.start()) {
            Path data = dir.resolve("quyet-dinh.txt");
            Files.write(data, "Quyết định 45/QĐ-UBND".getBytes(StandardCharsets.UTF_8));
            Path p12 = sandbox.person1().writePkcs12(dir.resolve("p1.p12"), Sandbox.PASSWORD.toCharArray());
            Path sig = dir.resolve("quyet-dinh.txt.p7s");
            try (Token token = Tokens.pkcs12(p12, Sandbox.PASSWORD.toCharArray())) {
                CadesSigner.builder().build().sign(data, sig, token.firstKey(), CadesSignatureOptions.defaults());
            }
            report = Verifier.builder().trust(TrustAnchors.of(List.of(sandbox.root())))
                    .revocation(RevocationOptions.online()).build().verify(sig, data);
        }
        Path vi = dir.resolve("bao-cao.pdf");
        Files.write(vi, PdfReportRenderer.render(report, Language.VI));
        String text = pdftotext(vi);
        assertTrue(text.contains("Báo cáo kiểm tra chữ ký số"), text);
        assertTrue(text.contains("HỢP LỆ"), text);
        assertTrue(text.contains("Nguyễn Văn An"), text);
        assertTrue(text.contains("CCCD:001085012345"), text);

        Path en = dir.resolve("report.pdf");
        Files.write(en, PdfReportRenderer.render(report, Language.EN));
        String english = pdftotext(en);
        assertTrue(english.contains("VALID: every signature is valid"), english);
        assertTrue(english.contains("Nguyễn Văn An"), english);
    }

    private static String pdftotext(Path pdf) throws Exception {
        Path out = pdf.resolveSibling(pdf.getFileName() + ".txt");
        Process p = new ProcessBuilder("pdftotext", "-enc", "UTF-8", pdf.toString(), out.toString())
                .redirectErrorStream(true).start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), log);
        return new String(Files.readAllBytes(out), StandardCharsets.UTF_8);
    }
}
