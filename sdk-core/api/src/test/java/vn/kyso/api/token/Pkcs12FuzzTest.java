package vn.kyso.api.token;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.Set;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import vn.kyso.api.ErrorCode;
import vn.kyso.api.KysoException;
import vn.kyso.api.testsupport.Mutations;
import vn.kyso.api.testsupport.TestCertificates;
import vn.kyso.api.testsupport.TestKeyStores;

/** Damaged PKCS#12 content gives a token or a key store error, never another exception. */
class Pkcs12FuzzTest {
    private static final byte[] P12 = TestKeyStores.pkcs12(TestKeyStores.PASSWORD, "k", TestCertificates.ecKey(),
            TestKeyStores.signerCertificate(TestCertificates.ecKey(), "Nguyễn Văn Ánh", "CCCD:001085012345"));
    private static final Set<ErrorCode> ALLOWED =
            EnumSet.of(ErrorCode.KEYSTORE_PASSWORD, ErrorCode.KEYSTORE_UNREADABLE);

    @Property(tries = 150)
    void damagedPkcs12(@ForAll("damaged") byte[] content) {
        try (Token t = Tokens.pkcs12(content, TestKeyStores.PASSWORD, "fuzz")) {
            t.keys();
        } catch (KysoException e) {
            assertTrue(ALLOWED.contains(e.errorCode()), e.getMessage());
        }
    }

    @Provide
    Arbitrary<byte[]> damaged() {
        return Mutations.of(P12);
    }
}
