package vn.kyso.pdf;

import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.List;
import vn.kyso.api.SignatureAlgorithm;
import vn.kyso.api.SignatureLevel;
import vn.kyso.api.SigningResult;
import vn.kyso.api.internal.Args;
import vn.kyso.api.io.Document;
import vn.kyso.api.io.Output;
import vn.kyso.api.sign.DocumentSigner;
import vn.kyso.api.token.SigningKey;
import vn.kyso.api.twophase.PreparedSignature;
import vn.kyso.core.internal.SignerIo;
import vn.kyso.core.sign.SignerSettings;
import vn.kyso.pdf.internal.PdfBoxCompatibility;
import vn.kyso.pdf.internal.sign.PadesEngine;

/**
 * Signs PDFs with PAdES baseline signatures (B-B, B-T, B-LT, B-LTA; ETSI.CAdES.detached), always as an
 * incremental update: the input's bytes stay untouched at the start of the output, so earlier
 * signatures remain valid. Invisible or visible as Decree 30/2020 prescribes ({@link PdfAppearance}:
 * text block with signer, organisation and ISO 8601 time +07:00; the leader's signature image between
 * title and name; the organisation's seal; appendix/copy/income info text; Liberation Serif embedded as
 * a subset), placed by rectangle, field or anchor text ({@link PdfPlacement}), upright on rotated pages;
 * new or existing empty field, optional certification (DocMDP) of a first signature, encrypted input
 * with its password. At B-B and B-T the input is read once and never held in memory (a 1 GB PDF signs
 * in a small heap); B-LT and B-LTA (and {@link #extend}) then add their revisions with EU DSS, which
 * reads the document into memory. The output is written atomically (a failure leaves no output).
 *
 * <p>An existing empty field keeps its place (and shows the appearance, by default the text block, when
 * its widget has a visible rectangle) unless the options place the signature by rectangle or anchor,
 * which moves its widget there (within its page once the document is signed). A field name that does not exist yet becomes a new field in the same
 * revision. A visible signature may not cover another annotation or field, except a seal, which lies
 * over the leader's signature widget as Decree 30/2020 wants.
 *
 * <p>Signing events ({@link vn.kyso.api.event.SigningListener}) carry as document digest the digest of
 * the bytes the signature covers: the whole output except the /Contents value.
 *
 * <p>Errors: {@code MALFORMED_INPUT} not a PDF; {@code DOCUMENT_PASSWORD} encrypted without the right
 * password; {@code DOCUMENT_LOCKED} certified "no changes" (DocMDP P=1) or encrypted with permissions
 * that forbid form filling; {@code INVALID_ARGUMENT} a field already signed or not a signature field,
 * a placement that cannot be resolved (page, field or anchor text not found, no signature image for a
 * seal to cover), a rectangle outside the page or over another annotation, certification of a document
 * already signed; {@code CERTIFICATE_EXPIRED}/{@code _NOT_YET_VALID}; {@code TIMESTAMP_FAILED}; two-phase:
 * {@code STATE_INVALID}, {@code STATE_EXPIRED}, {@code STATE_MISMATCH} (another input),
 * {@code SIGNATURE_VALUE_INVALID}; two-phase signing of an encrypted PDF is refused
 * ({@code INVALID_ARGUMENT}). Immutable and thread-safe.
 *
 * <p>The four verbs of {@link DocumentSigner}; {@link #completeWithCms} takes a CMS made elsewhere.
 *
 * <pre>{@code
 * PdfSigner pdf = PdfSigner.builder().timestamps(tsa).build();
 * pdf.sign(Path.of("cong-van.pdf"), Path.of("cong-van.signed.pdf"), key,
 *         PdfSignatureOptions.builder().level(SignatureLevel.B_T).build());
 * }</pre>
 */
public final class PdfSigner implements DocumentSigner<PdfSignatureOptions> {
    private final PadesEngine engine;

    private PdfSigner(SignerSettings settings) {
        engine = new PadesEngine(settings);
    }

    /**
     * {@return a builder with no time-stamp authority, no trust anchors and no state keys}
     *
     * @throws vn.kyso.api.KysoException {@code LIBRARY_CONFLICT}, naming the jar, when an incompatible
     *     PDFBox is on the class path
     */
    public static Builder builder() {
        PdfBoxCompatibility.require();
        return new Builder();
    }

    /**
     * Signs the PDF with the key. A file output must differ from a file input; a PDF held in memory or an
     * output to memory or a stream goes through a temporary file.
     *
     * <pre>{@code
     * pdf.sign(Path.of("in.pdf"), Path.of("out.pdf"), key, PdfSignatureOptions.defaults());
     * }</pre>
     */
    @Override
    public SigningResult sign(Document input, Output output, SigningKey key, PdfSignatureOptions options) {
        Args.notNull(input, "input");
        Args.notNull(output, "output");
        Args.notNull(key, "key");
        Args.notNull(options, "options");
        return SignerIo.withFile(input, in -> SignerIo.viaFile(output, out -> engine.sign(in, out, key, options)));
    }

    /**
     * First half of a two-phase signature: the digest the key must sign, the digest of the covered bytes
     * ({@link PreparedSignature#documentDigest()}, for {@link #completeWithCms}) and a sealed state. The
     * input must be given again, unchanged, to {@link #complete}.
     */
    @Override
    public PreparedSignature prepare(Document input, List<X509Certificate> chain, SignatureAlgorithm algorithm,
                                     PdfSignatureOptions options) {
        Args.notNull(input, "input");
        Args.notNull(chain, "chain");
        Args.notNull(algorithm, "algorithm");
        Args.notNull(options, "options");
        return SignerIo.withFile(input, in -> engine.prepare(in, chain, algorithm, options));
    }

    /** Second half: embeds the signature value over {@link PreparedSignature#digest()} and writes the output. */
    @Override
    public SigningResult complete(byte[] state, byte[] signatureValue, Document input, Output output) {
        Args.notNull(state, "state");
        Args.notNull(signatureValue, "signatureValue");
        Args.notNull(input, "input");
        Args.notNull(output, "output");
        return SignerIo.withFile(input, in -> SignerIo.viaFile(output, out -> engine.complete(state, signatureValue, in, out)));
    }

    /**
     * Second half with a whole CMS SignedData made elsewhere (a signing service or tool that builds its own
     * CMS) instead of a signature value: the CMS signs {@link PreparedSignature#documentDigest()} as its
     * message-digest. It must be detached, have one signer, the certificate given to {@code prepare}, the
     * prepared digest algorithm, an ESS signing-certificate attribute and a signature that verifies; its
     * signed part is embedded unchanged. Certificates of the prepared chain it lacks are added, and at
     * B-T and above the signature time-stamp when it has none (then B-LT/B-LTA data as usual). Two-phase
     * signatures reserve 8 KiB more than one-call ones for what such a CMS may add.
     *
     * @throws vn.kyso.api.KysoException {@code SIGNATURE_VALUE_INVALID} saying which check failed (or that
     *     the CMS is larger than the space reserved), {@code STATE_MISMATCH} for another input, as
     *     {@link #complete} otherwise
     */
    @Override
    public SigningResult completeWithCms(byte[] state, byte[] cms, Document input, Output output) {
        Args.notNull(state, "state");
        Args.notNull(cms, "cms");
        Args.notNull(input, "input");
        Args.notNull(output, "output");
        return SignerIo.withFile(input, in -> SignerIo.viaFile(output, out -> engine.completeWithCms(state, cms, in, out)));
    }

    /**
     * Adds an empty signature field named {@code options.fieldName()} (visible where the options'
     * placement says, by rectangle or anchor text, or invisible) as an incremental update, e.g. for a
     * template whose approvers sign later or for another signing tool. Nothing is signed and nothing is
     * drawn (an appearance without placement is refused, {@code INVALID_ARGUMENT}).
     *
     * @param in the PDF
     * @param out where the PDF with the new field is written (atomically); not {@code in}
     * @param options the field name and, for a visible field, its placement
     */
    public void addSignatureField(Path in, Path out, PdfSignatureOptions options) {
        Args.notNull(in, "in");
        Args.notNull(out, "out");
        Args.notNull(options, "options");
        engine.addSignatureField(in, out, options);
    }

    /**
     * Extends the signatures already in a signed PDF: {@code B_T} adds a document time-stamp,
     * {@code B_LT} adds the validation data (certificates, OCSP responses, CRLs) of every signature and
     * time-stamp in a /DSS dictionary, {@code B_LTA} adds both and then an archive document time-stamp.
     * Each is a further incremental revision: the existing signatures stay intact and valid. Needs a
     * TimestampClient (all levels) and trust anchors (B-LT, B-LTA).
     *
     * @throws vn.kyso.api.KysoException {@code INVALID_ARGUMENT} for another level or a missing
     *     TimestampClient or trust, {@code NO_SIGNATURE} for a PDF without signature,
     *     {@code MALFORMED_INPUT} for something else than a PDF, {@code DOCUMENT_PASSWORD} for an
     *     encrypted PDF that needs a password
     */
    @Override
    public SigningResult extend(Document input, Output output, SignatureLevel target) {
        Args.notNull(input, "input");
        Args.notNull(output, "output");
        Args.notNull(target, "target");
        return SignerIo.withFile(input, in -> SignerIo.viaFile(output, out -> engine.extend(in, out, target, null)));
    }

    /** Builder for {@link PdfSigner}: the settings every signer shares (see {@link SignerSettings.Builder}). */
    public static final class Builder extends SignerSettings.Builder<Builder> {
        private Builder() {
        }

        @Override
        protected Builder self() {
            return this;
        }

        /** {@return the signer, immutable and thread-safe} */
        public PdfSigner build() {
            return new PdfSigner(settings());
        }
    }
}
