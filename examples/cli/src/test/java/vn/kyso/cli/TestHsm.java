package vn.kyso.cli;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import vn.kyso.testkit.SoftHsm2;

/**
 * This test JVM's SoftHSM2, at the path surefire puts in SOFTHSM2_CONF. The configuration must exist
 * before anything in the JVM loads the driver (even {@code kyso token list} does), so every test that may
 * load it calls {@link #prepare()} first.
 */
final class TestHsm {
    private static SoftHsm2 hsm;

    private TestHsm() {
    }

    /** Writes the configuration once per JVM if SoftHSM2 is installed and SOFTHSM2_CONF set; otherwise nothing. */
    static synchronized void prepare() {
        String conf = System.getenv(SoftHsm2.ENV);
        if (hsm == null && conf != null && SoftHsm2.findModule().isPresent()) {
            hsm = SoftHsm2.create(Path.of(conf));
        }
    }

    /** The SoftHSM2 to make tokens in; skips the test when SoftHSM2 or its tools are missing. */
    static synchronized SoftHsm2 get() {
        assumeTrue(SoftHsm2.findModule().isPresent(), "SoftHSM2 is not installed");
        assumeTrue(SoftHsm2.missingTools().isEmpty(), "not installed: " + SoftHsm2.missingTools());
        assumeTrue(System.getenv(SoftHsm2.ENV) != null, "SOFTHSM2_CONF is not set: run the tests through Maven");
        prepare();
        return hsm;
    }

    /** The driver library. */
    static Path module() {
        return SoftHsm2.findModule().orElseThrow();
    }
}
