package vn.kyso.pdf.internal.appearance;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAppearanceStream;

/**
 * Draws the normal appearance of a signature widget as Decree 30/2020 prescribes: a text block, a
 * leader's signature image between title and name, a seal image, or size-10 info text. The content is
 * turned against the page's /Rotate so the reader sees it upright. Fonts (Liberation Serif) are embedded
 * as subsets; images keep their transparency (soft mask). Deterministic: the same inputs give the same
 * objects, which two-phase signing relies on. Internal; the signing engine calls {@link #draw}.
 */
public final class Appearances {
    /** Info text size, Decree 30/2020 Appendix I. */
    static final float INFO_SIZE = 10;
    static final float LEADING = 1.2f;
    static final float PADDING = 2;
    private static final float TEXT_BLOCK_MAX = 10;
    private static final float LEADER_TEXT_MAX = 12;
    private static final float MIN_SIZE = 4;

    private Appearances() {
    }

    /** The normal appearance stream of a signature widget of the given rectangle on a page with the given /Rotate. */
    public static PDAppearanceStream draw(PDDocument document, PDRectangle rectangle, int pageRotation,
                                          AppearanceRequest request) throws IOException {
        int rotation = PageFrame.normalise(pageRotation);
        float w = rectangle.getWidth();
        float h = rectangle.getHeight();
        boolean swap = rotation == 90 || rotation == 270;
        float vw = swap ? h : w;
        float vh = swap ? w : h;
        PDAppearanceStream stream = new PDAppearanceStream(document);
        stream.setBBox(new PDRectangle(w, h));
        stream.setResources(new PDResources());
        try (Fonts fonts = new Fonts(document)) {
            try (PDPageContentStream cs = new PDPageContentStream(document, stream)) {
                cs.transform(PageFrame.upright(rotation, w, h));
                switch (request.kind()) {
                    case LEADER_IMAGE:
                        leader(document, cs, vw, vh, request, fonts);
                        break;
                    case SEAL:
                        image(document, cs, request.image(), 0, 0, vw, vh);
                        break;
                    case INFO_TEXT:
                        PDFont font = fonts.get(FontFiles.REGULAR);
                        lines(cs, font, Math.min(INFO_SIZE, fit(font, request.lines(), vw, vh, INFO_SIZE)),
                                request.lines(), 0, vh, vw, false);
                        break;
                    default:
                        PDFont f = fonts.get(FontFiles.REGULAR);
                        lines(cs, f, fit(f, request.lines(), vw, vh, TEXT_BLOCK_MAX), request.lines(), 0, vh, vw, false);
                        break;
                }
            }
            fonts.subset();
        }
        return stream;
    }

    /**
     * The fonts one drawing uses: parsed fonts lent by {@link FontFiles}, each loaded into the document
     * once, subset when the drawing is done (the engine writes the objects itself, PDFBox never saves
     * the document, so nothing subsets them later) and given back on close.
     */
    private static final class Fonts implements AutoCloseable {
        private final PDDocument document;
        private final Map<FontFiles, TrueTypeFont> lent = new LinkedHashMap<>();
        private final Map<FontFiles, PDType0Font> loaded = new LinkedHashMap<>();

        Fonts(PDDocument document) {
            this.document = document;
        }

        PDType0Font get(FontFiles file) throws IOException {
            PDType0Font font = loaded.get(file);
            if (font == null) {
                TrueTypeFont ttf = file.lend();
                lent.put(file, ttf);
                font = PDType0Font.load(document, ttf, true);
                loaded.put(file, font);
            }
            return font;
        }

        void subset() throws IOException {
            for (PDType0Font font : loaded.values()) {
                font.subset();
            }
        }

        @Override
        public void close() {
            lent.forEach(FontFiles::giveBack);
        }
    }

    /**
     * The size (reader's width, height in points) of the box info text needs at size 10, lines wrapped at
     * {@code maxWidth}.
     */
    public static float[] infoSize(AppearanceRequest request, float maxWidth) throws IOException {
        try (PDDocument scratch = new PDDocument(); Fonts fonts = new Fonts(scratch)) {
            PDFont font = fonts.get(FontFiles.REGULAR);
            List<String> wrapped = wrap(font, INFO_SIZE, request.lines(), maxWidth - 2 * PADDING);
            float width = 0;
            for (String l : wrapped) {
                width = Math.max(width, font.getStringWidth(l) / 1000 * INFO_SIZE);
            }
            return new float[] {(float) Math.ceil(width + 2 * PADDING + 1),
                    (float) Math.ceil(wrapped.size() * INFO_SIZE * LEADING + 2 * PADDING)};
        }
    }

    /** Title on top, name at the bottom (bold, centred), the image centred in the space between. */
    private static void leader(PDDocument doc, PDPageContentStream cs, float vw, float vh, AppearanceRequest r,
                               Fonts fonts) throws IOException {
        PDFont bold = r.title() != null || r.name() != null ? fonts.get(FontFiles.BOLD) : null;
        List<String> title = r.title() == null ? List.of() : List.of(r.title().split("\\R"));
        List<String> name = r.name() == null ? List.of() : List.of(r.name().split("\\R"));
        float size = LEADER_TEXT_MAX;
        List<String> both = new ArrayList<>(title);
        both.addAll(name);
        if (bold != null) {
            // the text may take at most half the height; the image gets the rest
            size = fit(bold, both, vw, vh / 2, LEADER_TEXT_MAX);
        }
        float top = vh;
        if (!title.isEmpty()) {
            top = lines(cs, bold, size, title, 0, vh, vw, true);
        }
        float bottom = 0;
        if (!name.isEmpty()) {
            float needed = wrap(bold, size, name, vw - 2 * PADDING).size() * size * LEADING + 2 * PADDING;
            lines(cs, bold, size, name, 0, needed, vw, true);
            bottom = needed;
        }
        image(doc, cs, r.image(), 0, bottom, vw, Math.max(1, top - bottom));
    }

    /** Draws the PNG as large as fits in the box, keeping its aspect ratio, centred. */
    private static void image(PDDocument doc, PDPageContentStream cs, byte[] png, float x, float y, float w, float h)
            throws IOException {
        PDImageXObject img = PDImageXObject.createFromByteArray(doc, png, "image.png");
        float scale = Math.min(w / img.getWidth(), h / img.getHeight());
        float iw = img.getWidth() * scale;
        float ih = img.getHeight() * scale;
        cs.drawImage(img, x + (w - iw) / 2, y + (h - ih) / 2, iw, ih);
    }

    /**
     * Writes lines (wrapped at the box width) from {@code top} downwards, left-aligned or centred, in
     * black; returns the y below the last line.
     */
    private static float lines(PDPageContentStream cs, PDFont font, float size, List<String> text, float x, float top,
                               float width, boolean centred) throws IOException {
        List<String> wrapped = wrap(font, size, text, width - 2 * PADDING);
        float leading = size * LEADING;
        float baseline = top - PADDING - size * 0.9f;
        cs.setNonStrokingColor(0f);
        for (String line : wrapped) {
            float lw = font.getStringWidth(line) / 1000 * size;
            float lx = centred ? x + (width - lw) / 2 : x + PADDING;
            cs.beginText();
            cs.setFont(font, size);
            cs.newLineAtOffset(lx, baseline);
            cs.showText(line);
            cs.endText();
            baseline -= leading;
        }
        return top - 2 * PADDING - wrapped.size() * leading;
    }

    /** The largest size up to {@code max} at which the wrapped lines fit the box (at least {@value #MIN_SIZE}). */
    private static float fit(PDFont font, List<String> text, float width, float height, float max) throws IOException {
        for (float size = max; size > MIN_SIZE; size -= 0.5f) {
            List<String> wrapped = wrap(font, size, text, width - 2 * PADDING);
            float widest = 0;
            for (String l : wrapped) {
                widest = Math.max(widest, font.getStringWidth(l) / 1000 * size);
            }
            if (wrapped.size() * size * LEADING + 2 * PADDING <= height && widest <= width - 2 * PADDING) {
                return size;
            }
        }
        return MIN_SIZE;
    }

    /** Greedy word wrap; a word longer than the width is cut between characters. */
    static List<String> wrap(PDFont font, float size, List<String> text, float width) throws IOException {
        List<String> out = new ArrayList<>();
        for (String paragraph : text) {
            StringBuilder line = new StringBuilder();
            for (String word : paragraph.strip().split("\\s+")) {
                String candidate = line.length() == 0 ? word : line + " " + word;
                if (width(font, size, candidate) <= width) {
                    line.setLength(0);
                    line.append(candidate);
                    continue;
                }
                if (line.length() > 0) {
                    out.add(line.toString());
                    line.setLength(0);
                }
                String rest = word;
                while (width(font, size, rest) > width && rest.length() > 1) {
                    int cut = rest.length() - 1;
                    while (cut > 1 && width(font, size, rest.substring(0, cut)) > width) {
                        cut--;
                    }
                    out.add(rest.substring(0, cut));
                    rest = rest.substring(cut);
                }
                line.append(rest);
            }
            out.add(line.toString());
        }
        return out;
    }

    private static float width(PDFont font, float size, String s) throws IOException {
        return font.getStringWidth(s) / 1000 * size;
    }
}
