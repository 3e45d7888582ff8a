package vn.kyso.mobile;

import java.util.Objects;

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
    private final byte[] signatureValue;
    private final String reason;

    private RemoteStatus(State state, byte[] signatureValue, String reason) {
        this.state = state;
        this.signatureValue = signatureValue;
        this.reason = reason;
    }

    public static RemoteStatus waiting() {
        return new RemoteStatus(State.WAITING, null, null);
    }

    public static RemoteStatus signed(byte[] signatureValue) {
        return new RemoteStatus(State.SIGNED, Objects.requireNonNull(signatureValue, "signatureValue").clone(), null);
    }

    public static RemoteStatus rejected(String reason) {
        return new RemoteStatus(State.REJECTED, null, reason);
    }

    public static RemoteStatus expired() {
        return new RemoteStatus(State.EXPIRED, null, null);
    }

    public State state() {
        return state;
    }

    /** The signature value when {@link State#SIGNED}, else null. */
    public byte[] signatureValue() {
        return signatureValue == null ? null : signatureValue.clone();
    }

    /** The service's reason for a rejection, or null. */
    public String reason() {
        return reason;
    }
}
