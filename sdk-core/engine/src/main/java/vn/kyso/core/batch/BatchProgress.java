package vn.kyso.core.batch;

import java.time.Duration;
import java.util.Optional;

/**
 * A snapshot of a running batch: how many files are done and how, the time since it started, the rate
 * of the files actually worked on (signed or failed, not skipped) and the estimated time left. Immutable.
 */
public final class BatchProgress {
    private final int total;
    private final int signed;
    private final int skipped;
    private final int failed;
    private final Duration elapsed;

    BatchProgress(int total, int signed, int skipped, int failed, Duration elapsed) {
        this.total = total;
        this.signed = signed;
        this.skipped = skipped;
        this.failed = failed;
        this.elapsed = elapsed;
    }

    /** {@return the number of input files in the batch} */
    public int total() {
        return total;
    }

    /**
     * {@return how many files were signed so far}
     */
    public int signed() {
        return signed;
    }

    /**
     * {@return how many files were skipped so far (their output already existed)}
     */
    public int skipped() {
        return skipped;
    }

    /**
     * {@return how many files failed so far}
     */
    public int failed() {
        return failed;
    }

    /** {@return files finished so far, whatever their outcome} */
    public int done() {
        return signed + skipped + failed;
    }

    /** {@return time since the batch started} */
    public Duration elapsed() {
        return elapsed;
    }

    /**
     * {@return files signed or failed per second so far (skipped files cost nothing and are not counted); 0
     * at first}
     */
    public double rate() {
        long ms = elapsed.toMillis();
        int worked = signed + failed;
        return ms <= 0 || worked == 0 ? 0 : worked * 1000.0 / ms;
    }

    /**
     * {@return the time the remaining files should take at the current rate: zero when all are done, empty
     * until a rate is known}
     */
    public Optional<Duration> eta() {
        if (done() >= total) {
            return Optional.of(Duration.ZERO);
        }
        double rate = rate();
        if (rate <= 0) {
            return Optional.empty();
        }
        return Optional.of(Duration.ofMillis(Math.round((total - done()) * 1000.0 / rate)));
    }

    @Override
    public String toString() {
        return done() + "/" + total + " (signed " + signed + ", skipped " + skipped + ", failed " + failed + ")";
    }
}
