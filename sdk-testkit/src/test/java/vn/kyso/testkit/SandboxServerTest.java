package vn.kyso.testkit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.ConnectException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import vn.kyso.api.ErrorCode;
import vn.kyso.api.KysoException;
import vn.kyso.api.Language;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.cmp.PKIFailureInfo;
import org.bouncycastle.asn1.cmp.PKIStatus;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.CertificateStatus;
import org.bouncycastle.cert.ocsp.OCSPReqBuilder;
import org.bouncycastle.cert.ocsp.OCSPReq;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.cert.ocsp.SingleResp;
import org.bouncycastle.cert.ocsp.UnknownStatus;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The HTTP services of a running sandbox, driven with the JDK HTTP client and Bouncy Castle. */
class SandboxServerTest {
    private static Sandbox sandbox;

    @BeforeAll
    static void start() {
        sandbox = Sandbox.start();
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    private static int port() {
        return Integer.parseInt(sandbox.baseUrl().substring(sandbox.baseUrl().lastIndexOf(':') + 1));
    }

    @Test
    void garbageTimeStampRequestIsRejectedQuickly() {
        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
            int before = sandbox.requestCount("tsa");
            for (byte[] garbage : List.of("xin chào, đây không phải là TimeStampReq".getBytes(StandardCharsets.UTF_8),
                    new byte[0], new byte[] {0x30, (byte) 0x82, 0x7f, 0x7f, 0x02}, randomBytes(4096))) {
                HttpResponse<byte[]> r = TestSupport.post(sandbox.tsaUrl(), "application/timestamp-query", garbage);
                assertEquals(200, r.statusCode());
                assertEquals("application/timestamp-reply", r.headers().firstValue("Content-Type").orElse(""));
                TimeStampResponse response = new TimeStampResponse(r.body());
                assertEquals(PKIStatus.REJECTION, response.getStatus());
                assertNotNull(response.getFailInfo());
                assertEquals(PKIFailureInfo.badRequest, response.getFailInfo().intValue());
                assertNull(response.getTimeStampToken());
            }
            assertEquals(before + 4, sandbox.requestCount("tsa"));
        });
    }

    @Test
    void unacceptableTimeStampRequestsAreRejected() throws Exception {
        TimeStampRequestGenerator g = new TimeStampRequestGenerator();
        HttpResponse<byte[]> sha1 = TestSupport.post(sandbox.tsaUrl(), "application/timestamp-query",
                g.generate(TSPAlgorithms.SHA1, new byte[20]).getEncoded());
        TimeStampResponse r1 = new TimeStampResponse(sha1.body());
        assertEquals(PKIStatus.REJECTION, r1.getStatus());
        assertEquals(PKIFailureInfo.badAlg, r1.getFailInfo().intValue());

        g.setReqPolicy(new org.bouncycastle.asn1.ASN1ObjectIdentifier("1.2.3.4"));
        TimeStampResponse r2 = new TimeStampResponse(TestSupport.post(sandbox.tsaUrl(), "application/timestamp-query",
                g.generate(TSPAlgorithms.SHA256, new byte[32]).getEncoded()).body());
        assertEquals(PKIStatus.REJECTION, r2.getStatus());
        assertEquals(PKIFailureInfo.unacceptedPolicy, r2.getFailInfo().intValue());

        TimeStampRequestGenerator wrongLength = new TimeStampRequestGenerator();
        TimeStampResponse r3 = new TimeStampResponse(TestSupport.post(sandbox.tsaUrl(), "application/timestamp-query",
                wrongLength.generate(TSPAlgorithms.SHA256, new byte[20]).getEncoded()).body());
        assertEquals(PKIStatus.REJECTION, r3.getStatus());
    }

    @Test
    void bcClientGetsAGrantedTokenWithNonce() throws Exception {
        TimeStampRequestGenerator g = new TimeStampRequestGenerator();
        g.setCertReq(true);
        BigInteger nonce = new BigInteger(64, new SecureRandom());
        var request = g.generate(TSPAlgorithms.SHA384, new byte[48], nonce);
        TimeStampResponse r = new TimeStampResponse(TestSupport.post(sandbox.tsaUrl(), "application/timestamp-query",
                request.getEncoded()).body());
        assertEquals(PKIStatus.GRANTED, r.getStatus());
        r.validate(request);
        assertEquals(nonce, r.getTimeStampToken().getTimeStampInfo().getNonce());
    }

    @Test
    void wrongMethodsAndPathsGetHttpErrors() {
        assertEquals(405, TestSupport.get(sandbox.tsaUrl()).statusCode());
        assertEquals(404, TestSupport.get(sandbox.baseUrl() + "/nothing-here").statusCode());
        assertEquals(404, TestSupport.post(sandbox.baseUrl() + "/tsa/at/yesterday", "application/timestamp-query", new byte[1]).statusCode());
        assertEquals(404, TestSupport.get(sandbox.baseUrl() + "/crl/other.crl").statusCode());
        assertEquals(405, TestSupport.post(sandbox.crlUrl(), "text/plain", new byte[1]).statusCode());
    }

    @Test
    void malformedOcspRequestGetsMalformedRequestStatus() throws Exception {
        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
            for (byte[] garbage : List.of("không phải OCSP".getBytes(StandardCharsets.UTF_8), new byte[0], randomBytes(1000))) {
                HttpResponse<byte[]> r = TestSupport.post(sandbox.ocspUrl(), "application/ocsp-request", garbage);
                assertEquals(200, r.statusCode());
                assertEquals(OCSPResp.MALFORMED_REQUEST, new OCSPResp(r.body()).getStatus());
            }
            HttpResponse<byte[]> get = TestSupport.get(sandbox.ocspUrl() + "/bm90IE9DU1A%3D");
            assertEquals(OCSPResp.MALFORMED_REQUEST, new OCSPResp(get.body()).getStatus());
        });
    }

    @Test
    void ocspGetWithNonceIsSignedByTheDelegatedResponder() throws Exception {
        byte[] nonce = randomBytes(16);
        OCSPReq req = TestSupport.ocspRequest(sandbox.person1().certificate(), sandbox.issuingCa(), nonce);
        String b64 = Base64.getEncoder().encodeToString(req.getEncoded());
        for (String path : List.of(URLEncoder.encode(b64, StandardCharsets.US_ASCII), b64)) {
            HttpResponse<byte[]> r = TestSupport.get(sandbox.ocspUrl() + "/" + path);
            assertEquals(200, r.statusCode());
            assertEquals("application/ocsp-response", r.headers().firstValue("Content-Type").orElse(""));
            OCSPResp resp = new OCSPResp(r.body());
            assertEquals(OCSPResp.SUCCESSFUL, resp.getStatus());
            BasicOCSPResp basic = (BasicOCSPResp) resp.getResponseObject();
            assertEquals(new JcaX509CertificateHolder(sandbox.ocspResponder().certificate()), basic.getCerts()[0]);
            assertTrue(basic.isSignatureValid(new JcaContentVerifierProviderBuilder().build(sandbox.ocspResponder().certificate())));
            byte[] echoed = ASN1OctetString.getInstance(
                    basic.getExtension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce).getParsedValue()).getOctets();
            assertArrayEquals(nonce, echoed);
            SingleResp single = basic.getResponses()[0];
            assertEquals(CertificateStatus.GOOD, single.getCertStatus());
            assertEquals(Duration.ofHours(1), Duration.between(single.getThisUpdate().toInstant(), single.getNextUpdate().toInstant()));
            Duration age = Duration.between(single.getThisUpdate().toInstant(), Instant.now());
            assertTrue(!age.isNegative() && age.compareTo(Duration.ofMinutes(1)) < 0, age.toString());
        }
    }

    @Test
    void ocspAnswersUnknownForSerialsNeverIssued() throws Exception {
        // Same issuer hashes, serial never issued: UNKNOWN.
        OCSPReq req = TestSupport.ocspRequest(sandbox.person1().certificate(), sandbox.issuingCa(), null);
        CertificateID id = CertificateID.deriveCertificateID(req.getRequestList()[0].getCertID(), BigInteger.valueOf(42));
        BasicOCSPResp r1 = (BasicOCSPResp) new OCSPResp(TestSupport.post(sandbox.ocspUrl(), "application/ocsp-request",
                new OCSPReqBuilder().addRequest(id).build().getEncoded()).body()).getResponseObject();
        assertTrue(r1.getResponses()[0].getCertStatus() instanceof UnknownStatus);
        // A certificate of another sandbox (another issuer): UNKNOWN too.
        X509Certificate foreign;
        X509Certificate foreignIssuer;
        try (Sandbox other = Sandbox.start()) {
            foreign = other.person1().certificate();
            foreignIssuer = other.issuingCa();
        }
        BasicOCSPResp r2 = TestSupport.ocsp(sandbox, foreign, foreignIssuer);
        assertTrue(r2.getResponses()[0].getCertStatus() instanceof UnknownStatus);
    }

    @Test
    void ocspForTheSubCaIsAnsweredByTheRoot() throws Exception {
        BasicOCSPResp basic = TestSupport.ocsp(sandbox, sandbox.issuingCa(), sandbox.root());
        assertEquals(CertificateStatus.GOOD, basic.getResponses()[0].getCertStatus());
        assertTrue(basic.isSignatureValid(new JcaContentVerifierProviderBuilder().build(sandbox.root())));
    }

    @Test
    void revokeFlipsOcspAndCrlForPerson2() throws Exception {
        X509Certificate person2 = sandbox.person2().certificate();
        assertEquals(CertificateStatus.GOOD, TestSupport.ocsp(sandbox, person2, sandbox.issuingCa()).getResponses()[0].getCertStatus());
        assertNull(crl(sandbox.crlUrl()).getRevokedCertificate(person2));

        Instant when = Instant.now().minus(Duration.ofHours(2)).truncatedTo(ChronoUnit.SECONDS);
        sandbox.revoke(sandbox.person2(), when);

        CertificateStatus status = TestSupport.ocsp(sandbox, person2, sandbox.issuingCa()).getResponses()[0].getCertStatus();
        assertTrue(status instanceof RevokedStatus, String.valueOf(status));
        RevokedStatus revoked = (RevokedStatus) status;
        assertEquals(when, revoked.getRevocationTime().toInstant());
        assertEquals(CRLReason.keyCompromise, revoked.getRevocationReason());
        X509CRL crl = crl(sandbox.crlUrl());
        assertNotNull(crl.getRevokedCertificate(person2));
        assertEquals(when, crl.getRevokedCertificate(person2).getRevocationDate().toInstant());
        // Others unaffected.
        assertEquals(CertificateStatus.GOOD, TestSupport.ocsp(sandbox, sandbox.person1().certificate(), sandbox.issuingCa())
                .getResponses()[0].getCertStatus());
    }

    @Test
    void crlsAreFreshSignedAndNumbered() throws Exception {
        int before = sandbox.requestCount("crl");
        X509CRL first = crl(sandbox.crlUrl());
        X509CRL second = crl(sandbox.crlUrl());
        first.verify(sandbox.issuingCa().getPublicKey());
        assertEquals(sandbox.issuingCa().getSubjectX500Principal(), first.getIssuerX500Principal());
        assertEquals(Duration.ofDays(1), Duration.between(first.getThisUpdate().toInstant(), first.getNextUpdate().toInstant()));
        assertTrue(crlNumber(second).compareTo(crlNumber(first)) > 0);
        assertNotNull(first.getRevokedCertificate(sandbox.revokedPerson().certificate()));
        Instant expectedRevocation = sandbox.revokedPerson().certificate().getNotBefore().toInstant()
                .plus(Duration.ofDays(365)).minus(Duration.ofMinutes(1));
        assertTrue(Duration.between(expectedRevocation, first.getRevokedCertificate(sandbox.revokedPerson().certificate())
                .getRevocationDate().toInstant()).abs().compareTo(Duration.ofDays(1)) < 0);

        X509CRL root = crl(sandbox.rootCrlUrl());
        root.verify(sandbox.root().getPublicKey());
        assertNull(root.getRevokedCertificates());
        assertEquals(before + 3, sandbox.requestCount("crl"));
    }

    private static BigInteger crlNumber(X509CRL crl) {
        return org.bouncycastle.asn1.ASN1Integer.getInstance(ASN1OctetString.getInstance(
                crl.getExtensionValue("2.5.29.20")).getOctets()).getValue();
    }

    private static X509CRL crl(String url) throws Exception {
        HttpResponse<byte[]> r = TestSupport.get(url);
        assertEquals(200, r.statusCode());
        assertEquals("application/pkix-crl", r.headers().firstValue("Content-Type").orElse(""));
        return (X509CRL) CertificateFactory.getInstance("X.509").generateCRL(new java.io.ByteArrayInputStream(r.body()));
    }

    @Test
    void caCertificatesAreServedAsDer() throws Exception {
        int before = sandbox.requestCount("ca");
        HttpResponse<byte[]> issuing = TestSupport.get(sandbox.baseUrl() + "/ca/issuing.crt");
        HttpResponse<byte[]> root = TestSupport.get(sandbox.baseUrl() + "/ca/root.crt");
        assertArrayEquals(sandbox.issuingCa().getEncoded(), issuing.body());
        assertArrayEquals(sandbox.root().getEncoded(), root.body());
        assertEquals("application/pkix-cert", root.headers().firstValue("Content-Type").orElse(""));
        assertEquals(before + 2, sandbox.requestCount("ca"));
    }

    @Test
    void concurrentRequestsAreAllAnswered() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<CertificateStatus>> futures = new ArrayList<>();
            for (int i = 0; i < 24; i++) {
                futures.add(pool.submit(() -> TestSupport.ocsp(sandbox, sandbox.person3().certificate(), sandbox.issuingCa())
                        .getResponses()[0].getCertStatus()));
            }
            for (Future<CertificateStatus> f : futures) {
                assertEquals(CertificateStatus.GOOD, f.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void listensOnLoopbackOnly() throws Exception {
        assertTrue(sandbox.baseUrl().startsWith("http://127.0.0.1:"));
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), port()), 2000);
        }
        List<InetAddress> others = new ArrayList<>();
        for (NetworkInterface ni : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            for (InetAddress a : Collections.list(ni.getInetAddresses())) {
                if (!a.isLoopbackAddress()) {
                    others.add(a);
                }
            }
        }
        // ::1 and 127.0.0.2 are loopback but not 127.0.0.1: nothing may answer there either.
        others.add(InetAddress.getByName("127.0.0.2"));
        others.add(InetAddress.getByName("::1"));
        assumeTrue(!others.isEmpty());
        for (InetAddress a : others) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(a, port()), 1000);
                throw new AssertionError("the sandbox answers on " + a);
            } catch (ConnectException | SocketTimeoutException expected) {
                // refused (or filtered): not listening there
            } catch (IOException e) {
                // e.g. no route / address family unsupported: not reachable either
            }
        }
        assertTrue(others.stream().anyMatch(a -> a instanceof Inet4Address));
    }

    @Test
    void startOnAGivenPortAndStopOnClose(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            port = s.getLocalPort();
        }
        Sandbox fixed = Sandbox.start(port);
        try {
            assertEquals("http://127.0.0.1:" + port, fixed.baseUrl());
            assertEquals(fixed.baseUrl() + "/ocsp", fixed.ocspUrl());
            assertEquals(200, TestSupport.get(fixed.crlUrl()).statusCode());
            assertTrue(fixed.serve() == fixed);
            // The port is taken: a second sandbox cannot start there, and the error says so and how to fix it.
            KysoException busy = assertThrows(KysoException.class, () -> Sandbox.start(port));
            assertEquals(ErrorCode.PORT_IN_USE, busy.errorCode());
            assertEquals("[KYSO-304] Cổng mạng đang được một chương trình khác sử dụng: 127.0.0.1:" + port
                    + "; hãy dừng chương trình đó hoặc chọn cổng khác (--port, 0 để chọn một cổng trống)",
                    busy.message(Language.VI));
            assertEquals("[KYSO-304] The network port is in use by another program: 127.0.0.1:" + port
                    + "; stop that program or choose another port (--port, 0 for any free port)",
                    busy.message(Language.EN));
            fixed.writeTo(dir);
            Sandbox twin = Sandbox.load(dir);
            assertEquals(ErrorCode.PORT_IN_USE, assertThrows(KysoException.class, twin::serve).errorCode());
        } finally {
            fixed.close();
            fixed.close();
        }
        assertThrows(UncheckedIOException.class, () -> TestSupport.get(fixed.crlUrl()));
        // serve() brings it back on the same port, with the same PKI.
        try (Sandbox again = fixed.serve()) {
            HttpResponse<byte[]> r = TestSupport.get(again.baseUrl() + "/ca/root.crt");
            assertEquals(200, r.statusCode());
            assertArrayEquals(fixed.root().getEncoded(), r.body());
        }
        KysoException range = assertThrows(KysoException.class, () -> Sandbox.start(70000));
        assertEquals("[KYSO-100] Invalid argument: port=70000, 0..65535", range.getMessage());
    }

    private static byte[] randomBytes(int n) {
        byte[] b = new byte[n];
        new SecureRandom().nextBytes(b);
        return b;
    }
}
