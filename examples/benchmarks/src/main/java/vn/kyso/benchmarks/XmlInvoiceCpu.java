package vn.kyso.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;

/**
 * The CPU time one thread spends per invoice signature ({@link XmlInvoiceBenchmark#signInvoice}) and per
 * bare RSA signature ({@link XmlInvoiceBenchmark#rsaSignatureOnly}), measured with the thread's CPU clock
 * so that other processes on a shared machine do not inflate it (wall-clock throughput is JMH's job).
 * {@code java -cp examples/benchmarks/target/benchmarks.jar vn.kyso.benchmarks.XmlInvoiceCpu [rounds]}.
 */
public final class XmlInvoiceCpu {
    private XmlInvoiceCpu() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        int ops = 2000;
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        XmlInvoiceBenchmark bench = new XmlInvoiceBenchmark();
        bench.setUp();
        try {
            for (int r = 1; r <= rounds; r++) {
                long c0 = threads.getCurrentThreadCpuTime();
                for (int i = 0; i < ops; i++) {
                    bench.signInvoice();
                }
                long c1 = threads.getCurrentThreadCpuTime();
                for (int i = 0; i < ops; i++) {
                    bench.rsaSignatureOnly();
                }
                long c2 = threads.getCurrentThreadCpuTime();
                double sign = (c1 - c0) / 1e6 / ops;
                double rsa = (c2 - c1) / 1e6 / ops;
                System.out.printf(Locale.ROOT, "round %2d: signInvoice %.3f ms CPU (%.0f/s per thread), rsaSignatureOnly %.3f ms, XML work %.3f ms%n",
                        r, sign, 1000 / sign, rsa, sign - rsa);
            }
        } finally {
            bench.tearDown();
        }
    }
}
