package vn.kyso.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.bouncycastle.tsp.TimeStampToken;
import org.bouncycastle.cms.CMSSignedData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.kyso.api.DigestAlgorithm;
import vn.kyso.api.ErrorCode;
import vn.kyso.api.KysoException;
import vn.kyso.core.tsp.TimestampClient;
import vn.kyso.testkit.Sandbox;

/** RFC 3161 client: failover, time-outs, checks. */
class TimestampClientTest {
    static Sandbox sandbox;
    static ServerSocket silent;
    static final List<Socket> held = new CopyOnWriteArrayList<>();
    static String deadUrl;

    @BeforeAll
    static void start() throws IOException {
        sandbox = Sandbox.start();
        // A server that accepts connections and never answers.
        silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread t = new Thread(() -> {
            while (!silent.isClosed()) {
                try {
                    held.add(silent.accept());
                } catch (IOException e) {
                    return;
                }
            }
        }, "silent-server");
        t.setDaemon(true);
        t.start();
        // A port nobody listens on.
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            deadUrl = "http://127.0.0.1:" + s.getLocalPort() + "/tsa";
        }
    }

    @AfterAll
    static void stop() throws IOException {
        silent.close();
        for (Socket s : held) {
            s.close();
        }
        if (sandbox != null) {
            sandbox.close();
        }
    }

    static String silentUrl() {
        return "http://127.0.0.1:" + silent.getLocalPort() + "/tsa";
    }

    @Test
    void failsOverFromDeadAndSilentServersToTheSandbox() throws Exception {
        byte[] digest = DigestAlgorithm.SHA256.digest("hello".getBytes());
        TimestampClient c = TimestampClient.builder().urls(List.of(deadUrl, silentUrl(), sandbox.tsaUrl()))
                .connectTimeout(Duration.ofSeconds(2)).readTimeout(Duration.ofMillis(700)).build();
        byte[] token = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> c.timestamp(digest, DigestAlgorithm.SHA256));
        TimeStampToken t = new TimeStampToken(new CMSSignedData(token));
        assertArrayEquals(digest, t.getTimeStampInfo().getMessageImprintDigest());
        assertEquals(DigestAlgorithm.SHA256.oid(), t.getTimeStampInfo().getMessageImprintAlgOID().getId());
        assertTrue(t.getTimeStampInfo().getNonce() != null);
    }

    @Test
    void allFailingNamesEveryUrlWithoutHanging() {
        byte[] digest = DigestAlgorithm.SHA384.digest(new byte[] {1});
        TimestampClient c = TimestampClient.builder().urls(List.of(deadUrl, silentUrl(), sandbox.baseUrl() + "/nothing-here"))
                .connectTimeout(Duration.ofSeconds(2)).readTimeout(Duration.ofMillis(500)).build();
        KysoException e = assertTimeoutPreemptively(Duration.ofSeconds(20),
                () -> assertThrows(KysoException.class, () -> c.timestamp(digest, DigestAlgorithm.SHA384)));
        assertEquals(ErrorCode.TIMESTAMP_FAILED, e.errorCode());
        assertTrue(e.getMessage().contains(deadUrl), e.getMessage());
        assertTrue(e.getMessage().contains(silentUrl()), e.getMessage());
        assertTrue(e.getMessage().contains("timed out"), e.getMessage());
        assertTrue(e.getMessage().contains("/nothing-here"), e.getMessage());
    }

    @Test
    void rejectsWrongDigestLengthAndMissingUrls() {
        TimestampClient c = TimestampClient.builder().urls(List.of(sandbox.tsaUrl())).build();
        assertEquals(ErrorCode.INVALID_ARGUMENT, assertThrows(KysoException.class,
                () -> c.timestamp(new byte[5], DigestAlgorithm.SHA256)).errorCode());
        assertEquals(ErrorCode.INVALID_ARGUMENT, assertThrows(KysoException.class,
                () -> TimestampClient.builder().build()).errorCode());
    }
}
