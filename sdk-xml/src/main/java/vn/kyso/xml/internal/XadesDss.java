package vn.kyso.xml.internal;

import eu.europa.esig.dss.enumerations.SignaturePackaging;
import eu.europa.esig.dss.model.DSSDocument;
import eu.europa.esig.dss.model.DigestDocument;
import eu.europa.esig.dss.model.InMemoryDocument;
import eu.europa.esig.dss.model.SignatureValue;
import eu.europa.esig.dss.spi.validation.CommonCertificateVerifier;
import eu.europa.esig.dss.xades.XAdESSignatureParameters;
import eu.europa.esig.dss.xades.reference.CanonicalizationTransform;
import eu.europa.esig.dss.xades.reference.DSSReference;
import eu.europa.esig.dss.xades.reference.DSSTransform;
import eu.europa.esig.dss.xades.reference.EnvelopedSignatureTransform;
import eu.europa.esig.dss.xades.signature.XAdESService;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.w3c.dom.Document;
import vn.kyso.api.ErrorCode;
import vn.kyso.api.KysoException;
import vn.kyso.api.SignatureLevel;
import vn.kyso.core.internal.Dss;
import vn.kyso.core.internal.DssTspSource;
import vn.kyso.core.internal.DssValidation;
import vn.kyso.core.internal.SigningSupport;
import vn.kyso.core.sign.SignerSettings;
import vn.kyso.xml.XmlSignatureOptions;
import vn.kyso.xml.XmlSignatureOptions.Packaging;

/**
 * The XAdES side of the XML signer, made with EU DSS: the service with the signer's trust, revocation
 * and time-stamp settings, the signature parameters of a plan, the data to sign and the signed document.
 * Internal.
 */
final class XadesDss {
    private final SignerSettings settings;

    XadesDss(SignerSettings settings) {
        this.settings = settings;
    }

    XAdESService service() {
        CommonCertificateVerifier cv = DssValidation.certificateVerifier(new Context(settings.trust(), settings.revocation(), settings.clock()));
        XAdESService service = new XAdESService(cv);
        if (settings.timestamps() != null) {
            service.setTspSource(new DssTspSource(settings.timestamps()));
        }
        return service;
    }
    static eu.europa.esig.dss.enumerations.SignatureLevel xadesLevel(SignatureLevel l) {
        switch (l) {
            case B_B: return eu.europa.esig.dss.enumerations.SignatureLevel.XAdES_BASELINE_B;
            case B_T: return eu.europa.esig.dss.enumerations.SignatureLevel.XAdES_BASELINE_T;
            case B_LT: return eu.europa.esig.dss.enumerations.SignatureLevel.XAdES_BASELINE_LT;
            case B_LTA: return eu.europa.esig.dss.enumerations.SignatureLevel.XAdES_BASELINE_LTA;
            default: throw new KysoException(ErrorCode.INVALID_ARGUMENT, "level=" + l);
        }
    }
    private static DSSDocument dssDocument(XmlPlan plan, XmlEngine.Input input, byte[] doc) {
        if (plan.options.packaging() == Packaging.DETACHED) {
            return new DigestDocument(Dss.digest(plan.algorithm.digest()), plan.inputDigest, plan.dataName);
        }
        // Hostile input is refused by the hardened parser before DSS sees it; the signature parent is
        // created when it is a simple path that does not exist yet.
        Document d = Dom.parse(doc);
        if (plan.options.packaging() == Packaging.ENVELOPED) {
            XmlPlacement.keepExistingSignatures(d, XmlPlacement.parent(d, plan.options));
            if (plan.options.signatureParent() != null) {
                return new InMemoryDocument(Dom.serialize(d), plan.dataName);
            }
        }
        if (plan.options.elementId() != null) {
            Dom.uniqueById(d, plan.options.elementId());
        }
        return new InMemoryDocument(doc, plan.dataName);
    }
    /** What every XAdES signature of a plan shares: level, signer, algorithm, signing time. */
    static <P extends XAdESSignatureParameters> P common(P p, XmlPlan plan) {
        eu.europa.esig.dss.enumerations.DigestAlgorithm d = Dss.digest(plan.algorithm.digest());
        p.setSignatureLevel(xadesLevel(plan.options.level()));
        p.setSigningCertificate(Dss.token(plan.chain.get(0)));
        p.setCertificateChain(Dss.tokens(plan.chain));
        p.setDigestAlgorithm(d);
        p.setEncryptionAlgorithm(Dss.encryption(plan.algorithm));
        p.bLevel().setSigningDate(Date.from(plan.signingTime));
        p.getSignatureTimestampParameters().setDigestAlgorithm(d);
        p.getArchiveTimestampParameters().setDigestAlgorithm(d);
        return p;
    }
    private static XAdESSignatureParameters parameters(XmlPlan plan, DSSDocument document) {
        XAdESSignatureParameters p = common(new XAdESSignatureParameters(), plan);
        XmlSignatureOptions o = plan.options;
        p.setSignaturePackaging(o.packaging() == Packaging.ENVELOPED ? SignaturePackaging.ENVELOPED
                : o.packaging() == Packaging.ENVELOPING ? SignaturePackaging.ENVELOPING : SignaturePackaging.DETACHED);
        eu.europa.esig.dss.enumerations.DigestAlgorithm d = Dss.digest(plan.algorithm.digest());
        if (o.packaging() == Packaging.ENVELOPED) {
            if (o.signatureParent() != null) {
                p.setXPathLocationString(XmlPlacement.dssXPath(o.signatureParent()));
            }
            if (o.elementId() != null) {
                DSSReference ref = new DSSReference();
                ref.setId("r-" + plan.signatureId + "-0");
                ref.setUri("#" + o.elementId());
                ref.setContents(document);
                ref.setDigestMethodAlgorithm(d);
                List<DSSTransform> t = new ArrayList<>();
                t.add(new EnvelopedSignatureTransform());
                t.add(new CanonicalizationTransform(o.c14nWithComments() ? Dsig.C14N_COMMENTS : Dsig.C14N));
                ref.setTransforms(t);
                p.setReferences(List.of(ref));
            }
        }
        return p;
    }
    byte[] dataToSign(XmlPlan plan, XmlEngine.Input input, byte[] doc) {
        DSSDocument document = dssDocument(plan, input, doc);
        return SigningSupport.dss(() -> service().getDataToSign(document, parameters(plan, document))).getBytes();
    }
    byte[] finish(XmlPlan plan, XmlEngine.Input input, byte[] doc, byte[] value, Path output) {
        DSSDocument document = dssDocument(plan, input, doc);
        SignatureValue sv = new SignatureValue(Dss.signature(plan.algorithm), value);
        DSSDocument signed = SigningSupport.dss(() -> service().signDocument(document, parameters(plan, document), sv));
        return XmlEngine.write(signed, output);
    }
}
