package vn.kyso.api.report;

import org.jspecify.annotations.Nullable;
import vn.kyso.api.cert.SubjectKind;

/** Who signed, as the report shows it. Fields may be null where the certificate has no such value.
 * Immutable. */
public final class SignerSummary {
    private final @Nullable String commonName;
    private final @Nullable String organization;
    private final @Nullable String organizationalUnit;
    private final @Nullable String province;
    private final @Nullable String taxCode;
    private final @Nullable String personalId;
    private final @Nullable SubjectKind kind;

    SignerSummary(@Nullable String commonName, @Nullable String organization, @Nullable String organizationalUnit, @Nullable String province,
                         @Nullable String taxCode, @Nullable String personalId, @Nullable SubjectKind kind) {
        this.commonName = commonName;
        this.organization = organization;
        this.organizationalUnit = organizationalUnit;
        this.province = province;
        this.taxCode = taxCode;
        this.personalId = personalId;
        this.kind = kind;
    }

    /**
     * {@return the signer's name (CN), or null}
     */
    public @Nullable String commonName() {
        return commonName;
    }

    /**
     * {@return the organisation (O), or null}
     */
    public @Nullable String organization() {
        return organization;
    }

    /**
     * {@return the unit (OU), or null}
     */
    public @Nullable String organizationalUnit() {
        return organizationalUnit;
    }

    /**
     * {@return the province or city (ST), or null}
     */
    public @Nullable String province() {
        return province;
    }

    /**
     * {@return the tax code (MST), or null}
     */
    public @Nullable String taxCode() {
        return taxCode;
    }

    /**
     * {@return the personal identifier (e.g. {@code CCCD:...}), or null}
     */
    public @Nullable String personalId() {
        return personalId;
    }

    /**
     * {@return whether the signer is a person or an organisation, or null}
     */
    public @Nullable SubjectKind kind() {
        return kind;
    }
}
