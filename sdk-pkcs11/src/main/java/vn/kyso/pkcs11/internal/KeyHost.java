package vn.kyso.pkcs11.internal;

/** What a token key needs from its token. Internal. */
public interface KeyHost {
    /** The token's label, for messages. */
    String label();

    /**
     * The current live login.
     *
     * @throws vn.kyso.api.KysoException {@code TOKEN_UNAVAILABLE} when the token is closed or not logged in
     */
    LoginSession login(Step what);
}
