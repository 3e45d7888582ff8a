package vn.kyso.pdf.report;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import vn.kyso.api.ErrorCode;
import vn.kyso.api.KysoException;
import vn.kyso.api.internal.Args;
import vn.kyso.api.Language;
import vn.kyso.api.report.Verdict;
import vn.kyso.api.report.VerificationReport;
import vn.kyso.core.report.ReportWriter;
import vn.kyso.pdf.internal.appearance.PdfFonts;

/**
 * Renders a verification report as a PDF a person can read, print and file: A4, Liberation Serif
 * (covers Vietnamese), the verdict first in its colour, then the same content as
 * {@link ReportWriter#text} (per signature: who, when, certificate, time-stamps, checks, what changed
 * after it, errors and warnings with their codes), wrapped to the page and paginated.
 */
public final class PdfReportRenderer {
    private static final float MARGIN = 50f;
    private static final float TITLE_SIZE = 16f;
    private static final float BODY_SIZE = 10f;
    private static final float LEADING = 13f;

    private PdfReportRenderer() {
    }

    /**
     * {@return the report as the bytes of a PDF (A4, Liberation Serif embedded), in the given language}
     *
     * @param report the report to print
     * @param language the language of every word of it
     */
    public static byte[] render(VerificationReport report, Language language) {
        Args.notNull(report, "report");
        Language l = Args.notNull(language, "language");
        try (PDDocument doc = new PDDocument()) {
            PDDocumentInformation info = doc.getDocumentInformation();
            info.setTitle(l == Language.EN ? "Signature verification report" : "Báo cáo kiểm tra chữ ký số");
            info.setProducer("Kyso");
            PDType0Font font = PdfFonts.serif(doc);
            PDType0Font bold = PdfFonts.serifBold(doc);
            float width = PDRectangle.A4.getWidth() - 2 * MARGIN;
            List<String> lines = new ArrayList<>();
            for (String line : ReportWriter.text(report, l).split("\r?\n")) {
                lines.addAll(wrap(line, font, BODY_SIZE, width));
            }
            Page page = new Page(doc);
            page.text(bold, TITLE_SIZE, Color.BLACK, l == Language.EN ? "Signature verification report"
                    : "Báo cáo kiểm tra chữ ký số");
            page.advance(LEADING);
            page.text(bold, TITLE_SIZE, colour(report.verdict()), verdictLine(report.verdict(), l));
            page.advance(LEADING);
            for (String line : lines) {
                if (page.full()) {
                    page.close();
                    page = new Page(doc);
                }
                page.text(font, BODY_SIZE, Color.BLACK, line);
            }
            page.close();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw KysoException.localized(ErrorCode.INTERNAL, e, "không tạo được báo cáo PDF",
                    "the PDF report could not be made");
        }
    }

    private static String verdictLine(Verdict v, Language l) {
        switch (v) {
            case VALID: return l == Language.EN ? "VALID: every signature is valid" : "HỢP LỆ: tất cả chữ ký hợp lệ";
            case INVALID: return l == Language.EN ? "INVALID" : "KHÔNG HỢP LỆ";
            default: return l == Language.EN ? "INDETERMINATE: could not be fully established"
                    : "CHƯA XÁC ĐỊNH: chưa kiểm tra được đầy đủ";
        }
    }

    private static Color colour(Verdict v) {
        switch (v) {
            case VALID: return new Color(0, 110, 40);
            case INVALID: return new Color(180, 0, 0);
            default: return new Color(170, 110, 0);
        }
    }

    /** Splits a line into pieces no wider than {@code width}, at spaces where possible. */
    static List<String> wrap(String line, PDType0Font font, float size, float width) throws IOException {
        List<String> out = new ArrayList<>();
        String rest = line.replace('\t', ' ');
        while (font.getStringWidth(rest) / 1000 * size > width) {
            int cut = rest.length();
            while (cut > 1 && font.getStringWidth(rest.substring(0, cut)) / 1000 * size > width) {
                cut--;
            }
            int space = rest.lastIndexOf(' ', cut);
            int at = space > cut / 2 ? space : cut;
            out.add(rest.substring(0, at));
            rest = "    " + rest.substring(at).trim();
        }
        out.add(rest);
        return out;
    }

    /** One A4 page being written top to bottom. */
    private static final class Page {
        private final PDPageContentStream content;
        private float y;

        Page(PDDocument doc) throws IOException {
            PDPage page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            content = new PDPageContentStream(doc, page);
            y = PDRectangle.A4.getHeight() - MARGIN;
        }

        boolean full() {
            return y < MARGIN + LEADING;
        }

        void advance(float dy) {
            y -= dy;
        }

        void text(PDType0Font font, float size, Color colour, String s) throws IOException {
            y -= size + (LEADING - BODY_SIZE);
            content.beginText();
            content.setNonStrokingColor(colour);
            content.setFont(font, size);
            content.newLineAtOffset(MARGIN, y);
            content.showText(s);
            content.endText();
        }

        void close() throws IOException {
            content.close();
        }
    }
}
