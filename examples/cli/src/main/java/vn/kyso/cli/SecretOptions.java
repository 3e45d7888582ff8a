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
        int sources = (password != null ? 1 : 0) + (passwordEnv != null ? 1 : 0) + (passwordStdin ? 1 : 0);
        if (sources != 1) {
            throw new KysoException(ErrorCode.INVALID_ARGUMENT,
                    "--password | --password-env VAR | --password-stdin (exactly one)");
        }
        if (password != null) {
            char[] copy = password.clone();
            java.util.Arrays.fill(password, '\0');
            return copy;
        }
        if (passwordEnv != null) {
            String v = System.getenv(passwordEnv);
            if (v == null) {
                throw new KysoException(ErrorCode.INVALID_ARGUMENT, "environment variable " + passwordEnv + " is not set");
            }
            return v.toCharArray();
        }
        try {
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            String line = in.readLine();
            if (line == null) {
                throw new KysoException(ErrorCode.INVALID_ARGUMENT, "no password on stdin");
            }
            return line.toCharArray();
        } catch (IOException e) {
            throw new KysoException(ErrorCode.INPUT_UNREADABLE, e, "stdin");
        }
    }
}
