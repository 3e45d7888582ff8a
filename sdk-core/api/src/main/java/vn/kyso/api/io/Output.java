package vn.kyso.api.io;

import java.io.OutputStream;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import vn.kyso.api.internal.Args;

/**
 * Where a signer puts what it produces: a file (written atomically: a failure never leaves a partial
 * file), a stream the caller owns (written once the whole output is ready, never closed by the signer),
 * or memory (the bytes come back in {@link vn.kyso.api.SigningResult#signed()}). Every signer of the SDK
 * takes its output as an {@code Output}, whatever the format. Immutable.
 *
 * <pre>{@code
 * signer.sign(Document.of(in), Output.file(out), key, options);          // file, atomically
 * byte[] signed = signer.sign(Document.of(in), Output.memory(), key, options).signed();
 * }</pre>
 */
public final class Output {
    private static final Output MEMORY = new Output(null, null);

    private final @Nullable Path path;
    private final @Nullable OutputStream stream;

    private Output(@Nullable Path path, @Nullable OutputStream stream) {
        this.path = path;
        this.stream = stream;
    }

    /**
     * {@return a file written atomically (temporary file beside it, then renamed over it)}
     *
     * @param file the file, written atomically
     */
    public static Output file(Path file) {
        return new Output(Args.notNull(file, "file"), null);
    }

    /**
     * {@return a stream the caller owns: the signer writes the whole output into it once it is complete and
     * flushes it, but does not close it} A failure before that point writes nothing.
     *
     * @param stream the stream; left open
     */
    public static Output stream(OutputStream stream) {
        return new Output(null, Args.notNull(stream, "stream"));
    }

    /**
     * Memory: the output comes back in the result's {@code signed()}.
     *
     * @return an output to memory
     */
    public static Output memory() {
        return MEMORY;
    }

    /** {@return the target file, or null for a stream or memory} */
    public @Nullable Path path() {
        return path;
    }

    /** {@return the target stream, or null for a file or memory} */
    public @Nullable OutputStream stream() {
        return stream;
    }

    /** {@return whether the output comes back in the result} */
    public boolean isMemory() {
        return path == null && stream == null;
    }

    @Override
    public String toString() {
        return path != null ? "Output[" + path + "]" : stream != null ? "Output[stream]" : "Output[memory]";
    }
}
