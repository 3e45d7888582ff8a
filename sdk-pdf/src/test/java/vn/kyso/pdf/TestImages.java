package vn.kyso.pdf;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * Pixel measurements of pages rendered by poppler's pdftoppm (the test images come from the testkit's
 * SampleImages).
 */
public final class TestImages {
    private TestImages() {
    }

    /** Page 1 rendered by pdftoppm at 72 dpi (1 pixel = 1 point, origin top-left as the reader sees it). */
    public static BufferedImage render(Path pdf, Path dir) throws Exception {
        Path prefix = dir.resolve(pdf.getFileName() + ".render");
        String log = PdfTestDocuments.run("pdftoppm", "-r", "72", "-png", "-f", "1", "-l", "1", "-singlefile",
                pdf.toString(), prefix.toString());
        Path png = dir.resolve(prefix.getFileName() + ".png");
        if (!Files.exists(png)) {
            throw new AssertionError("pdftoppm wrote nothing: " + log);
        }
        return ImageIO.read(png.toFile());
    }

    /** Pixels of a colour family in a rendered page. */
    public interface Colour {
        boolean test(int r, int g, int b);
    }

    public static final Colour RED = (r, g, b) -> r > 170 && g < 110 && b < 110;
    public static final Colour BLUE = (r, g, b) -> b > 140 && r < 110 && g < 130;
    public static final Colour DARK = (r, g, b) -> r < 110 && g < 110 && b < 110;

    /** The points {x, y} of the page image whose colour matches. */
    public static List<int[]> pixels(BufferedImage page, Colour colour) {
        List<int[]> out = new ArrayList<>();
        for (int y = 0; y < page.getHeight(); y++) {
            for (int x = 0; x < page.getWidth(); x++) {
                int rgb = page.getRGB(x, y);
                if (colour.test((rgb >> 16) & 0xff, (rgb >> 8) & 0xff, rgb & 0xff)) {
                    out.add(new int[] {x, y});
                }
            }
        }
        return out;
    }

    /** {minX, minY, maxX, maxY} of the points, or null when there are none. */
    public static int[] bounds(List<int[]> points) {
        if (points.isEmpty()) {
            return null;
        }
        int[] b = {Integer.MAX_VALUE, Integer.MAX_VALUE, Integer.MIN_VALUE, Integer.MIN_VALUE};
        for (int[] p : points) {
            b[0] = Math.min(b[0], p[0]);
            b[1] = Math.min(b[1], p[1]);
            b[2] = Math.max(b[2], p[0]);
            b[3] = Math.max(b[3], p[1]);
        }
        return b;
    }
}
