package vn.kyso.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import vn.kyso.api.KysoException;
import vn.kyso.api.Language;
import vn.kyso.api.cert.CertificateInfo;
import vn.kyso.pkcs11.DriverDiscovery;
import vn.kyso.pkcs11.Pkcs11Module;
import vn.kyso.pkcs11.Pkcs11Token;
import vn.kyso.pkcs11.TokenSlot;

/** {@code kyso token list}: the PKCS#11 drivers found on this machine and the tokens they see. */
@Command(name = "token", description = "USB token / HSM (PKCS#11)", subcommands = TokenCommand.ListTokens.class)
final class TokenCommand {

    @Command(name = "list", description = "Liệt kê trình điều khiển và token / list drivers and tokens")
    static final class ListTokens implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--pkcs11", paramLabel = "LIB", description = "Chỉ dùng thư viện này / only this driver library")
        Path pkcs11;

        @Override
        public Integer call() {
            Language lang = ((KysoCli) spec.root().userObject()).language();
            boolean en = lang == Language.EN;
            PrintWriter out = spec.commandLine().getOut();
            List<Path> libraries;
            if (pkcs11 != null) {
                libraries = List.of(pkcs11);
            } else {
                List<DriverDiscovery.Driver> drivers = DriverDiscovery.find();
                out.println(en ? "Drivers found: " + drivers.size() : "Trình điều khiển tìm thấy: " + drivers.size());
                for (DriverDiscovery.Driver d : drivers) {
                    out.println("  " + d.vendor() + ": " + d.path());
                }
                libraries = drivers.stream().map(DriverDiscovery.Driver::path).collect(java.util.stream.Collectors.toList());
            }
            for (Path lib : libraries) {
                List<TokenSlot> slots;
                try {
                    slots = Pkcs11Module.load(lib).slots();
                } catch (KysoException e) {
                    out.println(lib + ": " + e.message(lang));
                    continue;
                }
                out.println(lib + (en ? ": tokens " : ": số token ") + slots.size());
                for (TokenSlot s : slots) {
                    out.println("  [" + s.index() + "] " + (s.initialized() ? s.label().trim() : en ? "(not initialised)" : "(chưa khởi tạo)")
                            + " — " + s.manufacturer().trim() + " " + s.model().trim()
                            + (en ? ", serial " : ", số sê-ri ") + s.serial().trim()
                            + (s.pinPad() ? (en ? ", PIN pad" : ", bàn phím PIN") : "") + ", PIN: " + s.pinState(lang));
                    if (s.initialized()) {
                        printCertificates(out, lib, s, lang);
                    }
                }
            }
            return ExitCodes.OK;
        }

        /** The certificates on the token, read without the PIN: whose keys these are, and how to pick one. */
        private static void printCertificates(PrintWriter out, Path lib, TokenSlot slot, Language lang) {
            boolean en = lang == Language.EN;
            try (Pkcs11Token token = Pkcs11Module.load(lib).open(slot)) {
                List<X509Certificate> certs = token.certificates();
                out.println("      " + (en ? "certificates: " : "chứng thư số: ") + certs.size());
                for (X509Certificate c : certs) {
                    CertificateInfo i = CertificateInfo.of(c);
                    String id = i.taxCode() != null ? (en ? ", tax code " : ", MST ") + i.taxCode()
                            : i.personalId() != null ? ", " + i.personalId() : "";
                    out.println("      - " + i.commonName() + " (" + CertCommand.kind(i, en) + ")" + id
                            + (en ? ", serial " : ", số hiệu ") + i.serialNumber()
                            + (en ? ", valid until " : ", hiệu lực đến ") + i.notAfter()
                            + (en ? ", issued by " : ", cấp bởi ") + i.issuerCommonName());
                }
            } catch (KysoException e) {
                out.println("      " + e.message(lang));
            }
        }
    }
}
