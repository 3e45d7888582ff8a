package vn.kyso.api.token;

import java.util.List;
import vn.kyso.api.ErrorCode;
import vn.kyso.api.KysoException;
import vn.kyso.api.internal.Args;

/**
 * A place where signing keys live: a PKCS#12 file, an OS key store, a USB token or HSM, a SIM or a
 * remote signing service. Close it to release sessions and wipe what it holds in memory.
 */
public interface Token extends AutoCloseable {

    /** {@return a human-readable name (file name, token label, ...)} */
    String label();

    /** {@return the keys that have a certificate, in the token's order} */
    List<SigningKey> keys();

    /**
     * {@return the key with the given id}
     *
     * @param id the key's id (alias, CKA_ID in hex, ...)
     */
    default SigningKey key(String id) {
        Args.notNull(id, "id");
        for (SigningKey k : keys()) {
            if (k.id().equals(id)) {
                return k;
            }
        }
        throw new KysoException(ErrorCode.KEY_NOT_FOUND, id);
    }

    /** {@return the only key, or the first one when there are several} */
    default SigningKey firstKey() {
        List<SigningKey> keys = keys();
        if (keys.isEmpty()) {
            throw new KysoException(ErrorCode.KEY_NOT_FOUND, label());
        }
        return keys.get(0);
    }

    /** Releases the token; keys obtained from it can no longer sign. Never throws. */
    @Override
    void close();
}
