package vn.kyso.cli;

import java.nio.file.Path;
import java.util.Arrays;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import vn.kyso.api.ErrorCode;
import vn.kyso.api.KysoException;
import vn.kyso.api.Language;
import vn.kyso.api.token.SigningKey;
import vn.kyso.api.token.Token;
import vn.kyso.api.token.Tokens;
import vn.kyso.pkcs11.Pkcs11Module;
import vn.kyso.pkcs11.Pkcs11Token;
import vn.kyso.pkcs11.TokenSlot;

/**
 * Which key signs: a PKCS#12 file with its password source, or a PKCS#11 token (USB token, HSM) with
 * its PIN source, and which key on it.
 */
final class KeyOptions {
    @Option(names = "--p12", paramLabel = "FILE", description = "Tệp khóa PKCS#12 (.p12/.pfx) / PKCS#12 key file")
    Path p12;

    @Option(names = "--key-alias", paramLabel = "ALIAS", description = "Bí danh khóa khi tệp có nhiều khóa / key alias when the file holds several")
    String alias;

    @ArgGroup(exclusive = false)
    SecretOptions secret = new SecretOptions();

    @Option(names = "--pkcs11", paramLabel = "LIB", description = "Thư viện PKCS#11 của USB token/HSM / PKCS#11 driver library")
    Path pkcs11;

    @Option(names = "--slot", paramLabel = "N", description = "Số thứ tự token (0, 1, ...) / token index")
    Integer slot;

    @Option(names = "--token-label", paramLabel = "L", description = "Nhãn token / token label")
    String tokenLabel;

    @Option(names = "--pin", arity = "1", description = "Mã PIN (nên dùng --pin-env) / PIN (prefer --pin-env)")
    char[] pin;

    @Option(names = "--pin-env", paramLabel = "VAR", description = "Đọc PIN từ biến môi trường / PIN from an environment variable")
    String pinEnv;

    @Option(names = "--pin-stdin", description = "Đọc PIN từ dòng đầu của stdin / PIN from the first line of stdin")
    boolean pinStdin;

    @Option(names = "--key-id", paramLabel = "HEX", description = "CKA_ID của khóa trên token / the key's CKA_ID")
    String keyId;

    @Option(names = "--cert-serial", paramLabel = "HEX", description = "Số hiệu chứng thư của khóa / serial of the key's certificate")
    String certSerial;

    /**
     * Opens the token; the caller closes it. Before a token asks for its PIN, a PIN already entered wrong
     * (count low, final try) is said on stderr, so the user looks twice before the try that locks it.
     */
    Token open(CommandSpec spec) {
        if ((p12 == null) == (pkcs11 == null)) {
            throw KysoException.localized(ErrorCode.INVALID_ARGUMENT, null, "--p12 FILE | --pkcs11 LIB (đúng một trong hai)",
                    "--p12 FILE | --pkcs11 LIB (exactly one)");
        }
        if (p12 != null) {
            char[] pw = secret.read();
            try {
                return Tokens.pkcs12(p12, pw);
            } finally {
                Arrays.fill(pw, '\0');
            }
        }
        Pkcs11Module module = Pkcs11Module.load(pkcs11);
        Pkcs11Token token = slot != null ? module.openIndex(slot) : tokenLabel != null ? module.openLabel(tokenLabel)
                : module.openFirst();
        warnAboutThePin(token.info(), spec);
        char[] p = readPin();
        try {
            return token.login(p);
        } catch (RuntimeException e) {
            token.close();
            throw e;
        } finally {
            Arrays.fill(p, '\0');
        }
    }

    /** The key the options name on an open token. */
    SigningKey select(Token token) {
        if (alias != null) {
            return token.key(alias);
        }
        if (token instanceof Pkcs11Token && keyId != null) {
            return ((Pkcs11Token) token).key(keyId);
        }
        if (token instanceof Pkcs11Token && certSerial != null) {
            return ((Pkcs11Token) token).keyByCertificateSerial(certSerial);
        }
        return token.firstKey();
    }

    private static void warnAboutThePin(TokenSlot info, CommandSpec spec) {
        if (info.pinCountLow() || info.pinFinalTry()) {
            Language lang = ((KysoCli) spec.root().userObject()).language();
            spec.commandLine().getErr().println((lang == Language.EN ? "Warning: the PIN of token '" + info.label().trim()
                    + "' was entered wrong before: " : "Cảnh báo: mã PIN của thiết bị '" + info.label().trim()
                    + "' đã từng bị nhập sai: ") + info.pinState(lang));
        }
    }

    private char[] readPin() {
        return SecretOptions.read(pin, pinEnv, pinStdin, "--pin PIN | --pin-env VAR | --pin-stdin");
    }
}
