package vn.kyso.api.token;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PublicKey;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import vn.kyso.api.DigestAlgorithm;
import vn.kyso.api.ErrorCode;
import vn.kyso.api.KysoException;
import vn.kyso.api.Language;
import vn.kyso.api.SignatureAlgorithm;
import vn.kyso.api.SignatureScheme;
import vn.kyso.api.cert.SubjectKind;
import vn.kyso.api.testsupport.OpenSsl;
import vn.kyso.api.testsupport.TestCertificates;
import vn.kyso.api.testsupport.TestKeyStores;

class Pkcs12TokenTest {
    private static final byte[] DATA = "Hợp đồng số 01/2025/HĐ-KYSO".getBytes(StandardCharsets.UTF_8);
    private static final char[] PW = TestKeyStores.PASSWORD;

    static KeyPair rsa;
    static KeyPair ec;
    static X509Certificate rsaCert;
    static X509Certificate ecCert;
    static byte[] rsaP12;
    static byte[] ecP12;

    @TempDir
    static Path dir;
    static Path rsaFile;

    @BeforeAll
    static void setUp() throws Exception {
        rsa = TestCertificates.rsaKey();
        ec = TestCertificates.ecKey();
        rsaCert = TestKeyStores.signerCertificate(rsa, "Nguyễn Văn Ánh", "CCCD:001085012345");
        ecCert = TestKeyStores.signerCertificate(ec, "Trần Thị Bích", "CCCD:079190001234");
        rsaP12 = TestKeyStores.pkcs12(PW, "ánh", rsa, rsaCert);
        ecP12 = TestKeyStores.pkcs12(PW, "bich", ec, ecCert);
        rsaFile = dir.resolve("chữ-ký.p12");
        Files.write(rsaFile, rsaP12);
    }

    private static KysoException fails(ErrorCode code, org.junit.jupiter.api.function.Executable e) {
        KysoException ex = assertThrows(KysoException.class, e);
        assertEquals(code, ex.errorCode(), ex.getMessage());
        return ex;
    }

    private static byte[] sign(SigningKey key, SignatureAlgorithm alg) {
        return key.signDigest(alg.digest().digest(DATA), alg);
    }

    private static String jcaRsaName(DigestAlgorithm d) {
        return d.name() + "withRSA";
    }

    // ---- opening --------------------------------------------------------------------------------------------

    @Test
    void opensFileAndReadsKeyAndChain() {
        try (Token token = Tokens.pkcs12(rsaFile, PW.clone())) {
            assertEquals("chữ-ký.p12", token.label());
            assertEquals(1, token.keys().size());
            SigningKey key = token.firstKey();
            assertEquals("ánh", key.id());
            assertEquals(rsaCert, key.certificate());
            assertEquals(Arrays.asList(rsaCert, TestCertificates.ca()), key.chain());
            assertEquals("Nguyễn Văn Ánh", key.info().commonName());
            assertEquals(SubjectKind.PERSON, key.info().kind());
            assertEquals(key, token.key("ánh"));
        }
    }

    @Test
    void opensBytesWithLabel() {
        try (Token token = Tokens.pkcs12(rsaP12, PW, "bộ nhớ")) {
            assertEquals("bộ nhớ", token.label());
            assertEquals(rsaCert, token.firstKey().certificate());
        }
    }

    @Test
    void severalKeysKeepTheirIds() {
        byte[] p12 = TestKeyStores.pkcs12(PW, "rsa", rsa, rsaCert, "ec", ec, ecCert);
        try (Token token = Tokens.pkcs12(p12, PW, "two")) {
            assertEquals(2, token.keys().size());
            assertEquals(rsaCert, token.key("rsa").certificate());
            assertEquals(ecCert, token.key("ec").certificate());
            KysoException e = fails(ErrorCode.KEY_NOT_FOUND, () -> token.key("không-có"));
            assertTrue(e.getMessage().contains("không-có"));
        }
    }

    @Test
    void certificateOnlyStoreHasNoKeys() {
        try (Token token = Tokens.pkcs12(TestKeyStores.certificateOnlyPkcs12(PW), PW, "ca-only")) {
            assertTrue(token.keys().isEmpty());
            fails(ErrorCode.KEY_NOT_FOUND, token::firstKey);
        }
    }

    @Test
    void wrongPasswordIsKeystorePasswordAndDoesNotLeakIt() {
        char[] wrong = "sai-mật-khẩu-Zq9".toCharArray();
        KysoException e = fails(ErrorCode.KEYSTORE_PASSWORD, () -> Tokens.pkcs12(rsaFile, wrong));
        for (Language l : Language.values()) {
            assertFalse(e.message(l).contains("sai-mật-khẩu-Zq9"), e.message(l));
        }
        assertFalse(String.valueOf(e).contains("sai-mật-khẩu-Zq9"));
        fails(ErrorCode.KEYSTORE_PASSWORD, () -> Tokens.pkcs12(rsaP12, new char[0], "x"));
        assertArrayEquals("sai-mật-khẩu-Zq9".toCharArray(), wrong, "the caller's array is not modified");
    }

    @Test
    void missingFileIsInputUnreadable() {
        Path missing = dir.resolve("không-tồn-tại.p12");
        KysoException e = fails(ErrorCode.INPUT_UNREADABLE, () -> Tokens.pkcs12(missing, PW));
        assertTrue(e.getMessage().contains("không-tồn-tại.p12"), e.getMessage());
    }

    @Test
    void directoryIsInputUnreadable() {
        fails(ErrorCode.INPUT_UNREADABLE, () -> Tokens.pkcs12(dir, PW));
    }

    @Test
    void garbageFileIsKeystoreUnreadable() throws Exception {
        Path garbage = dir.resolve("rác.p12");
        byte[] random = new byte[3000];
        new Random(42).nextBytes(random);
        Files.write(garbage, random);
        fails(ErrorCode.KEYSTORE_UNREADABLE, () -> Tokens.pkcs12(garbage, PW));
        fails(ErrorCode.KEYSTORE_UNREADABLE, () -> Tokens.pkcs12("not a key store".getBytes(StandardCharsets.US_ASCII), PW, "text"));
        fails(ErrorCode.KEYSTORE_UNREADABLE, () -> Tokens.pkcs12(new byte[0], PW, "empty"));
        fails(ErrorCode.KEYSTORE_UNREADABLE, () -> Tokens.pkcs12(Arrays.copyOf(rsaP12, rsaP12.length / 2), PW, "half"));
        // a PEM certificate is not a key store either
        fails(ErrorCode.KEYSTORE_UNREADABLE, () -> Tokens.pkcs12(
                vn.kyso.api.cert.Certificates.toPem(rsaCert).getBytes(StandardCharsets.US_ASCII), PW, "pem"));
    }

    @Test
    void nullPasswordIsInvalidArgument() {
        fails(ErrorCode.INVALID_ARGUMENT, () -> Tokens.pkcs12(rsaP12, null, "x"));
    }

    @Test
    void callerMayWipeThePasswordRightAfterOpening() {
        char[] pw = PW.clone();
        try (Token token = Tokens.pkcs12(rsaFile, pw)) {
            Arrays.fill(pw, '\0');
            SigningKey key = token.firstKey();
            byte[] sig = sign(key, SignatureAlgorithm.RSA_SHA256);
            assertTrue(verify("SHA256withRSA", null, rsa.getPublic(), sig));
        }
    }

    // ---- RSA ------------------------------------------------------------------------------------------------

    @Test
    void rsaKeyOffersPssAndPkcs1AndPrefersPss() {
        try (Token token = Tokens.pkcs12(rsaP12, PW, "rsa")) {
            SigningKey key = token.firstKey();
            assertEquals(EnumSet.of(SignatureScheme.RSA_PSS, SignatureScheme.RSA_PKCS1_V15), key.schemes());
            assertEquals(SignatureAlgorithm.RSA_PSS_SHA256, key.preferredAlgorithm(DigestAlgorithm.SHA256));
            assertEquals(SignatureAlgorithm.RSA_PSS_SHA384, key.preferredAlgorithm(DigestAlgorithm.SHA384));
            assertEquals(SignatureAlgorithm.RSA_PSS_SHA512, key.preferredAlgorithm(DigestAlgorithm.SHA512));
        }
    }

    @ParameterizedTest
    @EnumSource(value = SignatureAlgorithm.class, names = {"RSA_SHA256", "RSA_SHA384", "RSA_SHA512"})
    void pkcs1SignatureVerifiesWithJcaAndEqualsJcaSignature(SignatureAlgorithm alg) throws Exception {
        try (Token token = Tokens.pkcs12(rsaP12, PW, "rsa")) {
            byte[] sig = sign(token.firstKey(), alg);
            String jca = jcaRsaName(alg.digest());
            assertTrue(verify(jca, null, rsa.getPublic(), sig), jca);
            // PKCS#1 v1.5 is deterministic: byte-equal to the JCA signature over the data
            Signature s = Signature.getInstance(jca);
            s.initSign(rsa.getPrivate());
            s.update(DATA);
            assertArrayEquals(s.sign(), sig);
            assertFalse(verify(jca, null, TestCertificates.otherRsaKey().getPublic(), sig));
        }
    }

    @ParameterizedTest
    @EnumSource(value = SignatureAlgorithm.class, names = {"RSA_PSS_SHA256", "RSA_PSS_SHA384", "RSA_PSS_SHA512"})
    void pssSignatureVerifiesWithJca(SignatureAlgorithm alg) throws Exception {
        try (Token token = Tokens.pkcs12(rsaP12, PW, "rsa")) {
            SigningKey key = token.firstKey();
            byte[] sig = sign(key, alg);
            PSSParameterSpec spec = pss(alg.digest());
            assertTrue(verify("RSASSA-PSS", spec, rsa.getPublic(), sig));
            // randomised: two signatures differ, both verify
            byte[] again = sign(key, alg);
            assertFalse(Arrays.equals(sig, again));
            assertTrue(verify("RSASSA-PSS", spec, rsa.getPublic(), again));
            // salt length is the digest length: another salt length does not verify
            PSSParameterSpec salt20 = new PSSParameterSpec(alg.digest().jcaName(), "MGF1",
                    new MGF1ParameterSpec(alg.digest().jcaName()), 20, 1);
            assertFalse(verify("RSASSA-PSS", salt20, rsa.getPublic(), sig));
            // and it is not a PKCS#1 v1.5 signature
            assertFalse(verify(jcaRsaName(alg.digest()), null, rsa.getPublic(), sig));
        }
    }

    @Test
    void pssSignatureVerifiesWithOpensslPkeyutl() throws Exception {
        assumeTrue(OpenSsl.available(), "openssl CLI not installed");
        try (Token token = Tokens.pkcs12(rsaP12, PW, "rsa")) {
            SignatureAlgorithm alg = SignatureAlgorithm.RSA_PSS_SHA256;
            byte[] digest = alg.digest().digest(DATA);
            byte[] sig = token.firstKey().signDigest(digest, alg);
            Path pub = dir.resolve("pub.pem");
            Files.write(pub, ("-----BEGIN PUBLIC KEY-----\n"
                    + java.util.Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(rsa.getPublic().getEncoded())
                    + "\n-----END PUBLIC KEY-----\n").getBytes(StandardCharsets.US_ASCII));
            Path dgst = dir.resolve("digest.bin");
            Files.write(dgst, digest);
            Path sigFile = dir.resolve("sig.bin");
            Files.write(sigFile, sig);
            String[] args = {"pkeyutl", "-verify", "-pubin", "-inkey", pub.toString(), "-in", dgst.toString(),
                "-sigfile", sigFile.toString(), "-pkeyopt", "rsa_padding_mode:pss", "-pkeyopt", "rsa_pss_saltlen:32",
                "-pkeyopt", "digest:sha256"};
            OpenSsl.Result ok = OpenSsl.run(dir, args);
            assertEquals(0, ok.exitCode, ok.toString());
            assertTrue(ok.stdout.contains("Signature Verified Successfully"), ok.toString());
            // negative control: a flipped bit does not verify
            sig[sig.length / 2] ^= 1;
            Files.write(sigFile, sig);
            assertTrue(OpenSsl.run(dir, args).exitCode != 0);
        }
    }

    // ---- EC -------------------------------------------------------------------------------------------------

    @Test
    void ecKeyOffersEcdsaOnly() {
        try (Token token = Tokens.pkcs12(ecP12, PW, "ec")) {
            SigningKey key = token.firstKey();
            assertEquals(EnumSet.of(SignatureScheme.ECDSA), key.schemes());
            assertEquals(SignatureAlgorithm.ECDSA_SHA256, key.preferredAlgorithm(DigestAlgorithm.SHA256));
        }
    }

    @ParameterizedTest
    @EnumSource(value = SignatureAlgorithm.class, names = {"ECDSA_SHA256", "ECDSA_SHA384", "ECDSA_SHA512"})
    void ecdsaSignatureIsDerAndVerifiesWithJca(SignatureAlgorithm alg) throws Exception {
        try (Token token = Tokens.pkcs12(ecP12, PW, "ec")) {
            byte[] sig = sign(token.firstKey(), alg);
            assertEquals(0x30, sig[0] & 0xff, "DER SEQUENCE");
            assertEquals(sig.length - 2, sig[1] & 0xff, "DER length");
            String jca = alg.digest().name() + "withECDSA";
            assertTrue(verify(jca, null, ec.getPublic(), sig), jca);
            byte[] other = "khác".getBytes(StandardCharsets.UTF_8);
            Signature v = Signature.getInstance(jca);
            v.initVerify(ec.getPublic());
            v.update(other);
            assertFalse(v.verify(sig));
        }
    }

    @Test
    void pssOrPkcs1OnEcKeyIsUnsupported() {
        try (Token token = Tokens.pkcs12(ecP12, PW, "ec")) {
            SigningKey key = token.firstKey();
            fails(ErrorCode.UNSUPPORTED_ALGORITHM, () -> sign(key, SignatureAlgorithm.RSA_PSS_SHA256));
            fails(ErrorCode.UNSUPPORTED_ALGORITHM, () -> sign(key, SignatureAlgorithm.RSA_SHA256));
        }
    }

    @Test
    void ecdsaOnRsaKeyIsUnsupported() {
        try (Token token = Tokens.pkcs12(rsaP12, PW, "rsa")) {
            fails(ErrorCode.UNSUPPORTED_ALGORITHM, () -> sign(token.firstKey(), SignatureAlgorithm.ECDSA_SHA256));
        }
    }

    // ---- argument and state errors --------------------------------------------------------------------------

    @ParameterizedTest
    @EnumSource(SignatureAlgorithm.class)
    void wrongDigestLengthIsInvalidArgument(SignatureAlgorithm alg) {
        byte[] p12 = alg.scheme() == SignatureScheme.ECDSA ? ecP12 : rsaP12;
        try (Token token = Tokens.pkcs12(p12, PW, "k")) {
            SigningKey key = token.firstKey();
            int len = alg.digest().length();
            fails(ErrorCode.INVALID_ARGUMENT, () -> key.signDigest(new byte[len - 1], alg));
            fails(ErrorCode.INVALID_ARGUMENT, () -> key.signDigest(new byte[len + 1], alg));
            fails(ErrorCode.INVALID_ARGUMENT, () -> key.signDigest(new byte[0], alg));
            fails(ErrorCode.INVALID_ARGUMENT, () -> key.signDigest(null, alg));
            // the whole data instead of its digest
            if (DATA.length != len) {
                fails(ErrorCode.INVALID_ARGUMENT, () -> key.signDigest(DATA, alg));
            }
        }
    }

    @Test
    void closedTokenIsUnavailable() {
        Token token = Tokens.pkcs12(rsaP12, PW, "đã đóng");
        SigningKey key = token.firstKey();
        token.close();
        token.close(); // closing twice never throws
        KysoException e = fails(ErrorCode.TOKEN_UNAVAILABLE, token::keys);
        assertTrue(e.getMessage().contains("đã đóng"), e.getMessage());
        fails(ErrorCode.TOKEN_UNAVAILABLE, () -> sign(key, SignatureAlgorithm.RSA_SHA256));
        fails(ErrorCode.TOKEN_UNAVAILABLE, () -> sign(key, SignatureAlgorithm.RSA_PSS_SHA256));
        fails(ErrorCode.TOKEN_UNAVAILABLE, token::firstKey);
    }

    @Test
    void keysListIsImmutableAndToStringHidesNothingSecret() {
        try (Token token = Tokens.pkcs12(rsaP12, PW, "rsa")) {
            assertThrows(UnsupportedOperationException.class, () -> token.keys().clear());
            String s = token.firstKey().toString();
            assertNotNull(s);
            assertFalse(s.contains(new String(PW)));
            assertFalse(s.contains("PRIVATE"));
        }
    }

    @Test
    void signingFromSeveralThreadsGivesValidSignatures() throws Exception {
        try (Token token = Tokens.pkcs12(rsaP12, PW, "rsa")) {
            SigningKey key = token.firstKey();
            java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
            try {
                java.util.List<java.util.concurrent.Future<byte[]>> fs = new java.util.ArrayList<>();
                for (int i = 0; i < 16; i++) {
                    SignatureAlgorithm alg = i % 2 == 0 ? SignatureAlgorithm.RSA_PSS_SHA256 : SignatureAlgorithm.RSA_SHA256;
                    fs.add(pool.submit(() -> sign(key, alg)));
                }
                for (int i = 0; i < fs.size(); i++) {
                    byte[] sig = fs.get(i).get();
                    boolean ok = i % 2 == 0
                            ? verify("RSASSA-PSS", pss(DigestAlgorithm.SHA256), rsa.getPublic(), sig)
                            : verify("SHA256withRSA", null, rsa.getPublic(), sig);
                    assertTrue(ok, "signature " + i);
                }
            } finally {
                pool.shutdownNow();
            }
        }
    }

    static PSSParameterSpec pss(DigestAlgorithm d) {
        return new PSSParameterSpec(d.jcaName(), "MGF1", new MGF1ParameterSpec(d.jcaName()), d.length(), 1);
    }

    static boolean verify(String alg, PSSParameterSpec spec, PublicKey pub, byte[] sig) {
        try {
            Signature v = Signature.getInstance(alg);
            if (spec != null) {
                v.setParameter(spec);
            }
            v.initVerify(pub);
            v.update(DATA);
            return v.verify(sig);
        } catch (java.security.SignatureException e) {
            return false;
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
