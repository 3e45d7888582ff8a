package vn.kyso.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.kyso.api.ErrorCode;
import vn.kyso.api.KysoException;
import vn.kyso.api.Language;
import vn.kyso.api.SignatureAlgorithm;
import vn.kyso.api.SignatureLevel;
import vn.kyso.api.SigningResult;
import vn.kyso.api.report.Verdict;
import vn.kyso.api.report.VerificationReport;
import vn.kyso.api.token.SigningKey;
import vn.kyso.api.twophase.PreparedSignature;
import vn.kyso.api.twophase.StateKey;
import vn.kyso.core.cades.CadesSignatureOptions;
import vn.kyso.core.cades.CadesSigner;
import vn.kyso.core.report.ReportWriter;
import vn.kyso.core.verify.Verifier;
import vn.kyso.testkit.Sandbox;

/** Two-phase signing, across two JVM processes and in-process. */
class TwoPhaseTest {
    static Sandbox sandbox;
    static SigningKey person1;
    @TempDir
    static Path dir;

    @BeforeAll
    static void start() {
        sandbox = Sandbox.start();
        person1 = Fixtures.key(sandbox.person1());
    }

    @AfterAll
    static void stop() {
        if (sandbox != null) {
            sandbox.close();
        }
    }

    private static Fixtures.Run java(String... args) throws Exception {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(TwoPhaseMain.class.getName());
        cmd.addAll(List.of(args));
        return Fixtures.run(cmd, dir);
    }

    @Test
    void prepareAndCompleteInTwoProcesses() throws Exception {
        StateKey key = StateKey.generate();
        Path keyFile = dir.resolve("state.key");
        key.writeTo(keyFile);
        Path data = Fixtures.data(dir, "two-phase.bin", 50_000, 21);
        Path chain = Fixtures.writePem(dir.resolve("chain.pem"), sandbox.person1().chain());
        Path out = Files.createDirectory(dir.resolve("p"));
        Fixtures.Run prep = java("prepare", keyFile.toString(), data.toString(), chain.toString(), "RSA_PSS_SHA256", out.toString());
        assertEquals(0, prep.exit, prep.out);

        byte[] digest = Files.readAllBytes(out.resolve("digest.bin"));
        assertEquals(32, digest.length);
        Path value = Files.write(dir.resolve("value.bin"), person1.signDigest(digest, SignatureAlgorithm.RSA_PSS_SHA256));

        Path sig = dir.resolve("two-phase.p7s");
        Fixtures.Run done = java("complete", keyFile.toString(), out.resolve("state.bin").toString(), value.toString(),
                data.toString(), sig.toString());
        assertEquals(0, done.exit, done.out);
        assertTrue(done.out.contains("OK RSA_PSS_SHA256 B-B"), done.out);
        VerificationReport rep = Verifier.builder().trust(Fixtures.trust(sandbox)).revocation(Fixtures.online()).build()
                .verify(sig, data);
        assertEquals(Verdict.VALID, rep.verdict(), () -> ReportWriter.text(rep, Language.EN));

        byte[] state = Files.readAllBytes(out.resolve("state.bin"));
        state[state.length / 2] ^= 0x01;
        Path tampered = Files.write(dir.resolve("tampered.bin"), state);
        Path sig2 = dir.resolve("never.p7s");
        Fixtures.Run refused = java("complete", keyFile.toString(), tampered.toString(), value.toString(),
                data.toString(), sig2.toString());
        assertEquals(3, refused.exit, refused.out);
        assertTrue(refused.out.contains("ERROR KYSO-400"), refused.out);
        assertTrue(!Files.exists(sig2));

        // the server's key is rotated between the two halves: a process with the ring [new, old] completes
        StateKey newer = StateKey.generate();
        Path newerFile = dir.resolve("state-2.key");
        newer.writeTo(newerFile);
        Path sig3 = dir.resolve("rotated.p7s");
        Fixtures.Run rotated = java("complete", newerFile + "," + keyFile, out.resolve("state.bin").toString(),
                value.toString(), data.toString(), sig3.toString());
        assertEquals(0, rotated.exit, rotated.out);
        VerificationReport rep3 = Verifier.builder().trust(Fixtures.trust(sandbox)).revocation(Fixtures.online()).build()
                .verify(sig3, data);
        assertEquals(Verdict.VALID, rep3.verdict(), () -> ReportWriter.text(rep3, Language.EN));
        // one holding only the new key says which key it lacks
        Path sig4 = dir.resolve("never-2.p7s");
        Fixtures.Run lacking = java("complete", newerFile.toString(), out.resolve("state.bin").toString(),
                value.toString(), data.toString(), sig4.toString());
        assertEquals(3, lacking.exit, lacking.out);
        assertTrue(lacking.out.contains("ERROR KYSO-400") && lacking.out.contains("state key " + key.id()), lacking.out);
        assertTrue(!Files.exists(sig4));
    }

    @Test
    void refusesOtherDataWrongValueForeignKeyAndExpiredState() throws Exception {
        StateKey key = StateKey.generate();
        CadesSigner signer = CadesSigner.builder().stateKey(key).build();
        Path data = Fixtures.data(dir, "in-process.bin", 4000, 22);
        PreparedSignature p = signer.prepare(data, sandbox.person1().chain(), SignatureAlgorithm.RSA_PSS_SHA256,
                CadesSignatureOptions.builder().packaging(CadesSignatureOptions.Packaging.ENVELOPING).build());
        byte[] value = person1.signDigest(p.digest(), p.algorithm());

        Path other = Fixtures.data(dir, "in-process-other.bin", 4000, 23);
        assertEquals(ErrorCode.STATE_MISMATCH, assertThrows(KysoException.class,
                () -> signer.complete(p.state(), value, other)).errorCode());
        byte[] wrong = person1.signDigest(DigestOf.sha256("something else"), p.algorithm());
        assertEquals(ErrorCode.SIGNATURE_VALUE_INVALID, assertThrows(KysoException.class,
                () -> signer.complete(p.state(), wrong, data)).errorCode());
        CadesSigner foreign = CadesSigner.builder().stateKey(StateKey.generate()).build();
        assertEquals(ErrorCode.STATE_INVALID, assertThrows(KysoException.class,
                () -> foreign.complete(p.state(), value, data)).errorCode());
        CadesSigner later = CadesSigner.builder().stateKey(key)
                .clock(Clock.offset(Clock.systemUTC(), Duration.ofMinutes(16))).build();
        assertEquals(ErrorCode.STATE_EXPIRED, assertThrows(KysoException.class,
                () -> later.complete(p.state(), value, data)).errorCode());
        CadesSigner noKey = CadesSigner.builder().build();
        assertEquals(ErrorCode.SIGNER_SETTING_MISSING, assertThrows(KysoException.class,
                () -> noKey.complete(p.state(), value, data)).errorCode());

        SigningResult r = signer.complete(p.state(), value, data);
        assertEquals(SignatureLevel.B_B, r.level());
        Path sig = Files.write(dir.resolve("in-process.p7s"), r.signed());
        VerificationReport rep = Verifier.builder().trust(Fixtures.trust(sandbox)).revocation(Fixtures.online()).build()
                .verify(sig);
        assertEquals(Verdict.VALID, rep.verdict(), () -> ReportWriter.text(rep, Language.EN));
    }

    @Test
    void ecdsaTwoPhase() throws Exception {
        SigningKey ec = Fixtures.key(sandbox.person3());
        CadesSigner signer = CadesSigner.builder().stateKey(StateKey.generate()).clock(Clock.system(ZoneOffset.UTC)).build();
        Path data = Fixtures.data(dir, "ec2.bin", 100, 24);
        PreparedSignature p = signer.prepare(data, ec.chain(), SignatureAlgorithm.ECDSA_SHA256, CadesSignatureOptions.defaults());
        SigningResult r = signer.complete(p.state(), ec.signDigest(p.digest(), p.algorithm()), data);
        VerificationReport rep = Verifier.builder().trust(Fixtures.trust(sandbox)).revocation(Fixtures.online()).build()
                .verify(Files.write(dir.resolve("ec2.p7s"), r.signed()), data);
        assertEquals(Verdict.VALID, rep.verdict(), () -> ReportWriter.text(rep, Language.EN));
    }

    /** Small digest helper. */
    static final class DigestOf {
        static byte[] sha256(String s) {
            return vn.kyso.api.DigestAlgorithm.SHA256.digest(s.getBytes(StandardCharsets.UTF_8));
        }
    }
}
