package vn.kyso.pdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.common.PDStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.kyso.api.Language;
import vn.kyso.api.report.Modification;
import vn.kyso.api.report.Verdict;
import vn.kyso.api.report.VerificationReport;
import vn.kyso.core.report.ReportWriter;
import vn.kyso.core.trust.TrustAnchors;
import vn.kyso.core.verify.Verifier;
import vn.kyso.testkit.Sandbox;

/**
 * A PDF whose signed revisions are larger than what the verifier buffers in memory (32 MB): earlier
 * revisions are read from temporary copies on disk, which are gone after the verification. (The 1 GB
 * run with a 512 MB heap is {@code examples/benchmarks} PdfLargeVerify, see docs/PERFORMANCE.md.)
 */
class PdfLargeFileTest {

    private static Set<Path> scratchDirs() throws IOException {
        try (Stream<Path> s = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return s.filter(p -> p.getFileName().toString().startsWith("kyso-verify")).collect(Collectors.toSet());
        }
    }

    @Test
    void twoSignaturesOnA40MegabytePdf(@TempDir Path dir) throws Exception {
        Path in = dir.resolve("ho-so.pdf");
        try (PDDocument doc = new PDDocument(IOUtils.createTempFileOnlyStreamCache())) {
            doc.addPage(new PDPage(PDRectangle.A4));
            PDStream data = new PDStream(doc);
            byte[] block = new byte[1 << 20];
            Random random = new Random(5);
            try (OutputStream out = data.createOutputStream()) {
                for (int i = 0; i < 40; i++) {
                    random.nextBytes(block);
                    out.write(block);
                }
            }
            doc.getDocumentCatalog().getCOSObject().setItem(COSName.getPDFName("KysoData"), data.getCOSObject());
            doc.save(in.toFile());
        }
        try (Sandbox sandbox = Sandbox.start()) {
            PdfSigner signer = PdfSigner.builder().build();
            Path first = dir.resolve("ho-so.1.pdf");
            Path second = dir.resolve("ho-so.2.pdf");
            signer.sign(in, first, PdfTestDocuments.key(sandbox.person1()), PdfSignatureOptions.builder().field("a").build());
            signer.sign(first, second, PdfTestDocuments.key(sandbox.person2()), PdfSignatureOptions.builder().field("b").build());
            assertTrue(Files.size(second) > 40L << 20);
            Set<Path> before = scratchDirs();
            VerificationReport r = Verifier.builder().trust(TrustAnchors.of(List.of(sandbox.root()))).build().verify(second);
            String text = ReportWriter.text(r, Language.EN);
            assertEquals(Verdict.VALID, r.verdict(), text);
            assertEquals(2, r.signatures().size(), text);
            assertEquals(1, r.signatures().stream().filter(s -> s.modificationsAfter() == Modification.SIGNATURES).count(), text);
            assertEquals(1, r.signatures().stream().filter(s -> s.modificationsAfter() == Modification.NONE).count(), text);
            Set<Path> left = scratchDirs();
            left.removeAll(before);
            assertEquals(Set.of(), left, "the temporary revision copies are removed");
        }
    }
}
