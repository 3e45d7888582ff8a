package vn.kyso.pkcs11;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.security.Signature;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import vn.kyso.api.DigestAlgorithm;
import vn.kyso.api.ErrorCode;
import vn.kyso.api.KysoException;
import vn.kyso.api.SignatureAlgorithm;
import vn.kyso.api.token.SigningKey;

@ExtendWith(SoftHsm.class)
class Pkcs11RobustnessTest {

    @Test
    void eightThreadsSign200DigestsOnOneToken() throws Exception {
        String label = "kyso-threads";
        SoftHsm.initToken(label);
        SoftHsm.importIdentity(label, SoftHsm.sandbox().person1(), "01");
        SoftHsm.importIdentity(label, SoftHsm.sandbox().person3(), "03");
        try (Pkcs11Token token = SoftHsm.module().openLabel(label).login(SoftHsm.PIN.toCharArray())) {
            ExecutorService pool = Executors.newFixedThreadPool(8);
            try {
                List<Future<Boolean>> results = new ArrayList<>();
                for (int i = 0; i < 200; i++) {
                    int n = i;
                    results.add(pool.submit(() -> signAndVerify(token, n)));
                }
                for (Future<Boolean> f : results) {
                    assertTrue(f.get(60, TimeUnit.SECONDS));
                }
            } finally {
                pool.shutdownNow();
            }
        }
    }

    private static boolean signAndVerify(Pkcs11Token token, int n) throws Exception {
        byte[] data = ByteBuffer.allocate(4).putInt(n).array();
        byte[] digest = DigestAlgorithm.SHA256.digest(data);
        Signature v;
        SigningKey key;
        byte[] sig;
        switch (n % 3) {
            case 0:
                key = token.key("01");
                sig = key.signDigest(digest, SignatureAlgorithm.RSA_SHA256);
                v = Signature.getInstance("SHA256withRSA");
                break;
            case 1:
                key = token.key("01");
                sig = key.signDigest(digest, SignatureAlgorithm.RSA_PSS_SHA256);
                v = Signature.getInstance("RSASSA-PSS");
                v.setParameter(new PSSParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, 32, 1));
                break;
            default:
                key = token.key("03");
                sig = key.signDigest(digest, SignatureAlgorithm.ECDSA_SHA256);
                v = Signature.getInstance("SHA256withECDSA");
                break;
        }
        v.initVerify(key.certificate());
        v.update(data);
        return v.verify(sig);
    }

    @Test
    void reinitialisedTokenFailsCleanlyThenWorksAfterANewLogin() throws Exception {
        String label = "kyso-reinit";
        SoftHsm.initToken(label);
        SoftHsm.importIdentity(label, SoftHsm.sandbox().person1(), "01");
        Pkcs11Token token = SoftHsm.module().openLabel(label).login(SoftHsm.PIN.toCharArray());
        SigningKey key = token.key("01");
        byte[] digest = DigestAlgorithm.SHA256.digest(new byte[] {1, 2, 3});
        key.signDigest(digest, SignatureAlgorithm.RSA_SHA256);

        SoftHsm.deleteToken(label);
        SoftHsm.initToken(label);
        SoftHsm.importIdentity(label, SoftHsm.sandbox().person1(), "01");

        KysoException e = assertThrows(KysoException.class, () -> key.signDigest(digest, SignatureAlgorithm.RSA_SHA256));
        assertTrue(e.errorCode() == ErrorCode.TOKEN_UNAVAILABLE || e.errorCode() == ErrorCode.KEY_NOT_FOUND, e::toString);
        assertFalse(token.loggedIn(), e::toString);
        KysoException again = assertThrows(KysoException.class, () -> key.signDigest(digest, SignatureAlgorithm.RSA_SHA256));
        assertEquals(ErrorCode.TOKEN_UNAVAILABLE, again.errorCode());
        assertTrue(again.message(vn.kyso.api.Language.VI).endsWith("hãy đăng nhập lại"), again.message(vn.kyso.api.Language.VI));
        assertTrue(again.message(vn.kyso.api.Language.EN).endsWith("log in again"), again.getMessage());

        token.login(SoftHsm.PIN.toCharArray());
        byte[] sig = key.signDigest(digest, SignatureAlgorithm.RSA_SHA256); // the old key object, found again by CKA_ID
        Signature v = Signature.getInstance("NONEwithRSA");
        v.initVerify(key.certificate());
        v.update(vn.kyso.api.spi.DigestInfos.encode(DigestAlgorithm.SHA256, digest));
        assertTrue(v.verify(sig));
        token.key("01").signDigest(digest, SignatureAlgorithm.RSA_PSS_SHA256);
        token.close();
    }
}
