package vn.kyso.mobile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.Signature;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.kyso.api.DigestAlgorithm;
import vn.kyso.api.ErrorCode;
import vn.kyso.api.KysoException;
import vn.kyso.api.SignatureAlgorithm;
import vn.kyso.api.spi.DigestInfos;
import vn.kyso.testkit.Identity;
import vn.kyso.testkit.Sandbox;

/**
 * Drives RemoteSigningKey against an in-process signing service that holds a real sandbox key and
 * "confirms on the phone" after a number of polls, refuses, or never answers.
 */
class RemoteSigningKeyTest {
    private static Sandbox sandbox;

    @BeforeAll
    static void start() {
        sandbox = Sandbox.start();
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    /** A service that answers SIGNED after {@code pollsBeforeAnswer} polls, with {@code answer}. */
    private static final class PhoneService implements RemoteSigner {
        final Identity who;
        final int pollsBeforeAnswer;
        final RemoteStatus.State answer;
        final AtomicInteger submissions = new AtomicInteger();
        final Map<String, AtomicInteger> polls = new ConcurrentHashMap<>();
        final Map<String, byte[]> digests = new ConcurrentHashMap<>();

        PhoneService(Identity who, int pollsBeforeAnswer, RemoteStatus.State answer) {
            this.who = who;
            this.pollsBeforeAnswer = pollsBeforeAnswer;
            this.answer = answer;
        }

        @Override
        public String submit(byte[] digest, SignatureAlgorithm algorithm, String displayText) {
            String tx = "tx-" + submissions.incrementAndGet();
            digests.put(tx, DigestInfos.encode(algorithm.digest(), digest));
            polls.put(tx, new AtomicInteger());
            return tx;
        }

        @Override
        public RemoteStatus status(String tx) {
            if (polls.get(tx).incrementAndGet() <= pollsBeforeAnswer || answer == RemoteStatus.State.WAITING) {
                return RemoteStatus.waiting();
            }
            switch (answer) {
                case REJECTED: return RemoteStatus.rejected("người dùng bấm Hủy");
                case EXPIRED: return RemoteStatus.expired();
                default:
                    try {
                        Signature s = Signature.getInstance("NONEwithRSA");
                        s.initSign(who.privateKey());
                        s.update(digests.get(tx));
                        return RemoteStatus.signed(s.sign());
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
            }
        }
    }

    private static RemoteSigningKey key(PhoneService service, Duration timeout) {
        return RemoteSigningKey.builder().id("0912345678").chain(sandbox.person1().chain()).signer(service)
                .pollInterval(Duration.ofMillis(5)).timeout(timeout).displayText("Quyết định 45/QĐ-UBND").build();
    }

    @Test
    void returnsTheSignatureOnceTheUserConfirms() throws Exception {
        PhoneService phone = new PhoneService(sandbox.person1(), 3, RemoteStatus.State.SIGNED);
        byte[] data = "Quyết định 45/QĐ-UBND".getBytes(StandardCharsets.UTF_8);
        byte[] value = key(phone, Duration.ofSeconds(30))
                .signDigest(DigestAlgorithm.SHA256.digest(data), SignatureAlgorithm.RSA_SHA256);
        Signature verify = Signature.getInstance("SHA256withRSA");
        verify.initVerify(sandbox.person1().certificate());
        verify.update(data);
        assertTrue(verify.verify(value));
        assertEquals(1, phone.submissions.get());
        assertEquals(4, phone.polls.get("tx-1").get());
    }

    @Test
    void aRefusalIsReportedAndNeverResubmitted() {
        PhoneService phone = new PhoneService(sandbox.person1(), 1, RemoteStatus.State.REJECTED);
        KysoException e = assertThrows(KysoException.class, () -> key(phone, Duration.ofSeconds(30))
                .signDigest(new byte[32], SignatureAlgorithm.RSA_SHA256));
        assertEquals(ErrorCode.SIGNING_REJECTED, e.errorCode());
        assertTrue(e.getMessage().contains("tx-1"));
        assertEquals(1, phone.submissions.get());
    }

    @Test
    void expiryAtTheServiceAndOurOwnTimeLimitBothEndInTimeout() {
        PhoneService expiring = new PhoneService(sandbox.person1(), 2, RemoteStatus.State.EXPIRED);
        assertEquals(ErrorCode.SIGNING_TIMEOUT, assertThrows(KysoException.class, () -> key(expiring, Duration.ofSeconds(30))
                .signDigest(new byte[32], SignatureAlgorithm.RSA_SHA256)).errorCode());
        PhoneService silent = new PhoneService(sandbox.person1(), 0, RemoteStatus.State.WAITING);
        assertEquals(ErrorCode.SIGNING_TIMEOUT, assertThrows(KysoException.class, () -> key(silent, Duration.ofMillis(100))
                .signDigest(new byte[32], SignatureAlgorithm.RSA_SHA256)).errorCode());
        assertEquals(1, silent.submissions.get());
    }

    @Test
    void refusesWhatTheServiceCannotDoBeforeBotheringTheUser() {
        PhoneService phone = new PhoneService(sandbox.person1(), 0, RemoteStatus.State.SIGNED);
        assertEquals(ErrorCode.UNSUPPORTED_ALGORITHM, assertThrows(KysoException.class, () -> key(phone, Duration.ofSeconds(1))
                .signDigest(new byte[32], SignatureAlgorithm.ECDSA_SHA256)).errorCode());
        assertEquals(ErrorCode.INVALID_ARGUMENT, assertThrows(KysoException.class, () -> key(phone, Duration.ofSeconds(1))
                .signDigest(new byte[20], SignatureAlgorithm.RSA_SHA256)).errorCode());
        assertEquals(0, phone.submissions.get());
    }
}
