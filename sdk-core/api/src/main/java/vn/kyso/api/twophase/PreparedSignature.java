package vn.kyso.api.twophase;

import java.util.Base64;
import org.jspecify.annotations.Nullable;
import vn.kyso.api.SignatureAlgorithm;
import vn.kyso.api.internal.Args;
import vn.kyso.api.internal.SigningResults;

/**
 * The first half of a two-phase signature: what the key must sign, and the sealed state the second
 * half needs. The document itself does not travel. Immutable.
 *
 * <p>Give {@link #digest()} and {@link #algorithm()} to whatever holds the key (a browser agent, a
 * phone, a remote service, a token); hand its signature value and {@link #state()} to the format's
 * {@code complete} method, in this process or another one that holds the same {@link StateKey}.
 * Only the SDK's signers create it.
 *
 * <pre>{@code
 * PreparedSignature p = signer.prepare(in, chain, SignatureAlgorithm.RSA_SHA256, options);
 * byte[] value = remote.sign(p.digest(), p.algorithm());
 * signer.complete(p.state(), value, in, out);
 * }</pre>
 */
public final class PreparedSignature {
    static {
        SigningResults.register(PreparedSignature::new);
    }

    private final byte[] dataToSign;
    private final byte[] digest;
    private final SignatureAlgorithm algorithm;
    private final byte[] state;
    private final byte @Nullable [] documentDigest;

    private PreparedSignature(byte[] dataToSign, byte[] digest, SignatureAlgorithm algorithm, byte[] state,
                              byte @Nullable [] documentDigest) {
        this.dataToSign = Args.notNull(dataToSign, "dataToSign").clone();
        this.digest = Args.notNull(digest, "digest").clone();
        this.algorithm = Args.notNull(algorithm, "algorithm");
        this.state = Args.notNull(state, "state").clone();
        this.documentDigest = documentDigest == null ? null : documentDigest.clone();
    }

    /** {@return the bytes to be signed (for signers that hash themselves, e.g. WebCrypto)} */
    public byte[] dataToSign() {
        return dataToSign.clone();
    }

    /** {@return the digest of {@link #dataToSign()} with {@code algorithm().digest()}: what a token signs} */
    public byte[] digest() {
        return digest.clone();
    }

    /**
     * {@return the digest of the content the signature covers (for a PDF, of its /ByteRange bytes), with
     * {@code algorithm().digest()}: what a signing service that builds the whole CMS itself signs over, as
     * its message-digest attribute} Null for formats that take only a signature value.
     */
    public byte @Nullable [] documentDigest() {
        return documentDigest == null ? null : documentDigest.clone();
    }

    /** {@return the signature algorithm the signature value must use} */
    public SignatureAlgorithm algorithm() {
        return algorithm;
    }

    /** {@return the sealed state (integrity-protected with the {@link StateKey}); opaque to the caller} */
    public byte[] state() {
        return state.clone();
    }

    /** {@return {@link #digest()} in base64} */
    public String digestBase64() {
        return Base64.getEncoder().encodeToString(digest);
    }

    /** {@return {@link #state()} in base64, to send it through JSON or a form} */
    public String stateBase64() {
        return Base64.getEncoder().encodeToString(state);
    }
}
