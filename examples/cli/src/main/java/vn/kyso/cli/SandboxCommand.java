package vn.kyso.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import vn.kyso.api.ErrorCode;
import vn.kyso.api.KysoException;
import vn.kyso.api.Language;
import vn.kyso.testkit.Sandbox;

/** {@code kyso sandbox init|serve}: a throw-away test PKI with its TSA, OCSP and CRL servers. */
@Command(name = "sandbox", description = "PKI thử nghiệm / test PKI",
        subcommands = {SandboxCommand.Init.class, SandboxCommand.Serve.class})
final class SandboxCommand {

    @Command(name = "init", description = "Tạo PKI thử nghiệm vào thư mục / create a sandbox in DIR")
    static final class Init implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "DIR")
        Path dir;

        @Option(names = "--port", defaultValue = "8980", description = "Cổng máy chủ TSA/OCSP/CRL (127.0.0.1) / server port")
        int port;

        @Override
        public Integer call() {
            Sandbox sandbox = Sandbox.create(dir, port);
            Language lang = ((KysoCli) spec.root().userObject()).language();
            PrintWriter out = spec.commandLine().getOut();
            out.println((lang == Language.EN ? "Sandbox written to " : "Đã tạo PKI thử nghiệm tại ") + dir.toAbsolutePath());
            out.println("  root.pem chain.pem person1.p12 person2.p12 person3.p12 org.p12 revoked.p12 expired.p12 sandbox.json");
            out.println((lang == Language.EN ? "  PKCS#12 password: " : "  Mật khẩu PKCS#12: ") + Sandbox.PASSWORD);
            out.println("  TSA  " + sandbox.tsaUrl());
            out.println("  OCSP " + sandbox.ocspUrl());
            out.println("  CRL  " + sandbox.crlUrl());
            out.println(lang == Language.EN ? "Start its servers with: kyso sandbox serve " + dir
                    : "Chạy máy chủ: kyso sandbox serve " + dir);
            return ExitCodes.OK;
        }
    }

    /**
     * The port of a sandbox is inside its certificates (OCSP, CRL and CA addresses), so it cannot be
     * served elsewhere: the fix is to free the port or to make a sandbox for another port.
     */
    static KysoException portInUse(String baseUrl, KysoException cause) {
        String where = baseUrl.replace("http://", "");
        return KysoException.localized(ErrorCode.PORT_IN_USE, cause,
                where + "; hãy dừng chương trình đó, hoặc tạo PKI thử nghiệm cho cổng khác"
                        + " (địa chỉ máy chủ nằm trong chứng thư số): kyso sandbox init DIR --port 8981",
                where + "; stop that program, or make a sandbox for another port"
                        + " (the server address is inside its certificates): kyso sandbox init DIR --port 8981");
    }

    @Command(name = "serve", description = "Chạy TSA/OCSP/CRL của PKI thử nghiệm đến khi dừng / serve until stopped")
    static final class Serve implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "DIR")
        Path dir;

        @Override
        public Integer call() throws InterruptedException {
            Sandbox loaded = Sandbox.load(dir);
            Sandbox sandbox;
            try {
                sandbox = loaded.serve();
            } catch (KysoException e) {
                if (e.errorCode() != ErrorCode.PORT_IN_USE) {
                    throw e;
                }
                throw portInUse(loaded.baseUrl(), e);
            }
            CountDownLatch stopped = new CountDownLatch(1);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                sandbox.close();
                stopped.countDown();
            }));
            Language lang = ((KysoCli) spec.root().userObject()).language();
            PrintWriter out = spec.commandLine().getOut();
            out.println((lang == Language.EN ? "Serving on " : "Đang phục vụ tại ") + sandbox.baseUrl()
                    + (lang == Language.EN ? " (Ctrl+C to stop)" : " (Ctrl+C để dừng)"));
            out.flush();
            stopped.await();
            return ExitCodes.OK;
        }
    }
}
