package vn.kyso.xml.internal;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.function.Supplier;

/**
 * A small bounded pool of reusable objects that are not thread-safe (DOM parsers, serialisers): a thread
 * takes one (a new one when none is idle), uses it alone and gives it back once it is in a clean state.
 * Creation is serialised because the JAXP factories behind it are not guaranteed thread-safe. Internal.
 */
public final class Pool<T> {
    private final ArrayBlockingQueue<T> idle;
    private final Supplier<T> create;

    public Pool(int capacity, Supplier<T> create) {
        this.idle = new ArrayBlockingQueue<>(capacity);
        this.create = create;
    }

    /** An idle object, or a new one. */
    public T take() {
        T t = idle.poll();
        if (t != null) {
            return t;
        }
        synchronized (this) {
            return create.get();
        }
    }

    /** Returns an object in a clean state; dropped when the pool is full. */
    public void give(T t) {
        idle.offer(t);
    }
}
