package vn.kyso.api.report;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import vn.kyso.api.SignatureAlgorithm;
import vn.kyso.api.SignatureFormat;
import vn.kyso.api.SignatureLevel;
import vn.kyso.api.internal.SignatureResultBuilder;

/**
 * The verification result of one signature. Immutable; only the SDK's verifiers create it.
 * {@code coversWholeDocument} and {@code modificationsAfter} are null for formats other than PDF;
 * {@code party} is null and {@code signedScope} empty for formats that define no roles or scopes.
 */
public final class SignatureResult {
    private final String id;
    private final SignatureFormat format;
    private final SignatureLevel level;
    private final Indication indication;
    private final @Nullable SubIndication subIndication;
    private final @Nullable SignerSummary signer;
    private final @Nullable String issuer;
    private final @Nullable String certificateSerial;
    private final @Nullable Instant certificateNotBefore;
    private final @Nullable Instant certificateNotAfter;
    private final @Nullable Instant signingTime;
    private final @Nullable SignatureAlgorithm signatureAlgorithm;
    private final @Nullable String signatureAlgorithmName;
    private final List<TimestampResult> timestamps;
    private final boolean integrity;
    private final boolean chainTrusted;
    private final RevocationStatus revocation;
    private final @Nullable Boolean coversWholeDocument;
    private final @Nullable Modification modificationsAfter;
    private final @Nullable Party party;
    private final List<String> signedScope;
    private final List<ReportMessage> errors;
    private final List<ReportMessage> warnings;

    SignatureResult(SignatureResultBuilder b) {
        id = Objects.requireNonNull(b.getId(), "id");
        format = Objects.requireNonNull(b.getFormat(), "format");
        level = b.getLevel() == null ? SignatureLevel.NONE : b.getLevel();
        indication = Objects.requireNonNull(b.getIndication(), "indication");
        subIndication = b.getSubIndication();
        signer = b.getSigner();
        issuer = b.getIssuer();
        certificateSerial = b.getCertificateSerial();
        certificateNotBefore = b.getCertificateNotBefore();
        certificateNotAfter = b.getCertificateNotAfter();
        signingTime = b.getSigningTime();
        signatureAlgorithm = b.getSignatureAlgorithm();
        signatureAlgorithmName = b.getSignatureAlgorithmName();
        timestamps = Collections.unmodifiableList(new ArrayList<>(b.getTimestamps()));
        integrity = b.getIntegrity();
        chainTrusted = b.getChainTrusted();
        revocation = b.getRevocation() == null ? RevocationStatus.NOT_CHECKED : b.getRevocation();
        coversWholeDocument = b.getCoversWholeDocument();
        modificationsAfter = b.getModificationsAfter();
        party = b.getParty();
        signedScope = Collections.unmodifiableList(new ArrayList<>(b.getSignedScope()));
        errors = Collections.unmodifiableList(new ArrayList<>(b.getErrors()));
        warnings = Collections.unmodifiableList(new ArrayList<>(b.getWarnings()));
    }

    /**
     * {@return the signature's id in the document}
     */
    public String id() {
        return id;
    }

    /**
     * {@return the signature's format}
     */
    public SignatureFormat format() {
        return format;
    }

    /**
     * {@return the level the signature reaches}
     */
    public SignatureLevel level() {
        return level;
    }

    /**
     * {@return the ETSI indication}
     */
    public Indication indication() {
        return indication;
    }

    /** {@return the ETSI EN 319 102-1 sub-indication (e.g. {@code HASH_FAILURE}, {@code REVOKED_NO_POE}), or null} */
    public @Nullable SubIndication subIndication() {
        return subIndication;
    }

    /** {@return the signer, or null when no signer certificate could be identified} */
    public @Nullable SignerSummary signer() {
        return signer;
    }

    /** {@return the issuer of the signer's certificate (its CN), or null} */
    public @Nullable String issuer() {
        return issuer;
    }

    /** {@return the serial number of the signer's certificate in upper-case hexadecimal, or null} */
    public @Nullable String certificateSerial() {
        return certificateSerial;
    }

    /** {@return the start of the signer's certificate validity, or null} */
    public @Nullable Instant certificateNotBefore() {
        return certificateNotBefore;
    }

    /** {@return the end of the signer's certificate validity, or null} */
    public @Nullable Instant certificateNotAfter() {
        return certificateNotAfter;
    }

    /** {@return the signing time claimed by the signer, or null} */
    public @Nullable Instant signingTime() {
        return signingTime;
    }

    /**
     * {@return the signature algorithm, or null when it is unknown or Kyso has no constant for it (such as
     * RSA with
     * SHA-1 on old invoices: {@link #signatureAlgorithmName()} still names it)}
     */
    public @Nullable SignatureAlgorithm signatureAlgorithm() {
        return signatureAlgorithm;
    }

    /**
     * {@return the signature algorithm's readable name, e.g. "RSASSA-PSS with SHA-256" or "RSA with SHA-1",
     * or null
     * when the signature names none}
     */
    public @Nullable String signatureAlgorithmName() {
        return signatureAlgorithmName;
    }

    /**
     * {@return the signature's time-stamps, oldest first}
     */
    public List<TimestampResult> timestamps() {
        return timestamps;
    }

    /** {@return whether the signed data is unchanged and the signature value matches it} */
    public boolean integrity() {
        return integrity;
    }

    /** {@return whether the signer's certificate chains to a trust anchor} */
    public boolean chainTrusted() {
        return chainTrusted;
    }

    /**
     * {@return the revocation status of the signing certificate}
     */
    public RevocationStatus revocation() {
        return revocation;
    }

    /** {@return PDF: whether the signed byte range covers the whole file; null for other formats} */
    public @Nullable Boolean coversWholeDocument() {
        return coversWholeDocument;
    }

    /** {@return PDF: what changed after this signature; null for other formats} */
    public @Nullable Modification modificationsAfter() {
        return modificationsAfter;
    }

    /**
     * {@return the signer's role in the document's profile, or null when there is none: e-invoice seller,
     * buyer,
     * tax authority, other; e-tax declarant; edXML sender}
     */
    public @Nullable Party party() {
        return party;
    }

    /**
     * {@return XML: the paths of the elements the signature covers, such as {@code /HDon[1]/DLHDon[1]}
     * ({@code /} for
     * the whole document, {@code file:NAME} for detached data); empty for other formats}
     */
    public List<String> signedScope() {
        return signedScope;
    }

    /**
     * {@return what makes the signature fail, if anything}
     */
    public List<ReportMessage> errors() {
        return errors;
    }

    /**
     * {@return what the verifier noticed without failing the signature}
     */
    public List<ReportMessage> warnings() {
        return warnings;
    }
}
