package vn.kyso.api.cert;

import java.math.BigInteger;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import vn.kyso.api.ErrorCode;
import vn.kyso.api.KysoException;
import vn.kyso.api.internal.Args;
import vn.kyso.api.internal.DistinguishedName;

/**
 * What a Vietnamese certificate says about its holder: name, organisation, unit, province, tax code
 * (MST, with a branch suffix where present), personal identifiers (CCCD, CMND, passport, BHXH), kind,
 * validity, issuer and key usage. Text keeps its diacritics. Immutable and thread-safe.
 */
public final class CertificateInfo {
    private static final Pattern ID = Pattern.compile(
            "\\b(MST|CCCD|CMND|HC|BHXH|PID|PPID)\\s*[:=]\\s*([A-Za-z0-9][A-Za-z0-9\\-]*)", Pattern.CASE_INSENSITIVE);
    private static final String EKU_SERVER_AUTH = "1.3.6.1.5.5.7.3.1";

    /** Key usage bits of RFC 5280 §4.2.1.3, in bit order. */
    public enum KeyUsage {
        /** digitalSignature (bit 0): signing, other than certificates and CRLs. */
        DIGITAL_SIGNATURE,
        /** nonRepudiation / contentCommitment (bit 1): signing that binds the signer. */
        NON_REPUDIATION,
        /** keyEncipherment (bit 2). */
        KEY_ENCIPHERMENT,
        /** dataEncipherment (bit 3). */
        DATA_ENCIPHERMENT,
        /** keyAgreement (bit 4). */
        KEY_AGREEMENT,
        /** keyCertSign (bit 5): a CA signing certificates. */
        KEY_CERT_SIGN,
        /** cRLSign (bit 6): a CA signing CRLs. */
        CRL_SIGN,
        /** encipherOnly (bit 7). */
        ENCIPHER_ONLY,
        /** decipherOnly (bit 8). */
        DECIPHER_ONLY
    }

    private final String commonName;
    private final @Nullable String organization;
    private final @Nullable String organizationalUnit;
    private final @Nullable String locality;
    private final @Nullable String province;
    private final @Nullable String country;
    private final @Nullable String email;
    private final @Nullable String telephone;
    private final List<Identifier> identifiers;
    private final SubjectKind kind;
    private final Instant notBefore;
    private final Instant notAfter;
    private final String subject;
    private final String issuer;
    private final String issuerCommonName;
    private final String serialNumber;
    private final String sha256Fingerprint;
    private final Set<KeyUsage> keyUsage;

    private CertificateInfo(X509Certificate cert) {
        DistinguishedName dn = DistinguishedName.of(cert.getSubjectX500Principal());
        DistinguishedName issuerDn = DistinguishedName.of(cert.getIssuerX500Principal());
        commonName = dn.first(DistinguishedName.CN);
        organization = dn.first(DistinguishedName.O);
        organizationalUnit = dn.first(DistinguishedName.OU);
        locality = dn.first(DistinguishedName.L);
        province = dn.first(DistinguishedName.ST);
        country = dn.first(DistinguishedName.C);
        email = dn.first(DistinguishedName.EMAIL);
        telephone = dn.first(DistinguishedName.TELEPHONE);
        List<Identifier> ids = new ArrayList<>();
        List<String> sources = new ArrayList<>(dn.all(DistinguishedName.UID));
        sources.addAll(dn.all(DistinguishedName.SERIAL_NUMBER));
        for (String s : sources) {
            Matcher m = ID.matcher(s);
            while (m.find()) {
                Identifier id = new Identifier(IdentifierType.valueOf(m.group(1).toUpperCase(Locale.ROOT)), m.group(2));
                if (!ids.contains(id)) {
                    ids.add(id);
                }
            }
        }
        identifiers = Collections.unmodifiableList(ids);
        keyUsage = readKeyUsage(cert);
        kind = classify(ids, cert, keyUsage);
        notBefore = cert.getNotBefore().toInstant();
        notAfter = cert.getNotAfter().toInstant();
        subject = cert.getSubjectX500Principal().getName(javax.security.auth.x500.X500Principal.RFC2253);
        issuer = cert.getIssuerX500Principal().getName(javax.security.auth.x500.X500Principal.RFC2253);
        String icn = issuerDn.first(DistinguishedName.CN);
        issuerCommonName = icn != null ? icn : issuer;
        serialNumber = cert.getSerialNumber().toString(16).toUpperCase(Locale.ROOT);
        sha256Fingerprint = Certificates.sha256Fingerprint(cert);
    }

    /**
     * Reads the information of a certificate.
     *
     * @param certificate the certificate to read
     * @return its Vietnamese reading
     * @throws KysoException {@code CERTIFICATE_UNREADABLE} if its names cannot be decoded
     */
    public static CertificateInfo of(X509Certificate certificate) {
        Args.notNull(certificate, "certificate");
        try {
            return new CertificateInfo(certificate);
        } catch (KysoException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new KysoException(ErrorCode.CERTIFICATE_UNREADABLE, e, "subject");
        }
    }

    private static Set<KeyUsage> readKeyUsage(X509Certificate cert) {
        boolean[] bits = cert.getKeyUsage();
        Set<KeyUsage> set = EnumSet.noneOf(KeyUsage.class);
        if (bits != null) {
            KeyUsage[] all = KeyUsage.values();
            for (int i = 0; i < bits.length && i < all.length; i++) {
                if (bits[i]) {
                    set.add(all[i]);
                }
            }
        }
        return Collections.unmodifiableSet(set);
    }

    private static SubjectKind classify(List<Identifier> ids, X509Certificate cert, Set<KeyUsage> usage) {
        boolean personal = false;
        boolean taxCode = false;
        for (Identifier id : ids) {
            personal |= id.type().personal();
            taxCode |= id.type() == IdentifierType.MST;
        }
        if (cert.getBasicConstraints() >= 0) {
            return SubjectKind.CERTIFICATION_AUTHORITY;
        }
        if (personal) {
            return SubjectKind.PERSON;
        }
        if (taxCode) {
            return SubjectKind.ORGANIZATION;
        }
        List<String> eku = null;
        try {
            eku = cert.getExtendedKeyUsage();
        } catch (CertificateParsingException e) {
            eku = null;
        }
        boolean signs = usage.contains(KeyUsage.NON_REPUDIATION) || usage.contains(KeyUsage.DIGITAL_SIGNATURE);
        if ((eku != null && eku.contains(EKU_SERVER_AUTH)) || (!usage.isEmpty() && !signs)) {
            return SubjectKind.DEVICE;
        }
        return SubjectKind.PERSON;
    }

    /** {@return tên (CN), with diacritics} */
    public String commonName() {
        return commonName;
    }

    /** {@return cơ quan/tổ chức (O), or null} */
    public @Nullable String organization() {
        return organization;
    }

    /** {@return đơn vị (OU), or null} */
    public @Nullable String organizationalUnit() {
        return organizationalUnit;
    }

    /** {@return locality (L), or null} */
    public @Nullable String locality() {
        return locality;
    }

    /** {@return tỉnh/thành phố (ST), or null} */
    public @Nullable String province() {
        return province;
    }

    /** {@return country (C), or null} */
    public @Nullable String country() {
        return country;
    }

    /** {@return E-mail address in the subject, or null} */
    public @Nullable String email() {
        return email;
    }

    /** {@return telephone number (2.5.4.20), or null} */
    public @Nullable String telephone() {
        return telephone;
    }

    /** {@return every identifier found in the UID (and serialNumber) attributes} */
    public List<Identifier> identifiers() {
        return identifiers;
    }

    /** {@return the tax code (MST) with its branch suffix, e.g. {@code 0101234567-001}, or null} */
    public @Nullable String taxCode() {
        return valueOf(IdentifierType.MST);
    }

    /** {@return the first personal identifier in prefixed form (e.g. {@code CCCD:001085012345}), or null} */
    public @Nullable String personalId() {
        for (Identifier id : identifiers) {
            if (id.type().personal()) {
                return id.toString();
            }
        }
        return null;
    }

    /** {@return the CCCD number, or null} */
    public @Nullable String citizenId() {
        return valueOf(IdentifierType.CCCD);
    }

    private @Nullable String valueOf(IdentifierType type) {
        for (Identifier id : identifiers) {
            if (id.type() == type) {
                return id.value();
            }
        }
        return null;
    }

    /**
     * {@return whether the subject is a person, an organisation or unknown, from its identifiers}
     */
    public SubjectKind kind() {
        return kind;
    }

    /**
     * {@return the start of the validity period}
     */
    public Instant notBefore() {
        return notBefore;
    }

    /**
     * {@return the end of the validity period}
     */
    public Instant notAfter() {
        return notAfter;
    }

    /**
     * {@return whether the certificate is within its validity period at the given time}
     *
     * @param time the instant to test
     */
    public boolean validAt(Instant time) {
        Args.notNull(time, "time");
        return !time.isBefore(notBefore) && !time.isAfter(notAfter);
    }

    /** {@return the subject DN in RFC 2253 form} */
    public String subject() {
        return subject;
    }

    /** {@return the issuer DN in RFC 2253 form} */
    public String issuer() {
        return issuer;
    }

    /** {@return the issuer's common name (or its whole DN when it has none)} */
    public String issuerCommonName() {
        return issuerCommonName;
    }

    /** {@return serial number in upper-case hex} */
    public String serialNumber() {
        return serialNumber;
    }

    /** {@return SHA-256 fingerprint of the certificate in upper-case hex} */
    public String sha256Fingerprint() {
        return sha256Fingerprint;
    }

    /**
     * {@return the key usages the certificate allows (empty when it has no extension)}
     */
    public Set<KeyUsage> keyUsage() {
        return keyUsage;
    }

    /** {@return serial number as a number} */
    public BigInteger serial() {
        return new BigInteger(serialNumber, 16);
    }

    @Override
    public String toString() {
        return commonName + (organization != null ? " (" + organization + ")" : "");
    }
}
