package vn.kyso.pdf;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import vn.kyso.core.verify.Verifier;
import vn.kyso.testkit.Sandbox;

/**
 * A test class that signs and verifies on one sandbox (PKI, TSA, OCSP, CRL on loopback) started for
 * the class: a signer with its root as trust anchor, its TSA and a state key, and a verifier.
 */
abstract class SandboxPdfTest {
    static Sandbox sandbox;
    static PdfSigner signer;
    static Verifier verifier;
    @TempDir
    static Path dir;

    @BeforeAll
    static void startSandbox() {
        sandbox = Sandbox.start();
        signer = PdfTestDocuments.signer(sandbox);
        verifier = PdfTestDocuments.verifier(sandbox);
    }

    @AfterAll
    static void stopSandbox() {
        sandbox.close();
    }
}
