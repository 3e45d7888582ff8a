package vn.kyso.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import vn.kyso.api.SignatureLevel;
import vn.kyso.api.report.VerificationReport;
import vn.kyso.api.token.SigningKey;
import vn.kyso.core.cades.CadesSignatureOptions;
import vn.kyso.core.cades.CadesSigner;
import vn.kyso.core.revocation.RevocationOptions;
import vn.kyso.core.trust.TrustAnchors;
import vn.kyso.core.verify.Verifier;
import vn.kyso.testkit.Sandbox;

/**
 * CAdES B-B detached signing and verification of a 1 MB file with a PKCS#12 RSA-2048 key (RSASSA-PSS,
 * SHA-256). Verification checks the chain against the sandbox root and revocation through the sandbox's
 * OCSP responder on loopback.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(1)
public class CadesBenchmark {
    BenchmarkFixture fixture;
    SigningKey key;
    CadesSigner signer;
    Verifier verifier;
    CadesSignatureOptions options;
    Path dir;
    Path document;
    Path signature;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        fixture = new BenchmarkFixture("kyso-bench");
        dir = fixture.dir;
        key = fixture.key;
        Sandbox sandbox = fixture.sandbox;
        document = dir.resolve("document-1MB.bin");
        byte[] content = new byte[1 << 20];
        new Random(42).nextBytes(content);
        Files.write(document, content);
        TrustAnchors trust = TrustAnchors.of(List.of(sandbox.root()));
        signer = CadesSigner.builder().trust(trust).build();
        verifier = Verifier.builder().trust(trust).revocation(RevocationOptions.online()).build();
        options = CadesSignatureOptions.builder().level(SignatureLevel.B_B).build();
        signature = dir.resolve("document-1MB.bin.p7s");
        signer.sign(document, signature, key, options);
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        fixture.close();
    }

    /** One detached CAdES B-B signature of the 1 MB file, returned in memory. */
    @Benchmark
    public byte[] signBB() {
        return signer.sign(document, key, options).signed();
    }

    /** Full verification of the B-B signature: integrity, chain, OCSP (cached after the first call). */
    @Benchmark
    public VerificationReport verifyBB() {
        return verifier.verify(signature, document);
    }
}
