package vn.kyso.api.sign;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import vn.kyso.api.DigestAlgorithm;
import vn.kyso.api.ErrorCode;
import vn.kyso.api.KysoException;
import vn.kyso.api.Language;
import vn.kyso.api.SignatureAlgorithm;
import vn.kyso.api.SignatureLevel;
import vn.kyso.api.SignatureScheme;
import vn.kyso.api.token.SigningKey;

/** The one rule of every format's options, on a minimal format. */
class SignatureOptionsTest {

    static final class TestOptions extends SignatureOptions {
        TestOptions(Builder b) {
            super(b);
        }

        static final class Builder extends SignatureOptions.Builder<TestOptions, Builder> {
            @Override
            protected Builder self() {
                return this;
            }

            @Override
            protected TestOptions create() {
                return new TestOptions(this);
            }
        }
    }

    static TestOptions.Builder builder() {
        return new TestOptions.Builder();
    }

    static KysoException invalid(Executable e, String named) {
        KysoException k = assertThrows(KysoException.class, e);
        assertEquals(ErrorCode.INVALID_ARGUMENT, k.errorCode());
        assertTrue(k.message(Language.EN).contains(named), k.message(Language.EN));
        assertTrue(k.message(Language.VI).contains(named), k.message(Language.VI));
        return k;
    }

    @Test
    void defaultsAreBbSha256AndTheKeysChoice() {
        TestOptions o = builder().build();
        assertEquals(SignatureLevel.B_B, o.level());
        assertEquals(DigestAlgorithm.SHA256, o.digest());
        assertNull(o.algorithm());
        assertNull(o.scheme());
    }

    @Test
    void nullsAndNoneAreInvalidArgumentNamingTheArgument() {
        invalid(() -> builder().level(null), "level");
        invalid(() -> builder().level(SignatureLevel.NONE), "level");
        invalid(() -> builder().digest(null), "digest");
        invalid(() -> new TestOptions(null), "builder");
        invalid(() -> builder().from(null), "options");
    }

    @Test
    void anExplicitDigestThatContradictsTheAlgorithmIsRefusedAtBuild() {
        invalid(() -> builder().digest(DigestAlgorithm.SHA384).algorithm(SignatureAlgorithm.RSA_SHA256).build(), "SHA-384");
        invalid(() -> builder().algorithm(SignatureAlgorithm.RSA_SHA256).scheme(SignatureScheme.RSA_PSS).build(), "RSA_PSS");
        assertEquals(DigestAlgorithm.SHA512, builder().algorithm(SignatureAlgorithm.ECDSA_SHA512).build().digest());
        assertEquals(DigestAlgorithm.SHA384, builder().digest(DigestAlgorithm.SHA384)
                .algorithm(SignatureAlgorithm.RSA_PSS_SHA384).build().digest());
    }

    @Test
    void thePreferredSchemeIsUsedWhenTheKeyCanDoIt() {
        SigningKey rsa = key(EnumSet.of(SignatureScheme.RSA_PSS, SignatureScheme.RSA_PKCS1_V15));
        SigningKey ec = key(EnumSet.of(SignatureScheme.ECDSA));
        assertEquals(SignatureAlgorithm.RSA_PSS_SHA256, builder().build().algorithmFor(rsa));
        assertEquals(SignatureAlgorithm.RSA_SHA256, builder().pkcs1(true).build().algorithmFor(rsa));
        assertEquals(SignatureAlgorithm.RSA_SHA384, builder().digest(DigestAlgorithm.SHA384)
                .scheme(SignatureScheme.RSA_PKCS1_V15).build().algorithmFor(rsa));
        assertEquals(SignatureAlgorithm.ECDSA_SHA256, builder().pkcs1(true).build().algorithmFor(ec));
        assertEquals(SignatureAlgorithm.RSA_SHA512, builder().algorithm(SignatureAlgorithm.RSA_SHA512).build().algorithmFor(ec));
    }

    @Test
    void aPreparedAlgorithmMustAgreeWithTheOptions() {
        TestOptions o = builder().build();
        o.checkPrepared(SignatureAlgorithm.RSA_SHA256);
        builder().pkcs1(true).build().checkPrepared(SignatureAlgorithm.RSA_PSS_SHA256); // a preference, not a rule
        invalid(() -> o.checkPrepared(SignatureAlgorithm.RSA_SHA384), "SHA-256");
        invalid(() -> builder().algorithm(SignatureAlgorithm.RSA_SHA256).build()
                .checkPrepared(SignatureAlgorithm.RSA_PSS_SHA256), "PKCS#1");
        invalid(() -> o.checkPrepared(null), "algorithm");
    }

    static SigningKey key(Set<SignatureScheme> schemes) {
        return new SigningKey() {
            @Override
            public String id() {
                return "test";
            }

            @Override
            public List<java.security.cert.X509Certificate> chain() {
                return List.of();
            }

            @Override
            public Set<SignatureScheme> schemes() {
                return schemes;
            }

            @Override
            public byte[] signDigest(byte[] digest, SignatureAlgorithm algorithm) {
                throw new UnsupportedOperationException();
            }
        };
    }
}
