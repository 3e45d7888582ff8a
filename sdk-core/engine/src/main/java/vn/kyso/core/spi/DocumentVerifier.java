package vn.kyso.core.spi;

import java.nio.file.Path;
import vn.kyso.api.report.VerificationReport;

/**
 * A verifier for one document format (CMS/CAdES here; PDF and XML in their own modules), discovered by
 * {@code vn.kyso.core.verify.Verifier} with {@link java.util.ServiceLoader}. Implementations need a public
 * no-argument constructor, must be thread-safe and stateless, and must obey the Verifier's contract:
 * bad input gives a {@link vn.kyso.api.KysoException} with a stable code, never another exception and
 * never a wrong VALID.
 */
public interface DocumentVerifier {
    /**
     * Whether this verifier handles the file, judging from its first bytes (up to 1024) and its name.
     * Must be cheap and must not throw.
     */
    boolean accepts(byte[] head, String fileName);

    /**
     * Verifies every signature in {@code file}.
     *
     * @param detachedData the signed data of a detached signature, or null
     */
    VerificationReport verify(Path file, Path detachedData, ValidationContext ctx);
}
