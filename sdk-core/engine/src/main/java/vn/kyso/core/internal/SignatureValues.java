package vn.kyso.core.internal;

import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import vn.kyso.api.ErrorCode;
import vn.kyso.api.KysoException;
import vn.kyso.api.SignatureAlgorithm;

/** Checks a signature value against a certificate before it goes into a document. Internal. */
public final class SignatureValues {
    private SignatureValues() {
    }

    /** @throws KysoException {@code SIGNATURE_VALUE_INVALID} unless {@code value} signs {@code data} */
    public static void check(byte[] data, byte[] value, X509Certificate cert, SignatureAlgorithm alg) {
        boolean ok;
        try {
            ok = value != null && value.length > 0 && verify(data, value, cert.getPublicKey(), alg);
        } catch (GeneralSecurityException | RuntimeException e) {
            ok = false;
        }
        if (!ok) {
            throw new KysoException(ErrorCode.SIGNATURE_VALUE_INVALID, alg.displayName());
        }
    }

    private static boolean verify(byte[] data, byte[] value, PublicKey key, SignatureAlgorithm alg)
            throws GeneralSecurityException {
        String d = alg.digest().jcaName().replace("-", "");
        Signature s;
        switch (alg.scheme()) {
            case RSA_PSS:
                s = Signature.getInstance("RSASSA-PSS");
                s.setParameter(new PSSParameterSpec(alg.digest().jcaName(), "MGF1",
                        new MGF1ParameterSpec(alg.digest().jcaName()), alg.digest().length(), 1));
                break;
            case RSA_PKCS1_V15:
                s = Signature.getInstance(d + "withRSA");
                break;
            case ECDSA:
                s = Signature.getInstance(d + "withECDSA");
                break;
            default:
                return false;
        }
        s.initVerify(key);
        s.update(data);
        return s.verify(value);
    }
}
