package vn.kyso.benchmarks;

import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKG_MGF1_SHA256;
import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKM_ECDSA;
import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKM_RSA_PKCS;
import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKM_RSA_PKCS_PSS;
import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKM_SHA256;
import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKO_PRIVATE_KEY;
import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKR_CRYPTOKI_ALREADY_INITIALIZED;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.xipki.pkcs11.wrapper.AttributeVector;
import org.xipki.pkcs11.wrapper.Mechanism;
import org.xipki.pkcs11.wrapper.PKCS11Exception;
import org.xipki.pkcs11.wrapper.PKCS11Module;
import org.xipki.pkcs11.wrapper.Session;
import org.xipki.pkcs11.wrapper.Slot;
import org.xipki.pkcs11.wrapper.Token;
import org.xipki.pkcs11.wrapper.params.RSA_PKCS_PSS_PARAMS;
import vn.kyso.api.DigestAlgorithm;
import vn.kyso.api.SignatureAlgorithm;
import vn.kyso.api.SignatureScheme;
import vn.kyso.api.spi.DigestInfos;
import vn.kyso.api.token.SigningKey;
import vn.kyso.pkcs11.Pkcs11Module;
import vn.kyso.pkcs11.Pkcs11Token;
import vn.kyso.testkit.Sandbox;
import vn.kyso.testkit.SoftHsm2;

/**
 * Signatures per second on one SoftHSM2 key, RSA-2048 PKCS#1 v1.5 and PSS and ECDSA P-256 (SHA-256):
 * {@link #adapter()} through kyso-pkcs11 ({@link SigningKey#signDigest}: session pool, checks, DigestInfo,
 * ECDSA value to DER) versus {@link #wrapper} a plain loop over the IAIK/xipki wrapper (one session per
 * thread, C_Sign with the input prepared once). Run with {@code -t 1} and {@code -t 2}.
 *
 * <p>SoftHSM2 reads {@code SOFTHSM2_CONF} from the environment when the driver loads, and a JVM cannot set
 * its own environment: start JMH with the variable naming a file in a directory of yours (JMH's forks
 * inherit it), e.g. {@code SOFTHSM2_CONF=/tmp/kyso-bench-softhsm/softhsm2.conf java -jar benchmarks.jar
 * Pkcs11Benchmark}. The set-up writes that file and makes the token there (testkit {@link SoftHsm2}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(1)
public class Pkcs11Benchmark {
    static final String LABEL = "kyso-bench";
    private static Pkcs11Token token; // one token per JVM (a JMH fork runs one trial)

    @Param({"RSA_PKCS1_V15", "RSA_PSS", "ECDSA"})
    public String scheme;

    SigningKey key;
    SignatureAlgorithm algorithm;
    byte[] digest;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        SignatureScheme s = SignatureScheme.valueOf(scheme);
        key = token().key(s == SignatureScheme.ECDSA ? "03" : "01");
        algorithm = SignatureAlgorithm.of(s, DigestAlgorithm.SHA256);
        digest = DigestAlgorithm.SHA256.digest("Quyết định số 45/QĐ-UBND".getBytes(StandardCharsets.UTF_8));
    }

    /** The SoftHSM2 token of this JVM, made and logged in on first use (person1 RSA as 01, person3 EC as 03). */
    static synchronized Pkcs11Token token() throws IOException {
        if (token == null) {
            String conf = System.getenv(SoftHsm2.ENV);
            if (conf == null) {
                throw new IllegalStateException("SOFTHSM2_CONF is not set: run SOFTHSM2_CONF=/tmp/kyso-bench-softhsm/"
                        + "softhsm2.conf java -jar benchmarks.jar Pkcs11Benchmark (see docs/PERFORMANCE.md)");
            }
            Path module = SoftHsm2.findModule().orElseThrow(() -> new IllegalStateException("SoftHSM2 is not installed"));
            SoftHsm2 hsm = SoftHsm2.create(Path.of(conf));
            Path pkiDir = Files.createTempDirectory(hsm.configuration().getParent(), "pki");
            Sandbox pki = Sandbox.create(pkiDir, 0); // keys and certificates only, not served
            BenchmarkFixture.deleteFlatDirectory(pkiDir);
            hsm.initToken(LABEL);
            hsm.importIdentity(LABEL, pki.person1(), "01");
            hsm.importIdentity(LABEL, pki.person3(), "03");
            token = Pkcs11Module.load(module).openLabel(LABEL).login(SoftHsm2.PIN.toCharArray());
        }
        return token;
    }

    /** One signature through kyso-pkcs11. */
    @Benchmark
    public byte[] adapter() {
        return key.signDigest(digest, algorithm);
    }

    /** One signature through the wrapper alone, on this thread's own session. */
    @Benchmark
    public byte[] wrapper(RawSession raw) throws PKCS11Exception {
        return raw.session.signSingle(raw.mechanism, raw.handle, raw.input);
    }

    /** A session of the same token opened with the bare wrapper; logged in through the token's login (PKCS#11 logins are per application). */
    @State(Scope.Thread)
    public static class RawSession {
        Session session;
        Mechanism mechanism;
        long handle;
        byte[] input;

        @Setup(Level.Trial)
        public void open(Pkcs11Benchmark b) throws Exception {
            PKCS11Module module = PKCS11Module.getInstance(token().module().library().toString());
            try {
                module.initialize();
            } catch (PKCS11Exception e) {
                if (e.getErrorCode() != CKR_CRYPTOKI_ALREADY_INITIALIZED) {
                    throw e;
                }
            }
            Token t = null;
            for (Slot slot : module.getSlotList(true)) {
                if (slot.getToken().getTokenInfo().getLabel().trim().equals(LABEL)) {
                    t = slot.getToken();
                }
            }
            if (t == null) {
                throw new IllegalStateException("token " + LABEL + " not found");
            }
            session = t.openSession(false);
            handle = session.findAllObjectsSingle(new AttributeVector().class_(CKO_PRIVATE_KEY)
                    .id(HexFormat.of().parseHex(b.key.id())))[0];
            switch (b.algorithm.scheme()) {
                case RSA_PKCS1_V15:
                    mechanism = new Mechanism(CKM_RSA_PKCS);
                    input = DigestInfos.encode(DigestAlgorithm.SHA256, b.digest);
                    break;
                case RSA_PSS:
                    mechanism = new Mechanism(CKM_RSA_PKCS_PSS, new RSA_PKCS_PSS_PARAMS(CKM_SHA256, CKG_MGF1_SHA256, 32));
                    input = b.digest.clone();
                    break;
                default:
                    mechanism = new Mechanism(CKM_ECDSA);
                    input = b.digest.clone();
                    break;
            }
        }

        @TearDown(Level.Trial)
        public void close() throws PKCS11Exception {
            session.closeSession();
        }
    }
}
