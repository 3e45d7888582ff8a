package vn.kyso.pdf;

import java.io.IOException;
import java.io.InputStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import vn.kyso.api.ErrorCode;
import vn.kyso.api.KysoException;

/**
 * The fonts kyso-pdf writes with, for applications that build PDFs with Vietnamese text too: Liberation
 * Serif (metric-compatible with Times New Roman, as Decree 30/2020 asks; covers Vietnamese), shipped
 * in this jar under the SIL Open Font License.
 */
public final class PdfFonts {
    private static final String DIR = "/vn/kyso/pdf/fonts/";

    private PdfFonts() {
    }

    /** Liberation Serif Regular, subset-embedded into {@code doc}. */
    public static PDType0Font serif(PDDocument doc) {
        return load(doc, "LiberationSerif-Regular.ttf");
    }

    /** Liberation Serif Bold, subset-embedded into {@code doc}. */
    public static PDType0Font serifBold(PDDocument doc) {
        return load(doc, "LiberationSerif-Bold.ttf");
    }

    /**
     * Liberation Serif Regular embedded whole (not subset): what form fields need, since their
     * appearances are regenerated later with characters not known today.
     */
    public static PDType0Font serifForForms(PDDocument doc) {
        try (InputStream in = open("LiberationSerif-Regular.ttf")) {
            return PDType0Font.load(doc, in, false);
        } catch (IOException e) {
            throw new KysoException(ErrorCode.INTERNAL, e, "font");
        }
    }

    /** The Liberation Serif Regular TrueType file, for renderers that embed fonts themselves. */
    public static byte[] serifFile() {
        try (InputStream in = open("LiberationSerif-Regular.ttf")) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new KysoException(ErrorCode.INTERNAL, e, "font");
        }
    }

    private static InputStream open(String file) {
        InputStream in = PdfFonts.class.getResourceAsStream(DIR + file);
        if (in == null) {
            throw new KysoException(ErrorCode.INTERNAL, "font resource missing: " + file);
        }
        return in;
    }

    private static PDType0Font load(PDDocument doc, String file) {
        try (InputStream in = open(file)) {
            return PDType0Font.load(doc, in, true);
        } catch (IOException e) {
            throw new KysoException(ErrorCode.INTERNAL, e, "font " + file);
        }
    }
}
