package vn.kyso.pdf.internal;

import java.security.CodeSource;
import vn.kyso.api.ErrorCode;
import vn.kyso.api.KysoException;
import vn.kyso.api.internal.Args;

/**
 * Checks, before kyso-pdf first touches PDFBox, that the PDFBox its class loader sees is PDFBox 3.x. An
 * application that already carries PDFBox 2.x (common in document systems) would otherwise fail at the
 * first signature with a raw {@code NoClassDefFoundError}; this turns it into a
 * {@link ErrorCode#LIBRARY_CONFLICT} naming the jar that conflicts and what to use instead: PDFBox 3.x,
 * or {@code kyso-bundle}, whose relocated PDFBox lives next to the application's.
 *
 * <p>Inside kyso-bundle the class names below are relocated with the rest of PDFBox, so the bundle checks
 * its own copy and never the application's.
 */
public final class PdfBoxCompatibility {
    private static final String DOCUMENT = "org.apache.pdfbox.pdmodel.PDDocument";
    /** Only in PDFBox 3.x. */
    private static final String LOADER = "org.apache.pdfbox.Loader";
    /** Only in pdfbox-io 3.x. */
    private static final String IO = "org.apache.pdfbox.io.RandomAccessReadBuffer";
    private static final String VERSION = "org.apache.pdfbox.util.Version";

    private PdfBoxCompatibility() {
    }

    /** Checks the PDFBox that kyso-pdf itself sees; see {@link #check(ClassLoader)}. */
    public static void require() {
        check(PdfBoxCompatibility.class.getClassLoader());
    }

    /**
     * Throws {@link ErrorCode#LIBRARY_CONFLICT} unless {@code loader} sees one PDFBox 3.x: PDFBox absent,
     * PDFBox 2.x, or a PDFBox 2.x jar ahead of PDFBox 3.x on the same class path.
     */
    public static void check(ClassLoader loader) {
        Args.notNull(loader, "loader");
        Class<?> document = find(DOCUMENT, loader);
        if (document == null) {
            throw KysoException.localized(ErrorCode.LIBRARY_CONFLICT, null,
                    "không tìm thấy PDFBox mà vn.kyso:kyso-pdf cần; hãy thêm org.apache.pdfbox:pdfbox 3.x hoặc dùng "
                            + "vn.kyso:kyso-bundle",
                    "PDFBox, which kyso-pdf needs, is not on the class path; add org.apache.pdfbox:pdfbox 3.x "
                            + "or use vn.kyso:kyso-bundle");
        }
        Class<?> loaderClass = find(LOADER, loader);
        Class<?> io = find(IO, loader);
        String where = location(document);
        if (loaderClass == null || io == null || !where.equals(location(loaderClass))) {
            String version = version(loader);
            String jar = version == null ? where : where + " (PDFBox " + version + ")";
            throw KysoException.localized(ErrorCode.LIBRARY_CONFLICT, null,
                    "vn.kyso:kyso-pdf cần PDFBox 3.x nhưng ứng dụng nạp PDFBox từ " + jar + "; hãy nâng cấp hoặc gỡ "
                            + "tệp này để dùng PDFBox 3.x (org.apache.pdfbox:pdfbox 3.0.x), hoặc dùng "
                            + "vn.kyso:kyso-bundle thay cho vn.kyso:kyso-pdf: gói này mang PDFBox riêng đã đổi tên "
                            + "gói, nằm cạnh PDFBox của ứng dụng",
                    "kyso-pdf needs PDFBox 3.x but the application loads PDFBox from " + jar + "; upgrade or "
                            + "remove that jar to use PDFBox 3.x (org.apache.pdfbox:pdfbox 3.0.x), or use "
                            + "vn.kyso:kyso-bundle instead of kyso-pdf: it carries its own relocated PDFBox "
                            + "next to the application's");
        }
    }

    private static Class<?> find(String name, ClassLoader loader) {
        try {
            return Class.forName(name, false, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            return null;
        }
    }

    private static String location(Class<?> type) {
        CodeSource source = type.getProtectionDomain().getCodeSource();
        return source == null || source.getLocation() == null ? "(?)" : source.getLocation().toString();
    }

    private static String version(ClassLoader loader) {
        try {
            Object v = Class.forName(VERSION, true, loader).getMethod("getVersion").invoke(null);
            return v == null ? null : v.toString();
        } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
            return null;
        }
    }
}
