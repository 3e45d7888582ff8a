package vn.kyso.core.cades;

import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import vn.kyso.api.ErrorCode;
import vn.kyso.api.KysoException;
import vn.kyso.api.SignatureAlgorithm;
import vn.kyso.api.SigningResult;
import vn.kyso.api.event.SigningListener;
import vn.kyso.api.token.SigningKey;
import vn.kyso.api.twophase.PreparedSignature;
import vn.kyso.api.twophase.StateKey;
import vn.kyso.core.internal.CadesEngine;
import vn.kyso.core.revocation.RevocationOptions;
import vn.kyso.core.trust.TrustAnchors;
import vn.kyso.core.tsp.TimestampClient;

/**
 * Creates CAdES (ETSI EN 319 122) signatures over any file, at B-B, B-T, B-LT or B-LTA, detached or
 * enveloping, with EU DSS.
 *
 * <p>Guarantees:
 * <ul>
 * <li>The private key never leaves its token: only the digest of the signed attributes goes to
 *     {@link SigningKey#signDigest}; the value returned is checked against the certificate before any
 *     output is produced ({@code SIGNATURE_VALUE_INVALID}).</li>
 * <li>The signer's certificate must be valid at the signing time ({@code CERTIFICATE_EXPIRED},
 *     {@code CERTIFICATE_NOT_YET_VALID}).</li>
 * <li>Detached signing reads the data file once, streaming; it is never loaded into memory.</li>
 * <li>Output files are written atomically; a failure never leaves a partial file.</li>
 * <li>Every signing act (success or failure) is reported to the listeners; a throwing listener is logged.</li>
 * <li>Every failure is a {@link KysoException}.</li>
 * </ul>
 * Two-phase: {@link #prepare} seals what must be identical in both halves (signing time, chain,
 * algorithm, level, packaging, digest of the data) with the {@link StateKey}; {@link #complete} in any
 * process holding the same key reopens it ({@code STATE_INVALID}, {@code STATE_EXPIRED}) and refuses
 * other data ({@code STATE_MISMATCH}).
 *
 * <p>Immutable and thread-safe.
 */
public final class CadesSigner {
    private final CadesEngine engine;

    private CadesSigner(Builder b) {
        engine = new CadesEngine(b.timestamps, b.revocation, b.trust, Collections.unmodifiableList(new ArrayList<>(b.listeners)),
                b.clock, b.stateKey, b.stateLifetime);
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Signs a file with a key; the result carries the CMS bytes (.p7s).
     *
     * @throws KysoException on any failure (see the class description)
     */
    public SigningResult sign(Path data, SigningKey key, CadesOptions options) {
        return engine.sign(data, null, key, options);
    }

    /** Signs a file and writes the CMS atomically to {@code output}; the result's {@code signed()} is null. */
    public SigningResult sign(Path data, Path output, SigningKey key, CadesOptions options) {
        Objects.requireNonNull(output, "output");
        return engine.sign(data, output, key, options);
    }

    /**
     * First half of a two-phase signature: what the key must sign, and the sealed state.
     *
     * @param chain the signer's certificate first, then as much of its chain as known
     * @param algorithm the algorithm the key will use; its digest must equal {@code options.digest()}
     * @throws KysoException {@code INVALID_ARGUMENT} without a state key, or on inconsistent arguments
     */
    public PreparedSignature prepare(Path data, List<X509Certificate> chain, SignatureAlgorithm algorithm,
                                     CadesOptions options) {
        return engine.prepare(data, chain, algorithm, options);
    }

    /**
     * Second half: builds the CMS from the sealed state and the signature value over
     * {@link PreparedSignature#digest()}. {@code data} must be the same content as at prepare time.
     */
    public SigningResult complete(byte[] state, byte[] signatureValue, Path data) {
        return engine.complete(state, signatureValue, data);
    }

    /** Builder for {@link CadesSigner}. */
    public static final class Builder {
        private TimestampClient timestamps;
        private RevocationOptions revocation = RevocationOptions.online();
        private TrustAnchors trust = TrustAnchors.empty();
        private final List<SigningListener> listeners = new ArrayList<>();
        private Clock clock = Clock.systemUTC();
        private StateKey stateKey;
        private Duration stateLifetime = Duration.ofMinutes(15);

        private Builder() {
        }

        /** The time-stamp authority; required for B-T and above. */
        public Builder timestamps(TimestampClient v) {
            timestamps = v;
            return this;
        }

        /** How revocation data is fetched for B-LT and B-LTA (default online). */
        public Builder revocation(RevocationOptions v) {
            revocation = Objects.requireNonNull(v, "revocation");
            return this;
        }

        /** Trust anchors; B-LT and B-LTA need them to collect validation data up to a root. */
        public Builder trust(TrustAnchors v) {
            trust = Objects.requireNonNull(v, "trust");
            return this;
        }

        /** Adds a listener (several allowed). */
        public Builder listener(SigningListener v) {
            listeners.add(Objects.requireNonNull(v, "listener"));
            return this;
        }

        /** The clock giving the signing time (default: system UTC). */
        public Builder clock(Clock v) {
            clock = Objects.requireNonNull(v, "clock");
            return this;
        }

        /** The key protecting two-phase states; required for prepare/complete. */
        public Builder stateKey(StateKey v) {
            stateKey = v;
            return this;
        }

        /** How long a prepared state stays usable (default 15 minutes). */
        public Builder stateLifetime(Duration v) {
            if (v == null || v.isZero() || v.isNegative()) {
                throw new KysoException(ErrorCode.INVALID_ARGUMENT, "stateLifetime=" + v);
            }
            stateLifetime = v;
            return this;
        }

        public CadesSigner build() {
            return new CadesSigner(this);
        }
    }
}
