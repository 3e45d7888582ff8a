package vn.kyso.core.spi;

import org.jspecify.annotations.Nullable;
import vn.kyso.api.io.Document;
import vn.kyso.api.report.Profile;
import vn.kyso.api.report.VerificationReport;

/**
 * A verifier for one document format (CMS/CAdES here; PDF and XML in their own modules), discovered by
 * {@code vn.kyso.core.verify.Verifier} with {@link java.util.ServiceLoader}. Implementations need a public
 * no-argument constructor, must be thread-safe and stateless, and must obey the Verifier's contract:
 * bad input gives a {@link vn.kyso.api.KysoException} with a stable code, never another exception and
 * never a wrong VALID. They judge signatures with the {@link ValidationContext} they are given (the
 * Verifier's trust, clock and revocation cache), never with one of their own.
 */
public interface DocumentVerifier {
    /**
     * {@return whether this verifier handles the document, judging from its first bytes (up to 1024) and its
     * name} Must be cheap and must not throw.
     *
     * @param head the first bytes of the document
     * @param fileName its name, or a placeholder for bytes
     */
    boolean accepts(byte[] head, String fileName);

    /**
     * Verifies every signature in {@code document}.
     *
     * @param document the signed document or detached signature
     * @param ctx the calling Verifier's trust, revocation and clock
     * @return the report
     * @param detachedData the signed data of a detached signature, or null
     * @param profile the profile the caller forces, or null to detect it from the document; a verifier
     *                for a format without profiles refuses any other value than null or {@link Profile#NONE}
     *                with {@code INVALID_ARGUMENT}
     */
    VerificationReport verify(Document document, @Nullable Document detachedData, @Nullable Profile profile,
                              ValidationContext ctx);
}
