package vn.kyso.pdf.internal.sign;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import vn.kyso.api.ErrorCode;
import vn.kyso.api.KysoException;
import vn.kyso.api.SignatureAlgorithm;
import vn.kyso.api.SignatureFormat;
import vn.kyso.api.SignatureLevel;
import vn.kyso.api.SigningResult;
import vn.kyso.api.internal.SigningResults;
import vn.kyso.api.spi.SealedState;
import vn.kyso.api.token.SigningKey;
import vn.kyso.api.twophase.PreparedSignature;
import vn.kyso.core.internal.SignatureValues;
import vn.kyso.core.sign.SignerSettings;
import vn.kyso.core.internal.SigningSupport;
import vn.kyso.pdf.PdfSignatureOptions;
import vn.kyso.pdf.internal.appearance.AppearanceState;
import vn.kyso.core.internal.cms.CadesSignedData;

/**
 * PAdES signing, one call or two phases. B-B and B-T are made on the lean path: the input is parsed
 * lazily by PDFBox, one incremental revision is serialised by {@link Increment}, the input is streamed
 * once into the output while its /ByteRange digest is computed, the CMS is built once
 * ({@link CadesSignedData}) and patched into the reserved /Contents before the atomic rename. B-LT and
 * B-LTA extend that B-T result with EU DSS ({@link LtvExtension}). Internal.
 */
public final class PadesEngine {
    private static final String STATE_KIND = "pades";
    /** Room for the signature time-stamp token of B-T and above (a TSA's token with its chain). */
    private static final int TIMESTAMP_RESERVE = 16 * 1024;
    /**
     * Extra room in two-phase signatures, whose second half may bring a whole CMS made elsewhere, with
     * more certificates or attributes than Kyso's own (or its own time-stamp).
     */
    private static final int EXTERNAL_CMS_RESERVE = 8 * 1024;

    private final SignerSettings settings;
    private final LtvExtension ltv;

    public PadesEngine(SignerSettings settings) {
        this.settings = settings;
        this.ltv = new LtvExtension(settings);
    }

    /** Everything both halves of a signature must agree on (no secrets). */
    private static final class Plan {
        final List<X509Certificate> chain;
        final SignatureAlgorithm algorithm;
        final Instant signingTime;
        final PdfSignatureOptions options;
        final boolean twoPhase;

        Plan(List<X509Certificate> chain, SignatureAlgorithm algorithm, Instant signingTime, PdfSignatureOptions options,
             boolean twoPhase) {
            this.chain = chain;
            this.algorithm = algorithm;
            this.signingTime = signingTime;
            this.options = options;
            this.twoPhase = twoPhase;
        }

        /** The bytes reserved for the CMS in /Contents. */
        int reserve() {
            return CadesSignedData.maxSize(chain, (level().needsTimestamp() ? TIMESTAMP_RESERVE : 0)
                    + (twoPhase ? EXTERNAL_CMS_RESERVE : 0));
        }

        SignatureLevel level() {
            return options.level();
        }

        /** Whether validation data (and an archive time-stamp) follow the signature in later revisions. */
        boolean extended() {
            return level() == SignatureLevel.B_LT || level() == SignatureLevel.B_LTA;
        }
    }

    public SigningResult sign(Path in, Path out, SigningKey key, PdfSignatureOptions options) {
        Instant time = now();
        SigningSupport.Act act = new SigningSupport.Act(settings.listeners(), SignatureFormat.PADES, time);
        return act.run(() -> {
            requireFiles(in, out);
            List<X509Certificate> chain = SigningSupport.checkChain(key.chain());
            SignatureAlgorithm alg = options.algorithmFor(key);
            act.signer(chain.get(0), alg);
            if (!key.schemes().contains(alg.scheme())) {
                throw new KysoException(ErrorCode.UNSUPPORTED_ALGORITHM, alg.displayName() + " / " + key.id());
            }
            settings.checkLevel(options.level());
            SigningSupport.checkValidity(chain.get(0), time);
            Plan plan = new Plan(chain, alg, time, options, false);
            char[] password = options.password();
            try (PdfInput input = PdfInput.open(in, password)) {
                Increment.Bytes revision = revision(input, plan);
                write(plan, input, revision, out, password, digest -> {
                    act.documentDigest(digest);
                    byte[] attributes = CadesSignedData.signedAttributes(digest, alg, chain.get(0));
                    byte[] value = key.signDigest(alg.digest().digest(attributes), alg);
                    SignatureValues.check(attributes, value, chain.get(0), alg);
                    return cms(plan, attributes, value);
                });
            } finally {
                wipe(password);
            }
            return SigningResults.result(null, alg, options.level(), time);
        });
    }

    public PreparedSignature prepare(Path in, List<X509Certificate> chain, SignatureAlgorithm algorithm,
                                     PdfSignatureOptions options) {
        try {
            settings.requireStateKeys();
            requireFiles(in, null);
            List<X509Certificate> c = SigningSupport.checkChain(chain);
            char[] password = options.password();
            if (password != null) {
                wipe(password);
                throw encryptedTwoPhase();
            }
            options.checkPrepared(algorithm);
            settings.checkLevel(options.level());
            Instant time = now();
            SigningSupport.checkValidity(c.get(0), time);
            Plan plan = new Plan(c, algorithm, time, options, true);
            try (PdfInput input = PdfInput.open(in, null)) {
                if (input.encrypted()) {
                    throw encryptedTwoPhase();
                }
                Increment.Bytes revision = revision(input, plan);
                byte[] digest = SignedOutput.digest(in, input.length, revision, algorithm.digest());
                byte[] attributes = CadesSignedData.signedAttributes(digest, algorithm, c.get(0));
                byte[] state = seal(plan, digest, input.length);
                return SigningResults.prepared(attributes, algorithm.digest().digest(attributes), algorithm, state, digest);
            }
        } catch (KysoException e) {
            throw e;
        } catch (RuntimeException e) {
            throw SigningSupport.map(e);
        }
    }

    public SigningResult complete(byte[] state, byte[] signatureValue, Path in, Path out) {
        return finish(state, in, out, (plan, expected) -> {
            settings.requireTimestamps(plan.level());
            if (signatureValue == null || signatureValue.length == 0) {
                throw new KysoException(ErrorCode.SIGNATURE_VALUE_INVALID, "empty");
            }
            X509Certificate cert = plan.chain.get(0);
            byte[] attributes = CadesSignedData.signedAttributes(expected, plan.algorithm, cert);
            SignatureValues.check(attributes, signatureValue, cert, plan.algorithm);
            return new Completion(plan.algorithm, () -> cms(plan, attributes, signatureValue));
        });
    }

    /**
     * The second half with a whole CMS made elsewhere over the prepared document digest instead of a
     * signature value; the signature time-stamp (B-T and above) is added when the CMS has none, and the
     * validation data for B-LT/B-LTA as in {@link #complete}.
     */
    public SigningResult completeWithCms(byte[] state, byte[] cms, Path in, Path out) {
        return finish(state, in, out, (plan, expected) -> {
            if (cms != null && cms.length > plan.reserve()) { // before parsing whatever was sent
                throw tooLarge(cms.length, plan);
            }
            CadesSignedData.External external = CadesSignedData.external(cms, expected, plan.algorithm.digest(), plan.chain);
            if (!external.timestamped() || plan.level() == SignatureLevel.B_LTA) {
                // a time-stamp to add, or the archive time-stamp of B-LTA
                settings.requireTimestamps(plan.level());
            }
            return new Completion(external.algorithm(), () -> {
                byte[] token = null;
                if (plan.level().needsTimestamp() && !external.timestamped()) {
                    token = settings.timestamps().timestamp(CadesSignedData.timestampImprint(external.signatureValue(),
                            plan.algorithm.digest()), plan.algorithm.digest());
                }
                byte[] contents = external.encoded(token);
                if (contents.length > plan.reserve()) {
                    throw tooLarge(contents.length, plan);
                }
                return contents;
            });
        });
    }

    private static KysoException tooLarge(int size, Plan plan) {
        return KysoException.localized(ErrorCode.SIGNATURE_VALUE_INVALID, null, "CMS: " + size + " B, nhiều hơn "
                + plan.reserve() + " B đã dành sẵn cho nó", "CMS: " + size + " bytes, more than the "
                + plan.reserve() + " bytes reserved for it");
    }

    private static KysoException encryptedTwoPhase() {
        return KysoException.localized(ErrorCode.INVALID_ARGUMENT, null, "không ký hai bước được tệp PDF đã mã hóa",
                "two-phase signing of an encrypted PDF");
    }

    private static KysoException differs() {
        return KysoException.localized(ErrorCode.STATE_MISMATCH, null, "tệp PDF khác với tệp đã chuẩn bị",
                "the PDF differs from the prepared one");
    }

    /** What the second half got, checked: the algorithm it signs with and the CMS it makes for /Contents. */
    private static final class Completion {
        final SignatureAlgorithm algorithm;
        final Supplier<byte[]> contents;

        Completion(SignatureAlgorithm algorithm, Supplier<byte[]> contents) {
            this.algorithm = algorithm;
            this.contents = contents;
        }
    }

    /** Checks what the second half got against the plan and the prepared document digest. */
    private interface Check {
        Completion check(Plan plan, byte[] expectedDigest);
    }

    /**
     * Both second halves: the state opened, the value or CMS checked before any file is touched, the same
     * revision rebuilt from the unchanged input, its digest compared with the prepared one, the output written.
     */
    private SigningResult finish(byte[] state, Path in, Path out, Check check) {
        SigningSupport.Act act = new SigningSupport.Act(settings.listeners(), SignatureFormat.PADES, now());
        return act.run(() -> {
            SealedState s = SealedState.open(state, settings.requireStateKeys(), STATE_KIND, settings.clock());
            Plan plan = readPlan(s);
            // validation data up to a root for the stored level (the time-stamp authority is the check's)
            settings.requireTrust(plan.level());
            byte[] expected = s.bytes("digest");
            long length = s.number("length");
            act.time(plan.signingTime);
            act.signer(plan.chain.get(0), plan.algorithm);
            act.documentDigest(expected);
            requireFiles(in, out);
            Completion completion = check.check(plan, expected);
            act.signer(plan.chain.get(0), completion.algorithm);
            if (size(in) != length) {
                throw differs();
            }
            try (PdfInput input = PdfInput.open(in, null)) {
                Increment.Bytes revision = revision(input, plan);
                write(plan, input, revision, out, null, digest -> {
                    if (!MessageDigest.isEqual(digest, expected)) {
                        throw differs();
                    }
                    return completion.contents.get();
                });
            }
            return SigningResults.result(null, completion.algorithm, plan.level(), plan.signingTime);
        });
    }

    /** Adds an empty signature field (invisible when the options have no rectangle) and writes {@code out}. */
    public void addSignatureField(Path in, Path out, PdfSignatureOptions options) {
        requireFiles(in, out);
        if (options.fieldName() == null) {
            throw KysoException.localized(ErrorCode.INVALID_ARGUMENT, null, "thiếu tên trường chữ ký", "field name");
        }
        char[] password = options.password();
        try (PdfInput input = PdfInput.open(in, password)) {
            Increment.Bytes revision = build(() -> SignatureRevision.emptyField(input, options).write());
            SignedOutput.write(in, input.length, revision, out);
        } finally {
            wipe(password);
        }
    }

    /**
     * Adds validation data (B-LT) and an archive time-stamp (B-LTA) for the signatures already in
     * {@code in}, as further revisions.
     */
    public SigningResult extend(Path in, Path out, SignatureLevel target, char[] password) {
        requireFiles(in, out);
        if (target != SignatureLevel.B_T && target != SignatureLevel.B_LT && target != SignatureLevel.B_LTA) {
            throw KysoException.localized(ErrorCode.INVALID_ARGUMENT, null,
                    "chỉ gia hạn được lên B-T, B-LT hoặc B-LTA (" + target.label() + ")",
                    "a signature extends only to B-T, B-LT or B-LTA (" + target.label() + ")");
        }
        settings.checkLevel(target);
        try (PdfInput input = PdfInput.open(in, password)) {
            if (!input.signed()) {
                throw new KysoException(ErrorCode.NO_SIGNATURE, String.valueOf(in.getFileName()));
            }
        }
        Instant time = now();
        ltv.extend(in, out, target, password);
        return SigningResults.result(null, null, target, time);
    }

    /** Writes the signed file; for B-LT/B-LTA the B-T result goes to a temporary file first and is extended. */
    private void write(Plan plan, PdfInput input, Increment.Bytes revision, Path out, char[] password,
                       SignedOutput.Signer signer) {
        if (!plan.extended()) {
            SignedOutput.write(input.path, input.length, revision, plan.algorithm.digest(), out, signer);
            return;
        }
        Path temp = null;
        try {
            Path abs = out.toAbsolutePath();
            temp = Files.createTempFile(abs.getParent(), "." + abs.getFileName(), ".bt.part");
            SignedOutput.write(input.path, input.length, revision, plan.algorithm.digest(), temp, signer);
            ltv.extend(temp, out, plan.level(), password);
        } catch (IOException e) {
            throw new KysoException(ErrorCode.OUTPUT_FAILED, e, String.valueOf(out));
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // a leftover temporary file; the output is complete or absent either way
                }
            }
        }
    }

    private Increment.Bytes revision(PdfInput input, Plan plan) {
        SignatureRevision.Signature signature = new SignatureRevision.Signature(plan.chain.get(0), plan.signingTime, plan.reserve());
        return build(() -> SignatureRevision.signature(input, plan.options, signature).write());
    }

    private interface RevisionBuilder {
        Increment.Bytes build() throws IOException;
    }

    /** Runs the PDF side; what PDFBox cannot read or we cannot write is MALFORMED_INPUT. */
    private static Increment.Bytes build(RevisionBuilder b) {
        try {
            return b.build();
        } catch (KysoException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw KysoException.localized(ErrorCode.MALFORMED_INPUT, e, "không đọc hoặc không ghi được cấu trúc PDF",
                    "the PDF structure cannot be read or written");
        }
    }

    /** The CMS for the signature value, with the signature time-stamp at B-T and above. */
    private byte[] cms(Plan plan, byte[] attributes, byte[] value) {
        byte[] token = null;
        if (plan.level().needsTimestamp()) {
            token = settings.timestamps().timestamp(CadesSignedData.timestampImprint(value, plan.algorithm.digest()),
                    plan.algorithm.digest());
        }
        return CadesSignedData.encode(plan.chain, plan.algorithm, attributes, value, token);
    }

    private byte[] seal(Plan plan, byte[] digest, long length) {
        PdfSignatureOptions o = plan.options;
        SealedState.Builder sb = SealedState.builder(STATE_KIND)
                .put("alg", plan.algorithm.name())
                .put("time", plan.signingTime.toEpochMilli())
                .put("digest", digest)
                .put("length", length)
                .put("level", o.level().name())
                .put("certification", o.certification().name());
        SigningSupport.putChain(sb, plan.chain);
        putOptional(sb, "field", o.fieldName());
        putOptional(sb, "reason", o.reason());
        putOptional(sb, "location", o.location());
        AppearanceState.put(sb, o);
        return sb.seal(settings.requireStateKeys(), settings.stateLifetime(), settings.clock());
    }

    private Plan readPlan(SealedState s) {
        try {
            List<X509Certificate> chain = SigningSupport.readChain(s);
            SignatureAlgorithm alg = SignatureAlgorithm.valueOf(s.string("alg"));
            if (s.bytes("digest").length != alg.digest().length() || s.number("length") < 0) {
                throw new KysoException(ErrorCode.STATE_INVALID, "digest");
            }
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
            return new Plan(chain, alg, Instant.ofEpochMilli(s.number("time")), b.build(), true);
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

    private Instant now() {
        return settings.clock().instant().truncatedTo(ChronoUnit.SECONDS);
    }

    private static long size(Path in) {
        try {
            return Files.size(in);
        } catch (IOException e) {
            throw new KysoException(ErrorCode.INPUT_UNREADABLE, e, String.valueOf(in));
        }
    }

    private static void wipe(char[] password) {
        if (password != null) {
            Arrays.fill(password, '\0');
        }
    }

    /** Readable input, an output that is not the input; whether it is a PDF is {@link PdfInput#open}'s check. */
    static void requireFiles(Path in, Path out) {
        if (in == null || !Files.isRegularFile(in) || !Files.isReadable(in)) {
            throw new KysoException(ErrorCode.INPUT_UNREADABLE, String.valueOf(in));
        }
        if (out != null && out.toAbsolutePath().normalize().equals(in.toAbsolutePath().normalize())) {
            throw KysoException.localized(ErrorCode.INVALID_ARGUMENT, null, "tệp kết quả phải khác tệp đầu vào",
                    "output must differ from input");
        }
    }
}
