package vn.kyso.api.internal;

import vn.kyso.api.ErrorCode;
import vn.kyso.api.KysoException;
import vn.kyso.api.twophase.StateKey;

/**
 * How the sealing of two-phase states ({@code vn.kyso.api.spi.SealedState}) reaches a
 * {@link StateKey}'s secret without the key offering a MAC (or its secret) on its public surface. Not
 * meant for vendors; may change between releases.
 *
 * <p>{@link StateKey}'s class initialiser installs the one implementation, before any key can exist;
 * a second installation is refused, so nothing can replace it later.
 */
public final class StateKeyAccess {
    /** What a state key does for the sealing code. */
    public interface Access {
        /** HMAC-SHA256 with the key of {@code data[offset, offset + length)}. */
        byte[] mac(StateKey key, byte[] data, int offset, int length);
    }

    private static volatile Access access;

    private StateKeyAccess() {
    }

    /** Called once, by {@link StateKey}'s class initialiser. */
    public static synchronized void install(Access implementation) {
        if (access != null) {
            throw new IllegalStateException("state key access already installed");
        }
        access = Args.notNull(implementation, "implementation");
    }

    /** HMAC-SHA256 with {@code key} (destroyed key: {@code INVALID_ARGUMENT}). */
    public static byte[] mac(StateKey key, byte[] data, int offset, int length) {
        Args.notNull(key, "key");
        Access a = access; // a StateKey exists, so its class initialiser has installed the access
        if (a == null) {
            throw new KysoException(ErrorCode.INTERNAL, "StateKeyAccess");
        }
        return a.mac(key, data, offset, length);
    }
}
