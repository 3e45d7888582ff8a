package vn.kyso.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.kyso.testkit.SampleImages;
import vn.kyso.testkit.Sandbox;

/** The CLI run in-process, on a sandbox written to disk and served on loopback. */
class CliTest {
    private static Sandbox sandbox;
    private static Path dir;

    @BeforeAll
    static void start(@TempDir Path temp) {
        dir = temp;
        sandbox = Sandbox.start();
        sandbox.writeTo(dir);
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    /** One CLI run: exit code, standard output, standard error. */
    static final class Run {
        final int code;
        final String out;
        final String err;

        Run(int code, String out, String err) {
            this.code = code;
            this.out = out;
            this.err = err;
        }
    }

    static Run kyso(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = KysoCli.run(args, new PrintWriter(out), new PrintWriter(err));
        return new Run(code, out.toString(), err.toString());
    }

    private static Path document(String name, String text) throws Exception {
        Path p = dir.resolve(name);
        Files.write(p, text.getBytes(StandardCharsets.UTF_8));
        return p;
    }

    @Test
    void signThenVerifyDetachedAtBT() throws Exception {
        Path doc = document("to-trinh.txt", "Tờ trình số 12/TTr-SKHCN");
        Path sig = dir.resolve("to-trinh.txt.p7s");
        Run sign = kyso("sign", "cms", "--in", doc.toString(), "--out", sig.toString(),
                "--p12", dir.resolve("person1.p12").toString(), "--password", Sandbox.PASSWORD,
                "--level", "B-T", "--tsa", sandbox.tsaUrl());
        assertEquals(0, sign.code, sign.err);
        assertTrue(sign.out.contains("RSASSA-PSS"), sign.out);

        Run verify = kyso("verify", sig.toString(), "--data", doc.toString(),
                "--trust", dir.resolve("root.pem").toString(), "--format", "json");
        assertEquals(0, verify.code, verify.out + verify.err);
        JsonNode report = new ObjectMapper().readTree(verify.out);
        assertEquals("VALID", report.get("verdict").asText());
        assertEquals("B-T", report.get("signatures").get(0).get("level").asText());
        assertEquals("Nguyễn Văn An", report.get("signatures").get(0).get("signer").get("commonName").asText());

        // Without --data: its own code, and the message says how to give the data.
        Run noData = kyso("verify", sig.toString(), "--trust", dir.resolve("root.pem").toString(), "--lang", "en");
        assertEquals(64, noData.code, noData.out + noData.err);
        assertEquals("[KYSO-502] A detached signature needs the original data file: to-trinh.txt.p7s. Give the signed data too "
                + "(library: verify(signature, data); command line: kyso verify SIGNATURE --data ORIGINAL)", noData.err.trim());
        Run noDataVi = kyso("verify", sig.toString(), "--trust", dir.resolve("root.pem").toString());
        assertTrue(noDataVi.err.trim().startsWith("[KYSO-502] Chữ ký tách rời cần tệp dữ liệu gốc: to-trinh.txt.p7s. Hãy đưa kèm"),
                noDataVi.err);

        Path changed = document("to-trinh-sua.txt", "Tờ trình số 13/TTr-SKHCN");
        Run tampered = kyso("verify", sig.toString(), "--data", changed.toString(),
                "--trust", dir.resolve("root.pem").toString());
        assertEquals(1, tampered.code, tampered.out + tampered.err);
    }

    /**
     * With no trust option, {@code kyso verify} uses the built-in Vietnamese list, says so in every report
     * form, and tells how to add a root when the chain reaches none (a sandbox signature); with --trust, the
     * report names what it added and there is no hint.
     */
    @Test
    void verifyUsesTheBuiltInVietnameseTrustAndSaysSo() throws Exception {
        Path doc = document("cong-van-den.txt", "Công văn đến số 7");
        Path sig = dir.resolve("cong-van-den.txt.p7s");
        assertEquals(0, kyso("sign", "cms", "--in", doc.toString(), "--out", sig.toString(), "--enveloping",
                "--p12", dir.resolve("person1.p12").toString(), "--password", Sandbox.PASSWORD).code);
        String builtIn = "built-in Vietnamese list (21 certificates: 4 roots, 17 intermediates)";

        Run json = kyso("verify", sig.toString(), "--offline", "--format", "json", "--lang", "en");
        assertEquals(2, json.code, json.out + json.err);
        JsonNode report = new ObjectMapper().readTree(json.out);
        assertEquals("INDETERMINATE", report.get("verdict").asText());
        assertEquals("NO_CERTIFICATE_CHAIN_FOUND", report.get("signatures").get(0).get("subIndication").asText(), json.out);
        assertEquals(builtIn, report.get("trust").asText());
        assertEquals("[KYSO-511] The certificate chain of the signature in cong-van-den.txt.p7s reaches no trusted root of the built-in Vietnamese list. "
                + "If another CA issued it (a sandbox or test CA, for example), add that CA's root: --trust root.pem",
                json.err.trim());

        Run vi = kyso("verify", sig.toString(), "--offline");
        assertEquals(2, vi.code, vi.out + vi.err);
        assertTrue(vi.out.contains("  Chứng thư tin cậy      | danh sách tích hợp của Việt Nam (21 chứng thư: 4 gốc, 17 trung gian)"), vi.out);
        assertEquals("[KYSO-511] Chuỗi chứng thư của chữ ký trong cong-van-den.txt.p7s không dẫn tới chứng thư gốc tin cậy nào trong danh sách tích hợp "
                + "của Việt Nam. Nếu chữ ký do một tổ chức chứng thực khác cấp (ví dụ hệ thống thử nghiệm), hãy thêm chứng thư "
                + "gốc của tổ chức đó: --trust root.pem", vi.err.trim());

        Run html = kyso("verify", sig.toString(), "--format", "html", "--lang", "en",
                "--trust", dir.resolve("root.pem").toString());
        assertEquals(0, html.code, html.out + html.err);
        assertTrue(html.out.contains("Trusted certificates: " + builtIn + " + 1 certificate from root.pem"), html.out);
        assertEquals("", html.err);

        Run text = kyso("verify", sig.toString(), "--lang", "en", "--trust", dir.resolve("root.pem").toString());
        assertEquals(0, text.code, text.out + text.err);
        assertTrue(text.out.contains("  Trusted certificates   | " + builtIn + " + 1 certificate from root.pem"), text.out);

        // --vn-trust refuses a certificate that is not pinned, visibly
        Path vnDir = Files.createDirectories(dir.resolve("vn-trust"));
        Files.copy(dir.resolve("root.pem"), vnDir.resolve("sandbox-root.pem"));
        Run refused = kyso("verify", sig.toString(), "--offline", "--lang", "en", "--vn-trust", vnDir.toString());
        assertTrue(refused.err.startsWith("[KYSO-510] The certificate matches no pinned SHA-256 fingerprint"), refused.err);
        assertTrue(refused.err.contains("sandbox-root.pem (SHA-256 "), refused.err);
        assertEquals(65, refused.code, refused.err);
    }

    @Test
    void signPdfVisibleThenVerifyIt() throws Exception {
        Path pdf = DemoCommand.samplePdf(dir.resolve("cong-van.pdf"));
        Path signed = dir.resolve("cong-van.signed.pdf");
        Run sign = kyso("sign", "pdf", "--in", pdf.toString(), "--out", signed.toString(),
                "--p12", dir.resolve("person2.p12").toString(), "--password-env", "KYSO_TEST_NO_SUCH_VAR");
        assertEquals(64, sign.code, sign.err);
        sign = kyso("sign", "pdf", "--in", pdf.toString(), "--out", signed.toString(), "--field", "lanh_dao",
                "--visible", "1,300,600,200,60", "--level", "B-T", "--tsa", sandbox.tsaUrl(),
                "--p12", dir.resolve("person2.p12").toString(), "--password", Sandbox.PASSWORD);
        assertEquals(0, sign.code, sign.err);
        Run verify = kyso("verify", signed.toString(), "--trust", dir.resolve("root.pem").toString(), "--format", "json");
        assertEquals(0, verify.code, verify.out + verify.err);
        JsonNode s = new ObjectMapper().readTree(verify.out).get("signatures").get(0);
        assertEquals("PAdES", s.get("format").asText());
        assertEquals("B-T", s.get("level").asText());
        assertEquals("NONE", s.get("modificationsAfter").asText());
        assertTrue(s.get("coversWholeDocument").asBoolean());
        assertEquals(3, kyso("verify", pdf.toString()).code, "an unsigned PDF has no signature");
    }

    @Test
    void everySigningCommandOffersPkcs1() throws Exception {
        Path pdf = DemoCommand.samplePdf(dir.resolve("pkcs1.pdf"));
        Run sign = kyso("sign", "pdf", "--pkcs1", "--in", pdf.toString(), "--out", dir.resolve("pkcs1.signed.pdf").toString(),
                "--p12", dir.resolve("person1.p12").toString(), "--password", Sandbox.PASSWORD);
        assertEquals(0, sign.code, sign.err);
        assertTrue(sign.out.contains("RSA with SHA-256 (PKCS#1 v1.5)"), sign.out);
        Path doc = document("pkcs1.txt", "Công văn");
        Run cms = kyso("sign", "cms", "--pkcs1", "--in", doc.toString(), "--out", dir.resolve("pkcs1.txt.p7s").toString(),
                "--p12", dir.resolve("person1.p12").toString(), "--password", Sandbox.PASSWORD);
        assertEquals(0, cms.code, cms.err);
        assertTrue(cms.out.contains("RSA with SHA-256 (PKCS#1 v1.5)"), cms.out);
        assertEquals(64, kyso("sign", "cms", "--pkcs1", "--pss", "--in", doc.toString(), "--out", dir.resolve("x.p7s").toString(),
                "--p12", dir.resolve("person1.p12").toString(), "--password", Sandbox.PASSWORD).code);
    }

    @Test
    void pdfReportsInHtmlAndPdfInBothLanguages() throws Exception {
        Path pdf = DemoCommand.samplePdf(dir.resolve("quyet-dinh-bao-cao.pdf"));
        Path signed = dir.resolve("quyet-dinh-bao-cao.signed.pdf");
        assertEquals(0, kyso("sign", "pdf", "--in", pdf.toString(), "--out", signed.toString(), "--level", "B-T",
                "--tsa", sandbox.tsaUrl(), "--p12", dir.resolve("person1.p12").toString(), "--password", Sandbox.PASSWORD).code);
        String[][] expected = {
            {"vi", "Kết luận: HỢP LỆ", "Số hiệu chứng thư", "Hiệu lực chứng thư", "Dấu thời gian", "Bao phủ toàn bộ tài liệu",
                "không có thay đổi nào sau khi ký"},
            {"en", "Verdict: VALID", "Certificate serial", "Certificate validity", "Time-stamp", "Covers whole document",
                "nothing was changed after this signature"}};
        for (String[] e : expected) {
            Path html = dir.resolve("bao-cao-" + e[0] + ".html");
            Run run = kyso("--lang", e[0], "verify", signed.toString(), "--trust", dir.resolve("root.pem").toString(),
                    "--format", "html", "--out", html.toString());
            assertEquals(0, run.code, run.out + run.err);
            String page = new String(Files.readAllBytes(html), StandardCharsets.UTF_8);
            Path report = dir.resolve("bao-cao-" + e[0] + ".pdf");
            run = kyso("--lang", e[0], "verify", signed.toString(), "--trust", dir.resolve("root.pem").toString(),
                    "--format", "pdf", "--out", report.toString());
            assertEquals(0, run.code, run.out + run.err);
            Process p = new ProcessBuilder("pdftotext", "-raw", "-enc", "UTF-8", report.toString(), "-")
                    .redirectErrorStream(true).start();
            String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(0, p.waitFor(), text);
            for (String rendered : new String[] {page, text}) {
                assertTrue(rendered.indexOf(e[1]) >= 0 && rendered.indexOf(e[1]) < rendered.indexOf("Nguyễn Văn An"),
                        "verdict first: " + rendered);
                for (int i = 2; i < e.length; i++) {
                    assertTrue(rendered.contains(e[i]), e[i] + " in " + rendered);
                }
                assertTrue(rendered.contains("CCCD:001085012345"), rendered);
                assertTrue(rendered.contains("Kyso Sandbox TSA"), rendered);
            }
        }
    }

    @Test
    void approvalThenIssuanceFromTheCommandLine() throws Exception {
        Path draft = DemoCommand.samplePdf(dir.resolve("to-trinh.pdf"));
        Path approved = dir.resolve("to-trinh.1.pdf");
        Path issued = dir.resolve("to-trinh.2.pdf");
        assertEquals(0, kyso("sign", "pdf", "--in", draft.toString(), "--out", approved.toString(), "--reserve-issuance-fields",
                "--p12", dir.resolve("person1.p12").toString(), "--password", Sandbox.PASSWORD).code);
        Run issue = kyso("sign", "pdf", "--role", "issue", "--doc-number", "12/TTr-SKHCN",
                "--issued-date", "2026-11-20T08:00:00+07:00", "--in", approved.toString(), "--out", issued.toString(),
                "--p12", dir.resolve("org.p12").toString(), "--password", Sandbox.PASSWORD);
        assertEquals(0, issue.code, issue.err);
        Run verify = kyso("verify", issued.toString(), "--trust", dir.resolve("root.pem").toString(), "--format", "json");
        assertEquals(0, verify.code, verify.out);
        JsonNode sigs = new ObjectMapper().readTree(verify.out).get("signatures");
        assertEquals(2, sigs.size());
        assertEquals(1, sigs.findValuesAsText("modificationsAfter").stream().filter("FORM_FILL"::equals).count(), verify.out);
        assertEquals(64, kyso("sign", "pdf", "--role", "issue", "--in", approved.toString(), "--out", issued.toString(),
                "--p12", dir.resolve("org.p12").toString(), "--password", Sandbox.PASSWORD).code);
    }

    /**
     * Item 14 from the command line: two approvers who know nothing of issuance (plain {@code --role approve}),
     * then the clerk's number and date: every signature VALID for kyso and for pdfsig, number and date shown.
     * With {@code --no-reserve-issuance-fields} the approval reserves nothing and the issuance says what to do.
     */
    @Test
    void theFirstApprovalReservesTheIssuanceFieldsByDefault() throws Exception {
        Path draft = DemoCommand.samplePdf(dir.resolve("to-trinh-14.pdf"));
        Path first = dir.resolve("to-trinh-14.1.pdf");
        Path second = dir.resolve("to-trinh-14.2.pdf");
        Path issued = dir.resolve("to-trinh-14.3.pdf");
        Run a1 = kyso("sign", "pdf", "--role", "approve", "--field", "lanh_dao_phong", "--in", draft.toString(),
                "--out", first.toString(), "--p12", dir.resolve("person2.p12").toString(), "--password", Sandbox.PASSWORD);
        assertEquals(0, a1.code, a1.err);
        Run a2 = kyso("sign", "pdf", "--field", "chu_tich", "--in", first.toString(), "--out", second.toString(),
                "--p12", dir.resolve("person1.p12").toString(), "--password", Sandbox.PASSWORD);
        assertEquals(0, a2.code, a2.err);
        Run issue = kyso("sign", "pdf", "--role", "issue", "--doc-number", "14/TTr-SKHCN", "--field", "van_thu",
                "--issued-date", "2026-12-01T08:00:00+07:00", "--in", second.toString(), "--out", issued.toString(),
                "--p12", dir.resolve("org.p12").toString(), "--password", Sandbox.PASSWORD);
        assertEquals(0, issue.code, issue.err);

        Run verify = kyso("verify", issued.toString(), "--trust", dir.resolve("root.pem").toString(), "--format", "json");
        assertEquals(0, verify.code, verify.out + verify.err);
        JsonNode sigs = new ObjectMapper().readTree(verify.out).get("signatures");
        assertEquals(3, sigs.size());
        for (JsonNode s : sigs) {
            assertEquals("TOTAL_PASSED", s.get("indication").asText(), verify.out);
        }
        assertEquals(List.of("FORM_FILL", "FORM_FILL", "NONE"),
                sigs.findValuesAsText("modificationsAfter").stream().sorted().collect(java.util.stream.Collectors.toList()));
        Tools.Result pdfsig = Tools.run(List.of("pdfsig", "-nocert", issued.toString()));
        assertEquals(3, pdfsig.output.split("Signature Validation: Signature is Valid\\.", -1).length - 1, pdfsig.toString());
        assertFalse(pdfsig.output.contains("Signature Validation: Signature is Invalid"), pdfsig.toString());
        String text = pdftotext(issued, "-raw");
        assertTrue(text.contains("Số: 14/TTr-SKHCN") && text.contains("ngày 1 tháng 12 năm 2026"), text);

        Path plain = dir.resolve("to-trinh-14.khong-o.pdf");
        Run optOut = kyso("sign", "pdf", "--no-reserve-issuance-fields", "--in", draft.toString(), "--out", plain.toString(),
                "--p12", dir.resolve("person2.p12").toString(), "--password", Sandbox.PASSWORD);
        assertEquals(0, optOut.code, optOut.err);
        Path refused = dir.resolve("to-trinh-14.khong-phat-hanh.pdf");
        Run noFields = kyso("sign", "pdf", "--role", "issue", "--doc-number", "15/TTr-SKHCN", "--in", plain.toString(),
                "--out", refused.toString(), "--p12", dir.resolve("org.p12").toString(), "--password", Sandbox.PASSWORD);
        assertEquals(64, noFields.code, noFields.err);
        assertTrue(noFields.err.startsWith("[KYSO-100] Tham số không hợp lệ: tệp PDF chưa có ô số và ngày (so_ky_hieu, "
                + "ngay_ban_hanh) để ghi khi phát hành. Chữ ký duyệt đầu tiên tạo sẵn các ô này nếu không tắt"), noFields.err);
        assertFalse(Files.exists(refused));
    }

    /**
     * Every e-office role from the command line on the template the demo uses: approval with the
     * leader's image placed by anchor text, issuance with number, date and seal, then income; an appendix
     * and an electronic copy as separate files; bad role options refused.
     */
    @Test
    void everyEofficeRoleFromTheCommandLine() throws Exception {
        Path draft = DemoCommand.samplePdf(dir.resolve("quyet-dinh.pdf"));
        Path signature = Files.write(dir.resolve("chu-ky.png"), SampleImages.signature(600, 240));
        Path seal = Files.write(dir.resolve("con-dau.png"), SampleImages.seal(472, 300));
        String p12 = dir.resolve("person1.p12").toString();
        String org = dir.resolve("org.p12").toString();
        Path approved = dir.resolve("quyet-dinh.1.pdf");
        Run approve = kyso("sign", "pdf", "--in", draft.toString(), "--out", approved.toString(), "--reserve-issuance-fields",
                "--field", "chu_tich", "--signature-image", signature.toString(), "--title", "CHỦ TỊCH",
                "--anchor", DemoCommand.LEADER_NAME, "--anchor-size", "170,70",
                "--p12", p12, "--password", Sandbox.PASSWORD);
        assertEquals(0, approve.code, approve.err);
        Path issued = dir.resolve("quyet-dinh.2.pdf");
        Run issue = kyso("sign", "pdf", "--role", "issue", "--doc-number", "45/QĐ-UBND", "--issued-date",
                "2026-11-22T09:30:00+07:00", "--seal-image", seal.toString(), "--field", "van_thu",
                "--in", approved.toString(), "--out", issued.toString(), "--p12", org, "--password", Sandbox.PASSWORD);
        assertEquals(0, issue.code, issue.err);
        Path received = dir.resolve("quyet-dinh.3.pdf");
        Run income = kyso("sign", "pdf", "--role", "income", "--org", "Sở Tư pháp", "--doc-number", "789",
                "--in", issued.toString(), "--out", received.toString(), "--p12", org, "--password", Sandbox.PASSWORD);
        assertEquals(0, income.code, income.err);
        Run verify = kyso("verify", received.toString(), "--trust", dir.resolve("root.pem").toString(), "--format", "json");
        assertEquals(0, verify.code, verify.out + verify.err);
        JsonNode sigs = new ObjectMapper().readTree(verify.out).get("signatures");
        assertEquals(3, sigs.size());
        assertFalse(sigs.findValuesAsText("modificationsAfter").contains("OTHER"), verify.out);
        String text = pdftotext(received, "-raw");
        assertTrue(text.contains("Số: 45/QĐ-UBND") && text.contains("ngày 22 tháng 11 năm 2026")
                && text.contains("VĂN BẢN ĐẾN") && text.contains("Số đến: 789") && text.contains("CHỦ TỊCH"), text);

        Path appendix = dir.resolve("phu-luc.signed.pdf");
        Run a = kyso("sign", "pdf", "--role", "appendix", "--doc-number", "45/QĐ-UBND", "--in", draft.toString(),
                "--out", appendix.toString(), "--p12", org, "--password", Sandbox.PASSWORD);
        assertEquals(0, a.code, a.err);
        assertTrue(pdftotext(appendix).contains("Số, ký hiệu: 45/QĐ-UBND"));
        Path copy = dir.resolve("ban-sao.signed.pdf");
        Run c = kyso("sign", "pdf", "--role", "copy", "--copy-type", "TRICH_SAO", "--copy-number", "07/TS-VP",
                "--in", draft.toString(), "--out", copy.toString(), "--p12", org, "--password", Sandbox.PASSWORD);
        assertEquals(0, c.code, c.err);
        assertTrue(pdftotext(copy).contains("TRÍCH SAO") && pdftotext(copy).contains("Số: 07/TS-VP"));

        Path none = dir.resolve("khong-ra.pdf");
        Run noNumber = kyso("sign", "pdf", "--role", "appendix", "--in", draft.toString(), "--out", none.toString(),
                "--p12", org, "--password", Sandbox.PASSWORD, "--lang", "en");
        assertEquals(64, noNumber.code, noNumber.err);
        assertTrue(noNumber.err.startsWith("[KYSO-100]"), noNumber.err);
        Run wrongRole = kyso("sign", "pdf", "--role", "copy", "--seal-image", seal.toString(), "--copy-type", "SAO_Y",
                "--copy-number", "1", "--in", draft.toString(), "--out", none.toString(), "--p12", org, "--password", Sandbox.PASSWORD);
        assertEquals(64, wrongRole.code, wrongRole.err);
        Run noAnchor = kyso("sign", "pdf", "--anchor", "Không có trên trang", "--in", draft.toString(),
                "--out", none.toString(), "--p12", p12, "--password", Sandbox.PASSWORD);
        assertEquals(64, noAnchor.code, noAnchor.err);
        assertTrue(noAnchor.err.startsWith("[KYSO-100] Tham số không hợp lệ"), noAnchor.err);
        Path broken = Files.write(dir.resolve("hong.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 1, 2, 3});
        Run badImage = kyso("sign", "pdf", "--signature-image", broken.toString(), "--visible", "1,300,600,200,80",
                "--in", draft.toString(), "--out", none.toString(), "--p12", p12, "--password", Sandbox.PASSWORD);
        assertEquals(65, badImage.code, badImage.err);
        assertEquals(1, badImage.err.trim().split("\n").length, badImage.err);
        assertFalse(Files.exists(none));
    }

    private static String pdftotext(Path pdf, String... options) throws Exception {
        java.util.List<String> cmd = new java.util.ArrayList<>(java.util.List.of("pdftotext", "-enc", "UTF-8"));
        cmd.addAll(java.util.List.of(options));
        cmd.add(pdf.toString());
        cmd.add("-");
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), out);
        return out;
    }

    @Test
    void signXmlThenVerifyIt() throws Exception {
        Path xml = document("hoa-don.xml", "<HDon><DLHDon Id=\"d\"><THDon>Hóa đơn</THDon></DLHDon><DSCKS><NBan/></DSCKS></HDon>");
        Path signed = dir.resolve("hoa-don.signed.xml");
        Run sign = kyso("sign", "xml", "--in", xml.toString(), "--out", signed.toString(), "--level", "B-T",
                "--element", "d", "--place-in", "//DSCKS/NBan",
                "--tsa", sandbox.tsaUrl(), "--p12", dir.resolve("org.p12").toString(), "--password", Sandbox.PASSWORD);
        assertEquals(0, sign.code, sign.err);
        Run verify = kyso("verify", signed.toString(), "--trust", dir.resolve("root.pem").toString(), "--format", "json");
        assertEquals(0, verify.code, verify.out + verify.err);
        JsonNode s = new ObjectMapper().readTree(verify.out).get("signatures").get(0);
        assertEquals("XAdES", s.get("format").asText());
        assertEquals("B-T", s.get("level").asText());
    }

    @Test
    void signXmlElementChosenByXPath() throws Exception {
        Path xml = document("ho-so.xml", "<HoSo><TTin Id=\"tt\"><Ten>Hồ sơ</Ten></TTin><GhiChu>không ký</GhiChu><Ky/></HoSo>");
        Path signed = dir.resolve("ho-so.signed.xml");
        Run sign = kyso("sign", "xml", "--profile", "xmldsig", "--in", xml.toString(), "--out", signed.toString(),
                "--element", "/HoSo/TTin", "--place-in", "/HoSo/Ky",
                "--p12", dir.resolve("org.p12").toString(), "--password", Sandbox.PASSWORD);
        assertEquals(0, sign.code, sign.err);
        Run verify = kyso("verify", signed.toString(), "--trust", dir.resolve("root.pem").toString(), "--format", "json");
        assertEquals(0, verify.code, verify.out + verify.err);
        JsonNode s = new ObjectMapper().readTree(verify.out).get("signatures").get(0);
        assertEquals("/HoSo[1]/TTin[1]", s.get("signedScope").get(0).asText());
        assertEquals(1, s.get("signedScope").size());

        Run noId = kyso("sign", "xml", "--profile", "xmldsig", "--in", xml.toString(), "--out", dir.resolve("x.xml").toString(),
                "--element", "/HoSo/GhiChu", "--p12", dir.resolve("org.p12").toString(), "--password", Sandbox.PASSWORD);
        assertEquals(64, noId.code, noId.err);
        assertTrue(noId.err.contains("KYSO-100") && noId.err.contains("/HoSo/GhiChu"), noId.err);
        assertFalse(Files.exists(dir.resolve("x.xml")));
    }

    @Test
    void eInvoiceSellerThenBuyerFromTheCommandLineNamesEachParty() throws Exception {
        Path xml = document("hd-123.xml", "<HDon><DLHDon Id=\"hd-123\"><TTChung><SHDon>123</SHDon></TTChung><NDHDon><TToan>"
                + "<TgTTTBSo>1100000</TgTTTBSo></TToan></NDHDon></DLHDon><DSCKS><NBan/><NMua/></DSCKS></HDon>");
        Path seller = dir.resolve("hd-123.seller.xml");
        Path both = dir.resolve("hd-123.both.xml");
        Run s1 = kyso("sign", "xml", "--profile", "einvoice", "--in", xml.toString(), "--out", seller.toString(),
                "--p12", dir.resolve("org.p12").toString(), "--password", Sandbox.PASSWORD);
        assertEquals(0, s1.code, s1.err);
        // item 13: the e-invoice profile defaults to what its receivers verify; RSASSA-PSS on request
        assertTrue(s1.out.contains("RSA with SHA-256 (PKCS#1 v1.5)"), s1.out);
        Run pss = kyso("sign", "xml", "--profile", "einvoice", "--pss", "--in", xml.toString(), "--out",
                dir.resolve("hd-123.pss.xml").toString(), "--p12", dir.resolve("org.p12").toString(), "--password", Sandbox.PASSWORD);
        assertEquals(0, pss.code, pss.err);
        assertTrue(pss.out.contains("RSASSA-PSS"), pss.out);
        Run s2 = kyso("sign", "xml", "--profile", "einvoice", "--party", "buyer", "--pkcs1", "--in", seller.toString(),
                "--out", both.toString(), "--p12", dir.resolve("person1.p12").toString(), "--password", Sandbox.PASSWORD);
        assertEquals(0, s2.code, s2.err);
        Run verify = kyso("verify", both.toString(), "--trust", dir.resolve("root.pem").toString(), "--format", "json");
        assertEquals(0, verify.code, verify.out + verify.err);
        JsonNode sigs = new ObjectMapper().readTree(verify.out).get("signatures");
        assertEquals("seller", sigs.get(0).get("party").asText());
        assertEquals("buyer", sigs.get(1).get("party").asText());
        assertEquals("XMLDSig", sigs.get(1).get("format").asText());
        assertEquals("/HDon[1]/DLHDon[1]", sigs.get(1).get("signedScope").get(0).asText());
        Run text = kyso("verify", both.toString(), "--trust", dir.resolve("root.pem").toString(), "--lang", "en");
        assertTrue(text.out.contains("Signing party") && text.out.contains("buyer"), text.out);
        assertEquals("einvoice", new ObjectMapper().readTree(verify.out).get("profile").asText());
        assertTrue(text.out.contains("Profile") && text.out.contains("e-invoice"), text.out);
        // Forcing no profile checks the signatures only: no party is named.
        Run none = kyso("verify", both.toString(), "--trust", dir.resolve("root.pem").toString(), "--format", "json",
                "--profile", "none");
        assertEquals(0, none.code, none.out + none.err);
        JsonNode plain = new ObjectMapper().readTree(none.out);
        assertEquals("none", plain.get("profile").asText());
        assertTrue(plain.get("signatures").get(0).get("party").isNull(), none.out);
        // An unknown profile name is a usage error.
        assertEquals(64, kyso("verify", both.toString(), "--profile", "bogus").code);

        assertEquals(64, kyso("sign", "xml", "--profile", "einvoice", "--element", "hd-123", "--in", xml.toString(), "--out",
                dir.resolve("x.xml").toString(), "--p12", dir.resolve("org.p12").toString(), "--password", Sandbox.PASSWORD).code);
        assertEquals(64, kyso("sign", "xml", "--profile", "etax", "--party", "buyer", "--in", xml.toString(), "--out",
                dir.resolve("x.xml").toString(), "--p12", dir.resolve("org.p12").toString(), "--password", Sandbox.PASSWORD).code);
        assertEquals(64, kyso("sign", "xml", "--profile", "xmldsig", "--level", "B-T", "--tsa", sandbox.tsaUrl(), "--in", xml.toString(),
                "--out", dir.resolve("x.xml").toString(), "--p12", dir.resolve("org.p12").toString(), "--password", Sandbox.PASSWORD).code);
        Run twice = kyso("sign", "xml", "--profile", "einvoice", "--in", seller.toString(), "--out", dir.resolve("x.xml").toString(),
                "--p12", dir.resolve("org.p12").toString(), "--password", Sandbox.PASSWORD);
        assertEquals(64, twice.code, twice.err);
        assertFalse(Files.exists(dir.resolve("x.xml")));
    }

    @Test
    void eTaxDeclarationFromTheCommandLine() throws Exception {
        Path xml = document("to-khai.xml", "<HSoThueDTu xmlns=\"http://kekhaithue.gdt.gov.vn/TKhaiThue\"><HSoKhaiThue id=\"_NODE_TO_SIGN\">"
                + "<TTinChung><mst>0101234567</mst></TTinChung><!-- ghi chú --></HSoKhaiThue><CKyDTu/></HSoThueDTu>");
        Path signed = dir.resolve("to-khai.signed.xml");
        Run sign = kyso("sign", "xml", "--profile", "etax", "--in", xml.toString(), "--out", signed.toString(),
                "--p12", dir.resolve("org.p12").toString(), "--password", Sandbox.PASSWORD);
        assertEquals(0, sign.code, sign.err);
        Run verify = kyso("verify", signed.toString(), "--trust", dir.resolve("root.pem").toString(), "--format", "json");
        assertEquals(0, verify.code, verify.out + verify.err);
        JsonNode s = new ObjectMapper().readTree(verify.out).get("signatures").get(0);
        assertEquals("declarant", s.get("party").asText());
        assertEquals("/HSoThueDTu[1]/HSoKhaiThue[1]", s.get("signedScope").get(0).asText());
    }

    @Test
    void edxmlBuildSignVerifyExtractRoundTrips() throws Exception {
        Path header = document("header.json", "{\"From\": {\"OrganId\": \"000.00.00.H26\", \"OrganName\": \"Sở KH&CN Hà Nội\"},"
                + " \"To\": [{\"OrganId\": \"000.00.00.G22\", \"OrganName\": \"Bộ KH&CN\"}], \"Subject\": \"Về việc ký số\","
                + " \"Code\": {\"CodeNumber\": \"45\", \"CodeNotation\": \"QĐ-SKHCN\"}, \"ToPlaces\": [\"Lưu: VT.\"],"
                + " \"OtherInfo\": {\"Priority\": \"1\"}, \"TraceHeaders\": [{\"OrganId\": \"000.00.00.H26\", \"Timestamp\": \"2026-11-20T09:00:00+07:00\"}]}");
        byte[] binary = new byte[70_000];
        new java.util.Random(7).nextBytes(binary);
        Path pdf = Files.write(dir.resolve("quyet-dinh.pdf"), binary);
        Path msg = dir.resolve("goi-tin.xml");
        Run build = kyso("edxml", "build", "--header", header.toString(), "--attach", pdf.toString(), "--out", msg.toString());
        assertEquals(0, build.code, build.err);
        Path signed = dir.resolve("goi-tin.signed.xml");
        Run sign = kyso("sign", "xml", "--profile", "edxml", "--in", msg.toString(), "--out", signed.toString(),
                "--p12", dir.resolve("org.p12").toString(), "--password", Sandbox.PASSWORD);
        assertEquals(0, sign.code, sign.err);
        Run verify = kyso("verify", signed.toString(), "--trust", dir.resolve("root.pem").toString(), "--format", "json");
        assertEquals(0, verify.code, verify.out + verify.err);
        assertEquals("sender", new ObjectMapper().readTree(verify.out).get("signatures").get(0).get("party").asText());

        Path out = dir.resolve("nhan");
        Run extract = kyso("edxml", "extract", "--in", signed.toString(), "--out-dir", out.toString());
        assertEquals(0, extract.code, extract.err);
        assertArrayEquals(binary, Files.readAllBytes(out.resolve("quyet-dinh.pdf")));
        ObjectMapper m = new ObjectMapper();
        JsonNode expected = m.readTree(header.toFile());
        JsonNode got = m.readTree(out.resolve("header.json").toFile());
        assertEquals(expected, got, "header.json written back equals the one the message was built from");

        Run fromOptions = kyso("edxml", "build", "--from", "000.00.00.H26", "--to", "000.00.00.G22=Bộ KH&CN", "--subject", "Thử",
                "--code", "46/CV-SKHCN", "--date", "2026-11-21", "--out", dir.resolve("goi-tin-2.xml").toString());
        assertEquals(0, fromOptions.code, fromOptions.err);
        assertTrue(Files.readString(dir.resolve("goi-tin-2.xml")).contains("000.00.00.H26,2026/11/21,46/CV-SKHCN"));
        assertEquals(64, kyso("edxml", "build", "--subject", "x", "--out", dir.resolve("goi-tin-3.xml").toString()).code);
        Path broken = document("broken.json", "{\"From\": 1}");
        assertEquals(65, kyso("edxml", "build", "--header", broken.toString(), "--out", dir.resolve("goi-tin-3.xml").toString()).code);
        assertFalse(Files.exists(dir.resolve("goi-tin-3.xml")));
    }

    @Test
    void counterSignAnXmlSignature() throws Exception {
        Path xml = document("to-trinh.xml", "<ToTrinh><NoiDung>Đề nghị phê duyệt</NoiDung></ToTrinh>");
        Path signed = dir.resolve("to-trinh.signed.xml");
        assertEquals(0, kyso("sign", "xml", "--in", xml.toString(), "--out", signed.toString(),
                "--p12", dir.resolve("person1.p12").toString(), "--password", Sandbox.PASSWORD).code);
        Run first = kyso("verify", signed.toString(), "--trust", dir.resolve("root.pem").toString(), "--format", "json");
        String id = new ObjectMapper().readTree(first.out).get("signatures").get(0).get("id").asText();
        Path counter = dir.resolve("to-trinh.counter.xml");
        Run sign = kyso("sign", "xml", "--in", signed.toString(), "--out", counter.toString(), "--counter-sign", id,
                "--p12", dir.resolve("org.p12").toString(), "--password", Sandbox.PASSWORD);
        assertEquals(0, sign.code, sign.err);
        Run verify = kyso("verify", counter.toString(), "--trust", dir.resolve("root.pem").toString(), "--format", "json");
        assertEquals(0, verify.code, verify.out + verify.err);
        assertEquals(2, new ObjectMapper().readTree(verify.out).get("signatures").size(), verify.out);
        Run unknown = kyso("sign", "xml", "--in", signed.toString(), "--out", dir.resolve("x.xml").toString(), "--counter-sign", "khong-co",
                "--p12", dir.resolve("org.p12").toString(), "--password", Sandbox.PASSWORD);
        assertTrue(unknown.err.contains("KYSO-100"), unknown.err);
        assertFalse(Files.exists(dir.resolve("x.xml")));
    }

    @Test
    void withoutTrustAnchorTheVerdictIsIndeterminateAndTheHtmlReportIsWritten() throws Exception {
        Path doc = document("bao-cao.txt", "Báo cáo tổng kết");
        Path sig = dir.resolve("bao-cao.p7s");
        assertEquals(0, kyso("sign", "cms", "--in", doc.toString(), "--out", sig.toString(), "--enveloping",
                "--p12", dir.resolve("org.p12").toString(), "--password", Sandbox.PASSWORD).code);
        Path html = dir.resolve("bao-cao.html");
        Run verify = kyso("verify", sig.toString(), "--format", "html", "--out", html.toString(), "--lang", "en");
        assertEquals(2, verify.code, verify.err);
        String page = new String(Files.readAllBytes(html), StandardCharsets.UTF_8);
        assertTrue(page.contains("INDETERMINATE"), page);
        assertTrue(page.contains("Sở Khoa học và Công nghệ Hà Nội"), page);

        Path pdf = dir.resolve("bao-cao.pdf");
        assertEquals(2, kyso("verify", sig.toString(), "--format", "pdf", "--out", pdf.toString()).code);
        byte[] head = java.util.Arrays.copyOf(Files.readAllBytes(pdf), 5);
        assertEquals("%PDF-", new String(head, StandardCharsets.US_ASCII));
        assertEquals(64, kyso("verify", sig.toString(), "--format", "pdf").code);
    }

    @Test
    void errorsAreOneLineInTheChosenLanguage() throws Exception {
        Path missing = dir.resolve("khong-co.p7s");
        Run vi = kyso("verify", missing.toString());
        assertEquals(65, vi.code);
        assertEquals(1, vi.err.trim().split("\n").length, vi.err);
        assertTrue(vi.err.startsWith("[KYSO-101] Không đọc được"), vi.err);
        Run en = kyso("verify", missing.toString(), "--lang", "en");
        assertTrue(en.err.startsWith("[KYSO-101] Cannot read"), en.err);
        assertFalse(en.err.contains("Exception"), en.err);

        Path junk = document("rac.p7s", "không phải chữ ký");
        Run garbage = kyso("verify", junk.toString());
        assertEquals(65, garbage.code, garbage.out + garbage.err);
        assertFalse(garbage.err.contains("\tat "), garbage.err);

        assertEquals(64, kyso("verify").code);
        assertEquals(64, kyso("sign", "cms", "--bogus").code);
        Path doc = document("x.txt", "x");
        Run noTsa = kyso("sign", "cms", "--in", doc.toString(), "--out", dir.resolve("x.p7s").toString(),
                "--p12", dir.resolve("person1.p12").toString(), "--password", Sandbox.PASSWORD, "--level", "B-T");
        assertEquals(64, noTsa.code, noTsa.err);
    }

    @Test
    void wrongPasswordAndExpiredCertificateAreRefusedWithoutOutput() throws Exception {
        Path doc = document("y.txt", "y");
        Path out = dir.resolve("y.p7s");
        Run wrong = kyso("sign", "cms", "--in", doc.toString(), "--out", out.toString(),
                "--p12", dir.resolve("person1.p12").toString(), "--password", "sai-mat-khau");
        assertEquals(77, wrong.code, wrong.err);
        assertTrue(wrong.err.startsWith("[KYSO-200]"), wrong.err);
        Run expired = kyso("sign", "cms", "--in", doc.toString(), "--out", out.toString(),
                "--p12", dir.resolve("expired.p12").toString(), "--password", Sandbox.PASSWORD);
        assertEquals(1, expired.code, expired.err);
        assertTrue(expired.err.startsWith("[KYSO-205]"), expired.err);
        assertFalse(Files.exists(out));
    }

    @Test
    void certInfoShowsVietnameseIdentity() throws Exception {
        Run text = kyso("cert", "info", dir.resolve("org.p12").toString(), "--password", Sandbox.PASSWORD);
        assertEquals(0, text.code, text.err);
        assertTrue(text.out.contains("0101234567-001"), text.out);
        assertTrue(text.out.contains("tổ chức"), text.out);
        Run json = kyso("cert", "info", dir.resolve("root.pem").toString(), "--format", "json");
        assertEquals(0, json.code, json.err);
        assertEquals(sandbox.root().getSerialNumber().toString(16).toUpperCase(java.util.Locale.ROOT),
                new ObjectMapper().readTree(json.out).get("serialNumber").asText());
    }

    @Test
    void tokenListShowsTheDriversFound() {
        TestHsm.prepare(); // SoftHSM2 is loaded by the listing: its configuration must exist first
        Run list = kyso("token", "list", "--lang", "en");
        assertEquals(0, list.code, list.err);
        assertTrue(list.out.startsWith("Drivers found: "), list.out);
        if (Files.isRegularFile(Path.of("/usr/lib/softhsm/libsofthsm2.so"))) {
            assertTrue(list.out.contains("libsofthsm2.so"), list.out);
        }
        assertEquals(64, kyso("sign", "cms", "--in", "x", "--out", "y", "--p12", "a.p12", "--pkcs11", "lib.so").code);
    }

    @Test
    void sandboxInitWritesEverythingTheIssueLists(@TempDir Path target) {
        Run init = kyso("sandbox", "init", target.toString(), "--port", "0");
        assertEquals(0, init.code, init.err);
        for (String f : new String[] {"root.pem", "chain.pem", "person1.p12", "person2.p12", "person3.p12", "org.p12",
                "revoked.p12", "expired.p12", "sandbox.json"}) {
            assertTrue(Files.isRegularFile(target.resolve(f)), f);
        }
    }

    @Test
    void demoEndsWithEveryStepAsExpected(@TempDir Path out) {
        Run demo = kyso("demo", "--out", out.toString());
        assertEquals(0, demo.code, demo.out + demo.err);
        assertTrue(demo.out.contains("✓"), demo.out);
        assertFalse(demo.out.contains("✗"), demo.out);
        if (DemoToken.missing() == null) { // CI installs SoftHSM2: the token path must run there
            assertTrue(demo.out.contains("Bước ký bằng thiết bị USB: SOFTHSM2_CONF=" + out.resolve("softhsm2")), demo.out);
            String row = demo.out.lines().filter(l -> l.contains("| USB token SoftHSM2 (PKCS#11) ")).findFirst().orElse("");
            assertEquals(List.of("USB token SoftHSM2 (PKCS#11)", "Nguyễn Văn An", "B-T", "RSASSA-PSS with SHA-256", "VALID",
                    "VALID", "✓"), java.util.Arrays.stream(row.split("\\|")).skip(2).map(String::trim)
                    .collect(java.util.stream.Collectors.toList()), demo.out);
        } else {
            assertTrue(demo.out.contains("bước USB token (SoftHSM2) dùng tệp PKCS#12 thay thế"), demo.out);
        }
    }
}
