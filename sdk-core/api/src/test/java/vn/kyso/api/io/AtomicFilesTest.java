package vn.kyso.api.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.kyso.api.ErrorCode;
import vn.kyso.api.KysoException;

class AtomicFilesTest {

    private static ByteBuffer ascii(String s) {
        return ByteBuffer.wrap(s.getBytes(StandardCharsets.US_ASCII));
    }

    @Test
    void aChannelWritesThenPatchesInPlace(@TempDir Path dir) throws Exception {
        Path target = dir.resolve("out.txt");
        AtomicFiles.writeChannel(target, ch -> {
            ch.write(ascii("head[....]tail"));
            ch.write(ascii("ABCD"), 5);
        });
        assertEquals("head[ABCD]tail", Files.readString(target));
    }

    @Test
    void aFailureKeepsTheOldTargetAndLeavesNoTemporaryFile(@TempDir Path dir) throws Exception {
        Path target = Files.writeString(dir.resolve("out.txt"), "old");
        KysoException refused = new KysoException(ErrorCode.SIGNING_FAILED, "test");
        assertSame(refused, assertThrows(KysoException.class, () -> AtomicFiles.writeChannel(target, ch -> {
            ch.write(ascii("half of the new content"));
            throw refused;
        })));
        assertEquals("old", Files.readString(target));
        assertEquals(ErrorCode.OUTPUT_FAILED, assertThrows(KysoException.class, () -> AtomicFiles.write(target, out -> {
            out.write(1);
            throw new java.io.IOException("disk full");
        })).errorCode());
        assertEquals("old", Files.readString(target));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(1, files.count());
        }
        Path fresh = dir.resolve("fresh.txt");
        assertThrows(KysoException.class, () -> AtomicFiles.writeChannel(fresh, ch -> {
            throw refused;
        }));
        assertFalse(Files.exists(fresh));
    }
}
