package vn.kyso.api.event;

/**
 * Receives one {@link SigningEvent} per signing act, success or failure. Called synchronously on the
 * signing thread; an exception thrown by a listener is logged and never fails the signature.
 */
@FunctionalInterface
public interface SigningListener {
    /**
     * Called after each signing act, success or failure; must not throw and should return quickly.
     *
     * @param event what happened
     */
    void onSigningEvent(SigningEvent event);
}
