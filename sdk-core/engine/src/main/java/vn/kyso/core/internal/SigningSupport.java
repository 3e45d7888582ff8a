package vn.kyso.core.internal;

import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.kyso.api.DigestAlgorithm;
import vn.kyso.api.ErrorCode;
import vn.kyso.api.KysoException;
import vn.kyso.api.SignatureAlgorithm;
import vn.kyso.api.SignatureFormat;
import vn.kyso.api.cert.CertificateInfo;
import vn.kyso.api.cert.Certificates;
import vn.kyso.api.spi.SealedState;
import vn.kyso.api.event.SigningEvent;
import vn.kyso.api.event.SigningListener;

/**
 * The checks and notifications every signer of the SDK performs the same way, whatever the format:
 * the chain handed in, the certificate's validity at the signing time, DSS failures turned into stable
 * error codes, and signing events delivered to listeners without ever failing the signature.
 */
public final class SigningSupport {
    private static final Logger LOG = LoggerFactory.getLogger(SigningSupport.class);

    private SigningSupport() {
    }

    /** The longest certificate chain a signer accepts. */
    public static final int MAX_CHAIN = 16;

    /** An immutable copy of a non-empty chain of at most 16 certificates, signer first. */
    public static List<X509Certificate> checkChain(List<X509Certificate> chain) {
        if (chain == null || chain.isEmpty() || chain.size() > MAX_CHAIN) {
            throw badChain();
        }
        for (X509Certificate c : chain) {
            if (c == null) {
                throw badChain();
            }
        }
        return List.copyOf(chain);
    }

    /** Stores a chain in a two-phase state (fields {@code chain} and {@code cert.N}). */
    public static void putChain(SealedState.Builder state, List<X509Certificate> chain) {
        state.put("chain", chain.size());
        for (int i = 0; i < chain.size(); i++) {
            try {
                state.put("cert." + i, chain.get(i).getEncoded());
            } catch (CertificateEncodingException e) {
                throw new KysoException(ErrorCode.CERTIFICATE_UNREADABLE, e, "encoding");
            }
        }
    }

    /** Reads back a chain stored by {@link #putChain}; anything wrong is {@code STATE_INVALID}. */
    public static List<X509Certificate> readChain(SealedState state) {
        long n = state.number("chain");
        if (n < 1 || n > MAX_CHAIN) {
            throw new KysoException(ErrorCode.STATE_INVALID, "chain");
        }
        List<X509Certificate> chain = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            try {
                chain.add(Certificates.parse(state.bytes("cert." + i)).get(0));
            } catch (KysoException e) {
                throw KysoException.localized(ErrorCode.STATE_INVALID, e, "chứng thư thứ " + (i + 1) + " của chuỗi",
                        "certificate " + (i + 1) + " of the chain");
            }
        }
        return List.copyOf(chain);
    }

    /** Refuses a certificate outside its validity at the signing time (CERTIFICATE_EXPIRED / _NOT_YET_VALID). */
    public static void checkValidity(X509Certificate cert, Instant time) {
        Date t = Date.from(time);
        if (t.after(cert.getNotAfter())) {
            throw KysoException.localized(ErrorCode.CERTIFICATE_EXPIRED, null, subject(cert) + ", hết hạn lúc "
                    + cert.getNotAfter().toInstant() + ", thời điểm ký " + time, subject(cert) + ", not after "
                    + cert.getNotAfter().toInstant() + ", signing time " + time);
        }
        if (t.before(cert.getNotBefore())) {
            throw KysoException.localized(ErrorCode.CERTIFICATE_NOT_YET_VALID, null, subject(cert) + ", có hiệu lực từ "
                    + cert.getNotBefore().toInstant() + ", thời điểm ký " + time, subject(cert) + ", not before "
                    + cert.getNotBefore().toInstant() + ", signing time " + time);
        }
    }

    /** Runs a DSS call, turning its runtime failures into {@link KysoException}s with stable codes. */
    public static <T> T dss(Supplier<T> call) {
        try {
            return call.get();
        } catch (KysoException e) {
            throw e;
        } catch (RuntimeException e) {
            throw map(e);
        }
    }

    /** The stable error a DSS failure stands for (by its cause or message); SIGNING_FAILED otherwise. */
    public static KysoException map(RuntimeException e) {
        KysoException k = Dss.kysoCause(e);
        if (k != null) {
            return k;
        }
        if (e instanceof NullPointerException) {
            // the library's words stay in the cause
            return KysoException.localized(ErrorCode.INVALID_ARGUMENT, e, "thiếu một giá trị bắt buộc (null)",
                    "a required value is missing (null)");
        }
        String details = Dss.describe(e);
        String m = String.valueOf(details).toLowerCase(Locale.ROOT);
        for (Throwable t = e; t != null; t = t.getCause()) {
            String type = t.getClass().getSimpleName();
            if (type.equals("InvalidPasswordException")
                    || (type.equals("ProtectedDocumentException") && m.contains("password"))) {
                return new KysoException(ErrorCode.DOCUMENT_PASSWORD, e, details);
            }
            if (type.equals("ProtectedDocumentException")) {
                return new KysoException(ErrorCode.DOCUMENT_LOCKED, e, details);
            }
        }
        if (m.contains("revoked")) {
            return new KysoException(ErrorCode.CERTIFICATE_REVOKED, e, details);
        }
        if (m.contains("revocation")) {
            return new KysoException(ErrorCode.REVOCATION_UNAVAILABLE, e, details);
        }
        if (m.contains("expired")) {
            return new KysoException(ErrorCode.CERTIFICATE_EXPIRED, e, details);
        }
        if (m.contains("not yet valid")) {
            return new KysoException(ErrorCode.CERTIFICATE_NOT_YET_VALID, e, details);
        }
        if (m.contains("timestamp") || m.contains("tsp")) {
            return new KysoException(ErrorCode.TIMESTAMP_FAILED, e, details);
        }
        return new KysoException(ErrorCode.SIGNING_FAILED, e, details);
    }

    /**
     * Delivers one signing event to every listener; a listener that throws is logged and skipped.
     *
     * @param documentDigest the digest of the signed document (with {@code alg.digest()}), or null
     */
    public static void fire(List<SigningListener> listeners, SignatureFormat format, Instant time,
                            X509Certificate cert, SignatureAlgorithm alg, byte[] documentDigest,
                            SigningEvent.Outcome outcome, ErrorCode error) {
        if (listeners.isEmpty()) {
            return;
        }
        DigestAlgorithm digest = alg == null ? null : alg.digest();
        SigningEvent event = new SigningEvent(time, format, cert, digest, documentDigest, alg, outcome, error);
        for (SigningListener l : listeners) {
            try {
                l.onSigningEvent(event);
            } catch (RuntimeException ex) {
                LOG.warn("Signing listener {} failed: {}", l.getClass().getName(), ex.toString());
            }
        }
    }

    private static KysoException badChain() {
        return KysoException.localized(ErrorCode.INVALID_ARGUMENT, null,
                "chuỗi chứng thư phải có từ 1 đến " + MAX_CHAIN + " chứng thư, không có phần tử null",
                "certificate chain: 1 to " + MAX_CHAIN + " certificates, none null");
    }

    private static String subject(X509Certificate c) {
        try {
            return CertificateInfo.of(c).commonName();
        } catch (KysoException e) {
            return c.getSubjectX500Principal().getName();
        }
    }

    /**
     * One signing act as listeners see it: what becomes known while it runs (signer, algorithm, document
     * digest, signing time) is recorded, and exactly one SUCCESS or FAILURE event is delivered when it
     * ends. Runtime failures of the body come out as {@link KysoException}s (see {@link #map}).
     */
    public static final class Act {
        private final List<SigningListener> listeners;
        private SignatureFormat format;
        private Instant time;
        private X509Certificate certificate;
        private SignatureAlgorithm algorithm;
        private byte[] documentDigest;

        public Act(List<SigningListener> listeners, SignatureFormat format, Instant time) {
            this.listeners = listeners;
            this.format = format;
            this.time = time;
        }

        public void time(Instant t) {
            time = t;
        }

        /** The format, once known (e.g. from a two-phase state). */
        public void format(SignatureFormat f) {
            format = f;
        }

        public void signer(X509Certificate cert, SignatureAlgorithm alg) {
            certificate = cert;
            algorithm = alg;
        }

        public void documentDigest(byte[] digest) {
            documentDigest = digest;
        }

        /** Runs the act and reports its outcome. */
        public <T> T run(Supplier<T> body) {
            try {
                T result = body.get();
                fire(listeners, format, time, certificate, algorithm, documentDigest, SigningEvent.Outcome.SUCCESS, null);
                return result;
            } catch (KysoException e) {
                fire(listeners, format, time, certificate, algorithm, documentDigest, SigningEvent.Outcome.FAILURE, e.errorCode());
                throw e;
            } catch (RuntimeException e) {
                KysoException k = map(e);
                fire(listeners, format, time, certificate, algorithm, documentDigest, SigningEvent.Outcome.FAILURE, k.errorCode());
                throw k;
            }
        }
    }
}
