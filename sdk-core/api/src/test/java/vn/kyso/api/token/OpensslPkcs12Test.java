package vn.kyso.api.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.kyso.api.ErrorCode;
import vn.kyso.api.KysoException;
import vn.kyso.api.SignatureAlgorithm;
import vn.kyso.api.SignatureScheme;
import vn.kyso.api.cert.SubjectKind;
import vn.kyso.api.testsupport.OpenSsl;

/**
 * PKCS#12 files exported by {@code openssl pkcs12 -export} (OpenSSL 3: PBES2, PBKDF2 over the UTF-8
 * password), as users bring them. Vietnamese users do choose passwords with diacritics.
 */
class OpensslPkcs12Test {
    private static final byte[] DATA = "Biên bản nghiệm thu".getBytes(StandardCharsets.UTF_8);
    private static final String VN_PASSWORD = "Mật-khẩu-Đà-Nẵng-2025";
    private static final String ASCII_PASSWORD = "MatKhau-2025";

    @TempDir
    static Path dir;

    @BeforeAll
    static void make() throws Exception {
        assumeTrue(OpenSsl.available(), "openssl CLI not installed");
        Path cnf = dir.resolve("req.cnf");
        Files.write(cnf, ("[req]\ndistinguished_name = dn\nstring_mask = utf8only\nutf8 = yes\nprompt = no\n"
                + "[dn]\nC = VN\nO = Công ty Cổ phần Ví dụ\nCN = Nguyễn Thị Hoa\nUID = CCCD:079190001234\n")
                .getBytes(StandardCharsets.UTF_8));
        OpenSsl.runOk(dir, "req", "-utf8", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "rsa.key",
                "-out", "rsa.pem", "-days", "30", "-config", cnf.toString());
        OpenSsl.runOk(dir, "genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256", "-out", "ec.key");
        OpenSsl.runOk(dir, "req", "-utf8", "-x509", "-key", "ec.key", "-out", "ec.pem", "-days", "30",
                "-config", cnf.toString());
        // passwords go through files: their bytes do not depend on the platform's command-line charset
        Files.write(dir.resolve("vn.pw"), (VN_PASSWORD + "\n").getBytes(StandardCharsets.UTF_8));
        Files.write(dir.resolve("ascii.pw"), (ASCII_PASSWORD + "\n").getBytes(StandardCharsets.UTF_8));
        export("rsa", "vn");
        export("rsa", "ascii");
        export("ec", "vn");
    }

    private static void export(String key, String pw) {
        OpenSsl.runOk(dir, "pkcs12", "-export", "-inkey", key + ".key", "-in", key + ".pem", "-name", "ký số",
                "-out", key + "-" + pw + ".p12", "-passout", "file:" + pw + ".pw");
    }

    @Test
    void asciiPasswordFileOpensAndSigns() throws Exception {
        try (Token t = Tokens.pkcs12(dir.resolve("rsa-ascii.p12"), ASCII_PASSWORD.toCharArray())) {
            SigningKey key = t.firstKey();
            assertEquals("Nguyễn Thị Hoa", key.info().commonName());
            assertEquals(SubjectKind.PERSON, key.info().kind());
            assertPssAndPkcs1Verify(key);
        }
    }

    @Test
    void vietnamesePasswordFileOpensWithTheRightPassword() throws Exception {
        try (Token t = Tokens.pkcs12(dir.resolve("rsa-vn.p12"), VN_PASSWORD.toCharArray())) {
            SigningKey key = t.firstKey();
            assertEquals("Nguyễn Thị Hoa", key.info().commonName());
            assertEquals("079190001234", key.info().citizenId());
            assertPssAndPkcs1Verify(key);
        }
    }

    @Test
    void vietnamesePasswordEcFileOpensAndSignsEcdsa() throws Exception {
        try (Token t = Tokens.pkcs12(dir.resolve("ec-vn.p12"), VN_PASSWORD.toCharArray())) {
            SigningKey key = t.firstKey();
            assertTrue(key.schemes().contains(SignatureScheme.ECDSA));
            SignatureAlgorithm alg = SignatureAlgorithm.ECDSA_SHA256;
            byte[] sig = key.signDigest(alg.digest().digest(DATA), alg);
            assertTrue(verify("SHA256withECDSA", null, key.certificate().getPublicKey(), sig));
        }
    }

    @Test
    void wrongPasswordsAreStillKeystorePassword() {
        for (String wrong : new String[] {"Mật-khẩu-Đà-Nẵng-2024", "MatKhau-Da-Nang", "", VN_PASSWORD.toLowerCase()}) {
            KysoException e = assertThrows(KysoException.class,
                    () -> Tokens.pkcs12(dir.resolve("rsa-vn.p12"), wrong.toCharArray()));
            assertEquals(ErrorCode.KEYSTORE_PASSWORD, e.errorCode(), wrong + ": " + e.getMessage());
        }
        KysoException e = assertThrows(KysoException.class,
                () -> Tokens.pkcs12(dir.resolve("rsa-ascii.p12"), VN_PASSWORD.toCharArray()));
        assertEquals(ErrorCode.KEYSTORE_PASSWORD, e.errorCode());
    }

    private static void assertPssAndPkcs1Verify(SigningKey key) {
        PublicKey pub = key.certificate().getPublicKey();
        SignatureAlgorithm pss = key.preferredAlgorithm(vn.kyso.api.DigestAlgorithm.SHA256);
        assertEquals(SignatureAlgorithm.RSA_PSS_SHA256, pss);
        byte[] sig = key.signDigest(pss.digest().digest(DATA), pss);
        assertTrue(verify("RSASSA-PSS", new PSSParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, 32, 1), pub, sig));
        SignatureAlgorithm v15 = SignatureAlgorithm.RSA_SHA256;
        assertTrue(verify("SHA256withRSA", null, pub, key.signDigest(v15.digest().digest(DATA), v15)));
    }

    private static boolean verify(String alg, PSSParameterSpec spec, PublicKey pub, byte[] sig) {
        try {
            Signature v = Signature.getInstance(alg);
            if (spec != null) {
                v.setParameter(spec);
            }
            v.initVerify(pub);
            v.update(DATA);
            return v.verify(sig);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
