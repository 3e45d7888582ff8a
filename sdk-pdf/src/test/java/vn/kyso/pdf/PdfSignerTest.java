package vn.kyso.pdf;

import vn.kyso.pdf.internal.appearance.PdfFonts;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import vn.kyso.api.DigestAlgorithm;
import vn.kyso.api.ErrorCode;
import vn.kyso.api.KysoException;
import vn.kyso.api.Language;
import vn.kyso.api.SignatureAlgorithm;
import vn.kyso.api.SignatureFormat;
import vn.kyso.api.SignatureLevel;
import vn.kyso.api.SigningResult;
import vn.kyso.api.report.Indication;
import vn.kyso.api.report.Modification;
import vn.kyso.api.report.SignatureResult;
import vn.kyso.api.report.Verdict;
import vn.kyso.api.report.VerificationReport;
import vn.kyso.api.token.SigningKey;
import vn.kyso.api.twophase.PreparedSignature;
import vn.kyso.core.report.ReportWriter;

/** PAdES signing checked by poppler's pdfsig and by our verifier, on a sandbox PKI. */
class PdfSignerTest extends SandboxPdfTest {
    private static VerificationReport verify(Path pdf) {
        return verifier.verify(pdf);
    }

    @ParameterizedTest
    @EnumSource(value = SignatureLevel.class, names = {"B_B", "B_T", "B_LT", "B_LTA"})
    void everyLevelIsValidForPdfsigAndForUs(SignatureLevel level) throws Exception {
        Path in = PdfTestDocuments.decision(dir.resolve("qd-" + level + ".pdf"));
        Path out = dir.resolve("qd-" + level + ".signed.pdf");
        SigningResult r = signer.sign(in, out, PdfTestDocuments.key(sandbox.person1()),
                PdfSignatureOptions.builder().level(level).build());
        assertEquals(SignatureAlgorithm.RSA_PSS_SHA256, r.algorithm());
        PdfTestDocuments.assertPdfsigValid(out, 1);
        VerificationReport report = verify(out);
        assertEquals(Verdict.VALID, report.verdict(), () -> ReportWriter.text(report, Language.EN));
        SignatureResult s = report.signatures().get(0);
        assertEquals(SignatureFormat.PADES, s.format());
        assertEquals(level, s.level());
        assertEquals(Indication.TOTAL_PASSED, s.indication());
        if (level == SignatureLevel.B_LT || level == SignatureLevel.B_LTA) {
            // validation data (and the archive time-stamp) come in revisions after the signature
            assertEquals(Boolean.FALSE, s.coversWholeDocument());
            assertEquals(Modification.SIGNATURES, s.modificationsAfter());
        } else {
            assertEquals(Boolean.TRUE, s.coversWholeDocument());
            assertEquals(Modification.NONE, s.modificationsAfter());
        }
        assertEquals("Nguyễn Văn An", s.signer().commonName());
        // an incremental update: the original is a prefix of the signed file
        byte[] original = Files.readAllBytes(in);
        byte[] signed = Files.readAllBytes(out);
        assertTrue(signed.length > original.length);
        for (int i = 0; i < original.length; i++) {
            if (original[i] != signed[i]) {
                throw new AssertionError("byte " + i + " of the original changed");
            }
        }
    }

    @Test
    void visibleVietnameseTextBlockAndEcdsa() throws Exception {
        Path in = PdfTestDocuments.decision(dir.resolve("visible.pdf"));
        Path out = dir.resolve("visible.signed.pdf");
        SigningResult r = signer.sign(in, out, PdfTestDocuments.key(sandbox.person3()),
                PdfSignatureOptions.builder().visible(1, 330, 600, 220, 70).reason("Phê duyệt").build());
        assertEquals(SignatureAlgorithm.ECDSA_SHA256, r.algorithm());
        PdfTestDocuments.assertPdfsigValid(out, 1);
        // the text inside the signature's rectangle (both measure from the top-left corner, in points)
        String text = PdfTestDocuments.run("pdftotext", "-enc", "UTF-8", "-x", "330", "-y", "600",
                "-W", "220", "-H", "70", out.toString(), "-");
        assertTrue(text.contains("Lê Hoàng Cường"), text);
        assertTrue(text.contains("+07:00"), text);
        assertEquals(Verdict.VALID, verify(out).verdict());
    }

    @Test
    void laterSignaturesKeepEarlierOnesValid() throws Exception {
        Path step0 = PdfTestDocuments.decision(dir.resolve("flow.pdf"));
        Path step1 = dir.resolve("flow.1.pdf");
        Path step2 = dir.resolve("flow.2.pdf");
        Path step3 = dir.resolve("flow.3.pdf");
        signer.sign(step0, step1, PdfTestDocuments.key(sandbox.person1()), PdfSignatureOptions.builder().field("lanh_dao_phong").build());
        signer.sign(step1, step2, PdfTestDocuments.key(sandbox.person2()), PdfSignatureOptions.builder().field("lanh_dao_co_quan").build());
        signer.sign(step2, step3, PdfTestDocuments.key(sandbox.organization()),
                PdfSignatureOptions.builder().field("van_thu").level(SignatureLevel.B_T).build());
        PdfTestDocuments.assertPdfsigValid(step3, 3);
        VerificationReport report = verify(step3);
        assertEquals(Verdict.VALID, report.verdict(), () -> ReportWriter.text(report, Language.EN));
        assertEquals(3, report.signatures().size());
        int whole = 0;
        for (SignatureResult s : report.signatures()) {
            assertEquals(Indication.TOTAL_PASSED, s.indication());
            if (Boolean.TRUE.equals(s.coversWholeDocument())) {
                whole++;
                assertEquals(Modification.NONE, s.modificationsAfter());
            } else {
                assertEquals(Modification.SIGNATURES, s.modificationsAfter());
            }
        }
        assertEquals(1, whole);
    }

    @Test
    void certificationLevelsAreEnforced() throws Exception {
        Path in = PdfTestDocuments.decision(dir.resolve("certified.pdf"));
        Path locked = dir.resolve("certified.p1.pdf");
        signer.sign(in, locked, PdfTestDocuments.key(sandbox.person1()), PdfSignatureOptions.builder()
                .certification(PdfSignatureOptions.Certification.NO_CHANGES).build());
        Path signedAgain = dir.resolve("certified.p1.again.pdf");
        // our signer refuses to sign a document certified with "no changes"
        assertEquals(ErrorCode.DOCUMENT_LOCKED, assertThrows(KysoException.class, () -> signer.sign(locked, signedAgain,
                PdfTestDocuments.key(sandbox.person2()), PdfSignatureOptions.defaults())).errorCode());
        assertFalse(Files.exists(signedAgain));
        // and our verifier rejects a change made to it by another tool (here: form fields added)
        Path changed = dir.resolve("certified.p1.changed.pdf");
        vn.kyso.pdf.workflow.EOffice.reserveIssuanceFields(locked, changed);
        VerificationReport refused = verify(changed);
        assertEquals(Verdict.INVALID, refused.verdict(), () -> ReportWriter.text(refused, Language.EN));
        assertTrue(refused.signatures().get(0).errors().stream().anyMatch(m -> m.code().equals("KYSO-V-PDF_CHANGE_NOT_PERMITTED")
                || m.code().equals("KYSO-V-PDF_CONTENT_CHANGED")), () -> ReportWriter.text(refused, Language.EN));

        Path formFill = dir.resolve("certified.p2.pdf");
        signer.sign(in, formFill, PdfTestDocuments.key(sandbox.person1()), PdfSignatureOptions.builder()
                .certification(PdfSignatureOptions.Certification.FORM_FILL).build());
        Path allowed = dir.resolve("certified.p2.again.pdf");
        signer.sign(formFill, allowed, PdfTestDocuments.key(sandbox.person2()), PdfSignatureOptions.defaults());
        VerificationReport ok = verify(allowed);
        assertEquals(Verdict.VALID, ok.verdict(), () -> ReportWriter.text(ok, Language.EN));
    }

    @Test
    void twoPhaseAndARefusedTamperedState() throws Exception {
        Path in = PdfTestDocuments.decision(dir.resolve("two-phase.pdf"));
        Path out = dir.resolve("two-phase.signed.pdf");
        SigningKey key = PdfTestDocuments.key(sandbox.person2());
        PdfSignatureOptions options = PdfSignatureOptions.builder().level(SignatureLevel.B_T).visible(1, 60, 60, 200, 60).build();
        PreparedSignature p = signer.prepare(in, key.chain(), key.preferredAlgorithm(DigestAlgorithm.SHA256), options);
        byte[] value = key.signDigest(p.digest(), p.algorithm());
        byte[] tampered = p.state();
        tampered[tampered.length / 2] ^= 1;
        assertEquals(ErrorCode.STATE_INVALID, assertThrows(KysoException.class,
                () -> signer.complete(tampered, value, in, out)).errorCode());
        assertFalse(Files.exists(out));
        signer.complete(p.state(), value, in, out);
        PdfTestDocuments.assertPdfsigValid(out, 1);
        assertEquals(Verdict.VALID, verify(out).verdict());
        Path other = PdfTestDocuments.decision(dir.resolve("other.pdf"));
        Files.write(other, "%PDF-1.7 khác".getBytes(StandardCharsets.UTF_8), java.nio.file.StandardOpenOption.APPEND);
        assertEquals(ErrorCode.STATE_MISMATCH, assertThrows(KysoException.class,
                () -> signer.complete(p.state(), value, other, dir.resolve("other.signed.pdf"))).errorCode());
    }

    @Test
    void contentChangedAfterSigningIsNeverValid() throws Exception {
        Path in = PdfTestDocuments.decision(dir.resolve("attack.pdf"));
        Path signed = dir.resolve("attack.signed.pdf");
        signer.sign(in, signed, PdfTestDocuments.key(sandbox.person1()), PdfSignatureOptions.defaults());
        Path attacked = dir.resolve("attack.changed.pdf");
        try (org.apache.pdfbox.pdmodel.PDDocument doc = org.apache.pdfbox.Loader.loadPDF(signed.toFile());
             java.io.OutputStream os = Files.newOutputStream(attacked)) {
            org.apache.pdfbox.pdmodel.PDPage page = doc.getPage(0);
            try (org.apache.pdfbox.pdmodel.PDPageContentStream cs = new org.apache.pdfbox.pdmodel.PDPageContentStream(
                    doc, page, org.apache.pdfbox.pdmodel.PDPageContentStream.AppendMode.APPEND, true)) {
                cs.beginText();
                cs.setFont(PdfFonts.serif(doc), 13);
                cs.newLineAtOffset(72, 600);
                cs.showText("Điều 3. Nội dung chèn thêm sau khi ký.");
                cs.endText();
            }
            page.getCOSObject().setNeedToBeUpdated(true);
            doc.getDocumentCatalog().getPages().getCOSObject().setNeedToBeUpdated(true);
            doc.saveIncremental(os);
        }
        VerificationReport report = verify(attacked);
        assertEquals(Verdict.INVALID, report.verdict(), () -> ReportWriter.text(report, Language.EN));
        SignatureResult s = report.signatures().get(0);
        assertEquals(Modification.OTHER, s.modificationsAfter(), () -> ReportWriter.text(report, Language.EN));
        assertEquals(Boolean.FALSE, s.coversWholeDocument());
        assertTrue(s.errors().stream().anyMatch(m -> m.code().equals("KYSO-V-PDF_CONTENT_CHANGED")), s.errors().toString());
    }

    @Test
    void badInputsAreTypedErrorsAndLeaveNoOutput() throws Exception {
        Path junk = Files.write(dir.resolve("junk.pdf"), "không phải PDF".getBytes(StandardCharsets.UTF_8));
        Path out = dir.resolve("junk.signed.pdf");
        assertEquals(ErrorCode.MALFORMED_INPUT, assertThrows(KysoException.class,
                () -> signer.sign(junk, out, PdfTestDocuments.key(sandbox.person1()), PdfSignatureOptions.defaults())).errorCode());
        Path in = PdfTestDocuments.decision(dir.resolve("expired.pdf"));
        assertEquals(ErrorCode.CERTIFICATE_EXPIRED, assertThrows(KysoException.class,
                () -> signer.sign(in, out, PdfTestDocuments.key(sandbox.expiredPerson()), PdfSignatureOptions.defaults())).errorCode());
        assertFalse(Files.exists(out));
        Path unsigned = PdfTestDocuments.decision(dir.resolve("unsigned.pdf"));
        assertEquals(ErrorCode.NO_SIGNATURE, assertThrows(KysoException.class, () -> verify(unsigned)).errorCode());
    }
}
