package vn.kyso.api.report;

/**
 * The document profile a verification applied: the Vietnamese XML profiles, whose placement rules and
 * parties are part of the report, or none. The {@link #code()} is the name the reports show.
 */
public enum Profile {
    /** No profile: a PDF, a CMS signature or an XML document of no known profile. */
    NONE("none"),
    /** E-invoice (Decree 123/2020, Circular 78/2021): root {@code HDon}. */
    EINVOICE("einvoice"),
    /** E-tax declaration or notice: root {@code HSoThueDTu} or {@code TBaoThueDTu}. */
    ETAX("etax"),
    /** edXML message between state agencies (QCVN 102:2016): root {@code edXML}. */
    EDXML("edxml");

    private final String code;

    Profile(String code) {
        this.code = code;
    }

    /** {@return the stable lower-case name of the reports and the command line, such as {@code einvoice}} */
    public String code() {
        return code;
    }
}
