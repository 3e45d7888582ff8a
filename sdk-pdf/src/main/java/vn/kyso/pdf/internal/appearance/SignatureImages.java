package vn.kyso.pdf.internal.appearance;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageInputStream;
import org.w3c.dom.Node;
import vn.kyso.api.ErrorCode;
import vn.kyso.api.KysoException;

/**
 * Checks of signature and seal images (PNG only, bounded size, decodable) and their physical size from
 * the PNG's pHYs chunk. Internal.
 */
public final class SignatureImages {
    /** Largest accepted image file. */
    public static final int MAX_BYTES = 1 << 20;
    /** Largest accepted width or height in pixels. */
    public static final int MAX_PIXELS = 4096;
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    private static final float POINTS_PER_MM = 72f / 25.4f;

    private SignatureImages() {
    }

    /** Pixel size and, when the PNG says, millimetres per pixel. */
    static final class Info {
        final int width;
        final int height;
        final double mmPerPixel;

        Info(int width, int height, double mmPerPixel) {
            this.width = width;
            this.height = height;
            this.mmPerPixel = mmPerPixel;
        }
    }

    /**
     * Returns {@code png} if it is an acceptable PNG.
     *
     * @throws KysoException {@code INVALID_ARGUMENT} missing or too large, {@code MALFORMED_INPUT} not a
     *     PNG or broken
     */
    public static byte[] check(byte[] png, String whatVi, String whatEn) {
        if (png == null || png.length == 0) {
            throw KysoException.localized(ErrorCode.INVALID_ARGUMENT, null, whatVi + " trống",
                    whatEn + " is empty");
        }
        if (png.length > MAX_BYTES) {
            throw KysoException.localized(ErrorCode.INVALID_ARGUMENT, null,
                    whatVi + " lớn hơn " + MAX_BYTES + " B", whatEn + " larger than " + MAX_BYTES + " bytes");
        }
        if (png.length < PNG.length || !Arrays.equals(Arrays.copyOf(png, PNG.length), PNG)) {
            throw notPng(null, whatVi, whatEn);
        }
        Info info = info(png, whatVi, whatEn);
        if (info.width > MAX_PIXELS || info.height > MAX_PIXELS) {
            throw KysoException.localized(ErrorCode.INVALID_ARGUMENT, null,
                    whatVi + " có " + info.width + "x" + info.height + " điểm ảnh, tối đa " + MAX_PIXELS,
                    whatEn + " " + info.width + "x" + info.height + " pixels, at most " + MAX_PIXELS);
        }
        try {
            if (ImageIO.read(new ByteArrayInputStream(png)) == null) {
                throw broken(null, whatVi, whatEn);
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof KysoException) {
                throw (KysoException) e;
            }
            throw broken(e, whatVi, whatEn);
        }
        return png;
    }

    private static KysoException notPng(Throwable cause, String whatVi, String whatEn) {
        return KysoException.localized(ErrorCode.MALFORMED_INPUT, cause, whatVi + ": không phải ảnh PNG",
                whatEn + ": not a PNG");
    }

    private static KysoException broken(Throwable cause, String whatVi, String whatEn) {
        return KysoException.localized(ErrorCode.MALFORMED_INPUT, cause, whatVi + ": ảnh PNG bị hỏng",
                whatEn + ": broken PNG");
    }

    /** Reads the header and metadata only (no pixel decoding). */
    static Info info(byte[] png, String whatVi, String whatEn) {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(png))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw notPng(null, whatVi, whatEn);
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, false);
                int w = reader.getWidth(0);
                int h = reader.getHeight(0);
                return new Info(w, h, mmPerPixel(reader.getImageMetadata(0)));
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof KysoException) {
                throw (KysoException) e;
            }
            throw broken(e, whatVi, whatEn);
        }
    }

    /** The standard metadata's HorizontalPixelSize (mm per pixel), which the PNG reader fills from pHYs in metres. */
    private static double mmPerPixel(IIOMetadata metadata) {
        if (metadata == null || !metadata.isStandardMetadataFormatSupported()) {
            return 0;
        }
        Node root = metadata.getAsTree("javax_imageio_1.0");
        for (Node n = root.getFirstChild(); n != null; n = n.getNextSibling()) {
            if ("Dimension".equals(n.getNodeName())) {
                for (Node d = n.getFirstChild(); d != null; d = d.getNextSibling()) {
                    if ("HorizontalPixelSize".equals(d.getNodeName())) {
                        String v = ((IIOMetadataNode) d).getAttribute("value");
                        try {
                            double mm = Double.parseDouble(v);
                            return mm > 0 && mm < 10 ? mm : 0;
                        } catch (NumberFormatException e) {
                            return 0;
                        }
                    }
                }
            }
        }
        return 0;
    }

    /**
     * The real size of a seal in points: {@code widthMm} if positive, else from the PNG's resolution,
     * else {@code defaultMm} wide; the height keeps the image's aspect ratio.
     */
    public static float[] sealSize(byte[] png, double widthMm, double defaultMm) {
        Info info = info(png, "ảnh con dấu", "seal image");
        double mm = widthMm > 0 ? widthMm : info.mmPerPixel > 0 ? info.mmPerPixel * info.width : defaultMm;
        float w = (float) (mm * POINTS_PER_MM);
        return new float[] {w, w * info.height / info.width};
    }

    /** Width over height of the image. */
    static float aspect(byte[] png) {
        Info info = info(png, "ảnh", "image");
        return (float) info.width / info.height;
    }
}
