package vn.kyso.core.internal;

import eu.europa.esig.dss.enumerations.EncryptionAlgorithm;
import eu.europa.esig.dss.model.x509.CertificateToken;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import vn.kyso.api.DigestAlgorithm;
import vn.kyso.api.ErrorCode;
import vn.kyso.api.KysoException;
import vn.kyso.api.SignatureAlgorithm;
import vn.kyso.api.SignatureLevel;

/** Conversions between Kyso and DSS types. Internal. */
public final class Dss {
    private Dss() {
    }

    public static eu.europa.esig.dss.enumerations.DigestAlgorithm digest(DigestAlgorithm d) {
        switch (d) {
            case SHA256: return eu.europa.esig.dss.enumerations.DigestAlgorithm.SHA256;
            case SHA384: return eu.europa.esig.dss.enumerations.DigestAlgorithm.SHA384;
            case SHA512: return eu.europa.esig.dss.enumerations.DigestAlgorithm.SHA512;
            default: throw new KysoException(ErrorCode.UNSUPPORTED_ALGORITHM, d.name());
        }
    }

    /** The Kyso digest for a DSS one, or null when Kyso has none. */
    public static DigestAlgorithm digest(eu.europa.esig.dss.enumerations.DigestAlgorithm d) {
        if (d == null) {
            return null;
        }
        switch (d) {
            case SHA256: return DigestAlgorithm.SHA256;
            case SHA384: return DigestAlgorithm.SHA384;
            case SHA512: return DigestAlgorithm.SHA512;
            default: return null;
        }
    }

    public static EncryptionAlgorithm encryption(SignatureAlgorithm a) {
        switch (a.scheme()) {
            case RSA_PSS: return EncryptionAlgorithm.RSASSA_PSS;
            case RSA_PKCS1_V15: return EncryptionAlgorithm.RSA;
            case ECDSA: return EncryptionAlgorithm.ECDSA;
            default: throw new KysoException(ErrorCode.UNSUPPORTED_ALGORITHM, a.name());
        }
    }

    public static eu.europa.esig.dss.enumerations.SignatureAlgorithm signature(SignatureAlgorithm a) {
        return eu.europa.esig.dss.enumerations.SignatureAlgorithm.getAlgorithm(encryption(a), digest(a.digest()));
    }

    /** The Kyso algorithm for a DSS one, or null. */
    public static SignatureAlgorithm signature(eu.europa.esig.dss.enumerations.SignatureAlgorithm a) {
        if (a == null) {
            return null;
        }
        for (SignatureAlgorithm k : SignatureAlgorithm.values()) {
            if (signature(k) == a) {
                return k;
            }
        }
        return null;
    }

    public static eu.europa.esig.dss.enumerations.SignatureLevel cadesLevel(SignatureLevel l) {
        switch (l) {
            case B_B: return eu.europa.esig.dss.enumerations.SignatureLevel.CAdES_BASELINE_B;
            case B_T: return eu.europa.esig.dss.enumerations.SignatureLevel.CAdES_BASELINE_T;
            case B_LT: return eu.europa.esig.dss.enumerations.SignatureLevel.CAdES_BASELINE_LT;
            case B_LTA: return eu.europa.esig.dss.enumerations.SignatureLevel.CAdES_BASELINE_LTA;
            default: throw new KysoException(ErrorCode.INVALID_ARGUMENT, "level=" + l);
        }
    }

    public static eu.europa.esig.dss.enumerations.SignatureLevel padesLevel(SignatureLevel l) {
        switch (l) {
            case B_B: return eu.europa.esig.dss.enumerations.SignatureLevel.PAdES_BASELINE_B;
            case B_T: return eu.europa.esig.dss.enumerations.SignatureLevel.PAdES_BASELINE_T;
            case B_LT: return eu.europa.esig.dss.enumerations.SignatureLevel.PAdES_BASELINE_LT;
            case B_LTA: return eu.europa.esig.dss.enumerations.SignatureLevel.PAdES_BASELINE_LTA;
            default: throw new KysoException(ErrorCode.INVALID_ARGUMENT, "level=" + l);
        }
    }

    /**
     * The baseline level a DSS signature format corresponds to (any family: CAdES, PAdES, XAdES);
     * pre-baseline BES/EPES forms count as B-B, T as B-T, LT/XL as B-LT, A as B-LTA; anything else NONE.
     */
    public static SignatureLevel level(eu.europa.esig.dss.enumerations.SignatureLevel f) {
        if (f == null) {
            return SignatureLevel.NONE;
        }
        String n = f.name();
        if (n.endsWith("NOT_ETSI") || n.startsWith("CMS") || n.startsWith("PKCS7") || n.startsWith("XML_")) {
            return SignatureLevel.NONE;
        }
        if (n.endsWith("_BASELINE_B") || n.endsWith("_BES") || n.endsWith("_EPES")) {
            return SignatureLevel.B_B;
        }
        if (n.endsWith("_BASELINE_T") || n.endsWith("_T") || n.endsWith("_C") || n.endsWith("_X")) {
            return SignatureLevel.B_T;
        }
        if (n.endsWith("_BASELINE_LT") || n.endsWith("_XL") || n.endsWith("_LT")) {
            return SignatureLevel.B_LT;
        }
        if (n.endsWith("_BASELINE_LTA") || n.endsWith("_A") || n.endsWith("_LTA")) {
            return SignatureLevel.B_LTA;
        }
        return SignatureLevel.NONE;
    }

    public static CertificateToken token(X509Certificate c) {
        return new CertificateToken(c);
    }

    public static List<CertificateToken> tokens(List<X509Certificate> certs) {
        List<CertificateToken> out = new ArrayList<>();
        for (X509Certificate c : certs) {
            out.add(new CertificateToken(c));
        }
        return out;
    }

    /** The first {@link KysoException} in a cause chain, or null. */
    public static KysoException kysoCause(Throwable t) {
        for (int i = 0; t != null && i < 20; i++, t = t.getCause()) {
            if (t instanceof KysoException) {
                return (KysoException) t;
            }
        }
        return null;
    }

    /** A one-line description of an exception chain for details (never secrets: DSS/BC messages only). */
    public static String describe(Throwable t) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; t != null && i < 4; i++, t = t.getCause()) {
            if (sb.length() > 0) {
                sb.append(" <- ");
            }
            sb.append(t.getClass().getSimpleName());
            if (t.getMessage() != null) {
                String m = t.getMessage();
                sb.append(": ").append(m.length() > 300 ? m.substring(0, 300) + "..." : m);
            }
        }
        return sb.toString();
    }
}
