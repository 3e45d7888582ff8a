package vn.kyso.pdf.internal.sign;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSBoolean;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSDocument;
import org.apache.pdfbox.cos.COSFloat;
import org.apache.pdfbox.cos.COSInteger;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSNull;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.cos.COSObjectKey;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdfwriter.COSWriter;
import org.apache.pdfbox.pdmodel.encryption.SecurityHandler;

/**
 * One incremental revision of a PDF: the new and changed indirect objects, serialised after the
 * original bytes with their own cross-reference section (a classic table, or an xref stream when the
 * input's last section is one) and a trailer pointing back with /Prev. Objects keep the numbers they
 * have; new ones are numbered from the input's /Size in the order they are added or first referenced,
 * so the same unencrypted input and the same changes always give the same bytes. Streams and strings
 * of the revision are encrypted with the document's key when the input is encrypted (AES with random
 * IVs, so those bytes differ each time); the signature's /Contents never is. At most one signature placeholder: /Contents reserved as zeros and a fixed-width
 * /ByteRange, both located in the result. Internal; not thread-safe (one per revision).
 */
final class Increment {
    private static final byte[] EOL = {'\n'};

    private final COSDocument document;
    private final long originalLength;
    private final boolean needsEol;
    private final SecurityHandler<?> security;
    private final Map<COSBase, COSObjectKey> keys = new IdentityHashMap<>();
    private final Set<COSObjectKey> queued = new HashSet<>();
    private final Deque<COSBase> pending = new ArrayDeque<>();
    private long next;

    private COSString contents;
    private COSArray byteRange;
    private int contentsBytes;

    /**
     * @param originalLength the length of the input file
     * @param endsWithEol whether the input's last byte is an end-of-line marker
     * @param security the input's security handler, or null when it is not encrypted
     */
    Increment(COSDocument document, long originalLength, boolean endsWithEol, SecurityHandler<?> security) {
        this.document = document;
        this.originalLength = originalLength;
        this.needsEol = !endsWithEol;
        this.security = security;
        long size = document.getTrailer().getLong(COSName.SIZE);
        next = Math.max(size, document.getHighestXRefObjectNumber() + 1);
    }

    /** Adds a new indirect object (idempotent) and returns it. */
    <T extends COSBase> T add(T object) {
        key(object);
        return object;
    }

    /** Rewrites an existing indirect object of the input in this revision. */
    void update(COSBase object) {
        COSObjectKey key = object.getKey();
        if (key == null) {
            throw new IllegalArgumentException("not an indirect object of the input");
        }
        if (queued.add(key)) {
            pending.add(object);
        }
    }

    /** Rewrites the indirect object holding {@code object} directly, or {@code object} itself if indirect. */
    void update(COSBase object, COSBase owner) {
        update(object.getKey() != null ? object : owner);
    }

    /**
     * Marks the signature value placeholder: {@code contents} is written as {@code bytes} zero bytes in
     * hexadecimal, {@code byteRange} as four fixed-width numbers filled in by {@link #write}.
     */
    void placeholder(COSString contents, COSArray byteRange, int bytes) {
        this.contents = contents;
        this.byteRange = byteRange;
        this.contentsBytes = bytes;
    }

    /** The serialised revision, with the location of the reserved /Contents if any. */
    static final class Bytes {
        /** The bytes to append to the input. */
        final byte[] data;
        /** Offset in {@link #data} of the {@code <} that opens /Contents, or -1 without a placeholder. */
        final int contentsStart;
        /** Offset in {@link #data} just after the {@code >} that closes /Contents. */
        final int contentsEnd;

        Bytes(byte[] data, int contentsStart, int contentsEnd) {
            this.data = data;
            this.contentsStart = contentsStart;
            this.contentsEnd = contentsEnd;
        }
    }

    /** Serialises the revision (to be appended at {@code originalLength}); called once. */
    Bytes write() throws IOException {
        Out out = new Out();
        if (needsEol) {
            out.write(EOL);
        }
        Map<COSObjectKey, Long> offsets = new TreeMap<>();
        // objects referenced for the first time while writing (new streams) are queued and written too
        while (!pending.isEmpty()) {
            COSBase object = pending.poll();
            COSObjectKey key = keyOf(object);
            offsets.put(key, originalLength + out.size());
            out.ascii(key.getNumber() + " " + key.getGeneration() + " obj\n");
            writeObject(object, key, out);
            out.ascii("\nendobj\n");
        }
        boolean stream = document.isXRefStream();
        long xrefOffset = originalLength + out.size();
        COSDictionary trailer = trailer();
        if (stream) {
            writeXrefStream(offsets, trailer, xrefOffset, out);
        } else {
            writeXrefTable(offsets, trailer, out);
        }
        out.ascii("startxref\n" + xrefOffset + "\n%%EOF\n");
        byte[] data = out.toByteArray();
        if (contents == null) {
            return new Bytes(data, -1, -1);
        }
        if (out.contentsStart < 0 || out.byteRangeStart < 0) {
            throw new IllegalStateException("signature placeholder not written");
        }
        long start = originalLength + out.contentsStart;
        long end = originalLength + out.contentsEnd;
        long total = originalLength + data.length;
        String range = "0 " + start + " " + end + " " + (total - end);
        byte[] r = range.getBytes(StandardCharsets.US_ASCII);
        if (r.length > out.byteRangeWidth) {
            throw new IllegalStateException("ByteRange placeholder too small");
        }
        System.arraycopy(r, 0, data, out.byteRangeStart, r.length);
        return new Bytes(data, out.contentsStart, out.contentsEnd);
    }

    private COSDictionary trailer() {
        COSDictionary original = document.getTrailer();
        COSDictionary t = new COSDictionary();
        t.setLong(COSName.SIZE, next);
        for (COSName name : new COSName[] {COSName.ROOT, COSName.INFO, COSName.ID, COSName.ENCRYPT}) {
            COSBase v = original.getItem(name);
            if (v != null) {
                t.setItem(name, v);
            }
        }
        t.setLong(COSName.PREV, document.getStartXref());
        return t;
    }

    private void writeXrefTable(Map<COSObjectKey, Long> offsets, COSDictionary trailer, Out out) throws IOException {
        out.ascii("xref\n");
        List<List<Map.Entry<COSObjectKey, Long>>> runs = runs(offsets);
        for (List<Map.Entry<COSObjectKey, Long>> run : runs) {
            out.ascii(run.get(0).getKey().getNumber() + " " + run.size() + "\n");
            for (Map.Entry<COSObjectKey, Long> e : run) {
                out.ascii(String.format("%010d %05d n\r\n", e.getValue(), e.getKey().getGeneration()));
            }
        }
        out.ascii("trailer\n");
        writeDirect(trailer, null, out);
        out.ascii("\n");
    }

    private void writeXrefStream(Map<COSObjectKey, Long> offsets, COSDictionary trailer, long xrefOffset, Out out)
            throws IOException {
        COSObjectKey self = new COSObjectKey(next++, 0);
        trailer.setLong(COSName.SIZE, next);
        Map<COSObjectKey, Long> all = new TreeMap<>(offsets);
        all.put(self, xrefOffset);
        int width = 1;
        while ((xrefOffset >> (8 * width)) > 0) {
            width++;
        }
        ByteArrayOutputStream entries = new ByteArrayOutputStream();
        COSArray index = new COSArray();
        for (List<Map.Entry<COSObjectKey, Long>> run : runs(all)) {
            index.add(COSInteger.get(run.get(0).getKey().getNumber()));
            index.add(COSInteger.get(run.size()));
            for (Map.Entry<COSObjectKey, Long> e : run) {
                entries.write(1);
                for (int i = width - 1; i >= 0; i--) {
                    entries.write((int) (e.getValue() >> (8 * i)));
                }
                entries.write(e.getKey().getGeneration() >> 8);
                entries.write(e.getKey().getGeneration());
            }
        }
        trailer.setItem(COSName.TYPE, COSName.XREF);
        trailer.setItem(COSName.INDEX, index);
        COSArray w = new COSArray();
        w.add(COSInteger.ONE);
        w.add(COSInteger.get(width));
        w.add(COSInteger.get(2));
        trailer.setItem(COSName.W, w);
        trailer.setInt(COSName.LENGTH, entries.size());
        out.ascii(self.getNumber() + " 0 obj\n");
        writeDirect(trailer, null, out);
        out.ascii("\nstream\r\n");
        entries.writeTo(out);
        out.ascii("\r\nendstream\nendobj\n");
    }

    private static List<List<Map.Entry<COSObjectKey, Long>>> runs(Map<COSObjectKey, Long> sorted) {
        List<List<Map.Entry<COSObjectKey, Long>>> runs = new ArrayList<>();
        List<Map.Entry<COSObjectKey, Long>> run = null;
        long last = -2;
        for (Map.Entry<COSObjectKey, Long> e : sorted.entrySet()) {
            long n = e.getKey().getNumber();
            if (run == null || n != last + 1) {
                run = new ArrayList<>();
                runs.add(run);
            }
            run.add(e);
            last = n;
        }
        return runs;
    }

    private COSObjectKey key(COSBase object) {
        COSObjectKey k = keys.get(object);
        if (k == null) {
            k = new COSObjectKey(next++, 0);
            keys.put(object, k);
            queued.add(k);
            pending.add(object);
        }
        return k;
    }

    private COSObjectKey keyOf(COSBase object) {
        COSObjectKey k = keys.get(object);
        return k != null ? k : object.getKey();
    }

    /** Writes an indirect object's body: a stream with its data, or any other object directly. */
    private void writeObject(COSBase object, COSObjectKey key, Out out) throws IOException {
        if (!(object instanceof COSStream)) {
            writeDirect(object, key, out);
            return;
        }
        COSStream stream = (COSStream) object;
        byte[] data;
        try (InputStream in = stream.createRawInputStream()) {
            data = in.readAllBytes();
        }
        if (security != null && data.length > 0) {
            COSStream copy = new COSStream();
            try (OutputStream o = copy.createRawOutputStream()) {
                o.write(data);
            }
            security.encryptStream(copy, key.getNumber(), key.getGeneration());
            try (InputStream in = copy.createRawInputStream()) {
                data = in.readAllBytes();
            }
        }
        out.ascii("<<");
        for (Map.Entry<COSName, COSBase> e : stream.entrySet()) {
            if (!COSName.LENGTH.equals(e.getKey())) {
                e.getKey().writePDF(out);
                out.ascii(" ");
                writeValue(e.getValue(), key, out);
            }
        }
        out.ascii("/Length " + data.length + ">>\nstream\r\n");
        out.write(data);
        out.ascii("\r\nendstream");
    }

    /** A value inside an object: a reference for indirect objects, the object itself otherwise. */
    private void writeValue(COSBase value, COSObjectKey owner, Out out) throws IOException {
        if (value instanceof COSObject) {
            reference(((COSObject) value).getKey(), out);
        } else if (keys.containsKey(value) || value.getKey() != null || value instanceof COSStream) {
            reference(value.getKey() != null && !keys.containsKey(value) ? value.getKey() : key(value), out);
        } else {
            writeDirect(value, owner, out);
        }
    }

    private static void reference(COSObjectKey k, Out out) throws IOException {
        out.ascii(k.getNumber() + " " + k.getGeneration() + " R");
    }

    /**
     * Writes an object directly (never as a reference at the top level).
     *
     * @param owner the indirect object it belongs to (strings are encrypted with its key), or null for
     *     the trailer and the xref stream, which are never encrypted
     */
    private void writeDirect(COSBase value, COSObjectKey owner, Out out) throws IOException {
        if (value instanceof COSDictionary) {
            out.ascii("<<");
            for (Map.Entry<COSName, COSBase> e : ((COSDictionary) value).entrySet()) {
                e.getKey().writePDF(out);
                out.ascii(" ");
                writeValue(e.getValue(), owner, out);
            }
            out.ascii(">>");
        } else if (value instanceof COSArray) {
            if (value == byteRange) {
                out.ascii("[");
                out.byteRangeStart = out.size();
                out.byteRangeWidth = 3 * (String.valueOf(originalLength).length() + 8) + 4;
                out.ascii(" ".repeat(out.byteRangeWidth) + "]");
                return;
            }
            out.ascii("[");
            boolean first = true;
            for (COSBase item : (COSArray) value) {
                if (!first) {
                    out.ascii(" ");
                }
                first = false;
                writeValue(item == null ? COSNull.NULL : item, owner, out);
            }
            out.ascii("]");
        } else if (value instanceof COSString) {
            if (value == contents) {
                out.contentsStart = out.size();
                out.ascii("<");
                out.write(zeros(2 * contentsBytes));
                out.ascii(">");
                out.contentsEnd = out.size();
                return;
            }
            COSString s = (COSString) value;
            if (security != null && owner != null) {
                COSString copy = new COSString(s.getBytes());
                security.encryptString(copy, owner.getNumber(), owner.getGeneration());
                s = copy;
            }
            COSWriter.writeString(s, out);
        } else if (value instanceof COSName) {
            ((COSName) value).writePDF(out);
        } else if (value instanceof COSInteger) {
            ((COSInteger) value).writePDF(out);
        } else if (value instanceof COSFloat) {
            ((COSFloat) value).writePDF(out);
        } else if (value instanceof COSBoolean) {
            ((COSBoolean) value).writePDF(out);
        } else if (value == null || value instanceof COSNull) {
            out.ascii("null");
        } else {
            throw new IOException("cannot write " + value.getClass().getSimpleName());
        }
    }

    private static byte[] zeros(int n) {
        byte[] b = new byte[n];
        Arrays.fill(b, (byte) '0');
        return b;
    }

    /** The output buffer, remembering where the placeholder went. */
    private static final class Out extends ByteArrayOutputStream {
        int contentsStart = -1;
        int contentsEnd = -1;
        int byteRangeStart = -1;
        int byteRangeWidth;

        Out() {
            super(4096);
        }

        void ascii(String s) {
            byte[] b = s.getBytes(StandardCharsets.ISO_8859_1);
            write(b, 0, b.length);
        }
    }
}
