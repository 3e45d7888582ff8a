package vn.kyso.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import vn.kyso.api.Language;
import vn.kyso.pkcs11.DriverDiscovery;
import vn.kyso.pkcs11.Pkcs11Module;
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
                } catch (vn.kyso.api.KysoException e) {
                    out.println(lib + ": " + e.message(lang));
                    continue;
                }
                out.println(lib + (en ? ": tokens " : ": số token ") + slots.size());
                for (TokenSlot s : slots) {
                    out.println("  [" + s.index() + "] " + s.label() + " — " + s.manufacturer() + " " + s.model()
                            + ", serial " + s.serial() + (s.pinPad() ? (en ? ", PIN pad" : ", bàn phím PIN") : "")
                            + ", PIN: " + s.pinState());
                }
            }
            return ExitCodes.OK;
        }
    }
}
