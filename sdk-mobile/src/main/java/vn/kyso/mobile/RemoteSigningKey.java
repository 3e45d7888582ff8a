package vn.kyso.mobile;

import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import vn.kyso.api.ErrorCode;
import vn.kyso.api.KysoException;
import vn.kyso.api.SignatureAlgorithm;
import vn.kyso.api.SignatureScheme;
import vn.kyso.api.internal.Args;
import vn.kyso.api.token.SigningKey;

/**
 * A {@link SigningKey} whose private key lives with a remote service (SIM PKI, cloud signing):
 * {@link #signDigest} submits the digest, then polls until the user confirms, refuses, or the time
 * limit passes. It never resubmits on its own: one call, at most one request on the user's phone.
 *
 * <p>Outcomes: the signature value; {@code SIGNING_REJECTED} when the user or service refuses;
 * {@code SIGNING_TIMEOUT} when the service expires the request or {@code timeout} passes; an
 * interrupted thread gets {@code SIGNING_FAILED} with its interrupt flag kept.
 */
public final class RemoteSigningKey implements SigningKey {
    private final String id;
    private final List<X509Certificate> chain;
    private final Set<SignatureScheme> schemes;
    private final RemoteSigner signer;
    private final Duration pollInterval;
    private final Duration timeout;
    private final @Nullable String displayText;

    private RemoteSigningKey(Builder b) {
        this.id = Args.notNull(b.id, "id");
        if (b.chain.isEmpty()) {
            throw new KysoException(ErrorCode.INVALID_ARGUMENT, "chain");
        }
        this.chain = Collections.unmodifiableList(new ArrayList<>(b.chain));
        this.schemes = Collections.unmodifiableSet(EnumSet.copyOf(b.schemes));
        this.signer = Args.notNull(b.signer, "signer");
        this.pollInterval = b.pollInterval;
        this.timeout = b.timeout;
        this.displayText = b.displayText;
    }

    /**
     * {@return a builder; id, chain and signer are required}
     */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public List<X509Certificate> chain() {
        return chain;
    }

    @Override
    public Set<SignatureScheme> schemes() {
        return schemes;
    }

    @Override
    public byte[] signDigest(byte[] digest, SignatureAlgorithm algorithm) {
        Args.notNull(digest, "digest");
        Args.notNull(algorithm, "algorithm");
        if (!schemes.contains(algorithm.scheme())) {
            throw new KysoException(ErrorCode.UNSUPPORTED_ALGORITHM, algorithm.displayName(), "id=" + id);
        }
        if (digest.length != algorithm.digest().length()) {
            throw new KysoException(ErrorCode.INVALID_ARGUMENT, "digest.length=" + digest.length, algorithm.digest().jcaName());
        }
        String tx = signer.submit(digest.clone(), algorithm, displayText);
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            RemoteStatus status = signer.status(tx);
            switch (status.state()) {
                case SIGNED:
                    return status.signatureValue();
                case REJECTED:
                    throw new KysoException(ErrorCode.SIGNING_REJECTED, tx
                            + (status.reason() == null ? "" : " (" + status.reason() + ")"));
                case EXPIRED:
                    throw new KysoException(ErrorCode.SIGNING_TIMEOUT, tx);
                default:
                    break;
            }
            if (System.nanoTime() - deadline >= 0) {
                throw KysoException.localized(ErrorCode.SIGNING_TIMEOUT, null, tx + " sau " + timeout.getSeconds() + " giây",
                        tx + " after " + timeout.getSeconds() + " s");
            }
            try {
                Thread.sleep(pollInterval.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw KysoException.localized(ErrorCode.SIGNING_FAILED, e, tx + " bị ngắt", tx + " interrupted");
            }
        }
    }

    /** Builder: the service, the certificate chain and the polling policy (2 s interval, 120 s limit by default). */
    public static final class Builder {
        private @Nullable String id;
        private final List<X509Certificate> chain = new ArrayList<>();
        private Set<SignatureScheme> schemes = EnumSet.of(SignatureScheme.RSA_PKCS1_V15);
        private @Nullable RemoteSigner signer;
        private Duration pollInterval = Duration.ofSeconds(2);
        private Duration timeout = Duration.ofSeconds(120);
        private @Nullable String displayText;

        private Builder() {
        }

        /**
         * The credential id at the service (e.g. the CSC credentialID or the MSISDN); required.
         *
         * @param id the credential id
         * @return this builder
         */
        public Builder id(String id) { this.id = Args.notNull(id, "id"); return this; }
        /**
         * The certificate chain; required.
         *
         * @param chain the signer's certificate first, then its CAs
         * @return this builder
         */
        public Builder chain(List<X509Certificate> chain) {
            Args.notNull(chain, "chain");
            this.chain.clear();
            this.chain.addAll(chain);
            return this;
        }
        /**
         * The schemes the service can produce (default RSA PKCS#1 v1.5).
         *
         * @param schemes one or more schemes
         * @return this builder
         */
        public Builder schemes(Set<SignatureScheme> schemes) {
            Args.notNull(schemes, "schemes");
            if (schemes.isEmpty()) {
                throw new KysoException(ErrorCode.INVALID_ARGUMENT, "schemes");
            }
            this.schemes = EnumSet.copyOf(schemes);
            return this;
        }
        /**
         * The service client; required.
         *
         * @param signer talks to the service
         * @return this builder
         */
        public Builder signer(RemoteSigner signer) { this.signer = Args.notNull(signer, "signer"); return this; }
        /**
         * How often the service is asked whether the user has signed.
         *
         * @param pollInterval a positive duration
         * @return this builder
         */
        public Builder pollInterval(Duration pollInterval) { this.pollInterval = positive(pollInterval, "pollInterval"); return this; }
        /**
         * How long to wait for the user before {@code SIGNING_TIMEOUT}.
         *
         * @param timeout a positive duration
         * @return this builder
         */
        public Builder timeout(Duration timeout) { this.timeout = positive(timeout, "timeout"); return this; }
        /**
         * The text shown on the user's phone (none by default).
         *
         * @param text the text, or null for none
         * @return this builder
         */
        public Builder displayText(@Nullable String text) { this.displayText = text; return this; }

        /**
         * {@return the key; {@code INVALID_ARGUMENT} when id, chain or signer is missing}
         */
        public RemoteSigningKey build() {
            return new RemoteSigningKey(this);
        }

        private static Duration positive(Duration d, String name) {
            Args.notNull(d, name);
            if (d.isNegative() || d.isZero()) {
                throw new KysoException(ErrorCode.INVALID_ARGUMENT, name);
            }
            return d;
        }
    }
}
