package vn.kyso.snippets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.kyso.api.ErrorCode;
import vn.kyso.api.KysoException;
import vn.kyso.api.SignatureAlgorithm;
import vn.kyso.api.SignatureLevel;
import vn.kyso.api.SigningResult;
import vn.kyso.api.io.Document;
import vn.kyso.api.report.Indication;
import vn.kyso.api.report.Party;
import vn.kyso.api.report.Profile;
import vn.kyso.api.report.SignatureResult;
import vn.kyso.api.report.Verdict;
import vn.kyso.api.report.VerificationReport;
import vn.kyso.api.token.SigningKey;
import vn.kyso.api.token.Token;
import vn.kyso.api.token.Tokens;
import vn.kyso.core.batch.BatchProgress;
import vn.kyso.core.trust.TrustAnchors;
import vn.kyso.core.tsp.TimestampClient;
import vn.kyso.core.verify.Verifier;
import vn.kyso.pdf.PdfSigner;
import vn.kyso.testkit.Identity;
import vn.kyso.testkit.SampleImages;
import vn.kyso.testkit.Sandbox;
import vn.kyso.testkit.SoftHsm2;
import vn.kyso.xml.XmlSigner;
import vn.kyso.xml.profile.EdXmlMessage;

/** Runs every documented snippet against the sandbox and checks what the documents say it does. */
class SnippetsRunTest {

    static Sandbox sandbox;
    static TrustAnchors trust;
    static TimestampClient tsa;
    static Verifier verifier;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        sandbox = Sandbox.start();
        trust = TrustAnchors.of(List.of(sandbox.root()), sandbox.intermediates());
        tsa = TimestampClient.builder().url(sandbox.tsaUrl()).build();
        verifier = Verifier.builder().trust(trust).build();
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    private static SigningKey key(Identity who) {
        Token token = Tokens.pkcs12(who.pkcs12(Sandbox.PASSWORD.toCharArray()), Sandbox.PASSWORD.toCharArray(), who.name());
        return token.firstKey();
    }

    private Path rootPem() throws IOException {
        Path root = dir.resolve("root.pem");
        Files.writeString(root, "-----BEGIN CERTIFICATE-----\n"
                + java.util.Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(encoded())
                + "\n-----END CERTIFICATE-----\n", StandardCharsets.US_ASCII);
        return root;
    }

    private static byte[] encoded() {
        try {
            return sandbox.root().getEncoded();
        } catch (java.security.cert.CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    static Path pdf(Path file, String text) throws IOException {
        try (PDDocument doc = new PDDocument()) {
            PDPage page = new PDPage();
            doc.addPage(page);
            try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                cs.beginText();
                cs.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
                cs.newLineAtOffset(72, 720);
                cs.showText(text);
                cs.endText();
            }
            doc.save(file.toFile());
        }
        return file;
    }

    private static void assertValid(VerificationReport report) {
        assertEquals(Verdict.VALID, report.verdict(), report::toString);
        for (SignatureResult s : report.signatures()) {
            assertEquals(Indication.TOTAL_PASSED, s.indication(), report::toString);
        }
    }

    @Test
    void readmeSignsAtBtAndVerifiesValid() throws IOException {
        Path p12 = sandbox.person1().writePkcs12(dir.resolve("nguyen-van-an.p12"), Sandbox.PASSWORD.toCharArray());
        Path document = Files.writeString(dir.resolve("quyet-dinh.txt"), "Quyết định số 45/QĐ-UBND");
        char[] password = Sandbox.PASSWORD.toCharArray();
        VerificationReport report = QuickStart.signAndVerify(p12, password, sandbox.tsaUrl(), rootPem(), document);
        assertValid(report);
        assertEquals(SignatureLevel.B_T, report.signatures().get(0).level());
        assertArrayEquals(new char[password.length], password, "the password is wiped");
    }

    @Test
    void usbTokenSignsThroughSoftHsm2() throws IOException {
        assertEquals(List.of(), SoftHsm2.missingTools(), "SoftHSM2 and OpenSC are installed (bash .ci/run installs them)");
        SoftHsm2 hsm = SoftHsm2.create(Path.of(System.getenv(SoftHsm2.ENV)));
        String label = "snippet-" + ProcessHandle.current().pid();
        hsm.initToken(label);
        try {
            hsm.importIdentity(label, sandbox.person2(), "01");
            char[] pin = SoftHsm2.PIN.toCharArray();
            Path out = dir.resolve("cong-van.signed.pdf");
            SigningResult r = UsbToken.signWithToken(SoftHsm2.findModule().orElseThrow(), label, pin,
                    PdfSigner.builder().timestamps(tsa).build(), pdf(dir.resolve("cong-van.pdf"), "Cong van"), out);
            assertEquals(SignatureLevel.B_T, r.level());
            assertArrayEquals(new char[pin.length], pin, "the PIN is wiped");
            assertValid(verifier.verify(out));
        } finally {
            hsm.deleteToken(label);
        }
    }

    @Test
    void pdfApprovalAndEOfficeIssuanceStayValid() throws IOException {
        Path out = dir.resolve("cong-van.signed.pdf");
        PdfSnippets.signPdf(tsa, trust, key(sandbox.person1()), pdf(dir.resolve("cong-van.pdf"), "Cong van"), out);
        assertValid(verifier.verify(out));

        PdfSnippets.approveAndIssue(PdfSigner.builder().timestamps(tsa).build(), key(sandbox.person1()),
                key(sandbox.organization()), pdf(dir.resolve("du-thao.pdf"), "Du thao quyet dinh"), dir,
                SampleImages.signature(400, 160), SampleImages.seal(472, 300));
        VerificationReport issued = verifier.verify(dir.resolve("quyet-dinh.pdf"));
        assertValid(issued);
        assertEquals(2, issued.signatures().size());
    }

    @Test
    void twoPhaseCompletesInAnotherSignerAfterARotation() throws IOException {
        Path oldKey = dir.resolve("state-1.key");
        Path newKey = dir.resolve("state-2.key");
        TwoPhase.setUpServer(oldKey);
        Path document = Files.writeString(dir.resolve("hop-dong.txt"), "Hợp đồng");
        SigningKey user = key(sandbox.person1());
        TwoPhase.ToClient toClient = TwoPhase.prepare(oldKey, tsa, document, user.chain());
        assertEquals(SignatureAlgorithm.RSA_SHA256, toClient.algorithm());
        String value = TwoPhase.signOnClient(user, toClient.digestBase64(), toClient.algorithm());
        TwoPhase.setUpServer(newKey);                    // rotated while the signature was in flight
        Path signature = dir.resolve("hop-dong.txt.p7s");
        SigningResult r = TwoPhase.complete(newKey, oldKey, tsa, toClient.stateBase64(), value, document, signature);
        assertEquals(SignatureLevel.B_T, r.level());
        assertValid(verifier.verify(signature, document));
    }

    @Test
    void batchSignsEveryPdfWithoutProblems() throws IOException {
        Path in = Files.createDirectories(dir.resolve("cho-ky"));
        for (int i = 1; i <= 3; i++) {
            pdf(in.resolve("cv-" + i + ".pdf"), "Cong van " + i);
        }
        Files.writeString(in.resolve("ghi-chu.txt"), "not a PDF: the glob leaves it");
        Path out = dir.resolve("da-ky");
        List<BatchProgress> progress = new ArrayList<>();
        List<String> problems = BatchSnippets.signDirectory(tsa, key(sandbox.person1()), in, out, progress::add);
        assertEquals(List.of(), problems);
        assertEquals(3, progress.size());
        assertEquals(3, progress.get(2).done());
        for (int i = 1; i <= 3; i++) {
            assertValid(verifier.verify(out.resolve("cv-" + i + ".pdf")));
        }
    }

    static final byte[] INVOICE = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<HDon><DLHDon Id=\"hd-0000123\"><TTChung>"
            + "<THDon>Hóa đơn giá trị gia tăng</THDon><SHDon>0000123</SHDon></TTChung><NDHDon><NBan>"
            + "<Ten>Sở Khoa học và Công nghệ Hà Nội</Ten><MST>0101234567-001</MST></NBan><TToan><TgTTTBSo>1100000"
            + "</TgTTTBSo></TToan></NDHDon></DLHDon><DSCKS><NBan/><NMua/></DSCKS></HDon>\n").getBytes(StandardCharsets.UTF_8);

    @Test
    void xmlProfilesVerifyWithTheirParties() throws Exception {
        VerificationReport invoice = XmlSnippets.invoice(verifier, key(sandbox.organization()), key(sandbox.person1()), INVOICE);
        assertValid(invoice);
        assertEquals(Profile.EINVOICE, invoice.profile());
        assertNotNull(invoice.signatureOf(Party.SELLER));
        assertNotNull(invoice.signatureOf(Party.BUYER));
        assertEquals(SignatureAlgorithm.RSA_SHA256, invoice.signatureOf(Party.SELLER).signatureAlgorithm());

        byte[] declaration = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<HSoThueDTu xmlns=\"http://kekhaithue.gdt.gov.vn/TKhaiThue\">"
                + "<HSoKhaiThue id=\"_NODE_TO_SIGN\"><TTinChung><TKhaiThue><maTKhai>842</maTKhai><kyKKhai>08/2026</kyKKhai></TKhaiThue>"
                + "<NNT><mst>0101234567</mst></NNT></TTinChung><CTieuTKhaiChinh><ct21>1000000</ct21></CTieuTKhaiChinh></HSoKhaiThue>"
                + "<CKyDTu/></HSoThueDTu>\n").getBytes(StandardCharsets.UTF_8);
        VerificationReport tax = XmlSnippets.taxDeclaration(verifier, key(sandbox.organization()), declaration);
        assertValid(tax);
        assertEquals(Profile.ETAX, tax.profile());
        assertNotNull(tax.signatureOf(Party.DECLARANT));

        Path data = Files.writeString(dir.resolve("to-khai.xml"),
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<ToKhai><NoiDung Id=\"data\">1000000</NoiDung></ToKhai>\n");
        XmlSigner xml = XmlSigner.builder().timestamps(tsa).build();
        XmlSnippets.signXades(xml, key(sandbox.person1()), data, dir.resolve("to-khai.signed.xml"));
        VerificationReport xades = verifier.verify(dir.resolve("to-khai.signed.xml"));
        assertValid(xades);
        assertEquals(SignatureLevel.B_T, xades.signatures().get(0).level());

        Path attachment = pdf(dir.resolve("quyet-dinh.pdf"), "Quyet dinh");
        EdXmlMessage received = XmlSnippets.edxml(XmlSigner.builder().build(), verifier, key(sandbox.organization()), attachment, dir);
        assertEquals(1, received.attachments().size());
        assertArrayEquals(Files.readAllBytes(attachment), received.attachments().get(0).bytes());
        VerificationReport edxml = verifier.verify(dir.resolve("goi-tin.signed.xml"));
        assertValid(edxml);
        assertEquals(Profile.EDXML, edxml.profile());
    }

    @Test
    void verificationOfOneAndOfMany() throws IOException {
        Path p12 = sandbox.person1().writePkcs12(dir.resolve("a.p12"), Sandbox.PASSWORD.toCharArray());
        Path document = Files.writeString(dir.resolve("bao-cao.txt"), "Báo cáo");
        QuickStart.signAndVerify(p12, Sandbox.PASSWORD.toCharArray(), sandbox.tsaUrl(), rootPem(), document);
        String html = VerifySnippets.verifyOne(trust, dir.resolve("bao-cao.txt.p7s"), document);
        assertTrue(html.contains("<html") || html.contains("<!DOCTYPE"), html);

        Path good = dir.resolve("tot.pdf");
        PdfSnippets.signPdf(tsa, trust, key(sandbox.person1()), pdf(dir.resolve("a.pdf"), "A"), good);
        Path broken = Files.writeString(dir.resolve("hong.pdf"), "%PDF-1.7 not really");
        int valid = VerifySnippets.countValid(verifier, List.of(Document.of(good), Document.of(broken), Document.of(good)));
        assertEquals(2, valid);
    }

    @Test
    void trustIsBuiltInPlusOursAndAnUnpinnedVietnameseFileIsRefused() throws IOException {
        Verifier v = TrustSnippets.verifierTrusting(rootPem());
        Path p12 = sandbox.person1().writePkcs12(dir.resolve("b.p12"), Sandbox.PASSWORD.toCharArray());
        Path document = Files.writeString(dir.resolve("thong-bao.txt"), "Thông báo");
        QuickStart.signAndVerify(p12, Sandbox.PASSWORD.toCharArray(), sandbox.tsaUrl(), rootPem(), document);
        assertValid(v.verify(dir.resolve("thong-bao.txt.p7s"), document));
        assertTrue(TrustAnchors.vietnam().anchors().size() >= 4, "the built-in roots");

        // what GETTING-STARTED says is refused: a certificate offered as Vietnamese trust that matches no pin
        Path vn = Files.createDirectories(dir.resolve("vn"));
        Files.copy(rootPem(), vn.resolve("not-pinned.pem"));
        KysoException e = assertThrows(KysoException.class, () -> TrustAnchors.vietnam(vn));
        assertEquals(ErrorCode.TRUST_NOT_PINNED, e.errorCode());
    }
}
