package vn.kyso.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.kyso.testkit.Sandbox;

/**
 * The acceptance test: a batch of 200 files interrupted (the process killed) and re-run produces
 * 200 valid outputs and no partial file.
 */
class BatchKillTest {
    static final int FILES = 200;

    @Test
    void aBatchKilledAndRunAgainEndsWithEveryOutputValidAndNothingElse(@TempDir Path dir) throws Exception {
        assumeTrue(Tools.installed("openssl"), "openssl not installed");
        Path in = Files.createDirectories(dir.resolve("in"));
        Path out = dir.resolve("out");
        Set<String> expected = new TreeSet<>();
        for (int i = 0; i < FILES; i++) {
            String name = String.format("cong-van-%03d.txt", i);
            Files.writeString(in.resolve(name), "Công văn số " + i + "/UBND-VP về việc ký số hàng loạt\n", StandardCharsets.UTF_8);
            expected.add(name + ".p7s");
        }
        Sandbox.create(dir.resolve("sandbox"), 0); // keys and certificates only: B-B needs no server
        Path p12 = dir.resolve("sandbox/person1.p12");
        List<String> args = List.of("batch", "sign", "cms", "--lang", "en", "--in-dir", in.toString(), "--out-dir", out.toString(),
                "--p12", p12.toString(), "--password-env", "KYSO_TEST_PASSWORD");

        ProcessBuilder pb = Tools.kysoProcess(dir.resolve("killed.log"), args);
        pb.environment().put("KYSO_TEST_PASSWORD", Sandbox.PASSWORD);
        // Kill the child once it has written 10 outputs: woken by the file system's events, not by a timer.
        Files.createDirectories(out);
        Process child;
        try (java.nio.file.WatchService watch = out.getFileSystem().newWatchService()) {
            out.register(watch, java.nio.file.StandardWatchEventKinds.ENTRY_CREATE);
            child = pb.start();
            int before = 0;
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
            while (child.isAlive() && before < 10 && System.nanoTime() < deadline) {
                java.nio.file.WatchKey key = watch.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
                if (key != null) {
                    key.pollEvents();
                    key.reset();
                }
                before = (int) Tools.names(out).stream().filter(n -> n.endsWith(".p7s")).count();
            }
            child.destroyForcibly();
        }
        assertTrue(child.waitFor(1, TimeUnit.MINUTES));
        String log = Files.readString(dir.resolve("killed.log"));
        int done = (int) Tools.names(out).stream().filter(n -> n.endsWith(".p7s")).count();
        assertTrue(done >= 10 && done < FILES, "the first run must be killed half-way: " + done + " outputs\n" + log);
        assertTrue(log.startsWith("Signing 200 files"), log);

        CliTest.Run again = CliTest.kyso("batch", "sign", "cms", "--lang", "en", "--in-dir", in.toString(),
                "--out-dir", out.toString(), "--p12", p12.toString(), "--password", Sandbox.PASSWORD);
        assertEquals(0, again.code, again.out + again.err);
        assertTrue(again.out.startsWith("Signed: " + (FILES - done) + ", skipped (already done): " + done + ", failed: 0"), again.out);
        assertTrue(again.err.contains("200/200 (signed " + (FILES - done) + ", skipped " + done + ", failed 0)"), again.err);

        assertEquals(expected, Tools.names(out), "exactly the 200 outputs: no partial or temporary file, no work directory");
        Path root = dir.resolve("sandbox/root.pem");
        for (String name : expected) {
            Path sig = out.resolve(name);
            Tools.Result r = Tools.opensslVerify(sig, in.resolve(name.substring(0, name.length() - 4)), root);
            assertEquals(0, r.exit, name + ": " + r);
            assertTrue(r.output.contains("Verification successful"), name + ": " + r);
        }
    }
}
