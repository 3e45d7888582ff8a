package vn.kyso.core.internal;

import eu.europa.esig.dss.cades.CAdESSignatureParameters;
import eu.europa.esig.dss.cades.signature.CAdESService;
import eu.europa.esig.dss.model.DSSDocument;
import eu.europa.esig.dss.model.DigestDocument;
import eu.europa.esig.dss.model.FileDocument;
import eu.europa.esig.dss.model.InMemoryDocument;
import eu.europa.esig.dss.spi.validation.CommonCertificateVerifier;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import vn.kyso.api.ErrorCode;
import vn.kyso.api.KysoException;
import vn.kyso.core.internal.cms.CadesSignedData;
import vn.kyso.core.sign.SignerSettings;
import vn.kyso.api.io.AtomicFiles;
import vn.kyso.api.SignatureAlgorithm;
import vn.kyso.api.SignatureFormat;
import vn.kyso.api.SignatureLevel;
import vn.kyso.api.SigningResult;
import vn.kyso.api.event.SigningListener;
import vn.kyso.api.spi.SealedState;
import vn.kyso.api.token.SigningKey;
import vn.kyso.api.twophase.PreparedSignature;
import vn.kyso.api.twophase.StateKeyRing;
import vn.kyso.core.cades.CadesSignatureOptions;
import vn.kyso.api.internal.Args;
import vn.kyso.api.internal.SigningResults;
import vn.kyso.core.trust.TrustAnchors;
import vn.kyso.core.tsp.TimestampClient;

/**
 * The implementation behind {@code CadesSigner}. B-B and B-T are built once by the lean
 * {@link CadesSignedData} (signed attributes with signing-time, the value, the signature time-stamp),
 * detached or enveloping; B-LT and B-LTA extend that B-T signature with EU DSS, which also extends
 * existing signatures ({@link #extend}). Internal.
 */
public final class CadesEngine {
    private static final String STATE_KIND = "cades";

    private final SignerSettings settings;
    private final TimestampClient timestamps;
    private final TrustAnchors trust;
    private final List<SigningListener> listeners;
    private final Clock clock;
    private final NetworkSources network;

    public CadesEngine(SignerSettings settings) {
        this.settings = settings;
        this.timestamps = settings.timestamps();
        this.trust = settings.trust();
        this.listeners = settings.listeners();
        this.clock = settings.clock();
        this.network = new NetworkSources(settings.revocation(), clock);
    }

    /** Everything that must be identical in both halves of a signature. */
    private static final class Plan {
        final List<X509Certificate> chain;
        final SignatureAlgorithm algorithm;
        final SignatureLevel level;
        final CadesSignatureOptions.Packaging packaging;
        final Instant signingTime;
        final byte[] dataDigest;
        final String dataName;

        Plan(List<X509Certificate> chain, SignatureAlgorithm algorithm, SignatureLevel level,
             CadesSignatureOptions.Packaging packaging, Instant signingTime, byte[] dataDigest, String dataName) {
            this.chain = chain;
            this.algorithm = algorithm;
            this.level = level;
            this.packaging = packaging;
            this.signingTime = signingTime;
            this.dataDigest = dataDigest;
            this.dataName = dataName;
        }
    }

    public SigningResult sign(Path data, Path output, SigningKey key, CadesSignatureOptions options) {
        Args.notNull(data, "input");
        Args.notNull(key, "key");
        Args.notNull(options, "options");
        Instant time = now();
        SigningSupport.Act act = new SigningSupport.Act(listeners, SignatureFormat.CADES, time);
        return act.run(() -> {
            List<X509Certificate> chain = SigningSupport.checkChain(key.chain());
            X509Certificate cert = chain.get(0);
            SignatureAlgorithm alg = options.algorithmFor(key);
            act.signer(cert, alg);
            if (!key.schemes().contains(alg.scheme())) {
                throw new KysoException(ErrorCode.UNSUPPORTED_ALGORITHM, alg.displayName() + " / " + key.id());
            }
            settings.checkLevel(options.level());
            SigningSupport.checkValidity(cert, time);
            DataFiles.requireReadable(data);
            byte[] dataDigest = DataFiles.digest(data, alg.digest());
            act.documentDigest(dataDigest);
            Plan plan = new Plan(chain, alg, options.level(), options.packaging(), time, dataDigest, name(data));
            byte[] tbs = dataToSign(plan);
            byte[] value = key.signDigest(alg.digest().digest(tbs), alg);
            SignatureValues.check(tbs, value, cert, alg);
            byte[] out = finish(plan, data, value, output);
            return SigningResults.result(out, alg, plan.level, time);
        });
    }

    public PreparedSignature prepare(Path data, List<X509Certificate> chain, SignatureAlgorithm algorithm,
                                     CadesSignatureOptions options) {
        Args.notNull(data, "input");
        Args.notNull(chain, "chain");
        Args.notNull(algorithm, "algorithm");
        Args.notNull(options, "options");
        try {
            StateKeyRing keys = settings.requireStateKeys();
            List<X509Certificate> c = SigningSupport.checkChain(chain);
            options.checkPrepared(algorithm);
            settings.checkLevel(options.level());
            Instant time = now();
            SigningSupport.checkValidity(c.get(0), time);
            DataFiles.requireReadable(data);
            byte[] dataDigest = DataFiles.digest(data, algorithm.digest());
            Plan plan = new Plan(c, algorithm, options.level(), options.packaging(), time, dataDigest, name(data));
            byte[] tbs = dataToSign(plan);
            SealedState.Builder sb = SealedState.builder(STATE_KIND)
                    .put("level", plan.level.name())
                    .put("packaging", plan.packaging.name())
                    .put("alg", plan.algorithm.name())
                    .put("time", plan.signingTime.toEpochMilli())
                    .put("digest", plan.dataDigest)
                    .put("name", plan.dataName);
            SigningSupport.putChain(sb, plan.chain);
            byte[] state = sb.seal(keys, settings.stateLifetime(), clock);
            return SigningResults.prepared(tbs, algorithm.digest().digest(tbs), algorithm, state, null);
        } catch (KysoException e) {
            throw e;
        } catch (RuntimeException e) {
            throw SigningSupport.map(e);
        }
    }

    public SigningResult complete(byte[] state, byte[] signatureValue, Path data) {
        Args.notNull(data, "input");
        SigningSupport.Act act = new SigningSupport.Act(listeners, SignatureFormat.CADES, now());
        return act.run(() -> {
            SealedState s = SealedState.open(state, settings.requireStateKeys(), STATE_KIND, clock);
            Plan stored = readPlan(s);
            // what this signer must have for the stored level, before the data is read or anything made
            settings.checkLevel(stored.level);
            X509Certificate cert = stored.chain.get(0);
            SignatureAlgorithm alg = stored.algorithm;
            act.time(stored.signingTime);
            act.signer(cert, alg);
            act.documentDigest(stored.dataDigest);
            DataFiles.requireReadable(data);
            byte[] actual = DataFiles.digest(data, alg.digest());
            if (!MessageDigest.isEqual(actual, stored.dataDigest)) {
                throw KysoException.localized(ErrorCode.STATE_MISMATCH, null, "dữ liệu khác với dữ liệu đã chuẩn bị",
                        "the data differs from the prepared data");
            }
            if (signatureValue == null || signatureValue.length == 0) {
                throw new KysoException(ErrorCode.SIGNATURE_VALUE_INVALID, "empty");
            }
            byte[] tbs = dataToSign(stored);
            SignatureValues.check(tbs, signatureValue, cert, alg);
            byte[] out = finish(stored, data, signatureValue, null);
            return SigningResults.result(out, alg, stored.level, stored.signingTime);
        });
    }

    /**
     * Extends the CAdES signatures of a .p7s to {@code target} with EU DSS (a signature time-stamp, then
     * validation data, then an archive time-stamp). A detached signature's data is not at hand here: DSS
     * extends what it can verify without it, anything else is {@code DETACHED_DATA_REQUIRED}.
     */
    public SigningResult extend(Path signature, Path output, SignatureLevel target) {
        Args.notNull(signature, "input");
        Args.notNull(target, "target");
        if (target != SignatureLevel.B_T && target != SignatureLevel.B_LT && target != SignatureLevel.B_LTA) {
            throw KysoException.localized(ErrorCode.INVALID_ARGUMENT, null,
                    "chỉ gia hạn được lên B-T, B-LT hoặc B-LTA (" + target.label() + ")",
                    "a signature extends only to B-T, B-LT or B-LTA (" + target.label() + ")");
        }
        settings.checkLevel(target);
        DataFiles.requireReadable(signature);
        Instant time = now();
        DSSDocument doc = new FileDocument(signature.toFile());
        CAdESSignatureParameters p = new CAdESSignatureParameters();
        p.setSignatureLevel(Dss.cadesLevel(target));
        DSSDocument extended;
        try {
            extended = service().extendDocument(doc, p);
        } catch (KysoException e) {
            throw e;
        } catch (RuntimeException e) {
            String m = String.valueOf(e.getMessage()).toLowerCase(java.util.Locale.ROOT);
            if (m.contains("detached") || m.contains("original document") || m.contains("cryptographic")) {
                throw new KysoException(ErrorCode.DETACHED_DATA_REQUIRED, e, String.valueOf(signature.getFileName()));
            }
            if (m.contains("signature") && m.contains("not found") || m.contains("no signature")) {
                throw new KysoException(ErrorCode.NO_SIGNATURE, e, String.valueOf(signature.getFileName()));
            }
            throw SigningSupport.map(e);
        }
        byte[] out = null;
        if (output != null) {
            AtomicFiles.write(output, extended::writeTo);
        } else {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try {
                extended.writeTo(bytes);
            } catch (IOException e) {
                throw new KysoException(ErrorCode.OUTPUT_FAILED, e, "output");
            }
            out = bytes.toByteArray();
        }
        return SigningResults.result(out, null, target, time);
    }

    private Plan readPlan(SealedState s) {
        try {
            SignatureLevel level = SignatureLevel.valueOf(s.string("level"));
            CadesSignatureOptions.Packaging packaging = CadesSignatureOptions.Packaging.valueOf(s.string("packaging"));
            SignatureAlgorithm alg = SignatureAlgorithm.valueOf(s.string("alg"));
            Instant time = Instant.ofEpochMilli(s.number("time"));
            byte[] digest = s.bytes("digest");
            if (digest.length != alg.digest().length() || level == SignatureLevel.NONE) {
                throw new KysoException(ErrorCode.STATE_INVALID, "fields");
            }
            List<X509Certificate> chain = SigningSupport.readChain(s);
            return new Plan(chain, alg, level, packaging, time, digest, s.string("name"));
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





    private CAdESService service() {
        CommonCertificateVerifier cv = DssValidation.base(trust, network);
        CAdESService service = new CAdESService(cv);
        if (timestamps != null) {
            service.setTspSource(new DssTspSource(timestamps));
        }
        return service;
    }

    /** What DSS needs to extend a signature of this plan: the level and, for a detached one, the data by its digest. */
    private static CAdESSignatureParameters extension(Plan plan) {
        CAdESSignatureParameters p = new CAdESSignatureParameters();
        p.setSignatureLevel(Dss.cadesLevel(plan.level));
        eu.europa.esig.dss.enumerations.DigestAlgorithm d = Dss.digest(plan.algorithm.digest());
        p.getSignatureTimestampParameters().setDigestAlgorithm(d);
        p.getArchiveTimestampParameters().setDigestAlgorithm(d);
        if (plan.packaging == CadesSignatureOptions.Packaging.DETACHED) {
            p.setDetachedContents(List.of(new DigestDocument(d, plan.dataDigest, plan.dataName)));
        }
        return p;
    }

    /** The DER signed attributes the key signs: the same plan always gives the same bytes. */
    private static byte[] dataToSign(Plan plan) {
        return CadesSignedData.signedAttributes(plan.dataDigest, plan.algorithm, plan.chain.get(0), plan.signingTime);
    }

    /**
     * The CMS around a checked signature value: built once for B-B and B-T (with the signature
     * time-stamp), extended by DSS for B-LT and B-LTA; written atomically to {@code output} (null
     * returned) or returned.
     */
    private byte[] finish(Plan plan, Path data, byte[] value, Path output) {
        byte[] content = null;
        if (plan.packaging == CadesSignatureOptions.Packaging.ENVELOPING) {
            // The content goes into the CMS: make sure it is still what was hashed.
            content = DataFiles.read(data, Integer.MAX_VALUE - 64);
            if (!MessageDigest.isEqual(plan.algorithm.digest().digest(content), plan.dataDigest)) {
                throw KysoException.localized(ErrorCode.STATE_MISMATCH, null, "dữ liệu đã thay đổi trong lúc ký",
                        "the data changed while signing");
            }
        }
        byte[] token = null;
        if (plan.level.needsTimestamp()) {
            TimestampClient tsa = settings.requireTimestamps(plan.level);
            token = tsa.timestamp(CadesSignedData.timestampImprint(value, plan.algorithm.digest()), plan.algorithm.digest());
        }
        byte[] cms = CadesSignedData.encode(plan.chain, plan.algorithm, dataToSign(plan), value, token, content);
        if (plan.level == SignatureLevel.B_LT || plan.level == SignatureLevel.B_LTA) {
            DSSDocument bt = new InMemoryDocument(cms, plan.dataName + ".p7s");
            DSSDocument extended = SigningSupport.dss(() -> service().extendDocument(bt, extension(plan)));
            return write(extended, output);
        }
        if (output != null) {
            AtomicFiles.write(output, cms);
            return null;
        }
        return cms;
    }

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

    private static String name(Path data) {
        Path f = data.getFileName();
        return f == null ? "data" : f.toString();
    }

}
