package vn.kyso.pdf.internal.appearance;

import java.io.IOException;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import vn.kyso.api.ErrorCode;
import vn.kyso.api.KysoException;

/**
 * The fonts kyso-pdf writes with: Liberation
 * Serif (metric-compatible with Times New Roman, as Decree 30/2020 asks; covers Vietnamese), shipped
 * in this jar under the SIL Open Font License. The files are read from the jar once per process.
 */
public final class PdfFonts {
    private PdfFonts() {
    }

    /** Liberation Serif Regular, subset-embedded into {@code doc}. */
    public static PDType0Font serif(PDDocument doc) {
        return load(doc, FontFiles.REGULAR, true);
    }

    /** Liberation Serif Bold, subset-embedded into {@code doc}. */
    public static PDType0Font serifBold(PDDocument doc) {
        return load(doc, FontFiles.BOLD, true);
    }

    /**
     * Liberation Serif Regular embedded whole (not subset): what form fields need, since their
     * appearances are regenerated later with characters not known today.
     */
    public static PDType0Font serifForForms(PDDocument doc) {
        return load(doc, FontFiles.REGULAR, false);
    }

    /** The Liberation Serif Regular TrueType file, for renderers that embed fonts themselves. */
    public static byte[] serifFile() {
        return FontFiles.REGULAR.copy();
    }

    private static PDType0Font load(PDDocument doc, FontFiles file, boolean subset) {
        try {
            return PDType0Font.load(doc, file.read(), subset, false);
        } catch (IOException e) {
            throw new KysoException(ErrorCode.INTERNAL, e, "font");
        }
    }
}
