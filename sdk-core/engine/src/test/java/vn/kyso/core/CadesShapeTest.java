package vn.kyso.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;
import vn.kyso.api.DigestAlgorithm;
import vn.kyso.api.ErrorCode;
import vn.kyso.api.KysoException;
import vn.kyso.api.Language;
import vn.kyso.api.SignatureAlgorithm;
import vn.kyso.api.SignatureLevel;
import vn.kyso.api.SigningResult;
import vn.kyso.api.io.Document;
import vn.kyso.api.io.Output;
import vn.kyso.api.report.Verdict;
import vn.kyso.api.report.VerificationReport;
import vn.kyso.api.sign.DocumentSigner;
import vn.kyso.api.token.SigningKey;
import vn.kyso.core.cades.CadesSignatureOptions;
import vn.kyso.core.cades.CadesSigner;
import vn.kyso.core.report.ReportWriter;
import vn.kyso.core.verify.Verifier;
import vn.kyso.testkit.Sandbox;

/** CAdES through the one signer shape: every input and output kind, extend, the refusals. */
class CadesShapeTest {
    static Sandbox sandbox;
    static SigningKey key;
    static DocumentSigner<CadesSignatureOptions> signer;
    static Verifier verifier;
    @TempDir
    static Path dir;
    static Path data;

    @BeforeAll
    static void start() throws Exception {
        sandbox = Sandbox.start();
        key = Fixtures.key(sandbox.person1());
        signer = CadesSigner.builder().timestamps(Fixtures.tsa(sandbox)).trust(Fixtures.trust(sandbox))
                .revocation(Fixtures.online()).build();
        verifier = Verifier.builder().trust(Fixtures.trust(sandbox)).revocation(Fixtures.online()).build();
        data = Fixtures.data(dir, "hop-dong.bin", 50_000, 7);
    }

    @AfterAll
    static void stop() {
        if (sandbox != null) {
            sandbox.close();
        }
    }

    static void valid(VerificationReport r) {
        assertEquals(Verdict.VALID, r.verdict(), () -> ReportWriter.text(r, Language.EN));
    }

    @Test
    void bytesFileStreamAndMemoryGiveTheSameKindOfSignature() throws Exception {
        CadesSignatureOptions o = CadesSignatureOptions.builder().packaging(CadesSignatureOptions.Packaging.ENVELOPING).build();
        SigningResult memory = signer.sign(Document.of(Files.readAllBytes(data), "hop-dong.bin"), Output.memory(), key, o);
        valid(verifier.verify(Files.write(dir.resolve("m.p7m"), memory.signed())));

        ByteArrayOutputStream stream = new ByteArrayOutputStream();
        SigningResult streamed = signer.sign(Document.of(data), Output.stream(stream), key, o);
        assertNull(streamed.signed());
        valid(verifier.verify(Files.write(dir.resolve("s.p7m"), stream.toByteArray())));

        Path file = dir.resolve("f.p7m");
        SigningResult filed = signer.sign(data, file, key, o);
        assertNull(filed.signed());
        valid(verifier.verify(file));
        assertEquals(SignatureAlgorithm.RSA_PSS_SHA256, filed.algorithm());
    }

    @Test
    void twoPhaseOverBytesAndPkcs1() throws Exception {
        DocumentSigner<CadesSignatureOptions> twoPhase = CadesSigner.builder()
                .stateKey(vn.kyso.api.twophase.StateKey.generate()).build();
        CadesSignatureOptions o = CadesSignatureOptions.builder().pkcs1(true).build();
        byte[] content = Files.readAllBytes(data);
        SignatureAlgorithm alg = o.algorithmFor(key);
        assertEquals(SignatureAlgorithm.RSA_SHA256, alg);
        var prepared = twoPhase.prepare(content, key.chain(), alg, o);
        SigningResult r = twoPhase.complete(prepared.state(), key.signDigest(prepared.digest(), alg), content);
        assertEquals(SignatureAlgorithm.RSA_SHA256, r.algorithm());
        valid(verifier.verify(Files.write(dir.resolve("tp.p7s"), r.signed()), data));
    }

    @Test
    void extendsAnEnvelopingSignatureToBtAndBlt() throws Exception {
        Path bb = dir.resolve("bb.p7m");
        signer.sign(data, bb, key, CadesSignatureOptions.builder().packaging(CadesSignatureOptions.Packaging.ENVELOPING).build());
        Path bt = dir.resolve("bt.p7m");
        SigningResult r = signer.extend(bb, bt, SignatureLevel.B_T);
        assertNull(r.algorithm());
        assertEquals(SignatureLevel.B_T, r.level());
        VerificationReport t = verifier.verify(bt);
        valid(t);
        assertEquals(SignatureLevel.B_T, t.signatures().get(0).level());
        Path lt = dir.resolve("lt.p7m");
        signer.extend(bt, lt, SignatureLevel.B_LT);
        VerificationReport l = verifier.verify(lt);
        valid(l);
        assertEquals(SignatureLevel.B_LT, l.signatures().get(0).level());
    }

    @Test
    void refusalsAreTypedAndNameTheArgument() throws Exception {
        invalid(() -> signer.sign((Path) null, dir.resolve("x"), key, CadesSignatureOptions.defaults()), "input");
        invalid(() -> signer.sign(data, dir.resolve("x"), null, CadesSignatureOptions.defaults()), "key");
        invalid(() -> signer.sign(data, dir.resolve("x"), key, null), "options");
        invalid(() -> signer.sign(Document.of(data), null, key, CadesSignatureOptions.defaults()), "output");
        invalid(() -> CadesSignatureOptions.builder().level(null), "level");
        invalid(() -> CadesSignatureOptions.builder().digest(DigestAlgorithm.SHA512)
                .algorithm(SignatureAlgorithm.RSA_PSS_SHA256).build(), "SHA-512");
        KysoException cms = assertThrows(KysoException.class,
                () -> signer.completeWithCms(new byte[1], new byte[1], Document.of(data), Output.memory()));
        assertEquals(ErrorCode.OPERATION_UNSUPPORTED, cms.errorCode());
        assertEquals("KYSO-115", cms.code());
        assertEquals(ErrorCode.INVALID_ARGUMENT, assertThrows(KysoException.class,
                () -> signer.extend(data, dir.resolve("y"), SignatureLevel.B_B)).errorCode());
        assertTrue(Files.notExists(dir.resolve("x")) && Files.notExists(dir.resolve("y")));
    }

    static void invalid(Executable e, String named) {
        KysoException k = assertThrows(KysoException.class, e);
        assertEquals(ErrorCode.INVALID_ARGUMENT, k.errorCode(), k.getMessage());
        assertTrue(k.message(Language.EN).contains(named), k.message(Language.EN));
    }
}
