package vn.kyso.pkcs11;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Signature;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import vn.kyso.api.DigestAlgorithm;
import vn.kyso.api.ErrorCode;
import vn.kyso.api.KysoException;
import vn.kyso.api.SignatureAlgorithm;
import vn.kyso.api.SignatureScheme;
import vn.kyso.api.token.SigningKey;
import vn.kyso.testkit.Sandbox;

@ExtendWith(SoftHsm.class)
class Pkcs11SigningTest {
    static final String LABEL = "kyso-sign";
    static final byte[] DATA = "Công văn số 45/QĐ-BKHCN".getBytes(StandardCharsets.UTF_8);
    static Pkcs11Token token;

    @BeforeAll
    static void setUp() {
        Sandbox pki = SoftHsm.sandbox();
        SoftHsm.initToken(LABEL);
        SoftHsm.importIdentity(LABEL, pki.person1(), "01");
        SoftHsm.importIdentity(LABEL, pki.person3(), "03");
        token = SoftHsm.module().openLabel(LABEL).login(SoftHsm.PIN.toCharArray());
    }

    @AfterAll
    static void tearDown() {
        if (token != null) {
            token.close();
        }
    }

    @Test
    void sameModuleForTheSamePath() {
        assertSame(SoftHsm.module(), Pkcs11Module.load(SoftHsm.MODULE));
    }

    @Test
    void listsTheTokenWithoutLogin() {
        TokenSlot slot = SoftHsm.module().slots().stream().filter(s -> s.label().equals(LABEL)).findFirst().orElseThrow();
        assertTrue(slot.initialized());
        assertTrue(slot.loginRequired());
        assertFalse(slot.pinPad());
        assertFalse(slot.pinLocked());
        assertEquals("SoftHSM project", slot.manufacturer());
        assertFalse(slot.serial().isEmpty());
        assertEquals("ok", slot.pinState(), slot.toString());
    }

    @Test
    void keysArePairedWithTheirCertificatesAndChain() {
        Sandbox pki = SoftHsm.sandbox();
        List<SigningKey> keys = token.keys();
        assertEquals(2, keys.size(), keys::toString);
        SigningKey rsa = token.key("01");
        assertEquals(pki.person1().chain(), rsa.chain());
        assertEquals(pki.person3().chain(), token.key("03").chain());
        assertTrue(rsa.schemes().contains(SignatureScheme.RSA_PSS), rsa.schemes()::toString);
        assertTrue(rsa.schemes().contains(SignatureScheme.RSA_PKCS1_V15));
        assertEquals(SignatureAlgorithm.RSA_PSS_SHA256, rsa.preferredAlgorithm(DigestAlgorithm.SHA256));
        assertEquals(List.of(SignatureScheme.ECDSA), List.copyOf(token.key("03").schemes()));
        assertSame(rsa, token.keyByCertificateSerial(pki.person1().certificate().getSerialNumber().toString(16).toUpperCase()));
        assertEquals(ErrorCode.KEY_NOT_FOUND, assertThrows(KysoException.class, () -> token.key("7f")).errorCode());
    }

    @Test
    void rsaPkcs1v15VerifiesWithJca() throws Exception {
        for (SignatureAlgorithm a : List.of(SignatureAlgorithm.RSA_SHA256, SignatureAlgorithm.RSA_SHA384, SignatureAlgorithm.RSA_SHA512)) {
            byte[] sig = token.key("01").signDigest(a.digest().digest(DATA), a);
            Signature v = Signature.getInstance(a.digest().jcaName().replace("-", "") + "withRSA");
            v.initVerify(token.key("01").certificate());
            v.update(DATA);
            assertTrue(v.verify(sig), a.displayName());
        }
    }

    @Test
    void rsaPssVerifiesWithJca() throws Exception {
        for (DigestAlgorithm d : DigestAlgorithm.values()) {
            SignatureAlgorithm a = SignatureAlgorithm.of(SignatureScheme.RSA_PSS, d);
            byte[] sig = token.key("01").signDigest(d.digest(DATA), a);
            Signature v = Signature.getInstance("RSASSA-PSS");
            v.setParameter(new PSSParameterSpec(d.jcaName(), "MGF1", new MGF1ParameterSpec(d.jcaName()), d.length(), 1));
            v.initVerify(token.key("01").certificate());
            v.update(DATA);
            assertTrue(v.verify(sig), a.displayName());
        }
    }

    @Test
    void ecdsaValuesAreDerAndVerifyWithJca() throws Exception {
        for (int i = 0; i < 20; i++) { // r or s with a high bit set needs a leading zero: exercise both
            byte[] data = (i + ":" + new String(DATA, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
            byte[] sig = token.key("03").signDigest(DigestAlgorithm.SHA256.digest(data), SignatureAlgorithm.ECDSA_SHA256);
            assertEquals(0x30, sig[0] & 0xff);
            Signature v = Signature.getInstance("SHA256withECDSA");
            v.initVerify(token.key("03").certificate());
            v.update(data);
            assertTrue(v.verify(sig));
        }
    }

    @Test
    void wrongAlgorithmOrDigestIsRefused() {
        SigningKey rsa = token.key("01");
        assertEquals(ErrorCode.UNSUPPORTED_ALGORITHM, assertThrows(KysoException.class,
                () -> rsa.signDigest(new byte[32], SignatureAlgorithm.ECDSA_SHA256)).errorCode());
        assertEquals(ErrorCode.INVALID_ARGUMENT, assertThrows(KysoException.class,
                () -> rsa.signDigest(new byte[20], SignatureAlgorithm.RSA_SHA256)).errorCode());
    }

    @Test
    void detachedCmsSignedOnTheTokenIsAcceptedByOpenssl() throws Exception {
        Sandbox pki = SoftHsm.sandbox();
        Path dir = Files.createTempDirectory(SoftHsm.work(), "cms");
        for (String id : List.of("01", "03")) {
            SigningKey key = token.key(id);
            byte[] cms = Cms.detached(key, DATA);
            Path data = Files.write(dir.resolve("data.txt"), DATA);
            Path sig = Files.write(dir.resolve("sig" + id + ".p7s"), cms);
            Path root = Files.writeString(dir.resolve("root.pem"), "-----BEGIN CERTIFICATE-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(pki.root().getEncoded())
                    + "\n-----END CERTIFICATE-----\n");
            String out = SoftHsm.run("openssl", "cms", "-verify", "-binary", "-content", data.toString(), "-inform", "DER",
                    "-in", sig.toString(), "-CAfile", root.toString(), "-purpose", "any", "-out", dir.resolve("out").toString());
            assertTrue(out.contains("Verification successful"), out);
            assertArrayEquals(DATA, Files.readAllBytes(dir.resolve("out")));
        }
    }
}
