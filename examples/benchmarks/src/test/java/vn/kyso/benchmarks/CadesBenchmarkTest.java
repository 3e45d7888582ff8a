package vn.kyso.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import vn.kyso.api.report.Verdict;
import vn.kyso.api.report.VerificationReport;

/** Runs each benchmark operation once outside JMH: what is measured must be a correct signature. */
class CadesBenchmarkTest {

    @Test
    void theMeasuredOperationsProduceAndAcceptValidSignatures() throws Exception {
        CadesBenchmark bench = new CadesBenchmark();
        bench.setUp();
        try {
            byte[] cms = bench.signBB();
            assertTrue(cms.length > 1000, "a CMS signature with certificates");
            Path fresh = bench.dir.resolve("fresh.p7s");
            Files.write(fresh, cms);
            assertEquals(Verdict.VALID, bench.verifier.verify(fresh, bench.document).verdict());
            VerificationReport report = bench.verifyBB();
            assertEquals(Verdict.VALID, report.verdict());
        } finally {
            bench.tearDown();
        }
    }
}
