package vn.kyso.benchmarks;

import java.io.BufferedWriter;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import vn.kyso.api.SignatureAlgorithm;
import vn.kyso.api.report.VerificationReport;
import vn.kyso.core.revocation.RevocationOptions;
import vn.kyso.core.trust.TrustAnchors;
import vn.kyso.xml.XmlSignatureOptions;
import vn.kyso.xml.XmlSigner;
import vn.kyso.api.io.Document;
import vn.kyso.core.verify.Verifier;

/**
 * Signs and verifies a 100 MB XML document (an invoice list with many lines) detached and enveloped, and
 * prints the time and the peak heap of each step. Not a JMH benchmark: one large operation per step, run
 * with a small heap to show what fits, e.g.
 * {@code java -Xmx512m -cp examples/benchmarks/target/benchmarks.jar vn.kyso.benchmarks.LargeXml 100}.
 */
public final class LargeXml {
    private LargeXml() {
    }

    public static void main(String[] args) throws Exception {
        int megabytes = args.length > 0 ? Integer.parseInt(args[0]) : 100;
        try (BenchmarkFixture f = new BenchmarkFixture("kyso-large-xml")) {
            Path doc = write(f.dir.resolve("bang-ke-" + megabytes + "MB.xml"), megabytes * 1_000_000L);
            TrustAnchors trust = TrustAnchors.of(List.of(f.sandbox.root()));
            XmlSigner signer = XmlSigner.builder().trust(trust).build();
            Verifier verifier = Verifier.builder().trust(trust).revocation(RevocationOptions.online()).build();
            System.out.printf(Locale.ROOT, "document: %s, %,d bytes, max heap %,d MB%n", doc.getFileName(), Files.size(doc),
                    Runtime.getRuntime().maxMemory() >> 20);
            XmlSignatureOptions.Builder dsig = XmlSignatureOptions.builder().format(XmlSignatureOptions.Format.XMLDSIG)
                    .algorithm(SignatureAlgorithm.RSA_SHA256);
            Path detached = f.dir.resolve("detached.xml");
            step("XMLDSig detached: sign", () -> signer.sign(doc, detached, f.key, dsig.packaging(XmlSignatureOptions.Packaging.DETACHED).build()));
            step("XMLDSig detached: verify", () -> summary(verifier.verify(Document.of(detached), Document.of(doc))));
            Path xadesDetached = f.dir.resolve("xades-detached.xml");
            step("XAdES B-B detached: sign", () -> signer.sign(doc, xadesDetached, f.key, XmlSignatureOptions.builder()
                    .packaging(XmlSignatureOptions.Packaging.DETACHED).build()));
            step("XAdES B-B detached: verify", () -> summary(verifier.verify(Document.of(xadesDetached), Document.of(doc))));
            Path enveloped = f.dir.resolve("enveloped.xml");
            step("XMLDSig enveloped: sign", () -> signer.sign(doc, enveloped, f.key, dsig.packaging(XmlSignatureOptions.Packaging.ENVELOPED).build()));
            step("XMLDSig enveloped: verify", () -> summary(verifier.verify(Document.of(enveloped))));
            step("xmlsec1 --verify enveloped", () -> xmlsec1(f, enveloped));
            step("XAdES B-B enveloped: sign", () -> signer.sign(doc, f.dir.resolve("xades-enveloped.xml"), f.key, XmlSignatureOptions.defaults()));
        }
    }

    /** An invoice list ("bảng kê") of about {@code size} bytes: a header and numbered lines. */
    static Path write(Path file, long size) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<BKe xmlns:kt=\"urn:kyso:bang-ke\"><TTChung><Ten>Bảng kê hàng hóa bán ra"
                    + "</Ten><MST>0101234567</MST><Ky>08/2025</Ky></TTChung><DSHDon>\n");
            long written = 200;
            for (int i = 1; written < size; i++) {
                String line = "<HDon STT=\"" + i + "\"><KHHDon>C25TAA</KHHDon><SHDon>" + i + "</SHDon><NLap>2025-08-20</NLap>"
                        + "<NMua>Công ty Cổ phần Mua Hàng số " + (i % 997) + "</NMua><kt:ThTien>" + (1000L * i) + "</kt:ThTien>"
                        + "<TThue>" + (100L * i) + "</TThue><GChu>Dòng " + i + " &amp; ghi chú</GChu></HDon>\n";
                w.write(line);
                written += line.getBytes(StandardCharsets.UTF_8).length;
            }
            w.write("</DSHDon></BKe>\n");
        }
        return file;
    }

    /** The independent check: xmlsec1 (libxml2) verifying the enveloped signature against the sandbox root. */
    static String xmlsec1(BenchmarkFixture f, Path signed) {
        try {
            Path root = Files.writeString(f.dir.resolve("root.pem"), vn.kyso.api.cert.Certificates.toPem(f.sandbox.root()));
            StringBuilder chain = new StringBuilder();
            for (java.security.cert.X509Certificate c : f.sandbox.intermediates()) {
                chain.append(vn.kyso.api.cert.Certificates.toPem(c));
            }
            Path untrusted = Files.writeString(f.dir.resolve("chain.pem"), chain);
            Process p = new ProcessBuilder("xmlsec1", "--verify", "--trusted-pem", root.toString(), "--untrusted-pem",
                    untrusted.toString(), signed.toString()).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return p.waitFor() == 0 && out.startsWith("OK") ? "OK" : "failed: " + out.lines().findFirst().orElse("");
        } catch (IOException e) {
            return "xmlsec1 not available (" + e.getMessage() + ")";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    static String summary(VerificationReport r) {
        return r.verdict() + ", integrity " + r.signatures().get(0).integrity() + ", " + r.signatures().get(0).indication();
    }

    static void step(String name, Supplier<Object> body) {
        System.gc();
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            p.resetPeakUsage();
        }
        long t0 = System.nanoTime();
        String outcome;
        try {
            Object r = body.get();
            outcome = r instanceof String ? (String) r : "ok";
        } catch (OutOfMemoryError e) {
            outcome = "OutOfMemoryError";
        } catch (RuntimeException e) {
            outcome = e.toString();
        }
        long ms = (System.nanoTime() - t0) / 1_000_000;
        long peak = 0;
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP) {
                peak += p.getPeakUsage().getUsed();
            }
        }
        System.out.printf(Locale.ROOT, "%-28s %8d ms  peak heap %5d MB  %s%n", name, ms, peak >> 20, outcome);
    }
}
