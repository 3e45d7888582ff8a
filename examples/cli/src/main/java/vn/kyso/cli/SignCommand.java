package vn.kyso.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import vn.kyso.api.DigestAlgorithm;
import vn.kyso.api.ErrorCode;
import vn.kyso.api.KysoException;
import vn.kyso.api.Language;
import vn.kyso.api.SignatureLevel;
import vn.kyso.api.SigningResult;
import vn.kyso.api.token.SigningKey;
import vn.kyso.api.token.Token;
import vn.kyso.core.cades.CadesOptions;
import vn.kyso.core.cades.CadesSigner;
import vn.kyso.core.revocation.RevocationOptions;
import vn.kyso.core.trust.TrustAnchors;
import vn.kyso.core.tsp.TimestampClient;

/** {@code kyso sign ...}: one subcommand per format. */
@Command(name = "sign", description = "Ký số tài liệu / sign a document", subcommands = SignCommand.Cms.class)
final class SignCommand {

    /** {@code kyso sign cms}: CAdES signature of any file, detached (.p7s) or enveloping. */
    @Command(name = "cms", description = "Ký CAdES cho tệp bất kỳ / CAdES-sign any file")
    static final class Cms implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--in", required = true, paramLabel = "FILE", description = "Tệp cần ký / file to sign")
        Path in;

        @Option(names = "--out", required = true, paramLabel = "FILE", description = "Tệp chữ ký (.p7s) / output")
        Path out;

        @Mixin
        KeyOptions key;

        @Option(names = "--level", defaultValue = "B-B", paramLabel = "LEVEL", description = "B-B | B-T | B-LT | B-LTA")
        String level;

        @Option(names = "--tsa", paramLabel = "URL", description = "Máy chủ dấu thời gian (lặp lại để dự phòng) / TSA URL, repeat for failover")
        List<String> tsa = new ArrayList<>();

        @Option(names = "--trust", paramLabel = "PEM", description = "Chứng thư gốc tin cậy (cho B-LT/B-LTA) / trust anchor")
        List<Path> trust = new ArrayList<>();

        @Option(names = "--digest", defaultValue = "SHA-256", description = "SHA-256 | SHA-384 | SHA-512")
        String digest;

        @Option(names = "--enveloping", description = "Nhúng dữ liệu vào chữ ký / embed the data in the signature")
        boolean enveloping;

        @Override
        public Integer call() {
            SignatureLevel lvl = SignatureLevel.parse(level);
            if (lvl.needsTimestamp() && tsa.isEmpty()) {
                throw new KysoException(ErrorCode.INVALID_ARGUMENT, "--tsa URL is required for " + lvl.label());
            }
            CadesSigner.Builder builder = CadesSigner.builder()
                    .revocation(RevocationOptions.online())
                    .trust(trust.isEmpty() ? TrustAnchors.empty() : TrustAnchors.fromFiles(trust));
            if (!tsa.isEmpty()) {
                builder.timestamps(TimestampClient.builder().urls(tsa).build());
            }
            CadesOptions options = CadesOptions.builder()
                    .level(lvl)
                    .digest(DigestAlgorithm.parse(digest))
                    .packaging(enveloping ? CadesOptions.Packaging.ENVELOPING : CadesOptions.Packaging.DETACHED)
                    .build();
            try (Token token = key.open()) {
                SigningKey signingKey = key.alias == null ? token.firstKey() : token.key(key.alias);
                SigningResult result = builder.build().sign(in, out, signingKey, options);
                Language lang = ((KysoCli) spec.root().userObject()).language();
                PrintWriter w = spec.commandLine().getOut();
                w.println((lang == Language.EN ? "Signed: " : "Đã ký: ") + out
                        + " (" + result.level().label() + ", " + result.algorithm().displayName() + ", "
                        + signingKey.info().commonName() + ")");
            }
            return ExitCodes.OK;
        }
    }
}
