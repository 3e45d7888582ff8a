package vn.kyso.pdf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import vn.kyso.api.DigestAlgorithm;
import vn.kyso.api.ErrorCode;
import vn.kyso.api.KysoException;
import vn.kyso.api.Language;
import vn.kyso.api.SignatureAlgorithm;
import vn.kyso.api.SignatureLevel;
import vn.kyso.api.SignatureScheme;
import vn.kyso.api.SigningResult;
import vn.kyso.api.io.Document;
import vn.kyso.api.io.Output;
import vn.kyso.api.report.Verdict;
import vn.kyso.api.report.VerificationReport;
import vn.kyso.api.sign.DocumentSigner;
import vn.kyso.core.report.ReportWriter;

/** PAdES through the one signer shape: PDFs in memory, outputs to memory and streams, the one options rule. */
class PdfShapeTest extends SandboxPdfTest {

    static void valid(Path pdf) {
        VerificationReport r = verifier.verify(pdf);
        assertEquals(Verdict.VALID, r.verdict(), () -> ReportWriter.text(r, Language.EN));
    }

    @Test
    void aPdfInMemorySignsToMemoryAndToAStream() throws Exception {
        DocumentSigner<PdfSignatureOptions> pdf = signer;
        byte[] original = Files.readAllBytes(PdfTestDocuments.decision(dir.resolve("shape.pdf")));
        SigningResult r = pdf.sign(original, PdfTestDocuments.key(sandbox.person1()), PdfSignatureOptions.defaults());
        byte[] signed = r.signed();
        assertArrayEquals(original, java.util.Arrays.copyOf(signed, original.length), "an incremental update");
        valid(Files.write(dir.resolve("shape.memory.pdf"), signed));

        ByteArrayOutputStream stream = new ByteArrayOutputStream();
        SigningResult s = pdf.sign(Document.of(original, "shape.pdf"), Output.stream(stream),
                PdfTestDocuments.key(sandbox.person1()), PdfSignatureOptions.defaults());
        assertNull(s.signed());
        valid(Files.write(dir.resolve("shape.stream.pdf"), stream.toByteArray()));
    }

    @Test
    void pkcs1OnRequestForPdf() throws Exception {
        Path in = PdfTestDocuments.decision(dir.resolve("pkcs1.pdf"));
        Path out = dir.resolve("pkcs1.signed.pdf");
        SigningResult r = signer.sign(in, out, PdfTestDocuments.key(sandbox.person1()),
                PdfSignatureOptions.builder().scheme(SignatureScheme.RSA_PKCS1_V15).build());
        assertEquals(SignatureAlgorithm.RSA_SHA256, r.algorithm());
        PdfTestDocuments.assertPdfsigValid(out, 1);
        valid(out);
    }

    @Test
    void extendReturnsTheSameResultType() throws Exception {
        Path in = PdfTestDocuments.decision(dir.resolve("ext.pdf"));
        Path bb = dir.resolve("ext.bb.pdf");
        signer.sign(in, bb, PdfTestDocuments.key(sandbox.person1()), PdfSignatureOptions.defaults());
        SigningResult r = signer.extend(Document.of(bb), Output.memory(), SignatureLevel.B_T);
        assertNull(r.algorithm());
        assertEquals(SignatureLevel.B_T, r.level());
        valid(Files.write(dir.resolve("ext.bt.pdf"), r.signed()));
    }

    @Test
    void theOneRuleForContradictionsAndNulls() {
        // PDF silently ignored an explicit digest contradicting the algorithm; now refused like every format.
        invalid(() -> PdfSignatureOptions.builder().digest(DigestAlgorithm.SHA384)
                .algorithm(SignatureAlgorithm.RSA_PSS_SHA256).build(), "SHA-384");
        invalid(() -> PdfSignatureOptions.builder().level(null), "level");
        invalid(() -> PdfSignatureOptions.builder().level(SignatureLevel.NONE), "level");
        invalid(() -> PdfSignatureOptions.builder().certification(null), "certification");
        invalid(() -> signer.sign((Path) null, dir.resolve("n.pdf"), PdfTestDocuments.key(sandbox.person1()),
                PdfSignatureOptions.defaults()), "input");
        invalid(() -> signer.extend(Document.of(dir.resolve("n.pdf")), Output.memory(), null), "target");
        assertEquals(DigestAlgorithm.SHA512, PdfSignatureOptions.builder().algorithm(SignatureAlgorithm.RSA_SHA512).build().digest());
    }

    static void invalid(Executable e, String named) {
        KysoException k = assertThrows(KysoException.class, e);
        assertEquals(ErrorCode.INVALID_ARGUMENT, k.errorCode(), k.getMessage());
        assertTrue(k.message(Language.EN).contains(named), k.message(Language.EN));
    }
}
