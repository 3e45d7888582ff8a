package vn.kyso.pdf.internal;

import java.io.IOException;
import java.io.InputStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import vn.kyso.api.ErrorCode;
import vn.kyso.api.KysoException;

/** The fonts kyso-pdf writes with: Liberation Serif (Times-compatible, covers Vietnamese), shipped as resources. */
public final class Fonts {
    private static final String DIR = "/vn/kyso/pdf/fonts/";

    private Fonts() {
    }

    /** Liberation Serif Regular, subset-embedded into {@code doc}. */
    public static PDType0Font serif(PDDocument doc) {
        return load(doc, "LiberationSerif-Regular.ttf");
    }

    /** Liberation Serif Bold, subset-embedded into {@code doc}. */
    public static PDType0Font serifBold(PDDocument doc) {
        return load(doc, "LiberationSerif-Bold.ttf");
    }

    private static PDType0Font load(PDDocument doc, String file) {
        try (InputStream in = Fonts.class.getResourceAsStream(DIR + file)) {
            if (in == null) {
                throw new KysoException(ErrorCode.INTERNAL, "font resource missing: " + file);
            }
            return PDType0Font.load(doc, in, true);
        } catch (IOException e) {
            throw new KysoException(ErrorCode.INTERNAL, e, "font " + file);
        }
    }
}
