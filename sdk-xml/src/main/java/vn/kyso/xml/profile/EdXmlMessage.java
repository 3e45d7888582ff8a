package vn.kyso.xml.profile;

import org.jspecify.annotations.Nullable;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import vn.kyso.api.ErrorCode;
import vn.kyso.api.KysoException;
import vn.kyso.api.internal.Args;
import vn.kyso.api.io.AtomicFiles;

/**
 * An edXML message (QCVN 102:2016): its {@link EdXmlHeader}, trace headers and attachments. Built with
 * {@link EdXml#builder()} and written with {@link #writeTo(Path)}, or read back from a received message
 * with {@link EdXml#extract}. Immutable; attachments given as files are read only when the message is
 * written, streamed (never held in memory).
 */
public final class EdXmlMessage {
    private final EdXmlHeader header;
    private final List<TraceHeader> traceHeaders;
    private final List<Attachment> attachments;

    EdXmlMessage(EdXmlHeader header, List<TraceHeader> traceHeaders, List<Attachment> attachments) {
        this.header = header;
        this.traceHeaders = List.copyOf(traceHeaders);
        this.attachments = List.copyOf(attachments);
    }

    /** {@return the header} */
    public EdXmlHeader header() {
        return header;
    }

    /**
     * {@code TraceHeaderList}: the organisations the message passed through, in order.
     *
     * @return the trace headers, in order, unmodifiable
     */
    public List<TraceHeader> traceHeaders() {
        return traceHeaders;
    }

    /** {@return the attachments, in order, unmodifiable} */
    public List<Attachment> attachments() {
        return attachments;
    }

    /**
     * The unsigned message document.
     *
     * @return the message as XML bytes (UTF-8)
     */
    public byte[] toXml() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            EdXmlCodec.write(this, out);
        } catch (IOException e) {
            throw new KysoException(ErrorCode.OUTPUT_FAILED, e, "edXML");
        }
        return out.toByteArray();
    }

    /**
     * Writes the unsigned message atomically, streaming file attachments as base64.
     *
     * @param file where the message is written (atomically)
     * @throws KysoException {@code INPUT_UNREADABLE} if an attachment file cannot be read,
     *     {@code OUTPUT_FAILED} if the message cannot be written
     */
    public void writeTo(Path file) {
        AtomicFiles.write(file, out -> EdXmlCodec.write(this, out));
    }

    /** One {@code TraceHeader}: the organisation's code and the time it handled the message, as text. */
    public static final class TraceHeader {
        private final String organId;
        private final String timestamp;

        /**
         * A trace entry.
         *
         * @param organId the organisation's exchange code
         * @param timestamp the time as written, or null
         */
        public TraceHeader(String organId, @Nullable String timestamp) {
            this.organId = Args.notNull(organId, "organId");
            this.timestamp = timestamp;
        }

        /** {@return the organisation's exchange code} */
        public String organId() {
            return organId;
        }

        /** {@return the time as written (e.g. ISO 8601 with +07:00), or null} */
        public String timestamp() {
            return timestamp;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof TraceHeader && organId.equals(((TraceHeader) o).organId)
                    && Objects.equals(timestamp, ((TraceHeader) o).timestamp);
        }

        @Override
        public int hashCode() {
            return Objects.hash(organId, timestamp);
        }

        @Override
        public String toString() {
            return organId + "@" + timestamp;
        }
    }

    /**
     * An attachment: its manifest entry ({@code ContentId} such as {@code cid:1}, {@code ContentType},
     * {@code AttachmentName}) and its content, held in memory or in a file.
     */
    public static final class Attachment {
        private final String contentId;
        private final String name;
        private final String contentType;
        private final byte[] bytes;
        private final Path file;

        Attachment(String contentId, String name, String contentType, byte[] bytes, Path file) {
            this.contentId = contentId;
            this.name = name;
            this.contentType = contentType;
            this.bytes = bytes;
            this.file = file;
        }

        /** {@return the attachment's {@code ContentId}} */
        public String contentId() {
            return contentId;
        }

        /**
         * The file name the sender gave ({@code AttachmentName}), as written.
         *
         * @return the file name
         */
        public String name() {
            return name;
        }

        /** {@return the media type, e.g. {@code application/pdf}} */
        public String contentType() {
            return contentType;
        }

        /**
         * The file holding the content, or null when the content is in memory.
         *
         * @return the file the content is read from, or null when it is held in memory
         */
        public Path file() {
            return file;
        }

        /**
         * The content (read from the file when it is in one).
         *
         * @return a copy of the content, or null when it is read from a file
         * @throws KysoException {@code INPUT_UNREADABLE} if the file cannot be read
         */
        public byte[] bytes() {
            if (bytes != null) {
                return bytes.clone();
            }
            try {
                return Files.readAllBytes(file);
            } catch (IOException e) {
                throw new KysoException(ErrorCode.INPUT_UNREADABLE, e, String.valueOf(file.getFileName()));
            }
        }

        InputStream open() throws IOException {
            if (bytes != null) {
                return new java.io.ByteArrayInputStream(bytes);
            }
            try {
                return Files.newInputStream(file);
            } catch (IOException e) {
                throw new KysoException(ErrorCode.INPUT_UNREADABLE, e, String.valueOf(file.getFileName()));
            }
        }

        @Override
        public String toString() {
            return contentId + " " + name + " (" + contentType + ")";
        }
    }

    /** Builder for {@link EdXmlMessage}: a header, trace headers and attachments, in order. */
    public static final class Builder {
        private EdXmlHeader header;
        private final List<TraceHeader> traces = new ArrayList<>();
        private final List<Attachment> attachments = new ArrayList<>();

        Builder() {
        }

        /**
         * The message's header, required.
         *
         * @param header the header
         * @return this builder
         */
        public Builder header(EdXmlHeader header) {
            this.header = Args.notNull(header, "header");
            return this;
        }

        /**
         * Adds a {@code TraceHeader}.
         *
         * @param organId the organisation's exchange code
         * @param timestamp the time it handled the message, as text, or null
         * @return this builder
         */
        public Builder traceHeader(String organId, @Nullable String timestamp) {
            traces.add(new TraceHeader(organId, timestamp));
            return this;
        }

        /**
         * An attachment held in memory (copied).
         *
         * @param name the file name, e.g. {@code cong-van.pdf}
         * @param contentType the media type, e.g. {@code application/pdf}
         * @param content the bytes
         * @return this builder
         */
        public Builder attachment(String name, String contentType, byte[] content) {
            Args.notNull(name, "name");
            Args.notNull(contentType, "contentType");
            Args.notNull(content, "content");
            attachments.add(new Attachment(nextId(), check(name, "name"), check(contentType, "contentType"),
                    content.clone(), null));
            return this;
        }

        /**
         * An attachment read from a file when the message is written.
         *
         * @param name the file name in the message
         * @param contentType the media type, e.g. {@code application/pdf}
         * @param file the file to read
         * @return this builder
         * @throws KysoException {@code INPUT_UNREADABLE} when the file is not a readable regular file
         */
        public Builder attachment(String name, String contentType, Path file) {
            Args.notNull(name, "name");
            Args.notNull(contentType, "contentType");
            Args.notNull(file, "file");
            if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
                throw new KysoException(ErrorCode.INPUT_UNREADABLE, String.valueOf(file.getFileName()));
            }
            attachments.add(new Attachment(nextId(), check(name, "name"), check(contentType, "contentType"), null, file));
            return this;
        }

        /** An attachment read back from a message, with its own content id. */
        Builder add(Attachment a) {
            attachments.add(a);
            return this;
        }

        private String nextId() {
            return "cid:" + (attachments.size() + 1);
        }

        private static String check(String v, String what) {
            if (v == null || v.isBlank()) {
                throw KysoException.localized(ErrorCode.INVALID_ARGUMENT, null,
                        "tệp đính kèm edXML: " + what + " để trống",
                        "edXML attachment: " + what + " is blank");
            }
            return v;
        }

        /**
         * {@return the message}
         *
         * @throws KysoException {@code INVALID_ARGUMENT} without a header
         */
        public EdXmlMessage build() {
            if (header == null) {
                throw KysoException.localized(ErrorCode.INVALID_ARGUMENT, null,
                        "edXML: cần có phần tiêu đề",
                        "edXML: header is required");
            }
            return new EdXmlMessage(header, traces, attachments);
        }
    }
}
