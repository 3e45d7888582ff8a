package vn.kyso.core.batch;

import java.nio.file.Path;
import vn.kyso.api.SigningResult;
import vn.kyso.api.token.SigningKey;

/**
 * Signs one file for a {@link BatchSigner}: reads {@code input}, writes the signed output to {@code output}
 * (atomically, as every signer of the SDK does) and returns what it did. Any format plugs in with a lambda:
 * {@code (in, out, key) -> cadesSigner.sign(in, out, key, cadesOptions)}, and the same for
 * {@code PdfSigner} and {@code XmlSigner}. Called from several threads at once when the batch runs in
 * parallel, so it must be thread-safe (the SDK's signers are).
 */
@FunctionalInterface
public interface FileSigner {
    /**
     * @throws vn.kyso.api.KysoException when this file cannot be signed
     */
    SigningResult sign(Path input, Path output, SigningKey key);
}
