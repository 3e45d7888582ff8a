package vn.kyso.cli;

import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.List;
import vn.kyso.api.ErrorCode;
import vn.kyso.api.KysoException;
import vn.kyso.api.SignatureAlgorithm;
import vn.kyso.api.SignatureLevel;
import vn.kyso.api.SigningResult;
import vn.kyso.api.io.Document;
import vn.kyso.api.io.Output;
import vn.kyso.api.sign.DocumentSigner;
import vn.kyso.api.sign.SignatureOptions;
import vn.kyso.api.token.SigningKey;
import vn.kyso.api.twophase.PreparedSignature;
import vn.kyso.core.batch.BatchSigner;
import vn.kyso.core.batch.BatchSummary;

/**
 * What {@code kyso sign} and {@code kyso batch sign} do with one set of options: a signer of the SDK and
 * its options, the same pair for one file and for a directory.
 */
final class SigningJob<O extends SignatureOptions> {
    private final DocumentSigner<O> signer;
    private final O options;

    private SigningJob(DocumentSigner<O> signer, O options) {
        this.signer = signer;
        this.options = options;
    }

    static <O extends SignatureOptions> SigningJob<O> of(DocumentSigner<O> signer, O options) {
        return new SigningJob<>(signer, options);
    }

    /**
     * A job whose work on each file is more than one signature of the SDK (an e-office workflow step, a
     * profile whose options depend on the document): {@code step} signs one document.
     */
    static <O extends SignatureOptions> SigningJob<O> workflow(O options, Step<O> step) {
        return new SigningJob<>(new Workflow<>(step), options);
    }

    /** One document signed by a workflow step. */
    @FunctionalInterface
    interface Step<O extends SignatureOptions> {
        SigningResult sign(Document input, Output output, SigningKey key, O options);
    }

    SigningResult sign(Path in, Path out, SigningKey key) {
        return signer.sign(in, out, key, options);
    }

    BatchSummary batch(BatchSigner batch, List<Path> inputs, Path outDir, SigningKey key) {
        return batch.sign(inputs, outDir, key, signer, options);
    }

    /** A workflow step as a signer: it signs in one call; the other verbs do not apply to a command line step. */
    private static final class Workflow<O extends SignatureOptions> implements DocumentSigner<O> {
        private final Step<O> step;

        Workflow(Step<O> step) {
            this.step = step;
        }

        @Override
        public SigningResult sign(Document input, Output output, SigningKey key, O options) {
            return step.sign(input, output, key, options);
        }

        @Override
        public PreparedSignature prepare(Document input, List<X509Certificate> chain, SignatureAlgorithm algorithm, O options) {
            throw unsupported("prepare");
        }

        @Override
        public SigningResult complete(byte[] state, byte[] signatureValue, Document input, Output output) {
            throw unsupported("complete");
        }

        @Override
        public SigningResult extend(Document input, Output output, SignatureLevel target) {
            throw unsupported("extend");
        }

        private static KysoException unsupported(String verb) {
            return KysoException.localized(ErrorCode.OPERATION_UNSUPPORTED, null,
                    verb + " không áp dụng cho bước quy trình của dòng lệnh", verb + " does not apply to a command line workflow step");
        }
    }

    /** The file behind a document given to a workflow step (the command line always gives files). */
    static Path file(Document d) {
        Path p = d.path();
        if (p == null) {
            throw KysoException.localized(ErrorCode.INVALID_ARGUMENT, null, "bước này cần một tệp, không phải dữ liệu trong bộ nhớ",
                    "this step needs a file, not data in memory");
        }
        return p;
    }

    /** The file an output names (the command line always writes files). */
    static Path file(Output o) {
        Path p = o.path();
        if (p == null) {
            throw KysoException.localized(ErrorCode.INVALID_ARGUMENT, null, "bước này cần một tệp, không phải dữ liệu trong bộ nhớ",
                    "this step needs a file, not data in memory");
        }
        return p;
    }
}
