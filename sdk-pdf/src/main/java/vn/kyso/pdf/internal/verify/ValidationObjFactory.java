package vn.kyso.pdf.internal.verify;

import eu.europa.esig.dss.model.DSSDocument;
import eu.europa.esig.dss.model.FileDocument;
import eu.europa.esig.dss.pades.validation.ByteRange;
import eu.europa.esig.dss.pades.validation.PdfByteRangeDocument;
import eu.europa.esig.dss.pdf.PDFServiceMode;
import eu.europa.esig.dss.pdf.PDFSignatureService;
import eu.europa.esig.dss.pdf.PdfDocumentReader;
import eu.europa.esig.dss.pdf.PdfMemoryUsageSetting;
import eu.europa.esig.dss.pdf.pdfbox.PdfBoxNativeObjectFactory;
import eu.europa.esig.dss.pdf.pdfbox.PdfBoxSignatureService;
import eu.europa.esig.dss.pdf.pdfbox.visible.nativedrawer.PdfBoxNativeSignatureDrawerFactory;
import eu.europa.esig.dss.spi.signature.AdvancedSignature;
import eu.europa.esig.dss.spi.x509.tsp.TimestampToken;
import java.io.Closeable;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The PDF back end DSS validates one file with, set up so that a large PDF does not have to fit in
 * memory: the file is parsed by PDFBox from disk (DSS's default reads it into a byte array), an earlier
 * revision DSS must parse (to read its DSS dictionary and check the signature dictionary) is either the
 * file itself or, above {@link #IN_MEMORY_LIMIT}, a temporary copy on disk (DSS would buffer it in
 * memory), and DSS's own modification analysis is switched off: {@link RevisionDiff} does it, object by
 * object, without reading stream data it does not need. One instance per validation; {@link #close}
 * deletes the temporary copies.
 */
public final class ValidationObjFactory extends PdfBoxNativeObjectFactory implements Closeable {
    /** Earlier revisions up to this size are buffered in memory as DSS does; larger ones go to disk. */
    static final long IN_MEMORY_LIMIT = 32L << 20;

    private final Path file;
    private final long length;
    private final Map<Integer, Path> copies = new HashMap<>();
    private Path scratch;

    public ValidationObjFactory(Path file) throws IOException {
        this.file = file;
        this.length = Files.size(file);
        setPdfMemoryUsageSetting(PdfMemoryUsageSetting.fileOnly());
    }

    @Override
    public PDFSignatureService newPAdESSignatureService() {
        return configure(new Service());
    }

    /** The document DSS should parse for the bytes {@code [0, end)} of the file. */
    private synchronized DSSDocument revision(int end) throws IOException {
        if (end == length) {
            return new FileDocument(file.toFile());
        }
        Path copy = copies.get(end);
        if (copy == null) {
            if (scratch == null) {
                scratch = Files.createTempDirectory("kyso-verify");
            }
            copy = scratch.resolve("revision-" + end + ".pdf");
            try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ);
                 FileChannel out = FileChannel.open(copy, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                long done = 0;
                while (done < end) {
                    done += in.transferTo(done, end - done, out);
                }
            }
            copies.put(end, copy);
        }
        return new FileDocument(copy.toFile());
    }

    @Override
    public synchronized void close() throws IOException {
        for (Path p : copies.values()) {
            Files.deleteIfExists(p);
        }
        copies.clear();
        if (scratch != null) {
            Files.deleteIfExists(scratch);
            scratch = null;
        }
    }

    /** DSS's PDFBox service with the two changes described on the factory. */
    private final class Service extends PdfBoxSignatureService {
        Service() {
            super(PDFServiceMode.SIGNATURE, new PdfBoxNativeSignatureDrawerFactory());
        }

        @Override
        protected PdfDocumentReader loadPdfDocumentReader(DSSDocument document, char[] password)
                throws IOException, eu.europa.esig.dss.pades.exception.InvalidPasswordException {
            if (document instanceof PdfByteRangeDocument) {
                ByteRange r = ((PdfByteRangeDocument) document).getByteRange();
                boolean prefix = r.getFirstPartStart() == 0 && r.getSecondPartEnd() == 0
                        && r.getSecondPartStart() == r.getFirstPartEnd();
                long end = r.getFirstPartEnd();
                if (prefix && end > 0 && end <= length && (end == length || end > IN_MEMORY_LIMIT)) {
                    return super.loadPdfDocumentReader(revision((int) end), password);
                }
            }
            return super.loadPdfDocumentReader(document, password);
        }

        @Override
        public void analyzePdfModifications(DSSDocument document, List<AdvancedSignature> signatures, char[] pwd) {
            // RevisionDiff compares each signed revision with the final file
        }

        @Override
        public void analyzeTimestampPdfModifications(DSSDocument document, List<TimestampToken> timestamps, char[] pwd) {
            // as above
        }
    }
}
