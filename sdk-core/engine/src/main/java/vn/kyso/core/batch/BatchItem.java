package vn.kyso.core.batch;

import java.nio.file.Path;
import java.util.Objects;
import vn.kyso.api.KysoException;
import vn.kyso.api.SigningResult;

/** What happened to one file of a batch. Immutable. */
public final class BatchItem {
    /** How one file ended. */
    public enum Status {
        /** Signed in this run; the output is complete. */
        SIGNED,
        /** The output already existed (an earlier run signed it): left as it was. */
        SKIPPED,
        /** This file could not be signed: see {@link #error()}; no output was written for it. */
        FAILED,
        /** Not tried because the batch stopped first (see {@link BatchSummary#stoppedBy()}). */
        NOT_ATTEMPTED
    }

    private final Path input;
    private final Path output;
    private final Status status;
    private final SigningResult result;
    private final KysoException error;

    BatchItem(Path input, Path output, Status status, SigningResult result, KysoException error) {
        this.input = Objects.requireNonNull(input, "input");
        this.output = Objects.requireNonNull(output, "output");
        this.status = Objects.requireNonNull(status, "status");
        this.result = result;
        this.error = error;
    }

    /** {@return the input file} */
    public Path input() {
        return input;
    }

    /** {@return where its signed output is (or would be)} */
    public Path output() {
        return output;
    }

    /**
     * {@return what happened to the file}
     */
    public Status status() {
        return status;
    }

    /** {@return what the signer reported for a {@link Status#SIGNED} file, otherwise null} */
    public SigningResult result() {
        return result;
    }

    /**
     * {@return why a {@link Status#FAILED} file failed (stable code, Vietnamese and English message),
     * otherwise null}
     */
    public KysoException error() {
        return error;
    }

    @Override
    public String toString() {
        return input.getFileName() + ": " + status + (error == null ? "" : " " + error.getMessage());
    }
}
