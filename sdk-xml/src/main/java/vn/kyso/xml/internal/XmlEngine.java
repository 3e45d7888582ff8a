package vn.kyso.xml.internal;

import eu.europa.esig.dss.model.DSSDocument;
import eu.europa.esig.dss.model.InMemoryDocument;
import eu.europa.esig.dss.model.SignatureValue;
import eu.europa.esig.dss.xades.XAdESSignatureParameters;
import eu.europa.esig.dss.xades.signature.XAdESCounterSignatureParameters;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import vn.kyso.api.ErrorCode;
import vn.kyso.api.KysoException;
import vn.kyso.api.SignatureAlgorithm;
import vn.kyso.api.SignatureFormat;
import vn.kyso.api.SignatureLevel;
import vn.kyso.api.SigningResult;
import vn.kyso.api.internal.Args;
import vn.kyso.api.internal.SigningResults;
import vn.kyso.api.io.AtomicFiles;
import vn.kyso.api.spi.SealedState;
import vn.kyso.api.token.SigningKey;
import vn.kyso.api.twophase.PreparedSignature;
import vn.kyso.api.twophase.StateKeyRing;
import vn.kyso.core.internal.Dss;
import vn.kyso.core.internal.SignatureValues;
import vn.kyso.core.internal.SigningSupport;
import vn.kyso.core.sign.SignerSettings;
import vn.kyso.xml.XmlSignatureOptions;
import vn.kyso.xml.XmlSignatureOptions.Format;
import vn.kyso.xml.XmlSignatureOptions.Packaging;

/**
 * The implementation behind {@code XmlSigner}: the signing acts (one call, two phases, counter-signature,
 * extension) on the plumbing every engine shares ({@link SigningSupport}, {@link SignerSettings}' checks,
 * the sealed state). XMLDSig is made leanly by {@link Dsig} (streamed by {@link StreamingXml}), XAdES by
 * EU DSS ({@link XadesDss}); where the signature goes is {@link XmlPlacement}'s, what is read
 * {@link XmlDocuments}', the state {@link XmlState}'s. Internal.
 */
public final class XmlEngine {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SignerSettings settings;
    private final XadesDss xades;

    public XmlEngine(SignerSettings settings) {
        this.settings = settings;
        this.xades = new XadesDss(settings);
    }

    /** The input: bytes of an XML document, or a path (detached data or a document). */
    public static final class Input {
        final byte[] bytes;
        final Path path;

        private Input(byte[] bytes, Path path) {
            this.bytes = bytes;
            this.path = path;
        }

        public static Input of(byte[] b) {
            return new Input(Args.notNull(b, "xml").clone(), null);
        }

        public static Input of(Path p) {
            return new Input(null, Args.notNull(p, "input"));
        }

        String name() {
            if (path == null || path.getFileName() == null) {
                return "document.xml";
            }
            return path.getFileName().toString();
        }
    }

    private static SignatureFormat format(XmlSignatureOptions o) {
        return o.format() == Format.XADES ? SignatureFormat.XADES : SignatureFormat.XMLDSIG;
    }

    public SigningResult sign(Input input, Path output, SigningKey key, XmlSignatureOptions options) {
        Args.notNull(key, "key");
        Args.notNull(options, "options");
        Instant time = now();
        SigningSupport.Act act = new SigningSupport.Act(settings.listeners(), format(options), time);
        return act.run(() -> {
            List<X509Certificate> chain = SigningSupport.checkChain(key.chain());
            X509Certificate cert = chain.get(0);
            act.signer(cert, null);
            SignatureAlgorithm alg = algorithm(key, options);
            act.signer(cert, alg);
            settings.checkLevel(options.level());
            SigningSupport.checkValidity(cert, time);
            byte[] doc = XmlDocuments.documentBytes(input, options);
            XmlSignatureOptions o = XmlPlacement.withElementResolved(doc, options);
            byte[] digest = XmlDocuments.inputDigest(input, doc, o, alg);
            act.documentDigest(digest);
            XmlPlan plan = new XmlPlan(chain, alg, o, time, signatureId(o), digest, input.name());
            byte[] out;
            if (o.format() == Format.XMLDSIG) {
                Dsig.Built built = buildDsig(plan, input, doc);
                byte[] value = key.signDigest(alg.digest().digest(built.signedInfo), alg);
                SignatureValues.check(built.signedInfo, value, cert, alg);
                built.setValue(value, alg, cert);
                out = write(built, output);
            } else {
                byte[] tbs = xades.dataToSign(plan, input, doc);
                byte[] value = key.signDigest(alg.digest().digest(tbs), alg);
                SignatureValues.check(tbs, value, cert, alg);
                out = xades.finish(plan, input, doc, value, output);
            }
            return SigningResults.result(out, alg, o.level(), time);
        });
    }

    private static SignatureAlgorithm algorithm(SigningKey key, XmlSignatureOptions options) {
        SignatureAlgorithm alg = options.algorithmFor(key);
        if (!key.schemes().contains(alg.scheme())) {
            throw new KysoException(ErrorCode.UNSUPPORTED_ALGORITHM, alg.displayName() + " / " + key.id());
        }
        return alg;
    }

    /**
     * Adds a XAdES counter-signature (made with EU DSS) to the signature {@code signatureId} (its XML Id
     * attribute or its id in the verification report), inside that signature's
     * UnsignedSignatureProperties. The counter-signature signs the target's SignatureValue.
     */
    public SigningResult counterSign(Input input, Path output, SigningKey key, String signatureId, XmlSignatureOptions options) {
        Args.notNull(key, "key");
        Args.notNull(options, "options");
        Instant time = now();
        SigningSupport.Act act = new SigningSupport.Act(settings.listeners(), SignatureFormat.XADES, time);
        return act.run(() -> {
            if (signatureId == null || signatureId.isBlank()) {
                throw KysoException.localized(ErrorCode.INVALID_ARGUMENT, null, "định danh của chữ ký cần ký xác nhận",
                        "the Id of the signature to counter-sign");
            }
            if (options.format() != Format.XADES || options.packaging() != Packaging.ENVELOPED
                    || options.elementId() != null || options.elementPath() != null || options.signatureParent() != null) {
                throw KysoException.localized(ErrorCode.INVALID_ARGUMENT, null,
                        "chữ ký xác nhận là XAdES và nằm bên trong chữ ký mà nó xác nhận (không"
                                + " chọn cách đóng gói, phần tử hay vị trí đặt)",
                        "a counter-signature is XAdES and sits inside the signature it counter-signs (no packaging,"
                                + " element or parent)");
            }
            List<X509Certificate> chain = SigningSupport.checkChain(key.chain());
            SignatureAlgorithm alg = algorithm(key, options);
            act.signer(chain.get(0), alg);
            settings.checkLevel(options.level());
            SigningSupport.checkValidity(chain.get(0), time);
            byte[] doc = XmlDocuments.documentBytes(input, options);
            byte[] digest = alg.digest().digest(doc);
            act.documentDigest(digest);
            DSSDocument document = new InMemoryDocument(doc, input.name());
            Document d = Dom.parse(doc);
            Element target = XmlPlacement.counterSignTarget(d, document, signatureId);
            XmlPlacement.keepExistingSignatures(d, target);
            XmlPlan plan = new XmlPlan(chain, alg, options, time, signatureId(options), digest, input.name());
            XAdESCounterSignatureParameters p = XadesDss.common(new XAdESCounterSignatureParameters(), plan);
            p.setSignatureIdToCounterSign(target.getAttribute("Id"));
            byte[] tbs = SigningSupport.dss(() -> xades.service().getDataToBeCounterSigned(document, p)).getBytes();
            byte[] value = key.signDigest(alg.digest().digest(tbs), alg);
            SignatureValues.check(tbs, value, chain.get(0), alg);
            SignatureValue sv = new SignatureValue(Dss.signature(alg), value);
            DSSDocument signed = SigningSupport.dss(() -> xades.service().counterSignSignature(document, p, sv));
            return SigningResults.result(write(signed, output), alg, options.level(), time);
        });
    }

    public PreparedSignature prepare(Input input, List<X509Certificate> chain, SignatureAlgorithm algorithm,
                                     XmlSignatureOptions options) {
        Args.notNull(algorithm, "algorithm");
        Args.notNull(options, "options");
        try {
            StateKeyRing keys = settings.requireStateKeys();
            List<X509Certificate> c = SigningSupport.checkChain(chain);
            options.checkPrepared(algorithm);
            settings.checkLevel(options.level());
            Instant time = now();
            SigningSupport.checkValidity(c.get(0), time);
            byte[] doc = XmlDocuments.documentBytes(input, options);
            XmlSignatureOptions o = XmlPlacement.withElementResolved(doc, options);
            byte[] digest = XmlDocuments.inputDigest(input, doc, o, algorithm);
            XmlPlan plan = new XmlPlan(c, algorithm, o, time, signatureId(o), digest, input.name());
            byte[] tbs = o.format() == Format.XMLDSIG ? buildDsig(plan, input, doc).signedInfo : xades.dataToSign(plan, input, doc);
            byte[] state = XmlState.seal(plan, tbs, keys, settings.stateLifetime(), settings.clock());
            return SigningResults.prepared(tbs, algorithm.digest().digest(tbs), algorithm, state, null);
        } catch (KysoException e) {
            throw e;
        } catch (RuntimeException e) {
            throw SigningSupport.map(e);
        }
    }

    public SigningResult complete(byte[] state, byte[] signatureValue, Input input, Path output) {
        SigningSupport.Act act = new SigningSupport.Act(settings.listeners(), SignatureFormat.XMLDSIG, now());
        return act.run(() -> {
            SealedState s = SealedState.open(state, settings.requireStateKeys(), XmlState.KIND, settings.clock());
            XmlState.Opened opened = XmlState.read(s);
            XmlPlan plan = opened.plan;
            // what this signer must have for the stored level, before the document is read or anything made
            settings.checkLevel(plan.options.level());
            X509Certificate cert = plan.chain.get(0);
            SignatureAlgorithm alg = plan.algorithm;
            act.signer(cert, alg);
            act.time(plan.signingTime);
            act.documentDigest(plan.inputDigest);
            act.format(format(plan.options));
            byte[] doc = XmlDocuments.documentBytes(input, plan.options);
            byte[] actual = XmlDocuments.inputDigest(input, doc, plan.options, alg);
            if (!MessageDigest.isEqual(actual, plan.inputDigest)) {
                throw KysoException.localized(ErrorCode.STATE_MISMATCH, null, "tài liệu khác với tài liệu đã chuẩn bị",
                        "the document differs from the prepared one");
            }
            if (signatureValue == null || signatureValue.length == 0) {
                throw new KysoException(ErrorCode.SIGNATURE_VALUE_INVALID, "empty");
            }
            byte[] out;
            if (plan.options.format() == Format.XMLDSIG) {
                Dsig.Built built = buildDsig(plan, input, doc);
                if (!MessageDigest.isEqual(alg.digest().digest(built.signedInfo), opened.tbsDigest)) {
                    throw KysoException.localized(ErrorCode.STATE_MISMATCH, null,
                            "phần SignedInfo khác với phần đã chuẩn bị", "the signed info differs from the prepared one");
                }
                SignatureValues.check(built.signedInfo, signatureValue, cert, alg);
                built.setValue(signatureValue, alg, cert);
                out = write(built, output);
            } else {
                byte[] tbs = xades.dataToSign(plan, input, doc);
                if (!MessageDigest.isEqual(alg.digest().digest(tbs), opened.tbsDigest)) {
                    throw KysoException.localized(ErrorCode.STATE_MISMATCH, null,
                            "dữ liệu cần ký khác với dữ liệu đã chuẩn bị", "the data to sign differs from the prepared one");
                }
                SignatureValues.check(tbs, signatureValue, cert, alg);
                out = xades.finish(plan, input, doc, signatureValue, output);
            }
            return SigningResults.result(out, alg, plan.options.level(), plan.signingTime);
        });
    }

    /**
     * Extends the XAdES signatures of a document to {@code target} with EU DSS. Plain XMLDSig signatures
     * have no levels ({@code NO_SIGNATURE} when there is no XAdES signature to extend).
     */
    public SigningResult extend(Input input, Path output, SignatureLevel target) {
        if (target == null || (target != SignatureLevel.B_T && target != SignatureLevel.B_LT && target != SignatureLevel.B_LTA)) {
            throw KysoException.localized(ErrorCode.INVALID_ARGUMENT, null,
                    "chỉ gia hạn được lên B-T, B-LT hoặc B-LTA (" + target + ")",
                    "a signature extends only to B-T, B-LT or B-LTA (" + target + ")");
        }
        settings.checkLevel(target);
        Instant time = now();
        byte[] doc = input.bytes != null ? input.bytes : XmlDocuments.readAll(input.path);
        Document d = Dom.parse(doc);
        if (d.getElementsByTagNameNS(Dom.XADES, "QualifyingProperties").getLength() == 0) {
            throw KysoException.localized(ErrorCode.NO_SIGNATURE, null,
                    "không có chữ ký XAdES để gia hạn (" + input.name() + ")",
                    "no XAdES signature to extend (" + input.name() + ")");
        }
        XAdESSignatureParameters p = new XAdESSignatureParameters();
        p.setSignatureLevel(XadesDss.xadesLevel(target));
        DSSDocument extended = SigningSupport.dss(() -> xades.service().extendDocument(new InMemoryDocument(doc, input.name()), p));
        return SigningResults.result(write(extended, output), null, target, time);
    }

    private Instant now() {
        return settings.clock().instant().truncatedTo(ChronoUnit.SECONDS);
    }

    private static String signatureId(XmlSignatureOptions o) {
        if (o.signatureId() != null) {
            return o.signatureId();
        }
        byte[] r = new byte[8];
        RANDOM.nextBytes(r);
        return "sig-" + HexFormat.of().formatHex(r);
    }

    // ---------------------------------------------------------------- XMLDSig (Santuario, lean)

    private static Dsig.Built buildDsig(XmlPlan plan, Input input, byte[] doc) {
        if (plan.options.packaging() == Packaging.DETACHED) {
            return Dsig.buildDetached(plan);
        }
        if (doc == null) {
            return StreamingXml.build(input.path, plan);
        }
        Document d = Dom.parse(doc);
        Element parent = null;
        if (plan.options.packaging() == Packaging.ENVELOPED) {
            parent = XmlPlacement.parent(d, plan.options);
            XmlPlacement.keepExistingSignatures(d, parent);
        }
        return Dsig.build(d, parent, plan);
    }

    private static byte[] write(Dsig.Built built, Path output) {
        if (built.source == null) {
            return write(built.document, output);
        }
        if (output != null) {
            AtomicFiles.write(output, out -> StreamingXml.write(built, out));
            return null;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            StreamingXml.write(built, bytes);
        } catch (IOException e) {
            throw new KysoException(ErrorCode.INPUT_UNREADABLE, e, built.source.getFileName().toString());
        }
        return bytes.toByteArray();
    }

    private static byte[] write(Document doc, Path output) {
        if (output != null) {
            AtomicFiles.write(output, out -> Dom.serialize(doc, out));
            return null;
        }
        return Dom.serialize(doc);
    }

    /** A document DSS made, written atomically to {@code output} (null returned) or returned in memory. */
    static byte[] write(DSSDocument signed, Path output) {
        if (output != null) {
            AtomicFiles.write(output, signed::writeTo);
            return null;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            signed.writeTo(bytes);
        } catch (IOException e) {
            throw new KysoException(ErrorCode.SIGNING_FAILED, e, "output");
        }
        return bytes.toByteArray();
    }
}
