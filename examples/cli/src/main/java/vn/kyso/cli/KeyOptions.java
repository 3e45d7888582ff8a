package vn.kyso.cli;

import java.nio.file.Path;
import java.util.Arrays;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;
import vn.kyso.api.ErrorCode;
import vn.kyso.api.KysoException;
import vn.kyso.api.token.Token;
import vn.kyso.api.token.Tokens;

/** Which key signs: a PKCS#12 file with its password source (other token kinds plug in here). */
final class KeyOptions {
    @Option(names = "--p12", paramLabel = "FILE", description = "Tệp khóa PKCS#12 (.p12/.pfx) / PKCS#12 key file")
    Path p12;

    @Option(names = "--key-alias", paramLabel = "ALIAS", description = "Bí danh khóa khi tệp có nhiều khóa / key alias when the file holds several")
    String alias;

    @ArgGroup(exclusive = false)
    SecretOptions secret = new SecretOptions();

    /** Opens the token; the caller closes it. */
    Token open() {
        if (p12 == null) {
            throw new KysoException(ErrorCode.INVALID_ARGUMENT, "--p12 FILE");
        }
        char[] pw = secret.read();
        try {
            return Tokens.pkcs12(p12, pw);
        } finally {
            Arrays.fill(pw, '\0');
        }
    }
}
