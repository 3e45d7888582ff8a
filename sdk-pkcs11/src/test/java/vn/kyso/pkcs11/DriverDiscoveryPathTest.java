package vn.kyso.pkcs11;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DriverDiscoveryPathTest {

    @Test
    void honoursTheSystemProperty(@TempDir Path dir) throws Exception {
        Path inDir = Files.createDirectories(dir.resolve("drivers"));
        Files.write(inDir.resolve("libsofthsm2.so"), new byte[] {1});
        Path file = Files.write(dir.resolve("vendor-hsm.so"), new byte[] {1});
        String before = System.getProperty(DriverDiscovery.PROPERTY);
        System.setProperty(DriverDiscovery.PROPERTY, inDir + File.pathSeparator + file);
        try {
            List<DriverDiscovery.Driver> found = DriverDiscovery.find();
            assertTrue(found.stream().anyMatch(d -> d.path().equals(inDir.resolve("libsofthsm2.so").toAbsolutePath())
                    && d.vendor().startsWith("SoftHSM2")), found::toString);
            DriverDiscovery.Driver configured = found.stream().filter(d -> d.path().equals(file.toAbsolutePath()))
                    .findFirst().orElseThrow(() -> new AssertionError(found));
            assertEquals("vendor-hsm.so", configured.name());
            assertEquals("configured", configured.vendor());
        } finally {
            if (before == null) {
                System.clearProperty(DriverDiscovery.PROPERTY);
            } else {
                System.setProperty(DriverDiscovery.PROPERTY, before);
            }
        }
    }

    @Test
    void theFoundSoftHsmDriverLoads() {
        SoftHsm.setUp();
        DriverDiscovery.Driver d = DriverDiscovery.find().stream().filter(x -> x.name().equals("libsofthsm2.so"))
                .findFirst().orElseThrow();
        assertEquals(SoftHsm.module(), Pkcs11Module.load(d.path()));
    }
}
