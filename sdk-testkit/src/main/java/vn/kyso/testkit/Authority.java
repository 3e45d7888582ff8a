package vn.kyso.testkit;

import java.io.IOException;
import java.math.BigInteger;
import java.security.PrivateKey;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.CRLNumber;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;
import org.bouncycastle.cert.X509CRLEntryHolder;
import org.bouncycastle.cert.X509CRLHolder;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.operator.DigestCalculatorProvider;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A certification authority of the sandbox: its key and certificate, the serial numbers it issued and
 * the ones it revoked. Thread-safe: revocations may be added while CRLs and OCSP answers are produced.
 */
final class Authority {
    static final Duration CRL_VALIDITY = Duration.ofDays(1);

    private final String name;
    private final X509Certificate certificate;
    private final X509CertificateHolder holder;
    private final PrivateKey key;
    private final Set<BigInteger> issued;
    private final ConcurrentMap<BigInteger, Instant> revoked = new ConcurrentHashMap<>();
    private final AtomicLong crlNumber;

    Authority(String name, X509Certificate certificate, PrivateKey key, Collection<BigInteger> issued, long lastCrlNumber) {
        this.name = name;
        this.certificate = certificate;
        this.key = key;
        this.issued = Set.copyOf(issued);
        this.crlNumber = new AtomicLong(lastCrlNumber);
        try {
            this.holder = new JcaX509CertificateHolder(certificate);
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    String name() {
        return name;
    }

    X509Certificate certificate() {
        return certificate;
    }

    X509CertificateHolder holder() {
        return holder;
    }

    PrivateKey key() {
        return key;
    }

    boolean hasIssued(BigInteger serial) {
        return issued.contains(serial);
    }

    /** Records a revocation; a later call for the same serial replaces the time. */
    void revoke(BigInteger serial, Instant when) {
        if (!issued.contains(serial)) {
            throw new IllegalArgumentException("serial " + serial.toString(16) + " was not issued by " + name);
        }
        revoked.put(serial, when);
    }

    /** The revocation time of a serial, or null when it is not revoked. */
    Instant revocationTime(BigInteger serial) {
        return revoked.get(serial);
    }

    /** A snapshot of the revocations, by serial. */
    SortedMap<BigInteger, Instant> revocations() {
        return new TreeMap<>(revoked);
    }

    /** Whether an OCSP CertID names this authority as the issuer (with the CertID's own hash algorithm). */
    boolean isIssuerOf(CertificateID id, DigestCalculatorProvider digests) {
        try {
            return id.matchesIssuer(holder, digests);
        } catch (Exception e) {
            return false;
        }
    }

    /**
     * A fresh DER CRL: thisUpdate = {@code now}, nextUpdate one day later, a new CRL number, the AKI of
     * this CA, every revoked serial with reason keyCompromise.
     */
    byte[] crl(Instant now) {
        Instant thisUpdate = Pki.seconds(now);
        X509v2CRLBuilder b = new X509v2CRLBuilder(holder.getSubject(), Date.from(thisUpdate));
        b.setNextUpdate(Date.from(thisUpdate.plus(CRL_VALIDITY)));
        for (Map.Entry<BigInteger, Instant> e : revocations().entrySet()) {
            b.addCRLEntry(e.getKey(), Date.from(Pki.seconds(e.getValue())), CRLReason.keyCompromise);
        }
        try {
            b.addExtension(Extension.cRLNumber, false, new CRLNumber(BigInteger.valueOf(crlNumber.incrementAndGet())));
            SubjectKeyIdentifier ski = SubjectKeyIdentifier.fromExtensions(holder.getExtensions());
            b.addExtension(Extension.authorityKeyIdentifier, false, new AuthorityKeyIdentifier(ski.getKeyIdentifier()));
            return b.build(new JcaContentSignerBuilder(Pki.SIGNATURE_ALGORITHM).build(key)).getEncoded();
        } catch (IOException | OperatorCreationException e) {
            throw new IllegalStateException("cannot build the CRL of " + name, e);
        }
    }

    /** Restores the revocations and the CRL number saved in a CRL this authority issued. */
    void restoreFrom(X509CRLHolder crl) {
        for (Object o : crl.getRevokedCertificates()) {
            X509CRLEntryHolder entry = (X509CRLEntryHolder) o;
            if (issued.contains(entry.getSerialNumber())) {
                revoked.put(entry.getSerialNumber(), entry.getRevocationDate().toInstant());
            }
        }
        Extension number = crl.getExtension(Extension.cRLNumber);
        if (number != null) {
            long n = CRLNumber.getInstance(number.getParsedValue()).getCRLNumber().longValue();
            crlNumber.accumulateAndGet(n, Math::max);
        }
    }
}
