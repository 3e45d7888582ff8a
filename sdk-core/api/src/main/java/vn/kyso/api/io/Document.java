package vn.kyso.api.io;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import vn.kyso.api.ErrorCode;
import vn.kyso.api.KysoException;
import vn.kyso.api.internal.Args;

/**
 * A document that a signer or the verifier reads: a file, or bytes held in memory. Every signer and
 * the verifier of the SDK take their input as a {@code Document}, whatever the format.
 *
 * <p>Guarantees: immutable; a file-backed document is never loaded into memory by this class (formats
 * that stream, such as detached CAdES or PAdES B-B, read it once); bytes are copied on the way in, so a
 * caller changing its array afterwards changes nothing. Reading a missing or unreadable file is
 * {@code INPUT_UNREADABLE}.
 *
 * <pre>{@code
 * Document pdf = Document.of(Path.of("cong-van.pdf"));
 * Document xml = Document.of(invoiceBytes, "hoa-don.xml");
 * }</pre>
 */
public final class Document {
    private final @Nullable Path path;
    private final byte @Nullable [] bytes;
    private final String name;

    private Document(@Nullable Path path, byte @Nullable [] bytes, String name) {
        this.path = path;
        this.bytes = bytes;
        this.name = name;
    }

    /**
     * {@return a document read from a file when it is used (its name is the file name)}
     *
     * @param file the file, read when signed or verified
     */
    public static Document of(Path file) {
        Args.notNull(file, "file");
        Path fileName = file.getFileName();
        return new Document(file, null, fileName == null ? file.toString() : fileName.toString());
    }

    /**
     * {@return a document held in memory (copied), named {@code document}}
     *
     * @param content the bytes (copied)
     */
    public static Document of(byte[] content) {
        return of(content, "document");
    }

    /**
     * {@return a document held in memory (copied) with the name reports and events show}
     *
     * @param content the bytes (copied)
     * @param name a name for messages and reports, e.g. the original file name
     */
    public static Document of(byte[] content, String name) {
        Args.notNull(content, "content");
        Args.notNull(name, "name");
        return new Document(null, content.clone(), name);
    }

    /** {@return the name shown in reports and events: the file name, or the name given with the bytes} */
    public String name() {
        return name;
    }

    /** {@return the file behind this document, or null when it is held in memory} */
    public @Nullable Path path() {
        return path;
    }

    /** {@return the size in bytes ({@code INPUT_UNREADABLE} when the file cannot be read)} */
    public long size() {
        if (bytes != null) {
            return bytes.length;
        }
        try {
            return Files.size(path);
        } catch (IOException e) {
            throw new KysoException(ErrorCode.INPUT_UNREADABLE, e, String.valueOf(path));
        }
    }

    /** {@return a new stream over the content; the caller closes it ({@code INPUT_UNREADABLE} for a bad file)} */
    public InputStream openStream() {
        if (bytes != null) {
            return new ByteArrayInputStream(bytes);
        }
        try {
            return Files.newInputStream(path);
        } catch (IOException e) {
            throw new KysoException(ErrorCode.INPUT_UNREADABLE, e, String.valueOf(path));
        }
    }

    /** {@return the whole content as a new array (a file is read here; mind its size)} */
    public byte[] toBytes() {
        if (bytes != null) {
            return bytes.clone();
        }
        try {
            return Files.readAllBytes(path);
        } catch (IOException | OutOfMemoryError e) {
            throw new KysoException(ErrorCode.INPUT_UNREADABLE, e, String.valueOf(path));
        }
    }

    @Override
    public String toString() {
        return "Document[" + name + (path != null ? "" : ", " + bytes.length + " bytes in memory") + "]";
    }
}
