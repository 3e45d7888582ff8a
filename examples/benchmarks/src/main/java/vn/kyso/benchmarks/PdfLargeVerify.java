package vn.kyso.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentNameDictionary;
import org.apache.pdfbox.pdmodel.PDEmbeddedFilesNameTreeNode;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.apache.pdfbox.pdmodel.common.filespecification.PDEmbeddedFile;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationText;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import vn.kyso.api.report.VerificationReport;
import vn.kyso.core.report.ReportWriter;
import vn.kyso.core.trust.TrustAnchors;
import vn.kyso.core.verify.Verifier;
import vn.kyso.pdf.PdfSignatureOptions;
import vn.kyso.pdf.PdfSigner;

/**
 * Verifies a very large signed PDF (default 1 GiB: one page and an attached file of that size) and
 * prints the time and the peak heap of the verification. Not a JMH benchmark (one run takes tens of
 * seconds and must run in a JVM whose heap is smaller than the file):
 *
 * <pre>
 * java -Xmx512m -cp examples/benchmarks/target/benchmarks.jar vn.kyso.benchmarks.PdfLargeVerify [MiB] [dir]
 * </pre>
 *
 * The set-up signs the PDF with {@link PdfSigner} (B-B, streamed: the input is never held in memory).
 * All files are written under {@code dir} (default the system temp directory) and deleted at the end.
 */
public final class PdfLargeVerify {
    private PdfLargeVerify() {
    }

    public static void main(String[] args) throws Exception {
        long mib = args.length > 0 ? Long.parseLong(args[0]) : 1024;
        Path base = args.length > 1 ? Path.of(args[1]) : Path.of(System.getProperty("java.io.tmpdir"));
        try (BenchmarkFixture fixture = new BenchmarkFixture("kyso-large-verify")) {
            Path work = Files.createTempDirectory(base, "kyso-large");
            try {
                run(fixture, work, mib);
            } finally {
                try (var files = Files.list(work)) {
                    for (Path p : (Iterable<Path>) files::iterator) {
                        Files.deleteIfExists(p);
                    }
                }
                Files.deleteIfExists(work);
            }
        }
    }

    private static void run(BenchmarkFixture fixture, Path work, long mib) throws Exception {
        Path input = work.resolve("large.pdf");
        Path signed = work.resolve("large.signed.pdf");
        long t0 = System.nanoTime();
        build(input, mib << 20);
        System.out.printf("built %s: %,d bytes in %.1f s%n", input.getFileName(), Files.size(input), secs(t0));
        TrustAnchors trust = TrustAnchors.of(List.of(fixture.sandbox.root()));
        t0 = System.nanoTime();
        PdfSigner.builder().trust(trust).build().sign(input, signed, fixture.key, PdfSignatureOptions.defaults());
        System.out.printf("signed with PdfSigner: %,d bytes in %.1f s%n", Files.size(signed), secs(t0));
        Files.delete(input);

        Verifier verifier = Verifier.builder().trust(trust).build();
        verify(verifier, signed, "the signed file");
        // a comment added afterwards: the signed revision is now a prefix of the file, compared object by object
        Path commented = work.resolve("large.commented.pdf");
        try (PDDocument doc = Loader.loadPDF(new RandomAccessReadBufferedFile(signed), "", null, null,
                IOUtils.createTempFileOnlyStreamCache());
             OutputStream os = Files.newOutputStream(commented)) {
            PDAnnotationText note = new PDAnnotationText();
            note.setRectangle(new PDRectangle(500, 780, 20, 20));
            note.setContents("Đã xem");
            doc.getPage(0).getAnnotations().add(note);
            doc.getPage(0).getCOSObject().setNeedToBeUpdated(true);
            doc.saveIncremental(os);
        }
        Files.delete(signed);
        verify(verifier, commented, "the signed file with a comment added");
    }

    private static void verify(Verifier verifier, Path file, String what) {
        System.gc();
        resetPeaks();
        long t0 = System.nanoTime();
        VerificationReport report = verifier.verify(file);
        double seconds = secs(t0);
        System.out.printf("%s: verified in %.1f s, peak heap %,d MiB (max heap %,d MiB), peak RSS so far %s%n", what,
                seconds, peakHeap() >> 20, Runtime.getRuntime().maxMemory() >> 20, peakRss());
        System.out.println(ReportWriter.text(report, vn.kyso.api.Language.EN));
    }

    /** One A4 page of text and an attached file of {@code size} bytes, written without holding it in memory. */
    static void build(Path file, long size) throws IOException {
        try (PDDocument doc = new PDDocument(IOUtils.createTempFileOnlyStreamCache())) {
            PDPage page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                cs.beginText();
                cs.setFont(new PDType1Font(Standard14Fonts.FontName.TIMES_ROMAN), 12);
                cs.newLineAtOffset(72, 760);
                cs.showText("Ho so kem theo: tep dinh kem " + (size >> 20) + " MiB");
                cs.endText();
            }
            PDEmbeddedFile data = new PDEmbeddedFile(doc, new RandomBytes(size));
            data.setSubtype("application/octet-stream");
            data.setSize((int) Math.min(Integer.MAX_VALUE, size));
            PDComplexFileSpecification spec = new PDComplexFileSpecification();
            spec.setFile("ho-so.bin");
            spec.setEmbeddedFile(data);
            PDEmbeddedFilesNameTreeNode tree = new PDEmbeddedFilesNameTreeNode();
            tree.setNames(Map.of("ho-so.bin", spec));
            PDDocumentNameDictionary names = new PDDocumentNameDictionary(doc.getDocumentCatalog());
            names.setEmbeddedFiles(tree);
            doc.getDocumentCatalog().setNames(names);
            doc.save(file.toFile());
        }
    }

    private static void resetPeaks() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            pool.resetPeakUsage();
        }
    }

    /** Sum of the peak usage of every heap pool since {@link #resetPeaks} (an upper bound of the peak heap). */
    private static long peakHeap() {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
                sum += pool.getPeakUsage().getUsed();
            }
        }
        return sum;
    }

    private static String peakRss() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"), StandardCharsets.US_ASCII)) {
                if (line.startsWith("VmHWM:")) {
                    return line.substring(6).trim();
                }
            }
        } catch (IOException e) {
            // not Linux: no RSS figure
        }
        return "n/a";
    }

    private static double secs(long t0) {
        return (System.nanoTime() - t0) / 1e9;
    }

    /** {@code size} pseudo-random bytes, generated as they are read. */
    private static final class RandomBytes extends InputStream {
        private final byte[] block = new byte[1 << 16];
        private long left;
        private int pos = block.length;

        RandomBytes(long size) {
            left = size;
            new Random(11).nextBytes(block);
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (left == 0) {
                return -1;
            }
            if (pos == block.length) {
                pos = 0;
                block[(int) (left % block.length)] ^= (byte) left; // not a repeating pattern
            }
            int n = (int) Math.min(Math.min(len, block.length - pos), left);
            System.arraycopy(block, pos, b, off, n);
            pos += n;
            left -= n;
            return n;
        }
    }
}
