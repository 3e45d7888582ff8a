package vn.kyso.api.report;

import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** A time-stamp found on a signature: its time, the issuing authority and whether it verified. Immutable. */
public final class TimestampResult {
    private final Instant time;
    private final @Nullable String tsa;
    private final boolean valid;

    TimestampResult(Instant time, @Nullable String tsa, boolean valid) {
        this.time = Objects.requireNonNull(time, "time");
        this.tsa = tsa;
        this.valid = valid;
    }

    /**
     * {@return the time the time-stamp proves}
     */
    public Instant time() {
        return time;
    }

    /** {@return the TSA's name (certificate CN), or null if unknown} */
    public @Nullable String tsa() {
        return tsa;
    }

    /**
     * {@return whether the time-stamp verifies}
     */
    public boolean valid() {
        return valid;
    }
}
