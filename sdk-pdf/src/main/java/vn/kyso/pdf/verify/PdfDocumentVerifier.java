package vn.kyso.pdf.verify;

import eu.europa.esig.dss.diagnostic.DiagnosticData;
import eu.europa.esig.dss.diagnostic.PDFRevisionWrapper;
import eu.europa.esig.dss.diagnostic.SignatureWrapper;
import eu.europa.esig.dss.diagnostic.TimestampWrapper;
import eu.europa.esig.dss.diagnostic.jaxb.XmlObjectModification;
import eu.europa.esig.dss.diagnostic.jaxb.XmlPDFLockDictionary;
import eu.europa.esig.dss.enumerations.CertificationPermission;
import eu.europa.esig.dss.enumerations.PdfLockAction;
import eu.europa.esig.dss.model.FileDocument;
import eu.europa.esig.dss.validation.reports.Reports;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import vn.kyso.api.ErrorCode;
import vn.kyso.api.KysoException;
import vn.kyso.api.SignatureFormat;
import vn.kyso.api.report.Indication;
import vn.kyso.api.report.Modification;
import vn.kyso.api.report.SignatureResult;
import vn.kyso.api.report.VerificationReport;
import vn.kyso.core.format.DssValidation;
import vn.kyso.core.format.ReportMapper;
import vn.kyso.core.format.VerificationMessages;
import vn.kyso.core.spi.DocumentVerifier;
import vn.kyso.core.spi.ValidationContext;

/**
 * Verifies the signatures of a PDF (PAdES, and the older adbe.pkcs7.detached) into the common report:
 * integrity over each /ByteRange, chain, revocation and time-stamps (EU DSS, default ETSI policy), then
 * for each signature whether it covers the whole file and what changed in the revisions after it
 * ({@link Modification}: NONE, SIGNATURES, FORM_FILL, ANNOTATIONS, OTHER). A change its signer did not
 * permit (anything classified OTHER; form filling or annotations beyond its DocMDP level; a locked field
 * changed) makes the signature TOTAL_FAILED with the reason, so the document is never VALID.
 *
 * <p>Registered with ServiceLoader; {@code vn.kyso.core.verify.Verifier} picks it for files starting
 * with {@code %PDF-}. A PDF without signature is {@code NO_SIGNATURE}; an encrypted one without its
 * password {@code DOCUMENT_PASSWORD}; anything unreadable {@code MALFORMED_INPUT}.
 */
public final class PdfDocumentVerifier implements DocumentVerifier {

    @Override
    public boolean accepts(byte[] head, String fileName) {
        return head != null && new String(head, StandardCharsets.ISO_8859_1).contains("%PDF-");
    }

    @Override
    public VerificationReport verify(Path file, Path detachedData, ValidationContext ctx) {
        if (!Files.isReadable(file)) {
            throw new KysoException(ErrorCode.INPUT_UNREADABLE, String.valueOf(file));
        }
        String name = file.getFileName() == null ? "document.pdf" : file.getFileName().toString();
        long length;
        try {
            length = Files.size(file);
        } catch (IOException e) {
            throw new KysoException(ErrorCode.INPUT_UNREADABLE, e, name);
        }
        Instant validationTime = ctx.clock().instant();
        Reports reports = DssValidation.validate(new FileDocument(file.toFile()), List.of(), ctx, validationTime, name);
        Set<String> signatureFields = signatureFields(reports.getDiagnosticData());
        List<SignatureResult> results = new ArrayList<>();
        for (SignatureResult.Builder b : ReportMapper.map(reports, SignatureFormat.PADES, validationTime,
                (sw, builder) -> decorate(sw, builder, length, signatureFields))) {
            results.add(b.build());
        }
        if (results.isEmpty()) {
            throw new KysoException(ErrorCode.NO_SIGNATURE, name);
        }
        return new VerificationReport(name, validationTime, results);
    }

    private static Set<String> signatureFields(DiagnosticData diag) {
        Set<String> names = new HashSet<>();
        for (SignatureWrapper s : diag.getSignatures()) {
            if (s.getPDFRevision() != null) {
                names.addAll(s.getPDFRevision().getSignatureFieldNames());
            }
        }
        for (TimestampWrapper t : diag.getTimestampList()) {
            if (t.getPDFRevision() != null) {
                names.addAll(t.getPDFRevision().getSignatureFieldNames());
            }
        }
        return names;
    }

    private static void decorate(SignatureWrapper sw, SignatureResult.Builder b, long fileLength,
                                 Set<String> signatureFields) {
        PDFRevisionWrapper rev = sw.getPDFRevision();
        if (rev == null) {
            b.indication(Indication.TOTAL_FAILED).addError(VerificationMessages.of("PDF_BYTERANGE_INVALID"));
            return;
        }
        boolean rangeValid = rev.isSignatureByteRangeValid();
        List<BigInteger> range = rev.getSignatureByteRange();
        boolean whole = rangeValid && range != null && range.size() == 4
                && range.get(2).add(range.get(3)).equals(BigInteger.valueOf(fileLength));
        b.coversWholeDocument(whole);
        if (!rangeValid) {
            b.indication(Indication.TOTAL_FAILED).addError(VerificationMessages.of("PDF_BYTERANGE_INVALID"));
        }
        if (!rev.isPdfSignatureDictionaryConsistent()) {
            b.indication(Indication.TOTAL_FAILED).addError(VerificationMessages.of("PDF_SIGNATURE_DICTIONARY_INCONSISTENT"));
        }
        Modification m = whole ? Modification.NONE : classify(rev, signatureFields);
        b.modificationsAfter(m);
        if (!whole) {
            b.addWarning(VerificationMessages.of("PDF_NOT_WHOLE_FILE"));
        }
        if (m == Modification.OTHER) {
            b.indication(Indication.TOTAL_FAILED).addError(VerificationMessages.of("PDF_CONTENT_CHANGED",
                    describe(rev)));
        } else if (!permitted(rev, m)) {
            b.indication(Indication.TOTAL_FAILED).addError(VerificationMessages.of("PDF_CHANGE_NOT_PERMITTED",
                    "DocMDP " + rev.getDocMDPPermissions() + ", " + m));
        }
    }

    /** The most serious kind of change in the revisions after the signature. */
    static Modification classify(PDFRevisionWrapper rev, Set<String> signatureFields) {
        if (rev.arePdfModificationsDetected() || !rev.getPdfUndefinedChanges().isEmpty()) {
            return Modification.OTHER;
        }
        if (!rev.getPdfAnnotationChanges().isEmpty()) {
            return Modification.ANNOTATIONS;
        }
        for (XmlObjectModification change : rev.getPdfSignatureOrFormFillChanges()) {
            String field = change.getFieldName();
            if (field != null && !signatureFields.contains(field)) {
                return Modification.FORM_FILL;
            }
        }
        return Modification.SIGNATURES;
    }

    /** Whether the signer's DocMDP and field locks allow a change of this kind (OTHER never is). */
    private static boolean permitted(PDFRevisionWrapper rev, Modification m) {
        if (m == Modification.NONE) {
            return true;
        }
        CertificationPermission p = rev.getDocMDPPermissions();
        if (p == CertificationPermission.NO_CHANGE_PERMITTED && m != Modification.SIGNATURES) {
            return false;
        }
        if (p == CertificationPermission.NO_CHANGE_PERMITTED && !rev.getPdfSignatureOrFormFillChanges().isEmpty()) {
            return false; // P=1 allows validation data and document time-stamps only
        }
        if (p == CertificationPermission.MINIMAL_CHANGES_PERMITTED && m == Modification.ANNOTATIONS) {
            return false;
        }
        for (XmlPDFLockDictionary lock : new XmlPDFLockDictionary[] {rev.getFieldMDP(), rev.getSigFieldLock()}) {
            if (lock != null && m == Modification.FORM_FILL && locksAChangedField(lock, rev.getModifiedFieldNames())) {
                return false;
            }
        }
        return true;
    }

    private static boolean locksAChangedField(XmlPDFLockDictionary lock, List<String> changed) {
        for (String f : changed) {
            boolean listed = lock.getFields() != null && lock.getFields().contains(f);
            PdfLockAction a = lock.getAction();
            if (a == PdfLockAction.ALL || (a == PdfLockAction.INCLUDE && listed) || (a == PdfLockAction.EXCLUDE && !listed)) {
                return true;
            }
        }
        return false;
    }

    private static String describe(PDFRevisionWrapper rev) {
        List<String> what = new ArrayList<>();
        if (!rev.getPdfPageDifferenceConcernedPages().isEmpty()) {
            what.add("pages " + rev.getPdfPageDifferenceConcernedPages());
        }
        if (!rev.getPdfVisualDifferenceConcernedPages().isEmpty()) {
            what.add("visual changes on pages " + rev.getPdfVisualDifferenceConcernedPages());
        }
        if (!rev.getPdfAnnotationsOverlapConcernedPages().isEmpty()) {
            what.add("overlapping annotations on pages " + rev.getPdfAnnotationsOverlapConcernedPages());
        }
        for (XmlObjectModification c : rev.getPdfUndefinedChanges()) {
            if (what.size() >= 5) {
                break;
            }
            what.add(c.getAction() + " " + c.getValue());
        }
        return String.join("; ", what);
    }
}
