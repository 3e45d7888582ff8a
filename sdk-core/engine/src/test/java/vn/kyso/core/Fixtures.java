package vn.kyso.core;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import vn.kyso.api.cert.Certificates;
import vn.kyso.api.token.SigningKey;
import vn.kyso.api.token.Token;
import vn.kyso.api.token.Tokens;
import vn.kyso.core.revocation.RevocationOptions;
import vn.kyso.core.trust.TrustAnchors;
import vn.kyso.core.tsp.TimestampClient;
import vn.kyso.testkit.Identity;
import vn.kyso.testkit.Sandbox;

/** Shared test helpers: keys from sandbox identities, files, openssl. */
public final class Fixtures {
    private Fixtures() {
    }

    /** A signing key (PKCS#12 soft token) for a sandbox identity. */
    public static SigningKey key(Identity id) {
        char[] pw = Sandbox.PASSWORD.toCharArray();
        Token t = Tokens.pkcs12(id.pkcs12(pw), pw, id.name());
        return t.firstKey();
    }

    public static TrustAnchors trust(Sandbox sb) {
        return TrustAnchors.of(List.of(sb.root()));
    }

    public static TimestampClient tsa(Sandbox sb) {
        return TimestampClient.builder().urls(List.of(sb.tsaUrl())).build();
    }

    /** Online revocation with short time-outs and no cache (tests change revocation status at runtime). */
    public static RevocationOptions online() {
        return RevocationOptions.builder().connectTimeout(Duration.ofSeconds(5)).readTimeout(Duration.ofSeconds(10))
                .cacheTtl(Duration.ZERO).build();
    }

    public static Path data(Path dir, String name, int size, long seed) throws IOException {
        byte[] b = new byte[size];
        new Random(seed).nextBytes(b);
        Path p = dir.resolve(name);
        Files.write(p, b);
        return p;
    }

    public static Path writePem(Path file, List<X509Certificate> certs) throws IOException {
        StringBuilder sb = new StringBuilder();
        for (X509Certificate c : certs) {
            sb.append(Certificates.toPem(c));
        }
        Files.writeString(file, sb.toString(), StandardCharsets.US_ASCII);
        return file;
    }

    public static Path writeKeyPem(Path file, PrivateKey key) throws IOException {
        String pem = "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(key.getEncoded())
                + "\n-----END PRIVATE KEY-----\n";
        Files.writeString(file, pem, StandardCharsets.US_ASCII);
        return file;
    }

    public static boolean hasOpenssl() {
        try {
            return run(List.of("openssl", "version"), Path.of(".")).exit == 0;
        } catch (IOException e) {
            return false;
        }
    }

    /** The result of a process. */
    public static final class Run {
        public final int exit;
        public final String out;

        Run(int exit, String out) {
            this.exit = exit;
            this.out = out;
        }
    }

    /** Runs a command (stdout+stderr merged) with a 2-minute limit. */
    public static Run run(List<String> cmd, Path dir) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(new ArrayList<>(cmd)).directory(dir.toFile()).redirectErrorStream(true);
        Process p = pb.start();
        try {
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(2, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                throw new IOException("timed out: " + cmd);
            }
            return new Run(p.exitValue(), new String(out, StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroyForcibly();
            throw new IOException(e);
        }
    }
}
