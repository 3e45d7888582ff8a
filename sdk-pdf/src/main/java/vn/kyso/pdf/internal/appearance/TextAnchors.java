package vn.kyso.pdf.internal.appearance;

import java.io.IOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.apache.pdfbox.util.Matrix;

/**
 * Finds text on a page with PDFBox's text extraction and returns where it is, in default user space.
 * Both the page's text and the searched text are compared in Unicode NFC (a base letter followed by
 * combining marks matches the precomposed letter) with runs of white space as one space. Internal.
 */
public final class TextAnchors {
    private TextAnchors() {
    }

    /** One occurrence: the page (0-based), its box in default user space and the font size. */
    public static final class Hit {
        public final int pageIndex;
        public final PDRectangle box;
        public final float fontSize;

        Hit(int pageIndex, PDRectangle box, float fontSize) {
            this.pageIndex = pageIndex;
            this.box = box;
            this.fontSize = fontSize;
        }
    }

    /** The occurrences of the literal {@code text} on one page (0-based), in reading order. */
    public static List<Hit> find(PDDocument doc, int pageIndex, String text) throws IOException {
        return find(doc, pageIndex, Pattern.compile(Pattern.quote(normalise(text))));
    }

    /** The matches of {@code pattern} (applied to the page's normalised text) on one page (0-based). */
    public static List<Hit> find(PDDocument doc, int pageIndex, Pattern pattern) throws IOException {
        PageText page = new PageText(doc.getPage(pageIndex));
        page.setSortByPosition(true);
        page.setStartPage(pageIndex + 1);
        page.setEndPage(pageIndex + 1);
        page.getText(doc);
        return page.matches(pageIndex, pattern);
    }

    static String normalise(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFC).replaceAll("\\s+", " ").strip();
    }

    /** Collects the page's characters with their positions; a null position stands for a separator. */
    private static final class PageText extends PDFTextStripper {
        private final List<String> chars = new ArrayList<>();
        private final List<TextPosition> positions = new ArrayList<>();
        private final PDRectangle crop;

        PageText(PDPage page) {
            crop = page.getCropBox();
        }

        @Override
        protected void writeString(String text, List<TextPosition> textPositions) {
            for (TextPosition p : textPositions) {
                chars.add(p.getUnicode());
                positions.add(p);
            }
        }

        @Override
        protected void writeWordSeparator() {
            separator();
        }

        @Override
        protected void writeLineSeparator() {
            separator();
        }

        private void separator() {
            chars.add(" ");
            positions.add(null);
        }

        List<Hit> matches(int pageIndex, Pattern pattern) throws IOException {
            // normalised text, and for each of its characters the position it came from
            StringBuilder text = new StringBuilder();
            List<TextPosition> from = new ArrayList<>();
            for (int i = 0; i < chars.size(); i++) {
                StringBuilder unit = new StringBuilder(chars.get(i));
                // combining marks extracted as their own positions join the letter before them
                while (i + 1 < chars.size() && positions.get(i + 1) != null && isMark(chars.get(i + 1))) {
                    unit.append(chars.get(++i));
                }
                String n = Normalizer.normalize(unit, Normalizer.Form.NFC);
                TextPosition p = positions.get(i);
                for (int k = 0; k < n.length(); k++) {
                    char c = n.charAt(k);
                    boolean space = Character.isWhitespace(c);
                    if (space && (text.length() == 0 || text.charAt(text.length() - 1) == ' ')) {
                        continue;
                    }
                    text.append(space ? ' ' : c);
                    from.add(space ? null : p);
                }
            }
            List<Hit> hits = new ArrayList<>();
            Matcher m = pattern.matcher(text);
            while (m.find()) {
                if (m.end() == m.start()) {
                    continue;
                }
                float x0 = Float.MAX_VALUE;
                float y0 = Float.MAX_VALUE;
                float x1 = -Float.MAX_VALUE;
                float y1 = -Float.MAX_VALUE;
                float size = 0;
                for (int k = m.start(); k < m.end(); k++) {
                    TextPosition p = from.get(k);
                    if (p == null) {
                        continue;
                    }
                    for (float[] c : corners(p)) {
                        x0 = Math.min(x0, c[0]);
                        y0 = Math.min(y0, c[1]);
                        x1 = Math.max(x1, c[0]);
                        y1 = Math.max(y1, c[1]);
                    }
                    size = Math.max(size, p.getFontSizeInPt());
                }
                if (x0 <= x1) {
                    hits.add(new Hit(pageIndex, new PDRectangle(x0 + crop.getLowerLeftX(), y0 + crop.getLowerLeftY(),
                            x1 - x0, y1 - y0), size));
                }
            }
            return hits;
        }

        private static boolean isMark(String s) {
            return !s.isEmpty() && Character.getType(s.codePointAt(0)) == Character.NON_SPACING_MARK;
        }

        /**
         * The glyph's box corners in crop-box-relative user space: the text rendering matrix maps glyph
         * space (advance along x, descent -0.2 to ascent 0.8 em along y) onto the page, whatever the
         * rotation of the text or the page.
         */
        private static float[][] corners(TextPosition p) throws IOException {
            Matrix m = p.getTextMatrix();
            float advance = 0;
            for (int code : p.getCharacterCodes()) {
                advance += p.getFont().getWidth(code) / 1000f;
            }
            float sx = (float) Math.hypot(m.getValue(0, 0), m.getValue(0, 1));
            if (advance <= 0 && sx > 0) {
                advance = p.getWidthDirAdj() / sx;
            }
            float[][] local = {{0, -0.2f}, {advance, -0.2f}, {0, 0.8f}, {advance, 0.8f}};
            float[][] out = new float[4][];
            for (int i = 0; i < 4; i++) {
                float x = local[i][0];
                float y = local[i][1];
                out[i] = new float[] {
                    m.getValue(0, 0) * x + m.getValue(1, 0) * y + m.getValue(2, 0),
                    m.getValue(0, 1) * x + m.getValue(1, 1) * y + m.getValue(2, 1)};
            }
            return out;
        }
    }
}
