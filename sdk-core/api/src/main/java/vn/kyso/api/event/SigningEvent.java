package vn.kyso.api.event;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Objects;
import vn.kyso.api.DigestAlgorithm;
import vn.kyso.api.ErrorCode;
import vn.kyso.api.SignatureAlgorithm;
import vn.kyso.api.SignatureFormat;
import vn.kyso.api.cert.CertificateInfo;

/**
 * One signing act, for audit and signature-monitoring systems: who signed which document digest, when,
 * with which certificate and algorithm, and how it ended. Never carries secrets or document content.
 */
public final class SigningEvent {
    /** How the signing act ended. */
    public enum Outcome { SUCCESS, FAILURE }

    private final Instant time;
    private final SignatureFormat format;
    private final X509Certificate certificate;
    private final DigestAlgorithm documentDigestAlgorithm;
    private final byte[] documentDigest;
    private final SignatureAlgorithm signatureAlgorithm;
    private final Outcome outcome;
    private final ErrorCode error;

    public SigningEvent(Instant time, SignatureFormat format, X509Certificate certificate,
                        DigestAlgorithm documentDigestAlgorithm, byte[] documentDigest,
                        SignatureAlgorithm signatureAlgorithm, Outcome outcome, ErrorCode error) {
        this.time = Objects.requireNonNull(time, "time");
        this.format = Objects.requireNonNull(format, "format");
        this.certificate = certificate;
        this.documentDigestAlgorithm = documentDigestAlgorithm;
        this.documentDigest = documentDigest == null ? null : documentDigest.clone();
        this.signatureAlgorithm = signatureAlgorithm;
        this.outcome = Objects.requireNonNull(outcome, "outcome");
        this.error = error;
    }

    public Instant time() { return time; }
    public SignatureFormat format() { return format; }
    /** The signer's certificate, or null if the failure happened before it was known. */
    public X509Certificate certificate() { return certificate; }
    /** The signer's information, or null. */
    public CertificateInfo signer() { return certificate == null ? null : CertificateInfo.of(certificate); }
    public DigestAlgorithm documentDigestAlgorithm() { return documentDigestAlgorithm; }
    /** The digest of the signed document, or null if it was not computed. */
    public byte[] documentDigest() { return documentDigest == null ? null : documentDigest.clone(); }
    public SignatureAlgorithm signatureAlgorithm() { return signatureAlgorithm; }
    public Outcome outcome() { return outcome; }
    /** The error for a failure, or null. */
    public ErrorCode error() { return error; }
}
