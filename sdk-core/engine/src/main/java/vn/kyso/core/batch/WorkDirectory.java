package vn.kyso.core.batch;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.kyso.api.ErrorCode;
import vn.kyso.api.KysoException;

/**
 * The batch's own directory inside the output directory ({@value BatchSigner#WORK_DIRECTORY}): signers
 * write there (with their own temporary files), and a finished output is renamed from there into the
 * output directory. A lock file in it keeps a second batch out while one runs. Whatever a killed run left
 * there is deleted when the next run opens it; the directory is removed when the run ends. Internal.
 */
final class WorkDirectory implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(WorkDirectory.class);
    private static final String LOCK = "lock";

    private final Path dir;
    private final FileChannel channel;
    private final FileLock lock;

    private WorkDirectory(Path dir, FileChannel channel, FileLock lock) {
        this.dir = dir;
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Creates {@code outDir} and the work directory in it, takes the lock and deletes the leftovers of an
     * earlier run.
     *
     * @throws KysoException {@code OUTPUT_FAILED} if the directories cannot be made or another batch holds the lock
     */
    static WorkDirectory open(Path outDir) {
        Path dir = outDir.resolve(BatchSigner.WORK_DIRECTORY);
        FileChannel channel = null;
        try {
            Files.createDirectories(dir);
            channel = FileChannel.open(dir.resolve(LOCK), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                channel.close();
                throw KysoException.localized(ErrorCode.OUTPUT_FAILED, null,
                        outDir + ": một loạt ký khác đang ghi vào thư mục này",
                        outDir + ": another batch is writing into this directory");
            }
            WorkDirectory work = new WorkDirectory(dir, channel, lock);
            int left = work.clean();
            if (left > 0) {
                LOG.info("Removed {} unfinished file(s) left in {} by an earlier run", left, dir);
            }
            return work;
        } catch (IOException e) {
            closeQuietly(channel);
            throw new KysoException(ErrorCode.OUTPUT_FAILED, e, dir.toString());
        }
    }

    /** Where the output named {@code name} is written before it is renamed into place. */
    Path staging(String name) {
        return dir.resolve(name);
    }

    /** Deletes everything but the lock file; returns how many entries went. */
    private int clean() throws IOException {
        int n = 0;
        try (Stream<Path> entries = Files.list(dir)) {
            for (Path p : (Iterable<Path>) entries::iterator) {
                if (!p.getFileName().toString().equals(LOCK)) {
                    deleteTree(p);
                    n++;
                }
            }
        }
        return n;
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : (Iterable<Path>) s.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(p);
            }
        }
    }

    /** Removes the work directory and releases the lock. Never throws. */
    @Override
    public void close() {
        try {
            clean();
        } catch (IOException | RuntimeException e) {
            LOG.debug("Cleaning {}: {}", dir, e.toString());
        }
        try {
            lock.release();
        } catch (IOException e) {
            LOG.debug("Releasing the lock of {}: {}", dir, e.toString());
        }
        closeQuietly(channel);
        try {
            Files.deleteIfExists(dir.resolve(LOCK));
            Files.deleteIfExists(dir);
        } catch (IOException e) {
            LOG.debug("Removing {}: {}", dir, e.toString());
        }
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                LOG.debug("Closing a lock file: {}", e.toString());
            }
        }
    }
}
