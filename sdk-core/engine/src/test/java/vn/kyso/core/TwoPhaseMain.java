package vn.kyso.core;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import vn.kyso.api.KysoException;
import vn.kyso.api.Language;
import vn.kyso.api.SignatureAlgorithm;
import vn.kyso.api.SigningResult;
import vn.kyso.api.cert.Certificates;
import vn.kyso.api.twophase.PreparedSignature;
import vn.kyso.api.twophase.StateKey;
import vn.kyso.api.twophase.StateKeyRing;
import vn.kyso.core.cades.CadesSignatureOptions;
import vn.kyso.core.cades.CadesSigner;

/**
 * A separate process for the two-phase test. The state keys are read from files, never from the command
 * line; KEYFILES is one key file or several separated by commas, newest first (a key ring).
 * <pre>
 * prepare  KEYFILES DATA CHAIN.pem ALG OUTDIR    -> OUTDIR/digest.bin, OUTDIR/state.bin
 * complete KEYFILES STATE SIGVALUE DATA OUT.p7s
 * </pre>
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
            CadesSigner signer = CadesSigner.builder().stateKeys(StateKeyRing.of(keys)).build();
            if (args[0].equals("prepare")) {
                SignatureAlgorithm alg = SignatureAlgorithm.valueOf(args[4]);
                PreparedSignature p = signer.prepare(Path.of(args[2]), Certificates.read(Path.of(args[3])), alg,
                        CadesSignatureOptions.builder().digest(alg.digest()).build());
                Path out = Path.of(args[5]);
                Files.write(out.resolve("digest.bin"), p.digest());
                Files.write(out.resolve("state.bin"), p.state());
            } else {
                SigningResult r = signer.complete(Files.readAllBytes(Path.of(args[2])), Files.readAllBytes(Path.of(args[3])),
                        Path.of(args[4]));
                Files.write(Path.of(args[5]), r.signed());
                System.out.println("OK " + r.algorithm() + " " + r.level().label());
            }
        } catch (KysoException e) {
            System.out.println("ERROR " + e.code() + " " + e.message(Language.EN));
            System.exit(3);
        }
    }
}
