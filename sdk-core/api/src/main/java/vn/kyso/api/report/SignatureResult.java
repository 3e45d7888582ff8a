package vn.kyso.api.report;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import vn.kyso.api.SignatureFormat;
import vn.kyso.api.SignatureLevel;

/**
 * The verification result of one signature. Immutable; build it with {@link #builder()}.
 * {@code coversWholeDocument} and {@code modificationsAfter} are null for formats other than PDF;
 * {@code party} is null and {@code signedScope} empty for formats that define no roles or scopes.
 */
public final class SignatureResult {
    private final String id;
    private final SignatureFormat format;
    private final SignatureLevel level;
    private final Indication indication;
    private final String subIndication;
    private final SignerSummary signer;
    private final String issuer;
    private final String certificateSerial;
    private final Instant certificateNotBefore;
    private final Instant certificateNotAfter;
    private final Instant signingTime;
    private final String signatureAlgorithm;
    private final List<TimestampResult> timestamps;
    private final boolean integrity;
    private final boolean chainTrusted;
    private final RevocationStatus revocation;
    private final Boolean coversWholeDocument;
    private final Modification modificationsAfter;
    private final String party;
    private final List<String> signedScope;
    private final List<ReportMessage> errors;
    private final List<ReportMessage> warnings;

    private SignatureResult(Builder b) {
        id = Objects.requireNonNull(b.id, "id");
        format = Objects.requireNonNull(b.format, "format");
        level = b.level == null ? SignatureLevel.NONE : b.level;
        indication = Objects.requireNonNull(b.indication, "indication");
        subIndication = b.subIndication;
        signer = b.signer;
        issuer = b.issuer;
        certificateSerial = b.certificateSerial;
        certificateNotBefore = b.certificateNotBefore;
        certificateNotAfter = b.certificateNotAfter;
        signingTime = b.signingTime;
        signatureAlgorithm = b.signatureAlgorithm;
        timestamps = Collections.unmodifiableList(new ArrayList<>(b.timestamps));
        integrity = b.integrity;
        chainTrusted = b.chainTrusted;
        revocation = b.revocation == null ? RevocationStatus.NOT_CHECKED : b.revocation;
        coversWholeDocument = b.coversWholeDocument;
        modificationsAfter = b.modificationsAfter;
        party = b.party;
        signedScope = Collections.unmodifiableList(new ArrayList<>(b.signedScope));
        errors = Collections.unmodifiableList(new ArrayList<>(b.errors));
        warnings = Collections.unmodifiableList(new ArrayList<>(b.warnings));
    }

    public static Builder builder() {
        return new Builder();
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

    /** The ETSI sub-indication (e.g. {@code HASH_FAILURE}, {@code REVOKED_NO_POE}), or null. */
    public String subIndication() {
        return subIndication;
    }

    /** The signer, or null when no signer certificate could be identified. */
    public SignerSummary signer() {
        return signer;
    }

    /** The issuer of the signer's certificate (its CN), or null. */
    public String issuer() {
        return issuer;
    }

    /** The serial number of the signer's certificate in upper-case hexadecimal, or null. */
    public String certificateSerial() {
        return certificateSerial;
    }

    /** The start of the signer's certificate validity, or null. */
    public Instant certificateNotBefore() {
        return certificateNotBefore;
    }

    /** The end of the signer's certificate validity, or null. */
    public Instant certificateNotAfter() {
        return certificateNotAfter;
    }

    /** The signing time claimed by the signer, or null. */
    public Instant signingTime() {
        return signingTime;
    }

    /** The signature algorithm, e.g. "RSASSA-PSS with SHA-256", or null. */
    public String signatureAlgorithm() {
        return signatureAlgorithm;
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
    public Boolean coversWholeDocument() {
        return coversWholeDocument;
    }

    /** PDF: what changed after this signature; null for other formats. */
    public Modification modificationsAfter() {
        return modificationsAfter;
    }

    /**
     * The signer's role in the document's profile, or null when there is none: e-invoice {@code seller},
     * {@code buyer}, {@code tax-authority}, {@code other}; e-tax {@code declarant}; edXML {@code sender}.
     */
    public String party() {
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

    /** Builder for {@link SignatureResult}. */
    public static final class Builder {
        private String id;
        private SignatureFormat format;
        private SignatureLevel level;
        private Indication indication;
        private String subIndication;
        private SignerSummary signer;
        private String issuer;
        private String certificateSerial;
        private Instant certificateNotBefore;
        private Instant certificateNotAfter;
        private Instant signingTime;
        private String signatureAlgorithm;
        private final List<TimestampResult> timestamps = new ArrayList<>();
        private boolean integrity;
        private boolean chainTrusted;
        private RevocationStatus revocation;
        private Boolean coversWholeDocument;
        private Modification modificationsAfter;
        private String party;
        private final List<String> signedScope = new ArrayList<>();
        private final List<ReportMessage> errors = new ArrayList<>();
        private final List<ReportMessage> warnings = new ArrayList<>();

        private Builder() {
        }

        public Builder id(String v) { id = v; return this; }
        public Builder format(SignatureFormat v) { format = v; return this; }
        public Builder level(SignatureLevel v) { level = v; return this; }
        public Builder indication(Indication v) { indication = v; return this; }
        public Builder subIndication(String v) { subIndication = v; return this; }
        public Builder signer(SignerSummary v) { signer = v; return this; }
        public Builder issuer(String v) { issuer = v; return this; }
        public Builder certificateSerial(String v) { certificateSerial = v; return this; }
        public Builder certificateValidity(Instant notBefore, Instant notAfter) {
            certificateNotBefore = notBefore;
            certificateNotAfter = notAfter;
            return this;
        }
        public Builder signingTime(Instant v) { signingTime = v; return this; }
        public Builder signatureAlgorithm(String v) { signatureAlgorithm = v; return this; }
        public Builder addTimestamp(TimestampResult v) { timestamps.add(v); return this; }
        public Builder integrity(boolean v) { integrity = v; return this; }
        public Builder chainTrusted(boolean v) { chainTrusted = v; return this; }
        public Builder revocation(RevocationStatus v) { revocation = v; return this; }
        public Builder coversWholeDocument(Boolean v) { coversWholeDocument = v; return this; }
        public Builder modificationsAfter(Modification v) { modificationsAfter = v; return this; }
        public Builder party(String v) { party = v; return this; }
        public Builder addSignedScope(String v) { signedScope.add(Objects.requireNonNull(v, "scope")); return this; }
        public Builder addError(ReportMessage v) { errors.add(v); return this; }
        public Builder addWarning(ReportMessage v) { warnings.add(v); return this; }

        /** The indication currently set (lets a format downgrade it before building). */
        public Indication indication() { return indication; }

        public SignatureResult build() {
            return new SignatureResult(this);
        }
    }
}
