package vn.kyso.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SoftHsm2 drives the real softhsm2-util and pkcs11-tool (child processes: this JVM never loads the driver). */
class SoftHsm2Test {

    @Test
    void makesATokenHoldingAnIdentityAndWipesItWhenCreatedAgain(@TempDir Path dir) throws Exception {
        assumeTrue(SoftHsm2.findModule().isPresent(), "SoftHSM2 is not installed");
        assumeTrue(SoftHsm2.missingTools().isEmpty(), "missing: " + SoftHsm2.missingTools());
        Sandbox pki = Sandbox.create(dir.resolve("pki"), 0);
        SoftHsm2 hsm = SoftHsm2.create(dir.resolve("hsm/softhsm2.conf"));
        assertEquals(dir.resolve("hsm/tokens"), hsm.tokenDirectory());
        assertEquals(hsm.configuration().toString(), hsm.environment().get(SoftHsm2.ENV));
        hsm.initToken("kiem-thu");
        hsm.importIdentity("kiem-thu", pki.person3(), "03");

        String slots = hsm.run("softhsm2-util", "--show-slots");
        assertTrue(slots.contains("kiem-thu"), slots);
        String objects = hsm.run("pkcs11-tool", "--module", SoftHsm2.findModule().get().toString(), "--login",
                "--pin", SoftHsm2.PIN, "--token-label", "kiem-thu", "--list-objects");
        assertTrue(objects.contains("Private Key Object; EC"), objects);
        assertEquals(3, objects.split("Certificate Object").length - 1, "leaf and two CA certificates: " + objects);
        assertTrue(objects.contains("ID:         03"), objects);
        try (Stream<Path> left = Files.list(dir.resolve("hsm"))) {
            assertEquals(2, left.count(), "configuration and tokens only: the key file is gone");
        }

        SoftHsm2 again = SoftHsm2.create(hsm.configuration());
        assertFalse(again.run("softhsm2-util", "--show-slots").contains("kiem-thu"), "the earlier token is deleted");
    }

    @Test
    void refusesToWipeAnInstallationItDidNotMake(@TempDir Path dir) throws Exception {
        Path foreign = Files.writeString(Files.createDirectories(dir.resolve("etc")).resolve("softhsm2.conf"),
                "directories.tokendir = /var/lib/softhsm/tokens/\n");
        assertThrows(IllegalStateException.class, () -> SoftHsm2.create(foreign));
        Path lib = Files.createDirectories(dir.resolve("lib/tokens/0f3e"));
        assertThrows(IllegalStateException.class, () -> SoftHsm2.create(dir.resolve("lib/softhsm2.conf")));
        assertTrue(Files.isDirectory(lib), "nothing deleted");
        assertTrue(Files.readString(foreign).startsWith("directories.tokendir = /var/lib"));
    }
}
