package vn.kyso.xml;

import vn.kyso.core.verify.Verifier;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.kyso.api.KysoException;
import vn.kyso.api.token.SigningKey;
import vn.kyso.testkit.Sandbox;

/**
 * In a JVM with a small heap (-Xmx96m), a document too large for the DOM paths is a typed error, never an
 * OutOfMemoryError, while the streamed path signs it.
 */
class HeapLimitTest {

    @Test
    void tooLargeForTheHeapIsATypedError(@TempDir Path dir) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        XmlFixtures.Result r = XmlFixtures.run(List.of(java, "-Xmx96m", "-cp", System.getProperty("java.class.path"),
                SmallHeap.class.getName(), dir.toString()));
        assertEquals(0, r.exit, r.output);
        assertTrue(r.output.contains("xades-enveloped KYSO-100"), r.output);
        assertTrue(r.output.contains("xmldsig-streamed ok"), r.output);
        assertTrue(r.output.contains("verify-enveloped KYSO-101"), r.output);
        assertTrue(r.output.contains("verify-detached-data ok"), r.output);
    }

    /** Runs in the small JVM: prints one line per attempt. */
    public static final class SmallHeap {
        public static void main(String[] args) throws Exception {
            Path dir = Path.of(args[0]);
            Path doc = dir.resolve("large.xml");
            try (BufferedWriter w = Files.newBufferedWriter(doc, StandardCharsets.UTF_8)) {
                w.write("<BKe>");
                for (int i = 0; i < 120_000; i++) {
                    w.write("<HDon STT=\"" + i + "\"><Ten>Công ty số " + i + "</Ten><ThTien>" + i + "000</ThTien></HDon>\n");
                }
                w.write("</BKe>");
            }
            try (Sandbox sb = Sandbox.start()) {
                SigningKey key = XmlFixtures.key(sb.person1());
                XmlSigner signer = XmlSigner.builder().build();
                attempt("xades-enveloped", () -> signer.sign(doc, dir.resolve("x.xml"), key, XmlSignatureOptions.defaults()));
                Path signed = dir.resolve("streamed.xml");
                attempt("xmldsig-streamed", () -> signer.sign(doc, signed, key,
                        XmlSignatureOptions.builder().format(XmlSignatureOptions.Format.XMLDSIG).build()));
                XmlCheck verifier = new XmlCheck(Verifier.builder().trust(XmlFixtures.trust(sb)).build());
                attempt("verify-enveloped", () -> verifier.verify(signed, null, null));
                Path detached = dir.resolve("detached.xml");
                signer.sign(doc, detached, key, XmlSignatureOptions.builder().packaging(XmlSignatureOptions.Packaging.DETACHED).build());
                attempt("verify-detached-data", () -> verifier.verify(detached, doc, null));
            }
        }

        static void attempt(String name, Runnable r) {
            try {
                r.run();
                System.out.println(name + " ok");
            } catch (KysoException e) {
                System.out.println(name + " " + e.errorCode().code() + " " + e.getMessage());
            } catch (OutOfMemoryError e) {
                System.out.println(name + " OutOfMemoryError");
            }
        }
    }
}
