package vn.kyso.pdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdfwriter.compress.CompressParameters;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import vn.kyso.api.DigestAlgorithm;
import vn.kyso.api.ErrorCode;
import vn.kyso.api.KysoException;
import vn.kyso.api.Language;
import vn.kyso.api.SignatureLevel;
import vn.kyso.api.report.Verdict;
import vn.kyso.api.report.VerificationReport;
import vn.kyso.api.token.SigningKey;
import vn.kyso.core.report.ReportWriter;

/**
 * Encrypted input: the revision's strings and streams are encrypted with the document's key (AES-128,
 * whose keys depend on the object number, and AES-256), checked by pdfsig, qpdf and pdftotext opening
 * the result with the password; a wrong or missing password is DOCUMENT_PASSWORD with no output.
 */
class PdfEncryptedInputTest extends SandboxPdfTest {
    private static final String OWNER = "chu-so-huu";
    private static final String USER = "mat-khau";
    @ParameterizedTest
    @ValueSource(ints = {128, 256})
    void signedWithTheUserPasswordAndReadableWithIt(int keyLength) throws Exception {
        Path in = PdfTestDocuments.decision(dir.resolve("aes" + keyLength + ".pdf"), 0,
                CompressParameters.DEFAULT_COMPRESSION, PdfTestDocuments.aes(keyLength, OWNER, USER));
        Path one = dir.resolve("aes" + keyLength + ".1.pdf");
        Path two = dir.resolve("aes" + keyLength + ".2.pdf");
        SigningKey key = PdfTestDocuments.key(sandbox.person1());
        signer.sign(in, one, key, PdfSignatureOptions.builder().password(USER.toCharArray())
                .visible(1, 330, 600, 220, 70).reason("Phê duyệt").build());
        signer.sign(one, two, PdfTestDocuments.key(sandbox.organization()), PdfSignatureOptions.builder()
                .password(USER.toCharArray()).level(SignatureLevel.B_T).field("van_thu").build());
        PdfTestDocuments.assertPdfsigValid(two, 2, USER);
        PdfTestDocuments.assertQpdfClean(two, USER);
        String text = PdfTestDocuments.run("pdftotext", "-upw", USER, "-enc", "UTF-8", "-x", "330", "-y", "600",
                "-W", "220", "-H", "70", two.toString(), "-");
        assertTrue(text.contains("Nguyễn Văn An") && text.contains("+07:00"), text);
        // the strings of the new revision are encrypted: the reason reads back only after decryption
        try (PDDocument doc = Loader.loadPDF(two.toFile(), USER)) {
            assertEquals("Phê duyệt", doc.getSignatureDictionaries().get(0).getReason());
            assertEquals(2, doc.getSignatureDictionaries().size());
        }
        String raw = new String(Files.readAllBytes(two), java.nio.charset.StandardCharsets.ISO_8859_1);
        assertFalse(raw.contains("(van_thu)") || raw.contains("(Signature1)") || raw.contains("(D:20"),
                "plain text in an encrypted revision");
    }

    @Test
    void longTermValidationDataIsAddedWithThePasswordToo() throws Exception {
        Path in = PdfTestDocuments.decision(dir.resolve("lt.pdf"), 0,
                CompressParameters.DEFAULT_COMPRESSION, PdfTestDocuments.aes(256, OWNER, USER));
        Path out = dir.resolve("lt.signed.pdf");
        signer.sign(in, out, PdfTestDocuments.key(sandbox.person1()), PdfSignatureOptions.builder()
                .password(USER.toCharArray()).level(SignatureLevel.B_LTA).build());
        PdfTestDocuments.assertPdfsigValid(out, 1, USER);
        PdfTestDocuments.assertQpdfClean(out, USER);
        try (PDDocument doc = Loader.loadPDF(out.toFile(), USER)) {
            assertTrue(doc.getDocumentCatalog().getCOSObject().containsKey(org.apache.pdfbox.cos.COSName.getPDFName("DSS")));
        }
    }

    @Test
    void anOwnerPasswordOnlyDocumentOpensWithoutPasswordAndVerifies() throws Exception {
        Path in = PdfTestDocuments.decision(dir.resolve("owner-only.pdf"), 0,
                CompressParameters.NO_COMPRESSION, PdfTestDocuments.aes(256, OWNER, ""));
        Path out = dir.resolve("owner-only.signed.pdf");
        signer.sign(in, out, PdfTestDocuments.key(sandbox.person2()), PdfSignatureOptions.builder()
                .visible(1, 60, 600, 220, 70).build());
        PdfTestDocuments.assertPdfsigValid(out, 1);
        PdfTestDocuments.assertQpdfClean(out, null);
        VerificationReport r = verifier.verify(out);
        assertEquals(Verdict.VALID, r.verdict(), () -> ReportWriter.text(r, Language.EN));
    }

    @Test
    void aWrongOrMissingPasswordIsRefusedWithoutOutput() throws Exception {
        Path in = PdfTestDocuments.decision(dir.resolve("locked.pdf"), 0,
                CompressParameters.DEFAULT_COMPRESSION, PdfTestDocuments.aes(256, OWNER, USER));
        Path out = dir.resolve("locked.signed.pdf");
        SigningKey key = PdfTestDocuments.key(sandbox.person1());
        assertEquals(ErrorCode.DOCUMENT_PASSWORD, assertThrows(KysoException.class,
                () -> signer.sign(in, out, key, PdfSignatureOptions.defaults())).errorCode());
        assertEquals(ErrorCode.DOCUMENT_PASSWORD, assertThrows(KysoException.class, () -> signer.sign(in, out, key,
                PdfSignatureOptions.builder().password("sai".toCharArray()).build())).errorCode());
        // two-phase signing of encrypted input is refused: the revision's AES IVs are random
        assertEquals(ErrorCode.INVALID_ARGUMENT, assertThrows(KysoException.class, () -> signer.prepare(in, key.chain(),
                key.preferredAlgorithm(DigestAlgorithm.SHA256), PdfSignatureOptions.builder().password(USER.toCharArray()).build()))
                .errorCode());
        assertFalse(Files.exists(out));
    }
}
