package vn.kyso.api.testsupport;

import java.io.ByteArrayOutputStream;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import org.bouncycastle.asn1.x509.KeyUsage;

/** PKCS#12 files made at test time with the JCA KeyStore API. */
public final class TestKeyStores {
    public static final char[] PASSWORD = "MatKhau-123!".toCharArray();

    private TestKeyStores() {
    }

    /** A signer certificate for the given key, issued by the test CA. */
    public static X509Certificate signerCertificate(KeyPair key, String cn, String uid) {
        return TestCertificates.builder()
                .subject(TestCertificates.name().c("VN").st("Hà Nội").o("Công ty Cổ phần Ví dụ").cn(cn).uid(uid).build())
                .key(key).keyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation).build();
    }

    /** PKCS#12 bytes holding one key entry per (alias, key, certificate) triple. */
    public static byte[] pkcs12(char[] password, Object... aliasKeyCert) {
        try {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(null, null);
            for (int i = 0; i < aliasKeyCert.length; i += 3) {
                String alias = (String) aliasKeyCert[i];
                KeyPair key = (KeyPair) aliasKeyCert[i + 1];
                X509Certificate cert = (X509Certificate) aliasKeyCert[i + 2];
                ks.setKeyEntry(alias, key.getPrivate(), password, new Certificate[] {cert, TestCertificates.ca()});
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ks.store(out, password);
            return out.toByteArray();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A PKCS#12 with a trusted certificate entry only (no key). */
    public static byte[] certificateOnlyPkcs12(char[] password) {
        try {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(null, null);
            ks.setCertificateEntry("ca", TestCertificates.ca());
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ks.store(out, password);
            return out.toByteArray();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
