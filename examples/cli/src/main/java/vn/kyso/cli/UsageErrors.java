package vn.kyso.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.MaxValuesExceededException;
import picocli.CommandLine.MissingParameterException;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.MutuallyExclusiveArgsException;
import picocli.CommandLine.OverwrittenOptionException;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;
import vn.kyso.api.ErrorCode;
import vn.kyso.api.KysoException;

/**
 * Turns the parser's refusals of a command line into errors with a stable code and a message wholly in
 * the user's language: picocli's own texts are English, so only the names and values it found (the
 * option, the argument, the candidates) are kept, never its sentences.
 */
final class UsageErrors {
    private UsageErrors() {
    }

    static KysoException of(ParameterException ex) {
        CommandLine cl = ex.getCommandLine();
        if (ex instanceof UnmatchedArgumentException) {
            UnmatchedArgumentException u = (UnmatchedArgumentException) ex;
            boolean option = u.isUnknownOption();
            // what the user typed is a value, quoted; an unknown option is shown alone, not what follows it
            String given = option ? u.getUnmatched().get(0) : "'" + String.join(" ", u.getUnmatched()) + "'";
            List<String> suggestions = new ArrayList<>();
            for (String s : u.getSuggestions()) {
                suggestions.add(s.startsWith("-") ? s : cl.getCommandSpec().qualifiedName() + " " + s);
            }
            ErrorCode code = option ? ErrorCode.USAGE_UNKNOWN_OPTION : ErrorCode.USAGE_UNEXPECTED_ARGUMENT;
            if (suggestions.isEmpty()) {
                return new KysoException(code, ex, given);
            }
            String which = String.join(" | ", suggestions);
            return KysoException.localized(code, ex, given + " (có phải ý bạn là: " + which + "?)",
                    given + " (did you mean: " + which + "?)");
        }
        if (ex instanceof MissingParameterException) {
            List<String> names = new ArrayList<>();
            for (ArgSpec a : ((MissingParameterException) ex).getMissing()) {
                names.add(name(a));
            }
            return new KysoException(ErrorCode.USAGE_MISSING_PARAMETER, ex, String.join(", ", names));
        }
        if (ex instanceof OverwrittenOptionException) {
            return new KysoException(ErrorCode.USAGE_CONFLICT, ex, name(((OverwrittenOptionException) ex).getOverwritten()));
        }
        if (ex instanceof MutuallyExclusiveArgsException) {
            return new KysoException(ErrorCode.USAGE_CONFLICT, ex, cl.getCommandSpec().qualifiedName());
        }
        if (ex instanceof MaxValuesExceededException) {
            return new KysoException(ErrorCode.USAGE_UNEXPECTED_ARGUMENT, ex, cl.getCommandSpec().qualifiedName());
        }
        ArgSpec arg = ex.getArgSpec();
        if (arg != null && ex.getValue() != null) {
            List<String> candidates = new ArrayList<>();
            Iterable<String> listed = arg.completionCandidates();
            if (listed != null) {
                listed.forEach(candidates::add);
            }
            String detail = name(arg) + " '" + ex.getValue() + "'";
            return candidates.isEmpty()
                    ? new KysoException(ErrorCode.USAGE_INVALID_VALUE, ex, detail)
                    : new KysoException(ErrorCode.USAGE_INVALID_VALUE, ex, detail, String.join("|", candidates));
        }
        if (!cl.getSubcommands().isEmpty() && cl.getParseResult() != null && !cl.getParseResult().hasSubcommand()) {
            List<String> subs = new ArrayList<>();
            for (String name : cl.getSubcommands().keySet()) {
                if (!name.equals("help")) {
                    subs.add(name);
                }
            }
            return new KysoException(ErrorCode.USAGE_MISSING_SUBCOMMAND, ex,
                    cl.getCommandSpec().qualifiedName() + " " + String.join("|", subs));
        }
        return new KysoException(ErrorCode.USAGE_INVALID, ex, cl.getCommandSpec().qualifiedName());
    }

    /** How the user writes the option or the argument: its longest name, or its label. */
    static String name(ArgSpec arg) {
        if (arg instanceof OptionSpec) {
            return ((OptionSpec) arg).longestName();
        }
        return arg instanceof PositionalParamSpec ? arg.paramLabel() : String.valueOf(arg);
    }
}
