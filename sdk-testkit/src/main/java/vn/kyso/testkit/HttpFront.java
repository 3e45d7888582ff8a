package vn.kyso.testkit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateEncodingException;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Routes every HTTP request of the sandbox:
 * <pre>
 * POST /tsa                 RFC 3161, genTime = now
 * POST /tsa/at/&lt;millis&gt;     RFC 3161, genTime = the given epoch milliseconds
 * POST /ocsp                RFC 6960 (also POST /ocsp/)
 * GET  /ocsp/&lt;base64&gt;       RFC 6960 appendix A (URL-encoded or raw base64, standard or URL-safe alphabet)
 * GET  /crl/issuing.crl     CRL of the issuing CA (DER)
 * GET  /crl/root.crl        CRL of the root CA (DER)
 * GET  /ca/issuing.crt      issuing CA certificate (DER)
 * GET  /ca/root.crt         root CA certificate (DER)
 * </pre>
 * Every exchange is answered and closed, whatever happens.
 */
final class HttpFront implements HttpHandler {
    static final int MAX_BODY = 1 << 20;
    private static final Logger LOG = LoggerFactory.getLogger(HttpFront.class);

    private final Pki pki;
    private final TsaService tsa;
    private final OcspService ocsp;
    private final Map<String, AtomicInteger> counts;

    HttpFront(Pki pki, TsaService tsa, OcspService ocsp, Map<String, AtomicInteger> counts) {
        this.pki = pki;
        this.tsa = tsa;
        this.ocsp = ocsp;
        this.counts = counts;
    }

    @Override
    public void handle(HttpExchange exchange) {
        try {
            String path = exchange.getRequestURI().getRawPath();
            String method = exchange.getRequestMethod();
            if (path.equals("/tsa") || path.startsWith("/tsa/")) {
                counts.get("tsa").incrementAndGet();
                tsa(exchange, method, path);
            } else if (path.equals("/ocsp") || path.startsWith("/ocsp/")) {
                counts.get("ocsp").incrementAndGet();
                ocsp(exchange, method, path);
            } else if (path.startsWith("/crl/")) {
                counts.get("crl").incrementAndGet();
                crl(exchange, method, path);
            } else if (path.startsWith("/ca/")) {
                counts.get("ca").incrementAndGet();
                ca(exchange, method, path);
            } else {
                text(exchange, 404, "not found");
            }
        } catch (Exception e) {
            LOG.warn("sandbox HTTP: {} {} failed: {}", exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(), e.toString());
            try {
                text(exchange, 500, "internal error");
            } catch (Exception ignored) {
                // headers may already be sent
            }
        } finally {
            exchange.close();
        }
    }

    private void tsa(HttpExchange ex, String method, String path) throws IOException {
        Instant genTime;
        if (path.equals("/tsa") || path.equals("/tsa/")) {
            genTime = null;
        } else if (path.startsWith("/tsa/at/")) {
            try {
                genTime = Instant.ofEpochMilli(Long.parseLong(path.substring("/tsa/at/".length())));
            } catch (NumberFormatException e) {
                text(ex, 404, "expected /tsa/at/<epoch milliseconds>");
                return;
            }
        } else {
            text(ex, 404, "not found");
            return;
        }
        if (!"POST".equals(method)) {
            notAllowed(ex, "POST");
            return;
        }
        byte[] body = body(ex);
        if (body == null) {
            return;
        }
        send(ex, 200, "application/timestamp-reply", tsa.respond(body, genTime != null ? genTime : Instant.now()));
    }

    private void ocsp(HttpExchange ex, String method, String path) throws IOException {
        byte[] request;
        if ("POST".equals(method)) {
            if (!path.equals("/ocsp") && !path.equals("/ocsp/")) {
                text(ex, 404, "not found");
                return;
            }
            request = body(ex);
            if (request == null) {
                return;
            }
        } else if ("GET".equals(method)) {
            request = decodeGet(path.substring("/ocsp".length()));
        } else {
            notAllowed(ex, "GET, POST");
            return;
        }
        send(ex, 200, "application/ocsp-response", ocsp.respond(request));
    }

    private void crl(HttpExchange ex, String method, String path) throws IOException {
        Authority ca = path.equals("/crl/issuing.crl") ? pki.issuing() : path.equals("/crl/root.crl") ? pki.root() : null;
        if (ca == null) {
            text(ex, 404, "not found");
        } else if (!"GET".equals(method)) {
            notAllowed(ex, "GET");
        } else {
            send(ex, 200, "application/pkix-crl", ca.crl(Instant.now()));
        }
    }

    private void ca(HttpExchange ex, String method, String path) throws IOException {
        Authority ca = path.equals("/ca/issuing.crt") ? pki.issuing() : path.equals("/ca/root.crt") ? pki.root() : null;
        if (ca == null) {
            text(ex, 404, "not found");
        } else if (!"GET".equals(method)) {
            notAllowed(ex, "GET");
        } else {
            try {
                send(ex, 200, "application/pkix-cert", ca.certificate().getEncoded());
            } catch (CertificateEncodingException e) {
                throw new IOException(e);
            }
        }
    }

    /** The GET form of an OCSP request: what follows "/ocsp/", percent-decoded then base64-decoded. */
    static byte[] decodeGet(String rawTail) {
        String s = rawTail.startsWith("/") ? rawTail.substring(1) : rawTail;
        ByteArrayOutputStream out = new ByteArrayOutputStream(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '%' && i + 2 < s.length()) {
                int v = hexValue(s.charAt(i + 1)) * 16 + hexValue(s.charAt(i + 2));
                if (v >= 0) {
                    out.write(v);
                    i += 2;
                    continue;
                }
            }
            out.write(c);
        }
        String b64 = out.toString(StandardCharsets.ISO_8859_1).replaceAll("\\s", "").replace('-', '+').replace('_', '/');
        while (b64.length() % 4 != 0) {
            b64 += "=";
        }
        try {
            return Base64.getDecoder().decode(b64);
        } catch (IllegalArgumentException e) {
            return new byte[0];
        }
    }

    private static int hexValue(char c) {
        int v = Character.digit(c, 16);
        return v < 0 ? -1000 : v;
    }

    /** The request body, or null after answering 413 when it is too large. */
    private static byte[] body(HttpExchange ex) throws IOException {
        try (InputStream in = ex.getRequestBody()) {
            byte[] body = in.readNBytes(MAX_BODY + 1);
            if (body.length > MAX_BODY) {
                text(ex, 413, "request too large");
                return null;
            }
            return body;
        }
    }

    private static void notAllowed(HttpExchange ex, String allow) throws IOException {
        ex.getResponseHeaders().set("Allow", allow);
        text(ex, 405, "method not allowed");
    }

    private static void text(HttpExchange ex, int status, String message) throws IOException {
        send(ex, status, "text/plain; charset=utf-8", (message + "\n").getBytes(StandardCharsets.UTF_8));
    }

    private static void send(HttpExchange ex, int status, String contentType, byte[] body) throws IOException {
        ex.getResponseHeaders().set("Content-Type", contentType);
        ex.getResponseHeaders().set("Cache-Control", "no-store");
        ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        }
    }
}
