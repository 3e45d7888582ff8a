package vn.kyso.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
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
import vn.kyso.api.io.Document;
import vn.kyso.core.revocation.RevocationOptions;
import vn.kyso.core.trust.TrustAnchors;
import vn.kyso.core.verify.VerificationOutcome;
import vn.kyso.core.verify.Verifier;
import vn.kyso.xml.XmlSigner;
import vn.kyso.xml.profile.EInvoice;

/**
 * {@link Verifier#verifyAll(List)} over 64 signed 1 KB e-invoices (the seller's XMLDSig signature,
 * chain and OCSP through the sandbox on loopback, one revocation cache), with 1 thread and with one
 * thread per processor: the throughput ratio of the two is how bulk verification scales with cores.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(1)
public class BulkVerifyBenchmark {
    static final int DOCUMENTS = 64;

    /** Threads of the pool: 1, or 0 for one per processor. */
    @Param({"1", "0"})
    public int threads;

    BenchmarkFixture fixture;
    Verifier verifier;
    List<Document> invoices;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        fixture = new BenchmarkFixture("kyso-bulk");
        TrustAnchors trust = TrustAnchors.of(List.of(fixture.sandbox.root()));
        verifier = Verifier.builder().trust(trust).revocation(RevocationOptions.online())
                .parallelism(threads == 0 ? Runtime.getRuntime().availableProcessors() : threads).build();
        XmlSigner signer = XmlSigner.builder().build();
        invoices = new ArrayList<>();
        for (int i = 0; i < DOCUMENTS; i++) {
            byte[] invoice = new String(XmlInvoiceBenchmark.invoice(), StandardCharsets.UTF_8)
                    .replace("<SHDon>123</SHDon>", "<SHDon>" + (1000 + i) + "</SHDon>").getBytes(StandardCharsets.UTF_8);
            invoices.add(Document.of(EInvoice.sign(signer, fixture.key, invoice, EInvoice.Party.SELLER).signed(),
                    "hoa-don-" + i + ".xml"));
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        fixture.close();
    }

    /** One operation verifies all 64 invoices. */
    @Benchmark
    public List<VerificationOutcome> verifyAll() {
        return verifier.verifyAll(invoices);
    }
}
