package vn.kyso.benchmarks;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.common.PDStream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import vn.kyso.api.report.VerificationReport;
import vn.kyso.api.token.SigningKey;
import vn.kyso.core.trust.TrustAnchors;
import vn.kyso.core.tsp.TimestampClient;
import vn.kyso.core.verify.Verifier;
import vn.kyso.pdf.PdfSignatureOptions;
import vn.kyso.pdf.PdfSigner;
import vn.kyso.testkit.Sandbox;

/**
 * PAdES: B-B and B-T signing of a 1 MB PDF with a PKCS#12 RSA-2048 key (the signed file written to
 * disk atomically; B-T asks the sandbox TSA on loopback, in this JVM, for the signature time-stamp),
 * and full verification of a PDF carrying four signatures (chain, OCSP on loopback, modification
 * analysis).
 *
 * <p>{@code java -cp benchmarks.jar vn.kyso.benchmarks.PdfBenchmark [seconds] [visible]} signs at B-B
 * (with {@code visible}: with the visible text block) in a loop and prints, besides the wall-clock rate,
 * the signing thread's CPU time and allocation per signature: on a machine shared with other jobs the
 * CPU time shows what one free core would do.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 3, time = 5)
// The sandbox's HTTP servers (TSA, OCSP) answer in two TCP writes; without TCP_NODELAY every loopback
// request waits about 40 ms for a delayed ACK, which a real TSA (answering with TCP_NODELAY) does not.
@Fork(1)
public class PdfBenchmark {
    private static final PdfSignatureOptions BT = PdfSignatureOptions.builder().level(vn.kyso.api.SignatureLevel.B_T).build();
    private static final PdfSignatureOptions VISIBLE = PdfSignatureOptions.builder().visible(1, 330, 600, 220, 70).build();
    BenchmarkFixture fixture;
    SigningKey key;
    PdfSigner signer;
    Verifier verifier;
    Path dir;
    Path document;
    Path output;
    Path outputT;
    Path outputVisible;
    Path fourSignatures;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        fixture = new BenchmarkFixture("kyso-pdf-bench");
        dir = fixture.dir;
        key = fixture.key;
        Sandbox sandbox = fixture.sandbox;
        document = onMegabytePdf(dir.resolve("document-1MB.pdf"));
        TrustAnchors trust = TrustAnchors.of(List.of(sandbox.root()));
        signer = PdfSigner.builder().trust(trust)
                .timestamps(TimestampClient.builder().urls(List.of(sandbox.tsaUrl())).build()).build();
        verifier = Verifier.builder().trust(trust).build();
        output = dir.resolve("signed.pdf");
        outputT = dir.resolve("signed-t.pdf");
        outputVisible = dir.resolve("signed-visible.pdf");
        Path step = document;
        for (int i = 1; i <= 4; i++) {
            Path next = dir.resolve("four-" + i + ".pdf");
            signer.sign(step, next, key, PdfSignatureOptions.builder().field("sig" + i).build());
            step = next;
        }
        fourSignatures = step;
    }

    static Path onMegabytePdf(Path file) throws IOException {
        try (PDDocument doc = new PDDocument()) {
            doc.addPage(new PDPage(PDRectangle.A4));
            byte[] payload = new byte[1 << 20];
            new Random(7).nextBytes(payload);
            PDStream stream = new PDStream(doc);
            try (OutputStream out = stream.createOutputStream()) {
                out.write(payload);
            }
            doc.getDocumentCatalog().getCOSObject().setItem(COSName.getPDFName("KysoPayload"), stream.getCOSObject());
            doc.save(file.toFile());
        }
        return file;
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        fixture.close();
    }

    /**
     * Signs at B-B (second argument {@code visible}: with the text block) for a warm-up and then for the
     * given seconds (default 10); prints rate, CPU time and allocation.
     */
    public static void main(String[] args) throws IOException {
        long seconds = args.length > 0 ? Long.parseLong(args[0]) : 10;
        boolean visible = args.length > 1 && "visible".equals(args[1]);
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        PdfBenchmark b = new PdfBenchmark();
        b.setUp();
        try {
            Runnable sign = visible ? b::signBBVisible : b::signBB;
            for (long end = System.nanoTime() + 5_000_000_000L; System.nanoTime() < end; ) {
                sign.run();
            }
            long n = 0;
            long cpu0 = threads.getCurrentThreadCpuTime();
            long alloc0 = threads.getCurrentThreadAllocatedBytes();
            long t0 = System.nanoTime();
            for (long end = t0 + seconds * 1_000_000_000L; System.nanoTime() < end; n++) {
                sign.run();
            }
            double wall = (System.nanoTime() - t0) / 1e9;
            System.out.printf((visible ? "signBBVisible" : "signBB") + ": %.1f ops/s wall-clock, %.2f ms CPU and %.0f kB allocated per signature (%d signatures)%n",
                    n / wall, (threads.getCurrentThreadCpuTime() - cpu0) / 1e6 / n,
                    (threads.getCurrentThreadAllocatedBytes() - alloc0) / 1024.0 / n, n);
        } finally {
            b.tearDown();
        }
    }

    /** One PAdES B-B signature of the 1 MB PDF, written (atomically) to disk. */
    @Benchmark
    public void signBB() {
        signer.sign(document, output, key, PdfSignatureOptions.defaults());
    }

    /** One PAdES B-T signature of the 1 MB PDF (B-B plus a time-stamp from the loopback TSA), written to disk. */
    @Benchmark
    public void signBT() {
        signer.sign(document, outputT, key, BT);
    }

    /** B-B with the visible text block (Liberation Serif embedded as a subset), as e-office approvals are. */
    @Benchmark
    public void signBBVisible() {
        signer.sign(document, outputVisible, key, VISIBLE);
    }

    /** Full verification of the four-signature PDF. */
    @Benchmark
    public VerificationReport verifyFourSignatures() {
        return verifier.verify(fourSignatures);
    }
}
