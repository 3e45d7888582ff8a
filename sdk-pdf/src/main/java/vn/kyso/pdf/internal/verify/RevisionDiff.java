package vn.kyso.pdf.internal.verify;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.jspecify.annotations.Nullable;
import vn.kyso.api.report.Modification;

/**
 * What changed in a PDF after a signature: the revision the signature covers (a prefix of the file) is
 * compared with the final file object by object, and every changed object must be explained by a
 * change of a permitted kind, else it is {@link Modification#OTHER}. An object is unchanged when both
 * revisions find it at the same place in the file (those bytes are signed), so unchanged objects, and
 * big streams among them, are never read; a rewritten object is compared with its signed version
 * before it counts as changed.
 *
 * <p>The rules (see docs/REPORT.md, "What changed after a signature") are small classes, one per concern,
 * combined by {@link ModificationPolicy}:
 * <ul>
 * <li>SIGNATURES: new signature fields and values (their widgets may lie over earlier signature
 *     widgets, as a seal over the leader's image does), an empty signature field signed
 *     ({@link SignatureFieldRule}), the /DSS dictionary and what it holds ({@link DssRule}), /Extensions,
 *     the catalog's /Metadata, /OutputIntents added where there were none ({@link CatalogRule}), /SigFlags
 *     ({@link AcroFormRule}), the trailer's /Info ({@link DocumentInfoRule}), new fonts in the form's
 *     default resources ({@link FormResourcesRule}).</li>
 * <li>FORM_FILL: a field that was empty when signed now has a value, and each of its widgets shows
 *     exactly that value ({@link FormFieldRule}).</li>
 * <li>ANNOTATIONS: markup annotations (comments) added, changed or removed, except their visibility
 *     and except laid over a signature or form field ({@link AnnotationsRule}, {@link OverlapRule}).</li>
 * <li>OTHER, always with the reason: pages added, removed or reordered, anything on a page other than
 *     its /Annots ({@link PagesRule}); a shared object rewritten, or anything else no rule explains
 *     ({@link UnexplainedRule}); and every change the rules above refuse.</li>
 * </ul>
 * One instance per file (the final revision is parsed once); not thread-safe.
 */
public final class RevisionDiff implements Closeable {
    private final Path file;
    private final long length;
    private final String password;
    private final FinalRevision last;

    private RevisionDiff(Path file, @Nullable String password) throws IOException {
        this.file = file;
        this.length = Files.size(file);
        this.password = password == null ? "" : password;
        PDDocument doc = Loader.loadPDF(new RandomAccessReadBufferedFile(file), this.password);
        try {
            this.last = new FinalRevision(doc);
        } catch (RuntimeException | StackOverflowError e) {
            doc.close();
            throw e;
        }
    }

    /** Parses the final revision of {@code file} (PDFBox errors, a wrong password: IOException). */
    public static RevisionDiff open(Path file, @Nullable String password) throws IOException {
        try {
            return new RevisionDiff(file, password);
        } catch (StackOverflowError e) {
            throw new IOException("objects nested too deeply", e);
        }
    }

    /** The final revision, parsed (owned by this object). */
    public PDDocument document() {
        return last.document;
    }

    /**
     * Compares the revision ending at byte {@code end} (the end of a signature's /ByteRange) with the
     * final file.
     */
    public Outcome compare(long end) {
        if (end == length) {
            return Outcome.none();
        }
        if (end <= 0 || end > length) {
            return Outcome.unreadable("revision end " + end + " outside the file");
        }
        try (PDDocument signed = Loader.loadPDF(new PrefixRead(file, end), password)) {
            return ModificationPolicy.judge(new Changes(last, signed));
        } catch (IOException | RuntimeException | StackOverflowError e) {
            // a revision we cannot compare is never accepted as unchanged
            return Outcome.unreadable(String.valueOf(e.getMessage()));
        }
    }

    @Override
    public void close() throws IOException {
        last.document.close();
    }
}
