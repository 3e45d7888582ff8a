package vn.kyso.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every command, at every depth, answers {@code --help} with its usage and exit code 0. */
class CliHelpTest {

    @Test
    void everyCommandHasHelp() {
        for (List<String> command : List.of(List.of("sign", "pdf"), List.of("sign", "xml"), List.of("sign", "cms"),
                List.of("verify"), List.of("batch", "sign", "pdf"), List.of("token", "list"), List.of("demo"),
                List.of("sandbox", "init"), List.of("cert", "info"), List.of("edxml", "build"))) {
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            List<String> args = new ArrayList<>(command);
            args.add("--help");
            int code = KysoCli.run(args.toArray(String[]::new), new PrintWriter(out), new PrintWriter(err));
            assertEquals(0, code, command + ": " + err);
            assertTrue(out.toString().contains("Usage: kyso " + String.join(" ", command)), command + ": " + out);
            assertTrue(out.toString().contains("--help"), command + ": " + out);
        }
    }
}
