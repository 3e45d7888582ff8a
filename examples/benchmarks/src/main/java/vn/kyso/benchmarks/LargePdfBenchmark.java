package vn.kyso.benchmarks;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import vn.kyso.pdf.PdfSignatureOptions;
import vn.kyso.pdf.PdfSigner;

/**
 * PAdES B-B of a very large PDF (1 GiB by default: one page and a 1 GiB stream, generated streaming in
 * the set-up under {@code java.io.tmpdir}) in a JVM limited to {@code -Xmx512m}, next to what
 * {@code cp} plus {@code sha256sum} of the same file take. Each iteration is one signature (single
 * shot); the peak heap of the iteration is printed. The files are deleted at the end.
 *
 * <p>Outside JMH, {@code java -Xmx512m -cp benchmarks.jar vn.kyso.benchmarks.LargePdfBenchmark [MiB]}
 * signs once and prints the time and the peak heap, e.g. under {@code /usr/bin/time -v} for the
 * process's maximum resident set.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(value = 1, jvmArgsAppend = "-Xmx512m")
public class LargePdfBenchmark {
    /** Size of the PDF's stream in MiB. */
    @Param("1024")
    public int megabytes;

    BenchmarkFixture fixture;
    PdfSigner signer;
    Path document;
    Path output;
    Path copy;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        fixture = new BenchmarkFixture("kyso-large-pdf");
        signer = PdfSigner.builder().build();
        document = largePdf(fixture.dir.resolve("large.pdf"), (long) megabytes << 20);
        output = fixture.dir.resolve("large.signed.pdf");
        copy = fixture.dir.resolve("large.copy.pdf");
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        fixture.close();
    }

    @Setup(Level.Iteration)
    public void resetPeaks() {
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            p.resetPeakUsage();
        }
    }

    /** Prints the sum of the heap pools' peaks during the iteration (an upper bound of the peak heap). */
    @TearDown(Level.Iteration)
    public void printPeakHeap() {
        System.out.printf("peak heap in this iteration: %.1f MiB%n", peakHeap() / 1048576.0);
    }

    static long peakHeap() {
        long peak = 0;
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP) {
                peak += p.getPeakUsage().getUsed();
            }
        }
        return peak;
    }

    /** Signs one large PDF (size in MiB, default 1024) and prints the time and the peak heap. */
    public static void main(String[] args) throws Exception {
        LargePdfBenchmark b = new LargePdfBenchmark();
        b.megabytes = args.length > 0 ? Integer.parseInt(args[0]) : 1024;
        b.setUp();
        try {
            b.resetPeaks();
            long t0 = System.nanoTime();
            b.signBB();
            long ms = (System.nanoTime() - t0) / 1_000_000;
            System.out.printf("signed %d MiB in %d ms; peak heap %.1f MiB (max heap %d MiB)%n", b.megabytes, ms,
                    peakHeap() / 1048576.0, Runtime.getRuntime().maxMemory() >> 20);
        } finally {
            b.tearDown();
        }
    }

    /** One PAdES B-B signature of the large PDF, written atomically (fsync, rename). */
    @Benchmark
    public void signBB() {
        signer.sign(document, output, fixture.key, PdfSignatureOptions.defaults());
    }

    /** The yardstick: {@code cp} of the file, then {@code sha256sum} of it. */
    @Benchmark
    public void cpPlusSha256sum() throws Exception {
        run("cp", document.toString(), copy.toString());
        run("sha256sum", document.toString());
        Files.delete(copy);
    }

    private static void run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (p.waitFor() != 0) {
            throw new IOException(String.join(" ", command) + ": exit " + p.exitValue());
        }
    }

    /**
     * Writes a valid one-page PDF holding a stream of {@code payload} bytes (random data, no filter),
     * streaming: the memory used does not depend on the size. Classic cross-reference table.
     */
    static Path largePdf(Path file, long payload) throws IOException {
        byte[] block = new byte[1 << 20];
        new Random(7).nextBytes(block);
        List<Long> offsets = new ArrayList<>();
        try (CountingStream out = new CountingStream(new BufferedOutputStream(Files.newOutputStream(file), 1 << 16))) {
            out.ascii("%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n");
            offsets.add(out.count);
            out.ascii("1 0 obj\n<</Type /Catalog /Pages 2 0 R /KysoPayload 5 0 R>>\nendobj\n");
            offsets.add(out.count);
            out.ascii("2 0 obj\n<</Type /Pages /Kids [3 0 R] /Count 1>>\nendobj\n");
            offsets.add(out.count);
            out.ascii("3 0 obj\n<</Type /Page /Parent 2 0 R /MediaBox [0 0 595.28 841.89] /Contents 4 0 R /Resources <<>>>>\nendobj\n");
            String content = "0 0 1 RG 72 720 m 523 720 l S";
            offsets.add(out.count);
            out.ascii("4 0 obj\n<</Length " + content.length() + ">>\nstream\n" + content + "\nendstream\nendobj\n");
            offsets.add(out.count);
            out.ascii("5 0 obj\n<</Length " + payload + ">>\nstream\n");
            for (long left = payload; left > 0; left -= block.length) {
                out.write(block, 0, (int) Math.min(block.length, left));
            }
            out.ascii("\nendstream\nendobj\n");
            long xref = out.count;
            out.ascii("xref\n0 6\n0000000000 65535 f\r\n");
            for (long o : offsets) {
                out.ascii(String.format("%010d 00000 n\r\n", o));
            }
            out.ascii("trailer\n<</Size 6 /Root 1 0 R>>\nstartxref\n" + xref + "\n%%EOF\n");
        }
        return file;
    }

    private static final class CountingStream extends OutputStream {
        private final OutputStream out;
        long count;

        CountingStream(OutputStream out) {
            this.out = out;
        }

        void ascii(String s) throws IOException {
            write(s.getBytes(StandardCharsets.ISO_8859_1));
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            count += len;
        }

        @Override
        public void close() throws IOException {
            out.close();
        }
    }
}
