package vn.kyso.api.cert;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import vn.kyso.api.KysoException;
import vn.kyso.api.testsupport.Mutations;
import vn.kyso.api.testsupport.TestCertificates;

/**
 * Any byte string given to {@link Certificates#parse} and then {@link CertificateInfo#of} gives a result or
 * a {@link KysoException}: never another exception type and never a hang.
 */
class CertificatesFuzzTest {
    private static final byte[] DER;
    private static final byte[] PEM;
    private static final ExecutorService RUNNER = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "cert-fuzz");
        t.setDaemon(true);
        return t;
    });

    static {
        X509Certificate cert = TestCertificates.builder()
                .subject(TestCertificates.name().c("VN").st("Hà Nội").o("Công ty Cổ phần Ví dụ")
                        .cn("Nguyễn Văn Ánh").uid("MST:0101234567-001").uid("CCCD:001085012345")
                        .telephone("+84912345678").build())
                .keyUsage(org.bouncycastle.asn1.x509.KeyUsage.digitalSignature)
                .eku(org.bouncycastle.asn1.x509.KeyPurposeId.id_kp_emailProtection)
                .build();
        try {
            DER = cert.getEncoded();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        PEM = (Certificates.toPem(cert) + Certificates.toPem(TestCertificates.ca())).getBytes(StandardCharsets.US_ASCII);
    }

    @AfterContainer
    static void stop() {
        RUNNER.shutdownNow();
    }

    @Property(tries = 300)
    void randomBytes(@ForAll("randomBytes") byte[] content) {
        parseAndRead(content);
    }

    @Property(tries = 500)
    void mutatedDer(@ForAll("mutatedDer") byte[] content) {
        parseAndRead(content);
    }

    @Property(tries = 300)
    void mutatedPem(@ForAll("mutatedPem") byte[] content) {
        parseAndRead(content);
    }

    /** Either a list of readable certificates or a KysoException; a time limit guards against hangs. */
    private static void parseAndRead(byte[] content) {
        Future<?> f = RUNNER.submit(() -> {
            List<X509Certificate> certs;
            try {
                certs = Certificates.parse(content);
            } catch (KysoException expected) {
                return;
            }
            for (X509Certificate c : certs) {
                try {
                    CertificateInfo info = CertificateInfo.of(c);
                    assertNotNull(info.sha256Fingerprint());
                    info.toString();
                } catch (KysoException expected) {
                    // acceptable
                }
            }
        });
        try {
            f.get(5, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            f.cancel(true);
            throw new AssertionError("parse did not finish within 5 s on " + content.length + " bytes");
        } catch (ExecutionException e) {
            throw new AssertionError("unexpected " + e.getCause() + " for input "
                    + Arrays.toString(Arrays.copyOf(content, Math.min(64, content.length))), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    @Provide
    Arbitrary<byte[]> randomBytes() {
        Arbitrary<byte[]> raw = Arbitraries.bytes().array(byte[].class).ofMaxSize(2048);
        // also random bytes that start like a DER SEQUENCE, to get past the first check
        Arbitrary<byte[]> seq = Arbitraries.bytes().array(byte[].class).ofMinSize(4).ofMaxSize(2048).map(b -> {
            b[0] = 0x30;
            b[1] = (byte) 0x82;
            return b;
        });
        return Arbitraries.oneOf(raw, seq);
    }

    @Provide
    Arbitrary<byte[]> mutatedDer() {
        return Mutations.of(DER);
    }

    @Provide
    Arbitrary<byte[]> mutatedPem() {
        return Mutations.of(PEM);
    }

}
