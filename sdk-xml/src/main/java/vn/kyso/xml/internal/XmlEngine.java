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
import eu.europa.esig.dss.xades.signature.XAdESCounterSignatureParameters;
import eu.europa.esig.dss.xades.signature.XAdESService;
import eu.europa.esig.dss.xades.validation.XMLDocumentValidator;
import eu.europa.esig.dss.spi.signature.AdvancedSignature;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import vn.kyso.api.ErrorCode;
import vn.kyso.api.KysoException;
import vn.kyso.api.SignatureAlgorithm;
import vn.kyso.api.SignatureFormat;
import vn.kyso.api.SignatureLevel;
import vn.kyso.api.SigningResult;
import vn.kyso.api.internal.SigningResults;
import vn.kyso.api.cert.Certificates;
import vn.kyso.api.event.SigningEvent;
import vn.kyso.api.event.SigningListener;
import vn.kyso.api.io.AtomicFiles;
import vn.kyso.api.spi.SealedState;
import vn.kyso.api.token.SigningKey;
import vn.kyso.api.twophase.PreparedSignature;
import vn.kyso.api.twophase.StateKeyRing;
import vn.kyso.core.sign.SignerSettings;
import vn.kyso.core.internal.Dss;
import vn.kyso.core.internal.DssTspSource;
import vn.kyso.core.internal.DssValidation;
import vn.kyso.core.internal.SignatureValues;
import vn.kyso.core.internal.SigningSupport;
import vn.kyso.core.revocation.RevocationOptions;
import vn.kyso.core.trust.TrustAnchors;
import vn.kyso.core.tsp.TimestampClient;
import vn.kyso.xml.XmlSignatureOptions;
import vn.kyso.xml.XmlSignatureOptions.Format;
import vn.kyso.xml.XmlSignatureOptions.Packaging;

/** The implementation behind {@code XmlSigner}. Internal. */
public final class XmlEngine {
    private static final String STATE_KIND = "xml";
    private static final long MAX_DOM_INPUT = 256L << 20;
    private static final SecureRandom RANDOM = new SecureRandom();
    /** A signature parent given as a simple path of local names such as /HDon/DSCKS/NBan. */
    private static final java.util.regex.Pattern SIMPLE_PATH = java.util.regex.Pattern.compile("(/[A-Za-z_][\\w.-]*)+");

    private final TimestampClient timestamps;
    private final RevocationOptions revocation;
    private final TrustAnchors trust;
    private final List<SigningListener> listeners;
    private final Clock clock;
    private final SignerSettings settings;
    private final Duration stateLifetime;

    public XmlEngine(SignerSettings settings) {
        this.timestamps = settings.timestamps();
        this.revocation = settings.revocation();
        this.trust = settings.trust();
        this.listeners = settings.listeners();
        this.clock = settings.clock();
        this.settings = settings;
        this.stateLifetime = settings.stateLifetime();
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
            return new Input(Objects.requireNonNull(b, "xml").clone(), null);
        }

        public static Input of(Path p) {
            return new Input(null, Objects.requireNonNull(p, "input"));
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
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(options, "options");
        X509Certificate cert = null;
        SignatureAlgorithm alg = null;
        byte[] digest = null;
        Instant time = now();
        SignatureFormat fmt = format(options);
        try {
            List<X509Certificate> chain = SigningSupport.checkChain(key.chain());
            cert = chain.get(0);
            alg = algorithm(key, options);
            checkSetup(options);
            SigningSupport.checkValidity(cert, time);
            byte[] doc = documentBytes(input, options);
            options = withElementResolved(doc, options);
            digest = inputDigest(input, doc, options, alg);
            XmlPlan plan = new XmlPlan(chain, alg, options, time, signatureId(options), digest, input.name());
            byte[] out;
            if (options.format() == Format.XMLDSIG) {
                Dsig.Built built = buildDsig(plan, input, doc);
                byte[] value = key.signDigest(alg.digest().digest(built.signedInfo), alg);
                SignatureValues.check(built.signedInfo, value, cert, alg);
                built.setValue(value, alg, cert);
                out = write(built, output);
            } else {
                byte[] tbs = xadesDataToSign(plan, input, doc);
                byte[] value = key.signDigest(alg.digest().digest(tbs), alg);
                SignatureValues.check(tbs, value, cert, alg);
                out = xadesFinish(plan, input, doc, value, output);
            }
            SigningSupport.fire(listeners, fmt, time, cert, alg, digest, SigningEvent.Outcome.SUCCESS, null);
            return SigningResults.result(out, alg, options.level(), time);
        } catch (KysoException e) {
            SigningSupport.fire(listeners, fmt, time, cert, alg, digest, SigningEvent.Outcome.FAILURE, e.errorCode());
            throw e;
        } catch (RuntimeException e) {
            KysoException k = SigningSupport.map(e);
            SigningSupport.fire(listeners, fmt, time, cert, alg, digest, SigningEvent.Outcome.FAILURE, k.errorCode());
            throw k;
        }
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
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(options, "options");
        Instant time = now();
        SigningSupport.Act act = new SigningSupport.Act(listeners, SignatureFormat.XADES, time);
        return act.run(() -> {
            if (signatureId == null || signatureId.isBlank()) {
                throw new KysoException(ErrorCode.INVALID_ARGUMENT, "the Id of the signature to counter-sign");
            }
            if (options.format() != Format.XADES || options.packaging() != Packaging.ENVELOPED
                    || options.elementId() != null || options.elementPath() != null || options.signatureParent() != null) {
                throw new KysoException(ErrorCode.INVALID_ARGUMENT,
                        "a counter-signature is XAdES and sits inside the signature it counter-signs (no packaging, element or parent)");
            }
            List<X509Certificate> chain = SigningSupport.checkChain(key.chain());
            SignatureAlgorithm alg = algorithm(key, options);
            act.signer(chain.get(0), alg);
            checkSetup(options);
            SigningSupport.checkValidity(chain.get(0), time);
            byte[] doc = documentBytes(input, options);
            byte[] digest = alg.digest().digest(doc);
            act.documentDigest(digest);
            DSSDocument document = new InMemoryDocument(doc, input.name());
            Document d = Dom.parse(doc);
            Element target = counterSignTarget(d, document, signatureId);
            keepExistingSignatures(d, target);
            XmlPlan plan = new XmlPlan(chain, alg, options, time, signatureId(options), digest, input.name());
            XAdESCounterSignatureParameters p = common(new XAdESCounterSignatureParameters(), plan);
            p.setSignatureIdToCounterSign(target.getAttribute("Id"));
            byte[] tbs = SigningSupport.dss(() -> service().getDataToBeCounterSigned(document, p)).getBytes();
            byte[] value = key.signDigest(alg.digest().digest(tbs), alg);
            SignatureValues.check(tbs, value, chain.get(0), alg);
            SignatureValue sv = new SignatureValue(Dss.signature(alg), value);
            DSSDocument signed = SigningSupport.dss(() -> service().counterSignSignature(document, p, sv));
            return SigningResults.result(write(signed, output), alg, options.level(), time);
        });
    }

    /** The XAdES ds:Signature to counter-sign, by XML Id or by the id DSS (and so the report) gives it. */
    private static Element counterSignTarget(Document d, DSSDocument document, String id) {
        String xmlId = id;
        if (!hasSignatureWithId(d, id)) {
            xmlId = null;
            List<AdvancedSignature> all = new ArrayList<>(SigningSupport.dss(() -> new XMLDocumentValidator(document).getSignatures()));
            for (int i = 0; i < all.size() && xmlId == null; i++) {
                AdvancedSignature a = all.get(i);
                if (id.equals(a.getId())) {
                    xmlId = a.getDAIdentifier();
                }
                all.addAll(a.getCounterSignatures());
            }
        }
        NodeList sigs = d.getElementsByTagNameNS(Dom.DS, "Signature");
        for (int i = 0; xmlId != null && i < sigs.getLength(); i++) {
            Element e = (Element) sigs.item(i);
            if (xmlId.equals(e.getAttribute("Id"))) {
                if (e.getElementsByTagNameNS(Dom.XADES, "QualifyingProperties").getLength() == 0) {
                    throw new KysoException(ErrorCode.INVALID_ARGUMENT, "signature " + id
                            + " is plain XMLDSig: only XAdES signatures carry counter-signatures");
                }
                return e;
            }
        }
        throw new KysoException(ErrorCode.INVALID_ARGUMENT, "no signature with Id '" + id + "'");
    }

    private static boolean hasSignatureWithId(Document d, String id) {
        NodeList sigs = d.getElementsByTagNameNS(Dom.DS, "Signature");
        for (int i = 0; i < sigs.getLength(); i++) {
            if (id.equals(((Element) sigs.item(i)).getAttribute("Id"))) {
                return true;
            }
        }
        return false;
    }

    public PreparedSignature prepare(Input input, List<X509Certificate> chain, SignatureAlgorithm algorithm,
                                     XmlSignatureOptions options) {
        Objects.requireNonNull(algorithm, "algorithm");
        Objects.requireNonNull(options, "options");
        try {
            StateKeyRing keys = settings.requireStateKeys();
            List<X509Certificate> c = SigningSupport.checkChain(chain);
            options.checkPrepared(algorithm);
            checkSetup(options);
            Instant time = now();
            SigningSupport.checkValidity(c.get(0), time);
            byte[] doc = documentBytes(input, options);
            options = withElementResolved(doc, options);
            byte[] digest = inputDigest(input, doc, options, algorithm);
            XmlPlan plan = new XmlPlan(c, algorithm, options, time, signatureId(options), digest, input.name());
            byte[] tbs = options.format() == Format.XMLDSIG ? buildDsig(plan, input, doc).signedInfo : xadesDataToSign(plan, input, doc);
            SealedState.Builder sb = SealedState.builder(STATE_KIND)
                    .put("format", options.format().name())
                    .put("level", options.level().name())
                    .put("packaging", options.packaging().name())
                    .put("element", options.elementId() == null ? "" : options.elementId())
                    .put("parent", options.signatureParent() == null ? "" : options.signatureParent())
                    .put("comments", options.c14nWithComments() ? 1 : 0)
                    .put("stime", options.signingTimeProperty() ? 1 : 0)
                    .put("alg", algorithm.name())
                    .put("time", time.toEpochMilli())
                    .put("sigid", plan.signatureId)
                    .put("digest", digest)
                    .put("name", plan.dataName)
                    .put("tbs", algorithm.digest().digest(tbs))
                    .put("chain", c.size());
            for (int i = 0; i < c.size(); i++) {
                sb.put("cert." + i, der(c.get(i)));
            }
            byte[] state = sb.seal(keys, stateLifetime, clock);
            return SigningResults.prepared(tbs, algorithm.digest().digest(tbs), algorithm, state, null);
        } catch (KysoException e) {
            throw e;
        } catch (RuntimeException e) {
            throw SigningSupport.map(e);
        }
    }

    public SigningResult complete(byte[] state, byte[] signatureValue, Input input, Path output) {
        X509Certificate cert = null;
        SignatureAlgorithm alg = null;
        byte[] digest = null;
        Instant time = now();
        SignatureFormat fmt = SignatureFormat.XMLDSIG;
        try {
            SealedState s = SealedState.open(state, settings.requireStateKeys(), STATE_KIND, clock);
            Object[] read = readPlan(s);
            XmlPlan plan = (XmlPlan) read[0];
            // what this signer must have for the stored level, before the document is read or anything made
            checkSetup(plan.options);
            byte[] tbsDigest = (byte[]) read[1];
            cert = plan.chain.get(0);
            alg = plan.algorithm;
            time = plan.signingTime;
            digest = plan.inputDigest;
            fmt = format(plan.options);
            byte[] doc = documentBytes(input, plan.options);
            byte[] actual = inputDigest(input, doc, plan.options, alg);
            if (!MessageDigest.isEqual(actual, plan.inputDigest)) {
                throw new KysoException(ErrorCode.STATE_MISMATCH, "the document differs from the prepared one");
            }
            if (signatureValue == null || signatureValue.length == 0) {
                throw new KysoException(ErrorCode.SIGNATURE_VALUE_INVALID, "empty");
            }
            byte[] out;
            if (plan.options.format() == Format.XMLDSIG) {
                Dsig.Built built = buildDsig(plan, input, doc);
                if (!MessageDigest.isEqual(alg.digest().digest(built.signedInfo), tbsDigest)) {
                    throw new KysoException(ErrorCode.STATE_MISMATCH, "the signed info differs from the prepared one");
                }
                SignatureValues.check(built.signedInfo, signatureValue, cert, alg);
                built.setValue(signatureValue, alg, cert);
                out = write(built, output);
            } else {
                byte[] tbs = xadesDataToSign(plan, input, doc);
                if (!MessageDigest.isEqual(alg.digest().digest(tbs), tbsDigest)) {
                    throw new KysoException(ErrorCode.STATE_MISMATCH, "the data to sign differs from the prepared one");
                }
                SignatureValues.check(tbs, signatureValue, cert, alg);
                out = xadesFinish(plan, input, doc, signatureValue, output);
            }
            SigningSupport.fire(listeners, fmt, time, cert, alg, digest, SigningEvent.Outcome.SUCCESS, null);
            return SigningResults.result(out, alg, plan.options.level(), time);
        } catch (KysoException e) {
            SigningSupport.fire(listeners, fmt, time, cert, alg, digest, SigningEvent.Outcome.FAILURE, e.errorCode());
            throw e;
        } catch (RuntimeException e) {
            KysoException k = SigningSupport.map(e);
            SigningSupport.fire(listeners, fmt, time, cert, alg, digest, SigningEvent.Outcome.FAILURE, k.errorCode());
            throw k;
        }
    }

    private Object[] readPlan(SealedState s) {
        try {
            XmlSignatureOptions.Builder ob = XmlSignatureOptions.builder()
                    .format(Format.valueOf(s.string("format")))
                    .packaging(Packaging.valueOf(s.string("packaging")))
                    .c14nWithComments(s.number("comments") == 1)
                    .signingTimeProperty(s.number("stime") == 1);
            SignatureLevel level = SignatureLevel.valueOf(s.string("level"));
            if (level != SignatureLevel.NONE) {
                ob.level(level);
            }
            String el = s.string("element");
            ob.elementId(el.isEmpty() ? null : el);
            ob.signatureParent(s.string("parent"));
            SignatureAlgorithm alg = SignatureAlgorithm.valueOf(s.string("alg"));
            ob.algorithm(alg);
            XmlSignatureOptions options = ob.signatureId(s.string("sigid")).build();
            long n = s.number("chain");
            byte[] digest = s.bytes("digest");
            if (n < 1 || n > SigningSupport.MAX_CHAIN || digest.length != alg.digest().length()) {
                throw new KysoException(ErrorCode.STATE_INVALID, "fields");
            }
            List<X509Certificate> chain = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                chain.add(Certificates.parse(s.bytes("cert." + i)).get(0));
            }
            XmlPlan plan = new XmlPlan(chain, alg, options, Instant.ofEpochMilli(s.number("time")), s.string("sigid"),
                    digest, s.string("name"));
            return new Object[] {plan, s.bytes("tbs")};
        } catch (KysoException e) {
            if (e.errorCode() == ErrorCode.STATE_INVALID) {
                throw e;
            }
            throw new KysoException(ErrorCode.STATE_INVALID, e, "content");
        } catch (RuntimeException e) {
            throw new KysoException(ErrorCode.STATE_INVALID, e, "content");
        }
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.SECONDS);
    }

    private void checkSetup(XmlSignatureOptions o) {
        settings.checkLevel(o.level());
    }

    private static String signatureId(XmlSignatureOptions o) {
        if (o.signatureId() != null) {
            return o.signatureId();
        }
        byte[] r = new byte[8];
        RANDOM.nextBytes(r);
        return "sig-" + HexFormat.of().formatHex(r);
    }

    /** The XML document (null for detached signatures, whose data is streamed). */
    private static byte[] documentBytes(Input input, XmlSignatureOptions o) {
        if (o.packaging() == Packaging.DETACHED) {
            if (input.path == null) {
                return input.bytes;
            }
            requireReadable(input.path);
            return null;
        }
        if (input.bytes != null) {
            requireHeapFor(input.bytes.length, o);
            return input.bytes;
        }
        requireReadable(input.path);
        if (StreamingXml.eligible(input.path, o)) {
            return null; // streamed: see StreamingXml
        }
        try {
            long size = Files.size(input.path);
            if (size > MAX_DOM_INPUT) {
                throw new KysoException(ErrorCode.INVALID_ARGUMENT, "XML larger than 256 MiB: sign it detached");
            }
            requireHeapFor(size, o);
            return Files.readAllBytes(input.path);
        } catch (IOException e) {
            throw new KysoException(ErrorCode.INPUT_UNREADABLE, e, input.name());
        }
    }

    /**
     * A typed error instead of an OutOfMemoryError: signing on a DOM takes about 10 bytes of heap per byte
     * of XML (XMLDSig) and about 24 (XAdES, where DSS parses and copies the document again), as measured
     * with -Xmx512m (docs/PERFORMANCE.md).
     */
    private static void requireHeapFor(long size, XmlSignatureOptions o) {
        long perByte = o.format() == Format.XADES ? 24 : 10;
        long heap = Runtime.getRuntime().maxMemory();
        if (size > heap / perByte) {
            throw new KysoException(ErrorCode.INVALID_ARGUMENT, (size >> 20) + " MB of XML needs about " + (size * perByte >> 20)
                    + " MB of heap to sign " + o.format() + " " + o.packaging() + ", this JVM has " + (heap >> 20)
                    + " MB: sign it detached, or as XMLDSig over the whole document (streamed)");
        }
    }

    private static void requireReadable(Path p) {
        if (!Files.isRegularFile(p) || !Files.isReadable(p)) {
            throw new KysoException(ErrorCode.INPUT_UNREADABLE, String.valueOf(p.getFileName()));
        }
    }

    private static byte[] inputDigest(Input input, byte[] doc, XmlSignatureOptions o, SignatureAlgorithm alg) {
        if (doc != null) {
            return alg.digest().digest(doc);
        }
        return Dsig.fileDigest(input.path, alg.digest());
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
            parent = parent(d, plan.options);
            keepExistingSignatures(d, parent);
        }
        return Dsig.build(d, parent, plan);
    }

    /**
     * The options with {@link XmlSignatureOptions#elementPath()} replaced by the Id of the one element it
     * selects in this document (unchanged when there is no path). The element must carry a unique Id: the
     * reference points at it by Id, and nothing is added to the document.
     */
    static XmlSignatureOptions withElementResolved(byte[] doc, XmlSignatureOptions o) {
        String path = o.elementPath();
        if (path == null) {
            return o;
        }
        Document d = Dom.parse(doc);
        Element e = Dom.selectOne(d, dssXPath(path));
        String id = Dom.idOf(e);
        if (id == null) {
            throw new KysoException(ErrorCode.INVALID_ARGUMENT, "element " + Dom.path(e) + " selected by " + path
                    + " has no Id attribute: give it one, or sign the whole document");
        }
        Dom.uniqueById(d, id);
        return o.toBuilder().elementPath(null).elementId(id).build();
    }

    /** The element an enveloped signature goes under; a simple path such as /HDon/DSCKS/NBan is created if missing. */
    static Element parent(Document d, XmlSignatureOptions o) {
        String p = o.signatureParent();
        if (p == null) {
            return d.getDocumentElement();
        }
        if (SIMPLE_PATH.matcher(p).matches()) {
            String[] names = p.substring(1).split("/");
            Element cur = d.getDocumentElement();
            if (!names[0].equals(cur.getLocalName())) {
                throw new KysoException(ErrorCode.INVALID_ARGUMENT, "signature parent " + p + ": root is " + cur.getLocalName());
            }
            for (int i = 1; i < names.length; i++) {
                List<Element> c = Dom.children(cur, names[i]);
                if (c.size() > 1) {
                    throw new KysoException(ErrorCode.INVALID_ARGUMENT, "signature parent " + p + " is ambiguous");
                }
                if (c.isEmpty()) {
                    String ns = cur.getNamespaceURI();
                    Element e = d.createElementNS(ns, cur.getPrefix() == null ? names[i] : cur.getPrefix() + ":" + names[i]);
                    cur.appendChild(e);
                    cur = e;
                } else {
                    cur = c.get(0);
                }
            }
            return cur;
        }
        return Dom.selectOne(d, p);
    }

    /**
     * Refuses to put a new signature (or counter-signature) inside an element that an existing signature
     * signs without excluding other signatures: the new one would break it. Parallel signatures are
     * possible over different elements (the e-invoice seller and buyer both sign DLHDon from DSCKS), over
     * the whole document when the existing ones exclude every ds:Signature (DSS's XPath Filter 2.0
     * transform), and as XAdES counter-signatures.
     */
    static void keepExistingSignatures(Document d, Element parent) {
        for (XmlStructure.Sig s : XmlStructure.analyze(d, null)) {
            for (Element covered : s.coversNewSignatures) {
                for (org.w3c.dom.Node n = parent; n != null; n = n.getParentNode()) {
                    if (n == covered) {
                        throw new KysoException(ErrorCode.INVALID_ARGUMENT, "signature " + (s.id == null ? "" : s.id + " ")
                                + "covers " + Dom.path(covered) + " (signatures included): a new signature in "
                                + Dom.path(parent) + " would invalidate it; sign another element or counter-sign it");
                    }
                }
            }
        }
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

    // ---------------------------------------------------------------- XAdES (EU DSS)

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
        if (target.needsTimestamp() && timestamps == null) {
            throw new KysoException(ErrorCode.INVALID_ARGUMENT, target.label() + " needs a TimestampClient");
        }
        if (target != SignatureLevel.B_T && trust.isEmpty()) {
            throw new KysoException(ErrorCode.INVALID_ARGUMENT, target.label() + " needs trust anchors");
        }
        Instant time = now();
        byte[] doc = input.bytes != null ? input.bytes : readAll(input.path);
        Document d = Dom.parse(doc);
        if (d.getElementsByTagNameNS(Dom.XADES, "QualifyingProperties").getLength() == 0) {
            throw KysoException.localized(ErrorCode.NO_SIGNATURE, null,
                    "không có chữ ký XAdES để gia hạn (" + input.name() + ")",
                    "no XAdES signature to extend (" + input.name() + ")");
        }
        XAdESSignatureParameters p = new XAdESSignatureParameters();
        p.setSignatureLevel(xadesLevel(target));
        DSSDocument extended = SigningSupport.dss(() -> service().extendDocument(new InMemoryDocument(doc, input.name()), p));
        return SigningResults.result(write(extended, output), null, target, time);
    }

    private static byte[] readAll(Path path) {
        try {
            return java.nio.file.Files.readAllBytes(path);
        } catch (java.io.IOException e) {
            throw new KysoException(ErrorCode.INPUT_UNREADABLE, e, String.valueOf(path));
        }
    }

    private XAdESService service() {
        CommonCertificateVerifier cv = DssValidation.certificateVerifier(new Context(trust, revocation, clock));
        XAdESService service = new XAdESService(cv);
        if (timestamps != null) {
            service.setTspSource(new DssTspSource(timestamps));
        }
        return service;
    }

    private static eu.europa.esig.dss.enumerations.SignatureLevel xadesLevel(SignatureLevel l) {
        switch (l) {
            case B_B: return eu.europa.esig.dss.enumerations.SignatureLevel.XAdES_BASELINE_B;
            case B_T: return eu.europa.esig.dss.enumerations.SignatureLevel.XAdES_BASELINE_T;
            case B_LT: return eu.europa.esig.dss.enumerations.SignatureLevel.XAdES_BASELINE_LT;
            case B_LTA: return eu.europa.esig.dss.enumerations.SignatureLevel.XAdES_BASELINE_LTA;
            default: throw new KysoException(ErrorCode.INVALID_ARGUMENT, "level=" + l);
        }
    }

    private static DSSDocument dssDocument(XmlPlan plan, Input input, byte[] doc) {
        if (plan.options.packaging() == Packaging.DETACHED) {
            return new DigestDocument(Dss.digest(plan.algorithm.digest()), plan.inputDigest, plan.dataName);
        }
        // Hostile input is refused by the hardened parser before DSS sees it; the signature parent is
        // created when it is a simple path that does not exist yet.
        Document d = Dom.parse(doc);
        if (plan.options.packaging() == Packaging.ENVELOPED) {
            keepExistingSignatures(d, parent(d, plan.options));
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
    private static <P extends XAdESSignatureParameters> P common(P p, XmlPlan plan) {
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
                p.setXPathLocationString(dssXPath(o.signatureParent()));
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

    /** A simple /A/B path in DSS's namespace-aware XPath: by local names. */
    static String dssXPath(String p) {
        if (SIMPLE_PATH.matcher(p).matches()) {
            StringBuilder sb = new StringBuilder();
            for (String n : p.substring(1).split("/")) {
                sb.append("/*[local-name()='").append(n).append("']");
            }
            return sb.toString();
        }
        return p;
    }

    private byte[] xadesDataToSign(XmlPlan plan, Input input, byte[] doc) {
        DSSDocument document = dssDocument(plan, input, doc);
        return SigningSupport.dss(() -> service().getDataToSign(document, parameters(plan, document))).getBytes();
    }

    private byte[] xadesFinish(XmlPlan plan, Input input, byte[] doc, byte[] value, Path output) {
        DSSDocument document = dssDocument(plan, input, doc);
        SignatureValue sv = new SignatureValue(Dss.signature(plan.algorithm), value);
        DSSDocument signed = SigningSupport.dss(() -> service().signDocument(document, parameters(plan, document), sv));
        return write(signed, output);
    }

    /** A document DSS made, written atomically to {@code output} (null returned) or returned in memory. */
    private static byte[] write(DSSDocument signed, Path output) {
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

    private static byte[] der(X509Certificate c) {
        try {
            return c.getEncoded();
        } catch (CertificateEncodingException e) {
            throw new KysoException(ErrorCode.CERTIFICATE_UNREADABLE, e, "encoding");
        }
    }
}
