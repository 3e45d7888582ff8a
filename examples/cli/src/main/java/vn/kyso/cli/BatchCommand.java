package vn.kyso.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;
import picocli.CommandLine.Command;
import picocli.CommandLine.IModelTransformer;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import vn.kyso.api.Language;
import vn.kyso.api.token.Token;
import vn.kyso.core.batch.BatchItem;
import vn.kyso.core.batch.BatchSigner;
import vn.kyso.core.batch.BatchSummary;

/**
 * {@code kyso batch sign cms|pdf|xml}: every file of a directory signed with one login, with the same
 * format options as {@code kyso sign}; progress on standard error, the summary on standard output.
 */
@Command(name = "batch", description = "Ký hàng loạt / batch signing", subcommands = BatchCommand.Sign.class,
        mixinStandardHelpOptions = true)
final class BatchCommand {

    @Command(name = "sign", mixinStandardHelpOptions = true,
            description = "Ký mọi tệp của một thư mục, đăng nhập một lần / sign every file of a directory with one login",
            subcommands = {BatchCommand.Cms.class, BatchCommand.Pdf.class, BatchCommand.Xml.class})
    static final class Sign {
    }

    /** What a batch takes instead of {@code --in} and {@code --out}. */
    static final class Options {
        @Option(names = "--in-dir", required = true, paramLabel = "DIR", description = "Thư mục tệp cần ký / directory of the files to sign")
        Path inDir;

        @Option(names = "--out-dir", required = true, paramLabel = "DIR", description = "Thư mục kết quả (khác --in-dir) / output directory (not --in-dir)")
        Path outDir;

        @Option(names = "--glob", paramLabel = "GLOB", description = "Chọn tệp theo mẫu tên, vd '*.pdf' / which file names, e.g. '*.pdf'")
        String glob;

        @Option(names = "--threads", defaultValue = "1", paramLabel = "N", description = "Số tệp ký song song (mặc định 1) / files signed at once (default 1)")
        int threads;

        /** Opens the key once, signs the directory, prints the summary; the exit code says how it ended. */
        int run(CommandSpec spec, SignCommand.Common common, SigningJob<?> signing, String defaultGlob,
                UnaryOperator<String> outputName) {
            Language lang = ((KysoCli) spec.root().userObject()).language();
            String pattern = glob != null ? glob : defaultGlob;
            BatchSigner batch = BatchSigner.builder().threads(threads).glob(pattern)
                    .outputName(outputName)
                    .listener(new BatchProgressPrinter(spec.commandLine().getErr(), lang, System.console() != null))
                    .build();
            List<Path> inputs = batch.inputs(inDir, outDir); // before the key asks for a PIN
            BatchSummary summary;
            try (Token token = common.key.open(spec)) {
                summary = signing.batch(batch, inputs, outDir, common.key.select(token));
            }
            if (summary.items().isEmpty()) {
                spec.commandLine().getErr().println(lang == Language.EN ? "No file in " + inDir + " matches " + pattern
                        : "Không có tệp nào trong " + inDir + " khớp mẫu " + pattern);
            }
            print(spec.commandLine().getOut(), lang, summary);
            if (summary.stoppedBy().isPresent()) {
                return ExitCodes.of(summary.stoppedBy().get().errorCode());
            }
            return summary.failed() > 0 ? ExitCodes.INVALID : ExitCodes.OK;
        }

        private static void print(PrintWriter w, Language lang, BatchSummary s) {
            boolean en = lang == Language.EN;
            double seconds = s.elapsed().toMillis() / 1000.0;
            w.println(String.format(Locale.ROOT,
                    en ? "Signed: %d, skipped (already done): %d, failed: %d, not attempted: %d (%.1f s)"
                       : "Đã ký: %d, bỏ qua (đã có): %d, lỗi: %d, chưa thử: %d (%.1f giây)",
                    s.signed(), s.skipped(), s.failed(), s.notAttempted(), seconds));
            for (BatchItem item : s.items(BatchItem.Status.FAILED)) {
                w.println("  ✗ " + item.input().getFileName() + ": " + item.error().message(lang));
            }
            s.stoppedBy().ifPresent(e -> w.println((en ? "Stopped: " : "Đã dừng: ") + e.message(lang)));
        }
    }

    /** {@code kyso batch sign cms}: detached outputs are named {@code F.p7s}, enveloping ones {@code F.p7m}. */
    @Command(name = "cms", description = "Ký CAdES hàng loạt / CAdES-sign every file", modelTransformer = WithoutSingleFile.class,
            mixinStandardHelpOptions = true)
    static final class Cms extends SignCommand.Cms {
        @Mixin
        Options batch;

        @Override
        public Integer call() {
            String extension = enveloping ? ".p7m" : ".p7s";
            return batch.run(spec, common, signing(), "*", name -> name + extension);
        }
    }

    /** {@code kyso batch sign pdf}: outputs keep the input's name. */
    @Command(name = "pdf", description = "Ký PAdES hàng loạt / PAdES-sign every PDF", modelTransformer = WithoutSingleFile.class,
            mixinStandardHelpOptions = true)
    static final class Pdf extends SignCommand.Pdf {
        @Mixin
        Options batch;

        @Override
        public Integer call() {
            return batch.run(spec, common, signing(), "*.{pdf,PDF}", UnaryOperator.identity());
        }
    }

    /** {@code kyso batch sign xml}: outputs keep the input's name. */
    @Command(name = "xml", description = "Ký XAdES hàng loạt / XAdES-sign every XML file", modelTransformer = WithoutSingleFile.class,
            mixinStandardHelpOptions = true)
    static final class Xml extends SignCommand.Xml {
        @Mixin
        Options batch;

        @Override
        public Integer call() {
            return batch.run(spec, common, signing(), "*.{xml,XML}", UnaryOperator.identity());
        }
    }

    /** Removes {@code --in} and {@code --out} of the single-file command: the batch has directories instead. */
    static final class WithoutSingleFile implements IModelTransformer {
        @Override
        public CommandSpec transform(CommandSpec spec) {
            for (String name : new String[] {"--in", "--out"}) {
                OptionSpec option = spec.findOption(name);
                if (option != null) {
                    spec.remove(option);
                }
            }
            return spec;
        }
    }
}
