package vn.kyso.core.internal;

import eu.europa.esig.dss.diagnostic.CertificateRevocationWrapper;
import eu.europa.esig.dss.diagnostic.CertificateWrapper;
import eu.europa.esig.dss.diagnostic.DiagnosticData;
import eu.europa.esig.dss.diagnostic.SignatureWrapper;
import eu.europa.esig.dss.diagnostic.TimestampWrapper;
import eu.europa.esig.dss.diagnostic.jaxb.XmlDigestMatcher;
import eu.europa.esig.dss.enumerations.CertificateStatus;
import eu.europa.esig.dss.enumerations.SubIndication;
import eu.europa.esig.dss.enumerations.TimestampType;
import eu.europa.esig.dss.jaxb.object.Message;
import eu.europa.esig.dss.simplereport.SimpleReport;
import eu.europa.esig.dss.validation.reports.Reports;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import vn.kyso.api.internal.ReportAccess;
import vn.kyso.api.internal.SignatureResultBuilder;
import vn.kyso.api.KysoException;
import vn.kyso.api.SignatureAlgorithm;
import vn.kyso.api.SignatureFormat;
import vn.kyso.api.cert.CertificateInfo;
import vn.kyso.api.cert.Certificates;
import vn.kyso.api.report.Indication;
import vn.kyso.api.report.ReportMessage;
import vn.kyso.api.report.RevocationStatus;
import vn.kyso.api.report.SignatureResult;
import vn.kyso.api.report.SignerSummary;
import vn.kyso.api.report.TimestampResult;

/**
 * Turns DSS validation reports into Kyso report types. Internal, public for the format modules: PAdES
 * takes the builder and adds {@code coversWholeDocument} / {@code modificationsAfter} before building.
 *
 * <p>Defensive rules on top of DSS: a signature is never TOTAL_PASSED when its integrity check failed
 * (downgraded to TOTAL_FAILED) or its chain is not trusted (downgraded to INDETERMINATE); signed data found
 * but changed is always TOTAL_FAILED / HASH_FAILURE.
 */
public final class ReportMapper {
    private static final Duration SEVEN_HOURS = Duration.ofHours(7);
    private static final Duration TOLERANCE = Duration.ofMinutes(15);

    private ReportMapper() {
    }

    /** The result builders of every signature in the reports, in DSS's order. */
    public static List<SignatureResultBuilder> map(Reports reports, SignatureFormat format, Instant validationTime) {
        return map(reports, format, validationTime, (sw, b) -> { });
    }

    /**
     * As {@link #map(Reports, SignatureFormat, Instant)}, letting a format add what only it knows (PDF:
     * byte-range coverage, modifications after the signature) to each builder once the common fields,
     * indication and messages are set.
     */
    public static List<SignatureResultBuilder> map(Reports reports, SignatureFormat format, Instant validationTime,
                                                    java.util.function.BiConsumer<SignatureWrapper, SignatureResultBuilder> decorate) {
        SimpleReport simple = reports.getSimpleReport();
        DiagnosticData diag = reports.getDiagnosticData();
        List<SignatureResultBuilder> out = new ArrayList<>();
        for (String id : simple.getSignatureIdList()) {
            SignatureWrapper sw = diag.getSignatureById(id);
            if (sw == null) {
                continue;
            }
            SignatureResultBuilder b = map(simple, sw, id, format, validationTime);
            decorate.accept(sw, b);
            out.add(b);
        }
        return out;
    }

    private static SignatureResultBuilder map(SimpleReport simple, SignatureWrapper sw, String id,
                                               SignatureFormat format, Instant validationTime) {
        SignatureResultBuilder b = ReportAccess.signature().id(id).format(format);
        b.level(Dss.level(simple.getSignatureFormat(id)));
        Indication indication = indication(simple.getIndication(id));
        SubIndication sub = simple.getSubIndication(id);
        // Signed data that is present but changed is a proven integrity failure, even when DSS stopped earlier
        // (a plain XMLDSig whose signer cannot be identified once its data changed is INDETERMINATE there).
        boolean hashMismatch = false;
        for (XmlDigestMatcher m : sw.getDigestMatchers()) {
            hashMismatch |= m.isDataFound() && !m.isDataIntact();
        }
        if (hashMismatch && indication != Indication.TOTAL_FAILED) {
            indication = Indication.TOTAL_FAILED;
            sub = SubIndication.HASH_FAILURE;
        }
        b.subIndication(subIndication(sub));

        CertificateWrapper signingCert = sw.getSigningCertificate();
        X509Certificate cert = signingCert == null ? null : x509(signingCert.getBinaries());
        if (cert != null) {
            b.certificateSerial(cert.getSerialNumber().toString(16).toUpperCase(java.util.Locale.ROOT));
            b.certificateValidity(cert.getNotBefore().toInstant(), cert.getNotAfter().toInstant());
            try {
                CertificateInfo info = CertificateInfo.of(cert);
                b.signer(ReportAccess.signer(info));
                b.issuer(info.issuerCommonName());
            } catch (KysoException e) {
                b.issuer(signingCert.getCertificateIssuerDN());
            }
        }
        Date claimed = sw.getClaimedSigningTime();
        Instant signingTime = claimed == null ? null : claimed.toInstant();
        b.signingTime(signingTime);
        b.signatureAlgorithm(Dss.signature(sw.getSignatureAlgorithm()), algorithmName(sw));

        Instant earliestTimestamp = null;
        boolean timestampInvalid = false;
        boolean timestampIndeterminate = false;
        for (TimestampWrapper ts : sw.getTimestampList()) {
            if (ts.getProductionTime() == null) {
                continue;
            }
            eu.europa.esig.dss.enumerations.Indication ti = safeIndication(simple, ts.getId());
            // broken: the token does not verify, or DSS says it failed; otherwise not (yet) provable,
            // e.g. without the TSA certificate's revocation data
            boolean broken = !(ts.isMessageImprintDataIntact() && ts.isSignatureValid())
                    || ti == eu.europa.esig.dss.enumerations.Indication.FAILED
                    || ti == eu.europa.esig.dss.enumerations.Indication.TOTAL_FAILED;
            boolean valid = !broken && (ti == null || ti == eu.europa.esig.dss.enumerations.Indication.PASSED
                    || ti == eu.europa.esig.dss.enumerations.Indication.TOTAL_PASSED);
            CertificateWrapper tsa = ts.getSigningCertificate();
            b.addTimestamp(ReportAccess.timestamp(ts.getProductionTime().toInstant(),
                    tsa == null ? null : tsa.getCommonName(), valid));
            timestampInvalid |= broken;
            timestampIndeterminate |= !valid && !broken;
            if (valid && ts.getType() == TimestampType.SIGNATURE_TIMESTAMP) {
                Instant t = ts.getProductionTime().toInstant();
                if (earliestTimestamp == null || t.isBefore(earliestTimestamp)) {
                    earliestTimestamp = t;
                }
            }
        }

        boolean integrity = sw.isSignatureIntact() && sw.isSignatureValid();
        for (XmlDigestMatcher m : sw.getDigestMatchers()) {
            integrity &= m.isDataFound() && m.isDataIntact();
        }
        b.integrity(integrity);
        boolean trusted = sw.isTrustedChain();
        b.chainTrusted(trusted);
        RevocationStatus revocation = revocation(signingCert);
        b.revocation(revocation);
        Instant revokedAt = revocationTime(signingCert);
        // ETSI leaves a revoked signer INDETERMINATE when nothing proves the signature predates the
        // revocation. When a time-stamp proves it came after, or the signer itself claims a later signing
        // time, the signature is certainly not valid: TOTAL_FAILED / REVOKED.
        Instant provenOrClaimed = earliestTimestamp != null ? earliestTimestamp : signingTime;
        boolean signedAfterRevocation = revokedAt != null && provenOrClaimed != null && revokedAt.isBefore(provenOrClaimed);
        if (signedAfterRevocation) {
            indication = Indication.TOTAL_FAILED;
            b.subIndication(vn.kyso.api.report.SubIndication.REVOKED);
        }

        // Errors: the main reason first, then what DSS said.
        Set<ReportMessage> errors = new LinkedHashSet<>();
        Set<ReportMessage> warnings = new LinkedHashSet<>();
        if (signedAfterRevocation) {
            errors.add(VerificationMessages.of("SIGNED_AFTER_REVOCATION"));
        } else if (indication != Indication.TOTAL_PASSED) {
            String key = sub != null && VerificationMessages.known(sub.name()) ? sub.name() : indication.name();
            errors.add(VerificationMessages.of(key));
        }
        if (!integrity) {
            errors.add(VerificationMessages.of("INTEGRITY"));
            if (indication == Indication.TOTAL_PASSED) {
                indication = Indication.TOTAL_FAILED;
            }
        }
        if (!trusted) {
            errors.add(VerificationMessages.of("CHAIN_NOT_TRUSTED"));
            if (indication == Indication.TOTAL_PASSED) {
                indication = Indication.INDETERMINATE;
            }
        }
        if (revocation == RevocationStatus.REVOKED) {
            errors.add(VerificationMessages.of("CERT_REVOKED"));
        }
        if (indication != Indication.TOTAL_PASSED) {
            for (Message m : simple.getAdESValidationErrors(id)) {
                errors.add(VerificationMessages.dss(true, m.getKey(), m.getValue()));
            }
        }
        for (Message m : simple.getAdESValidationWarnings(id)) {
            warnings.add(VerificationMessages.dss(false, m.getKey(), m.getValue()));
        }
        if (revocation == RevocationStatus.NOT_CHECKED) {
            warnings.add(VerificationMessages.of("REVOCATION_NOT_CHECKED"));
        } else if (revocation == RevocationStatus.UNKNOWN) {
            warnings.add(VerificationMessages.of("REVOCATION_UNKNOWN"));
        }
        if (timestampInvalid) {
            warnings.add(VerificationMessages.of("TIMESTAMP_INVALID"));
        }
        if (timestampIndeterminate) {
            warnings.add(VerificationMessages.of("TIMESTAMP_INDETERMINATE"));
        }
        if (cert != null && validationTime.isAfter(cert.getNotAfter().toInstant())) {
            warnings.add(VerificationMessages.of("CERT_EXPIRED_NOW"));
        }
        if (signingTime != null) {
            Instant reference = earliestTimestamp != null ? earliestTimestamp : validationTime;
            Duration ahead = Duration.between(reference, signingTime);
            if (ahead.compareTo(SEVEN_HOURS.minus(TOLERANCE)) >= 0 && ahead.compareTo(SEVEN_HOURS.plus(TOLERANCE)) <= 0) {
                warnings.add(VerificationMessages.of("SIGNING_TIME_LOCAL"));
            } else if (earliestTimestamp != null && ahead.compareTo(TOLERANCE) > 0) {
                warnings.add(VerificationMessages.of("SIGNING_TIME_AFTER_TIMESTAMP"));
            }
        }
        b.indication(indication);
        errors.forEach(b::addError);
        warnings.forEach(b::addWarning);
        return b;
    }

    private static eu.europa.esig.dss.enumerations.Indication safeIndication(SimpleReport simple, String id) {
        try {
            return simple.getIndication(id);
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** The ETSI sub-indication of a DSS one (same names); null for null or a name ETSI does not define. */
    public static vn.kyso.api.report.@org.jspecify.annotations.Nullable SubIndication subIndication(SubIndication sub) {
        if (sub == null) {
            return null;
        }
        try {
            return vn.kyso.api.report.SubIndication.valueOf(sub.name());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    static Indication indication(eu.europa.esig.dss.enumerations.Indication i) {
        if (i == null) {
            return Indication.INDETERMINATE;
        }
        switch (i) {
            case TOTAL_PASSED:
            case PASSED:
                return Indication.TOTAL_PASSED;
            case TOTAL_FAILED:
            case FAILED:
                return Indication.TOTAL_FAILED;
            default:
                return Indication.INDETERMINATE;
        }
    }

    private static RevocationStatus revocation(CertificateWrapper cert) {
        if (cert == null) {
            return RevocationStatus.NOT_CHECKED;
        }
        List<CertificateRevocationWrapper> data = cert.getCertificateRevocationData();
        if (data == null || data.isEmpty()) {
            return RevocationStatus.NOT_CHECKED;
        }
        boolean good = false;
        for (CertificateRevocationWrapper r : data) {
            if (r.getStatus() == CertificateStatus.REVOKED) {
                return RevocationStatus.REVOKED;
            }
            good |= r.getStatus() == CertificateStatus.GOOD;
        }
        return good ? RevocationStatus.GOOD : RevocationStatus.UNKNOWN;
    }

    /** The earliest revocation time any source gives for the certificate, or null. */
    private static Instant revocationTime(CertificateWrapper cert) {
        if (cert == null || cert.getCertificateRevocationData() == null) {
            return null;
        }
        Instant earliest = null;
        for (CertificateRevocationWrapper r : cert.getCertificateRevocationData()) {
            if (r.getStatus() == CertificateStatus.REVOKED && r.getRevocationDate() != null) {
                Instant t = r.getRevocationDate().toInstant();
                earliest = earliest == null || t.isBefore(earliest) ? t : earliest;
            }
        }
        return earliest;
    }

    private static String algorithmName(SignatureWrapper sw) {
        eu.europa.esig.dss.enumerations.SignatureAlgorithm a = sw.getSignatureAlgorithm();
        SignatureAlgorithm k = Dss.signature(a);
        if (k != null) {
            return k.displayName();
        }
        if (a != null) {
            return a.getName();
        }
        if (sw.getEncryptionAlgorithm() != null) {
            return sw.getEncryptionAlgorithm().getName()
                    + (sw.getDigestAlgorithm() == null ? "" : " with " + sw.getDigestAlgorithm().getName());
        }
        return null;
    }

    private static X509Certificate x509(byte[] der) {
        if (der == null) {
            return null;
        }
        try {
            return Certificates.parse(der).get(0);
        } catch (KysoException e) {
            return null;
        }
    }
}
