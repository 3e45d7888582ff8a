package vn.kyso.api.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.UnrecoverableKeyException;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECKey;
import java.security.interfaces.RSAKey;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Enumeration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import vn.kyso.api.ErrorCode;
import vn.kyso.api.KysoException;
import vn.kyso.api.SignatureAlgorithm;
import vn.kyso.api.SignatureScheme;
import vn.kyso.api.token.SigningKey;
import vn.kyso.api.token.Token;

/** A token backed by a JCA {@link KeyStore}: PKCS#12 files and OS key stores. Internal. */
public final class KeyStoreToken implements Token {
    private final String label;
    private final AtomicBoolean closed;
    private final List<SigningKey> keys;

    private KeyStoreToken(String label, AtomicBoolean closed, List<SigningKey> keys) {
        this.label = label;
        this.closed = closed;
        this.keys = Collections.unmodifiableList(keys);
    }

    public static Token openPkcs12(Path file, char[] password) {
        Args.notNull(file, "file");
        Args.notNull(password, "password");
        byte[] content;
        try {
            content = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new KysoException(ErrorCode.INPUT_UNREADABLE, e, file.toString());
        } catch (IOException e) {
            throw new KysoException(ErrorCode.INPUT_UNREADABLE, e, file.toString());
        }
        return openPkcs12(content, password, String.valueOf(file.getFileName()));
    }

    public static Token openPkcs12(byte[] content, char[] password, String label) {
        Args.notNull(content, "content");
        Args.notNull(password, "password");
        Args.notNull(label, "label");
        char[] copy = password.clone();
        try {
            try {
                return openPkcs12(content, copy, label, null);
            } catch (KysoException e) {
                // The JDK's PKCS12 only accepts ASCII passwords for PBKDF2 (PBES2), the default of
                // OpenSSL 3 and other current tools, and then reports a wrong password. Bouncy Castle
                // derives the key from the UTF-8 password as those tools do: retry with it.
                if (e.errorCode() == ErrorCode.KEYSTORE_PASSWORD && !isAscii(copy)) {
                    return openPkcs12(content, copy, label, BouncyCastle.PROVIDER);
                }
                throw e;
            }
        } finally {
            Arrays.fill(copy, '\0');
        }
    }

    private static Token openPkcs12(byte[] content, char[] password, String label, Provider provider) {
        try (InputStream in = new ByteArrayInputStream(content)) {
            KeyStore ks = provider == null ? KeyStore.getInstance("PKCS12") : KeyStore.getInstance("PKCS12", provider);
            ks.load(in, password);
            AtomicBoolean closed = new AtomicBoolean();
            return new KeyStoreToken(label, closed, readKeys(ks, password, null, true, label, closed));
        } catch (IOException e) {
            if (e.getCause() instanceof UnrecoverableKeyException
                    || String.valueOf(e.getMessage()).contains("password")) {
                throw new KysoException(ErrorCode.KEYSTORE_PASSWORD, label);
            }
            throw new KysoException(ErrorCode.KEYSTORE_UNREADABLE, e, label);
        } catch (UnrecoverableKeyException e) {
            throw new KysoException(ErrorCode.KEYSTORE_PASSWORD, label);
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new KysoException(ErrorCode.KEYSTORE_UNREADABLE, e, label);
        }
    }

    private static boolean isAscii(char[] password) {
        for (char c : password) {
            if (c > 0x7f) {
                return false;
            }
        }
        return true;
    }

    /** Bouncy Castle, created only when needed and not registered globally. */
    private static final class BouncyCastle {
        static final Provider PROVIDER = new org.bouncycastle.jce.provider.BouncyCastleProvider();
    }

    public static Token openSystem(String type, String provider, String label) {
        try {
            KeyStore ks = KeyStore.getInstance(type, provider);
            ks.load(null, null);
            Provider p = ks.getProvider();
            // A store whose provider offers no raw signature (Apple's KeychainStore: a KeyStore service
            // only) hands out ordinary software keys; they sign with the JDK's providers, as keys of a
            // PKCS#12 file do. Otherwise (SunMSCAPI) the key stays with the store's provider.
            boolean providerSigns = p.getService("Signature", "NONEwithRSA") != null
                    || p.getService("Signature", "NONEwithECDSA") != null;
            AtomicBoolean closed = new AtomicBoolean();
            return new KeyStoreToken(label, closed,
                    readKeys(ks, null, providerSigns ? p : null, !providerSigns, label, closed));
        } catch (GeneralSecurityException | IOException e) {
            throw new KysoException(ErrorCode.TOKEN_UNAVAILABLE, e, label);
        }
    }

    private static List<SigningKey> readKeys(KeyStore ks, char[] password, Provider provider, boolean softKey,
                                             String label, AtomicBoolean closed)
            throws GeneralSecurityException {
        List<SigningKey> keys = new ArrayList<>();
        Enumeration<String> aliases = ks.aliases();
        while (aliases.hasMoreElements()) {
            String alias = aliases.nextElement();
            if (!ks.isKeyEntry(alias)) {
                continue;
            }
            Certificate[] chain = ks.getCertificateChain(alias);
            if (chain == null || chain.length == 0 || !(chain[0] instanceof X509Certificate)) {
                continue;
            }
            PrivateKey key = (PrivateKey) ks.getKey(alias, password);
            if (key == null) {
                continue;
            }
            List<X509Certificate> certs = new ArrayList<>();
            for (Certificate c : chain) {
                certs.add((X509Certificate) c);
            }
            keys.add(new JcaKey(alias, key, certs, provider, softKey, label, closed));
        }
        return keys;
    }

    @Override
    public String label() {
        return label;
    }

    @Override
    public List<SigningKey> keys() {
        checkOpen(label, closed);
        return keys;
    }

    private static void checkOpen(String label, AtomicBoolean closed) {
        if (closed.get()) {
            throw KysoException.localized(ErrorCode.TOKEN_UNAVAILABLE, null, label + " đã bị đóng", label + " (closed)");
        }
    }

    @Override
    public void close() {
        closed.set(true);
    }

    /** A key held by a JCA provider. */
    private static final class JcaKey implements SigningKey {
        private final String id;
        private final PrivateKey key;
        private final List<X509Certificate> chain;
        private final Provider provider;
        private final boolean softKey;
        private final Set<SignatureScheme> schemes;
        private final String label;
        private final AtomicBoolean closed;

        JcaKey(String id, PrivateKey key, List<X509Certificate> chain, Provider provider, boolean softKey,
               String label, AtomicBoolean closed) {
            this.label = label;
            this.closed = closed;
            this.id = id;
            this.key = key;
            this.chain = Collections.unmodifiableList(chain);
            this.provider = provider;
            this.softKey = softKey;
            // Only what signDigest can really do: a provider-held key needs the provider's raw
            // ("NONEwith...") signature; SunMSCAPI, for one, has NONEwithRSA but no NONEwithECDSA.
            Set<SignatureScheme> s = EnumSet.noneOf(SignatureScheme.class);
            if (key instanceof ECKey || "EC".equals(key.getAlgorithm())) {
                if (softKey || offers(provider, "NONEwithECDSA")) {
                    s.add(SignatureScheme.ECDSA);
                }
            } else if (key instanceof RSAKey || "RSA".equals(key.getAlgorithm())) {
                if (softKey) {
                    s.add(SignatureScheme.RSA_PSS);
                    s.add(SignatureScheme.RSA_PKCS1_V15);
                } else if (offers(provider, "NONEwithRSA")) {
                    s.add(SignatureScheme.RSA_PKCS1_V15);
                }
            }
            schemes = Collections.unmodifiableSet(s);
        }

        private static boolean offers(Provider provider, String signature) {
            return provider == null || provider.getService("Signature", signature) != null;
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
            checkOpen(label, closed);
            if (!schemes.contains(algorithm.scheme())) {
                throw new KysoException(ErrorCode.UNSUPPORTED_ALGORITHM, algorithm.displayName() + " / " + id);
            }
            if (algorithm.scheme() == SignatureScheme.RSA_PSS) {
                return DigestSigner.signPss(key, digest, algorithm);
            }
            return DigestSigner.signWithProvider(key, provider, digest, algorithm, softKey);
        }

        @Override
        public String toString() {
            return "SigningKey[" + id + ", " + chain.get(0).getSubjectX500Principal().getName() + "]";
        }
    }
}
