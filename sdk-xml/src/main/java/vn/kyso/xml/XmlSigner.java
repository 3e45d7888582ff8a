package vn.kyso.xml;

import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;
import vn.kyso.api.KysoException;
import vn.kyso.api.SignatureAlgorithm;
import vn.kyso.api.SigningResult;
import vn.kyso.api.token.SigningKey;
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
 *     refused ({@code INVALID_ARGUMENT}). {@link #counterSign} adds XAdES counter-signatures.</li>
 * <li>Every signing act (success or failure) is reported to the listeners.</li>
 * <li>Every failure is a {@link KysoException}.</li>
 * </ul>
 * Two-phase: {@link #prepare} seals the signing time, signature Id, chain, algorithm, options and the
 * digest of the input with the {@link StateKey}; {@link #complete} rebuilds the identical SignedInfo from
 * the same input ({@code STATE_MISMATCH} for another document).
 *
 * <p>Immutable and thread-safe.
 */
public final class XmlSigner {
    private final XmlEngine engine;

    private XmlSigner(SignerSettings settings) {
        engine = new XmlEngine(settings);
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Signs an XML document held in memory (for {@link XmlSignatureOptions.Packaging#DETACHED}, any bytes).
     *
     * @return the signed document (enveloped) or the signature document (enveloping, detached)
     */
    public SigningResult sign(byte[] xml, SigningKey key, XmlSignatureOptions options) {
        return engine.sign(XmlEngine.Input.of(xml), null, key, options);
    }

    /** Signs a file and returns the result in memory. */
    public SigningResult sign(Path input, SigningKey key, XmlSignatureOptions options) {
        return engine.sign(XmlEngine.Input.of(input), null, key, options);
    }

    /** Signs a file and writes the output atomically; the result's {@code signed()} is null. */
    public SigningResult sign(Path input, Path output, SigningKey key, XmlSignatureOptions options) {
        Objects.requireNonNull(output, "output");
        return engine.sign(XmlEngine.Input.of(input), output, key, options);
    }

    /**
     * Adds a XAdES counter-signature to an existing XAdES signature of the document: a signature over that
     * signature's {@code SignatureValue}, placed in its {@code UnsignedSignatureProperties} (ETSI EN 319
     * 132-1, 5.2.2), made with EU DSS. The other signatures and the signed content are untouched, so every
     * existing signature stays valid; the verifier reports the counter-signature as a signature of its own,
     * signing the path of the target's SignatureValue.
     *
     * @param signatureId the target's {@code Id} attribute, or its id in a verification report
     * @param options the level, digest and algorithm (format XAdES; no packaging, element or parent)
     * @throws KysoException {@code INVALID_ARGUMENT} when there is no such signature, it is plain XMLDSig,
     *     or another signature signs the target's place including later signatures
     */
    public SigningResult counterSign(byte[] xml, SigningKey key, String signatureId, XmlSignatureOptions options) {
        return engine.counterSign(XmlEngine.Input.of(xml), null, key, signatureId, options);
    }

    /** As {@link #counterSign(byte[], SigningKey, String, XmlSignatureOptions)}, writing {@code output} atomically. */
    public SigningResult counterSign(Path input, Path output, SigningKey key, String signatureId, XmlSignatureOptions options) {
        Objects.requireNonNull(output, "output");
        return engine.counterSign(XmlEngine.Input.of(input), output, key, signatureId, options);
    }

    /**
     * First half of a two-phase signature.
     *
     * @param chain the signer's certificate first
     * @param algorithm the algorithm the key will use; its digest must equal {@code options.digest()}
     */
    public PreparedSignature prepare(byte[] xml, List<X509Certificate> chain, SignatureAlgorithm algorithm,
                                     XmlSignatureOptions options) {
        return engine.prepare(XmlEngine.Input.of(xml), chain, algorithm, options);
    }

    /** First half of a two-phase signature over a file. */
    public PreparedSignature prepare(Path input, List<X509Certificate> chain, SignatureAlgorithm algorithm,
                                     XmlSignatureOptions options) {
        return engine.prepare(XmlEngine.Input.of(input), chain, algorithm, options);
    }

    /** Second half: {@code xml} must be the same document as at prepare time. */
    public SigningResult complete(byte[] state, byte[] signatureValue, byte[] xml) {
        return engine.complete(state, signatureValue, XmlEngine.Input.of(xml), null);
    }

    /** Second half over a file, writing {@code output} atomically. */
    public SigningResult complete(byte[] state, byte[] signatureValue, Path input, Path output) {
        Objects.requireNonNull(output, "output");
        return engine.complete(state, signatureValue, XmlEngine.Input.of(input), output);
    }

    /** Builder for {@link XmlSigner}: the settings every signer shares (see {@link SignerSettings.Builder}). */
    public static final class Builder extends SignerSettings.Builder<Builder> {
        private Builder() {
        }

        @Override
        protected Builder self() {
            return this;
        }

        public XmlSigner build() {
            return new XmlSigner(settings());
        }
    }
}
