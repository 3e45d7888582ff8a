package vn.kyso.pdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.kyso.api.ErrorCode;
import vn.kyso.api.KysoException;
import vn.kyso.api.Language;
import vn.kyso.api.report.Modification;
import vn.kyso.api.report.Verdict;
import vn.kyso.api.report.VerificationReport;
import vn.kyso.core.report.ReportWriter;
import vn.kyso.core.trust.TrustAnchors;
import vn.kyso.core.verify.Verifier;
import vn.kyso.testkit.Sandbox;

/**
 * Encrypted PDFs (AES-256): one that opens without a password (owner password only, as many issued
 * documents are) verifies, with its later revisions compared like any other; one that needs a password
 * to open is the typed error DOCUMENT_PASSWORD.
 */
class PdfEncryptedTest {

    private static Path encrypted(Path in, Path out, String user) throws Exception {
        try (PDDocument doc = Loader.loadPDF(in.toFile())) {
            StandardProtectionPolicy policy = new StandardProtectionPolicy("chu-so-huu", user, new AccessPermission());
            policy.setEncryptionKeyLength(256);
            doc.protect(policy);
            doc.save(out.toFile());
        }
        return out;
    }

    @Test
    void ownerPasswordOnlyVerifiesAndAUserPasswordIsTyped(@TempDir Path dir) throws Exception {
        Path plain = PdfTestDocuments.decision(dir.resolve("qd.pdf"));
        Path open = encrypted(plain, dir.resolve("qd.enc.pdf"), "");
        try (Sandbox sandbox = Sandbox.start()) {
            PdfSigner signer = PdfSigner.builder().build();
            Path first = dir.resolve("qd.enc.1.pdf");
            Path second = dir.resolve("qd.enc.2.pdf");
            PdfSignatureOptions.Builder options = PdfSignatureOptions.builder().password("chu-so-huu".toCharArray());
            signer.sign(open, first, PdfTestDocuments.key(sandbox.person1()), options.field("a").build());
            signer.sign(first, second, PdfTestDocuments.key(sandbox.person2()), options.field("b").build());
            Verifier verifier = Verifier.builder().trust(TrustAnchors.of(List.of(sandbox.root()))).build();
            VerificationReport r = verifier.verify(second);
            String text = ReportWriter.text(r, Language.EN);
            assertEquals(Verdict.VALID, r.verdict(), text);
            assertEquals(2, r.signatures().size(), text);
            assertEquals(1, r.signatures().stream().filter(s -> s.modificationsAfter() == Modification.SIGNATURES).count(), text);

            Path locked = encrypted(plain, dir.resolve("qd.locked.pdf"), "mat-khau");
            Path lockedSigned = dir.resolve("qd.locked.signed.pdf");
            signer.sign(locked, lockedSigned, PdfTestDocuments.key(sandbox.person1()),
                    PdfSignatureOptions.builder().password("chu-so-huu".toCharArray()).build());
            assertEquals(ErrorCode.DOCUMENT_PASSWORD,
                    assertThrows(KysoException.class, () -> verifier.verify(lockedSigned)).errorCode());
        }
    }
}
