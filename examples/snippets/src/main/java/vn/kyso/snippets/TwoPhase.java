package vn.kyso.snippets;

import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.List;
import vn.kyso.api.SignatureAlgorithm;
import vn.kyso.api.SignatureLevel;
import vn.kyso.api.SigningResult;
import vn.kyso.api.token.SigningKey;
import vn.kyso.api.twophase.PreparedSignature;
import vn.kyso.api.twophase.StateKey;
import vn.kyso.api.twophase.StateKeyRing;
import vn.kyso.core.cades.CadesSignatureOptions;
import vn.kyso.core.cades.CadesSigner;
import vn.kyso.core.tsp.TimestampClient;

/** GETTING-STARTED, server two-phase: prepare here, the key holder signs the digest, complete elsewhere. */
public final class TwoPhase {

    private TwoPhase() {
    }

    // tag::state-key[]
    static void setUpServer(Path keyFile) {
        StateKey.generate().writeTo(keyFile);           // once; copy the file to every server (owner-only)
    }
    // end::state-key[]

    // tag::two-phase-prepare[]
    /** What travels to the key holder (and the state back with the value); the document stays here. */
    record ToClient(String digestBase64, SignatureAlgorithm algorithm, String stateBase64) {
    }

    static ToClient prepare(Path keyFile, TimestampClient tsa, Path document, List<X509Certificate> chainFromClient) {
        StateKeyRing keys = StateKeyRing.fromFiles(keyFile);              // the newest key seals
        CadesSigner signer = CadesSigner.builder().stateKeys(keys).timestamps(tsa).build();
        PreparedSignature p = signer.prepare(document, chainFromClient, SignatureAlgorithm.RSA_SHA256,
                CadesSignatureOptions.builder().level(SignatureLevel.B_T).build());
        return new ToClient(p.digestBase64(), p.algorithm(), p.stateBase64());   // no document in it
    }
    // end::two-phase-prepare[]

    // tag::two-phase-client[]
    static String signOnClient(SigningKey keyOfTheUser, String digestBase64, SignatureAlgorithm algorithm) {
        byte[] value = keyOfTheUser.signDigest(Base64.getDecoder().decode(digestBase64), algorithm);
        return Base64.getEncoder().encodeToString(value);    // token, browser agent, SIM or cloud service
    }
    // end::two-phase-client[]

    // tag::two-phase-complete[]
    static SigningResult complete(Path newKeyFile, Path oldKeyFile, TimestampClient tsa, String stateBase64,
            String signatureValueBase64, Path document, Path signatureOut) {
        // another process, perhaps another server; after a rotation the new key seals, the old one still opens
        StateKeyRing keys = StateKeyRing.fromFiles(newKeyFile, oldKeyFile);
        CadesSigner signer = CadesSigner.builder().stateKeys(keys).timestamps(tsa).build();
        return signer.complete(Base64.getDecoder().decode(stateBase64),
                Base64.getDecoder().decode(signatureValueBase64), document, signatureOut);
    }
    // end::two-phase-complete[]
}
