package vn.kyso.pdf.internal.sign;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.charset.StandardCharsets;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import vn.kyso.api.ErrorCode;
import vn.kyso.api.KysoException;

/**
 * An input PDF opened for one new revision: PDFBox reads its cross-reference data and then only the
 * objects asked for, straight from the file (never the whole document into memory). Internal.
 */
final class PdfInput implements Closeable {
    final Path path;
    final long length;
    final PDDocument document;
    private final boolean endsWithEol;

    private PdfInput(Path path, long length, PDDocument document, boolean endsWithEol) {
        this.path = path;
        this.length = length;
        this.document = document;
        this.endsWithEol = endsWithEol;
    }

    /**
     * Opens a PDF, decrypting it with the password if it is encrypted.
     *
     * @throws KysoException {@code INPUT_UNREADABLE}, {@code MALFORMED_INPUT} (not a PDF),
     *     {@code DOCUMENT_PASSWORD} (encrypted, password missing or wrong), {@code DOCUMENT_LOCKED}
     *     (its permissions forbid signing and form filling)
     */
    static PdfInput open(Path in, char[] password) {
        String name = in.getFileName() == null ? String.valueOf(in) : in.getFileName().toString();
        long length;
        boolean eol;
        try (FileChannel ch = FileChannel.open(in, StandardOpenOption.READ)) {
            length = ch.size();
            if (length < 16) {
                throw notPdf(name);
            }
            ByteBuffer head = ByteBuffer.allocate((int) Math.min(1024, length));
            ch.read(head, 0);
            if (!new String(head.array(), 0, head.position(), StandardCharsets.ISO_8859_1).contains("%PDF-")) {
                throw notPdf(name);
            }
            ByteBuffer last = ByteBuffer.allocate(1);
            ch.read(last, length - 1);
            eol = last.get(0) == '\n' || last.get(0) == '\r';
        } catch (IOException e) {
            throw new KysoException(ErrorCode.INPUT_UNREADABLE, e, String.valueOf(in));
        }
        PDDocument doc = null;
        try {
            doc = Loader.loadPDF(new RandomAccessReadBufferedFile(in.toFile()),
                    password == null ? "" : new String(password));
            if (doc.isEncrypted()) {
                AccessPermission p = doc.getCurrentAccessPermission();
                if (!p.isOwnerPermission() && !p.canFillInForm() && !p.canModifyAnnotations()) {
                    throw KysoException.localized(ErrorCode.DOCUMENT_LOCKED, null,
                            name + ": quyền của tài liệu không cho phép điền biểu mẫu", name + ": its permissions forbid form filling");
                }
            }
            PdfInput input = new PdfInput(in, length, doc, eol);
            doc = null;
            return input;
        } catch (InvalidPasswordException e) {
            throw new KysoException(ErrorCode.DOCUMENT_PASSWORD, e, name);
        } catch (IOException | RuntimeException e) {
            if (e instanceof KysoException) {
                throw (KysoException) e;
            }
            throw unreadable(e, name);
        } finally {
            close(doc);
        }
    }

    /** A new, empty revision on top of this input. */
    Increment increment() throws IOException {
        return new Increment(document.getDocument(), length, endsWithEol,
                document.isEncrypted() ? document.getEncryption().getSecurityHandler() : null);
    }

    boolean encrypted() {
        return document.isEncrypted();
    }

    /** Whether the document holds at least one signature (or document time-stamp). */
    boolean signed() {
        try {
            return !document.getSignatureDictionaries().isEmpty();
        } catch (RuntimeException e) {
            throw unreadable(e, String.valueOf(path.getFileName()));
        }
    }

    @Override
    public void close() {
        close(document);
    }

    private static void close(PDDocument doc) {
        if (doc != null) {
            try {
                doc.close();
            } catch (IOException ignored) {
                // read-only: nothing to lose
            }
        }
    }

    private static KysoException notPdf(String name) {
        return KysoException.localized(ErrorCode.MALFORMED_INPUT, null, "không phải tệp PDF: " + name, "not a PDF: " + name);
    }

    /** A PDF the parser cannot read; the parser's own words stay in the cause. */
    private static KysoException unreadable(Exception e, String name) {
        return KysoException.localized(ErrorCode.MALFORMED_INPUT, e, "không đọc được tệp PDF " + name,
                "cannot read the PDF " + name);
    }
}
