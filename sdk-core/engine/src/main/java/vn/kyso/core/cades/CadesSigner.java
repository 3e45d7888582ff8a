package vn.kyso.core.cades;

import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.List;
import vn.kyso.api.KysoException;
import vn.kyso.api.SignatureAlgorithm;
import vn.kyso.api.SignatureLevel;
import vn.kyso.api.SigningResult;
import vn.kyso.api.internal.Args;
import vn.kyso.api.io.Document;
import vn.kyso.api.io.Output;
import vn.kyso.api.sign.DocumentSigner;
import vn.kyso.api.token.SigningKey;
import vn.kyso.api.twophase.PreparedSignature;
import vn.kyso.api.twophase.StateKey;
import vn.kyso.core.internal.CadesEngine;
import vn.kyso.core.internal.SignerIo;
import vn.kyso.core.sign.SignerSettings;

/**
 * Creates CAdES (ETSI EN 319 122) signatures over any file, at B-B, B-T, B-LT or B-LTA, detached or
 * enveloping, with EU DSS: a {@link DocumentSigner} whose output is the CMS (.p7s).
 *
 * <p>Guarantees:
 * <ul>
 * <li>The private key never leaves its token: only the digest of the signed attributes goes to
 *     {@link SigningKey#signDigest}; the value returned is checked against the certificate before any
 *     output is produced ({@code SIGNATURE_VALUE_INVALID}).</li>
 * <li>The signer's certificate must be valid at the signing time ({@code CERTIFICATE_EXPIRED},
 *     {@code CERTIFICATE_NOT_YET_VALID}).</li>
 * <li>Detached signing of a file reads it once, streaming; it is never loaded into memory.</li>
 * <li>Output files are written atomically; a failure never leaves a partial file.</li>
 * <li>Every signing act (success or failure) is reported to the listeners; a throwing listener is logged.</li>
 * <li>Every failure is a {@link KysoException}.</li>
 * </ul>
 * Two-phase: {@link #prepare} seals what must be identical in both halves (signing time, chain,
 * algorithm, level, packaging, digest of the data) with the {@link StateKey}; {@link #complete} in any
 * process holding the same key reopens it ({@code STATE_INVALID}, {@code STATE_EXPIRED}) and refuses
 * other data ({@code STATE_MISMATCH}). {@link #completeWithCms} is {@code OPERATION_UNSUPPORTED}: a CMS
 * made elsewhere over the data already is the CAdES signature. {@link #extend} takes a .p7s: an
 * enveloping one extends alone; a detached one whose extension needs its data is
 * {@code DETACHED_DATA_REQUIRED}.
 *
 * <pre>{@code
 * CadesSigner cades = CadesSigner.builder().timestamps(tsa).build();
 * cades.sign(Path.of("hop-dong.docx"), Path.of("hop-dong.docx.p7s"), key,
 *         CadesSignatureOptions.builder().level(SignatureLevel.B_T).build());
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class CadesSigner implements DocumentSigner<CadesSignatureOptions> {
    private final CadesEngine engine;

    private CadesSigner(SignerSettings settings) {
        engine = new CadesEngine(settings);
    }

    /**
     * {@return a builder: no time-stamp authority, no trust anchors, online revocation, the system clock}
     */
    public static Builder builder() {
        return new Builder();
    }

    /** Signs the data; the output is the CMS (.p7s). */
    @Override
    public SigningResult sign(Document input, Output output, SigningKey key, CadesSignatureOptions options) {
        Args.notNull(input, "input");
        Args.notNull(output, "output");
        Args.notNull(key, "key");
        Args.notNull(options, "options");
        return SignerIo.withFile(input, data ->
                SignerIo.deliver(output, engine.sign(data, SignerIo.fileOrNull(output), key, options)));
    }

    /**
     * First half of a two-phase signature: what the key must sign, and the sealed state.
     *
     * @throws KysoException {@code INVALID_ARGUMENT} without a state key, or on inconsistent arguments
     */
    @Override
    public PreparedSignature prepare(Document input, List<X509Certificate> chain, SignatureAlgorithm algorithm,
                                     CadesSignatureOptions options) {
        Args.notNull(input, "input");
        return SignerIo.withFile(input, data -> engine.prepare(data, chain, algorithm, options));
    }

    /** Second half: builds the CMS from the sealed state and the signature value; {@code input} is the same data. */
    @Override
    public SigningResult complete(byte[] state, byte[] signatureValue, Document input, Output output) {
        Args.notNull(state, "state");
        Args.notNull(signatureValue, "signatureValue");
        Args.notNull(input, "input");
        Args.notNull(output, "output");
        return SignerIo.withFile(input, data -> {
            SigningResult r = engine.complete(state, signatureValue, data);
            Path target = output.path();
            if (target != null) {
                vn.kyso.api.io.AtomicFiles.write(target, r.signed());
                return vn.kyso.api.internal.SigningResults.result(null, r.algorithm(), r.level(), r.signingTime());
            }
            return SignerIo.deliver(output, r);
        });
    }

    /** Extends the signatures of a .p7s (see the class description). */
    @Override
    public SigningResult extend(Document input, Output output, SignatureLevel target) {
        Args.notNull(input, "input");
        Args.notNull(output, "output");
        return SignerIo.withFile(input, p7s ->
                SignerIo.deliver(output, engine.extend(p7s, SignerIo.fileOrNull(output), target)));
    }

    /** Builder for {@link CadesSigner}: the settings every signer shares (see {@link SignerSettings.Builder}). */
    public static final class Builder extends SignerSettings.Builder<Builder> {
        private Builder() {
        }

        @Override
        protected Builder self() {
            return this;
        }

        /**
         * {@return a signer with these settings; the builder may be reused}
         */
        public CadesSigner build() {
            return new CadesSigner(settings());
        }
    }
}
