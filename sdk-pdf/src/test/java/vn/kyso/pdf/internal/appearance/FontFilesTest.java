package vn.kyso.pdf.internal.appearance;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.fontbox.ttf.model.GsubData;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAppearanceStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.kyso.api.cert.CertificateInfo;
import vn.kyso.pdf.PdfAppearance;
import vn.kyso.testkit.Sandbox;

/**
 * The parsed fonts {@link FontFiles} lends: a font given back is lent again, its glyph substitution is
 * off, and an appearance drawn with a font used before is byte for byte the one drawn with a freshly
 * parsed font (two-phase signing draws twice and relies on it).
 */
class FontFilesTest {
    private static Sandbox sandbox;

    @BeforeAll
    static void start() {
        sandbox = Sandbox.start();
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    /** The content stream and the embedded subset of a leader appearance (bold title and name, image). */
    private static List<byte[]> draw(AppearanceRequest request) throws Exception {
        try (PDDocument doc = new PDDocument()) {
            PDAppearanceStream ap = Appearances.draw(doc, new PDRectangle(100, 100, 200, 120), 0, request);
            List<byte[]> out = new ArrayList<>();
            try (InputStream in = ap.getCOSObject().createRawInputStream()) {
                out.add(in.readAllBytes());
            }
            for (COSName name : ap.getResources().getFontNames()) {
                PDType0Font font = (PDType0Font) ap.getResources().getFont(name);
                out.add(font.getDescendantFont().getFontDescriptor().getFontFile2().toByteArray());
            }
            assertTrue(out.size() == 2, "one font (bold) expected");
            return out;
        }
    }

    @Test
    void aFontGivenBackIsLentAgainWithoutGlyphSubstitution() throws Exception {
        TrueTypeFont a = FontFiles.REGULAR.lend();
        TrueTypeFont b = FontFiles.REGULAR.lend();
        assertNotSame(a, b, "a lent font is lent to one user at a time");
        assertSame(GsubData.NO_DATA_FOUND, a.getGsubData());
        FontFiles.REGULAR.giveBack(a);
        assertSame(a, FontFiles.REGULAR.lend());
        FontFiles.REGULAR.giveBack(a);
        FontFiles.REGULAR.giveBack(b);
    }

    @Test
    void aReusedFontDrawsTheSameBytesAsAFreshOne() throws Exception {
        AppearanceRequest request = AppearanceRequest.of(PdfAppearance.leader(vn.kyso.testkit.SampleImages.signature(300, 120))
                        .title("KT. CHỦ TỊCH").name("Nguyễn Văn An"),
                CertificateInfo.of(sandbox.person1().certificate()), Instant.parse("2026-11-22T02:00:00Z"));
        // take every idle bold font, so that the first drawing parses its own
        List<TrueTypeFont> held = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            held.add(FontFiles.BOLD.lend());
        }
        List<byte[]> fresh = draw(request);
        List<byte[]> reused = draw(request);
        held.forEach(FontFiles.BOLD::giveBack);
        assertArrayEquals(fresh.get(0), reused.get(0), "content stream");
        assertArrayEquals(fresh.get(1), reused.get(1), "embedded subset");
        assertTrue(fresh.get(1).length < 100_000, "a subset, not the whole 370 kB font: " + fresh.get(1).length);
    }
}
