package vn.kyso.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import vn.kyso.api.DigestAlgorithm;
import vn.kyso.api.ErrorCode;
import vn.kyso.api.KysoException;
import vn.kyso.api.Language;
import vn.kyso.api.SignatureLevel;
import vn.kyso.api.SigningResult;
import vn.kyso.api.report.Verdict;
import vn.kyso.api.report.VerificationReport;
import vn.kyso.api.token.SigningKey;
import vn.kyso.api.token.Token;
import vn.kyso.api.token.Tokens;
import vn.kyso.api.twophase.PreparedSignature;
import vn.kyso.api.twophase.StateKey;
import vn.kyso.core.cades.CadesSignatureOptions;
import vn.kyso.core.cades.CadesSigner;
import vn.kyso.core.report.ReportWriter;
import vn.kyso.core.revocation.RevocationOptions;
import vn.kyso.core.trust.TrustAnchors;
import vn.kyso.core.tsp.TimestampClient;
import vn.kyso.core.verify.Verifier;
import vn.kyso.testkit.Identity;
import vn.kyso.testkit.SampleImages;
import vn.kyso.testkit.Sandbox;
import vn.kyso.pdf.internal.appearance.PdfFonts;
import vn.kyso.pdf.PdfAppearance;
import vn.kyso.pdf.PdfPlacement;
import vn.kyso.pdf.PdfSignatureOptions;
import vn.kyso.pdf.PdfSigner;
import vn.kyso.pdf.workflow.EOffice;
import vn.kyso.xml.XmlSignatureOptions;
import vn.kyso.xml.XmlSigner;
import vn.kyso.xml.profile.EInvoice;
import vn.kyso.xml.profile.ETax;
import vn.kyso.xml.profile.EdXml;
import vn.kyso.xml.profile.EdXmlHeader;
import vn.kyso.xml.profile.EdXmlMessage;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * {@code kyso demo}: the end-to-end run on the built-in sandbox. Starts a sandbox PKI with its servers,
 * signs sample documents at every level, in one and two phases, verifies them, checks that a revoked
 * signer, an expired signer and a changed document are caught, signs through a throw-away SoftHSM2 token
 * when SoftHSM2 is installed ({@link DemoToken}; otherwise says that it uses the PKCS#12 key instead),
 * prints a table and exits 0 only if every step ended as expected.
 */
@Command(name = "demo", description = "Chạy thử toàn bộ trên PKI thử nghiệm / end-to-end demo on the sandbox")
final class DemoCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--out", paramLabel = "DIR", description = "Thư mục kết quả / output directory (default: a temp dir)")
    Path out;

    private final List<String[]> rows = new ArrayList<>();
    private boolean allAsExpected = true;
    private Language lang;

    @Override
    public Integer call() throws IOException {
        lang = ((KysoCli) spec.root().userObject()).language();
        Path dir = out != null ? Files.createDirectories(out) : Files.createTempDirectory("kyso-demo");
        PrintWriter w = spec.commandLine().getOut();
        try (Sandbox sandbox = Sandbox.start()) {
            sandbox.writeTo(dir.resolve("sandbox"));
            w.println(t("PKI thử nghiệm đang chạy tại ", "Sandbox PKI serving at ") + sandbox.baseUrl());
            Path doc = dir.resolve("cong-van-45-QD-UBND.txt");
            Files.write(doc, sampleDocument().getBytes(StandardCharsets.UTF_8));

            TrustAnchors trust = TrustAnchors.of(List.of(sandbox.root()));
            TimestampClient tsa = TimestampClient.builder().urls(List.of(sandbox.tsaUrl())).build();
            StateKey stateKey = StateKey.generate();
            CadesSigner signer = CadesSigner.builder().timestamps(tsa).trust(trust)
                    .revocation(RevocationOptions.online()).stateKey(stateKey).build();
            Verifier verifier = Verifier.builder().trust(trust).revocation(RevocationOptions.online()).build();

            try (Token person1 = open(sandbox.person1(), dir); Token org = open(sandbox.organization(), dir);
                 Token person3 = open(sandbox.person3(), dir); Token revoked = open(sandbox.revokedPerson(), dir);
                 Token expired = open(sandbox.expiredPerson(), dir); Token person2 = open(sandbox.person2(), dir)) {
                Path firstSignature = null;
                for (SignatureLevel level : new SignatureLevel[] {SignatureLevel.B_B, SignatureLevel.B_T,
                        SignatureLevel.B_LT, SignatureLevel.B_LTA}) {
                    Path sig = signAndVerify(signer, verifier, doc, dir, person1.firstKey(), level, false, Verdict.VALID,
                            t("Ký tách rời ", "Detached ") + level.label());
                    firstSignature = firstSignature == null ? sig : firstSignature;
                }
                signAndVerify(signer, verifier, doc, dir, org.firstKey(), SignatureLevel.B_T, true, Verdict.VALID,
                        t("Ký đính kèm (tổ chức)", "Enveloping (organisation)"));
                signAndVerify(signer, verifier, doc, dir, person3.firstKey(), SignatureLevel.B_B, false, Verdict.VALID,
                        t("Ký ECDSA P-256", "ECDSA P-256"));
                twoPhase(signer, verifier, doc, dir, person2.firstKey());
                signAndVerify(signer, verifier, doc, dir, revoked.firstKey(), SignatureLevel.B_B, false, Verdict.INVALID,
                        t("Chứng thư đã bị thu hồi", "Revoked certificate"));
                tampered(verifier, firstSignature, dir);
                expiredSigner(signer, doc, dir, expired.firstKey());
                usbToken(signer, verifier, doc, dir, sandbox, person1.firstKey(), w);
                PdfSigner pdfSigner = PdfSigner.builder().timestamps(tsa).trust(trust)
                        .revocation(RevocationOptions.online()).build();
                pdfWorkflow(pdfSigner, verifier, dir, new Token[] {person2, person3, person1}, org);
                xmlProfiles(XmlSigner.builder().timestamps(tsa).trust(trust).build(), verifier, dir, org.firstKey(),
                        person1.firstKey());
            }
        }
        printTable(w);
        w.println(t("Kết quả trong thư mục: ", "Files in: ") + dir.toAbsolutePath());
        w.println(allAsExpected ? t("Tất cả các bước đúng như mong đợi.", "Every step ended as expected.")
                : t("CÓ BƯỚC KHÔNG ĐÚNG MONG ĐỢI.", "SOME STEPS DID NOT END AS EXPECTED."));
        return allAsExpected ? ExitCodes.OK : ExitCodes.INVALID;
    }

    private Token open(Identity who, Path dir) {
        Path p12 = who.writePkcs12(dir.resolve("sandbox").resolve(who.name() + ".p12"), Sandbox.PASSWORD.toCharArray());
        char[] pw = Sandbox.PASSWORD.toCharArray();
        try {
            return Tokens.pkcs12(p12, pw);
        } finally {
            java.util.Arrays.fill(pw, '\0');
        }
    }

    private Path signAndVerify(CadesSigner signer, Verifier verifier, Path doc, Path dir, SigningKey key,
                               SignatureLevel level, boolean enveloping, Verdict expected, String step) {
        String name = key.id() + "-" + level.label() + (enveloping ? "-enveloping" : "") + ".p7s";
        Path sig = dir.resolve(name);
        CadesSignatureOptions options = CadesSignatureOptions.builder().level(level).packaging(enveloping
                ? CadesSignatureOptions.Packaging.ENVELOPING : CadesSignatureOptions.Packaging.DETACHED).build();
        SigningResult result = signer.sign(doc, sig, key, options);
        VerificationReport report = enveloping ? verifier.verify(sig) : verifier.verify(sig, doc);
        writeReport(dir, name, report);
        row(step, key.info().commonName(), level.label(), result.algorithm().displayName(),
                report.verdict().name(), expected.name(), report.verdict() == expected);
        return sig;
    }

    private void twoPhase(CadesSigner signer, Verifier verifier, Path doc, Path dir, SigningKey key) {
        CadesSignatureOptions options = CadesSignatureOptions.builder().level(SignatureLevel.B_T).build();
        PreparedSignature prepared = signer.prepare(doc, key.chain(),
                key.preferredAlgorithm(DigestAlgorithm.SHA256), options);
        byte[] value = key.signDigest(prepared.digest(), prepared.algorithm());
        SigningResult result = signer.complete(prepared.state(), value, doc);
        Path sig = dir.resolve("two-phase.p7s");
        vn.kyso.api.io.AtomicFiles.write(sig, result.signed());
        VerificationReport report = verifier.verify(sig, doc);
        writeReport(dir, "two-phase.p7s", report);
        row(t("Ký hai bước (prepare/complete)", "Two-phase (prepare/complete)"), key.info().commonName(),
                result.level().label(), result.algorithm().displayName(), report.verdict().name(), Verdict.VALID.name(),
                report.verdict() == Verdict.VALID);
    }

    private void tampered(Verifier verifier, Path sig, Path dir) throws IOException {
        Path changed = dir.resolve("cong-van-45-QD-UBND.changed.txt");
        Files.write(changed, (sampleDocument() + "Sửa đổi trái phép.\n").getBytes(StandardCharsets.UTF_8));
        VerificationReport report = verifier.verify(sig, changed);
        row(t("Tài liệu bị sửa sau khi ký", "Document changed after signing"),
                report.signatures().isEmpty() || report.signatures().get(0).signer() == null ? "-"
                        : report.signatures().get(0).signer().commonName(),
                report.signatures().isEmpty() ? "-" : report.signatures().get(0).level().label(), "-",
                report.verdict().name(), Verdict.INVALID.name(), report.verdict() == Verdict.INVALID);
    }

    private void expiredSigner(CadesSigner signer, Path doc, Path dir, SigningKey key) {
        String outcome;
        boolean ok;
        try {
            signer.sign(doc, dir.resolve("expired.p7s"), key, CadesSignatureOptions.builder().build());
            outcome = t("đã ký (sai)", "signed (wrong)");
            ok = false;
        } catch (KysoException e) {
            outcome = e.code();
            ok = e.errorCode() == ErrorCode.CERTIFICATE_EXPIRED;
        }
        row(t("Chứng thư đã hết hạn: từ chối ký", "Expired certificate: refused"), key.info().commonName(),
                "B-B", "-", outcome, ErrorCode.CERTIFICATE_EXPIRED.code(), ok);
    }

    /**
     * A B-T signature through a throw-away SoftHSM2 token ({@link DemoToken}) when SoftHSM2 and its tools are
     * installed; otherwise the same signature with the PKCS#12 key, and a line saying so.
     */
    private void usbToken(CadesSigner signer, Verifier verifier, Path doc, Path dir, Sandbox sandbox,
                          SigningKey p12Key, PrintWriter w) {
        Path sig = dir.resolve("usb-token-B-T.p7s");
        String missing = DemoToken.missing();
        String step;
        if (missing == null) {
            step = "USB token SoftHSM2 (PKCS#11)";
            try {
                String command = DemoToken.sign(dir, sandbox.person1(), doc, sig, sandbox.tsaUrl());
                w.println(t("Bước ký bằng thiết bị USB: ", "USB token step: ") + command);
            } catch (KysoException e) {
                row(step, p12Key.info().commonName(), "B-T", "-", e.message(lang), Verdict.VALID.name(), false);
                return;
            }
        } else {
            w.println(t("Chưa cài " + missing + ": bước ký bằng thiết bị USB (SoftHSM2) dùng tệp PKCS#12 thay thế.",
                    missing + " not installed: the USB token step (SoftHSM2) uses the PKCS#12 file instead."));
            step = t("PKCS#12 (thay cho thiết bị USB)", "PKCS#12 (instead of a USB token)");
            signer.sign(doc, sig, p12Key, CadesSignatureOptions.builder().level(SignatureLevel.B_T).build());
        }
        VerificationReport report = verifier.verify(sig, doc);
        writeReport(dir, sig.getFileName().toString(), report);
        vn.kyso.api.report.SignatureResult s = report.signatures().isEmpty() ? null : report.signatures().get(0);
        row(step, s == null || s.signer() == null ? "-" : s.signer().commonName(), s == null ? "-" : s.level().label(),
                s == null || s.signatureAlgorithmName() == null ? "-" : s.signatureAlgorithmName(), report.verdict().name(),
                Verdict.VALID.name(), report.verdict() == Verdict.VALID);
    }

    /**
     * The e-office flow on a PDF (Decree 30/2020): number and date fields reserved over the draft's
     * placeholders, three approvals (two text blocks, then the head of the body's signature image placed
     * above the printed name), the clerk's number, date and seal over the leader's image with the
     * organisation's signature at B-T, one verification of all four; an appendix signed as a separate file;
     * then content slipped in after signing.
     */
    private void pdfWorkflow(PdfSigner pdf, Verifier verifier, Path dir, Token[] approvers, Token org) throws IOException {
        Path draft = samplePdf(dir.resolve("quyet-dinh-45.draft.pdf"));
        Path signatureImage = Files.write(dir.resolve("chu-ky-lanh-dao.png"), SampleImages.signature(600, 240));
        Path sealImage = Files.write(dir.resolve("con-dau.png"), SampleImages.seal(472, 300));
        Path step = dir.resolve("quyet-dinh-45.pdf");
        EOffice.reserveIssuanceFields(draft, step);
        String[] fields = {"lanh_dao_phong", "lanh_dao_van_phong", "lanh_dao_co_quan"};
        for (int i = 0; i < approvers.length; i++) {
            Path next = dir.resolve("quyet-dinh-45." + (i + 1) + ".pdf");
            PdfSignatureOptions.Builder b = PdfSignatureOptions.builder().field(fields[i]).reason("Phê duyệt");
            if (i < approvers.length - 1) {
                b.visible(1, 40, 640 + 70f * i, 170, 60);
            } else {
                b.appearance(PdfAppearance.leader(signatureImage))
                        .placement(PdfPlacement.anchor(LEADER_NAME).size(170, 70).offset(0, -4));
            }
            pdf.sign(step, next, approvers[i].firstKey(), b.build());
            step = next;
        }
        Path issued = dir.resolve("quyet-dinh-45.signed.pdf");
        java.time.OffsetDateTime now = java.time.OffsetDateTime.now(java.time.ZoneId.of("Asia/Ho_Chi_Minh"));
        SigningResult issuance = EOffice.issue(pdf, step, issued, org.firstKey(), "45/QĐ-UBND", now,
                PdfSignatureOptions.builder().field("van_thu").level(SignatureLevel.B_T).reason("Phát hành")
                        .appearance(PdfAppearance.seal(sealImage)).build());
        VerificationReport report = verifier.verify(issued);
        writeReport(dir, "quyet-dinh-45.signed.pdf", report);
        for (vn.kyso.api.report.SignatureResult s : report.signatures()) {
            boolean last = Boolean.TRUE.equals(s.coversWholeDocument());
            // the clerk's number and date are a form fill that the approvals permit
            String expected = last ? "TOTAL_PASSED/NONE" : "TOTAL_PASSED/FORM_FILL";
            String got = s.indication() + "/" + s.modificationsAfter();
            String who = s.signer() == null ? "-" : s.signer().commonName();
            row(last ? t("PDF: phát hành (tổ chức, có dấu)", "PDF: issuance (organisation, seal)")
                            : who.equals(LEADER_NAME) ? t("PDF: phê duyệt (ảnh chữ ký)", "PDF: approval (signature image)")
                            : t("PDF: phê duyệt (khối chữ)", "PDF: approval (text block)"),
                    who, s.level().label(), s.signatureAlgorithmName() == null ? "-" : s.signatureAlgorithmName(), got, expected,
                    got.equals(expected));
        }
        row(t("PDF: kết luận (4 chữ ký)", "PDF: verdict (4 signatures)"), "-", issuance.level().label(), "-",
                report.verdict().name() + " (" + report.signatures().size() + ")", "VALID (4)",
                report.verdict() == Verdict.VALID && report.signatures().size() == 4);
        String text = pageText(issued);
        boolean shown = text.contains("Số: 45/QĐ-UBND") && text.contains(EOffice.dateText(now));
        row(t("PDF: số, ký hiệu và ngày ban hành trên trang", "PDF: number and date on the page"), "-", "-", "-",
                shown ? "45/QĐ-UBND" : "-", "45/QĐ-UBND", shown);

        Path appendix = sampleAppendix(dir.resolve("phu-luc-45.pdf"));
        Path appendixSigned = dir.resolve("phu-luc-45.signed.pdf");
        SigningResult a = pdf.sign(appendix, appendixSigned, org.firstKey(), PdfSignatureOptions.builder()
                .level(SignatureLevel.B_T).appearance(PdfAppearance.appendix("45/QĐ-UBND")).build());
        VerificationReport appendixReport = verifier.verify(appendixSigned);
        writeReport(dir, "phu-luc-45.signed.pdf", appendixReport);
        row(t("PDF: phụ lục tệp riêng (tổ chức)", "PDF: appendix file (organisation)"), org.firstKey().info().commonName(),
                a.level().label(), a.algorithm().displayName(), appendixReport.verdict().name(), Verdict.VALID.name(),
                appendixReport.verdict() == Verdict.VALID);

        Path changed = dir.resolve("quyet-dinh-45.changed.pdf");
        try (PDDocument doc = Loader.loadPDF(issued.toFile()); java.io.OutputStream os = Files.newOutputStream(changed)) {
            PDPage page = doc.getPage(0);
            try (PDPageContentStream cs = new PDPageContentStream(doc, page, PDPageContentStream.AppendMode.APPEND, true)) {
                cs.beginText();
                cs.setFont(PdfFonts.serif(doc), 13);
                cs.newLineAtOffset(72, 300);
                cs.showText("Điều 3. Nội dung chèn thêm sau khi ký.");
                cs.endText();
            }
            page.getCOSObject().setNeedToBeUpdated(true);
            doc.saveIncremental(os);
        }
        VerificationReport attacked = verifier.verify(changed);
        row(t("PDF: nội dung bị chèn sau khi ký", "PDF: content added after signing"), "-", "-", "-",
                attacked.verdict().name(), Verdict.INVALID.name(), attacked.verdict() == Verdict.INVALID);
    }

    /** The values of the number and date fields, as the page shows them through their appearances. */
    private static String pageText(Path pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            org.apache.pdfbox.pdmodel.interactive.form.PDAcroForm form = doc.getDocumentCatalog().getAcroForm(null);
            StringBuilder sb = new StringBuilder();
            for (String name : new String[] {EOffice.NUMBER_FIELD, EOffice.DATE_FIELD}) {
                org.apache.pdfbox.pdmodel.interactive.form.PDField f = form == null ? null : form.getField(name);
                if (f != null && f.getWidgets().get(0).getAppearance() != null) {
                    sb.append(f.getValueAsString()).append('\n');
                }
            }
            return sb.toString();
        }
    }

    /**
     * One signature of each XML kind, each verified: XAdES B-T, plain XMLDSig, an edXML message with an
     * attachment (extracted again byte for byte), an e-invoice signed by the seller and then the buyer, an
     * e-tax declaration; then the invoice's amount changed after signing.
     */
    private void xmlProfiles(XmlSigner xml, Verifier verifier, Path dir, SigningKey org, SigningKey buyer) throws IOException {
        byte[] report = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<BaoCao><Ky>2026</Ky><NoiDung>Báo cáo tổng kết năm"
                + "</NoiDung></BaoCao>\n").getBytes(StandardCharsets.UTF_8);
        SigningResult xades = xml.sign(report, org, XmlSignatureOptions.builder().level(SignatureLevel.B_T).build());
        xmlRow(t("XML: XAdES", "XML: XAdES"), verifier, dir, "bao-cao.xades.xml", xades, Verdict.VALID, null);
        SigningResult dsig = xml.sign(report, org, XmlSignatureOptions.builder().format(XmlSignatureOptions.Format.XMLDSIG).build());
        xmlRow(t("XML: XMLDSig", "XML: XMLDSig"), verifier, dir, "bao-cao.xmldsig.xml", dsig, Verdict.VALID, null);

        byte[] attachment = sampleDocument().getBytes(StandardCharsets.UTF_8);
        byte[] message = EdXml.builder().header(EdXmlHeader.builder()
                        .from(EdXmlHeader.Organization.of("000.00.00.H26", "Sở Khoa học và Công nghệ Hà Nội"))
                        .to(EdXmlHeader.Organization.of("000.00.00.G22", "Bộ Khoa học và Công nghệ"))
                        .code("45", "QĐ-UBND").promulgation("Hà Nội", java.time.LocalDate.now(java.time.ZoneId.of("Asia/Ho_Chi_Minh")))
                        .subject("Về việc ban hành quy chế sử dụng chữ ký số").build())
                .attachment("cong-van-45-QD-UBND.txt", "text/plain", attachment).build().toXml();
        SigningResult edxml = EdXml.sign(xml, org, message);
        Path edxmlFile = xmlRow(t("edXML: gói tin gửi đi", "edXML: message sent"), verifier, dir, "goi-tin.edxml.xml", edxml,
                Verdict.VALID, "sender");
        EdXmlMessage received = EdXml.extract(edxmlFile, dir.resolve("goi-tin-nhan"));
        boolean same = received.attachments().size() == 1 && java.util.Arrays.equals(attachment, received.attachments().get(0).bytes());
        row(t("edXML: tách tệp đính kèm", "edXML: attachment extracted"), "-", "-", "-",
                same ? t("trùng khớp", "identical") : t("khác", "different"), t("trùng khớp", "identical"), same);

        byte[] invoice = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<HDon><DLHDon Id=\"hd-0000123\"><TTChung>"
                + "<THDon>Hóa đơn giá trị gia tăng</THDon><SHDon>0000123</SHDon></TTChung><NDHDon><NBan>"
                + "<Ten>Sở Khoa học và Công nghệ Hà Nội</Ten><MST>0101234567-001</MST></NBan><TToan><TgTTTBSo>1100000"
                + "</TgTTTBSo></TToan></NDHDon></DLHDon><DSCKS><NBan/><NMua/></DSCKS></HDon>\n").getBytes(StandardCharsets.UTF_8);
        SigningResult sellerSigned = EInvoice.sign(xml, org, invoice, EInvoice.Party.SELLER);
        SigningResult bothSigned = EInvoice.sign(xml, buyer, sellerSigned.signed(), EInvoice.Party.BUYER);
        Path invoiceFile = xmlRow(t("Hóa đơn: người bán + người mua", "E-invoice: seller + buyer"), verifier, dir,
                "hoa-don.signed.xml", bothSigned, Verdict.VALID, "seller, buyer");

        byte[] declaration = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<HSoThueDTu xmlns=\"http://kekhaithue.gdt.gov.vn/TKhaiThue\">"
                + "<HSoKhaiThue id=\"_NODE_TO_SIGN\"><TTinChung><TKhaiThue><maTKhai>842</maTKhai><kyKKhai>08/2026</kyKKhai></TKhaiThue>"
                + "<NNT><mst>0101234567</mst></NNT></TTinChung><CTieuTKhaiChinh><ct21>1000000</ct21></CTieuTKhaiChinh></HSoKhaiThue>"
                + "<CKyDTu/></HSoThueDTu>\n").getBytes(StandardCharsets.UTF_8);
        xmlRow(t("Tờ khai thuế", "E-tax declaration"), verifier, dir, "to-khai.signed.xml", ETax.sign(xml, org, declaration),
                Verdict.VALID, "declarant");

        Path changed = dir.resolve("hoa-don.changed.xml");
        Files.write(changed, new String(Files.readAllBytes(invoiceFile), StandardCharsets.UTF_8).replace("1100000", "9100000")
                .getBytes(StandardCharsets.UTF_8));
        VerificationReport tampered = verifier.verify(changed);
        row(t("Hóa đơn: số tiền bị sửa sau khi ký", "E-invoice: amount changed after signing"), "-", "-", "-",
                tampered.verdict().name(), Verdict.INVALID.name(), tampered.verdict() == Verdict.INVALID);
    }

    /** Writes a signed XML, verifies it and adds its row: verdict, and the parties when a profile names them. */
    private Path xmlRow(String step, Verifier verifier, Path dir, String name, SigningResult r, Verdict expected, String parties) {
        Path file = dir.resolve(name);
        vn.kyso.api.io.AtomicFiles.write(file, r.signed());
        VerificationReport report = verifier.verify(file);
        writeReport(dir, name, report);
        List<String> named = new ArrayList<>();
        for (vn.kyso.api.report.SignatureResult s : report.signatures()) {
            if (s.party() != null) {
                named.add(s.party().code());
            }
        }
        String got = report.verdict().name() + (parties == null ? "" : " (" + String.join(", ", named) + ")");
        String want = expected.name() + (parties == null ? "" : " (" + parties + ")");
        vn.kyso.api.report.SignatureResult last = report.signatures().get(report.signatures().size() - 1);
        row(step, last.signer() == null ? "-" : last.signer().commonName(),
                last.format().label() + (last.level() == SignatureLevel.NONE ? "" : " " + last.level().label()),
                r.algorithm().displayName(), got, want, got.equals(want));
        return file;
    }

    /** The printed name of the head of the body in the sample decision (the sandbox's person 1). */
    static final String LEADER_NAME = "Nguyễn Văn An";

    /**
     * A one-page decision laid out as Decree 30/2020 shows it: issuing body and motto, the number and date
     * placeholders on one row, the text, the signer's title and printed name. Each line: x, y from the top,
     * size, bold, text.
     */
    static Path samplePdf(Path file) throws IOException {
        return writeSample(file, new Object[][] {
            {60, 60, 12, true, "ỦY BAN NHÂN DÂN"}, {320, 60, 12, true, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"},
            {60, 76, 12, true, "THÀNH PHỐ HÀ NỘI"}, {360, 76, 12, true, "Độc lập - Tự do - Hạnh phúc"},
            {60, 112, 13, false, "Số:        /QĐ-UBND"}, {320, 112, 13, false, "Hà Nội, ngày ... tháng ... năm 2026"},
            {240, 170, 14, true, "QUYẾT ĐỊNH"}, {130, 190, 13, false, "Về việc ban hành quy chế sử dụng chữ ký số"},
            {72, 240, 13, false, "Điều 1. Ban hành kèm theo Quyết định này Quy chế sử dụng chữ ký số trong cơ quan."},
            {72, 262, 13, false, "Điều 2. Quyết định có hiệu lực kể từ ngày ký."},
            {400, 600, 13, true, "CHỦ TỊCH"}, {385, 720, 13, true, LEADER_NAME}});
    }

    /** The appendix of decision 45 in a file of its own (Decree 30: the organisation signs it, info text top-right). */
    static Path sampleAppendix(Path file) throws IOException {
        return writeSample(file, new Object[][] {
            {250, 150, 14, true, "PHỤ LỤC"}, {170, 170, 13, false, "QUY CHẾ SỬ DỤNG CHỮ KÝ SỐ TRONG CƠ QUAN"},
            {150, 188, 12, false, "(Kèm theo Quyết định số 45/QĐ-UBND của Ủy ban nhân dân Thành phố Hà Nội)"},
            {72, 240, 13, false, "1. Văn bản điện tử gửi đi được ký số bằng chứng thư số của cơ quan."},
            {72, 262, 13, false, "2. Người ký duyệt dùng chứng thư số cá nhân do Ban Cơ yếu Chính phủ cấp."},
            {72, 284, 13, false, "3. Văn thư kiểm tra chữ ký số trước khi phát hành."}});
    }

    /** A one-page A4 PDF with the given lines: x, y from the top, size, bold, text (Liberation Serif). */
    private static Path writeSample(Path file, Object[][] layout) throws IOException {
        try (PDDocument doc = new PDDocument()) {
            PDPage page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            PDType0Font font = PdfFonts.serif(doc);
            PDType0Font bold = PdfFonts.serifBold(doc);
            float top = page.getMediaBox().getHeight();
            try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                for (Object[] l : layout) {
                    cs.beginText();
                    cs.setFont((Boolean) l[3] ? bold : font, (Integer) l[2]);
                    cs.newLineAtOffset((Integer) l[0], top - (Integer) l[1]);
                    cs.showText((String) l[4]);
                    cs.endText();
                }
            }
            doc.save(file.toFile());
        }
        return file;
    }

    private void writeReport(Path dir, String name, VerificationReport report) {
        vn.kyso.api.io.AtomicFiles.write(dir.resolve(name + ".report.json"), ReportWriter.json(report, lang));
    }

    private void row(String step, String signer, String level, String algorithm, String outcome, String expected,
                     boolean asExpected) {
        allAsExpected &= asExpected;
        rows.add(new String[] {String.valueOf(rows.size() + 1), step, signer, level, algorithm,
                outcome, expected, asExpected ? "✓" : "✗"});
    }

    private void printTable(PrintWriter w) {
        String[] head = lang == Language.EN
                ? new String[] {"#", "Step", "Signer", "Level", "Algorithm", "Result", "Expected", "OK"}
                : new String[] {"#", "Bước", "Người ký", "Mức", "Thuật toán", "Kết quả", "Mong đợi", "Đạt"};
        int[] width = new int[head.length];
        for (int i = 0; i < head.length; i++) {
            width[i] = head[i].length();
            for (String[] r : rows) {
                width[i] = Math.max(width[i], r[i].length());
            }
        }
        StringBuilder sep = new StringBuilder();
        for (int wd : width) {
            sep.append('+').append("-".repeat(wd + 2));
        }
        sep.append('+');
        w.println(sep);
        w.println(line(head, width));
        w.println(sep);
        for (String[] r : rows) {
            w.println(line(r, width));
        }
        w.println(sep);
    }

    private static String line(String[] cells, int[] width) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < cells.length; i++) {
            sb.append("| ").append(cells[i]).append(" ".repeat(width[i] - cells[i].length() + 1));
        }
        return sb.append('|').toString();
    }

    private String t(String vi, String en) {
        return lang == Language.EN ? en : vi;
    }

    static String sampleDocument() {
        return String.format(Locale.ROOT, "ỦY BAN NHÂN DÂN THÀNH PHỐ HÀ NỘI%n"
                + "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM — Độc lập - Tự do - Hạnh phúc%n%n"
                + "QUYẾT ĐỊNH số 45/QĐ-UBND về việc ban hành quy chế sử dụng chữ ký số%n"
                + "Điều 1. Ban hành kèm theo Quyết định này Quy chế sử dụng chữ ký số trong cơ quan.%n"
                + "Điều 2. Quyết định có hiệu lực kể từ ngày ký.%n");
    }

}
