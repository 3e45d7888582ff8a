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

    public String id() {
        return id;
    }

    public SignatureFormat format() {
        return format;
    }

    public SignatureLevel level() {
        return level;
    }

    public Indication indication() {
        return indication;
    }

    /** The ETSI EN 319 102-1 sub-indication (e.g. {@code HASH_FAILURE}, {@code REVOKED_NO_POE}), or null. */
    public @Nullable SubIndication subIndication() {
        return subIndication;
    }

    /** The signer, or null when no signer certificate could be identified. */
    public @Nullable SignerSummary signer() {
        return signer;
    }

    /** The issuer of the signer's certificate (its CN), or null. */
    public @Nullable String issuer() {
        return issuer;
    }

    /** The serial number of the signer's certificate in upper-case hexadecimal, or null. */
    public @Nullable String certificateSerial() {
        return certificateSerial;
    }

    /** The start of the signer's certificate validity, or null. */
    public @Nullable Instant certificateNotBefore() {
        return certificateNotBefore;
    }

    /** The end of the signer's certificate validity, or null. */
    public @Nullable Instant certificateNotAfter() {
        return certificateNotAfter;
    }

    /** The signing time claimed by the signer, or null. */
    public @Nullable Instant signingTime() {
        return signingTime;
    }

    /**
     * The signature algorithm, or null when it is unknown or Kyso has no constant for it (such as RSA with
     * SHA-1 on old invoices: {@link #signatureAlgorithmName()} still names it).
     */
    public @Nullable SignatureAlgorithm signatureAlgorithm() {
        return signatureAlgorithm;
    }

    /**
     * The signature algorithm's readable name, e.g. "RSASSA-PSS with SHA-256" or "RSA with SHA-1", or null
     * when the signature names none.
     */
    public @Nullable String signatureAlgorithmName() {
        return signatureAlgorithmName;
    }

    public List<TimestampResult> timestamps() {
        return timestamps;
    }

    /** Whether the signed data is unchanged and the signature value matches it. */
    public boolean integrity() {
        return integrity;
    }

    /** Whether the signer's certificate chains to a trust anchor. */
    public boolean chainTrusted() {
        return chainTrusted;
    }

    public RevocationStatus revocation() {
        return revocation;
    }

    /** PDF: whether the signed byte range covers the whole file; null for other formats. */
    public @Nullable Boolean coversWholeDocument() {
        return coversWholeDocument;
    }

    /** PDF: what changed after this signature; null for other formats. */
    public @Nullable Modification modificationsAfter() {
        return modificationsAfter;
    }

    /**
     * The signer's role in the document's profile, or null when there is none: e-invoice seller, buyer,
     * tax authority, other; e-tax declarant; edXML sender.
     */
    public @Nullable Party party() {
        return party;
    }

    /**
     * XML: the paths of the elements the signature covers, such as {@code /HDon[1]/DLHDon[1]} ({@code /} for
     * the whole document, {@code file:NAME} for detached data); empty for other formats.
     */
    public List<String> signedScope() {
        return signedScope;
    }

    public List<ReportMessage> errors() {
        return errors;
    }

    public List<ReportMessage> warnings() {
        return warnings;
    }
}
