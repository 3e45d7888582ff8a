package vn.kyso.pkcs11.internal;

import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKA_ID;
import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKA_KEY_TYPE;
import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKA_LABEL;
import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKA_VALUE;
import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKC_X_509;
import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKK_EC;
import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKK_RSA;
import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKO_CERTIFICATE;
import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKO_PRIVATE_KEY;

import java.io.ByteArrayInputStream;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xipki.pkcs11.wrapper.AttributeVector;
import org.xipki.pkcs11.wrapper.Session;
import org.xipki.pkcs11.wrapper.TokenException;

/**
 * Reads a token's private keys and X.509 certificates and pairs them by CKA_ID. Internal.
 */
public final class TokenObjects {
    private static final Logger LOG = LoggerFactory.getLogger(TokenObjects.class);
    private static final int MAX_CHAIN = 10;

    /** Key algorithm of a token key. */
    public enum KeyType { RSA, EC }

    /** A private key with its certificate chain (signer first, as far as the token holds it). Immutable. */
    public static final class KeyEntry {
        private final String idHex;
        private final long handle;
        private final KeyType type;
        private final String label;
        private final List<X509Certificate> chain;

        KeyEntry(String idHex, long handle, KeyType type, String label, List<X509Certificate> chain) {
            this.idHex = idHex;
            this.handle = handle;
            this.type = type;
            this.label = label;
            this.chain = Collections.unmodifiableList(new ArrayList<>(chain));
        }

        public String idHex() {
            return idHex;
        }

        public long handle() {
            return handle;
        }

        public KeyType type() {
            return type;
        }

        public String label() {
            return label;
        }

        public List<X509Certificate> chain() {
            return chain;
        }
    }

    private TokenObjects() {
    }

    /**
     * The X.509 certificates on the token, in the token's order. Certificates are public objects: this
     * needs no login.
     */
    public static List<X509Certificate> certificates(Session session) throws TokenException {
        List<X509Certificate> certs = new ArrayList<>();
        certificates(session, certs, new ArrayList<>());
        return certs;
    }

    /** Fills {@code certs} and, at the same indexes, their CKA_IDs (empty when absent). */
    private static void certificates(Session session, List<X509Certificate> certs, List<byte[]> certIds) throws TokenException {
        CertificateFactory cf = certificateFactory();
        for (long h : session.findAllObjectsSingle(new AttributeVector().class_(CKO_CERTIFICATE).certificateType(CKC_X_509))) {
            AttributeVector a = session.getAttrValues(h, CKA_ID, CKA_VALUE);
            byte[] value = a.value();
            if (value == null) {
                continue;
            }
            try {
                certs.add((X509Certificate) cf.generateCertificate(new ByteArrayInputStream(value)));
                certIds.add(a.id() == null ? new byte[0] : a.id());
            } catch (GeneralSecurityException | RuntimeException e) {
                LOG.debug("Skipping an unreadable certificate object: {}", e.toString());
            }
        }
    }

    /** The private keys that have a certificate with the same CKA_ID, in the token's order. */
    public static List<KeyEntry> read(Session session) throws TokenException {
        List<byte[]> certIds = new ArrayList<>();
        List<X509Certificate> certs = new ArrayList<>();
        certificates(session, certs, certIds);
        List<KeyEntry> out = new ArrayList<>();
        for (long h : session.findAllObjectsSingle(new AttributeVector().class_(CKO_PRIVATE_KEY))) {
            AttributeVector a = session.getAttrValues(h, CKA_ID, CKA_KEY_TYPE, CKA_LABEL);
            byte[] id = a.id();
            Long keyType = a.keyType();
            KeyType type = keyType == null ? null : keyType == CKK_RSA ? KeyType.RSA : keyType == CKK_EC ? KeyType.EC : null;
            if (id == null || id.length == 0 || type == null) {
                LOG.debug("Skipping private key {} (no CKA_ID or not RSA/EC)", a.label());
                continue;
            }
            X509Certificate cert = null;
            for (int i = 0; i < certs.size() && cert == null; i++) {
                if (Arrays.equals(id, certIds.get(i)) && matches(type, certs.get(i))) {
                    cert = certs.get(i);
                }
            }
            if (cert == null) {
                LOG.debug("Skipping private key {} (id {}): no certificate with its CKA_ID", a.label(), hex(id));
                continue;
            }
            out.add(new KeyEntry(hex(id), h, type, a.label(), chain(cert, certs)));
        }
        return out;
    }

    private static boolean matches(KeyType type, X509Certificate cert) {
        String alg = cert.getPublicKey().getAlgorithm();
        return type == KeyType.RSA ? "RSA".equals(alg) : "EC".equals(alg);
    }

    /** The chain from {@code leaf} up through the certificates the token holds (checked by signature). */
    static List<X509Certificate> chain(X509Certificate leaf, List<X509Certificate> pool) {
        List<X509Certificate> chain = new ArrayList<>();
        chain.add(leaf);
        X509Certificate current = leaf;
        while (chain.size() < MAX_CHAIN && !current.getSubjectX500Principal().equals(current.getIssuerX500Principal())) {
            X509Certificate issuer = null;
            for (X509Certificate c : pool) {
                if (!chain.contains(c) && c.getSubjectX500Principal().equals(current.getIssuerX500Principal())
                        && signedBy(current, c)) {
                    issuer = c;
                    break;
                }
            }
            if (issuer == null) {
                break;
            }
            chain.add(issuer);
            current = issuer;
        }
        return chain;
    }

    private static boolean signedBy(X509Certificate cert, X509Certificate issuer) {
        try {
            cert.verify(issuer.getPublicKey());
            return true;
        } catch (GeneralSecurityException | RuntimeException e) {
            return false;
        }
    }

    private static CertificateFactory certificateFactory() {
        try {
            return CertificateFactory.getInstance("X.509");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Lower-case hex. */
    public static String hex(byte[] b) {
        StringBuilder sb = new StringBuilder(b.length * 2);
        for (byte x : b) {
            sb.append(String.format(Locale.ROOT, "%02x", x & 0xff));
        }
        return sb.toString();
    }
}
