package vn.kyso.testkit;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;

/**
 * The Vietnamese-style names of the sandbox (VN-SIGNING-REFERENCE §4): C, ST, L, O, OU, CN and a UID
 * carrying {@code CCCD:} or {@code MST:}. BCStyle encodes C as PrintableString and the rest as
 * UTF8String, so diacritics survive.
 */
final class Subjects {
    static final String TEST_ORG = "Kyso Sandbox – Thử nghiệm";
    static final String TEST_OU = "Chỉ dùng để kiểm thử – không có giá trị pháp lý";
    static final String ORG_NAME = "Sở Khoa học và Công nghệ Hà Nội";
    static final String ORG_TAX_CODE = "MST:0101234567-001";

    private Subjects() {
    }

    static X500Name root() {
        return ca("Kyso Sandbox Root CA – Thử nghiệm");
    }

    static X500Name issuingCa() {
        return ca("Kyso Sandbox CA cấp 2 – Thử nghiệm");
    }

    static X500Name tsa() {
        return ca("Kyso Sandbox TSA – Thử nghiệm");
    }

    static X500Name ocsp() {
        return ca("Kyso Sandbox OCSP – Thử nghiệm");
    }

    private static X500Name ca(String cn) {
        return new X500NameBuilder(BCStyle.INSTANCE)
                .addRDN(BCStyle.C, "VN")
                .addRDN(BCStyle.O, TEST_ORG)
                .addRDN(BCStyle.OU, TEST_OU)
                .addRDN(BCStyle.CN, cn)
                .build();
    }

    static X500Name person(String province, String locality, String org, String unit, String name, String cccd) {
        return new X500NameBuilder(BCStyle.INSTANCE)
                .addRDN(BCStyle.C, "VN")
                .addRDN(BCStyle.ST, province)
                .addRDN(BCStyle.L, locality)
                .addRDN(BCStyle.O, org)
                .addRDN(BCStyle.OU, unit)
                .addRDN(BCStyle.CN, name)
                .addRDN(BCStyle.UID, "CCCD:" + cccd)
                .build();
    }

    static X500Name person1() {
        return person("Hà Nội", "Quận Ba Đình", ORG_NAME, "Phòng Kế hoạch – Tài chính", "Nguyễn Văn An",
                "001085012345");
    }

    static X500Name person2() {
        return person("Hà Nội", "Quận Hoàn Kiếm", ORG_NAME, "Văn phòng Sở", "Trần Thị Bình", "001190023456");
    }

    static X500Name person3() {
        return person("Thành phố Hồ Chí Minh", "Quận 1", "Sở Thông tin và Truyền thông Thành phố Hồ Chí Minh",
                "Phòng Công nghệ thông tin", "Lê Hoàng Cường", "079088034567");
    }

    static X500Name revoked() {
        return person("Đà Nẵng", "Quận Hải Châu", "Sở Tài chính Đà Nẵng", "Phòng Quản lý ngân sách",
                "Phạm Văn Dũng", "048087045678");
    }

    static X500Name expired() {
        return person("Thừa Thiên Huế", "Thành phố Huế", "Sở Giáo dục và Đào tạo Thừa Thiên Huế",
                "Phòng Tổ chức cán bộ", "Hoàng Thị Én", "046195056789");
    }

    static X500Name organization() {
        return new X500NameBuilder(BCStyle.INSTANCE)
                .addRDN(BCStyle.C, "VN")
                .addRDN(BCStyle.ST, "Hà Nội")
                .addRDN(BCStyle.L, "Quận Ba Đình")
                .addRDN(BCStyle.O, ORG_NAME)
                .addRDN(BCStyle.CN, ORG_NAME)
                .addRDN(BCStyle.UID, ORG_TAX_CODE)
                .build();
    }
}
