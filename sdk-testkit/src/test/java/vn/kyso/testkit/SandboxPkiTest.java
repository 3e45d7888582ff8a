package vn.kyso.testkit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.file.Path;
import java.security.Signature;
import java.security.cert.CertificateExpiredException;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.DERUTF8String;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.AccessDescription;
import org.bouncycastle.asn1.x509.AuthorityInformationAccess;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.kyso.api.DigestAlgorithm;
import vn.kyso.api.KysoException;
import vn.kyso.api.Language;
import vn.kyso.api.SignatureAlgorithm;
import vn.kyso.api.cert.CertificateInfo;
import vn.kyso.api.cert.SubjectKind;
import vn.kyso.api.token.SigningKey;
import vn.kyso.api.token.Token;
import vn.kyso.api.token.Tokens;

class SandboxPkiTest {
    private static Sandbox sandbox;
    private static Instant created;

    @BeforeAll
    static void start() {
        created = Instant.now();
        sandbox = Sandbox.start();
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    private static List<Identity> all() {
        return List.of(sandbox.person1(), sandbox.person2(), sandbox.person3(), sandbox.organization(),
                sandbox.revokedPerson(), sandbox.expiredPerson(), sandbox.tsa(), sandbox.ocspResponder());
    }

    @Test
    void namesAreTheContractNames() {
        assertEquals(List.of("person1", "person2", "person3", "org", "revoked", "expired", "tsa", "ocsp"),
                all().stream().map(Identity::name).toList());
    }

    @Test
    void everyChainVerifiesUpToTheRoot() throws Exception {
        X509Certificate root = sandbox.root();
        X509Certificate ca = sandbox.issuingCa();
        root.verify(root.getPublicKey());
        ca.verify(root.getPublicKey());
        assertEquals(List.of(ca), sandbox.intermediates());
        for (Identity id : all()) {
            assertEquals(List.of(id.certificate(), ca, root), id.chain(), id.name());
            id.certificate().verify(ca.getPublicKey());
            assertEquals(ca.getSubjectX500Principal(), id.certificate().getIssuerX500Principal());
            assertEquals("SHA256withRSA", id.certificate().getSigAlgName());
            assertThrows(Exception.class, () -> id.certificate().verify(root.getPublicKey()), id.name());
        }
    }

    @Test
    void privateKeysMatchTheirCertificates() throws Exception {
        byte[] data = "Công văn số 45/QĐ-BKHCN".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        for (Identity id : all()) {
            String alg = id.privateKey().getAlgorithm().equals("EC") ? "SHA256withECDSA" : "SHA256withRSA";
            Signature s = Signature.getInstance(alg);
            s.initSign(id.privateKey());
            s.update(data);
            byte[] sig = s.sign();
            Signature v = Signature.getInstance(alg);
            v.initVerify(id.certificate().getPublicKey());
            v.update(data);
            assertTrue(v.verify(sig), id.name());
        }
    }

    @Test
    void keyTypesAndSizes() {
        for (Identity id : all()) {
            if (id.name().equals("person3")) {
                ECPublicKey ec = (ECPublicKey) id.certificate().getPublicKey();
                assertEquals(256, ec.getParams().getCurve().getField().getFieldSize());
            } else {
                assertEquals(2048, ((RSAPublicKey) id.certificate().getPublicKey()).getModulus().bitLength(), id.name());
            }
        }
        assertEquals(2048, ((RSAPublicKey) sandbox.root().getPublicKey()).getModulus().bitLength());
    }

    @Test
    void serialsAreRandomPositiveAndLarge() {
        Set<BigInteger> seen = new HashSet<>();
        seen.add(sandbox.root().getSerialNumber());
        seen.add(sandbox.issuingCa().getSerialNumber());
        for (Identity id : all()) {
            seen.add(id.certificate().getSerialNumber());
        }
        assertEquals(10, seen.size());
        for (BigInteger s : seen) {
            assertTrue(s.signum() > 0);
            assertTrue(s.bitLength() >= 64, s.toString(16));
        }
    }

    @Test
    void person1SubjectKeepsDiacriticsAndCitizenId() throws Exception {
        CertificateInfo info = CertificateInfo.of(sandbox.person1().certificate());
        assertEquals("Nguyễn Văn An", info.commonName());
        assertEquals("Hà Nội", info.province());
        assertEquals("Quận Ba Đình", info.locality());
        assertEquals("Sở Khoa học và Công nghệ Hà Nội", info.organization());
        assertEquals("Phòng Kế hoạch – Tài chính", info.organizationalUnit());
        assertEquals("VN", info.country());
        assertEquals("CCCD:001085012345", info.personalId());
        assertEquals("001085012345", info.citizenId());
        assertNull(info.taxCode());
        assertEquals(SubjectKind.PERSON, info.kind());
        assertEquals(Set.of(CertificateInfo.KeyUsage.DIGITAL_SIGNATURE, CertificateInfo.KeyUsage.NON_REPUDIATION), info.keyUsage());

        X500Name subject = new JcaX509CertificateHolder(sandbox.person1().certificate()).getSubject();
        for (RDN rdn : subject.getRDNs()) {
            ASN1Encodable value = rdn.getFirst().getValue();
            if (!rdn.getFirst().getType().equals(BCStyle.C)) {
                assertTrue(value instanceof DERUTF8String, rdn.getFirst().getType() + " is " + value.getClass());
            }
        }
        assertEquals("CCCD:001085012345", subject.getRDNs(BCStyle.UID)[0].getFirst().getValue().toString());
    }

    @Test
    void otherPersonsAreDistinctPersons() {
        Set<String> ids = new HashSet<>();
        for (Identity id : List.of(sandbox.person1(), sandbox.person2(), sandbox.person3(), sandbox.revokedPerson(), sandbox.expiredPerson())) {
            CertificateInfo info = CertificateInfo.of(id.certificate());
            assertEquals(SubjectKind.PERSON, info.kind(), id.name());
            assertNotNull(info.citizenId(), id.name());
            assertEquals(12, info.citizenId().length(), id.name());
            assertNull(info.taxCode(), id.name());
            ids.add(info.citizenId());
        }
        assertEquals(5, ids.size());
        assertEquals("Trần Thị Bình", CertificateInfo.of(sandbox.person2().certificate()).commonName());
        assertEquals("Lê Hoàng Cường", CertificateInfo.of(sandbox.person3().certificate()).commonName());
    }

    @Test
    void organisationHasTaxCodeAndNoPersonalId() {
        CertificateInfo info = CertificateInfo.of(sandbox.organization().certificate());
        assertEquals("0101234567-001", info.taxCode());
        assertNull(info.personalId());
        assertEquals(SubjectKind.ORGANIZATION, info.kind());
        assertEquals("Sở Khoa học và Công nghệ Hà Nội", info.commonName());
        assertEquals("Sở Khoa học và Công nghệ Hà Nội", info.organization());
    }

    @Test
    void casAreMarkedAsTestAndConstrained() {
        CertificateInfo root = CertificateInfo.of(sandbox.root());
        CertificateInfo ca = CertificateInfo.of(sandbox.issuingCa());
        assertEquals("Kyso Sandbox Root CA – Thử nghiệm", root.commonName());
        assertEquals("Kyso Sandbox CA cấp 2 – Thử nghiệm", ca.commonName());
        for (X509Certificate c : List.of(sandbox.root(), sandbox.issuingCa())) {
            assertTrue(c.getBasicConstraints() >= 0);
            assertTrue(c.getCriticalExtensionOIDs().contains(Extension.basicConstraints.getId()));
            assertEquals(Set.of(CertificateInfo.KeyUsage.KEY_CERT_SIGN, CertificateInfo.KeyUsage.CRL_SIGN),
                    CertificateInfo.of(c).keyUsage());
        }
        for (Identity id : all()) {
            assertEquals(-1, id.certificate().getBasicConstraints(), id.name());
        }
    }

    @Test
    void validityPeriods() throws Exception {
        assertAround(created.minus(Duration.ofDays(3652)), sandbox.root().getNotBefore().toInstant(), Duration.ofDays(3));
        assertAround(created.plus(Duration.ofDays(7305)), sandbox.root().getNotAfter().toInstant(), Duration.ofDays(3));
        assertAround(created.minus(Duration.ofDays(2922)), sandbox.issuingCa().getNotBefore().toInstant(), Duration.ofDays(3));
        assertAround(created.plus(Duration.ofDays(3652)), sandbox.issuingCa().getNotAfter().toInstant(), Duration.ofDays(3));
        assertAround(created.minus(Duration.ofDays(365)), sandbox.person1().certificate().getNotBefore().toInstant(), Duration.ofDays(2));
        assertAround(created.plus(Duration.ofDays(730)), sandbox.person1().certificate().getNotAfter().toInstant(), Duration.ofDays(2));
        assertAround(created.minus(Duration.ofDays(1826)), sandbox.tsa().certificate().getNotBefore().toInstant(), Duration.ofDays(3));
        sandbox.person1().certificate().checkValidity();
        sandbox.tsa().certificate().checkValidity();

        X509Certificate expired = sandbox.expiredPerson().certificate();
        assertThrows(CertificateExpiredException.class, expired::checkValidity);
        assertAround(created.minus(Duration.ofDays(30)), expired.getNotAfter().toInstant(), Duration.ofMinutes(1));
        assertAround(created.minus(Duration.ofDays(1096)), expired.getNotBefore().toInstant(), Duration.ofDays(3));
        assertFalse(CertificateInfo.of(expired).validAt(Instant.now()));
    }

    private static void assertAround(Instant expected, Instant actual, Duration tolerance) {
        assertTrue(Duration.between(expected, actual).abs().compareTo(tolerance) <= 0, "expected ~" + expected + " got " + actual);
    }

    @Test
    void leavesCarryAiaAndCrlDistributionPoints() throws Exception {
        for (Identity id : all()) {
            X509CertificateHolder h = new JcaX509CertificateHolder(id.certificate());
            assertEquals(List.of(sandbox.crlUrl()), crlUrls(h), id.name());
            List<String> ocsp = aia(h, AccessDescription.id_ad_ocsp);
            assertEquals(id.name().equals("ocsp") ? List.of() : List.of(sandbox.ocspUrl()), ocsp, id.name());
            assertEquals(List.of(sandbox.baseUrl() + "/ca/issuing.crt"), aia(h, AccessDescription.id_ad_caIssuers), id.name());
            assertKeyIds(h, new JcaX509CertificateHolder(sandbox.issuingCa()));
        }
        X509CertificateHolder ca = new JcaX509CertificateHolder(sandbox.issuingCa());
        assertEquals(List.of(sandbox.rootCrlUrl()), crlUrls(ca));
        assertEquals(List.of(sandbox.baseUrl() + "/ca/root.crt"), aia(ca, AccessDescription.id_ad_caIssuers));
        assertKeyIds(ca, new JcaX509CertificateHolder(sandbox.root()));
        assertTrue(sandbox.baseUrl().startsWith("http://127.0.0.1:"));
    }

    private static void assertKeyIds(X509CertificateHolder cert, X509CertificateHolder issuer) {
        byte[] aki = AuthorityKeyIdentifier.fromExtensions(cert.getExtensions()).getKeyIdentifierOctets();
        byte[] ski = SubjectKeyIdentifier.fromExtensions(issuer.getExtensions()).getKeyIdentifier();
        assertArrayEquals(ski, aki);
        assertNotNull(SubjectKeyIdentifier.fromExtensions(cert.getExtensions()));
    }

    private static List<String> crlUrls(X509CertificateHolder h) {
        CRLDistPoint dp = CRLDistPoint.fromExtensions(h.getExtensions());
        return java.util.Arrays.stream(dp.getDistributionPoints())
                .flatMap(p -> java.util.Arrays.stream(GeneralNames.getInstance(p.getDistributionPoint().getName()).getNames()))
                .map(n -> n.getName().toString()).toList();
    }

    private static List<String> aia(X509CertificateHolder h, org.bouncycastle.asn1.ASN1ObjectIdentifier method) {
        AuthorityInformationAccess aia = AuthorityInformationAccess.fromExtensions(h.getExtensions());
        return java.util.Arrays.stream(aia.getAccessDescriptions())
                .filter(d -> d.getAccessMethod().equals(method))
                .map(AccessDescription::getAccessLocation)
                .filter(n -> n.getTagNo() == GeneralName.uniformResourceIdentifier)
                .map(n -> n.getName().toString()).toList();
    }

    @Test
    void serviceCertificatesHaveTheirPurposes() throws Exception {
        X509Certificate tsa = sandbox.tsa().certificate();
        assertEquals(List.of("1.3.6.1.5.5.7.3.8"), tsa.getExtendedKeyUsage());
        assertTrue(tsa.getCriticalExtensionOIDs().contains(Extension.extendedKeyUsage.getId()));
        X509Certificate ocsp = sandbox.ocspResponder().certificate();
        assertEquals(List.of("1.3.6.1.5.5.7.3.9"), ocsp.getExtendedKeyUsage());
        assertNotNull(ocsp.getExtensionValue(OCSPObjectIdentifiers.id_pkix_ocsp_nocheck.getId()));
    }

    @Test
    void pkcs12FilesOpenWithKysoTokensAndSign(@TempDir Path dir) throws Exception {
        sandbox.writeTo(dir);
        for (Identity id : List.of(sandbox.person1(), sandbox.person2(), sandbox.person3(), sandbox.organization(),
                sandbox.revokedPerson(), sandbox.expiredPerson())) {
            try (Token token = Tokens.pkcs12(dir.resolve(id.name() + ".p12"), "sandbox".toCharArray())) {
                assertEquals(1, token.keys().size());
                SigningKey key = token.firstKey();
                assertEquals(id.name(), key.id());
                assertEquals(id.chain(), key.chain());
                byte[] data = ("văn bản " + id.name()).getBytes(java.nio.charset.StandardCharsets.UTF_8);
                byte[] digest = DigestAlgorithm.SHA256.digest(data);
                if (id.name().equals("person3")) {
                    byte[] sig = key.signDigest(digest, SignatureAlgorithm.ECDSA_SHA256);
                    assertTrue(verify("SHA256withECDSA", null, id.certificate(), data, sig));
                } else {
                    byte[] sig = key.signDigest(digest, SignatureAlgorithm.RSA_SHA256);
                    assertTrue(verify("SHA256withRSA", null, id.certificate(), data, sig), id.name());
                    byte[] pss = key.signDigest(digest, SignatureAlgorithm.RSA_PSS_SHA256);
                    assertTrue(verify("RSASSA-PSS", new PSSParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, 32, 1),
                            id.certificate(), data, pss), id.name());
                    assertFalse(verify("SHA256withRSA", null, sandbox.person1().certificate().equals(id.certificate())
                            ? sandbox.person2().certificate() : sandbox.person1().certificate(), data, sig));
                }
            }
        }
        assertThrows(KysoException.class, () -> Tokens.pkcs12(dir.resolve("person1.p12"), "wrong".toCharArray()));
    }

    @Test
    void identityPkcs12UsesTheGivenPassword(@TempDir Path dir) {
        Path file = sandbox.tsa().writePkcs12(dir.resolve("sub/tsa.p12"), "other-Pass 1".toCharArray());
        try (Token token = Tokens.pkcs12(file, "other-Pass 1".toCharArray())) {
            assertEquals("tsa", token.firstKey().id());
            assertEquals(3, token.firstKey().chain().size());
        }
        assertThrows(KysoException.class, () -> Tokens.pkcs12(file, Sandbox.PASSWORD.toCharArray()));
        assertThrows(IllegalArgumentException.class, () -> sandbox.tsa().pkcs12("mật khẩu".toCharArray()));
    }

    private static boolean verify(String alg, PSSParameterSpec pss, X509Certificate cert, byte[] data, byte[] sig) throws Exception {
        Signature v = Signature.getInstance(alg);
        if (pss != null) {
            v.setParameter(pss);
        }
        v.initVerify(cert.getPublicKey());
        v.update(data);
        return v.verify(sig);
    }

    @Test
    void rejectsForeignIdentitiesAndUnknownKinds(@TempDir Path dir) {
        Sandbox other = Sandbox.create(dir, 0);
        KysoException foreign = assertThrows(KysoException.class, () -> sandbox.revoke(other.person1(), Instant.now()));
        assertEquals("[KYSO-100] Tham số không hợp lệ: person1 không phải là danh tính của PKI thử nghiệm này",
                foreign.message(Language.VI));
        KysoException kind = assertThrows(KysoException.class, () -> sandbox.requestCount("mssp"));
        assertEquals("[KYSO-100] Invalid argument: kind=mssp, tsa|ocsp|crl|ca", kind.getMessage());
        assertEquals(0, other.requestCount("tsa"));
    }
}
