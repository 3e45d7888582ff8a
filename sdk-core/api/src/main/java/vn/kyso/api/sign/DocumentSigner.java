package vn.kyso.api.sign;

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
import vn.kyso.api.token.SigningKey;
import vn.kyso.api.twophase.PreparedSignature;

/**
 * The one shape of every signer of the SDK (CAdES, PAdES, XAdES/XMLDSig; OOXML and S/MIME later): four
 * verbs over the same input ({@link Document}: file or bytes) and output ({@link Output}: file written
 * atomically, stream, or memory), each returning a {@link SigningResult}. What differs between formats
 * lives in the format's options {@code O}, never in new method shapes.
 *
 * <ul>
 * <li>{@link #sign}: one call, the key signs in this process.</li>
 * <li>{@link #prepare} then {@link #complete}: two-phase, the digest travels to wherever the key is (a
 *     browser agent, a phone, a remote service), the document does not; {@link #completeWithCms} takes a
 *     whole CMS made elsewhere where the format allows it.</li>
 * <li>{@link #extend}: adds a time-stamp (B-T), validation data (B-LT) and an archive time-stamp (B-LTA)
 *     to the signatures already in a document.</li>
 * </ul>
 *
 * <p>Guarantees of every implementation: immutable and thread-safe; a null argument is
 * {@code INVALID_ARGUMENT} naming it; every failure is a {@link KysoException}; a file output is written
 * atomically and a failure never leaves a partial output; the private key never leaves its token.
 *
 * <pre>{@code
 * DocumentSigner<PdfSignatureOptions> signer = PdfSigner.builder().timestamps(tsa).build();
 * signer.sign(Path.of("cong-van.pdf"), Path.of("cong-van.signed.pdf"), key,
 *         PdfSignatureOptions.builder().level(SignatureLevel.B_T).build());
 * }</pre>
 *
 * @param <O> the format's options
 */
public interface DocumentSigner<O extends SignatureOptions> {

    /**
     * Signs {@code input} with {@code key} and writes the output.
     *
     * <pre>{@code
     * SigningResult r = signer.sign(Document.of(bytes), Output.memory(), key, options);
     * byte[] signed = r.signed();
     * }</pre>
     *
     * @param input the document to sign
     * @param output where the signed document (or the detached signature) goes
     * @param key the signing key, with its certificate chain
     * @param options the format's options (level, algorithm, ...)
     * @return what was made: level, algorithm, signing time, and the bytes when the output is memory
     * @throws KysoException on any failure (the format's signer documents its codes)
     */
    SigningResult sign(Document input, Output output, SigningKey key, O options);

    /**
     * First half of a two-phase signature: what the key must sign and the sealed state. {@code input}
     * must be given again, unchanged, to {@link #complete}.
     *
     * <pre>{@code
     * PreparedSignature p = signer.prepare(Document.of(in), key.chain(), SignatureAlgorithm.RSA_SHA256, options);
     * }</pre>
     *
     * @param input the document to sign
     * @param chain the signer's certificate first, then as much of its chain as known
     * @param algorithm the algorithm the key will use; it must agree with the options
     *     ({@link SignatureOptions#checkPrepared}); {@code INVALID_ARGUMENT} otherwise
     * @param options the format's options
     * @return the digest to sign, the algorithm, and the sealed state to give to {@code complete}
     */
    PreparedSignature prepare(Document input, List<X509Certificate> chain, SignatureAlgorithm algorithm, O options);

    /**
     * Second half: the signature value over {@link PreparedSignature#digest()} goes into the document
     * prepared from the same {@code input}.
     *
     * <pre>{@code
     * signer.complete(p.state(), value, Document.of(in), Output.file(out));
     * }</pre>
     *
     * @param state the sealed state from {@link PreparedSignature#state()}
     * @param signatureValue the key's signature over the prepared digest
     * @param input the same document that was prepared
     * @param output where the signed document goes
     * @return what was made
     * @throws KysoException {@code STATE_INVALID}, {@code STATE_EXPIRED}, {@code STATE_MISMATCH} (another
     *     input), {@code SIGNATURE_VALUE_INVALID}
     */
    SigningResult complete(byte[] state, byte[] signatureValue, Document input, Output output);

    /**
     * Second half with a whole CMS SignedData made elsewhere over {@link PreparedSignature#documentDigest()},
     * for formats whose signature is a CMS. This default refuses.
     *
     * @param state the sealed state from {@link PreparedSignature#state()}
     * @param cms the DER CMS SignedData, detached, signed by the prepared certificate
     * @param input the same document that was prepared
     * @param output where the signed document goes
     * @return what was made
     * @throws KysoException {@code OPERATION_UNSUPPORTED} for a format whose signature is not a CMS
     */
    default SigningResult completeWithCms(byte[] state, byte[] cms, Document input, Output output) {
        Args.notNull(state, "state");
        Args.notNull(cms, "cms");
        Args.notNull(input, "input");
        Args.notNull(output, "output");
        throw KysoException.localized(ErrorCode.OPERATION_UNSUPPORTED, null,
                "hoàn tất bằng CMS (completeWithCms) không áp dụng cho định dạng này",
                "completing with a CMS (completeWithCms) does not apply to this format");
    }

    /**
     * Extends the signatures already in {@code input} to {@code target}: B-T, B-LT or B-LTA. The
     * existing signatures stay valid. The result's {@code algorithm()} is null (no new signature value).
     *
     * <pre>{@code
     * signer.extend(Path.of("signed.pdf"), Path.of("signed-lta.pdf"), SignatureLevel.B_LTA);
     * }</pre>
     *
     * @param input the signed document
     * @param output where the extended document goes
     * @param target the level to reach
     * @return the level reached and when; no algorithm
     * @throws KysoException {@code INVALID_ARGUMENT} for another level or what the signer lacks for it
     *     (a time-stamp authority, trust anchors), {@code NO_SIGNATURE} without a signature to extend
     */
    SigningResult extend(Document input, Output output, SignatureLevel target);

    /**
     * {@link #sign(Document, Output, SigningKey, SignatureOptions)} from a file to a file.
     *
     * @param input the file to sign
     * @param output the file written (atomically)
     * @param key the signing key
     * @param options the format's options
     * @return what was made
     */
    default SigningResult sign(Path input, Path output, SigningKey key, O options) {
        return sign(Document.of(Args.notNull(input, "input")), Output.file(Args.notNull(output, "output")), key, options);
    }

    /**
     * Signs a file; the output comes back in {@link SigningResult#signed()}.
     *
     * @param input the file to sign
     * @param key the signing key
     * @param options the format's options
     * @return what was made, with the signed bytes
     */
    default SigningResult sign(Path input, SigningKey key, O options) {
        return sign(Document.of(Args.notNull(input, "input")), Output.memory(), key, options);
    }

    /**
     * Signs bytes; the output comes back in {@link SigningResult#signed()}.
     *
     * @param input the document to sign
     * @param key the signing key
     * @param options the format's options
     * @return what was made, with the signed bytes
     */
    default SigningResult sign(byte[] input, SigningKey key, O options) {
        return sign(Document.of(Args.notNull(input, "input")), Output.memory(), key, options);
    }

    /**
     * {@link #prepare(Document, List, SignatureAlgorithm, SignatureOptions)} over a file.
     *
     * @param input the file to sign
     * @param chain the signer's certificate first, then its chain
     * @param algorithm the algorithm the key will use
     * @param options the format's options
     * @return the digest to sign and the sealed state
     */
    default PreparedSignature prepare(Path input, List<X509Certificate> chain, SignatureAlgorithm algorithm, O options) {
        return prepare(Document.of(Args.notNull(input, "input")), chain, algorithm, options);
    }

    /**
     * {@link #prepare(Document, List, SignatureAlgorithm, SignatureOptions)} over bytes.
     *
     * @param input the document to sign
     * @param chain the signer's certificate first, then its chain
     * @param algorithm the algorithm the key will use
     * @param options the format's options
     * @return the digest to sign and the sealed state
     */
    default PreparedSignature prepare(byte[] input, List<X509Certificate> chain, SignatureAlgorithm algorithm, O options) {
        return prepare(Document.of(Args.notNull(input, "input")), chain, algorithm, options);
    }

    /**
     * {@link #complete(byte[], byte[], Document, Output)} from a file to a file.
     *
     * @param state the sealed state from {@code prepare}
     * @param signatureValue the key's signature over the prepared digest
     * @param input the file that was prepared
     * @param output the file written (atomically)
     * @return what was made
     */
    default SigningResult complete(byte[] state, byte[] signatureValue, Path input, Path output) {
        return complete(state, signatureValue, Document.of(Args.notNull(input, "input")),
                Output.file(Args.notNull(output, "output")));
    }

    /**
     * {@link #complete(byte[], byte[], Document, Output)} from a file; the output comes back in the result.
     *
     * @param state the sealed state from {@code prepare}
     * @param signatureValue the key's signature over the prepared digest
     * @param input the file that was prepared
     * @return what was made, with the signed bytes
     */
    default SigningResult complete(byte[] state, byte[] signatureValue, Path input) {
        return complete(state, signatureValue, Document.of(Args.notNull(input, "input")), Output.memory());
    }

    /**
     * {@link #complete(byte[], byte[], Document, Output)} from bytes; the output comes back in the result.
     *
     * @param state the sealed state from {@code prepare}
     * @param signatureValue the key's signature over the prepared digest
     * @param input the bytes that were prepared
     * @return what was made, with the signed bytes
     */
    default SigningResult complete(byte[] state, byte[] signatureValue, byte[] input) {
        return complete(state, signatureValue, Document.of(Args.notNull(input, "input")), Output.memory());
    }

    /**
     * {@link #completeWithCms(byte[], byte[], Document, Output)} from a file to a file.
     *
     * @param state the sealed state from {@code prepare}
     * @param cms the DER CMS SignedData made elsewhere
     * @param input the file that was prepared
     * @param output the file written (atomically)
     * @return what was made
     */
    default SigningResult completeWithCms(byte[] state, byte[] cms, Path input, Path output) {
        Args.notNull(state, "state");
        Args.notNull(cms, "cms");
        return completeWithCms(state, cms, Document.of(Args.notNull(input, "input")),
                Output.file(Args.notNull(output, "output")));
    }

    /**
     * {@link #extend(Document, Output, SignatureLevel)} from a file to a file.
     *
     * @param input the signed file
     * @param output the file written (atomically)
     * @param target the level to reach
     * @return the level reached and when
     */
    default SigningResult extend(Path input, Path output, SignatureLevel target) {
        return extend(Document.of(Args.notNull(input, "input")), Output.file(Args.notNull(output, "output")), target);
    }
}
