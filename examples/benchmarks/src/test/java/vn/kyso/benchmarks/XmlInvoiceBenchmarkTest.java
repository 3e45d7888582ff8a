package vn.kyso.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import vn.kyso.api.report.Verdict;
import vn.kyso.api.report.SignatureResult;
import vn.kyso.api.io.Document;
import vn.kyso.api.report.Party;
import vn.kyso.api.report.VerificationReport;

/** Runs each invoice benchmark operation once outside JMH: what is measured must be correct. */
class XmlInvoiceBenchmarkTest {

    @Test
    void theMeasuredOperationsAreCorrect() throws Exception {
        XmlInvoiceBenchmark bench = new XmlInvoiceBenchmark();
        bench.setUp();
        try {
            assertTrue(bench.invoice.length >= 1000 && bench.invoice.length <= 1100, "a 1 KB invoice: " + bench.invoice.length);
            VerificationReport dsig = bench.verifier.verify(Document.of(bench.signInvoice().signed(), "hoa-don.xml"));
            SignatureResult seller = dsig.signatureOf(Party.SELLER);
            assertTrue(seller.integrity() && seller.chainTrusted(), seller.toString());
            assertEquals(Verdict.VALID, dsig.verdict(), seller.toString());
            assertEquals(Verdict.VALID, bench.verifier.verify(Document.of(bench.signInvoiceXades().signed(), "hoa-don.xml")).verdict());
            assertTrue(bench.verifyInvoice().signatureOf(Party.SELLER).integrity());
        } finally {
            bench.tearDown();
        }
    }
}
