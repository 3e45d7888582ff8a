package vn.kyso.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.security.Signature;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import vn.kyso.testkit.SoftHsm2;

/** Runs both measured operations once outside JMH: each must produce a signature the certificate verifies. */
class Pkcs11BenchmarkTest {

    @ParameterizedTest
    @ValueSource(strings = {"RSA_PKCS1_V15", "RSA_PSS", "ECDSA"})
    void adapterAndWrapperBothMakeValidSignatures(String scheme) throws Exception {
        assumeTrue(SoftHsm2.findModule().isPresent() && SoftHsm2.missingTools().isEmpty(), "SoftHSM2 or its tools missing");
        Pkcs11Benchmark bench = new Pkcs11Benchmark();
        bench.scheme = scheme;
        bench.setUp();
        Pkcs11Benchmark.RawSession raw = new Pkcs11Benchmark.RawSession();
        raw.open(bench);
        try {
            byte[] data = "Quyết định số 45/QĐ-UBND".getBytes(StandardCharsets.UTF_8);
            assertTrue(verifies(scheme, bench, data, bench.adapter(), false), "adapter");
            assertTrue(verifies(scheme, bench, data, bench.wrapper(raw), true), "wrapper");
            assertEquals(scheme, bench.algorithm.scheme().name());
        } finally {
            raw.close();
        }
    }

    private static boolean verifies(String scheme, Pkcs11Benchmark bench, byte[] data, byte[] sig, boolean raw) throws Exception {
        Signature v;
        switch (scheme) {
            case "RSA_PSS":
                v = Signature.getInstance("RSASSA-PSS");
                v.setParameter(new PSSParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, 32, 1));
                break;
            case "ECDSA":
                v = Signature.getInstance(raw ? "SHA256withECDSAinP1363Format" : "SHA256withECDSA"); // the wrapper gives r||s
                break;
            default:
                v = Signature.getInstance("SHA256withRSA");
                break;
        }
        v.initVerify(bench.key.certificate());
        v.update(data);
        return v.verify(sig);
    }
}
