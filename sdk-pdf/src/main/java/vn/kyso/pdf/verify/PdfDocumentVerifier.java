package vn.kyso.pdf.verify;

import eu.europa.esig.dss.diagnostic.PDFRevisionWrapper;
import eu.europa.esig.dss.diagnostic.SignatureWrapper;
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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSObjectKey;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotation;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationWidget;
import org.apache.pdfbox.pdmodel.interactive.form.PDAcroForm;
import org.apache.pdfbox.pdmodel.interactive.form.PDField;
import org.apache.pdfbox.pdmodel.interactive.form.PDSignatureField;
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
    /** The widget annotation a change path goes through, e.g. {@code /Annots 16 0 R}. */
    private static final Pattern WIDGET = Pattern.compile("/Annots (\\d+) \\d+ R");

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
        Widgets widgets = widgets(file, name);
        List<SignatureResult> results = new ArrayList<>();
        for (SignatureResult.Builder b : ReportMapper.map(reports, SignatureFormat.PADES, validationTime,
                (sw, builder) -> decorate(sw, builder, length, widgets))) {
            results.add(b.build());
        }
        if (results.isEmpty()) {
            throw new KysoException(ErrorCode.NO_SIGNATURE, name);
        }
        return new VerificationReport(name, validationTime, results);
    }

    /** What the final revision's annotations tell the classification. */
    private static final class Widgets {
        /**
         * Object numbers of the widgets of signature fields: DSS reports form-field changes by the widget
         * object they touch, and only those outside this set are form filling.
         */
        final Set<Long> signature = new HashSet<>();
        /**
         * Whether two annotations overlap on a page where at least one is not a signature widget. DSS flags
         * every overlap; a signature widget over another signature widget is what Decree 30/2020 asks for
         * (the organisation's seal over the left third of the leader's signature image), so only other
         * overlaps, which could hide content, count as changes of kind OTHER.
         */
        boolean foreignOverlap;
    }

    private static Widgets widgets(Path file, String name) {
        Widgets widgets = new Widgets();
        try (PDDocument doc = Loader.loadPDF(new RandomAccessReadBufferedFile(file.toFile()))) {
            PDAcroForm form = doc.getDocumentCatalog().getAcroForm(null);
            Set<COSDictionary> signatureDicts = new HashSet<>();
            if (form != null) {
                for (PDField f : form.getFieldTree()) {
                    if (f instanceof PDSignatureField) {
                        for (PDAnnotationWidget w : f.getWidgets()) {
                            signatureDicts.add(w.getCOSObject());
                            COSObjectKey key = w.getCOSObject().getKey();
                            if (key != null) {
                                widgets.signature.add(key.getNumber());
                            }
                        }
                    }
                }
            }
            for (PDPage page : doc.getPages()) {
                List<PDAnnotation> annots = page.getAnnotations();
                for (int i = 0; i < annots.size() && !widgets.foreignOverlap; i++) {
                    for (int j = i + 1; j < annots.size(); j++) {
                        boolean bothSignatures = signatureDicts.contains(annots.get(i).getCOSObject())
                                && signatureDicts.contains(annots.get(j).getCOSObject());
                        if (!bothSignatures && overlap(annots.get(i).getRectangle(), annots.get(j).getRectangle())) {
                            widgets.foreignOverlap = true;
                            break;
                        }
                    }
                }
            }
        } catch (InvalidPasswordException e) {
            throw new KysoException(ErrorCode.DOCUMENT_PASSWORD, e, name);
        } catch (IOException | RuntimeException e) {
            throw new KysoException(ErrorCode.MALFORMED_INPUT, e, "PDF: " + name);
        }
        return widgets;
    }

    /** As DSS decides overlap: open intervals on both axes; an empty (invisible) rectangle never overlaps. */
    private static boolean overlap(PDRectangle a, PDRectangle b) {
        if (a == null || b == null || a.getWidth() == 0 || a.getHeight() == 0 || b.getWidth() == 0 || b.getHeight() == 0) {
            return false;
        }
        return a.getLowerLeftX() < b.getUpperRightX() && b.getLowerLeftX() < a.getUpperRightX()
                && a.getLowerLeftY() < b.getUpperRightY() && b.getLowerLeftY() < a.getUpperRightY();
    }

    private static void decorate(SignatureWrapper sw, SignatureResult.Builder b, long fileLength,
                                 Widgets widgets) {
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
        Modification m = whole ? Modification.NONE : classify(rev, widgets.signature, widgets.foreignOverlap);
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

    /**
     * The most serious kind of change in the revisions after the signature. Pages added or removed, any
     * object change DSS cannot attribute to signatures, form fields or annotations, and annotations laid
     * overlapping other annotations (except signature widgets over signature widgets, see {@link Widgets})
     * are OTHER. A visual difference on a page is accepted only as the visible result of filling form
     * fields that existed when the signature was made.
     */
    static Modification classify(PDFRevisionWrapper rev, Set<Long> signatureWidgets, boolean foreignOverlap) {
        if (!rev.getPdfPageDifferenceConcernedPages().isEmpty() || !rev.getPdfUndefinedChanges().isEmpty()
                || (foreignOverlap && !rev.getPdfAnnotationsOverlapConcernedPages().isEmpty())) {
            return Modification.OTHER;
        }
        boolean formFill = false;
        for (XmlObjectModification change : rev.getPdfSignatureOrFormFillChanges()) {
            Matcher m = WIDGET.matcher(String.valueOf(change.getValue()));
            formFill |= m.find() && !signatureWidgets.contains(Long.parseLong(m.group(1)));
        }
        boolean visual = !rev.getPdfVisualDifferenceConcernedPages().isEmpty();
        if (visual && !formFill) {
            return Modification.OTHER;
        }
        if (!rev.getPdfAnnotationChanges().isEmpty()) {
            return Modification.ANNOTATIONS;
        }
        return formFill ? Modification.FORM_FILL : Modification.SIGNATURES;
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
        if (!rev.getModifiedFieldNames().isEmpty()) {
            what.add("fields " + rev.getModifiedFieldNames());
        }
        for (XmlObjectModification c : rev.getPdfSignatureOrFormFillChanges()) {
            if (what.size() >= 8) {
                break;
            }
            what.add("form " + c.getAction() + " " + c.getFieldName() + " " + c.getType() + " " + c.getValue());
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
