package vn.kyso.pdf.internal.appearance;

import java.io.IOException;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAppearanceStream;
import org.apache.pdfbox.util.Matrix;
import vn.kyso.api.cert.CertificateInfo;
import vn.kyso.core.report.ReportWriter;
import vn.kyso.pdf.PdfFonts;

/**
 * The one place visible signature appearances are drawn. The result is a complete form XObject: its
 * fonts embedded (Liberation Serif, subset, with a ToUnicode map so text extraction finds the
 * Vietnamese text), its /BBox the widget's size as the reader sees it and its /Matrix turning it
 * upright on pages with /Rotate 90, 180 or 270. Internal.
 */
public final class Appearances {
    private static final float PADDING = 4f;
    private static final float MAX_FONT = 11f;
    private static final float MIN_FONT = 4f;
    private static final float LEADING = 1.25f;

    private Appearances() {
    }

    /** The normal appearance stream of a signature widget of the given rectangle on a page with the given /Rotate. */
    public static PDAppearanceStream draw(PDDocument document, PDRectangle rectangle, int pageRotation,
                                          AppearanceRequest request) throws IOException {
        int rotation = Math.floorMod(Math.round(pageRotation / 90f) * 90, 360);
        boolean quarter = rotation == 90 || rotation == 270;
        float width = quarter ? rectangle.getHeight() : rectangle.getWidth();
        float height = quarter ? rectangle.getWidth() : rectangle.getHeight();
        PDAppearanceStream appearance = new PDAppearanceStream(document);
        appearance.setBBox(new PDRectangle(width, height));
        appearance.setResources(new PDResources());
        appearance.setMatrix(rotationMatrix(rotation, width, height).createAffineTransform());
        PDType0Font font = PdfFonts.serif(document);
        List<String> lines = lines(request);
        float size = fontSize(font, lines, width, height);
        try (PDPageContentStream cs = new PDPageContentStream(document, appearance)) {
            cs.beginText();
            cs.setFont(font, size);
            cs.setNonStrokingColor(0f, 0f, 0f);
            cs.setLeading(size * LEADING);
            cs.newLineAtOffset(PADDING, height - PADDING - size);
            for (String line : lines) {
                cs.showText(line);
                cs.newLine();
            }
            cs.endText();
        }
        font.subset();
        return appearance;
    }

    /** The text block of a visible signature without image (Decree 30/2020: signer, organisation, ISO time +07:00). */
    static String text(CertificateInfo signer, java.time.Instant time) {
        StringBuilder sb = new StringBuilder("Ký bởi: ").append(signer.commonName());
        if (signer.organization() != null) {
            sb.append("\nCơ quan: ").append(signer.organization());
        }
        return sb.append("\nThời gian ký: ").append(ReportWriter.time(time)).toString();
    }

    private static List<String> lines(AppearanceRequest request) {
        return List.of(text(request.signer(), request.signingTime()).split("\n"));
    }

    /** The largest size up to {@value #MAX_FONT} pt at which every line fits the box (never below {@value #MIN_FONT}). */
    private static float fontSize(PDType0Font font, List<String> lines, float width, float height) throws IOException {
        float size = Math.min(MAX_FONT, (height - 2 * PADDING) / (lines.size() * LEADING));
        for (String line : lines) {
            float w = font.getStringWidth(line) / 1000f;
            if (w > 0) {
                size = Math.min(size, (width - 2 * PADDING) / w);
            }
        }
        return Math.max(MIN_FONT, size);
    }

    /** Maps the upright box (0, 0, width, height) onto the page's default user space for a page /Rotate. */
    private static Matrix rotationMatrix(int rotation, float width, float height) {
        switch (rotation) {
            case 90: return new Matrix(0, 1, -1, 0, height, 0);
            case 180: return new Matrix(-1, 0, 0, -1, width, height);
            case 270: return new Matrix(0, -1, 1, 0, 0, width);
            default: return new Matrix();
        }
    }
}
