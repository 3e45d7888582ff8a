package vn.kyso.core.format;

import eu.europa.esig.dss.alert.LogOnStatusAlert;
import eu.europa.esig.dss.alert.SilentOnStatusAlert;
import eu.europa.esig.dss.spi.validation.CommonCertificateVerifier;
import eu.europa.esig.dss.spi.x509.CommonCertificateSource;
import eu.europa.esig.dss.spi.x509.CommonTrustedCertificateSource;
import eu.europa.esig.dss.enumerations.TokenExtractionStrategy;
import eu.europa.esig.dss.model.DSSDocument;
import eu.europa.esig.dss.validation.SignedDocumentValidator;
import eu.europa.esig.dss.validation.reports.Reports;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import vn.kyso.api.ErrorCode;
import vn.kyso.api.KysoException;
import org.slf4j.event.Level;
import vn.kyso.core.internal.DefaultValidationContext;

import vn.kyso.core.spi.ValidationContext;

/**
 * Builds DSS certificate verifiers from a {@link ValidationContext}, so every format module (CAdES,
 * PAdES, XAdES) configures trust, intermediates, OCSP/CRL/AIA the same way. Internal but public for
 * the format modules of this SDK.
 */
public final class DssValidation {
    private DssValidation() {
    }

    /** Holder: the default ETSI validation policy of DSS, loaded once (read-only afterwards). */
    private static final class DefaultPolicy {
        static final eu.europa.esig.dss.model.policy.ValidationPolicy POLICY =
                eu.europa.esig.dss.validation.policy.ValidationPolicyLoader.fromDefaultValidationPolicy().create();
    }

    /** DSS's default validation policy. */
    public static eu.europa.esig.dss.model.policy.ValidationPolicy defaultPolicy() {
        return DefaultPolicy.POLICY;
    }

    /**
     * A fresh DSS certificate verifier for validation: trusted anchors, intermediates as adjunct source,
     * OCSP/CRL/AIA per the revocation options (none offline). Alerts only log: validation outcomes are
     * reported, never thrown.
     */
    public static CommonCertificateVerifier certificateVerifier(ValidationContext ctx) {
        NetworkSources net = ctx instanceof DefaultValidationContext
                ? ((DefaultValidationContext) ctx).network()
                : new NetworkSources(ctx.revocation(), ctx.clock());
        CommonCertificateVerifier cv = base(ctx.trust(), net);
        cv.setAlertOnMissingRevocationData(new LogOnStatusAlert(Level.DEBUG));
        cv.setAlertOnInvalidTimestamp(new LogOnStatusAlert(Level.DEBUG));
        cv.setAlertOnRevokedCertificate(new LogOnStatusAlert(Level.DEBUG));
        cv.setAlertOnUncoveredPOE(new LogOnStatusAlert(Level.DEBUG));
        cv.setAlertOnNoRevocationAfterBestSignatureTime(new LogOnStatusAlert(Level.DEBUG));
        cv.setAlertOnExpiredCertificate(new SilentOnStatusAlert());
        cv.setAlertOnNotYetValidCertificate(new SilentOnStatusAlert());
        cv.setAlertOnInvalidSignature(new LogOnStatusAlert(Level.DEBUG));
        return cv;
    }

    /** A DSS certificate verifier with trust and network sources and DSS's default alerts. */
    public static CommonCertificateVerifier base(vn.kyso.core.trust.TrustAnchors trust, NetworkSources net) {
        CommonCertificateVerifier cv = new CommonCertificateVerifier();
        CommonTrustedCertificateSource trusted = new CommonTrustedCertificateSource();
        for (X509Certificate c : trust.anchors()) {
            trusted.addCertificate(Dss.token(c));
        }
        cv.setTrustedCertSources(trusted);
        if (!trust.intermediates().isEmpty()) {
            CommonCertificateSource adjunct = new CommonCertificateSource();
            for (X509Certificate c : trust.intermediates()) {
                adjunct.addCertificate(Dss.token(c));
            }
            cv.setAdjunctCertSources(adjunct);
        }
        cv.setOcspSource(net.ocsp());
        cv.setCrlSource(net.crl());
        cv.setAIASource(net.aia());
        return cv;
    }

    /**
     * Runs DSS's validation of a signed document under the default ETSI policy, at {@code validationTime},
     * with the context's trust and revocation sources. DSS failures on malformed input become
     * {@code MALFORMED_INPUT} (or the stable code of a {@link KysoException} cause).
     *
     * @param detached the signed data of detached signatures, or an empty list
     */
    public static Reports validate(DSSDocument document, List<DSSDocument> detached, ValidationContext ctx,
                                   Instant validationTime, String name) {
        return validate(() -> SignedDocumentValidator.fromDocument(document), detached, ctx, validationTime, name);
    }

    /**
     * As {@link #validate(DSSDocument, List, ValidationContext, Instant, String)} with a validator the
     * format module built and configured itself (PAdES: a file-backed PDF back end).
     */
    public static Reports validate(Supplier<? extends SignedDocumentValidator> validator, List<DSSDocument> detached,
                                   ValidationContext ctx, Instant validationTime, String name) {
        try {
            SignedDocumentValidator v = validator.get();
            v.setCertificateVerifier(certificateVerifier(ctx));
            if (!detached.isEmpty()) {
                v.setDetachedContents(detached);
            }
            v.setValidationTime(Date.from(validationTime));
            v.setLocale(Locale.ENGLISH);
            // ReportMapper reads the signer's certificate from the diagnostic data.
            v.setTokenExtractionStrategy(TokenExtractionStrategy.EXTRACT_CERTIFICATES_ONLY);
            return v.validateDocument(defaultPolicy());
        } catch (KysoException e) {
            throw e;
        } catch (RuntimeException | StackOverflowError e) {
            KysoException k = Dss.kysoCause(e);
            throw k != null ? k : new KysoException(ErrorCode.MALFORMED_INPUT, e, name + ": " + Dss.describe(e));
        }
    }
}
