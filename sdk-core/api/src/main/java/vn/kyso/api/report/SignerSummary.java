package vn.kyso.api.report;

import vn.kyso.api.cert.CertificateInfo;
import vn.kyso.api.cert.SubjectKind;

/** Who signed, as the report shows it. Fields may be null where the certificate has no such value. */
public final class SignerSummary {
    private final String commonName;
    private final String organization;
    private final String organizationalUnit;
    private final String province;
    private final String taxCode;
    private final String personalId;
    private final SubjectKind kind;

    public SignerSummary(String commonName, String organization, String organizationalUnit, String province,
                         String taxCode, String personalId, SubjectKind kind) {
        this.commonName = commonName;
        this.organization = organization;
        this.organizationalUnit = organizationalUnit;
        this.province = province;
        this.taxCode = taxCode;
        this.personalId = personalId;
        this.kind = kind;
    }

    /** The summary of a certificate's information. */
    public static SignerSummary of(CertificateInfo info) {
        return new SignerSummary(info.commonName(), info.organization(), info.organizationalUnit(),
                info.province(), info.taxCode(), info.personalId(), info.kind());
    }

    public String commonName() {
        return commonName;
    }

    public String organization() {
        return organization;
    }

    public String organizationalUnit() {
        return organizationalUnit;
    }

    public String province() {
        return province;
    }

    public String taxCode() {
        return taxCode;
    }

    public String personalId() {
        return personalId;
    }

    public SubjectKind kind() {
        return kind;
    }
}
