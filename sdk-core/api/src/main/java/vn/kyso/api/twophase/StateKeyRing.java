package vn.kyso.api.twophase;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import vn.kyso.api.ErrorCode;
import vn.kyso.api.KysoException;
import vn.kyso.api.internal.Args;

/**
 * The state keys of a server, newest first: the newest seals every new two-phase state, each of them
 * opens the states it sealed. Rotating the secret is then adding a key in front and, once the states
 * sealed with the oldest key have expired (the signer's state lifetime), dropping it; no signature in
 * flight breaks. A state sealed with a key the ring does not hold is {@code STATE_INVALID}, naming the
 * key's {@link StateKey#id() id}.
 *
 * <p>Immutable (the keys themselves can still be {@linkplain #destroy() destroyed}) and thread-safe.
 */
public final class StateKeyRing {
    private final List<StateKey> keys;
    private final Map<String, StateKey> byId;

    private StateKeyRing(List<StateKey> keys) {
        Map<String, StateKey> map = new LinkedHashMap<>();
        for (StateKey k : keys) {
            if (map.putIfAbsent(k.id(), k) != null) {
                throw KysoException.localized(ErrorCode.INVALID_ARGUMENT, null,
                        "bộ khóa trạng thái có hai lần khóa " + k.id(),
                        "the state key ring holds key " + k.id() + " twice");
            }
        }
        this.keys = Collections.unmodifiableList(new ArrayList<>(keys));
        this.byId = Collections.unmodifiableMap(map);
    }

    /**
     * {@return a ring of the newest key, which seals, and older keys, which only open what they sealed}
     *
     * @param newest the key that seals
     * @param older keys that still open older states
     */
    public static StateKeyRing of(StateKey newest, StateKey... older) {
        Args.notNull(newest, "newest");
        Args.notNull(older, "older");
        List<StateKey> all = new ArrayList<>();
        all.add(newest);
        for (int i = 0; i < older.length; i++) {
            all.add(Args.notNull(older[i], "older[" + i + "]"));
        }
        return new StateKeyRing(all);
    }

    /**
     * {@return a ring of keys, newest (the sealing key) first; at least one}
     *
     * @param newestFirst the keys, the sealing one first
     */
    public static StateKeyRing of(List<StateKey> newestFirst) {
        Args.notNull(newestFirst, "newestFirst");
        if (newestFirst.isEmpty()) {
            throw KysoException.localized(ErrorCode.INVALID_ARGUMENT, null,
                    "bộ khóa trạng thái cần ít nhất một khóa", "a state key ring needs at least one key");
        }
        for (int i = 0; i < newestFirst.size(); i++) {
            Args.notNull(newestFirst.get(i), "newestFirst[" + i + "]");
        }
        return new StateKeyRing(newestFirst);
    }

    /**
     * {@return a ring of keys loaded from key files ({@link StateKey#fromFile(Path)}), newest first}
     *
     * @param newest the file of the key that seals
     * @param older files of keys that still open older states
     */
    public static StateKeyRing fromFiles(Path newest, Path... older) {
        Args.notNull(newest, "newest");
        Args.notNull(older, "older");
        List<StateKey> all = new ArrayList<>();
        all.add(StateKey.fromFile(newest));
        for (int i = 0; i < older.length; i++) {
            all.add(StateKey.fromFile(Args.notNull(older[i], "older[" + i + "]")));
        }
        return new StateKeyRing(all);
    }

    /** {@return the key that seals new states} */
    public StateKey newest() {
        return keys.get(0);
    }

    /** {@return every key, newest first} */
    public List<StateKey> keys() {
        return keys;
    }

    /** {@return the ids of the keys, newest first} */
    public List<String> ids() {
        return Collections.unmodifiableList(new ArrayList<>(byId.keySet()));
    }

    /**
     * {@return the key with this id, if the ring holds it}
     *
     * @param id a key id
     */
    public Optional<StateKey> find(String id) {
        return Optional.ofNullable(byId.get(Args.notNull(id, "id")));
    }

    /** Destroys every key of the ring ({@link StateKey#destroy()}). */
    public void destroy() {
        keys.forEach(StateKey::destroy);
    }

    /** {@code StateKeyRing[ids]}, newest first: never a secret. */
    @Override
    public String toString() {
        return "StateKeyRing" + ids();
    }
}
