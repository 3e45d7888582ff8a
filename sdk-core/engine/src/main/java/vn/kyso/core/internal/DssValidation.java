package vn.kyso.core.internal;

import eu.europa.esig.dss.alert.LogOnStatusAlert;
import eu.europa.esig.dss.alert.SilentOnStatusAlert;
import eu.europa.esig.dss.spi.validation.CommonCertificateVerifier;
import eu.europa.esig.dss.spi.x509.CommonCertificateSource;
import eu.europa.esig.dss.spi.x509.CommonTrustedCertificateSource;
import eu.europa.esig.dss.enumerations.TokenExtractionStrategy;
import eu.europa.esig.dss.model.DSSDocument;
import eu.europa.esig.dss.validation.SignedDocumentValidator;
import eu.europa.esig.dss.policy.EtsiValidationPolicy;
import eu.europa.esig.dss.policy.EtsiValidationPolicyFactory;
import eu.europa.esig.dss.policy.ValidationPolicyFacade;
import eu.europa.esig.dss.policy.jaxb.ConstraintsParameters;
import eu.europa.esig.dss.policy.jaxb.LevelConstraint;
import eu.europa.esig.dss.policy.jaxb.SignedAttributesConstraints;
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

    /**
     * The DSS validation policies Kyso judges signatures by. {@link #of} is the one place that decides which
     * applies to a signature.
     */
    public enum Policy {
        /** DSS's default ETSI policy: AdES signatures (CAdES, PAdES, XAdES). */
        ETSI,
        /**
         * Signatures that by design carry no signed properties (plain W3C XMLDSig: e-invoice, e-tax, edXML):
         * DSS's default policy with only the constraints on AdES signed properties ignored (signing-certificate
         * reference, signing time, signed-properties reference). Integrity, signing-certificate recognition,
         * chain, trust, validity, revocation and cryptographic constraints are unchanged; the format module
         * checks its own signed properties (such as an e-invoice's SigningTime).
         */
        NON_ETSI;

        /** ETSI for a signature with AdES signed properties (XAdES QualifyingProperties, CMS signed attributes), otherwise NON_ETSI. */
        public static Policy of(boolean adesSignedProperties) {
            return adesSignedProperties ? ETSI : NON_ETSI;
        }
    }

    /** Holder: the policies, loaded once (read-only afterwards). */
    private static final class Policies {
        static final eu.europa.esig.dss.model.policy.ValidationPolicy ETSI =
                eu.europa.esig.dss.validation.policy.ValidationPolicyLoader.fromDefaultValidationPolicy().create();
        static final eu.europa.esig.dss.model.policy.ValidationPolicy NON_ETSI = nonEtsi();

        private static eu.europa.esig.dss.model.policy.ValidationPolicy nonEtsi() {
            try (java.io.InputStream in = EtsiValidationPolicyFactory.class.getResourceAsStream("/policy/constraint.xml")) {
                if (in == null) {
                    throw KysoException.localized(ErrorCode.INTERNAL, null, "không tìm thấy chính sách kiểm tra mặc định của DSS",
                            "the default validation policy of DSS was not found");
                }
                ConstraintsParameters cp = ValidationPolicyFacade.newFacade().unmarshall(in);
                withoutSignedProperties(cp.getSignatureConstraints().getSignedAttributes());
                withoutSignedProperties(cp.getCounterSignatureConstraints().getSignedAttributes());
                return new EtsiValidationPolicy(cp);
            } catch (java.io.IOException | jakarta.xml.bind.JAXBException | javax.xml.stream.XMLStreamException
                     | org.xml.sax.SAXException e) {
                throw KysoException.localized(ErrorCode.INTERNAL, e, "không đọc được chính sách kiểm tra mặc định của DSS",
                        "cannot read the default validation policy of DSS");
            }
        }

        private static void withoutSignedProperties(SignedAttributesConstraints c) {
            LevelConstraint[] relaxed = {c.getSigningCertificatePresent(), c.getUnicitySigningCertificate(),
                c.getSigningCertificateRefersCertificateChain(), c.getReferencesToAllCertificateChainPresent(),
                c.getSigningCertificateDigestAlgorithm(), c.getCertDigestPresent(), c.getCertDigestMatch(),
                c.getIssuerSerialMatch(), c.getKeyIdentifierPresent(), c.getKeyIdentifierMatch(), c.getSigningTime(),
                c.getMessageDigestOrSignedPropertiesPresent()};
            for (LevelConstraint l : relaxed) {
                if (l != null) {
                    l.setLevel(eu.europa.esig.dss.enumerations.Level.IGNORE);
                }
            }
        }
    }

    /** The DSS validation policy of that kind. */
    public static eu.europa.esig.dss.model.policy.ValidationPolicy policy(Policy kind) {
        return kind == Policy.NON_ETSI ? Policies.NON_ETSI : Policies.ETSI;
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

    /** As {@link #validate(DSSDocument, List, ValidationContext, Instant, String, Policy)} under the ETSI policy. */
    public static Reports validate(DSSDocument document, List<DSSDocument> detached, ValidationContext ctx,
                                   Instant validationTime, String name) {
        return validate(document, detached, ctx, validationTime, name, Policy.ETSI);
    }

    /**
     * Runs DSS's validation of a signed document under {@code policy}, at {@code validationTime},
     * with the context's trust and revocation sources. DSS failures on malformed input become
     * {@code MALFORMED_INPUT} (or the stable code of a {@link KysoException} cause).
     *
     * @param detached the signed data of detached signatures, or an empty list
     */
    public static Reports validate(DSSDocument document, List<DSSDocument> detached, ValidationContext ctx,
                                   Instant validationTime, String name, Policy policy) {
        return validate(() -> SignedDocumentValidator.fromDocument(document), detached, ctx, validationTime, name, policy);
    }

    /**
     * As {@link #validate(DSSDocument, List, ValidationContext, Instant, String, Policy)} with a validator the
     * format module built and configured itself (PAdES: a file-backed PDF back end).
     */
    public static Reports validate(Supplier<? extends SignedDocumentValidator> validator, List<DSSDocument> detached,
                                   ValidationContext ctx, Instant validationTime, String name, Policy policy) {
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
            return v.validateDocument(policy(policy));
        } catch (KysoException e) {
            throw e;
        } catch (RuntimeException | StackOverflowError e) {
            KysoException k = Dss.kysoCause(e);
            throw k != null ? k : new KysoException(ErrorCode.MALFORMED_INPUT, e, name + ": " + Dss.describe(e));
        }
    }
}
