package vn.kyso.mobile;

import org.jspecify.annotations.Nullable;
import vn.kyso.api.SignatureAlgorithm;

/**
 * The asynchronous protocol of SIM PKI (ETSI TS 102 204 mobile signature services) and cloud signing
 * services (CSC API, the Vietnamese providers): a request is submitted, then its status is polled while
 * the user confirms on the phone. Implementations talk to one service; they must be thread-safe.
 */
public interface RemoteSigner {

    /**
     * Submits a digest to be signed and returns the service's transaction id.
     *
     * @param digest the digest to sign
     * @param algorithm the algorithm the service must sign with
     * @return the service's transaction id, for {@link #status}
     * @param displayText what the user's phone shows (e.g. the document name); may be null
     */
    String submit(byte[] digest, SignatureAlgorithm algorithm, @Nullable String displayText);

    /**
     * {@return the current state of a transaction}
     *
     * @param transactionId an id {@link #submit} returned
     */
    RemoteStatus status(String transactionId);
}
