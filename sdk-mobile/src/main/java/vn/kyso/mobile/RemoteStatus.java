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

    public static RemoteStatus waiting() {
        return new RemoteStatus(State.WAITING, null, null);
    }

    public static RemoteStatus signed(byte[] signatureValue) {
        return new RemoteStatus(State.SIGNED, Args.notNull(signatureValue, "signatureValue").clone(), null);
    }

    /** {@return a refusal, with the service's reason when it gives one} */
    public static RemoteStatus rejected(@Nullable String reason) {
        return new RemoteStatus(State.REJECTED, null, reason);
    }

    public static RemoteStatus expired() {
        return new RemoteStatus(State.EXPIRED, null, null);
    }

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
