package vn.kyso.core.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import vn.kyso.api.DigestAlgorithm;
import vn.kyso.api.ErrorCode;
import vn.kyso.api.KysoException;

/** Reading signed data: streaming digests, bounded reads and readability checks, for the format modules. */
public final class DataFiles {
    private DataFiles() {
    }

    /** The digest of a file, read once in a streaming fashion. */
    public static byte[] digest(Path file, DigestAlgorithm alg) {
        MessageDigest md = alg.newDigest();
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buf = new byte[64 * 1024];
            int n;
            while ((n = in.read(buf)) > 0) {
                md.update(buf, 0, n);
            }
        } catch (IOException | RuntimeException e) {
            throw new KysoException(ErrorCode.INPUT_UNREADABLE, e, String.valueOf(file));
        }
        return md.digest();
    }

    /** Fails with INPUT_UNREADABLE unless the path is a readable regular file. */
    public static void requireReadable(Path file) {
        if (file == null || !Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new KysoException(ErrorCode.INPUT_UNREADABLE, String.valueOf(file));
        }
    }

    /** Reads a whole (small) file. */
    public static byte[] read(Path file, long max) {
        requireReadable(file);
        try {
            if (Files.size(file) > max) {
                throw KysoException.localized(ErrorCode.INPUT_UNREADABLE, null, file + " (lớn hơn " + max + " byte)",
                        file + " (larger than " + max + " bytes)");
            }
            return Files.readAllBytes(file);
        } catch (IOException | RuntimeException e) {
            if (e instanceof KysoException) {
                throw (KysoException) e;
            }
            throw new KysoException(ErrorCode.INPUT_UNREADABLE, e, String.valueOf(file));
        }
    }

    /** The first bytes of a file. */
    public static byte[] head(Path file, int n) {
        requireReadable(file);
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(n);
        } catch (IOException | RuntimeException e) {
            throw new KysoException(ErrorCode.INPUT_UNREADABLE, e, String.valueOf(file));
        }
    }

    /** Fails with INPUT_UNREADABLE unless a file-backed document is a readable regular file. */
    public static void requireReadable(vn.kyso.api.io.Document document) {
        if (document.path() != null) {
            requireReadable(document.path());
        }
    }

    /** The first bytes of a document. */
    public static byte[] head(vn.kyso.api.io.Document document, int n) {
        requireReadable(document);
        try (InputStream in = document.openStream()) {
            return in.readNBytes(n);
        } catch (IOException | RuntimeException e) {
            if (e instanceof KysoException) {
                throw (KysoException) e;
            }
            throw new KysoException(ErrorCode.INPUT_UNREADABLE, e, document.name());
        }
    }

    /** Reads a whole (small) document. */
    public static byte[] read(vn.kyso.api.io.Document document, long max) {
        if (document.path() != null) {
            return read(document.path(), max);
        }
        if (document.size() > max) {
            throw KysoException.localized(ErrorCode.INPUT_UNREADABLE, null,
                    document.name() + " (lớn hơn " + max + " byte)", document.name() + " (larger than " + max + " bytes)");
        }
        return document.toBytes();
    }

    /** The document as DSS reads it: the file itself (streamed where DSS can), or the bytes. */
    public static eu.europa.esig.dss.model.DSSDocument dss(vn.kyso.api.io.Document document) {
        Path file = document.path();
        if (file != null) {
            requireReadable(file);
            return new eu.europa.esig.dss.model.FileDocument(file.toFile());
        }
        return new eu.europa.esig.dss.model.InMemoryDocument(document.toBytes(), document.name());
    }
}
