package vn.kyso.pdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.kyso.api.DigestAlgorithm;
import vn.kyso.api.cert.Certificates;
import vn.kyso.api.report.Verdict;
import vn.kyso.api.token.SigningKey;
import vn.kyso.api.twophase.StateKey;
import vn.kyso.core.trust.TrustAnchors;
import vn.kyso.core.verify.Verifier;
import vn.kyso.testkit.Sandbox;

/** prepare in one JVM, the key signs the digest here, complete in another JVM; a modified state is refused. */
class PdfTwoPhaseProcessTest {

    private static String java(Path dir, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(System.getProperty("java.home") + File.separator + "bin"
                + File.separator + "java", "-cp", System.getProperty("java.class.path"), TwoPhaseMain.class.getName()));
        cmd.addAll(List.of(args));
        return PdfTestDocuments.run(cmd.toArray(new String[0]));
    }

    @Test
    void acrossTwoProcesses(@TempDir Path dir) throws Exception {
        try (Sandbox sandbox = Sandbox.start()) {
            Path in = PdfTestDocuments.decision(dir.resolve("qd.pdf"));
            Path keyFile = dir.resolve("state.key");
            StateKey.generate().writeTo(keyFile);
            SigningKey key = PdfTestDocuments.key(sandbox.person1());
            StringBuilder pem = new StringBuilder();
            key.chain().forEach(c -> pem.append(Certificates.toPem(c)));
            Path chain = Files.writeString(dir.resolve("chain.pem"), pem);
            String alg = key.preferredAlgorithm(DigestAlgorithm.SHA256).name();

            String prepared = java(dir, "prepare", keyFile.toString(), in.toString(), chain.toString(), alg, dir.toString());
            assertTrue(prepared.contains("OK"), prepared);
            byte[] value = key.signDigest(Files.readAllBytes(dir.resolve("digest.bin")),
                    key.preferredAlgorithm(DigestAlgorithm.SHA256));
            Path sig = Files.write(dir.resolve("sig.bin"), value);

            byte[] state = Files.readAllBytes(dir.resolve("state.bin"));
            state[state.length / 3] ^= 0x20;
            Path bad = Files.write(dir.resolve("state.bad"), state);
            Path refused = dir.resolve("refused.pdf");
            String tampered = java(dir, "complete", keyFile.toString(), bad.toString(), sig.toString(), in.toString(), refused.toString());
            assertTrue(tampered.contains("ERROR KYSO-400"), tampered);
            assertFalse(Files.exists(refused));

            // the server's key was rotated in between: the completing process holds the ring [new, old]
            Path newer = dir.resolve("state-2.key");
            StateKey.generate().writeTo(newer);
            Path lacking = dir.resolve("lacking.pdf");
            String unknownKey = java(dir, "complete", newer.toString(), dir.resolve("state.bin").toString(), sig.toString(),
                    in.toString(), lacking.toString());
            assertTrue(unknownKey.contains("ERROR KYSO-400") && unknownKey.contains("state key "
                    + StateKey.fromFile(keyFile).id()), unknownKey);
            assertFalse(Files.exists(lacking));

            Path out = dir.resolve("qd.signed.pdf");
            String completed = java(dir, "complete", newer + "," + keyFile, dir.resolve("state.bin").toString(),
                    sig.toString(), in.toString(), out.toString());
            assertTrue(completed.contains("OK"), completed);
            PdfTestDocuments.assertPdfsigValid(out, 1);
            assertEquals(Verdict.VALID, Verifier.builder().trust(TrustAnchors.of(List.of(sandbox.root()))).build()
                    .verify(out).verdict());
        }
    }
}
