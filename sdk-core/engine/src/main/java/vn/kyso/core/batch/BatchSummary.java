package vn.kyso.core.batch;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import vn.kyso.api.KysoException;

/**
 * How a batch ended: every input file with its outcome (in input order), the counts, and the error that
 * stopped the batch early if one did. Immutable.
 */
public final class BatchSummary {
    private final List<BatchItem> items;
    private final KysoException stoppedBy;
    private final Duration elapsed;

    BatchSummary(List<BatchItem> items, KysoException stoppedBy, Duration elapsed) {
        this.items = List.copyOf(items);
        this.stoppedBy = stoppedBy;
        this.elapsed = elapsed;
    }

    /** {@return every input file, in the order they were listed (by name)} */
    public List<BatchItem> items() {
        return items;
    }

    /**
     * {@return the files with this outcome}
     *
     * @param status the outcome asked for
     */
    public List<BatchItem> items(BatchItem.Status status) {
        return items.stream().filter(i -> i.status() == status).collect(Collectors.toUnmodifiableList());
    }

    /**
     * {@return how many files were signed}
     */
    public int signed() {
        return count(BatchItem.Status.SIGNED);
    }

    /**
     * {@return how many files were skipped (their output already existed)}
     */
    public int skipped() {
        return count(BatchItem.Status.SKIPPED);
    }

    /**
     * {@return how many files failed}
     */
    public int failed() {
        return count(BatchItem.Status.FAILED);
    }

    /**
     * {@return how many files were not tried because the batch stopped}
     */
    public int notAttempted() {
        return count(BatchItem.Status.NOT_ATTEMPTED);
    }

    private int count(BatchItem.Status status) {
        return (int) items.stream().filter(i -> i.status() == status).count();
    }

    /**
     * {@return the error that made going on pointless (token removed, PIN locked, certificate expired, ..} :
     * see
     * {@link BatchSigner.Builder#stopOn}), or the interruption that stopped the batch; empty when every
     * file was tried.
     */
    public Optional<KysoException> stoppedBy() {
        return Optional.ofNullable(stoppedBy);
    }

    /** {@return whether every file now has its output (signed now or before)} */
    public boolean complete() {
        return signed() + skipped() == items.size();
    }

    /**
     * {@return how long the batch took}
     */
    public Duration elapsed() {
        return elapsed;
    }

    @Override
    public String toString() {
        return "BatchSummary[signed " + signed() + ", skipped " + skipped() + ", failed " + failed()
                + ", not attempted " + notAttempted() + (stoppedBy == null ? "" : ", stopped by " + stoppedBy.code()) + "]";
    }
}
