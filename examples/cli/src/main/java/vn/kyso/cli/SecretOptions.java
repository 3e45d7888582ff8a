package vn.kyso.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine.Option;
import vn.kyso.api.ErrorCode;
import vn.kyso.api.KysoException;

/**
 * Where a password comes from: the command line, an environment variable or the first line of standard
 * input. The returned array belongs to the caller, who wipes it.
 */
final class SecretOptions {
    @Option(names = "--password", arity = "1", description = "Mật khẩu PKCS#12 / PKCS#12 password (prefer --password-env)")
    char[] password;

    @Option(names = "--password-env", paramLabel = "VAR", description = "Đọc mật khẩu từ biến môi trường / read it from an environment variable")
    String passwordEnv;

    @Option(names = "--password-stdin", description = "Đọc mật khẩu từ dòng đầu của stdin / read it from the first line of stdin")
    boolean passwordStdin;

    /** The password, or a usage error if none (or more than one source) was given. */
    char[] read() {
        return read(password, passwordEnv, passwordStdin, "--password | --password-env VAR | --password-stdin");
    }

    /**
     * A secret from exactly one of: the command line (the array is wiped after copying), an environment
     * variable, the first line of standard input. Shared by passwords and PINs.
     */
    static char[] read(char[] direct, String env, boolean stdin, String usage) {
        int sources = (direct != null ? 1 : 0) + (env != null ? 1 : 0) + (stdin ? 1 : 0);
        if (sources != 1) {
            throw KysoException.localized(ErrorCode.INVALID_ARGUMENT, null, usage + " (đúng một trong số này)",
                    usage + " (exactly one)");
        }
        if (direct != null) {
            char[] copy = direct.clone();
            java.util.Arrays.fill(direct, '\0');
            return copy;
        }
        if (env != null) {
            String v = System.getenv(env);
            if (v == null) {
                throw KysoException.localized(ErrorCode.INVALID_ARGUMENT, null, "biến môi trường " + env + " chưa được đặt",
                        "environment variable " + env + " is not set");
            }
            return v.toCharArray();
        }
        try {
            String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            if (line == null) {
                throw KysoException.localized(ErrorCode.INVALID_ARGUMENT, null, "không có gì ở đầu vào chuẩn",
                        "nothing on stdin");
            }
            return line.toCharArray();
        } catch (IOException e) {
            throw new KysoException(ErrorCode.INPUT_UNREADABLE, e, "stdin");
        }
    }
}
