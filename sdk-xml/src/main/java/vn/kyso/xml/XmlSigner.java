package vn.kyso.xml;

import eu.europa.esig.dss.enumerations.SignaturePackaging;
import eu.europa.esig.dss.model.DSSDocument;
import eu.europa.esig.dss.model.FileDocument;
import eu.europa.esig.dss.model.SignatureValue;
import eu.europa.esig.dss.model.ToBeSigned;
import eu.europa.esig.dss.xades.XAdESSignatureParameters;
import eu.europa.esig.dss.xades.reference.CanonicalizationTransform;
import eu.europa.esig.dss.xades.reference.DSSReference;
import eu.europa.esig.dss.xades.reference.EnvelopedSignatureTransform;
import javax.xml.crypto.dsig.CanonicalizationMethod;
import eu.europa.esig.dss.xades.signature.XAdESService;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import vn.kyso.api.ErrorCode;
import vn.kyso.api.KysoException;
import vn.kyso.api.SignatureAlgorithm;
import vn.kyso.api.SignatureFormat;
import vn.kyso.api.SigningResult;
import vn.kyso.api.io.AtomicFiles;
import vn.kyso.api.token.SigningKey;
import vn.kyso.core.format.DataFiles;
import vn.kyso.core.format.Dss;
import vn.kyso.core.format.DssTspSource;
import vn.kyso.core.format.DssValidation;
import vn.kyso.core.format.NetworkSources;
import vn.kyso.core.format.SignatureValues;
import vn.kyso.core.format.SignerSettings;
import vn.kyso.core.format.SigningSupport;

/**
 * Signs XML with XAdES baseline signatures (B-B, B-T, B-LT, B-LTA), enveloped, enveloping or detached,
 * with EU DSS; the key only signs a digest, RSA-PSS when it can. Before anything is read the input is
 * parsed with {@link SecureXml} (no DTD, no external entities), so hostile XML is refused with
 * {@code MALFORMED_INPUT}. The output is written atomically. Immutable and thread-safe.
 *
 * <p>A chosen element can be signed by its Id, the signature placed where a format wants it (e.g. an
 * invoice's DLHDon, signature in DSCKS/NBan). Not yet: plain XMLDSig, the e-invoice, e-tax and edXML
 * profiles with their own checks, two-phase.
 */
public final class XmlSigner {
    private final SignerSettings settings;
    private final NetworkSources network;

    private XmlSigner(SignerSettings settings) {
        this.settings = settings;
        this.network = new NetworkSources(settings.revocation(), settings.clock());
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Signs {@code in} and writes the signed document (or, detached, the signature) to {@code out}. */
    public SigningResult sign(Path in, Path out, SigningKey key, XmlSignatureOptions options) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(options, "options");
        Instant time = settings.clock().instant().truncatedTo(ChronoUnit.SECONDS);
        SigningSupport.Act act = new SigningSupport.Act(settings.listeners(), SignatureFormat.XADES, time);
        return act.run(() -> {
            DataFiles.requireReadable(in);
            try (java.io.InputStream s = java.nio.file.Files.newInputStream(in)) {
                SecureXml.parse(s);
            } catch (java.io.IOException e) {
                throw new KysoException(ErrorCode.INPUT_UNREADABLE, e, in.toString());
            }
            List<X509Certificate> chain = SigningSupport.checkChain(key.chain());
            SignatureAlgorithm alg = options.algorithm() != null ? options.algorithm() : key.preferredAlgorithm(options.digest());
            act.signer(chain.get(0), alg);
            if (!key.schemes().contains(alg.scheme())) {
                throw new KysoException(ErrorCode.UNSUPPORTED_ALGORITHM, alg.displayName() + " / " + key.id());
            }
            settings.checkLevel(options.level());
            SigningSupport.checkValidity(chain.get(0), time);
            act.documentDigest(DataFiles.digest(in, alg.digest()));
            DSSDocument doc = new FileDocument(in.toFile());
            XAdESSignatureParameters params = parameters(chain, alg, time, options, doc);
            ToBeSigned tbs = SigningSupport.dss(() -> service().getDataToSign(doc, params));
            byte[] value = key.signDigest(alg.digest().digest(tbs.getBytes()), alg);
            SignatureValues.check(tbs.getBytes(), value, chain.get(0), alg);
            DSSDocument signed = SigningSupport.dss(() -> service().signDocument(doc, params,
                    new SignatureValue(Dss.signature(alg), value)));
            AtomicFiles.write(out, signed::writeTo);
            return new SigningResult(null, alg, options.level(), time);
        });
    }

    private XAdESService service() {
        XAdESService service = new XAdESService(DssValidation.base(settings.trust(), network));
        if (settings.timestamps() != null) {
            service.setTspSource(new DssTspSource(settings.timestamps()));
        }
        return service;
    }

    private static XAdESSignatureParameters parameters(List<X509Certificate> chain, SignatureAlgorithm alg,
                                                       Instant time, XmlSignatureOptions o, DSSDocument doc) {
        XAdESSignatureParameters p = new XAdESSignatureParameters();
        p.setSignatureLevel(xadesLevel(o.level()));
        switch (o.packaging()) {
            case ENVELOPING: p.setSignaturePackaging(SignaturePackaging.ENVELOPING); break;
            case DETACHED: p.setSignaturePackaging(SignaturePackaging.DETACHED); break;
            default: p.setSignaturePackaging(SignaturePackaging.ENVELOPED); break;
        }
        eu.europa.esig.dss.enumerations.DigestAlgorithm d = Dss.digest(alg.digest());
        p.setSigningCertificate(Dss.token(chain.get(0)));
        p.setCertificateChain(Dss.tokens(chain));
        p.setDigestAlgorithm(d);
        p.setEncryptionAlgorithm(Dss.encryption(alg));
        p.bLevel().setSigningDate(Date.from(time));
        p.getSignatureTimestampParameters().setDigestAlgorithm(d);
        p.getArchiveTimestampParameters().setDigestAlgorithm(d);
        if (o.elementId() != null) {
            DSSReference ref = new DSSReference();
            ref.setId("r-" + o.elementId());
            ref.setUri("#" + o.elementId());
            ref.setContents(doc);
            ref.setDigestMethodAlgorithm(d);
            ref.setTransforms(List.of(new EnvelopedSignatureTransform(),
                    new CanonicalizationTransform(CanonicalizationMethod.EXCLUSIVE)));
            p.setReferences(List.of(ref));
        }
        if (o.placement() != null) {
            p.setXPathLocationString(o.placement());
        }
        return p;
    }

    private static eu.europa.esig.dss.enumerations.SignatureLevel xadesLevel(vn.kyso.api.SignatureLevel l) {
        switch (l) {
            case B_T: return eu.europa.esig.dss.enumerations.SignatureLevel.XAdES_BASELINE_T;
            case B_LT: return eu.europa.esig.dss.enumerations.SignatureLevel.XAdES_BASELINE_LT;
            case B_LTA: return eu.europa.esig.dss.enumerations.SignatureLevel.XAdES_BASELINE_LTA;
            default: return eu.europa.esig.dss.enumerations.SignatureLevel.XAdES_BASELINE_B;
        }
    }

    /** Builder for {@link XmlSigner}: the settings every signer shares (see {@link SignerSettings.Builder}). */
    public static final class Builder extends SignerSettings.Builder<Builder> {
        private Builder() {
        }

        @Override
        protected Builder self() {
            return this;
        }

        public XmlSigner build() {
            return new XmlSigner(settings());
        }
    }
}
