package vn.kyso.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.kyso.api.ErrorCode;
import vn.kyso.api.KysoException;
import vn.kyso.core.batch.BatchItem;
import vn.kyso.core.batch.BatchListener;
import vn.kyso.core.batch.BatchProgress;
import vn.kyso.core.batch.BatchSigner;
import vn.kyso.core.batch.BatchSummary;
import vn.kyso.core.cades.CadesSignatureOptions;
import vn.kyso.core.cades.CadesSigner;
import vn.kyso.pkcs11.Pkcs11Token;
import vn.kyso.pkcs11.Pkcs11Tokens;
import vn.kyso.testkit.Sandbox;
import vn.kyso.testkit.SoftHsm2;

/**
 * {@code kyso sign} and {@code kyso batch sign} through a SoftHSM2 token made at run time and holding
 * sandbox keys (RSA person1 under CKA_ID 01, ECDSA P-256 person3 under 03); the results are checked by
 * the independent tools: openssl cms, pdfsig, xmlsec1.
 */
class CliTokenTest {
    static final String LABEL = "kyso-cli";
    static Sandbox sandbox;
    static Path dir;

    @BeforeAll
    static void token(@TempDir Path temp) {
        SoftHsm2 hsm = TestHsm.get();
        dir = temp;
        sandbox = Sandbox.start();
        sandbox.writeTo(dir);
        hsm.initToken(LABEL);
        hsm.importIdentity(LABEL, sandbox.person1(), "01");
        hsm.importIdentity(LABEL, sandbox.person3(), "03");
    }

    @AfterAll
    static void stop() {
        if (sandbox != null) {
            sandbox.close();
        }
    }

    /** The token options: driver, label, PIN from the environment (surefire sets KYSO_TEST_PIN). */
    private static List<String> token(String... more) {
        List<String> args = new ArrayList<>(List.of("--pkcs11", TestHsm.module().toString(), "--token-label", LABEL,
                "--pin-env", "KYSO_TEST_PIN"));
        args.addAll(List.of(more));
        return args;
    }

    private static CliTest.Run kyso(List<String> head, List<String> tail) {
        List<String> args = new ArrayList<>(head);
        args.addAll(tail);
        return CliTest.kyso(args.toArray(new String[0]));
    }

    private static Path text(String name, String content) throws Exception {
        return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
    }

    @Test
    void cmsSignedOnTheTokenIsAcceptedByOpenssl() throws Exception {
        Path doc = text("to-trinh-token.txt", "Tờ trình số 7/TTr-VP ký bằng USB token");
        for (String[] key : new String[][] {{"01", "RSASSA-PSS"}, {"03", "ECDSA"}}) {
            Path sig = dir.resolve("to-trinh-token." + key[0] + ".p7s");
            CliTest.Run run = kyso(List.of("sign", "cms", "--in", doc.toString(), "--out", sig.toString()),
                    token("--key-id", key[0]));
            assertEquals(0, run.code, run.err);
            assertTrue(run.out.contains(key[1]), run.out);
            Tools.Result openssl = Tools.opensslVerify(sig, doc, dir.resolve("root.pem"));
            assertEquals(0, openssl.exit, openssl.toString());
            assertTrue(openssl.output.contains("Verification successful"), openssl.toString());
        }
    }

    @Test
    void pdfSignedOnTheTokenIsAcceptedByPdfsig() throws Exception {
        assumeTrue(Tools.installed("pdfsig"), "pdfsig not installed");
        Path pdf = DemoCommand.samplePdf(dir.resolve("quyet-dinh-token.pdf"));
        Path signed = dir.resolve("quyet-dinh-token.signed.pdf");
        CliTest.Run run = kyso(List.of("sign", "pdf", "--in", pdf.toString(), "--out", signed.toString(),
                "--field", "lanh_dao", "--visible", "1,300,600,200,60"), token("--key-id", "01"));
        assertEquals(0, run.code, run.err);
        Tools.Result pdfsig = Tools.run(List.of("pdfsig", "-nocert", signed.toString()));
        assertTrue(pdfsig.output.contains("Signature is Valid."), pdfsig.toString());
        CliTest.Run verify = CliTest.kyso("verify", signed.toString(), "--trust", dir.resolve("root.pem").toString());
        assertEquals(0, verify.code, verify.out + verify.err);
    }

    @Test
    void xmlSignedOnTheTokenIsAcceptedByXmlsec1() throws Exception {
        assumeTrue(Tools.installed("xmlsec1"), "xmlsec1 not installed");
        Path xml = text("hoa-don-token.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><HDon><DLHDon Id=\"data\">"
                + "<THDon>Hóa đơn giá trị gia tăng</THDon><TgTTTBSo>1100000</TgTTTBSo></DLHDon></HDon>");
        Path signed = dir.resolve("hoa-don-token.signed.xml");
        // xmlsec1 knows no RSASSA-PSS in XMLDSig: the receiver-compatible PKCS#1 v1.5
        CliTest.Run run = kyso(List.of("sign", "xml", "--in", xml.toString(), "--out", signed.toString(), "--pkcs1"),
                token("--key-id", "01")); // SoftHSM2 lists keys in no fixed order: name the RSA key
        assertEquals(0, run.code, run.err);
        assertTrue(run.out.contains("RSA with SHA-256 (PKCS#1 v1.5)"), run.out);
        Tools.Result xmlsec = Tools.run(List.of("xmlsec1", "--verify", "--trusted-pem", dir.resolve("root.pem").toString(),
                "--untrusted-pem", dir.resolve("chain.pem").toString(), "--enabled-reference-uris", "empty,same-doc",
                "--id-attr:Id", "http://uri.etsi.org/01903/v1.3.2#:SignedProperties", signed.toString()));
        assertEquals(0, xmlsec.exit, xmlsec + "\n" + Files.readString(signed));
    }

    @Test
    void batchThroughTheTokenSignsEveryFileWithOneLogin() throws Exception {
        Path in = Files.createDirectories(dir.resolve("batch-in"));
        Path out = dir.resolve("batch-out");
        for (int i = 0; i < 6; i++) {
            Files.writeString(in.resolve("giay-moi-" + i + ".txt"), "Giấy mời họp số " + i, StandardCharsets.UTF_8);
        }
        CliTest.Run run = kyso(List.of("batch", "sign", "cms", "--lang", "en", "--in-dir", in.toString(),
                "--out-dir", out.toString(), "--glob", "*.txt", "--threads", "2"), token("--key-id", "03"));
        assertEquals(0, run.code, run.out + run.err);
        assertTrue(run.out.startsWith("Signed: 6, skipped (already done): 0, failed: 0"), run.out);
        assertEquals(6, Tools.names(out).size(), Tools.names(out)::toString);
        CliTest.Run none = kyso(List.of("batch", "sign", "xml", "--lang", "en", "--in-dir", in.toString(),
                "--out-dir", dir.resolve("batch-none").toString()), token());
        assertEquals(0, none.code, none.err);
        assertTrue(none.err.contains("No file in " + in + " matches *.{xml,XML}"), none.err);
        for (int i = 0; i < 6; i++) {
            Tools.Result r = Tools.opensslVerify(out.resolve("giay-moi-" + i + ".txt.p7s"), in.resolve("giay-moi-" + i + ".txt"),
                    dir.resolve("root.pem"));
            assertEquals(0, r.exit, r.toString());
        }

        assumeTrue(Tools.installed("pdfsig"), "pdfsig not installed");
        Path pdfIn = Files.createDirectories(dir.resolve("batch-pdf-in"));
        Path pdfOut = dir.resolve("batch-pdf-out");
        for (int i = 0; i < 3; i++) {
            DemoCommand.samplePdf(pdfIn.resolve("cong-van-" + i + ".pdf"));
        }
        Files.writeString(pdfIn.resolve("hong.pdf"), "không phải PDF");
        CliTest.Run pdf = kyso(List.of("batch", "sign", "pdf", "--lang", "en", "--in-dir", pdfIn.toString(),
                "--out-dir", pdfOut.toString()), token("--key-id", "01"));
        assertEquals(1, pdf.code, "one file failed: " + pdf.out + pdf.err);
        assertTrue(pdf.out.contains("failed: 1"), pdf.out);
        assertTrue(pdf.out.contains("✗ hong.pdf: [KYSO-104]"), pdf.out);
        assertTrue(pdf.err.contains("✗ hong.pdf: [KYSO-104]"), pdf.err);
        assertEquals(List.of("cong-van-0.pdf", "cong-van-1.pdf", "cong-van-2.pdf"), new ArrayList<>(Tools.names(pdfOut)));
        for (int i = 0; i < 3; i++) {
            Tools.Result r = Tools.run(List.of("pdfsig", "-nocert", pdfOut.resolve("cong-van-" + i + ".pdf").toString()));
            assertTrue(r.output.contains("Signature is Valid."), r.toString());
        }
    }

    @Test
    void aWrongPinIsRefusedWithItsCodeAndNothingIsWritten() throws Exception {
        Path doc = text("sai-pin.txt", "x");
        Path sig = dir.resolve("sai-pin.p7s");
        CliTest.Run run = CliTest.kyso("sign", "cms", "--in", doc.toString(), "--out", sig.toString(),
                "--pkcs11", TestHsm.module().toString(), "--token-label", LABEL, "--pin", "000000");
        assertEquals(77, run.code, run.err);
        assertTrue(run.err.startsWith("[KYSO-210]"), run.err);
        assertFalse(run.err.contains("000000"), "the PIN is never echoed");
        assertFalse(Files.exists(sig));

        Path in = Files.createDirectories(dir.resolve("sai-pin-in"));
        Files.writeString(in.resolve("a.txt"), "a");
        CliTest.Run batch = CliTest.kyso("batch", "sign", "cms", "--in-dir", in.toString(), "--out-dir",
                dir.resolve("sai-pin-out").toString(), "--pkcs11", TestHsm.module().toString(), "--token-label", LABEL,
                "--pin", "000000");
        assertEquals(77, batch.code, batch.err);
        assertFalse(Files.exists(dir.resolve("sai-pin-out")), "no login, no output directory");
        assertTrue(batch.err.contains("tình trạng PIN hiện nay: còn ít lần thử"), "the PIN state in Vietnamese: " + batch.err);

        // before the next login the user is told; the token's certificates show without the PIN
        CliTest.Run list = CliTest.kyso("token", "list", "--pkcs11", TestHsm.module().toString());
        assertEquals(0, list.code, list.err);
        assertTrue(list.out.contains(LABEL) && list.out.contains("PIN: còn ít lần thử"), list.out);
        assertTrue(list.out.contains("chứng thư số: "), list.out);
        for (vn.kyso.testkit.Identity who : List.of(sandbox.person1(), sandbox.person3())) {
            vn.kyso.api.cert.CertificateInfo info = vn.kyso.api.cert.CertificateInfo.of(who.certificate());
            assertTrue(list.out.contains("- " + info.commonName() + " (") && list.out.contains("số hiệu " + info.serialNumber()), list.out);
        }
        CliTest.Run good = kyso(List.of("sign", "cms", "--in", doc.toString(), "--out", sig.toString()), token("--key-id", "01"));
        assertEquals(0, good.code, good.err);
        assertTrue(good.err.contains("Cảnh báo: mã PIN của thiết bị '" + LABEL + "' đã từng bị nhập sai: còn ít lần thử"), good.err);
        CliTest.Run after = CliTest.kyso("token", "list", "--pkcs11", TestHsm.module().toString(), "--lang", "en");
        assertTrue(after.out.contains("PIN: ok"), "a good login resets the count: " + after.out);
    }

    @Test
    void aTokenRemovedDuringABatchStopsItAndWhatWasSignedStaysValid() throws Exception {
        SoftHsm2 hsm = TestHsm.get();
        String label = "kyso-rut-ra";
        hsm.initToken(label);
        hsm.importIdentity(label, sandbox.person1(), "01");
        Path in = Files.createDirectories(dir.resolve("rut-in"));
        Path out = dir.resolve("rut-out");
        for (int i = 0; i < 5; i++) {
            Files.writeString(in.resolve("to-trinh-" + i + ".txt"), "Tờ trình " + i, StandardCharsets.UTF_8);
        }
        CadesSigner cades = CadesSigner.builder().build();
        BatchSummary summary;
        try (Pkcs11Token token = Pkcs11Tokens.open(TestHsm.module(), label).login(SoftHsm2.PIN.toCharArray())) {
            summary = BatchSigner.builder().outputName(n -> n + ".p7s").listener(new BatchListener() {
                @Override
                public void fileDone(BatchItem item, BatchProgress p) {
                    if (p.done() == 2) {
                        hsm.deleteToken(label); // the user pulls the token out after the second file
                    }
                }
            }).build().sign(in, out, token.key("01"), cades, CadesSignatureOptions.defaults());
        }
        assertEquals(2, summary.signed(), summary::toString);
        assertEquals(1, summary.failed());
        assertEquals(2, summary.notAttempted());
        KysoException why = summary.stoppedBy().orElseThrow();
        assertTrue(why.errorCode() == ErrorCode.TOKEN_UNAVAILABLE || why.errorCode() == ErrorCode.KEY_NOT_FOUND, why::toString);
        assertEquals(java.util.Set.of("to-trinh-0.txt.p7s", "to-trinh-1.txt.p7s"), Tools.names(out));
        for (int i = 0; i < 2; i++) {
            Tools.Result r = Tools.opensslVerify(out.resolve("to-trinh-" + i + ".txt.p7s"), in.resolve("to-trinh-" + i + ".txt"),
                    dir.resolve("root.pem"));
            assertEquals(0, r.exit, r.toString());
        }
    }
}
