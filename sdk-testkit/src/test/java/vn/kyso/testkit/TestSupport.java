package vn.kyso.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.OCSPReq;
import org.bouncycastle.cert.ocsp.OCSPReqBuilder;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import vn.kyso.api.cert.Certificates;

/** HTTP, OCSP and openssl helpers for the testkit tests. */
final class TestSupport {
    static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    private TestSupport() {
    }

    static HttpResponse<byte[]> post(String url, String contentType, byte[] body) {
        return send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
                .header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());
    }

    static HttpResponse<byte[]> get(String url) {
        return send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).GET().build());
    }

    private static HttpResponse<byte[]> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static OCSPReq ocspRequest(X509Certificate cert, X509Certificate issuer, byte[] nonce) throws Exception {
        CertificateID id = new CertificateID(new JcaDigestCalculatorProviderBuilder().build().get(CertificateID.HASH_SHA1),
                new JcaX509CertificateHolder(issuer), cert.getSerialNumber());
        OCSPReqBuilder b = new OCSPReqBuilder().addRequest(id);
        if (nonce != null) {
            b.setRequestExtensions(new Extensions(new Extension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce, false,
                    new DEROctetString(nonce))));
        }
        return b.build();
    }

    /** POSTs an OCSP request for one certificate and returns the basic response (asserting success). */
    static BasicOCSPResp ocsp(Sandbox sandbox, X509Certificate cert, X509Certificate issuer) throws Exception {
        HttpResponse<byte[]> r = post(sandbox.ocspUrl(), "application/ocsp-request", ocspRequest(cert, issuer, null).getEncoded());
        assertEquals(200, r.statusCode());
        OCSPResp resp = new OCSPResp(r.body());
        assertEquals(OCSPResp.SUCCESSFUL, resp.getStatus());
        return (BasicOCSPResp) resp.getResponseObject();
    }

    static Path writePem(Path file, X509Certificate... certs) throws IOException {
        StringBuilder sb = new StringBuilder();
        for (X509Certificate c : certs) {
            sb.append(Certificates.toPem(c));
        }
        Files.writeString(file, sb.toString(), StandardCharsets.US_ASCII);
        return file;
    }

    static String hex(BigInteger serial) {
        return serial.toString(16).toUpperCase(java.util.Locale.ROOT);
    }

    /** The result of running a program: exit code and stdout+stderr together. */
    record Run(int exit, String output) {
    }

    static boolean opensslAvailable() {
        try {
            return run(Path.of("."), "openssl", "version").exit() == 0;
        } catch (RuntimeException e) {
            return false;
        }
    }

    static Run openssl(Path dir, String... args) {
        List<String> cmd = new ArrayList<>();
        cmd.add("openssl");
        cmd.addAll(Arrays.asList(args));
        return run(dir, cmd.toArray(new String[0]));
    }

    static Run run(Path dir, String... cmd) {
        try {
            Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
            p.getOutputStream().close();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException("timeout: " + String.join(" ", cmd));
            }
            return new Run(p.exitValue(), new String(out, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
