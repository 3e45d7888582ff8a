package vn.kyso.api.internal;

import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import org.bouncycastle.crypto.CipherParameters;
import org.bouncycastle.crypto.CryptoException;
import org.bouncycastle.crypto.Digest;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.digests.SHA384Digest;
import org.bouncycastle.crypto.digests.SHA512Digest;
import org.bouncycastle.crypto.engines.RSABlindedEngine;
import org.bouncycastle.crypto.signers.PSSSigner;
import org.bouncycastle.crypto.util.PrivateKeyFactory;
import vn.kyso.api.DigestAlgorithm;
import vn.kyso.api.ErrorCode;
import vn.kyso.api.KysoException;
import vn.kyso.api.SignatureAlgorithm;
import vn.kyso.api.spi.DigestInfos;

/**
 * Signs precomputed digests with a JCA private key. Internal: not part of the public API.
 */
public final class DigestSigner {
    private DigestSigner() {
    }



    /**
     * Signs with a JCA provider's raw ("NONEwith...") signature.
     *
     * @param wrapDigestInfo for RSA: whether to build the DigestInfo here (SunRsaSign) or pass the bare
     *     digest (SunMSCAPI, which builds it itself from the digest's length)
     */
    public static byte[] signWithProvider(PrivateKey key, java.security.Provider provider, byte[] digest,
                                          SignatureAlgorithm algorithm, boolean wrapDigestInfo) {
        DigestInfos.checkLength(digest, algorithm);
        try {
            Signature s;
            byte[] input = digest;
            switch (algorithm.scheme()) {
                case RSA_PKCS1_V15:
                    s = provider == null ? Signature.getInstance("NONEwithRSA") : Signature.getInstance("NONEwithRSA", provider);
                    if (wrapDigestInfo) {
                        input = DigestInfos.encode(algorithm.digest(), digest);
                    }
                    break;
                case ECDSA:
                    s = provider == null ? Signature.getInstance("NONEwithECDSA") : Signature.getInstance("NONEwithECDSA", provider);
                    break;
                default:
                    throw new KysoException(ErrorCode.UNSUPPORTED_ALGORITHM, algorithm.displayName());
            }
            s.initSign(key);
            s.update(input);
            return s.sign();
        } catch (GeneralSecurityException e) {
            throw new KysoException(ErrorCode.SIGNING_FAILED, e, algorithm.displayName());
        }
    }

    /** RSASSA-PSS (MGF1 with the same digest, salt = digest length) on a precomputed digest. */
    public static byte[] signPss(PrivateKey key, byte[] digest, SignatureAlgorithm algorithm) {
        DigestInfos.checkLength(digest, algorithm);
        byte[] encoded = key.getEncoded();
        if (encoded == null) {
            throw new KysoException(ErrorCode.UNSUPPORTED_ALGORITHM, algorithm.displayName());
        }
        try {
            CipherParameters params = PrivateKeyFactory.createKey(encoded);
            PSSSigner signer = PSSSigner.createRawSigner(new RSABlindedEngine(), bcDigest(algorithm.digest()),
                    bcDigest(algorithm.digest()), algorithm.digest().length(), PSSSigner.TRAILER_IMPLICIT);
            signer.init(true, params);
            signer.update(digest, 0, digest.length);
            return signer.generateSignature();
        } catch (java.io.IOException | CryptoException | RuntimeException e) {
            throw new KysoException(ErrorCode.SIGNING_FAILED, e, algorithm.displayName());
        } finally {
            java.util.Arrays.fill(encoded, (byte) 0);
        }
    }

    private static Digest bcDigest(DigestAlgorithm d) {
        switch (d) {
            case SHA256: return new SHA256Digest();
            case SHA384: return new SHA384Digest();
            case SHA512: return new SHA512Digest();
            default: throw new KysoException(ErrorCode.UNSUPPORTED_ALGORITHM, d.name());
        }
    }

}
