package vn.kyso.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.kyso.api.report.Verdict;
import vn.kyso.api.report.VerificationReport;
import vn.kyso.core.trust.TrustAnchors;
import vn.kyso.core.verify.Verifier;

/** The large-PDF benchmark's operations, once, on a small instance: the generated PDF signs to a valid file. */
class LargePdfBenchmarkTest {

    @Test
    void theGeneratedPdfSignsAndVerifies() throws Exception {
        LargePdfBenchmark bench = new LargePdfBenchmark();
        bench.megabytes = 3;
        bench.setUp();
        try {
            assertTrue(Files.size(bench.document) > 3L << 20);
            bench.signBB();
            VerificationReport r = Verifier.builder().trust(TrustAnchors.of(List.of(bench.fixture.sandbox.root())))
                    .build().verify(bench.output);
            assertEquals(Verdict.VALID, r.verdict());
            assertEquals(Boolean.TRUE, r.signatures().get(0).coversWholeDocument());
            assertTrue(Files.size(bench.output) > Files.size(bench.document));
            bench.cpPlusSha256sum();
            assertFalse(Files.exists(bench.copy));
            assertTrue(LargePdfBenchmark.peakHeap() > 0);
        } finally {
            bench.tearDown();
        }
        assertFalse(Files.exists(bench.document), "the set-up's files are removed");
    }
}
