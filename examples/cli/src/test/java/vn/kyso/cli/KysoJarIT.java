package vn.kyso.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
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

    @Test
    void demoRunsFromThePackagedJar(@TempDir Path out) throws Exception {
        Path jar = Path.of("target", "kyso.jar");
        assertTrue(Files.isRegularFile(jar), "kyso.jar was not built");
        Path log = out.resolve("demo.log");
        Process p = new ProcessBuilder(System.getProperty("java.home") + File.separator + "bin" + File.separator + "java",
                "-jar", jar.toString(), "demo", "--lang", "en", "--out", out.resolve("demo").toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        assertTrue(p.waitFor(5, TimeUnit.MINUTES), "demo did not finish");
        String text = new String(Files.readAllBytes(log), StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), text);
        assertTrue(text.contains("Every step ended as expected."), text);
        assertTrue(text.contains("Nguyễn Văn An"), text);
    }
}
