package vn.kyso.api.spi;

import vn.kyso.api.DigestAlgorithm;
import vn.kyso.api.ErrorCode;
import vn.kyso.api.KysoException;
import vn.kyso.api.SignatureAlgorithm;
import vn.kyso.api.internal.Args;

/**
 * For token implementers: what a raw RSA PKCS#1 v1.5 signer needs around a precomputed digest, and the
 * length check every {@link vn.kyso.api.token.SigningKey#signDigest} starts with.
 */
public final class DigestInfos {
    private static final byte[] SHA256 = hex("3031300d060960864801650304020105000420");
    private static final byte[] SHA384 = hex("3041300d060960864801650304020205000430");
    private static final byte[] SHA512 = hex("3051300d060960864801650304020305000440");

    private DigestInfos() {
    }

    /**
     * The DER DigestInfo of a digest (RFC 8017 §9.2 note 1): what CKM_RSA_PKCS or NONEwithRSA signs.
     *
     * @param digest the algorithm that made {@code hash}
     * @param hash the digest value
     * @return the DER encoding of the DigestInfo, a new array
     */
    public static byte[] encode(DigestAlgorithm digest, byte[] hash) {
        Args.notNull(digest, "digest");
        Args.notNull(hash, "hash");
        byte[] prefix;
        switch (digest) {
            case SHA256: prefix = SHA256; break;
            case SHA384: prefix = SHA384; break;
            case SHA512: prefix = SHA512; break;
            default: throw new KysoException(ErrorCode.UNSUPPORTED_ALGORITHM, digest.name());
        }
        byte[] out = new byte[prefix.length + hash.length];
        System.arraycopy(prefix, 0, out, 0, prefix.length);
        System.arraycopy(hash, 0, out, prefix.length, hash.length);
        return out;
    }

    /**
     * Refuses a digest whose length is not the one its algorithm produces.
     *
     * @param digest the digest a caller asks to sign
     * @param algorithm the algorithm it is to be signed with
     * @throws KysoException {@code INVALID_ARGUMENT} naming {@code digest} when its length is wrong
     */
    public static void checkLength(byte[] digest, SignatureAlgorithm algorithm) {
        Args.notNull(digest, "digest");
        Args.notNull(algorithm, "algorithm");
        int expected = algorithm.digest().length();
        if (digest.length != expected) {
            String name = algorithm.digest().jcaName();
            throw KysoException.localized(ErrorCode.INVALID_ARGUMENT, null,
                    "digest dài " + digest.length + " byte, " + name + " cần " + expected + " byte",
                    "digest has " + digest.length + " bytes, " + name + " needs " + expected);
        }
    }

    private static byte[] hex(String s) {
        byte[] out = new byte[s.length() / 2];
        for (int i = 0; i < out.length; i++) {
            out[i] = (byte) Integer.parseInt(s.substring(2 * i, 2 * i + 2), 16);
        }
        return out;
    }
}
