package vn.kyso.api.testsupport;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERPrintableString;
import org.bouncycastle.asn1.DERUTF8String;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Builds X.509 certificates at test time with Bouncy Castle: Vietnamese subjects (UTF8String with
 * diacritics), key usage, extended key usage, validity, issuer. Key pairs are generated once per JVM.
 */
public final class TestCertificates {
    /** OID of the UID attribute (0.9.2342.19200300.100.1.1). */
    public static final ASN1ObjectIdentifier UID = BCStyle.UID;
    /** OID of telephoneNumber (2.5.4.20). */
    public static final ASN1ObjectIdentifier TELEPHONE = BCStyle.TELEPHONE_NUMBER;

    private static final AtomicLong SERIAL = new AtomicLong(0x1000);
    private static KeyPair rsa;
    private static KeyPair rsa2;
    private static KeyPair ec;
    private static KeyPair caKey;
    private static X509Certificate ca;

    private TestCertificates() {
    }

    public static synchronized KeyPair rsaKey() {
        if (rsa == null) {
            rsa = generateRsa();
        }
        return rsa;
    }

    /** A second, different RSA key. */
    public static synchronized KeyPair otherRsaKey() {
        if (rsa2 == null) {
            rsa2 = generateRsa();
        }
        return rsa2;
    }

    public static synchronized KeyPair ecKey() {
        if (ec == null) {
            try {
                KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
                g.initialize(new ECGenParameterSpec("secp256r1"));
                ec = g.generateKeyPair();
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }
        return ec;
    }

    private static KeyPair generateRsa() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
            g.initialize(2048);
            return g.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The test CA "CA Thử nghiệm Kyso" (self-signed, RSA). */
    public static synchronized X509Certificate ca() {
        if (ca == null) {
            caKey = generateRsa();
            X500Name name = name().c("VN").o("Công ty Cổ phần Chữ ký số Thử nghiệm").cn("CA Thử nghiệm Kyso").build();
            ca = builder().subject(name).issuer(name, caKey.getPrivate()).key(caKey)
                    .keyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign).ca(true).build();
        }
        return ca;
    }

    public static synchronized PrivateKey caPrivateKey() {
        ca();
        return caKey.getPrivate();
    }

    /** A subject name builder; values are UTF8String except C (PrintableString). */
    public static NameBuilder name() {
        return new NameBuilder();
    }

    public static CertBuilder builder() {
        return new CertBuilder();
    }

    /** Builds an X.500 name attribute by attribute, in order. */
    public static final class NameBuilder {
        private final X500NameBuilder b = new X500NameBuilder(BCStyle.INSTANCE);

        public NameBuilder c(String v) {
            return add(BCStyle.C, new DERPrintableString(v));
        }

        public NameBuilder st(String v) {
            return utf8(BCStyle.ST, v);
        }

        public NameBuilder l(String v) {
            return utf8(BCStyle.L, v);
        }

        public NameBuilder o(String v) {
            return utf8(BCStyle.O, v);
        }

        public NameBuilder ou(String v) {
            return utf8(BCStyle.OU, v);
        }

        public NameBuilder cn(String v) {
            return utf8(BCStyle.CN, v);
        }

        public NameBuilder uid(String v) {
            return utf8(UID, v);
        }

        public NameBuilder telephone(String v) {
            return add(TELEPHONE, new DERPrintableString(v));
        }

        public NameBuilder utf8(ASN1ObjectIdentifier oid, String v) {
            return add(oid, new DERUTF8String(v));
        }

        public NameBuilder add(ASN1ObjectIdentifier oid, ASN1Encodable value) {
            b.addRDN(oid, value);
            return this;
        }

        public X500Name build() {
            return b.build();
        }
    }

    /** Builds one certificate. Defaults: RSA key, issued by {@link #ca()}, valid 2025-01-01..2030-01-01. */
    public static final class CertBuilder {
        private X500Name subject;
        private X500Name issuer;
        private PrivateKey issuerKey;
        private KeyPair key;
        private Instant notBefore = Instant.parse("2025-01-01T00:00:00Z");
        private Instant notAfter = Instant.parse("2030-01-01T00:00:00Z");
        private Integer keyUsage;
        private final List<KeyPurposeId> eku = new ArrayList<>();
        private boolean ca;
        private BigInteger serial;

        public CertBuilder subject(X500Name v) {
            subject = v;
            return this;
        }

        public CertBuilder issuer(X500Name name, PrivateKey signingKey) {
            issuer = name;
            issuerKey = signingKey;
            return this;
        }

        public CertBuilder key(KeyPair v) {
            key = v;
            return this;
        }

        public CertBuilder validity(Instant from, Instant to) {
            notBefore = from;
            notAfter = to;
            return this;
        }

        /** Bits of {@link KeyUsage}, e.g. {@code KeyUsage.digitalSignature | KeyUsage.nonRepudiation}. */
        public CertBuilder keyUsage(int bits) {
            keyUsage = bits;
            return this;
        }

        public CertBuilder eku(KeyPurposeId purpose) {
            eku.add(purpose);
            return this;
        }

        public CertBuilder ca(boolean v) {
            ca = v;
            return this;
        }

        public CertBuilder serial(BigInteger v) {
            serial = v;
            return this;
        }

        public X509Certificate build() {
            try {
                KeyPair k = key != null ? key : rsaKey();
                X500Name iss = issuer;
                PrivateKey signer = issuerKey;
                if (iss == null) {
                    iss = X500Name.getInstance(TestCertificates.ca().getSubjectX500Principal().getEncoded());
                    signer = caPrivateKey();
                }
                BigInteger sn = serial != null ? serial : BigInteger.valueOf(SERIAL.incrementAndGet());
                X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(iss, sn, Date.from(notBefore),
                        Date.from(notAfter), subject, k.getPublic());
                if (keyUsage != null) {
                    b.addExtension(Extension.keyUsage, true, new KeyUsage(keyUsage));
                }
                if (!eku.isEmpty()) {
                    b.addExtension(Extension.extendedKeyUsage, false,
                            new ExtendedKeyUsage(eku.toArray(new KeyPurposeId[0])));
                }
                if (ca) {
                    b.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
                }
                String alg = "EC".equals(signer.getAlgorithm()) ? "SHA256withECDSA" : "SHA256withRSA";
                return new JcaX509CertificateConverter().getCertificate(
                        b.build(new JcaContentSignerBuilder(alg).build(signer)));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
