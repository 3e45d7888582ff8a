package vn.kyso.pdf;

import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;
import vn.kyso.api.SignatureAlgorithm;
import vn.kyso.api.SigningResult;
import vn.kyso.api.token.SigningKey;
import vn.kyso.api.twophase.PreparedSignature;
import vn.kyso.core.format.SignerSettings;
import vn.kyso.pdf.internal.sign.PadesEngine;

/**
 * Signs PDFs with PAdES baseline signatures (B-B, B-T, B-LT, B-LTA; ETSI.CAdES.detached), always as an
 * incremental update: the input's bytes stay untouched at the start of the output, so earlier
 * signatures remain valid. Invisible or visible as Decree 30/2020 prescribes ({@link PdfAppearance}:
 * text block, leader's signature image, seal, appendix/copy/income info text; Liberation Serif embedded),
 * placed by rectangle, field or anchor text ({@link PdfPlacement}), upright on rotated pages; new or
 * existing empty field, optional certification (DocMDP), encrypted input with its password. The output
 * is written atomically.
 *
 * <p>Errors: {@code MALFORMED_INPUT} not a PDF; {@code INVALID_ARGUMENT} a placement that cannot be
 * resolved (page, field or anchor text not found, no signature image for a seal); {@code DOCUMENT_PASSWORD} encrypted without the right
 * password; {@code CERTIFICATE_EXPIRED}/{@code _NOT_YET_VALID}; {@code TIMESTAMP_FAILED}; two-phase:
 * {@code STATE_INVALID}, {@code STATE_EXPIRED}, {@code STATE_MISMATCH} (another input),
 * {@code SIGNATURE_VALUE_INVALID}. Immutable and thread-safe.
 */
public final class PdfSigner {
    private final PadesEngine engine;

    private PdfSigner(SignerSettings settings) {
        engine = new PadesEngine(settings);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Signs {@code in} with the key and writes the signed PDF to {@code out} (which must differ from {@code in}). */
    public SigningResult sign(Path in, Path out, SigningKey key, PdfSignatureOptions options) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(options, "options");
        return engine.sign(in, out, key, options);
    }

    /**
     * First half of a two-phase signature: the digest the key must sign and a sealed state. The input
     * file must be given again, unchanged, to {@link #complete}.
     */
    public PreparedSignature prepare(Path in, List<X509Certificate> chain, SignatureAlgorithm algorithm,
                                     PdfSignatureOptions options) {
        Objects.requireNonNull(algorithm, "algorithm");
        Objects.requireNonNull(options, "options");
        return engine.prepare(in, chain, algorithm, options);
    }

    /** Second half: embeds the signature value over {@link PreparedSignature#digest()} and writes {@code out}. */
    public SigningResult complete(byte[] state, byte[] signatureValue, Path in, Path out) {
        return engine.complete(state, signatureValue, in, out);
    }

    /**
     * Adds an empty signature field named {@code options.fieldName()} (visible at the options' rectangle,
     * or invisible) as an incremental update, e.g. for a template whose approvers sign later or for
     * another signing tool. Nothing is signed.
     */
    public void addSignatureField(Path in, Path out, PdfSignatureOptions options) {
        Objects.requireNonNull(options, "options");
        engine.addSignatureField(in, out, options);
    }

    /** Builder for {@link PdfSigner}: the settings every signer shares (see {@link SignerSettings.Builder}). */
    public static final class Builder extends SignerSettings.Builder<Builder> {
        private Builder() {
        }

        @Override
        protected Builder self() {
            return this;
        }

        public PdfSigner build() {
            return new PdfSigner(settings());
        }
    }
}
