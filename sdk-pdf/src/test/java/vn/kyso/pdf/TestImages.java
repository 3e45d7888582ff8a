package vn.kyso.pdf;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.CubicCurve2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;

/**
 * Test images made at test time with java.awt, and pixel measurements of pages rendered by poppler's
 * pdftoppm.
 */
public final class TestImages {
    private TestImages() {
    }

    /** A blue handwritten-like stroke on a transparent background, spanning the whole width. */
    public static byte[] signature(int width, int height) {
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(new Color(20, 40, 200));
        g.setStroke(new BasicStroke(height / 14f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        float m = height / 10f;
        g.draw(new CubicCurve2D.Float(m, height * 0.7f, width * 0.3f, -height * 0.2f, width * 0.5f, height * 1.3f,
                width - m, height * 0.3f));
        g.draw(new CubicCurve2D.Float(width * 0.15f, height * 0.55f, width * 0.4f, height * 0.35f, width * 0.6f,
                height * 0.75f, width * 0.85f, height * 0.5f));
        g.dispose();
        return png(img, 0);
    }

    /** A red double ring with a dot, transparent inside and outside, {@code pixels} wide, at {@code dpi} (0: no pHYs). */
    public static byte[] seal(int pixels, double dpi) {
        BufferedImage img = new BufferedImage(pixels, pixels, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(new Color(220, 20, 30));
        float w = pixels / 18f;
        g.setStroke(new BasicStroke(w));
        g.drawOval(Math.round(w / 2), Math.round(w / 2), Math.round(pixels - w), Math.round(pixels - w));
        g.drawOval(Math.round(pixels * 0.18f), Math.round(pixels * 0.18f), Math.round(pixels * 0.64f), Math.round(pixels * 0.64f));
        g.fillOval(Math.round(pixels * 0.44f), Math.round(pixels * 0.44f), Math.round(pixels * 0.12f), Math.round(pixels * 0.12f));
        g.dispose();
        return png(img, dpi);
    }

    /** Encodes a PNG, with a pHYs chunk for {@code dpi} when positive. */
    public static byte[] png(BufferedImage img, double dpi) {
        try {
            ImageWriter writer = ImageIO.getImageWritersByFormatName("png").next();
            ImageTypeSpecifier type = ImageTypeSpecifier.createFromRenderedImage(img);
            IIOMetadata meta = writer.getDefaultImageMetadata(type, null);
            if (dpi > 0) {
                IIOMetadataNode dim = new IIOMetadataNode("Dimension");
                for (String n : new String[] {"HorizontalPixelSize", "VerticalPixelSize"}) {
                    IIOMetadataNode size = new IIOMetadataNode(n);
                    size.setAttribute("value", Double.toString(25.4 / dpi));
                    dim.appendChild(size);
                }
                IIOMetadataNode root = new IIOMetadataNode("javax_imageio_1.0");
                root.appendChild(dim);
                meta.mergeTree("javax_imageio_1.0", root);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (ImageOutputStream ios = ImageIO.createImageOutputStream(out)) {
                writer.setOutput(ios);
                writer.write(null, new IIOImage(img, null, meta), null);
            } finally {
                writer.dispose();
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
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

    /** Writes the PNG beside the test's files (for the CLI and for looking at it). */
    public static Path write(Path file, byte[] png) throws IOException {
        return Files.write(file, png);
    }
}
