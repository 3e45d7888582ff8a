package vn.kyso.core.cades;

import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;
import vn.kyso.api.KysoException;
import vn.kyso.api.SignatureAlgorithm;
import vn.kyso.api.SigningResult;
import vn.kyso.api.token.SigningKey;
import vn.kyso.api.twophase.PreparedSignature;
import vn.kyso.api.twophase.StateKey;
import vn.kyso.core.sign.SignerSettings;
import vn.kyso.core.internal.CadesEngine;

/**
 * Creates CAdES (ETSI EN 319 122) signatures over any file, at B-B, B-T, B-LT or B-LTA, detached or
 * enveloping, with EU DSS.
 *
 * <p>Guarantees:
 * <ul>
 * <li>The private key never leaves its token: only the digest of the signed attributes goes to
 *     {@link SigningKey#signDigest}; the value returned is checked against the certificate before any
 *     output is produced ({@code SIGNATURE_VALUE_INVALID}).</li>
 * <li>The signer's certificate must be valid at the signing time ({@code CERTIFICATE_EXPIRED},
 *     {@code CERTIFICATE_NOT_YET_VALID}).</li>
 * <li>Detached signing reads the data file once, streaming; it is never loaded into memory.</li>
 * <li>Output files are written atomically; a failure never leaves a partial file.</li>
 * <li>Every signing act (success or failure) is reported to the listeners; a throwing listener is logged.</li>
 * <li>Every failure is a {@link KysoException}.</li>
 * </ul>
 * Two-phase: {@link #prepare} seals what must be identical in both halves (signing time, chain,
 * algorithm, level, packaging, digest of the data) with the {@link StateKey}; {@link #complete} in any
 * process holding the same key reopens it ({@code STATE_INVALID}, {@code STATE_EXPIRED}) and refuses
 * other data ({@code STATE_MISMATCH}).
 *
 * <p>Immutable and thread-safe.
 */
public final class CadesSigner {
    private final CadesEngine engine;

    private CadesSigner(SignerSettings settings) {
        engine = new CadesEngine(settings);
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Signs a file with a key; the result carries the CMS bytes (.p7s).
     *
     * @throws KysoException on any failure (see the class description)
     */
    public SigningResult sign(Path data, SigningKey key, CadesOptions options) {
        return engine.sign(data, null, key, options);
    }

    /** Signs a file and writes the CMS atomically to {@code output}; the result's {@code signed()} is null. */
    public SigningResult sign(Path data, Path output, SigningKey key, CadesOptions options) {
        Objects.requireNonNull(output, "output");
        return engine.sign(data, output, key, options);
    }

    /**
     * First half of a two-phase signature: what the key must sign, and the sealed state.
     *
     * @param chain the signer's certificate first, then as much of its chain as known
     * @param algorithm the algorithm the key will use; its digest must equal {@code options.digest()}
     * @throws KysoException {@code INVALID_ARGUMENT} without a state key, or on inconsistent arguments
     */
    public PreparedSignature prepare(Path data, List<X509Certificate> chain, SignatureAlgorithm algorithm,
                                     CadesOptions options) {
        return engine.prepare(data, chain, algorithm, options);
    }

    /**
     * Second half: builds the CMS from the sealed state and the signature value over
     * {@link PreparedSignature#digest()}. {@code data} must be the same content as at prepare time.
     */
    public SigningResult complete(byte[] state, byte[] signatureValue, Path data) {
        return engine.complete(state, signatureValue, data);
    }

    /** Builder for {@link CadesSigner}: the settings every signer shares (see {@link SignerSettings.Builder}). */
    public static final class Builder extends SignerSettings.Builder<Builder> {
        private Builder() {
        }

        @Override
        protected Builder self() {
            return this;
        }

        public CadesSigner build() {
            return new CadesSigner(settings());
        }
    }
}
