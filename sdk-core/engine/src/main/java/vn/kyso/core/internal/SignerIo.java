package vn.kyso.core.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Function;
import vn.kyso.api.ErrorCode;
import vn.kyso.api.KysoException;
import vn.kyso.api.SigningResult;
import vn.kyso.api.internal.Args;
import vn.kyso.api.internal.SigningResults;
import vn.kyso.api.io.Document;
import vn.kyso.api.io.Output;

/**
 * How the signers map the one input/output shape ({@link Document}, {@link Output}) onto engines that
 * work on files: a document held in memory becomes a temporary file for the call, an output to memory or
 * to a stream is produced in a temporary file (or in memory, for engines that can) and then delivered.
 * Temporary files are removed whatever happens. Internal.
 */
public final class SignerIo {
    private SignerIo() {
    }

    /** Runs {@code body} with a file holding the document: its own file, or a temporary copy of its bytes. */
    public static <T> T withFile(Document input, Function<Path, T> body) {
        Args.notNull(input, "input");
        Path path = input.path();
        if (path != null) {
            return body.apply(path);
        }
        Path dir = null;
        Path file = null;
        try {
            dir = Files.createTempDirectory("kyso-in");
            file = dir.resolve(safeName(input.name()));
            try (OutputStream os = Files.newOutputStream(file)) {
                os.write(input.toBytes());
            }
            return body.apply(file);
        } catch (IOException e) {
            throw new KysoException(ErrorCode.INPUT_UNREADABLE, e, input.name());
        } finally {
            delete(file);
            delete(dir);
        }
    }

    /**
     * For engines that write a file: {@code write} writes the output to the file it is given (the
     * caller's file, or a temporary one whose content then goes to memory or the stream).
     */
    public static SigningResult viaFile(Output output, Function<Path, SigningResult> write) {
        Args.notNull(output, "output");
        Path target = output.path();
        if (target != null) {
            return write.apply(target);
        }
        Path dir = null;
        Path file = null;
        try {
            dir = Files.createTempDirectory("kyso-out");
            file = dir.resolve("output");
            SigningResult r = write.apply(file);
            byte[] bytes = Files.readAllBytes(file);
            return deliver(output, SigningResults.result(bytes, r.algorithm(), r.level(), r.signingTime()));
        } catch (IOException e) {
            throw new KysoException(ErrorCode.OUTPUT_FAILED, e, output.toString());
        } finally {
            delete(file);
            delete(dir);
        }
    }

    /**
     * For engines that return the output in memory when they get no file: the file target to hand the
     * engine (null for memory and streams).
     */
    public static Path fileOrNull(Output output) {
        return Args.notNull(output, "output").path();
    }

    /**
     * Delivers a result produced in memory to a stream output (the result then carries no bytes); a
     * file or memory output returns it unchanged.
     */
    public static SigningResult deliver(Output output, SigningResult result) {
        OutputStream stream = output.stream();
        if (stream == null) {
            return result;
        }
        byte[] bytes = result.signed();
        if (bytes == null) {
            return result;
        }
        try {
            stream.write(bytes);
            stream.flush();
        } catch (IOException e) {
            throw new KysoException(ErrorCode.OUTPUT_FAILED, e, "stream");
        }
        return SigningResults.result(null, result.algorithm(), result.level(), result.signingTime());
    }

    private static String safeName(String name) {
        String n = name.replaceAll("[^\\p{L}\\p{N}._-]", "_");
        if (n.isEmpty() || n.startsWith(".")) {
            n = "document" + n;
        }
        return n.length() > 100 ? n.substring(n.length() - 100) : n;
    }

    private static void delete(Path p) {
        if (p != null) {
            try {
                Files.deleteIfExists(p);
            } catch (IOException ignored) {
                // best effort: a temporary file in the system's temporary directory
            }
        }
    }
}
