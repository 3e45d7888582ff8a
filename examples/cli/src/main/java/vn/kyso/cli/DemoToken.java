package vn.kyso.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import vn.kyso.api.ErrorCode;
import vn.kyso.api.KysoException;
import vn.kyso.testkit.Identity;
import vn.kyso.testkit.SoftHsm2;

/**
 * The demo's USB-token step: a throw-away SoftHSM2 token in the demo directory, with its own
 * {@code softhsm2.conf}, holding a sandbox key and chain, and one document signed through it with the real
 * command {@code kyso sign cms --pkcs11 ...}.
 *
 * <p>That command runs in a child JVM: SoftHSM2 reads {@code SOFTHSM2_CONF} from the process environment
 * when the driver is loaded, a JVM cannot change its own environment, and this JVM may already have loaded
 * the driver with another configuration. The child gets the variable, and the PIN through
 * {@code --pin-env}; the token is deleted afterwards.
 */
final class DemoToken {
    static final String LABEL = "kyso-demo";
    private static final String PIN_ENV = "KYSO_DEMO_PIN";

    private DemoToken() {
    }

    /** What is missing for the token step (the SoftHSM2 driver or its tools), or null when it can run. */
    static String missing() {
        if (SoftHsm2.findModule().isEmpty()) {
            return "libsofthsm2.so";
        }
        List<String> tools = SoftHsm2.missingTools();
        return tools.isEmpty() ? null : String.join(", ", tools);
    }

    /**
     * Makes the token under {@code dir/softhsm2}, imports {@code who} under CKA_ID 01 and signs {@code doc}
     * into {@code signature} at B-T with a child {@code kyso}.
     *
     * @return the command line run (with the PIN variable's name, never its value)
     * @throws KysoException {@code SIGNING_FAILED} with the child's last line if the token or the signature fails
     */
    static String sign(Path dir, Identity who, Path doc, Path signature, String tsaUrl) {
        Path module = SoftHsm2.findModule().orElseThrow();
        List<String> args = List.of("sign", "cms", "--in", doc.toString(), "--out", signature.toString(),
                "--level", "B-T", "--tsa", tsaUrl, "--pkcs11", module.toString(), "--token-label", LABEL,
                "--pin-env", PIN_ENV);
        SoftHsm2 hsm = null;
        try {
            hsm = SoftHsm2.create(dir.resolve("softhsm2").resolve("softhsm2.conf"));
            hsm.initToken(LABEL);
            hsm.importIdentity(LABEL, who, "01");
            List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), KysoCli.class.getName()));
            cmd.addAll(args);
            Path log = hsm.configuration().resolveSibling("kyso-sign.log");
            ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
            pb.environment().putAll(hsm.environment());
            pb.environment().put(PIN_ENV, SoftHsm2.PIN);
            Process p = pb.start();
            if (!p.waitFor(2, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                throw KysoException.localized(ErrorCode.SIGNING_FAILED, null, "kyso sign cms --pkcs11: quá 2 phút",
                        "kyso sign cms --pkcs11: timed out");
            }
            String output = Files.readString(log, StandardCharsets.UTF_8).trim();
            if (p.exitValue() != 0 || !Files.isRegularFile(signature)) {
                String[] lines = output.split("\\R");
                throw new KysoException(ErrorCode.SIGNING_FAILED, "kyso sign cms --pkcs11: " + lines[lines.length - 1]);
            }
            return "SOFTHSM2_CONF=" + hsm.configuration() + " kyso " + String.join(" ", args);
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            throw KysoException.localized(ErrorCode.SIGNING_FAILED, e, "SoftHSM2: " + e.getClass().getSimpleName()
                    + " (chạy lại với --debug để xem chi tiết)", "SoftHSM2: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw KysoException.localized(ErrorCode.SIGNING_FAILED, e, "bị ngắt", "interrupted");
        } finally {
            if (hsm != null) {
                try {
                    hsm.deleteToken(LABEL);
                } catch (RuntimeException ignored) {
                    // never made, or already gone: the demo directory holds nothing else of it
                }
            }
        }
    }
}
