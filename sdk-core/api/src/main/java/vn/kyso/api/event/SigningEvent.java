package vn.kyso.api.event;

import java.security.cert.X509Certificate;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import vn.kyso.api.DigestAlgorithm;
import vn.kyso.api.ErrorCode;
import vn.kyso.api.SignatureAlgorithm;
import vn.kyso.api.SignatureFormat;
import vn.kyso.api.cert.CertificateInfo;
import vn.kyso.api.internal.Args;

/**
 * One signing act, for audit and signature-monitoring systems: who signed which document digest, when,
 * with which certificate and algorithm, and how it ended. Never carries secrets or document content.
 */
public final class SigningEvent {
    /** How the signing act ended. */
    public enum Outcome {
        /** The signature was made. */
        SUCCESS,
        /** The signing failed; {@code error()} says why. */
        FAILURE
    }

    private final Instant time;
    private final SignatureFormat format;
    private final @Nullable X509Certificate certificate;
    private final @Nullable DigestAlgorithm documentDigestAlgorithm;
    private final byte @Nullable [] documentDigest;
    private final @Nullable SignatureAlgorithm signatureAlgorithm;
    private final Outcome outcome;
    private final @Nullable ErrorCode error;

    /**
     * An event, as a signer reports it.
     *
     * @param time when the act ended
     * @param format the signature format
     * @param certificate the signer's certificate, or null if the failure came before it was known
     * @param documentDigestAlgorithm the algorithm of {@code documentDigest}, or null
     * @param documentDigest the digest of the signed document (copied), or null
     * @param signatureAlgorithm the signature algorithm, or null if not chosen yet
     * @param outcome how the act ended
     * @param error the error of a failure, or null
     */
    public SigningEvent(Instant time, SignatureFormat format, @Nullable X509Certificate certificate,
                        @Nullable DigestAlgorithm documentDigestAlgorithm, byte @Nullable [] documentDigest,
                        @Nullable SignatureAlgorithm signatureAlgorithm, Outcome outcome,
                        @Nullable ErrorCode error) {
        this.time = Args.notNull(time, "time");
        this.format = Args.notNull(format, "format");
        this.certificate = certificate;
        this.documentDigestAlgorithm = documentDigestAlgorithm;
        this.documentDigest = documentDigest == null ? null : documentDigest.clone();
        this.signatureAlgorithm = signatureAlgorithm;
        this.outcome = Args.notNull(outcome, "outcome");
        this.error = error;
    }

    /** {@return when the act ended} */
    public Instant time() { return time; }
    /** {@return the signature format} */
    public SignatureFormat format() { return format; }
    /** {@return the signer's certificate, or null if the failure happened before it was known} */
    public @Nullable X509Certificate certificate() { return certificate; }
    /** {@return the signer's information, or null} */
    public @Nullable CertificateInfo signer() { return certificate == null ? null : CertificateInfo.of(certificate); }
    /** {@return the algorithm of the document digest, or null} */
    public @Nullable DigestAlgorithm documentDigestAlgorithm() { return documentDigestAlgorithm; }
    /** {@return the digest of the signed document, or null if it was not computed} */
    public byte @Nullable [] documentDigest() { return documentDigest == null ? null : documentDigest.clone(); }
    /** {@return the signature algorithm, or null if it was not chosen yet} */
    public @Nullable SignatureAlgorithm signatureAlgorithm() { return signatureAlgorithm; }
    /** {@return how the act ended} */
    public Outcome outcome() { return outcome; }
    /** {@return the error for a failure, or null} */
    public @Nullable ErrorCode error() { return error; }
}
