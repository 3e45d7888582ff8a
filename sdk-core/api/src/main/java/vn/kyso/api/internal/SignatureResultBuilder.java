package vn.kyso.api.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.jspecify.annotations.Nullable;
import vn.kyso.api.SignatureAlgorithm;
import vn.kyso.api.SignatureFormat;
import vn.kyso.api.SignatureLevel;
import vn.kyso.api.report.Indication;
import vn.kyso.api.report.Modification;
import vn.kyso.api.report.Party;
import vn.kyso.api.report.ReportMessage;
import vn.kyso.api.report.RevocationStatus;
import vn.kyso.api.report.SignatureResult;
import vn.kyso.api.report.SignerSummary;
import vn.kyso.api.report.SubIndication;
import vn.kyso.api.report.TimestampResult;

/**
 * Collects the fields of a {@link SignatureResult} while an engine judges a signature; {@link #build()}
 * makes the immutable result. Not meant for vendors; may change between releases. Not thread-safe.
 */
public final class SignatureResultBuilder {
    private @Nullable String id;
    private @Nullable SignatureFormat format;
    private @Nullable SignatureLevel level;
    private @Nullable Indication indication;
    private @Nullable SubIndication subIndication;
    private @Nullable SignerSummary signer;
    private @Nullable String issuer;
    private @Nullable String certificateSerial;
    private @Nullable Instant certificateNotBefore;
    private @Nullable Instant certificateNotAfter;
    private @Nullable Instant signingTime;
    private @Nullable SignatureAlgorithm signatureAlgorithm;
    private @Nullable String signatureAlgorithmName;
    private final List<TimestampResult> timestamps = new ArrayList<>();
    private boolean integrity;
    private boolean chainTrusted;
    private @Nullable RevocationStatus revocation;
    private @Nullable Boolean coversWholeDocument;
    private @Nullable Modification modificationsAfter;
    private @Nullable Party party;
    private final List<String> signedScope = new ArrayList<>();
    private final List<ReportMessage> errors = new ArrayList<>();
    private final List<ReportMessage> warnings = new ArrayList<>();

    SignatureResultBuilder() {
    }

    public SignatureResultBuilder id(String v) { id = v; return this; }
    public SignatureResultBuilder format(SignatureFormat v) { format = v; return this; }
    public SignatureResultBuilder level(@Nullable SignatureLevel v) { level = v; return this; }
    public SignatureResultBuilder indication(Indication v) { indication = v; return this; }
    public SignatureResultBuilder subIndication(@Nullable SubIndication v) { subIndication = v; return this; }
    public SignatureResultBuilder signer(@Nullable SignerSummary v) { signer = v; return this; }
    public SignatureResultBuilder issuer(@Nullable String v) { issuer = v; return this; }
    public SignatureResultBuilder certificateSerial(@Nullable String v) { certificateSerial = v; return this; }
    public SignatureResultBuilder certificateValidity(@Nullable Instant notBefore, @Nullable Instant notAfter) {
        certificateNotBefore = notBefore;
        certificateNotAfter = notAfter;
        return this;
    }
    public SignatureResultBuilder signingTime(@Nullable Instant v) { signingTime = v; return this; }

    /**
     * The signature algorithm: the constant when Kyso has one, and the readable name (the constant's
     * display name, or what the signature names, such as "RSA with SHA-1").
     */
    public SignatureResultBuilder signatureAlgorithm(@Nullable SignatureAlgorithm v, @Nullable String name) {
        signatureAlgorithm = v;
        signatureAlgorithmName = v != null ? v.displayName() : name;
        return this;
    }
    public SignatureResultBuilder addTimestamp(TimestampResult v) { timestamps.add(Args.notNull(v, "timestamp")); return this; }
    public SignatureResultBuilder integrity(boolean v) { integrity = v; return this; }
    public SignatureResultBuilder chainTrusted(boolean v) { chainTrusted = v; return this; }
    public SignatureResultBuilder revocation(@Nullable RevocationStatus v) { revocation = v; return this; }
    public SignatureResultBuilder coversWholeDocument(@Nullable Boolean v) { coversWholeDocument = v; return this; }
    public SignatureResultBuilder modificationsAfter(@Nullable Modification v) { modificationsAfter = v; return this; }
    public SignatureResultBuilder party(@Nullable Party v) { party = v; return this; }
    public SignatureResultBuilder addSignedScope(String v) { signedScope.add(Args.notNull(v, "scope")); return this; }
    public SignatureResultBuilder addError(ReportMessage v) { errors.add(Args.notNull(v, "error")); return this; }
    public SignatureResultBuilder addWarning(ReportMessage v) { warnings.add(Args.notNull(v, "warning")); return this; }

    /** The indication currently set (lets a format downgrade it before building). */
    public @Nullable Indication indication() { return indication; }

    public SignatureResult build() {
        Args.notNull(id, "id");
        Args.notNull(format, "format");
        Args.notNull(indication, "indication");
        return ReportAccess.build(this);
    }

    // Read by the report package when it builds the result.
    public @Nullable String getId() { return id; }
    public @Nullable SignatureFormat getFormat() { return format; }
    public @Nullable SignatureLevel getLevel() { return level; }
    public @Nullable Indication getIndication() { return indication; }
    public @Nullable SubIndication getSubIndication() { return subIndication; }
    public @Nullable SignerSummary getSigner() { return signer; }
    public @Nullable String getIssuer() { return issuer; }
    public @Nullable String getCertificateSerial() { return certificateSerial; }
    public @Nullable Instant getCertificateNotBefore() { return certificateNotBefore; }
    public @Nullable Instant getCertificateNotAfter() { return certificateNotAfter; }
    public @Nullable Instant getSigningTime() { return signingTime; }
    public @Nullable SignatureAlgorithm getSignatureAlgorithm() { return signatureAlgorithm; }
    public @Nullable String getSignatureAlgorithmName() { return signatureAlgorithmName; }
    public List<TimestampResult> getTimestamps() { return Collections.unmodifiableList(timestamps); }
    public boolean getIntegrity() { return integrity; }
    public boolean getChainTrusted() { return chainTrusted; }
    public @Nullable RevocationStatus getRevocation() { return revocation; }
    public @Nullable Boolean getCoversWholeDocument() { return coversWholeDocument; }
    public @Nullable Modification getModificationsAfter() { return modificationsAfter; }
    public @Nullable Party getParty() { return party; }
    public List<String> getSignedScope() { return Collections.unmodifiableList(signedScope); }
    public List<ReportMessage> getErrors() { return Collections.unmodifiableList(errors); }
    public List<ReportMessage> getWarnings() { return Collections.unmodifiableList(warnings); }
}
