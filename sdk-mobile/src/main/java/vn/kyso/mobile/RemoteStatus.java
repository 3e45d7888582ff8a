package vn.kyso.mobile;

import org.jspecify.annotations.Nullable;
import vn.kyso.api.internal.Args;

/** The state of a remote signing transaction, as reported by the service. Immutable. */
public final class RemoteStatus {
    /** Transaction states common to MSSP and CSC-style services. */
    public enum State {
        /** The user has not answered yet. */
        WAITING,
        /** Done: the signature value is available. */
        SIGNED,
        /** The user (or the service) refused. */
        REJECTED,
        /** The service gave up waiting. */
        EXPIRED
    }

    private final State state;
    private final byte @Nullable [] signatureValue;
    private final @Nullable String reason;

    private RemoteStatus(State state, byte @Nullable [] signatureValue, @Nullable String reason) {
        this.state = state;
        this.signatureValue = signatureValue;
        this.reason = reason;
    }

    /**
     * {@return a status saying the user has not answered yet}
     */
    public static RemoteStatus waiting() {
        return new RemoteStatus(State.WAITING, null, null);
    }

    /**
     * The user signed.
     *
     * @param signatureValue the signature value the service returned (copied)
     * @return a status carrying the signature value
     */
    public static RemoteStatus signed(byte[] signatureValue) {
        return new RemoteStatus(State.SIGNED, Args.notNull(signatureValue, "signatureValue").clone(), null);
    }

    /**
     * {@return a refusal, with the service's reason when it gives one}
     *
     * @param reason the service's reason, or null
     */
    public static RemoteStatus rejected(@Nullable String reason) {
        return new RemoteStatus(State.REJECTED, null, reason);
    }

    /**
     * {@return a status saying the request expired at the service}
     */
    public static RemoteStatus expired() {
        return new RemoteStatus(State.EXPIRED, null, null);
    }

    /**
     * {@return where the transaction stands}
     */
    public State state() {
        return state;
    }

    /** {@return the signature value when {@link State#SIGNED}, else null} */
    public byte @Nullable [] signatureValue() {
        return signatureValue == null ? null : signatureValue.clone();
    }

    /** {@return the service's reason for a rejection, or null} */
    public @Nullable String reason() {
        return reason;
    }
}
