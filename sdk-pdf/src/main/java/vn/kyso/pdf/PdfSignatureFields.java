package vn.kyso.pdf;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.form.PDAcroForm;
import org.apache.pdfbox.pdmodel.interactive.form.PDField;
import org.apache.pdfbox.pdmodel.interactive.form.PDSignatureField;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import vn.kyso.api.ErrorCode;
import vn.kyso.api.KysoException;
import vn.kyso.api.internal.Args;

/**
 * Lists the signature fields of a PDF (signed or still empty), e.g. the fields an e-office template
 * reserves for the approvers and the clerk. Reads the file without loading it whole into memory.
 */
public final class PdfSignatureFields {
    private PdfSignatureFields() {
    }

    /** One signature field: its fully qualified name and whether a signature is in it. */
    public static final class Field {
        private final String name;
        private final boolean signed;

        Field(String name, boolean signed) {
            this.name = name;
            this.signed = signed;
        }

        /** {@return the field's fully qualified name, e.g. {@code Signature1} or {@code form.approver}} */
        public String name() {
            return name;
        }

        /** {@return whether a signature is in the field (false: still empty)} */
        public boolean signed() {
            return signed;
        }

        @Override
        public String toString() {
            return name + (signed ? " (signed)" : " (empty)");
        }
    }

    /**
     * The signature fields of a PDF in document order.
     *
     * @param pdf the PDF file
     * @return the fields, unmodifiable, empty when the PDF has no form
     *
     * @throws KysoException {@code INPUT_UNREADABLE} if the file cannot be read, {@code MALFORMED_INPUT}
     *     if it is not a PDF, {@code UNSUPPORTED_FORMAT} if it is encrypted
     */
    public static List<Field> list(Path pdf) {
        Args.notNull(pdf, "pdf");
        if (!Files.isReadable(pdf)) {
            throw new KysoException(ErrorCode.INPUT_UNREADABLE, pdf.toString());
        }
        try (PDDocument doc = Loader.loadPDF(new RandomAccessReadBufferedFile(pdf.toFile()))) {
            PDAcroForm form = doc.getDocumentCatalog().getAcroForm(null);
            if (form == null) {
                return Collections.emptyList();
            }
            List<Field> out = new ArrayList<>();
            for (PDField f : form.getFieldTree()) {
                if (f instanceof PDSignatureField) {
                    out.add(new Field(f.getFullyQualifiedName(), ((PDSignatureField) f).getSignature() != null));
                }
            }
            return Collections.unmodifiableList(out);
        } catch (InvalidPasswordException e) {
            throw KysoException.localized(ErrorCode.UNSUPPORTED_FORMAT, e, "PDF được mã hóa: " + pdf,
                    "encrypted PDF: " + pdf);
        } catch (IOException | RuntimeException e) {
            throw new KysoException(ErrorCode.MALFORMED_INPUT, e, "PDF: " + pdf);
        }
    }
}
