package vn.kyso.api.cert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import org.bouncycastle.asn1.DERBMPString;
import org.bouncycastle.asn1.DERPrintableString;
import org.bouncycastle.asn1.DERUTF8String;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vn.kyso.api.ErrorCode;
import vn.kyso.api.KysoException;
import vn.kyso.api.testsupport.OpenSsl;
import vn.kyso.api.testsupport.TestCertificates;

class CertificateInfoTest {
    private static final int SIGNING = KeyUsage.digitalSignature | KeyUsage.nonRepudiation;

    private static X509Certificate person(String uid) {
        return TestCertificates.builder()
                .subject(TestCertificates.name().c("VN").st("Hà Nội").l("Quận Ba Đình")
                        .o("Công ty Cổ phần Ví dụ").ou("Phòng Kế toán").cn("Nguyễn Văn Ánh").uid(uid).build())
                .keyUsage(SIGNING).build();
    }

    @Test
    void personWithCccd() {
        CertificateInfo info = CertificateInfo.of(person("CCCD:001085012345"));
        assertEquals(SubjectKind.PERSON, info.kind());
        assertEquals("CCCD:001085012345", info.personalId());
        assertEquals("001085012345", info.citizenId());
        assertNull(info.taxCode());
        assertEquals("Nguyễn Văn Ánh", info.commonName());
        assertEquals("Công ty Cổ phần Ví dụ", info.organization());
        assertEquals("Phòng Kế toán", info.organizationalUnit());
        assertEquals("Hà Nội", info.province());
        assertEquals("Quận Ba Đình", info.locality());
        assertEquals("VN", info.country());
        assertEquals(Arrays.asList(new Identifier(IdentifierType.CCCD, "001085012345")), info.identifiers());
        assertEquals("Nguyễn Văn Ánh (Công ty Cổ phần Ví dụ)", info.toString());
    }

    @Test
    void organisationWithTaxCodeAndBranchSuffix() {
        X509Certificate cert = TestCertificates.builder()
                .subject(TestCertificates.name().c("VN").st("Thành phố Hồ Chí Minh")
                        .o("Công ty TNHH Thương mại Đại Việt").cn("Công ty TNHH Thương mại Đại Việt - Chi nhánh Hà Nội")
                        .uid("MST:0101234567-001").build())
                .keyUsage(SIGNING).build();
        CertificateInfo info = CertificateInfo.of(cert);
        assertEquals(SubjectKind.ORGANIZATION, info.kind());
        assertEquals("0101234567-001", info.taxCode());
        assertNull(info.personalId());
        assertNull(info.citizenId());
        assertEquals("Công ty TNHH Thương mại Đại Việt - Chi nhánh Hà Nội", info.commonName());
        assertEquals("Thành phố Hồ Chí Minh", info.province());
    }

    @Test
    void bothTaxCodeAndCitizenIdInSeparateUidAttributesIsAPerson() {
        X509Certificate cert = TestCertificates.builder()
                .subject(TestCertificates.name().c("VN").o("Hộ kinh doanh Trần Thị Bích")
                        .cn("Trần Thị Bích").uid("MST:8012345678").uid("CCCD:079190001234").build())
                .keyUsage(SIGNING).build();
        CertificateInfo info = CertificateInfo.of(cert);
        assertEquals(SubjectKind.PERSON, info.kind());
        assertEquals("8012345678", info.taxCode());
        assertEquals("079190001234", info.citizenId());
        assertEquals("CCCD:079190001234", info.personalId());
        assertEquals(2, info.identifiers().size());
    }

    @Test
    void bothIdentifiersInOneUidValue() {
        CertificateInfo info = CertificateInfo.of(person("MST:0101234567, CCCD:001085012345"));
        assertEquals(SubjectKind.PERSON, info.kind());
        assertEquals("0101234567", info.taxCode());
        assertEquals("001085012345", info.citizenId());
    }

    @ParameterizedTest
    @CsvSource({
        "CMND:012345678, CMND, 012345678",
        "HC:C1234567, HC, C1234567",
        "BHXH:0123456789, BHXH, 0123456789",
        "PID:ABC-123, PID, ABC-123",
        "PPID:B7654321, PPID, B7654321",
        "cccd:001085012345, CCCD, 001085012345",
        "CCCD = 001085012345, CCCD, 001085012345",
    })
    void personalIdentifierPrefixes(String uid, IdentifierType type, String value) {
        CertificateInfo info = CertificateInfo.of(person(uid));
        assertEquals(SubjectKind.PERSON, info.kind());
        assertEquals(type + ":" + value, info.personalId());
        assertEquals(Arrays.asList(new Identifier(type, value)), info.identifiers());
        assertTrue(type.personal());
        if (type != IdentifierType.CCCD) {
            assertNull(info.citizenId());
        }
    }

    @Test
    void identifierInSerialNumberAttribute() {
        X509Certificate cert = TestCertificates.builder()
                .subject(TestCertificates.name().c("VN").cn("Lê Văn Cường")
                        .add(BCStyle.SERIALNUMBER, new DERPrintableString("CMND:025123456")).build())
                .keyUsage(SIGNING).build();
        CertificateInfo info = CertificateInfo.of(cert);
        assertEquals("CMND:025123456", info.personalId());
        assertEquals(SubjectKind.PERSON, info.kind());
    }

    @Test
    void prefixInsideAnotherWordIsNotAnIdentifier() {
        CertificateInfo info = CertificateInfo.of(person("XMST:0101234567"));
        assertTrue(info.identifiers().isEmpty(), info.identifiers().toString());
        assertNull(info.taxCode());
    }

    @Test
    void tlsServerCertificateWithoutIdentifiersIsADevice() {
        X509Certificate cert = TestCertificates.builder()
                .subject(TestCertificates.name().c("VN").o("Cục Thuế").cn("thuedientu.gdt.gov.vn").build())
                .keyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment)
                .eku(KeyPurposeId.id_kp_serverAuth).build();
        CertificateInfo info = CertificateInfo.of(cert);
        assertEquals(SubjectKind.DEVICE, info.kind());
        assertTrue(info.identifiers().isEmpty());
        assertNull(info.taxCode());
        assertNull(info.personalId());
    }

    @Test
    void encryptionOnlyCertificateWithoutIdentifiersIsADevice() {
        X509Certificate cert = TestCertificates.builder()
                .subject(TestCertificates.name().c("VN").cn("Máy chủ mã hóa").build())
                .keyUsage(KeyUsage.keyEncipherment).build();
        assertEquals(SubjectKind.DEVICE, CertificateInfo.of(cert).kind());
    }

    @Test
    void caCertificateIsACertificationAuthorityEvenWithATaxCode() {
        X509Certificate cert = TestCertificates.builder()
                .subject(TestCertificates.name().c("VN").o("Ban Cơ yếu Chính phủ").cn("RootCA chuyên dùng Chính phủ G2")
                        .uid("MST:0100100079").build())
                .ca(true).keyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign).build();
        assertEquals(SubjectKind.CERTIFICATION_AUTHORITY, CertificateInfo.of(cert).kind());
    }

    @Test
    void signingCertificateWithoutIdentifiersDefaultsToPerson() {
        X509Certificate cert = TestCertificates.builder()
                .subject(TestCertificates.name().c("VN").cn("Phạm Thị Dung").build())
                .keyUsage(SIGNING).eku(KeyPurposeId.id_kp_emailProtection).build();
        assertEquals(SubjectKind.PERSON, CertificateInfo.of(cert).kind());
    }

    @Test
    void telephoneAndEmail() {
        X509Certificate cert = TestCertificates.builder()
                .subject(TestCertificates.name().c("VN").cn("Hoàng Văn Em").telephone("+84912345678")
                        .add(BCStyle.EmailAddress, new org.bouncycastle.asn1.DERIA5String("em.hoang@example.vn"))
                        .uid("CCCD:036095001122").build())
                .keyUsage(SIGNING).build();
        CertificateInfo info = CertificateInfo.of(cert);
        assertEquals("+84912345678", info.telephone());
        assertEquals("em.hoang@example.vn", info.email());
    }

    @Test
    void missingAttributesAreNull() {
        X509Certificate cert = TestCertificates.builder()
                .subject(TestCertificates.name().cn("Chỉ có tên").build()).keyUsage(SIGNING).build();
        CertificateInfo info = CertificateInfo.of(cert);
        assertEquals("Chỉ có tên", info.commonName());
        assertNull(info.organization());
        assertNull(info.organizationalUnit());
        assertNull(info.province());
        assertNull(info.locality());
        assertNull(info.country());
        assertNull(info.telephone());
        assertNull(info.email());
        assertEquals("Chỉ có tên", info.toString());
    }

    @Test
    void bmpStringValuesKeepTheirDiacritics() {
        X509Certificate cert = TestCertificates.builder()
                .subject(TestCertificates.name().c("VN")
                        .add(BCStyle.O, new DERBMPString("Tổng công ty Điện lực"))
                        .add(BCStyle.CN, new DERBMPString("Đặng Thị Thu Hương"))
                        .add(BCStyle.UID, new DERBMPString("CCCD:001185009876")).build())
                .keyUsage(SIGNING).build();
        CertificateInfo info = CertificateInfo.of(cert);
        assertEquals("Đặng Thị Thu Hương", info.commonName());
        assertEquals("Tổng công ty Điện lực", info.organization());
        assertEquals("001185009876", info.citizenId());
    }

    @Test
    void firstValueOfARepeatedAttributeIsUsed() {
        X509Certificate cert = TestCertificates.builder()
                .subject(TestCertificates.name().c("VN").ou("Phòng Một").ou("Phòng Hai").cn("Vũ Văn Giang").build())
                .keyUsage(SIGNING).build();
        assertEquals("Phòng Một", CertificateInfo.of(cert).organizationalUnit());
    }

    @Test
    void keyUsageBitsMapInRfc5280Order() {
        X509Certificate sign = TestCertificates.builder().subject(TestCertificates.name().cn("a").build())
                .keyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation).build();
        assertEquals(EnumSet.of(CertificateInfo.KeyUsage.DIGITAL_SIGNATURE, CertificateInfo.KeyUsage.NON_REPUDIATION),
                CertificateInfo.of(sign).keyUsage());

        X509Certificate ca = TestCertificates.ca();
        assertEquals(EnumSet.of(CertificateInfo.KeyUsage.KEY_CERT_SIGN, CertificateInfo.KeyUsage.CRL_SIGN),
                CertificateInfo.of(ca).keyUsage());

        X509Certificate all = TestCertificates.builder().subject(TestCertificates.name().cn("b").build())
                .keyUsage(KeyUsage.keyEncipherment | KeyUsage.dataEncipherment | KeyUsage.keyAgreement
                        | KeyUsage.encipherOnly | KeyUsage.decipherOnly).build();
        assertEquals(EnumSet.of(CertificateInfo.KeyUsage.KEY_ENCIPHERMENT, CertificateInfo.KeyUsage.DATA_ENCIPHERMENT,
                CertificateInfo.KeyUsage.KEY_AGREEMENT, CertificateInfo.KeyUsage.ENCIPHER_ONLY,
                CertificateInfo.KeyUsage.DECIPHER_ONLY), CertificateInfo.of(all).keyUsage());

        X509Certificate none = TestCertificates.builder().subject(TestCertificates.name().cn("c").build()).build();
        assertTrue(CertificateInfo.of(none).keyUsage().isEmpty());
        assertThrows(UnsupportedOperationException.class,
                () -> CertificateInfo.of(sign).keyUsage().add(CertificateInfo.KeyUsage.CRL_SIGN));
    }

    @Test
    void validityIssuerAndSerial() {
        Instant from = Instant.parse("2025-03-01T02:00:00Z");
        Instant to = Instant.parse("2028-03-01T01:59:59Z");
        X509Certificate cert = TestCertificates.builder()
                .subject(TestCertificates.name().c("VN").cn("Đỗ Minh Khôi").uid("CCCD:001099000001").build())
                .keyUsage(SIGNING).validity(from, to).serial(new BigInteger("54031a3f0b9c", 16)).build();
        CertificateInfo info = CertificateInfo.of(cert);
        assertEquals(from, info.notBefore());
        assertEquals(to, info.notAfter());
        assertTrue(info.validAt(from));
        assertTrue(info.validAt(to));
        assertTrue(info.validAt(Instant.parse("2026-06-15T00:00:00Z")));
        assertFalse(info.validAt(from.minusSeconds(1)));
        assertFalse(info.validAt(to.plusSeconds(1)));
        assertEquals("CA Thử nghiệm Kyso", info.issuerCommonName());
        assertTrue(info.issuer().contains("CA Thử nghiệm Kyso"), info.issuer());
        assertTrue(info.subject().contains("Đỗ Minh Khôi"), info.subject());
        assertEquals("54031A3F0B9C", info.serialNumber());
        assertEquals(new BigInteger("54031a3f0b9c", 16), info.serial());
    }

    @Test
    void issuerWithoutCommonNameFallsBackToItsDn() {
        X500Name issuer = TestCertificates.name().c("VN").o("Tổ chức không có CN").build();
        X509Certificate cert = TestCertificates.builder()
                .subject(TestCertificates.name().cn("Ngô Văn Lâm").build())
                .issuer(issuer, TestCertificates.rsaKey().getPrivate()).build();
        CertificateInfo info = CertificateInfo.of(cert);
        assertEquals(info.issuer(), info.issuerCommonName());
        assertTrue(info.issuerCommonName().contains("Tổ chức không có CN"));
    }

    @Test
    void identifiersListIsImmutable() {
        CertificateInfo info = CertificateInfo.of(person("CCCD:001085012345"));
        assertThrows(UnsupportedOperationException.class,
                () -> info.identifiers().add(new Identifier(IdentifierType.MST, "1")));
    }

    @Test
    void repeatedIdentifierIsListedOnce() {
        X509Certificate cert = TestCertificates.builder()
                .subject(TestCertificates.name().cn("Bùi Văn Nam").uid("CCCD:001085012345")
                        .add(BCStyle.SERIALNUMBER, new DERPrintableString("CCCD:001085012345")).build())
                .keyUsage(SIGNING).build();
        assertEquals(1, CertificateInfo.of(cert).identifiers().size());
    }

    @Test
    void nullCertificateIsRejected() {
        KysoException e = assertThrows(KysoException.class, () -> CertificateInfo.of(null));
        assertEquals(ErrorCode.INVALID_ARGUMENT, e.errorCode());
        assertTrue(e.getMessage().contains("certificate"), e.getMessage());
    }

    @Test
    void fingerprintEqualsOpenssl(@TempDir Path dir) throws Exception {
        assumeTrue(OpenSsl.available(), "openssl CLI not installed");
        X509Certificate cert = person("CCCD:001085012345");
        Path der = dir.resolve("cert.der");
        Files.write(der, cert.getEncoded());
        String out = OpenSsl.runOk(dir, "x509", "-inform", "DER", "-in", der.toString(), "-noout",
                "-fingerprint", "-sha256");
        // "sha256 Fingerprint=AB:CD:..." (OpenSSL 3) or "SHA256 Fingerprint=..." (1.1)
        String expected = out.substring(out.indexOf('=') + 1).trim().replace(":", "").toUpperCase(Locale.ROOT);
        assertEquals(64, expected.length(), out);
        assertEquals(expected, CertificateInfo.of(cert).sha256Fingerprint());
        assertEquals(expected, Certificates.sha256Fingerprint(cert));
    }

    @Test
    void utf8ValuesAreReallyUtf8Strings() {
        // Guards the test data itself: the subject must carry UTF8String, as Vietnamese CAs issue it.
        X509Certificate cert = person("CCCD:001085012345");
        X500Name name = X500Name.getInstance(cert.getSubjectX500Principal().getEncoded());
        assertTrue(name.getRDNs(BCStyle.CN)[0].getFirst().getValue() instanceof DERUTF8String);
    }
}
