package vn.kyso.cli;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import vn.kyso.api.ErrorCode;
import vn.kyso.api.KysoException;
import vn.kyso.api.Language;

/**
 * The {@code kyso} command line. Every failure is one clear line in Vietnamese (default) or English,
 * never a stack trace unless {@code --debug} is given; exit codes are listed in {@link ExitCodes}.
 */
@Command(name = "kyso", mixinStandardHelpOptions = true, version = "kyso 0.1.0",
        description = "Ký số và kiểm tra chữ ký số / Sign and verify documents (CAdES, PAdES, XAdES/XMLDSig: edXML, e-invoice, e-tax).",
        subcommands = {DemoCommand.class, SandboxCommand.class, SignCommand.class, VerifyCommand.class, EdxmlCommand.class,
                CertCommand.class, TokenCommand.class, BatchCommand.class, CommandLine.HelpCommand.class})
public final class KysoCli {

    @Option(names = "--lang", scope = ScopeType.INHERIT, defaultValue = "vi",
            description = "Ngôn ngữ / language: vi (mặc định) | en")
    String lang;

    @Option(names = "--debug", scope = ScopeType.INHERIT, description = "Hiện chi tiết lỗi (stack trace) / show stack traces of errors")
    boolean debug;

    Language language() {
        try {
            return Language.parse(lang);
        } catch (KysoException e) {
            return Language.VI;
        }
    }

    public static void main(String[] args) {
        System.exit(run(args, new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true),
                new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true)));
    }

    /** Gives every subcommand, at every depth, {@code -h/--help} (and {@code -V/--version}) as the root has them. */
    private static void withHelpOptions(CommandLine cl) {
        for (CommandLine sub : cl.getSubcommands().values()) {
            if (!(sub.getCommand() instanceof CommandLine.HelpCommand)) {
                sub.getCommandSpec().mixinStandardHelpOptions(true);
                withHelpOptions(sub);
            }
        }
    }

    /**
     * An unexpected failure: its type names it in both languages; its text (a library's English) is
     * shown in English only, the Vietnamese line says how to see it.
     */
    static KysoException internal(Throwable ex) {
        String type = ex.getClass().getName();
        return KysoException.localized(ErrorCode.INTERNAL, ex, type + " (chạy lại với --debug để xem chi tiết)",
                type + (ex.getMessage() == null ? "" : ": " + ex.getMessage()));
    }

    /** Runs the command line with the given streams and returns its exit code (used by tests too). */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        KysoCli root = new KysoCli();
        CommandLine cl = new CommandLine(root);
        cl.setOut(out);
        cl.setErr(err);
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        withHelpOptions(cl);
        cl.setParameterExceptionHandler((ex, a) -> {
            Language lang = root.language();
            KysoException k = UsageErrors.of(ex);
            err.println(k.message(lang));
            String help = ex.getCommandLine().getCommandSpec().qualifiedName() + " --help";
            err.println((lang == Language.EN ? "See: " : "Xem: ") + help);
            if (root.debug) {
                ex.printStackTrace(err);
            }
            return ExitCodes.of(k.errorCode());
        });
        cl.setExecutionExceptionHandler((ex, c, parsed) -> {
            Language lang = root.language();
            KysoException k = ex instanceof KysoException ? (KysoException) ex : internal(ex);
            err.println(k.message(lang));
            if (root.debug) {
                ex.printStackTrace(err);
            }
            return ExitCodes.of(k.errorCode());
        });
        int code = cl.execute(args);
        out.flush();
        err.flush();
        return code;
    }
}
