package vn.kyso.core.batch;

/**
 * Follows a batch: once at the start, once per file finished, once at the end. Calls never overlap
 * (they are serialised even when files are signed in parallel), so a listener needs no locking; they
 * come from the signing threads, so a listener should return quickly. An exception thrown by a
 * listener is logged and never stops the batch.
 */
public interface BatchListener {
    /**
     * Before the first file: {@code progress.total()} files, none done.
     *
     * @param progress the counts at the start (all zero) and the number of files
     */
    default void started(BatchProgress progress) {
    }

    /**
     * A file has been signed, skipped or has failed.
     *
     * @param item the file and what happened to it
     * @param progress the counts so far
     */
    default void fileDone(BatchItem item, BatchProgress progress) {
    }

    /**
     * After the last file, or when the batch stopped.
     *
     * @param summary every file and what happened to it
     */
    default void finished(BatchSummary summary) {
    }
}
