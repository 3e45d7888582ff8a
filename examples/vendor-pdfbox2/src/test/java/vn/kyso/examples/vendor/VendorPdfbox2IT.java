package vn.kyso.examples.vendor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.apache.pdfbox.util.Version;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.kyso.api.Language;
import vn.kyso.api.SignatureFormat;
import vn.kyso.api.SignatureLevel;
import vn.kyso.api.report.Indication;
import vn.kyso.api.report.SignatureResult;
import vn.kyso.api.report.Verdict;
import vn.kyso.api.report.VerificationReport;
import vn.kyso.api.token.SigningKey;
import vn.kyso.api.token.Tokens;
import vn.kyso.core.report.ReportWriter;
import vn.kyso.core.trust.TrustAnchors;
import vn.kyso.core.tsp.TimestampClient;
import vn.kyso.core.verify.Verifier;
import vn.kyso.pdf.PdfSignatureOptions;
import vn.kyso.pdf.PdfSigner;
import vn.kyso.testkit.Identity;
import vn.kyso.testkit.Sandbox;

/**
 * A document system that already uses PDFBox 2.0.x makes a PDF with it, signs it (PAdES B-T, time-stamped
 * by the sandbox TSA) and verifies it through kyso-bundle in the same JVM, then reads the signed file with
 * its own PDFBox 2 again.
 */
class VendorPdfbox2IT {
    @TempDir
    Path dir;

    private static String jarOf(Class<?> type) {
        return type.getProtectionDomain().getCodeSource().getLocation().getPath();
    }

    @Test
    void theClassPathIsTheVendors() throws Exception {
        assertTrue(Version.getVersion().startsWith("2.0."), Version.getVersion());
        assertTrue(jarOf(PDDocument.class).endsWith("pdfbox-2.0." + Version.getVersion().substring(4) + ".jar"),
                jarOf(PDDocument.class));
        for (Class<?> kyso : List.of(PdfSigner.class, Verifier.class)) {
            assertTrue(jarOf(kyso).matches(".*/kyso-bundle-[^/]*\\.jar"), jarOf(kyso));
        }
        // kyso-pdf and its PDFBox 3 are not on the class path; the bundle's PDFBox 3 is relocated.
        assertThrows(ClassNotFoundException.class, () -> Class.forName("org.apache.pdfbox.Loader"));
        Class<?> relocated = Class.forName("vn.kyso.shaded.pdfbox.Loader");
        assertTrue(jarOf(relocated).matches(".*/kyso-bundle-[^/]*\\.jar"), jarOf(relocated));
    }

    @Test
    void signsAndVerifiesValidNextToPdfbox2() throws Exception {
        Path in = dir.resolve("cong-van.pdf");
        Path out = dir.resolve("cong-van.signed.pdf");
        try (PDDocument doc = new PDDocument()) {
            PDPage page = new PDPage();
            doc.addPage(page);
            // A drawing, no text: PDFBox 2's standard fonts would first index the machine's fonts.
            try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                cs.addRect(72, 650, 300, 80);
                cs.fill();
            }
            doc.getDocumentInformation().setTitle("Công văn số 45 - PDFBox " + Version.getVersion());
            doc.save(in.toFile());
        }

        try (Sandbox sandbox = Sandbox.start()) {
            TrustAnchors trust = TrustAnchors.of(List.of(sandbox.root()));
            PdfSigner signer = PdfSigner.builder().trust(trust)
                    .timestamps(TimestampClient.builder().urls(List.of(sandbox.tsaUrl())).build()).build();
            Identity person = sandbox.person1();
            char[] password = Sandbox.PASSWORD.toCharArray();
            SigningKey key = Tokens.pkcs12(person.pkcs12(password), password, person.name()).firstKey();
            signer.sign(in, out, key, PdfSignatureOptions.builder().level(SignatureLevel.B_T).build());

            VerificationReport report = Verifier.builder().trust(trust).build().verify(out);
            assertEquals(Verdict.VALID, report.verdict(), () -> ReportWriter.text(report, Language.EN));
            assertEquals(1, report.signatures().size());
            SignatureResult s = report.signatures().get(0);
            assertEquals(Indication.TOTAL_PASSED, s.indication());
            assertEquals(SignatureFormat.PADES, s.format());
            assertEquals(SignatureLevel.B_T, s.level());
        }

        try (PDDocument signed = PDDocument.load(out.toFile())) {
            List<PDSignature> signatures = signed.getSignatureDictionaries();
            assertEquals(1, signatures.size());
            assertEquals("ETSI.CAdES.detached", signatures.get(0).getSubFilter());
        }
    }
}
