package vn.kyso.api.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import vn.kyso.api.ErrorCode;
import vn.kyso.api.KysoException;
import vn.kyso.api.internal.Args;

/**
 * Writes files atomically: the content goes to a temporary file beside the target, which is then renamed
 * over it. A failure never leaves a partial target; the temporary file is removed.
 */
public final class AtomicFiles {
    private AtomicFiles() {
    }

    /** Produces a file's content into a stream. */
    @FunctionalInterface
    public interface Content {
        /**
         * Writes the content.
         *
         * @param out the stream of the temporary file
         * @throws IOException when writing fails; the target is then left as it was
         */
        void writeTo(OutputStream out) throws IOException;
    }

    /**
     * Writes UTF-8 text atomically.
     *
     * @param target the file to replace or create
     * @param text the text, written as UTF-8
     */
    public static void write(Path target, String text) {
        Args.notNull(target, "target");
        Args.notNull(text, "text");
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        write(target, out -> out.write(bytes));
    }

    /**
     * Writes bytes atomically.
     *
     * @param target the file to replace or create
     * @param content the bytes
     */
    public static void write(Path target, byte[] content) {
        Args.notNull(target, "target");
        Args.notNull(content, "content");
        write(target, out -> out.write(content));
    }

    /**
     * Fills a file through its channel: what the content writes, reads back or overwrites in place
     * (e.g. a value patched into a reserved gap) is what the target receives.
     */
    @FunctionalInterface
    public interface ChannelContent {
        /**
         * Writes the content.
         *
         * @param channel the channel of the temporary file
         * @throws IOException when writing fails; the target is then left as it was
         */
        void writeTo(FileChannel channel) throws IOException;
    }

    /**
     * Streams content into the target atomically. A {@link KysoException} thrown by {@code content}
     * propagates unchanged (after the temporary file is removed).
     *
     * @param target the file to replace or create
     * @param content writes the bytes to a stream
     * @throws KysoException {@code OUTPUT_FAILED} if the file cannot be written
     */
    public static void write(Path target, Content content) {
        Args.notNull(target, "target");
        Args.notNull(content, "content");
        writeChannel(target, channel -> {
            OutputStream out = Channels.newOutputStream(channel);
            content.writeTo(out);
            out.flush();
        });
    }

    /**
     * Fills the target atomically through the temporary file's channel (opened for reading and
     * writing, positioned at 0). The file is forced to disk and renamed over the target only when
     * {@code content} returns; a {@link KysoException} thrown by it propagates unchanged (after the
     * temporary file is removed).
     *
     * @param target the file to replace or create
     * @param content writes the bytes to a channel
     * @throws KysoException {@code OUTPUT_FAILED} if the file cannot be written
     */
    public static void writeChannel(Path target, ChannelContent content) {
        Args.notNull(target, "target");
        Args.notNull(content, "content");
        Path abs = target.toAbsolutePath();
        Path dir = abs.getParent();
        Path tmp = null;
        try {
            Files.createDirectories(dir);
            tmp = Files.createTempFile(dir, "." + abs.getFileName(), ".part");
            try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
                content.writeTo(channel);
                channel.force(true); // on disk before the rename, so a crash leaves old or new, never a hole
            }
            try {
                Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new KysoException(ErrorCode.OUTPUT_FAILED, e, target.toString());
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // already gone or unreachable: nothing more can be done
                }
            }
        }
    }
}
