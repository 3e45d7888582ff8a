package vn.kyso.pkcs11.internal;

import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKG_MGF1_SHA256;
import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKG_MGF1_SHA384;
import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKG_MGF1_SHA512;
import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKM_ECDSA;
import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKM_RSA_PKCS;
import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKM_RSA_PKCS_PSS;
import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKM_SHA256;
import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKM_SHA384;
import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKM_SHA512;

import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.xipki.pkcs11.wrapper.Mechanism;
import org.xipki.pkcs11.wrapper.params.RSA_PKCS_PSS_PARAMS;
import vn.kyso.api.DigestAlgorithm;
import vn.kyso.api.ErrorCode;
import vn.kyso.api.KysoException;
import vn.kyso.api.SignatureAlgorithm;
import vn.kyso.api.SignatureScheme;
import vn.kyso.api.internal.Args;
import vn.kyso.api.spi.DigestInfos;
import vn.kyso.api.token.SigningKey;

/**
 * A private key on a PKCS#11 token. The key is found again by its CKA_ID after a new login, and used only
 * if the token still holds the same certificate under that id. Thread-safe. Internal.
 */
public final class TokenKey implements SigningKey {
    private final KeyHost host;
    private final String id;
    private final TokenObjects.KeyType type;
    private final List<X509Certificate> chain;
    private final Set<SignatureScheme> schemes;

    public TokenKey(KeyHost host, TokenObjects.KeyEntry entry, LoginSession login) {
        this.host = host;
        this.id = entry.idHex();
        this.type = entry.type();
        this.chain = entry.chain();
        Set<SignatureScheme> s = EnumSet.noneOf(SignatureScheme.class);
        if (type == TokenObjects.KeyType.RSA) {
            if (login.hasMechanism(CKM_RSA_PKCS_PSS)) {
                s.add(SignatureScheme.RSA_PSS);
            }
            if (login.hasMechanism(CKM_RSA_PKCS)) {
                s.add(SignatureScheme.RSA_PKCS1_V15);
            }
        } else if (login.hasMechanism(CKM_ECDSA)) {
            s.add(SignatureScheme.ECDSA);
        }
        this.schemes = Collections.unmodifiableSet(s);
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public List<X509Certificate> chain() {
        return chain;
    }

    @Override
    public Set<SignatureScheme> schemes() {
        return schemes;
    }

    @Override
    public byte[] signDigest(byte[] digest, SignatureAlgorithm algorithm) {
        Args.notNull(digest, "digest");
        Args.notNull(algorithm, "algorithm");
        if (!schemes.contains(algorithm.scheme())) {
            throw new KysoException(ErrorCode.UNSUPPORTED_ALGORITHM,
                    algorithm.displayName(), "id=" + id, "label='" + host.label() + "'");
        }
        DigestInfos.checkLength(digest, algorithm);
        LoginSession login = host.login(Step.SIGNING);
        TokenObjects.KeyEntry entry = login.entry(id);
        if (entry == null || !entry.chain().get(0).equals(chain.get(0))) {
            String serial = chain.get(0).getSerialNumber().toString(16);
            throw KysoException.localized(ErrorCode.KEY_NOT_FOUND, null, "khóa id=" + id + " (serial=" + serial
                    + ") không còn trên '" + host.label() + "'", "key " + id + " with certificate serial " + serial
                    + " is no longer on '" + host.label() + "'");
        }
        long handle = entry.handle();
        switch (algorithm.scheme()) {
            case RSA_PKCS1_V15: {
                byte[] input = DigestInfos.encode(algorithm.digest(), digest);
                return login.call(Step.signing(algorithm.displayName()),
                        s -> s.signSingle(new Mechanism(CKM_RSA_PKCS), handle, input));
            }
            case RSA_PSS: {
                DigestAlgorithm d = algorithm.digest();
                Mechanism m = new Mechanism(CKM_RSA_PKCS_PSS, new RSA_PKCS_PSS_PARAMS(hashMechanism(d), mgf1(d), d.length()));
                return login.call(Step.signing(algorithm.displayName()), s -> s.signSingle(m, handle, digest));
            }
            case ECDSA: {
                byte[] raw = login.call(Step.signing(algorithm.displayName()),
                        s -> s.signSingle(new Mechanism(CKM_ECDSA), handle, digest));
                try {
                    return EcdsaSignatures.toDer(raw, fieldLength());
                } catch (IllegalArgumentException e) {
                    throw KysoException.localized(ErrorCode.SIGNING_FAILED, e,
                            "'" + host.label() + "': chữ ký ECDSA do thiết bị trả về sai cấu trúc",
                            "'" + host.label() + "': the token returned a malformed ECDSA signature (" + e.getMessage() + ")");
                }
            }
            default:
                throw new KysoException(ErrorCode.UNSUPPORTED_ALGORITHM, algorithm.displayName());
        }
    }

    private int fieldLength() {
        ECPublicKey pub = (ECPublicKey) chain.get(0).getPublicKey();
        return (pub.getParams().getOrder().bitLength() + 7) / 8;
    }

    private static long hashMechanism(DigestAlgorithm d) {
        switch (d) {
            case SHA256: return CKM_SHA256;
            case SHA384: return CKM_SHA384;
            case SHA512: return CKM_SHA512;
            default: throw new KysoException(ErrorCode.UNSUPPORTED_ALGORITHM, d.jcaName());
        }
    }

    private static long mgf1(DigestAlgorithm d) {
        switch (d) {
            case SHA256: return CKG_MGF1_SHA256;
            case SHA384: return CKG_MGF1_SHA384;
            case SHA512: return CKG_MGF1_SHA512;
            default: throw new KysoException(ErrorCode.UNSUPPORTED_ALGORITHM, d.jcaName());
        }
    }

    @Override
    public String toString() {
        return "SigningKey[" + id + " on '" + host.label() + "', " + chain.get(0).getSubjectX500Principal().getName() + "]";
    }
}
