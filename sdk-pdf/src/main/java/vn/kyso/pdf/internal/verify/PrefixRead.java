package vn.kyso.pdf.internal.verify;

import java.io.IOException;
import java.nio.file.Path;
import org.apache.pdfbox.io.RandomAccessRead;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;
import org.apache.pdfbox.io.RandomAccessReadView;

/**
 * The first {@code length} bytes of a file as a PDFBox source, read from disk on demand: a signed
 * revision of a PDF is a prefix of the file, so it is parsed without copying it or holding it in memory.
 * PDFBox reads streams through views ({@link #createView}), which get their own file handle.
 */
final class PrefixRead implements RandomAccessRead {
    private final Path file;
    private final long length;
    private final RandomAccessReadBufferedFile source;
    private RandomAccessReadBufferedFile viewSource;

    PrefixRead(Path file, long length) throws IOException {
        this.file = file;
        this.source = new RandomAccessReadBufferedFile(file);
        if (length < 0 || length > source.length()) {
            source.close();
            throw new IOException("revision length " + length + " outside the file");
        }
        this.length = length;
    }

    @Override
    public int read() throws IOException {
        return isEOF() ? -1 : source.read();
    }

    @Override
    public int read(byte[] b, int offset, int len) throws IOException {
        long left = length - source.getPosition();
        if (left <= 0) {
            return -1;
        }
        return source.read(b, offset, (int) Math.min(len, left));
    }

    @Override
    public long getPosition() throws IOException {
        return source.getPosition();
    }

    @Override
    public void seek(long position) throws IOException {
        // PDFBox seeks past the end while looking for the trailer; stop at the end like a file does
        source.seek(Math.min(position, length));
    }

    @Override
    public long length() {
        return length;
    }

    @Override
    public boolean isClosed() {
        return source.isClosed();
    }

    @Override
    public boolean isEOF() throws IOException {
        return source.getPosition() >= length;
    }

    @Override
    public RandomAccessReadView createView(long startPosition, long streamLength) throws IOException {
        if (startPosition < 0 || streamLength < 0 || startPosition + streamLength > length) {
            throw new IOException("stream outside the revision");
        }
        if (viewSource == null || viewSource.isClosed()) {
            viewSource = new RandomAccessReadBufferedFile(file);
        }
        return new RandomAccessReadView(viewSource, startPosition, streamLength);
    }

    @Override
    public void close() throws IOException {
        try {
            source.close();
        } finally {
            if (viewSource != null) {
                viewSource.close();
            }
        }
    }
}
