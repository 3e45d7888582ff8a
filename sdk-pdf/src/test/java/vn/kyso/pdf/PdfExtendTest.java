package vn.kyso.pdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import vn.kyso.api.ErrorCode;
import vn.kyso.api.KysoException;
import vn.kyso.api.Language;
import vn.kyso.api.SignatureLevel;
import vn.kyso.api.report.Indication;
import vn.kyso.api.report.Modification;
import vn.kyso.api.report.SignatureResult;
import vn.kyso.api.report.Verdict;
import vn.kyso.api.report.VerificationReport;
import vn.kyso.core.report.ReportWriter;

/** PdfSigner.extend: a PDF with two signatures made long-term (B-LTA) without disturbing either. */
class PdfExtendTest extends SandboxPdfTest {
    @Test
    void twoSignaturesExtendedToLtaStayValid() throws Exception {
        Path in = PdfTestDocuments.decision(dir.resolve("hai-chu-ky.pdf"));
        Path one = dir.resolve("hai-chu-ky.1.pdf");
        Path two = dir.resolve("hai-chu-ky.2.pdf");
        signer.sign(in, one, PdfTestDocuments.key(sandbox.person1()), PdfSignatureOptions.builder()
                .visible(1, 40, 600, 220, 70).build());
        signer.sign(one, two, PdfTestDocuments.key(sandbox.person3()), PdfSignatureOptions.builder()
                .level(SignatureLevel.B_T).visible(1, 330, 600, 220, 70).build());
        Path lta = dir.resolve("hai-chu-ky.lta.pdf");
        signer.extend(two, lta, SignatureLevel.B_LTA);

        byte[] before = Files.readAllBytes(two);
        byte[] after = Files.readAllBytes(lta);
        assertTrue(after.length > before.length);
        for (int i = 0; i < before.length; i++) {
            assertEquals(before[i], after[i], "byte " + i + " of the signed file changed");
        }
        PdfTestDocuments.assertPdfsigValid(lta, 2);
        // and after them a document time-stamp (this poppler lists it with type "unknown")
        String pdfsig = PdfTestDocuments.run("pdfsig", "-nocert", lta.toString());
        assertTrue(pdfsig.contains("Signature #3:"), pdfsig);
        PdfTestDocuments.assertQpdfClean(lta, null);
        VerificationReport r = verifier.verify(lta);
        assertEquals(Verdict.VALID, r.verdict(), () -> ReportWriter.text(r, Language.EN));
        assertEquals(2, r.signatures().size());
        for (SignatureResult s : r.signatures()) {
            assertEquals(Indication.TOTAL_PASSED, s.indication(), () -> ReportWriter.text(r, Language.EN));
            assertEquals(SignatureLevel.B_LTA, s.level(), () -> ReportWriter.text(r, Language.EN));
            assertEquals(Modification.SIGNATURES, s.modificationsAfter());
        }
    }

    @Test
    void aBbSignatureExtendedToBtGetsADocumentTimestamp() throws Exception {
        Path signed = dir.resolve("bb.pdf");
        signer.sign(PdfTestDocuments.decision(dir.resolve("bb-in.pdf")), signed, PdfTestDocuments.key(sandbox.person2()),
                PdfSignatureOptions.defaults());
        Path t = dir.resolve("bb.t.pdf");
        signer.extend(signed, t, SignatureLevel.B_T);
        PdfTestDocuments.assertPdfsigValid(t, 1);
        VerificationReport r = verifier.verify(t);
        assertEquals(Verdict.VALID, r.verdict(), () -> ReportWriter.text(r, Language.EN));
        assertEquals(SignatureLevel.B_T, r.signatures().get(0).level(), () -> ReportWriter.text(r, Language.EN));
    }

    @Test
    void extensionNeedsALongTermLevelAndASignedPdf() throws Exception {
        Path unsigned = PdfTestDocuments.decision(dir.resolve("mot-in.pdf"));
        Path signed = dir.resolve("mot.pdf");
        signer.sign(unsigned, signed, PdfTestDocuments.key(sandbox.person1()), PdfSignatureOptions.defaults());
        Path out = dir.resolve("mot.out.pdf");
        assertEquals(ErrorCode.NO_SIGNATURE, assertThrows(KysoException.class,
                () -> signer.extend(unsigned, out, SignatureLevel.B_LTA)).errorCode());
        Path junk = Files.writeString(dir.resolve("junk.pdf"), "không phải PDF, chỉ là chữ");
        assertEquals(ErrorCode.MALFORMED_INPUT, assertThrows(KysoException.class,
                () -> signer.extend(junk, out, SignatureLevel.B_LTA)).errorCode());
        Path encrypted = PdfTestDocuments.decision(dir.resolve("mot-enc.pdf"), 0,
                org.apache.pdfbox.pdfwriter.compress.CompressParameters.DEFAULT_COMPRESSION,
                PdfTestDocuments.aes(256, "chu", "khach"));
        assertEquals(ErrorCode.DOCUMENT_PASSWORD, assertThrows(KysoException.class,
                () -> signer.extend(encrypted, out, SignatureLevel.B_LT)).errorCode());
        assertEquals(ErrorCode.INVALID_ARGUMENT, assertThrows(KysoException.class,
                () -> signer.extend(signed, out, SignatureLevel.B_B)).errorCode());
        assertEquals(ErrorCode.SIGNER_SETTING_MISSING, assertThrows(KysoException.class,
                () -> PdfSigner.builder().build().extend(signed, out, SignatureLevel.B_LT)).errorCode());
        assertFalse(Files.exists(out));
    }
}
