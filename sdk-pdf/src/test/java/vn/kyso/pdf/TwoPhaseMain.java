package vn.kyso.pdf;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import vn.kyso.api.KysoException;
import vn.kyso.api.Language;
import vn.kyso.api.SignatureAlgorithm;
import vn.kyso.api.cert.Certificates;
import vn.kyso.api.twophase.PreparedSignature;
import vn.kyso.api.twophase.StateKey;
import vn.kyso.api.twophase.StateKeyRing;

/**
 * One half of a two-phase PDF signature, run in its own JVM by {@link PdfTwoPhaseProcessTest}.
 * <pre>
 * prepare  KEYFILES IN.pdf CHAIN.pem ALG OUTDIR   -> OUTDIR/digest.bin, OUTDIR/state.bin
 * complete KEYFILES STATE SIGVALUE IN.pdf OUT.pdf
 * </pre>
 * KEYFILES: one state key file, or several separated by commas, newest first (a key ring).
 * Exit 0 on success, 3 with "ERROR code message" on a KysoException.
 */
public final class TwoPhaseMain {
    private TwoPhaseMain() {
    }

    public static void main(String[] args) throws Exception {
        try {
            List<StateKey> keys = new ArrayList<>();
            for (String file : args[1].split(",")) {
                keys.add(StateKey.fromFile(Path.of(file)));
            }
            PdfSigner signer = PdfSigner.builder().stateKeys(StateKeyRing.of(keys)).build();
            if (args[0].equals("prepare")) {
                SignatureAlgorithm alg = SignatureAlgorithm.valueOf(args[4]);
                PreparedSignature p = signer.prepare(Path.of(args[2]), Certificates.read(Path.of(args[3])), alg,
                        PdfSignatureOptions.builder().algorithm(alg).visible(1, 60, 600, 220, 60).build());
                Files.write(Path.of(args[5]).resolve("digest.bin"), p.digest());
                Files.write(Path.of(args[5]).resolve("state.bin"), p.state());
            } else {
                signer.complete(Files.readAllBytes(Path.of(args[2])), Files.readAllBytes(Path.of(args[3])),
                        Path.of(args[4]), Path.of(args[5]));
            }
            System.out.println("OK");
        } catch (KysoException e) {
            System.out.println("ERROR " + e.code() + " " + e.message(Language.EN));
            System.exit(3);
        }
    }
}
