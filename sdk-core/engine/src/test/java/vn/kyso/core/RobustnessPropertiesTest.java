package vn.kyso.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import vn.kyso.api.ErrorCode;
import vn.kyso.api.KysoException;
import vn.kyso.api.SignatureAlgorithm;
import vn.kyso.api.report.Verdict;
import vn.kyso.api.report.VerificationReport;
import vn.kyso.api.token.SigningKey;
import vn.kyso.api.twophase.PreparedSignature;
import vn.kyso.api.twophase.StateKey;
import vn.kyso.core.cades.CadesSignatureOptions;
import vn.kyso.core.cades.CadesSigner;
import vn.kyso.core.verify.Verifier;
import vn.kyso.testkit.Sandbox;

/** Bad input never crashes, hangs or verifies as VALID. */
class RobustnessPropertiesTest {
    static Sandbox sandbox;
    static Path dir;
    static Path data;
    static byte[] original;
    static int[][] signedRegions;
    static Verifier verifier;
    static CadesSigner twoPhase;
    static byte[] state;
    static byte[] value;

    @BeforeContainer
    static void start() throws Exception {
        sandbox = Sandbox.start();
        dir = Files.createTempDirectory("kyso-props");
        data = Fixtures.data(dir, "data.bin", 3000, 31);
        SigningKey key = Fixtures.key(sandbox.person1());
        // chain without the root, so no unsigned certificate could stand in for a mutated one
        original = CadesSigner.builder().build().sign(data, key,
                CadesSignatureOptions.builder().packaging(CadesSignatureOptions.Packaging.ENVELOPING).build()).signed();
        verifier = Verifier.builder().trust(Fixtures.trust(sandbox)).build();
        VerificationReport ok = verifier.verify(Files.write(dir.resolve("original.p7s"), original));
        assertEquals(Verdict.VALID, ok.verdict(), "the unmutated signature must be VALID for the property to mean anything");
        signedRegions = signedRegions(original, Files.readAllBytes(data));

        twoPhase = CadesSigner.builder().stateKey(StateKey.generate()).build();
        PreparedSignature p = twoPhase.prepare(data, key.chain(), SignatureAlgorithm.RSA_PSS_SHA256, CadesSignatureOptions.defaults());
        state = p.state();
        value = key.signDigest(p.digest(), p.algorithm());
    }

    @AfterContainer
    static void stop() throws IOException {
        if (sandbox != null) {
            sandbox.close();
        }
        try (var files = Files.list(dir)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                Files.deleteIfExists(p);
            }
        }
        Files.deleteIfExists(dir);
    }

    /** The byte ranges covered by the signature: signed attributes, signature value, encapsulated content. */
    static int[][] signedRegions(byte[] cms, byte[] content) throws Exception {
        SignerInformation si = new CMSSignedData(cms).getSignerInfos().getSigners().iterator().next();
        byte[] attrs = si.getEncodedSignedAttributes();
        int a = indexOf(cms, Arrays.copyOfRange(attrs, 1, attrs.length)) - 1;
        int s = indexOf(cms, si.getSignature());
        int c = indexOf(cms, content);
        assertTrue(a > 0 && s > 0 && c > 0);
        return new int[][] {{a, attrs.length}, {s, si.getSignature().length}, {c, content.length}};
    }

    static int indexOf(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= hay.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    @Provide
    Arbitrary<byte[]> garbage() {
        Arbitrary<byte[]> any = Arbitraries.bytes().array(byte[].class).ofMinSize(0).ofMaxSize(3000);
        Arbitrary<byte[]> derLike = any.map(b -> {
            byte[] c = Arrays.copyOf(b, Math.max(b.length, 2));
            c[0] = 0x30;
            return c;
        });
        Arbitrary<byte[]> truncated = Arbitraries.integers().between(0, original.length - 1)
                .map(n -> Arrays.copyOf(original, n));
        return Arbitraries.oneOf(any, derLike, truncated);
    }

    @Property(tries = 200)
    void garbageIsAnErrorOrNotValid(@ForAll("garbage") byte[] bytes) throws IOException {
        Path f = Files.write(Files.createTempFile(dir, "g", ".p7s"), bytes);
        try {
            VerificationReport r = verifier.verify(f);
            assertNotEquals(Verdict.VALID, r.verdict());
        } catch (KysoException expected) {
            // the only allowed exception type
        } finally {
            Files.deleteIfExists(f);
        }
    }

    @Provide
    Arbitrary<int[]> mutations() {
        Arbitrary<Integer> region = Arbitraries.integers().between(0, 2);
        return region.flatMap(r -> Arbitraries.integers().between(0, signedRegions[r][1] - 1)
                .flatMap(off -> Arbitraries.integers().between(1, 255).map(x -> new int[] {signedRegions[r][0] + off, x})));
    }

    @Property(tries = 120)
    void mutatedSignatureIsNeverValid(@ForAll("mutations") int[] mutation) throws IOException {
        byte[] m = original.clone();
        m[mutation[0]] ^= (byte) mutation[1];
        Assume.that(!Arrays.equals(m, original));
        Path f = Files.write(Files.createTempFile(dir, "m", ".p7s"), m);
        try {
            VerificationReport r = verifier.verify(f);
            assertNotEquals(Verdict.VALID, r.verdict(), "byte " + mutation[0] + " ^ " + mutation[1]);
        } catch (KysoException expected) {
            // fine
        } finally {
            Files.deleteIfExists(f);
        }
    }

    @Provide
    Arbitrary<byte[]> badStates() {
        Arbitrary<byte[]> random = Arbitraries.bytes().array(byte[].class).ofMaxSize(600);
        Arbitrary<byte[]> flipped = Arbitraries.integers().between(0, state.length - 1)
                .flatMap(i -> Arbitraries.integers().between(1, 255).map(x -> {
                    byte[] s = state.clone();
                    s[i] ^= (byte) (int) x;
                    return s;
                }));
        Arbitrary<byte[]> cut = Arbitraries.integers().between(0, state.length - 1).map(n -> Arrays.copyOf(state, n));
        return Arbitraries.oneOf(random, flipped, cut);
    }

    @Property(tries = 200)
    void badStatesAreRefusedWithStateCodes(@ForAll("badStates") byte[] s) {
        try {
            twoPhase.complete(s, value, data);
            throw new AssertionError("accepted a bad state");
        } catch (KysoException e) {
            assertTrue(Set.of(ErrorCode.STATE_INVALID, ErrorCode.STATE_EXPIRED, ErrorCode.STATE_MISMATCH)
                    .contains(e.errorCode()), e.getMessage());
        }
    }

}
