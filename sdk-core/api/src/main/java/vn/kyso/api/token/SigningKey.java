package vn.kyso.api.token;

import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Set;
import vn.kyso.api.DigestAlgorithm;
import vn.kyso.api.SignatureAlgorithm;
import vn.kyso.api.SignatureScheme;
import vn.kyso.api.cert.CertificateInfo;
import vn.kyso.api.internal.Args;

/**
 * A private key that stays in its token, together with its certificate chain. Implementations are
 * thread-safe: several threads may sign with one key.
 */
public interface SigningKey {

    /** {@return an identifier unique within the token (alias, CKA_ID in hex, credential id, ...)} */
    String id();

    /** {@return the signer's certificate} */
    default X509Certificate certificate() {
        return chain().get(0);
    }

    /** {@return the chain, signer first, as far as the token knows it (may hold only the signer's certificate)} */
    List<X509Certificate> chain();

    /** {@return vietnamese certificate information of the signer's certificate} */
    default CertificateInfo info() {
        return CertificateInfo.of(certificate());
    }

    /** {@return the signature schemes this key can produce on a digest} */
    Set<SignatureScheme> schemes();

    /**
     * {@return the algorithm to use with the given digest: RSASSA-PSS when the key can do it (Circular
     * 15/2025),
     * otherwise RSA PKCS#1 v1.5; ECDSA for EC keys}
     *
     * @param digest the digest the data is hashed with
     */
    default SignatureAlgorithm preferredAlgorithm(DigestAlgorithm digest) {
        Args.notNull(digest, "digest");
        Set<SignatureScheme> s = schemes();
        if (s.contains(SignatureScheme.RSA_PSS)) {
            return SignatureAlgorithm.of(SignatureScheme.RSA_PSS, digest);
        }
        if (s.contains(SignatureScheme.RSA_PKCS1_V15)) {
            return SignatureAlgorithm.of(SignatureScheme.RSA_PKCS1_V15, digest);
        }
        return SignatureAlgorithm.of(SignatureScheme.ECDSA, digest);
    }

    /**
     * Signs a digest already computed with {@code algorithm.digest()}. RSA PKCS#1 v1.5 wraps it in a
     * DigestInfo; ECDSA values come back DER-encoded.
     *
     * @param digest the digest, of the algorithm's digest length
     * @param algorithm the algorithm to sign with
     * @return the signature value (ECDSA: DER-encoded)
     * @throws vn.kyso.api.KysoException {@code UNSUPPORTED_ALGORITHM} when the key cannot use the
     *     algorithm, {@code INVALID_ARGUMENT} when the digest length is wrong, {@code SIGNING_FAILED} or a
     *     token error code otherwise
     */
    byte[] signDigest(byte[] digest, SignatureAlgorithm algorithm);
}
