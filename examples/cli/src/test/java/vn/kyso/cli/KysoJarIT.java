package vn.kyso.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packaged {@code kyso.jar}, run in its own JVM exactly as the README says. */
class KysoJarIT {

    private static String demo(Path out, boolean withoutTools) throws Exception {
        Path jar = Path.of("target", "kyso.jar");
        assertTrue(Files.isRegularFile(jar), "kyso.jar was not built");
        Path log = out.resolve("demo.log");
        ProcessBuilder pb = new ProcessBuilder(System.getProperty("java.home") + File.separator + "bin" + File.separator + "java",
                "-jar", jar.toString(), "demo", "--lang", "en", "--out", out.resolve("demo").toString())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        if (withoutTools) {
            pb.environment().put("PATH", ""); // as on a machine without softhsm2-util and pkcs11-tool
        }
        Process p = pb.start();
        assertTrue(p.waitFor(5, TimeUnit.MINUTES), "demo did not finish");
        String text = new String(Files.readAllBytes(log), StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), text);
        assertTrue(text.contains("Every step ended as expected."), text);
        assertTrue(text.contains("Nguyễn Văn An"), text);
        return text;
    }

    @Test
    void demoRunsFromThePackagedJar(@TempDir Path out) throws Exception {
        String text = demo(out, false);
        if (DemoToken.missing() == null) {
            assertTrue(text.contains("USB token step: SOFTHSM2_CONF="), text);
            assertTrue(text.contains("| USB token SoftHSM2 (PKCS#11) "), text);
        }
    }

    @Test
    void withoutSoftHsmToolsTheDemoSaysItUsesPkcs12(@TempDir Path out) throws Exception {
        String text = demo(out, true);
        assertTrue(text.contains("softhsm2-util, pkcs11-tool not installed: the USB token step (SoftHSM2) uses the PKCS#12 file instead."), text);
        assertTrue(text.contains("| PKCS#12 (instead of a USB token) "), text);
        assertFalse(text.contains("USB token step: SOFTHSM2_CONF="), text);
    }
}
