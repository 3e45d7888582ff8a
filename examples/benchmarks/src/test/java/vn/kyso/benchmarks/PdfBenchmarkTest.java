package vn.kyso.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import org.junit.jupiter.api.Test;
import vn.kyso.api.SignatureLevel;
import vn.kyso.api.report.Verdict;
import vn.kyso.api.report.VerificationReport;

/** Runs each PDF benchmark operation once outside JMH: what is measured must be correct. */
class PdfBenchmarkTest {

    @Test
    void theMeasuredOperationsAreCorrect() throws Exception {
        PdfBenchmark bench = new PdfBenchmark();
        bench.setUp();
        try {
            assertTrue(Files.size(bench.document) > 1_000_000, "a 1 MB PDF");
            bench.signBB();
            VerificationReport bb = bench.verifier.verify(bench.output);
            assertEquals(Verdict.VALID, bb.verdict());
            assertEquals(SignatureLevel.B_B, bb.signatures().get(0).level());
            bench.signBT();
            VerificationReport bt = bench.verifier.verify(bench.outputT);
            assertEquals(Verdict.VALID, bt.verdict());
            assertEquals(SignatureLevel.B_T, bt.signatures().get(0).level());
            bench.signBBVisible();
            assertEquals(Verdict.VALID, bench.verifier.verify(bench.outputVisible).verdict());
            VerificationReport four = bench.verifyFourSignatures();
            assertEquals(Verdict.VALID, four.verdict());
            assertEquals(4, four.signatures().size());
        } finally {
            bench.tearDown();
        }
    }
}
