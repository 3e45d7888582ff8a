package vn.kyso.xml;

import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.List;
import vn.kyso.api.ErrorCode;
import vn.kyso.api.KysoException;
import vn.kyso.api.SignatureAlgorithm;
import vn.kyso.api.SignatureLevel;
import vn.kyso.api.SigningResult;
import vn.kyso.api.internal.Args;
import vn.kyso.api.io.Document;
import vn.kyso.api.io.Output;
import vn.kyso.api.sign.DocumentSigner;
import vn.kyso.api.token.SigningKey;
import vn.kyso.core.internal.SignerIo;
import vn.kyso.core.sign.SignerSettings;
import vn.kyso.api.twophase.PreparedSignature;
import vn.kyso.api.twophase.StateKey;
import vn.kyso.xml.internal.XmlEngine;

/**
 * Creates XML signatures: XAdES (ETSI EN 319 132) B-B, B-T, B-LT and B-LTA with EU DSS, and plain XMLDSig
 * (the e-invoice, e-tax and edXML profiles) with a lean Apache Santuario path; enveloped, enveloping or
 * detached; over the whole document or one element chosen by Id; placed where the format requires.
 *
 * <p>Guarantees:
 * <ul>
 * <li>The private key never leaves its token: only the digest of the canonical SignedInfo goes to
 *     {@link SigningKey#signDigest}; the value is checked against the certificate before any output is
 *     produced ({@code SIGNATURE_VALUE_INVALID}). ECDSA values are stored as XMLDSig's raw r||s.</li>
 * <li>The input is parsed with {@link SecureXml}: no DTD, no external entity, no entity expansion; hostile
 *     XML is {@code MALFORMED_INPUT}. The Id of the signed element must be unique ({@code INVALID_ARGUMENT}).</li>
 * <li>The signer's certificate must be valid at the signing time.</li>
 * <li>Detached signing streams the data file once; it is never loaded into memory. An enveloped XMLDSig
 *     signature of a whole file larger than 4 MiB is streamed too (one pass through a streaming
 *     canonicaliser, the input copied byte for byte with the signature as the root's first child; UTF-8
 *     input, not already signed); other enveloped and enveloping signatures work on a DOM.</li>
 * <li>Output files are written atomically; a failure never leaves a partial file.</li>
 * <li>Several signatures: a new enveloped signature never breaks an existing one. Parallel signatures
 *     are made over different elements (the e-invoice seller's and buyer's over {@code DLHDon}) or over the
 *     whole document when the existing XAdES signatures exclude every ds:Signature (as DSS's are); a
 *     signature placed inside content that an existing signature signs with later signatures included is
 *     refused ({@code INVALID_ARGUMENT}). {@link XmlSignatureOptions.Builder#counterSignatureOf} makes
 *     {@code sign} add a XAdES counter-signature.</li>
 * <li>Every signing act (success or failure) is reported to the listeners.</li>
 * <li>Every failure is a {@link KysoException}.</li>
 * </ul>
 * Two-phase: {@link #prepare} seals the signing time, signature Id, chain, algorithm, options and the
 * digest of the input with the {@link StateKey}; {@link #complete} rebuilds the identical SignedInfo from
 * the same input ({@code STATE_MISMATCH} for another document). {@link #completeWithCms} is
 * {@code OPERATION_UNSUPPORTED}: an XML signature is not a CMS.
 *
 * <pre>{@code
 * XmlSigner xml = XmlSigner.builder().build();
 * xml.sign(Path.of("hoa-don.xml"), Path.of("hoa-don.signed.xml"), key, XmlSignatureOptions.defaults());
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class XmlSigner implements DocumentSigner<XmlSignatureOptions> {
    private final XmlEngine engine;

    private XmlSigner(SignerSettings settings) {
        engine = new XmlEngine(settings);
    }

    /** {@return a builder with no time-stamp authority, no trust anchors and no state keys} */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Signs an XML document (for {@link XmlSignatureOptions.Packaging#DETACHED}, any data); the output is
     * the signed document (enveloped) or the signature document (enveloping, detached). With
     * {@link XmlSignatureOptions#counterSignatureOf()} it adds a XAdES counter-signature instead.
     *
     * <pre>{@code
     * byte[] signed = xml.sign(invoiceBytes, key, EInvoice.options(invoiceBytes, Party.SELLER, null)).signed();
     * }</pre>
     */
    @Override
    public SigningResult sign(Document input, Output output, SigningKey key, XmlSignatureOptions options) {
        Args.notNull(input, "input");
        Args.notNull(output, "output");
        Args.notNull(key, "key");
        Args.notNull(options, "options");
        XmlEngine.Input in = input(input);
        Path file = SignerIo.fileOrNull(output);
        SigningResult r = options.counterSignatureOf() != null
                ? engine.counterSign(in, file, key, options.counterSignatureOf(), options)
                : engine.sign(in, file, key, options);
        return SignerIo.deliver(output, r);
    }

    /**
     * First half of a two-phase signature (not for counter-signatures: {@code INVALID_ARGUMENT}).
     *
     * @param chain the signer's certificate first
     * @param algorithm the algorithm the key will use; its digest must equal {@code options.digest()}
     */
    @Override
    public PreparedSignature prepare(Document input, List<X509Certificate> chain, SignatureAlgorithm algorithm,
                                     XmlSignatureOptions options) {
        Args.notNull(input, "input");
        Args.notNull(chain, "chain");
        Args.notNull(algorithm, "algorithm");
        Args.notNull(options, "options");
        if (options.counterSignatureOf() != null) {
            throw KysoException.localized(ErrorCode.INVALID_ARGUMENT, null,
                    "chữ ký đối chứng chỉ ký được trong một bước, bằng 'sign'",
                    "a counter-signature is made in one step (sign) only");
        }
        return engine.prepare(input(input), chain, algorithm, options);
    }

    /** Second half: {@code input} must be the same document as at prepare time. */
    @Override
    public SigningResult complete(byte[] state, byte[] signatureValue, Document input, Output output) {
        Args.notNull(state, "state");
        Args.notNull(signatureValue, "signatureValue");
        Args.notNull(input, "input");
        Args.notNull(output, "output");
        return SignerIo.deliver(output, engine.complete(state, signatureValue, input(input), SignerIo.fileOrNull(output)));
    }

    /**
     * Extends the XAdES signatures of a document with EU DSS: B-T adds signature time-stamps, B-LT the
     * validation data, B-LTA an archive time-stamp. Plain XMLDSig signatures have no levels.
     *
     * @throws KysoException {@code NO_SIGNATURE} without a XAdES signature, {@code INVALID_ARGUMENT} for
     *     another level or a missing TimestampClient or trust
     */
    @Override
    public SigningResult extend(Document input, Output output, SignatureLevel target) {
        Args.notNull(input, "input");
        Args.notNull(output, "output");
        Args.notNull(target, "target");
        return SignerIo.deliver(output, engine.extend(input(input), SignerIo.fileOrNull(output), target));
    }

    private static XmlEngine.Input input(Document d) {
        Path p = d.path();
        return p != null ? XmlEngine.Input.of(p) : XmlEngine.Input.of(d.toBytes());
    }

    /** Builder for {@link XmlSigner}: the settings every signer shares (see {@link SignerSettings.Builder}). */
    public static final class Builder extends SignerSettings.Builder<Builder> {
        private Builder() {
        }

        @Override
        protected Builder self() {
            return this;
        }

        /** {@return the signer, immutable and thread-safe} */
        public XmlSigner build() {
            return new XmlSigner(settings());
        }
    }
}
