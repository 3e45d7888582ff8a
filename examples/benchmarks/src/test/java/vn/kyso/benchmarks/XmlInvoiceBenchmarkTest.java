package vn.kyso.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import vn.kyso.api.report.Verdict;
import vn.kyso.api.report.SignatureResult;
import vn.kyso.xml.XmlVerification;

/** Runs each invoice benchmark operation once outside JMH: what is measured must be correct. */
class XmlInvoiceBenchmarkTest {

    @Test
    void theMeasuredOperationsAreCorrect() throws Exception {
        XmlInvoiceBenchmark bench = new XmlInvoiceBenchmark();
        bench.setUp();
        try {
            assertTrue(bench.invoice.length >= 1000 && bench.invoice.length <= 1100, "a 1 KB invoice: " + bench.invoice.length);
            XmlVerification dsig = bench.verifier.verify(bench.signInvoice().signed());
            SignatureResult seller = dsig.party("seller");
            assertTrue(seller.integrity() && seller.chainTrusted(), seller.toString());
            assertEquals(Verdict.VALID, dsig.report().verdict(), seller.toString());
            assertEquals(Verdict.VALID, bench.verifier.verify(bench.signInvoiceXades().signed()).report().verdict());
            assertTrue(bench.verifyInvoice().party("seller").integrity());
        } finally {
            bench.tearDown();
        }
    }
}
