package vn.kyso.pdf.internal.verify;

import eu.europa.esig.dss.diagnostic.PDFRevisionWrapper;
import eu.europa.esig.dss.diagnostic.SignatureWrapper;
import eu.europa.esig.dss.diagnostic.TimestampWrapper;
import eu.europa.esig.dss.diagnostic.jaxb.XmlPDFLockDictionary;
import eu.europa.esig.dss.enumerations.CertificationPermission;
import eu.europa.esig.dss.enumerations.PdfLockAction;
import eu.europa.esig.dss.model.FileDocument;
import eu.europa.esig.dss.pades.validation.PDFDocumentValidator;
import eu.europa.esig.dss.validation.reports.Reports;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import vn.kyso.api.io.Document;
import vn.kyso.api.report.Profile;
import vn.kyso.core.internal.CadesDocumentVerifier;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.pdmodel.interactive.form.PDAcroForm;
import org.apache.pdfbox.pdmodel.interactive.form.PDField;
import org.apache.pdfbox.pdmodel.interactive.form.PDSignatureField;
import vn.kyso.api.internal.ReportAccess;
import vn.kyso.api.internal.SignatureResultBuilder;
import vn.kyso.api.ErrorCode;
import vn.kyso.api.KysoException;
import vn.kyso.api.SignatureFormat;
import vn.kyso.api.report.Indication;
import vn.kyso.api.report.Modification;
import vn.kyso.api.report.SignatureResult;
import vn.kyso.api.report.VerificationReport;
import vn.kyso.core.internal.DssValidation;
import vn.kyso.core.internal.ReportMapper;
import vn.kyso.core.internal.VerificationMessages;
import vn.kyso.core.spi.DocumentVerifier;
import vn.kyso.core.spi.ValidationContext;
import vn.kyso.pdf.internal.PdfBoxCompatibility;

/**
 * Verifies the signatures of a PDF (PAdES, and the older adbe.pkcs7.detached) into the common report:
 * integrity over each /ByteRange, chain, revocation and time-stamps (EU DSS, default ETSI policy), then
 * for each signature whether it covers the whole file and what changed in the revisions after it
 * ({@link Modification}: NONE, SIGNATURES, FORM_FILL, ANNOTATIONS, OTHER), found by comparing the signed
 * revision with the final file object by object (the rules are in docs/REPORT.md). A change its signer
 * did not permit (anything classified OTHER, each with its reason; form filling or annotations beyond
 * its DocMDP level; a locked field changed) makes the signature TOTAL_FAILED, so the document is never
 * VALID. A signature field whose value DSS cannot read at all (no or broken /Contents or /ByteRange) is
 * reported as a failed signature, never left out.
 *
 * <p>Large files: the PDF is read from disk, not loaded into memory; the signed byte ranges are
 * digested as streams and unchanged objects are not read (a 1 GB PDF verifies with a 512 MB heap).
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
    public VerificationReport verify(Document document, @Nullable Document detachedData, @Nullable Profile profile,
                                     ValidationContext ctx) {
        PdfBoxCompatibility.require();
        CadesDocumentVerifier.noProfile(profile, "PDF");
        Path file = document.path();
        if (file != null) {
            return verify(file, document.name(), ctx);
        }
        // In memory: PDF verification reads the file back and forth (revisions, DSS's file back end).
        Path temp = null;
        try {
            temp = Files.createTempFile("kyso-verify-", ".pdf");
            try (java.io.InputStream in = document.openStream()) {
                Files.copy(in, temp, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
            return verify(temp, document.name(), ctx);
        } catch (IOException e) {
            throw new KysoException(ErrorCode.INPUT_UNREADABLE, e, document.name());
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException e) {
                    temp.toFile().deleteOnExit();
                }
            }
        }
    }

    private VerificationReport verify(Path file, String name, ValidationContext ctx) {
        if (!Files.isReadable(file)) {
            throw new KysoException(ErrorCode.INPUT_UNREADABLE, String.valueOf(file));
        }
        Instant validationTime = ctx.clock().instant();
        try (RevisionDiff diff = open(file, name); ValidationObjFactory factory = new ValidationObjFactory(file)) {
            long length = Files.size(file);
            Reports reports = DssValidation.validate(() -> {
                PDFDocumentValidator v = new PDFDocumentValidator(new FileDocument(file.toFile()));
                v.setPdfObjFactory(factory);
                return v;
            }, List.of(), ctx, validationTime, name, DssValidation.Policy.ETSI);
            Set<String> read = new HashSet<>();
            for (TimestampWrapper ts : reports.getDiagnosticData().getTimestampList()) {
                if (ts.getPDFRevision() != null) {
                    read.addAll(ts.getPDFRevision().getSignatureFieldNames());
                }
            }
            List<SignatureResult> results = new ArrayList<>();
            for (SignatureResultBuilder b : ReportMapper.map(reports, SignatureFormat.PADES, validationTime,
                    (sw, builder) -> {
                        if (sw.getPDFRevision() != null) {
                            read.addAll(sw.getPDFRevision().getSignatureFieldNames());
                        }
                        decorate(sw, builder, length, diff);
                    })) {
                results.add(b.build());
            }
            results.addAll(unreadable(diff, read));
            if (results.isEmpty()) {
                throw new KysoException(ErrorCode.NO_SIGNATURE, name);
            }
            return ReportAccess.report(name, validationTime, results);
        } catch (IOException e) {
            throw new KysoException(ErrorCode.INPUT_UNREADABLE, e, name);
        }
    }

    private static RevisionDiff open(Path file, String name) {
        try {
            return RevisionDiff.open(file, null);
        } catch (InvalidPasswordException e) {
            throw new KysoException(ErrorCode.DOCUMENT_PASSWORD, e, name);
        } catch (IOException | RuntimeException e) {
            throw new KysoException(ErrorCode.MALFORMED_INPUT, e, "PDF: " + name);
        }
    }

    /**
     * A failed result for every signed signature field of the final revision that DSS did not report
     * (it skips a signature whose /Contents or /ByteRange it cannot read): a forged or broken signature
     * must show in the report, not vanish from it.
     */
    private static List<SignatureResult> unreadable(RevisionDiff diff, Set<String> read) {
        List<SignatureResult> out = new ArrayList<>();
        PDAcroForm form = diff.document().getDocumentCatalog().getAcroForm(null);
        if (form == null) {
            return out;
        }
        for (PDField f : form.getFieldTree()) {
            if (!(f instanceof PDSignatureField)) {
                continue;
            }
            COSDictionary v = f.getCOSObject().getCOSDictionary(COSName.V);
            if (v == null || read.contains(f.getFullyQualifiedName()) || read.contains(f.getPartialName())) {
                continue;
            }
            out.add(ReportAccess.signature().id("FIELD-" + f.getFullyQualifiedName()).format(SignatureFormat.PADES)
                    .indication(Indication.TOTAL_FAILED).subIndication(vn.kyso.api.report.SubIndication.FORMAT_FAILURE)
                    .coversWholeDocument(false)
                    .addError(VerificationMessages.of("PDF_SIGNATURE_UNREADABLE",
                            f.getFullyQualifiedName() + ": " + whyUnreadable(v)))
                    .build());
        }
        return out;
    }

    private static String whyUnreadable(COSDictionary v) {
        COSBase contents = v.getDictionaryObject(COSName.CONTENTS);
        COSBase range = v.getDictionaryObject(COSName.BYTERANGE);
        if (!(contents instanceof COSString)) {
            return contents == null ? "no /Contents" : "/Contents is not a string";
        }
        if (((COSString) contents).getBytes().length == 0) {
            return "empty /Contents";
        }
        if (!(range instanceof COSArray) || ((COSArray) range).size() != 4) {
            return range == null ? "no /ByteRange" : "/ByteRange is not four numbers";
        }
        return "/Contents is not a CMS signature over the /ByteRange";
    }

    private static void decorate(SignatureWrapper sw, SignatureResultBuilder b, long fileLength, RevisionDiff diff) {
        PDFRevisionWrapper rev = sw.getPDFRevision();
        if (rev == null) {
            b.indication(Indication.TOTAL_FAILED).addError(VerificationMessages.of("PDF_BYTERANGE_INVALID"));
            return;
        }
        boolean rangeValid = rev.isSignatureByteRangeValid();
        List<BigInteger> range = rev.getSignatureByteRange();
        boolean fourNumbers = range != null && range.size() == 4;
        long end = fourNumbers ? range.get(2).add(range.get(3)).longValue() : -1;
        boolean whole = rangeValid && fourNumbers && end == fileLength;
        b.coversWholeDocument(whole);
        if (!rangeValid) {
            b.indication(Indication.TOTAL_FAILED).addError(VerificationMessages.of("PDF_BYTERANGE_INVALID",
                    range == null ? null : range.toString()));
        }
        if (!rev.isPdfSignatureDictionaryConsistent()) {
            b.indication(Indication.TOTAL_FAILED).addError(VerificationMessages.of("PDF_SIGNATURE_DICTIONARY_INCONSISTENT"));
        }
        if (!rangeValid || whole) {
            b.modificationsAfter(rangeValid ? Modification.NONE : Modification.OTHER);
            return;
        }
        b.addWarning(VerificationMessages.of("PDF_NOT_WHOLE_FILE"));
        Outcome outcome = diff.compare(end);
        Modification m = outcome.kind;
        b.modificationsAfter(m);
        for (Finding f : outcome.findings) {
            b.addError(VerificationMessages.of(f.code, f.detail));
        }
        if (m == Modification.OTHER) {
            b.indication(Indication.TOTAL_FAILED);
            return;
        }
        if (m == Modification.FORM_FILL) {
            b.addWarning(VerificationMessages.of("PDF_FORM_FILLED", String.join(", ", outcome.changedFields)));
        } else if (m == Modification.ANNOTATIONS) {
            b.addWarning(VerificationMessages.of("PDF_ANNOTATIONS_CHANGED"));
        }
        String refused = refusal(rev, outcome);
        if (refused != null) {
            b.indication(Indication.TOTAL_FAILED).addError(VerificationMessages.of("PDF_CHANGE_NOT_PERMITTED", refused));
        }
    }

    /** Why the signer's DocMDP or field locks forbid a change of this kind, or null if they allow it. */
    private static String refusal(PDFRevisionWrapper rev, Outcome outcome) {
        CertificationPermission p = rev.getDocMDPPermissions();
        ModificationPolicy.DocMdp docMdp = p == CertificationPermission.NO_CHANGE_PERMITTED ? ModificationPolicy.DocMdp.NO_CHANGES
                : p == CertificationPermission.MINIMAL_CHANGES_PERMITTED ? ModificationPolicy.DocMdp.FORM_FILL_AND_SIGNATURES
                : p == CertificationPermission.CHANGES_PERMITTED ? ModificationPolicy.DocMdp.ANNOTATIONS_TOO : null;
        List<ModificationPolicy.FieldLock> locks = new ArrayList<>();
        for (XmlPDFLockDictionary lock : new XmlPDFLockDictionary[] {rev.getFieldMDP(), rev.getSigFieldLock()}) {
            PdfLockAction a = lock == null ? null : lock.getAction();
            if (a != null) {
                locks.add(new ModificationPolicy.FieldLock(ModificationPolicy.LockAction.valueOf(a.name()), lock.getFields(),
                        String.valueOf(a)));
            }
        }
        return ModificationPolicy.refusal(docMdp, locks, outcome);
    }
}
