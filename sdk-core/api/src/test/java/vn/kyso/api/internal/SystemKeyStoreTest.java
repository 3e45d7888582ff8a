package vn.kyso.api.internal;

import vn.kyso.api.spi.DigestInfos;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.KeyStoreSpi;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.PublicKey;
import java.security.Security;
import java.security.Signature;
import java.security.SignatureException;
import java.security.SignatureSpi;
import java.security.cert.Certificate;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.util.Collections;
import java.util.Date;
import java.util.EnumSet;
import java.util.Enumeration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.kyso.api.DigestAlgorithm;
import vn.kyso.api.ErrorCode;
import vn.kyso.api.KysoException;
import vn.kyso.api.SignatureAlgorithm;
import vn.kyso.api.SignatureScheme;
import vn.kyso.api.testsupport.TestCertificates;
import vn.kyso.api.testsupport.TestKeyStores;
import vn.kyso.api.token.SigningKey;
import vn.kyso.api.token.Token;

/**
 * {@link KeyStoreToken#openSystem} with two stand-in providers, so the OS key store logic runs on any OS:
 * <ul>
 *   <li>"keychain-like": only a KeyStore service, handing out ordinary software keys (what Apple's
 *       KeychainStore provider does: it has no Signature service at all);</li>
 *   <li>"CAPI-like": a KeyStore plus NONEwithRSA that takes the bare digest and builds the DigestInfo
 *       itself from its length, and no NONEwithECDSA (what SunMSCAPI offers).</li>
 * </ul>
 */
class SystemKeyStoreTest {
    static final String KEYCHAIN = "KysoTestKeychain";
    static final String CAPI = "KysoTestCapi";
    static final byte[] DATA = "Tờ khai thuế".getBytes(StandardCharsets.UTF_8);
    static byte[] content;
    static KeyPair rsa;
    static KeyPair ec;

    @BeforeAll
    static void register() {
        rsa = TestCertificates.rsaKey();
        ec = TestCertificates.ecKey();
        content = TestKeyStores.pkcs12(TestKeyStores.PASSWORD,
                "rsa", rsa, TestKeyStores.signerCertificate(rsa, "Lý Thị Mai", "CCCD:001190000111"),
                "ec", ec, TestKeyStores.signerCertificate(ec, "Lý Văn Nam", "CCCD:001090000222"));
        Provider keychain = new Provider(KEYCHAIN, "1.0", "key store only") {
            private static final long serialVersionUID = 1L;
        };
        keychain.put("KeyStore.KysoStore", InMemoryStore.class.getName());
        Provider capi = new Provider(CAPI, "1.0", "key store and raw RSA on a bare digest") {
            private static final long serialVersionUID = 1L;
        };
        capi.put("KeyStore.KysoStore", InMemoryStore.class.getName());
        capi.put("Signature.NONEwithRSA", CapiNoneWithRsa.class.getName());
        Security.addProvider(keychain);
        Security.addProvider(capi);
    }

    @AfterAll
    static void unregister() {
        Security.removeProvider(KEYCHAIN);
        Security.removeProvider(CAPI);
    }

    @Test
    void unknownProviderIsTokenUnavailable() {
        KysoException e = assertThrows(KysoException.class,
                () -> KeyStoreToken.openSystem("KysoStore", "NoSuchProvider", "nowhere"));
        assertEquals(ErrorCode.TOKEN_UNAVAILABLE, e.errorCode());
    }

    @Test
    void keysOfAStoreWithoutSignatureServiceSignWithTheJdk() {
        try (Token token = KeyStoreToken.openSystem("KysoStore", KEYCHAIN, "keychain")) {
            SigningKey r = token.key("rsa");
            assertTrue(r.schemes().contains(SignatureScheme.RSA_PKCS1_V15), r.schemes().toString());
            assertVerifies(r, SignatureAlgorithm.RSA_SHA256, rsa.getPublic());
            for (SignatureScheme s : r.schemes()) {
                assertVerifies(r, SignatureAlgorithm.of(s, DigestAlgorithm.SHA384), rsa.getPublic());
            }
            assertVerifies(r, r.preferredAlgorithm(DigestAlgorithm.SHA256), rsa.getPublic());
            SigningKey e = token.key("ec");
            assertEquals(EnumSet.of(SignatureScheme.ECDSA), e.schemes());
            assertVerifies(e, SignatureAlgorithm.ECDSA_SHA256, ec.getPublic());
        }
    }

    @Test
    void capiLikeProviderSignsRsaWithItsOwnRawSignature() {
        CapiNoneWithRsa.calls = 0;
        try (Token token = KeyStoreToken.openSystem("KysoStore", CAPI, "capi")) {
            SigningKey r = token.key("rsa");
            assertEquals(EnumSet.of(SignatureScheme.RSA_PKCS1_V15), r.schemes(), "no PSS on a precomputed digest");
            assertEquals(SignatureAlgorithm.RSA_SHA256, r.preferredAlgorithm(DigestAlgorithm.SHA256));
            for (DigestAlgorithm d : DigestAlgorithm.values()) {
                assertVerifies(r, SignatureAlgorithm.of(SignatureScheme.RSA_PKCS1_V15, d), rsa.getPublic());
            }
            assertEquals(DigestAlgorithm.values().length, CapiNoneWithRsa.calls, "the store's provider signed");
            KysoException e = assertThrows(KysoException.class,
                    () -> r.signDigest(new byte[32], SignatureAlgorithm.RSA_PSS_SHA256));
            assertEquals(ErrorCode.UNSUPPORTED_ALGORITHM, e.errorCode());
        }
    }

    @Test
    void capiLikeProviderWithoutRawEcdsaDoesNotAdvertiseEcdsa() {
        try (Token token = KeyStoreToken.openSystem("KysoStore", CAPI, "capi")) {
            SigningKey e = token.key("ec");
            assertTrue(e.schemes().isEmpty(), e.schemes().toString());
            KysoException ex = assertThrows(KysoException.class,
                    () -> e.signDigest(new byte[32], SignatureAlgorithm.ECDSA_SHA256));
            assertEquals(ErrorCode.UNSUPPORTED_ALGORITHM, ex.errorCode(), ex.getMessage());
        }
    }

    private static void assertVerifies(SigningKey key, SignatureAlgorithm alg, PublicKey pub) {
        byte[] sig = key.signDigest(alg.digest().digest(DATA), alg);
        try {
            Signature v;
            String h = alg.digest().name();
            if (alg.scheme() == SignatureScheme.RSA_PSS) {
                v = Signature.getInstance("RSASSA-PSS");
                v.setParameter(new PSSParameterSpec(alg.digest().jcaName(), "MGF1",
                        new MGF1ParameterSpec(alg.digest().jcaName()), alg.digest().length(), 1));
            } else {
                v = Signature.getInstance(h + (alg.scheme() == SignatureScheme.ECDSA ? "withECDSA" : "withRSA"));
            }
            v.initVerify(pub);
            v.update(DATA);
            assertTrue(v.verify(sig), alg.toString());
        } catch (java.security.GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }

    /** A read-only key store over the PKCS#12 {@link #content}; load(null, null) like an OS store. */
    public static final class InMemoryStore extends KeyStoreSpi {
        private KeyStore ks;

        @Override
        public void engineLoad(InputStream stream, char[] password) throws java.io.IOException {
            try {
                ks = KeyStore.getInstance("PKCS12");
                ks.load(new ByteArrayInputStream(content), TestKeyStores.PASSWORD);
            } catch (java.security.GeneralSecurityException e) {
                throw new java.io.IOException(e);
            }
        }

        @Override
        public java.security.Key engineGetKey(String alias, char[] password)
                throws java.security.NoSuchAlgorithmException, java.security.UnrecoverableKeyException {
            try {
                return ks.getKey(alias, TestKeyStores.PASSWORD);
            } catch (java.security.KeyStoreException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public Certificate[] engineGetCertificateChain(String alias) {
            return call(() -> ks.getCertificateChain(alias));
        }

        @Override
        public Certificate engineGetCertificate(String alias) {
            return call(() -> ks.getCertificate(alias));
        }

        @Override
        public Date engineGetCreationDate(String alias) {
            return call(() -> ks.getCreationDate(alias));
        }

        @Override
        public Enumeration<String> engineAliases() {
            // sorted, so that "ec" and "rsa" come in a known order
            java.util.List<String> list = Collections.list(call(ks::aliases));
            Collections.sort(list);
            return Collections.enumeration(list);
        }

        @Override
        public boolean engineContainsAlias(String alias) {
            return call(() -> ks.containsAlias(alias));
        }

        @Override
        public int engineSize() {
            return call(ks::size);
        }

        @Override
        public boolean engineIsKeyEntry(String alias) {
            return call(() -> ks.isKeyEntry(alias));
        }

        @Override
        public boolean engineIsCertificateEntry(String alias) {
            return call(() -> ks.isCertificateEntry(alias));
        }

        @Override
        public String engineGetCertificateAlias(Certificate cert) {
            return call(() -> ks.getCertificateAlias(cert));
        }

        @Override
        public void engineSetKeyEntry(String alias, java.security.Key key, char[] password, Certificate[] chain) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void engineSetKeyEntry(String alias, byte[] key, Certificate[] chain) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void engineSetCertificateEntry(String alias, Certificate cert) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void engineDeleteEntry(String alias) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void engineStore(OutputStream stream, char[] password) {
            throw new UnsupportedOperationException();
        }

        private interface Call<T> {
            T get() throws java.security.KeyStoreException;
        }

        private static <T> T call(Call<T> c) {
            try {
                return c.get();
            } catch (java.security.KeyStoreException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** Like SunMSCAPI's NONEwithRSA: takes the bare digest and picks the DigestInfo by its length. */
    public static final class CapiNoneWithRsa extends SignatureSpi {
        static volatile int calls;
        private PrivateKey key;
        private final ByteArrayOutputStream buf = new ByteArrayOutputStream();

        @Override
        protected void engineInitSign(PrivateKey privateKey) throws InvalidKeyException {
            if (!"RSA".equals(privateKey.getAlgorithm())) {
                throw new InvalidKeyException("RSA only");
            }
            key = privateKey;
            buf.reset();
        }

        @Override
        protected void engineUpdate(byte b) {
            buf.write(b);
        }

        @Override
        protected void engineUpdate(byte[] b, int off, int len) {
            buf.write(b, off, len);
        }

        @Override
        protected byte[] engineSign() throws SignatureException {
            byte[] digest = buf.toByteArray();
            buf.reset();
            DigestAlgorithm alg = null;
            for (DigestAlgorithm d : DigestAlgorithm.values()) {
                if (d.length() == digest.length) {
                    alg = d;
                }
            }
            if (alg == null) {
                throw new SignatureException("not a digest: " + digest.length + " bytes");
            }
            try {
                Signature s = Signature.getInstance("NONEwithRSA", "SunJCE");
                s.initSign(key);
                s.update(DigestInfos.encode(alg, digest));
                calls++;
                return s.sign();
            } catch (java.security.GeneralSecurityException e) {
                throw new SignatureException(e);
            }
        }

        @Override
        protected void engineInitVerify(PublicKey publicKey) throws InvalidKeyException {
            throw new InvalidKeyException("signing only");
        }

        @Override
        protected boolean engineVerify(byte[] sigBytes) throws SignatureException {
            throw new SignatureException("signing only");
        }

        @Override
        @Deprecated
        protected void engineSetParameter(String param, Object value) {
            throw new UnsupportedOperationException();
        }

        @Override
        @Deprecated
        protected Object engineGetParameter(String param) {
            throw new UnsupportedOperationException();
        }
    }
}
