package vn.kyso.testkit;

import java.io.IOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AccessDescription;
import org.bouncycastle.asn1.x509.AuthorityInformationAccess;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * The sandbox PKI: root CA, issuing sub-CA and the eight leaf identities, for one set of
 * {@link Endpoints} (the URLs are written into the certificates). Immutable except for the
 * revocations held by the two {@link Authority} objects.
 */
final class Pki {
    static final String SIGNATURE_ALGORITHM = "SHA256withRSA";
    static final String ROOT = "root";
    static final String ISSUING = "issuing";
    /** Leaf names, in the order they are generated, stored and listed. */
    static final List<String> LEAVES = List.of("person1", "person2", "person3", "org", "revoked", "expired", "tsa", "ocsp");
    /** The leaves that get their own PKCS#12 file in {@link Sandbox#writeTo}. */
    static final List<String> FILE_LEAVES = List.of("person1", "person2", "person3", "org", "revoked", "expired");

    private final Endpoints endpoints;
    private final Authority root;
    private final Authority issuing;
    private final Map<String, Identity> identities;

    Pki(Endpoints endpoints, Authority root, Authority issuing, Map<String, Identity> identities) {
        this.endpoints = endpoints;
        this.root = root;
        this.issuing = issuing;
        this.identities = Collections.unmodifiableMap(new LinkedHashMap<>(identities));
    }

    Endpoints endpoints() {
        return endpoints;
    }

    Authority root() {
        return root;
    }

    Authority issuing() {
        return issuing;
    }

    Map<String, Identity> identities() {
        return identities;
    }

    Identity identity(String name) {
        Identity id = identities.get(name);
        if (id == null) {
            throw new IllegalStateException("no identity " + name);
        }
        return id;
    }

    static Instant seconds(Instant t) {
        return t.truncatedTo(ChronoUnit.SECONDS);
    }

    /** Generates a fresh PKI; {@code now} is the creation time. */
    static Pki generate(Endpoints ep, Instant now) {
        SecureRandom random = new SecureRandom();
        ZonedDateTime z = seconds(now).atZone(ZoneOffset.UTC);
        // 2 CAs + 8 leaves; person3 (index 2 + 2) is the EC key. Generated in parallel: RSA is slow-ish.
        int ecIndex = 2 + LEAVES.indexOf("person3");
        KeyPair[] keys = IntStream.range(0, 2 + LEAVES.size()).parallel()
                .mapToObj(i -> i == ecIndex ? ecKey() : rsaKey())
                .toArray(KeyPair[]::new);
        KeyPair rootKp = keys[0];
        KeyPair issKp = keys[1];

        X500Name rootName = Subjects.root();
        X509Certificate rootCert = issue(random, rootName, rootKp.getPublic(), rootName, rootKp.getPublic(),
                rootKp.getPrivate(), z.minusYears(10), z.plusYears(20), (b, u) -> {
                    b.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
                    b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
                });
        X500Name issName = Subjects.issuingCa();
        X509Certificate issCert = issue(random, issName, issKp.getPublic(), rootName, rootKp.getPublic(),
                rootKp.getPrivate(), z.minusYears(8), z.plusYears(10), (b, u) -> {
                    b.addExtension(Extension.basicConstraints, true, new BasicConstraints(0));
                    b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
                    b.addExtension(Extension.cRLDistributionPoints, false, crlDp(ep.rootCrl()));
                    b.addExtension(Extension.authorityInfoAccess, false, new AuthorityInformationAccess(
                            new AccessDescription(AccessDescription.id_ad_caIssuers, uri(ep.rootCert()))));
                });

        Map<String, Identity> ids = new LinkedHashMap<>();
        List<BigInteger> leafSerials = new ArrayList<>();
        for (int i = 0; i < LEAVES.size(); i++) {
            String name = LEAVES.get(i);
            KeyPair kp = keys[2 + i];
            X500Name subject;
            ZonedDateTime from = z.minusYears(1);
            ZonedDateTime to = z.plusYears(2);
            Extender ext = (b, u) -> signerExtensions(b, ep);
            switch (name) {
                case "person1": subject = Subjects.person1(); break;
                case "person2": subject = Subjects.person2(); break;
                case "person3": subject = Subjects.person3(); break;
                case "org": subject = Subjects.organization(); break;
                case "revoked": subject = Subjects.revoked(); break;
                case "expired":
                    subject = Subjects.expired();
                    from = z.minusYears(3);
                    to = z.minusDays(30);
                    break;
                case "tsa":
                    subject = Subjects.tsa();
                    from = z.minusYears(5);
                    to = z.plusYears(5);
                    ext = (b, u) -> {
                        signerExtensions(b, ep);
                        b.addExtension(Extension.extendedKeyUsage, true, new ExtendedKeyUsage(KeyPurposeId.id_kp_timeStamping));
                    };
                    break;
                case "ocsp":
                    subject = Subjects.ocsp();
                    from = z.minusYears(5);
                    to = z.plusYears(5);
                    ext = (b, u) -> {
                        b.addExtension(Extension.basicConstraints, false, new BasicConstraints(false));
                        b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
                        b.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_OCSPSigning));
                        b.addExtension(OCSPObjectIdentifiers.id_pkix_ocsp_nocheck, false, DERNull.INSTANCE);
                        b.addExtension(Extension.cRLDistributionPoints, false, crlDp(ep.crl()));
                        b.addExtension(Extension.authorityInfoAccess, false, new AuthorityInformationAccess(
                                new AccessDescription(AccessDescription.id_ad_caIssuers, uri(ep.issuingCert()))));
                    };
                    break;
                default:
                    throw new IllegalStateException(name);
            }
            X509Certificate cert = issue(random, subject, kp.getPublic(), issName, issKp.getPublic(),
                    issKp.getPrivate(), from, to, ext);
            leafSerials.add(cert.getSerialNumber());
            ids.put(name, new Identity(name, kp.getPrivate(), List.of(cert, issCert, rootCert)));
        }
        Authority rootCa = new Authority(ROOT, rootCert, rootKp.getPrivate(), List.of(issCert.getSerialNumber()), 0);
        Authority issuingCa = new Authority(ISSUING, issCert, issKp.getPrivate(), leafSerials, 0);
        issuingCa.revoke(ids.get("revoked").certificate().getSerialNumber(), seconds(now).minusSeconds(60));
        return new Pki(ep, rootCa, issuingCa, ids);
    }

    private static void signerExtensions(X509v3CertificateBuilder b, Endpoints ep) throws CertIOException {
        b.addExtension(Extension.basicConstraints, false, new BasicConstraints(false));
        b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation));
        b.addExtension(Extension.cRLDistributionPoints, false, crlDp(ep.crl()));
        b.addExtension(Extension.authorityInfoAccess, false, new AuthorityInformationAccess(new AccessDescription[] {
            new AccessDescription(AccessDescription.id_ad_ocsp, uri(ep.ocsp())),
            new AccessDescription(AccessDescription.id_ad_caIssuers, uri(ep.issuingCert()))}));
    }

    private static GeneralName uri(String url) {
        return new GeneralName(GeneralName.uniformResourceIdentifier, url);
    }

    private static CRLDistPoint crlDp(String url) {
        return new CRLDistPoint(new DistributionPoint[] {
            new DistributionPoint(new DistributionPointName(new GeneralNames(uri(url))), null, null)});
    }

    /** Adds the extensions specific to one certificate. */
    @FunctionalInterface
    private interface Extender {
        void add(X509v3CertificateBuilder builder, JcaX509ExtensionUtils utils) throws CertIOException;
    }

    private static X509Certificate issue(SecureRandom random, X500Name subject, PublicKey subjectKey,
                                         X500Name issuer, PublicKey issuerPublic, PrivateKey issuerKey,
                                         ZonedDateTime from, ZonedDateTime to, Extender extender) {
        try {
            JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
            X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(issuer, serial(random),
                    Date.from(from.toInstant()), Date.from(to.toInstant()), subject, subjectKey);
            b.addExtension(Extension.subjectKeyIdentifier, false, utils.createSubjectKeyIdentifier(subjectKey));
            b.addExtension(Extension.authorityKeyIdentifier, false, utils.createAuthorityKeyIdentifier(issuerPublic));
            extender.add(b, utils);
            return new JcaX509CertificateConverter()
                    .getCertificate(b.build(new JcaContentSignerBuilder(SIGNATURE_ALGORITHM).build(issuerKey)));
        } catch (GeneralSecurityException | IOException | OperatorCreationException e) {
            throw new IllegalStateException("cannot issue a sandbox certificate", e);
        }
    }

    /** A random positive serial number of exactly 80 bits. */
    static BigInteger serial(SecureRandom random) {
        return new BigInteger(80, random).setBit(79);
    }

    private static KeyPair rsaKey() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
            g.initialize(2048);
            return g.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static KeyPair ecKey() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
            g.initialize(new ECGenParameterSpec("secp256r1"));
            return g.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
