package vn.kyso.pdf.internal.sign;

import eu.europa.esig.dss.enumerations.CertificationPermission;
import eu.europa.esig.dss.model.DSSDocument;
import eu.europa.esig.dss.model.FileDocument;
import eu.europa.esig.dss.model.SignatureValue;
import eu.europa.esig.dss.model.ToBeSigned;
import eu.europa.esig.dss.pades.PAdESSignatureParameters;
import eu.europa.esig.dss.pades.SignatureFieldParameters;
import eu.europa.esig.dss.pades.SignatureImageParameters;
import eu.europa.esig.dss.pades.SignatureImageTextParameters;
import eu.europa.esig.dss.pades.signature.PAdESService;
import eu.europa.esig.dss.pdf.pdfbox.PdfBoxNativeObjectFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import vn.kyso.api.DigestAlgorithm;
import vn.kyso.api.ErrorCode;
import vn.kyso.api.KysoException;
import vn.kyso.api.SignatureAlgorithm;
import vn.kyso.api.SignatureFormat;
import vn.kyso.api.SignatureLevel;
import vn.kyso.api.SigningResult;
import vn.kyso.api.cert.CertificateInfo;
import vn.kyso.api.io.AtomicFiles;
import vn.kyso.api.spi.SealedState;
import vn.kyso.api.token.SigningKey;
import vn.kyso.api.twophase.PreparedSignature;
import vn.kyso.core.format.DataFiles;
import vn.kyso.core.format.Dss;
import vn.kyso.core.format.DssTspSource;
import vn.kyso.core.format.DssValidation;
import vn.kyso.core.format.SignatureValues;
import vn.kyso.core.format.SignerSettings;
import vn.kyso.core.format.SigningSupport;
import vn.kyso.core.format.NetworkSources;
import vn.kyso.pdf.PdfSignatureOptions;
import vn.kyso.pdf.internal.appearance.AppearanceRequest;
import vn.kyso.pdf.internal.appearance.AppearanceState;

/** PAdES signing with EU DSS (PDFBox back end), one call or two phases. Internal. */
public final class PadesEngine {
    private static final String STATE_KIND = "pades";

    private final SignerSettings settings;
    private final NetworkSources network;

    public PadesEngine(SignerSettings settings) {
        this.settings = settings;
        this.network = new NetworkSources(settings.revocation(), settings.clock());
    }

    /** Everything both halves of a signature must agree on (no secrets). */
    private static final class Plan {
        final List<X509Certificate> chain;
        final SignatureAlgorithm algorithm;
        final Instant signingTime;
        final PdfSignatureOptions options;

        Plan(List<X509Certificate> chain, SignatureAlgorithm algorithm, Instant signingTime, PdfSignatureOptions options) {
            this.chain = chain;
            this.algorithm = algorithm;
            this.signingTime = signingTime;
            this.options = options;
        }
    }

    public SigningResult sign(Path in, Path out, SigningKey key, PdfSignatureOptions options) {
        Instant time = settings.clock().instant().truncatedTo(ChronoUnit.SECONDS);
        SigningSupport.Act act = new SigningSupport.Act(settings.listeners(), SignatureFormat.PADES, time);
        return act.run(() -> {
            requireFiles(in, out);
            List<X509Certificate> chain = SigningSupport.checkChain(key.chain());
            SignatureAlgorithm alg = options.algorithm() != null ? options.algorithm() : key.preferredAlgorithm(options.digest());
            act.signer(chain.get(0), alg);
            if (!key.schemes().contains(alg.scheme())) {
                throw new KysoException(ErrorCode.UNSUPPORTED_ALGORITHM, alg.displayName() + " / " + key.id());
            }
            settings.checkLevel(options.level());
            SigningSupport.checkValidity(chain.get(0), time);
            act.documentDigest(DataFiles.digest(in, alg.digest()));
            Plan plan = new Plan(chain, alg, time, options);
            DSSDocument source = source(plan, in);
            byte[] tbs = dataToSign(plan, source);
            byte[] value = key.signDigest(alg.digest().digest(tbs), alg);
            SignatureValues.check(tbs, value, chain.get(0), alg);
            finish(plan, source, value, out);
            return new SigningResult(null, alg, options.level(), time);
        });
    }

    public PreparedSignature prepare(Path in, List<X509Certificate> chain, SignatureAlgorithm algorithm,
                                     PdfSignatureOptions options) {
        return SigningSupport.dss(() -> {
            requireFiles(in, null);
            List<X509Certificate> c = SigningSupport.checkChain(chain);
            if (options.password() != null) {
                throw new KysoException(ErrorCode.INVALID_ARGUMENT, "two-phase signing of an encrypted PDF");
            }
            if (algorithm.digest() != options.digest()) {
                throw new KysoException(ErrorCode.INVALID_ARGUMENT, algorithm.displayName() + " with digest "
                        + options.digest().jcaName());
            }
            settings.checkLevel(options.level());
            if (options.fieldName() != null && !fieldExists(new FileDocument(in.toFile()), options.fieldName(), options)) {
                throw new KysoException(ErrorCode.INVALID_ARGUMENT, "field " + options.fieldName()
                        + " does not exist: add it first (PdfSigner.addSignatureField)");
            }
            Instant time = settings.clock().instant().truncatedTo(ChronoUnit.SECONDS);
            SigningSupport.checkValidity(c.get(0), time);
            Plan plan = new Plan(c, algorithm, time, options);
            byte[] tbs = dataToSign(plan, new FileDocument(in.toFile()));
            SealedState.Builder sb = SealedState.builder(STATE_KIND)
                    .put("v", 1)
                    .put("alg", algorithm.name())
                    .put("time", time.toEpochMilli())
                    .put("input", DataFiles.digest(in, DigestAlgorithm.SHA256))
                    .put("level", options.level().name())
                    .put("certification", options.certification().name());
            SigningSupport.putChain(sb, c);
            putOptional(sb, "field", options.fieldName());
            putOptional(sb, "reason", options.reason());
            putOptional(sb, "location", options.location());
            AppearanceState.put(sb, options);
            byte[] state = sb.seal(settings.requireStateKey(), settings.stateLifetime(), settings.clock());
            return new PreparedSignature(tbs, algorithm.digest().digest(tbs), algorithm, state);
        });
    }

    public SigningResult complete(byte[] state, byte[] signatureValue, Path in, Path out) {
        SigningSupport.Act act = new SigningSupport.Act(settings.listeners(), SignatureFormat.PADES,
                settings.clock().instant());
        return act.run(() -> {
            SealedState s = SealedState.open(state, settings.requireStateKey(), STATE_KIND, settings.clock());
            Plan plan = readPlan(s);
            act.time(plan.signingTime);
            act.signer(plan.chain.get(0), plan.algorithm);
            requireFiles(in, out);
            if (!MessageDigest.isEqual(s.bytes("input"), DataFiles.digest(in, DigestAlgorithm.SHA256))) {
                throw new KysoException(ErrorCode.STATE_MISMATCH, "the PDF differs from the prepared one");
            }
            act.documentDigest(DataFiles.digest(in, plan.algorithm.digest()));
            if (signatureValue == null || signatureValue.length == 0) {
                throw new KysoException(ErrorCode.SIGNATURE_VALUE_INVALID, "empty");
            }
            DSSDocument source = new FileDocument(in.toFile());
            byte[] tbs = dataToSign(plan, source);
            SignatureValues.check(tbs, signatureValue, plan.chain.get(0), plan.algorithm);
            finish(plan, source, signatureValue, out);
            return new SigningResult(null, plan.algorithm, plan.options.level(), plan.signingTime);
        });
    }

    private Plan readPlan(SealedState s) {
        try {
            if (s.number("v") != 1) {
                throw new KysoException(ErrorCode.STATE_INVALID, "version");
            }
            List<X509Certificate> chain = SigningSupport.readChain(s);
            SignatureAlgorithm alg = SignatureAlgorithm.valueOf(s.string("alg"));
            PdfSignatureOptions.Builder b = PdfSignatureOptions.builder()
                    .level(SignatureLevel.valueOf(s.string("level")))
                    .algorithm(alg)
                    .certification(PdfSignatureOptions.Certification.valueOf(s.string("certification")));
            if (s.has("field")) {
                b.field(s.string("field"));
            }
            if (s.has("reason")) {
                b.reason(s.string("reason"));
            }
            if (s.has("location")) {
                b.location(s.string("location"));
            }
            AppearanceState.read(s, b, s.has("field") ? s.string("field") : null);
            return new Plan(chain, alg, Instant.ofEpochMilli(s.number("time")), b.build());
        } catch (KysoException e) {
            if (e.errorCode() == ErrorCode.STATE_INVALID || e.errorCode() == ErrorCode.STATE_EXPIRED) {
                throw e;
            }
            throw new KysoException(ErrorCode.STATE_INVALID, e, "fields");
        } catch (RuntimeException e) {
            throw new KysoException(ErrorCode.STATE_INVALID, e, "fields");
        }
    }

    private static void putOptional(SealedState.Builder sb, String name, String value) {
        if (value != null) {
            sb.put(name, value);
        }
    }

    private PAdESService service() {
        return service(null);
    }

    /** The DSS service; a visible signature's appearance is drawn by {@link DssAppearanceBridge}. */
    private PAdESService service(Plan plan) {
        PAdESService service = new PAdESService(DssValidation.base(settings.trust(), network));
        service.setPdfObjFactory(plan != null && plan.options.visible()
                ? DssAppearanceBridge.objectFactory(plan.options, AppearanceRequest.of(plan.options.appearance(),
                        CertificateInfo.of(plan.chain.get(0)), plan.signingTime))
                : new PdfBoxNativeObjectFactory());
        if (settings.timestamps() != null) {
            service.setTspSource(new DssTspSource(settings.timestamps()));
        }
        return service;
    }

    private static PAdESSignatureParameters parameters(Plan plan) {
        PdfSignatureOptions o = plan.options;
        PAdESSignatureParameters p = new PAdESSignatureParameters();
        p.setSignatureLevel(Dss.padesLevel(o.level()));
        eu.europa.esig.dss.enumerations.DigestAlgorithm d = Dss.digest(plan.algorithm.digest());
        p.setSigningCertificate(Dss.token(plan.chain.get(0)));
        p.setCertificateChain(Dss.tokens(plan.chain));
        p.setDigestAlgorithm(d);
        p.setEncryptionAlgorithm(Dss.encryption(plan.algorithm));
        p.bLevel().setSigningDate(Date.from(plan.signingTime));
        p.getSignatureTimestampParameters().setDigestAlgorithm(d);
        p.getArchiveTimestampParameters().setDigestAlgorithm(d);
        p.setAppName("Kyso");
        CertificateInfo signer = CertificateInfo.of(plan.chain.get(0));
        p.setSignerName(signer.commonName());
        p.setReason(o.reason());
        p.setLocation(o.location());
        char[] password = o.password();
        if (password != null) {
            p.setPasswordProtection(password);
        }
        switch (o.certification()) {
            case NO_CHANGES: p.setPermission(CertificationPermission.NO_CHANGE_PERMITTED); break;
            case FORM_FILL: p.setPermission(CertificationPermission.MINIMAL_CHANGES_PERMITTED); break;
            case FORM_FILL_AND_ANNOTATIONS: p.setPermission(CertificationPermission.CHANGES_PERMITTED); break;
            default: break;
        }
        SignatureImageParameters image = new SignatureImageParameters();
        SignatureFieldParameters field = fieldParameters(o);
        if (o.visible()) {
            // DSS calls the drawer only for non-empty image parameters; DssAppearanceBridge draws instead
            SignatureImageTextParameters text = new SignatureImageTextParameters();
            text.setText(signer.commonName());
            image.setTextParameters(text);
        }
        image.setFieldParameters(field);
        p.setImageParameters(image);
        return p;
    }

    /**
     * The document to sign: the input, or, when the options name a field it lacks, the input with that
     * (empty) field added. Two-phase signing needs the field to exist already (see {@link #prepare}).
     */
    private DSSDocument source(Plan plan, Path in) {
        DSSDocument doc = new FileDocument(in.toFile());
        String field = plan.options.fieldName();
        if (field == null || fieldExists(doc, field, plan.options)) {
            return doc;
        }
        return SigningSupport.dss(() -> service().addNewSignatureField(doc, fieldParameters(plan.options),
                plan.options.password()));
    }

    private boolean fieldExists(DSSDocument doc, String field, PdfSignatureOptions options) {
        char[] pw = options.password();
        try {
            return SigningSupport.dss(() -> service().getAvailableSignatureFields(doc, pw)).contains(field);
        } finally {
            if (pw != null) {
                Arrays.fill(pw, '\0');
            }
        }
    }

    /** Adds an empty signature field (invisible when the options have no rectangle) and writes {@code out}. */
    public void addSignatureField(Path in, Path out, PdfSignatureOptions options) {
        requireFiles(in, out);
        if (options.fieldName() == null) {
            throw new KysoException(ErrorCode.INVALID_ARGUMENT, "field name");
        }
        DSSDocument doc = new FileDocument(in.toFile());
        DSSDocument result = SigningSupport.dss(() -> service().addNewSignatureField(doc, fieldParameters(options),
                options.password()));
        AtomicFiles.write(out, result::writeTo);
    }

    private static SignatureFieldParameters fieldParameters(PdfSignatureOptions o) {
        SignatureFieldParameters field = new SignatureFieldParameters();
        field.setFieldId(o.fieldName());
        field.setPage(o.page());
        float[] r = o.rectangle();
        if (r != null) {
            field.setOriginX(r[0]);
            field.setOriginY(r[1]);
            field.setWidth(r[2]);
            field.setHeight(r[3]);
        }
        return field;
    }

    private byte[] dataToSign(Plan plan, DSSDocument doc) {
        PAdESSignatureParameters params = parameters(plan);
        try {
            ToBeSigned tbs = SigningSupport.dss(() -> service(plan).getDataToSign(doc, params));
            return tbs.getBytes();
        } finally {
            wipe(params);
        }
    }

    private void finish(Plan plan, DSSDocument doc, byte[] value, Path out) {
        PAdESSignatureParameters params = parameters(plan);
        try {
            SignatureValue sv = new SignatureValue(Dss.signature(plan.algorithm), value);
            DSSDocument signed = SigningSupport.dss(() -> service(plan).signDocument(doc, params, sv));
            AtomicFiles.write(out, signed::writeTo);
        } finally {
            wipe(params);
        }
    }

    private static void wipe(PAdESSignatureParameters params) {
        char[] pw = params.getPasswordProtection();
        if (pw != null) {
            Arrays.fill(pw, '\0');
        }
    }

    private static void requireFiles(Path in, Path out) {
        if (in == null || !Files.isReadable(in)) {
            throw new KysoException(ErrorCode.INPUT_UNREADABLE, String.valueOf(in));
        }
        if (out != null && out.toAbsolutePath().equals(in.toAbsolutePath())) {
            throw new KysoException(ErrorCode.INVALID_ARGUMENT, "output must differ from input");
        }
        byte[] head = new byte[1024];
        int n;
        try (InputStream s = Files.newInputStream(in)) {
            n = s.readNBytes(head, 0, head.length);
        } catch (IOException e) {
            throw new KysoException(ErrorCode.INPUT_UNREADABLE, e, in.toString());
        }
        if (!new String(head, 0, n, java.nio.charset.StandardCharsets.ISO_8859_1).contains("%PDF-")) {
            throw new KysoException(ErrorCode.MALFORMED_INPUT, "not a PDF: " + in.getFileName());
        }
    }



}
