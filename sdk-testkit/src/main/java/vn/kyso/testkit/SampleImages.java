package vn.kyso.testkit;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.CubicCurve2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;
import vn.kyso.api.internal.Args;

/**
 * Sample images for visible signatures, drawn at run time (nothing is shipped): a blue handwritten-like
 * signature and a red round seal, as transparent PNGs; the seal may carry its resolution (pHYs) so that
 * it is drawn at its real size.
 */
public final class SampleImages {
    private SampleImages() {
    }

    /**
     * {@return a blue handwritten-like stroke on a transparent background, spanning the whole width}
     *
     * @param width in pixels
     * @param height in pixels
     */
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

    /**
     * {@return a red double ring with a dot, transparent inside and outside, {@code pixels} wide, at {@code
     * dpi} (0: no pHYs)}
     *
     * @param pixels the width and height in pixels
     * @param dpi the resolution written in the PNG, or 0 for none
     */
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

    /**
     * Encodes a PNG, with a pHYs chunk for {@code dpi} when positive.
     *
     * @param img the image
     * @param dpi the resolution, or 0 or less for none
     * @return the PNG bytes
     */
    public static byte[] png(BufferedImage img, double dpi) {
        Args.notNull(img, "img");
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
            throw new java.io.UncheckedIOException(e);
        }
    }

}
