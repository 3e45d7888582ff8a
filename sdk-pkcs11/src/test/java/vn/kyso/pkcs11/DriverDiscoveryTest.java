package vn.kyso.pkcs11;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DriverDiscoveryTest {

    @Test
    void findsSoftHsmInstalledByTheCiScript() {
        assumeTrue(DriverDiscovery.osName().equals("linux"), "SoftHSM2 is installed by .ci/run on Debian only");
        List<DriverDiscovery.Driver> drivers = DriverDiscovery.find();
        assertTrue(drivers.stream().anyMatch(d -> d.name().equals("libsofthsm2.so")
                && d.vendor().startsWith("SoftHSM2") && Files.isRegularFile(d.path())), drivers::toString);
    }

    @Test
    void findsVietnameseWindowsDriversByNameAndConfiguredPaths(@TempDir Path dir) throws Exception {
        Path system32 = Files.createDirectories(dir.resolve("System32"));
        Files.write(system32.resolve("vnptca_p11_v8.dll"), new byte[] {1});
        Files.write(system32.resolve("VIETTEL-CA_V6.DLL"), new byte[] {1});
        Files.write(system32.resolve("kernel32.dll"), new byte[] {1});
        Path custom = Files.write(dir.resolve("my-hsm.dll"), new byte[] {1});
        List<DriverDiscovery.Driver> drivers = DriverDiscovery.find("windows", List.of(system32, dir.resolve("missing")),
                List.of(custom.toString(), dir.resolve("nothing-here").toString()));
        assertEquals(3, drivers.size(), drivers::toString);
        assertEquals("configured", drivers.get(0).vendor());
        assertTrue(drivers.stream().anyMatch(d -> d.vendor().equals("VNPT-CA")), drivers::toString);
        assertTrue(drivers.stream().anyMatch(d -> d.vendor().equals("Viettel-CA")), drivers::toString);
    }

    @Test
    void aDriverLinkedIntoSeveralDirectoriesIsFoundOnce(@TempDir Path dir) throws Exception {
        Path lib = Files.createDirectories(dir.resolve("x86_64-linux-gnu/softhsm"));
        Path real = Files.write(lib.resolve("libsofthsm2.so"), new byte[] {1});
        Path other = Files.createDirectories(dir.resolve("softhsm"));
        Files.createSymbolicLink(other.resolve("libsofthsm2.so"), real);
        Path another = Files.write(Files.createDirectories(dir.resolve("elsewhere")).resolve("libsofthsm2.so"), new byte[] {1});
        List<DriverDiscovery.Driver> drivers = DriverDiscovery.find("linux", List.of(other, lib, another.getParent()),
                List.of(real.toString()));
        assertEquals(2, drivers.size(), drivers::toString);
        assertEquals(real.toAbsolutePath(), drivers.get(0).path());
        assertEquals(another.toAbsolutePath(), drivers.get(1).path());
    }

    @Test
    void linuxNamesAreCaseSensitive(@TempDir Path dir) throws Exception {
        Files.write(dir.resolve("LIBSOFTHSM2.SO"), new byte[] {1});
        assertTrue(DriverDiscovery.find("linux", List.of(dir), List.of()).isEmpty());
    }
}
