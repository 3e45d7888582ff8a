package vn.kyso.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;
import org.junit.jupiter.api.Test;
import vn.kyso.api.report.Party;
import vn.kyso.api.report.Profile;
import vn.kyso.api.report.Verdict;
import vn.kyso.core.verify.VerificationOutcome;

/** Runs the bulk operation once outside JMH: every invoice measured must verify VALID, in input order. */
class BulkVerifyBenchmarkTest {
    @Test
    void everyInvoiceOfTheBulkIsValidAndInOrder() throws Exception {
        BulkVerifyBenchmark bench = new BulkVerifyBenchmark();
        bench.threads = 0;
        bench.setUp();
        try {
            List<VerificationOutcome> out = bench.verifyAll();
            assertEquals(BulkVerifyBenchmark.DOCUMENTS, out.size());
            for (int i = 0; i < out.size(); i++) {
                assertSame(bench.invoices.get(i), out.get(i).document());
                assertEquals(Verdict.VALID, out.get(i).reportOrThrow().verdict(), out.get(i).toString());
                assertEquals(Profile.EINVOICE, out.get(i).reportOrThrow().profile());
                assertEquals("hoa-don-" + i + ".xml", out.get(i).reportOrThrow().documentName());
                assertEquals(true, out.get(i).reportOrThrow().signatureOf(Party.SELLER).integrity());
            }
        } finally {
            bench.tearDown();
        }
    }
}
