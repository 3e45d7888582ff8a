package vn.kyso.api.report;

import java.time.Instant;
import java.util.Objects;

/** A time-stamp found on a signature: its time, the issuing authority and whether it verified. */
public final class TimestampResult {
    private final Instant time;
    private final String tsa;
    private final boolean valid;

    public TimestampResult(Instant time, String tsa, boolean valid) {
        this.time = Objects.requireNonNull(time, "time");
        this.tsa = tsa;
        this.valid = valid;
    }

    public Instant time() {
        return time;
    }

    /** The TSA's name (certificate CN), or null if unknown. */
    public String tsa() {
        return tsa;
    }

    public boolean valid() {
        return valid;
    }
}
