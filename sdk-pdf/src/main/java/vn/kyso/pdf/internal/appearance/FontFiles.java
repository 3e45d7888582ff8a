package vn.kyso.pdf.internal.appearance;

import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessRead;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import vn.kyso.api.ErrorCode;
import vn.kyso.api.KysoException;

/**
 * The Liberation Serif files shipped in kyso-pdf, read from the jar once per process, and parsed fonts
 * lent to one drawing at a time: reading and parsing the 390 kB file for every visible signature cost
 * about 2 ms of CPU and 2 MB of allocation (docs/PERFORMANCE.md). The bytes themselves are never handed out (callers get
 * copies or read-only views), and a lent font is used by one thread until it is given back; at most
 * {@value #MAX_IDLE} parsed fonts per face wait between drawings. Internal.
 */
public final class FontFiles {
    /** Liberation Serif Regular. */
    public static final FontFiles REGULAR = new FontFiles("LiberationSerif-Regular.ttf");
    /** Liberation Serif Bold. */
    public static final FontFiles BOLD = new FontFiles("LiberationSerif-Bold.ttf");
    private static final String DIR = "/vn/kyso/pdf/fonts/";
    private static final int MAX_IDLE = 4;

    private final String file;
    private final ConcurrentLinkedQueue<TrueTypeFont> idle = new ConcurrentLinkedQueue<>();
    private volatile byte[] bytes;

    private FontFiles(String file) {
        this.file = file;
    }

    private byte[] bytes() {
        byte[] b = bytes;
        if (b == null) {
            synchronized (this) {
                b = bytes;
                if (b == null) {
                    try (InputStream in = FontFiles.class.getResourceAsStream(DIR + file)) {
                        if (in == null) {
                            throw KysoException.localized(ErrorCode.INTERNAL, null, "thiếu tệp phông chữ trong thư viện: " + file,
                                "font resource missing: " + file);
                        }
                        b = in.readAllBytes();
                    } catch (IOException e) {
                        throw KysoException.localized(ErrorCode.INTERNAL, e, "không đọc được tệp phông chữ " + file,
                                "font " + file + " could not be read");
                    }
                    bytes = b;
                }
            }
        }
        return b;
    }

    /** A copy of the TrueType file. */
    public byte[] copy() {
        return bytes().clone();
    }

    /** A read-only view of the TrueType file (for PDFBox to parse). */
    public RandomAccessRead read() {
        return new RandomAccessReadBuffer(bytes());
    }

    /**
     * A parsed font for the caller alone until {@link #giveBack}; never closed by the caller. Glyph
     * substitution (GSUB: ligatures, composition) is off: appearances write NFC text, for which the font
     * has a glyph per Vietnamese letter, and PDFBox would otherwise compile its substitution rules into
     * regular expressions for every line shown (about 1.5 ms per text block).
     */
    TrueTypeFont lend() throws IOException {
        TrueTypeFont f = idle.poll();
        if (f == null) {
            f = new TTFParser().parse(read());
            f.setEnableGsub(false);
        }
        return f;
    }

    /** Returns a font {@link #lend} gave, once its user is done with it (its subset written). */
    void giveBack(TrueTypeFont font) {
        if (idle.size() < MAX_IDLE) {
            idle.add(font);
        } else {
            try {
                font.close();
            } catch (IOException ignored) {
                // an in-memory view: nothing to release
            }
        }
    }
}
