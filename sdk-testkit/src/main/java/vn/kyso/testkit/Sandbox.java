package vn.kyso.testkit;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.kyso.api.ErrorCode;
import vn.kyso.api.KysoException;
import vn.kyso.api.internal.Args;

/**
 * A throw-away PKI with Vietnamese-style certificates and the services a signer and a verifier need,
 * as real HTTP servers on the loopback interface: an RFC 3161 time-stamping authority, an RFC 6960 OCSP
 * responder, CRLs and the CA certificates (for AIA "caIssuers").
 *
 * <p><b>What it guarantees.</b>
 * <ul>
 *   <li>Everything is generated at run time with fresh random keys: nothing secret is committed, and two
 *       sandboxes never share a key. Every certificate is clearly marked as a test certificate.</li>
 *   <li>The PKI: a root CA (valid now-10y..now+20y), one issuing sub-CA (now-8y..now+10y) and eight
 *       leaves, all signed with SHA-256 with RSA, with random positive 80-bit serial numbers, SKI and
 *       AKI. Subjects follow the Vietnamese conventions (C, ST, L, O, OU, CN as UTF8String with
 *       diacritics, UID {@code CCCD:...} for persons and {@code MST:0101234567-001} for the
 *       organisation). Leaves carry AIA (OCSP = {@link #ocspUrl()}, caIssuers =
 *       {@code baseUrl()/ca/issuing.crt}) and a CRL distribution point {@link #crlUrl()}; the sub-CA
 *       carries {@link #rootCrlUrl()} and caIssuers {@code baseUrl()/ca/root.crt}.</li>
 *   <li>The HTTP server listens on 127.0.0.1 only (never on another interface), on the port chosen when
 *       the sandbox was made: the URLs are inside the certificates, so they never change.</li>
 *   <li>OCSP and CRLs always reflect the current revocations: {@link #revoke} takes effect for the very
 *       next request. All methods are thread-safe.</li>
 *   <li>Malformed requests get a protocol-level answer (TSA: status rejection / badRequest; OCSP:
 *       malformedRequest), never a hang.</li>
 * </ul>
 *
 * <p><b>Limits.</b> It is a test fixture: keys are software keys, the password of every file it writes
 * is the public constant {@link #PASSWORD}, and there is no TLS. Close it (try-with-resources) to stop
 * the server. Runtime revocations are kept in memory; {@link #writeTo(Path)} saves them.
 *
 * <pre>{@code
 * try (Sandbox sandbox = Sandbox.start()) {
 *     Identity signer = sandbox.person1();
 *     String tsa = sandbox.tsaUrl();
 *     ...
 * }
 * }</pre>
 */
public final class Sandbox implements AutoCloseable {
    /** The password of every PKCS#12 file the sandbox writes. Not a secret. */
    public static final String PASSWORD = "sandbox";

    private static final Logger LOG = LoggerFactory.getLogger(Sandbox.class);
    private static final List<String> KINDS = List.of("tsa", "ocsp", "crl", "ca");
    private static final int HTTP_THREADS = 4;

    static {
        // The JDK HTTP server reads this once, when its first instance is made: without TCP_NODELAY every
        // loopback request waits about 40 ms for a delayed ACK (a time-stamp 53-62 ms instead of 5 ms).
        // Set here, before the sandbox makes its server, unless the JVM was started with a choice.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private final Pki pki;
    private final TsaService tsa;
    private final OcspService ocsp;
    private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();
    private final Object lock = new Object();
    private HttpServer server;
    private ExecutorService executor;

    private Sandbox(Pki pki) {
        this.pki = pki;
        this.tsa = new TsaService(pki.identity("tsa"));
        this.ocsp = new OcspService(pki.root(), pki.issuing(), pki.identity("ocsp"));
        for (String kind : KINDS) {
            counts.put(kind, new AtomicInteger());
        }
    }

    /**
     * {@return a fresh PKI served on 127.0.0.1 at a random free port}
     *
     * @throws KysoException {@link ErrorCode#PORT_IN_USE} if no port can be bound
     */
    public static Sandbox start() {
        return start(0);
    }

    /**
     * {@return a fresh PKI served on 127.0.0.1 at {@code port} (0 = a random free port)} The port is bound
     * before
     * the certificates are issued, since their URLs name it.
     *
     * @param port the port to serve on, 0 for any free port
     * @throws KysoException {@link ErrorCode#PORT_IN_USE} if another program listens on the port,
     * {@link ErrorCode#INVALID_ARGUMENT} if it is not 0..65535
     * @throws UncheckedIOException if the server cannot be made for another reason
     */
    public static Sandbox start(int port) {
        checkPort(port);
        HttpServer http = bind(port);
        try {
            Sandbox sandbox = new Sandbox(Pki.generate(new Endpoints(http.getAddress().getPort()), Instant.now()));
            sandbox.run(http);
            return sandbox;
        } catch (RuntimeException | Error e) {
            http.stop(0);
            throw e;
        }
    }

    /**
     * {@return a fresh PKI whose URLs name {@code port}, written to {@code dir} (see {@link #writeTo(Path)})
     * and
     * NOT served: call {@link #serve()} to serve it, or {@link #load(Path)} it later, e.g. in another
     * process} With port 0 a port that is free right now is picked (nothing keeps it reserved).
     *
     * @param dir the directory to write to
     * @param port the port the URLs name, 0 for one free now
     * @throws UncheckedIOException if the files cannot be written
     */
    public static Sandbox create(Path dir, int port) {
        Args.notNull(dir, "dir");
        checkPort(port);
        Sandbox sandbox = new Sandbox(Pki.generate(new Endpoints(port == 0 ? freePort() : port), Instant.now()));
        sandbox.writeTo(dir);
        return sandbox;
    }

    /**
     * Reloads a sandbox written by {@link #create(Path, int)} or {@link #writeTo(Path)}: the same keys,
     * certificates, port and revocations (as they were when written). It is not served until
     * {@link #serve()}.
     *
     * @param dir the directory it was written to
     * @return the sandbox, not served
     * @throws UncheckedIOException if the files cannot be read
     * @throws IllegalStateException if they are damaged or incomplete
     */
    public static Sandbox load(Path dir) {
        Args.notNull(dir, "dir");
        Sandbox sandbox = new Sandbox(SandboxFiles.load(dir));
        LOG.debug("Loaded the Kyso sandbox of {} (port {})", dir, sandbox.pki.endpoints().port());
        return sandbox;
    }

    /**
     * Starts the HTTP server on 127.0.0.1 at this sandbox's port if it is not running.
     *
     * @return this sandbox
     * @throws KysoException {@link ErrorCode#PORT_IN_USE} if another program listens on the port
     * @throws UncheckedIOException if the server cannot be made for another reason
     */
    public Sandbox serve() {
        synchronized (lock) {
            if (server == null) {
                run(bind(pki.endpoints().port()));
            }
        }
        return this;
    }

    private void run(HttpServer http) {
        synchronized (lock) {
            int port = http.getAddress().getPort();
            AtomicInteger n = new AtomicInteger();
            ThreadFactory threads = r -> {
                Thread t = new Thread(r, "kyso-sandbox-" + port + "-" + n.incrementAndGet());
                t.setDaemon(true);
                return t;
            };
            ExecutorService pool = Executors.newFixedThreadPool(HTTP_THREADS, threads);
            http.createContext("/", new HttpFront(pki, tsa, ocsp, counts));
            http.setExecutor(pool);
            http.start();
            server = http;
            executor = pool;
            LOG.info("Kyso sandbox serving on {}", pki.endpoints().base());
        }
    }

    /**
     * Writes the sandbox to {@code dir} (created if needed), each file atomically:
     * {@code root.pem}; {@code chain.pem} (the intermediates); {@code person1.p12}, {@code person2.p12},
     * {@code person3.p12}, {@code org.p12}, {@code revoked.p12}, {@code expired.p12} (key + chain, alias =
     * identity name, password {@link #PASSWORD}); {@code sandbox.json} (port, URLs, and for each
     * identity its file, subject and serial in hex); {@code sandbox-ca.p12} (every key, including the CA,
     * TSA and OCSP keys, and the current revocations) from which {@link #load(Path)} restores the
     * sandbox.
     *
     * @param dir the directory to write to (created if needed)
     * @throws UncheckedIOException if a file cannot be written
     */
    public void writeTo(Path dir) {
        Args.notNull(dir, "dir");
        SandboxFiles.write(pki, dir);
    }

    /** {@return the self-signed root CA certificate: the trust anchor of every chain} */
    public X509Certificate root() {
        return pki.root().certificate();
    }

    /** {@return the issuing sub-CA certificate, which signs every leaf} */
    public X509Certificate issuingCa() {
        return pki.issuing().certificate();
    }

    /** {@return the intermediate certificates between the leaves and the root: {@code [issuingCa()]}} */
    public List<X509Certificate> intermediates() {
        return List.of(issuingCa());
    }

    /**
     * Nguyễn Văn An, {@code CCCD:001085012345}: RSA-2048, valid now-1y..now+2y.
     *
     * @return the identity
     */
    public Identity person1() {
        return pki.identity("person1");
    }

    /**
     * Trần Thị Bình, a second person: RSA-2048, valid now-1y..now+2y.
     *
     * @return the identity
     */
    public Identity person2() {
        return pki.identity("person2");
    }

    /**
     * Lê Hoàng Cường, a person with an ECDSA P-256 key, valid now-1y..now+2y.
     *
     * @return the identity
     */
    public Identity person3() {
        return pki.identity("person3");
    }

    /**
     * {@return the organisation "Sở Khoa học và Công nghệ Hà Nội" (seal certificate): RSA-2048, UID
     * {@code MST:0101234567-001}, no personal identifier}
     */
    public Identity organization() {
        return pki.identity("org");
    }

    /**
     * Phạm Văn Dũng: a person revoked (keyCompromise) from the start, one minute before creation.
     *
     * @return the identity
     */
    public Identity revokedPerson() {
        return pki.identity("revoked");
    }

    /**
     * Hoàng Thị Én: a person whose certificate was valid from 3 years ago until 30 days ago.
     *
     * @return the identity
     */
    public Identity expiredPerson() {
        return pki.identity("expired");
    }

    /** {@return the time-stamping unit: EKU timeStamping (critical), valid now-5y..now+5y} */
    public Identity tsa() {
        return pki.identity("tsa");
    }

    /** {@return the delegated OCSP responder: EKU OCSPSigning and id-pkix-ocsp-nocheck, valid now-5y..now+5y} */
    public Identity ocspResponder() {
        return pki.identity("ocsp");
    }

    /**
     * {@code http://127.0.0.1:PORT}, without a trailing slash.
     *
     * @return the base URL
     */
    public String baseUrl() {
        return pki.endpoints().base();
    }

    /**
     * RFC 3161 over HTTP: POST {@code application/timestamp-query}, answer
     * {@code application/timestamp-reply}; genTime is the current time.
     *
     * @return the URL of the time-stamp authority
     */
    public String tsaUrl() {
        return pki.endpoints().tsa();
    }

    /**
     * {@return a TSA URL whose tokens carry {@code time} (to the second) as genTime
     * ({@code baseUrl()/tsa/at/<epochMillis>}), to make "old" time-stamps} The TSA certificate is valid from
     * five years ago: earlier times give tokens
     * that a verifier must reject.
     *
     * @param time the genTime the tokens carry
     */
    public String tsaUrlAt(Instant time) {
        Args.notNull(time, "time");
        return pki.endpoints().tsaAt(time);
    }

    /**
     * RFC 6960 responder: POST to this URL, or GET {@code ocspUrl() + "/" + urlencoded base64 request}.
     *
     * @return the URL of the OCSP responder
     */
    public String ocspUrl() {
        return pki.endpoints().ocsp();
    }

    /** {@return the CRL of the issuing CA (DER), fresh at each request: thisUpdate now, nextUpdate now+1 day} */
    public String crlUrl() {
        return pki.endpoints().crl();
    }

    /** {@return the CRL of the root CA (DER): empty, since the sub-CA is never revoked} */
    public String rootCrlUrl() {
        return pki.endpoints().rootCrl();
    }

    /**
     * Revokes an identity of this sandbox (reason keyCompromise) at {@code when}: OCSP and the CRL
     * report it from the next request on. Revoking again replaces the time.
     *
     * @param who an identity of this sandbox
     * @param when the revocation time
     * @throws KysoException {@link ErrorCode#INVALID_ARGUMENT} if {@code who} is not an identity of this sandbox
     */
    public void revoke(Identity who, Instant when) {
        Args.notNull(who, "who");
        Args.notNull(when, "when");
        Identity own = pki.identities().get(who.name());
        if (own == null || !own.certificate().equals(who.certificate())) {
            throw KysoException.localized(ErrorCode.INVALID_ARGUMENT, null,
                    who.name() + " không phải là danh tính của PKI thử nghiệm này",
                    who.name() + " is not an identity of this sandbox");
        }
        pki.issuing().revoke(own.certificate().getSerialNumber(), when);
        LOG.debug("Sandbox: revoked {} at {}", who.name(), when);
    }

    /**
     * {@return how many HTTP requests of a kind were received so far, answered or rejected: {@code "tsa"},
     * {@code "ocsp"}, {@code "crl"} (both CRLs) or {@code "ca"} (CA certificates)}
     *
     * @param kind {@code tsa}, {@code ocsp}, {@code crl} or {@code ca}
     * @throws KysoException {@link ErrorCode#INVALID_ARGUMENT} for any other kind
     */
    public int requestCount(String kind) {
        AtomicInteger count = counts.get(Args.notNull(kind, "kind"));
        if (count == null) {
            throw new KysoException(ErrorCode.INVALID_ARGUMENT, "kind=" + kind, String.join("|", KINDS));
        }
        return count.get();
    }

    /** Stops the HTTP server if it runs (it may be started again with {@link #serve()}). Never throws. */
    @Override
    public void close() {
        synchronized (lock) {
            if (server != null) {
                server.stop(0);
                executor.shutdownNow();
                server = null;
                executor = null;
                LOG.info("Kyso sandbox on {} stopped", pki.endpoints().base());
            }
        }
    }

    @Override
    public String toString() {
        return "Sandbox[" + baseUrl() + "]";
    }

    private static void checkPort(int port) {
        if (port < 0 || port > 65535) {
            throw new KysoException(ErrorCode.INVALID_ARGUMENT, "port=" + port, "0..65535");
        }
    }

    static InetAddress loopback() {
        try {
            return InetAddress.getByAddress(Endpoints.HOST, new byte[] {127, 0, 0, 1});
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    private static HttpServer bind(int port) {
        try {
            return HttpServer.create(new InetSocketAddress(loopback(), port), 50);
        } catch (BindException e) {
            throw portInUse(port, e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on " + Endpoints.HOST + ":" + port, e);
        }
    }

    /**
     * The error of a server that cannot listen on {@code port} because another program does: names the
     * address and says how to fix it (stop that program or choose another port, e.g. with {@code --port}).
     */
    private static KysoException portInUse(int port, Throwable cause) {
        String where = Endpoints.HOST + ":" + port;
        return KysoException.localized(ErrorCode.PORT_IN_USE, cause,
                where + "; hãy dừng chương trình đó hoặc chọn cổng khác (--port, 0 để chọn một cổng trống)",
                where + "; stop that program or choose another port (--port, 0 for any free port)");
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, loopback())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port on " + Endpoints.HOST, e);
        }
    }
}
