package vn.kyso.pdf.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import vn.kyso.api.ErrorCode;
import vn.kyso.api.KysoException;
import vn.kyso.api.Language;
import vn.kyso.pdf.PdfSigner;

/**
 * An application class path with PDFBox 2.x (a real pdfbox-2.0.x jar, copied to target/pdfbox2 by the
 * build) is refused with LIBRARY_CONFLICT naming the jar and the way out, in each language; PDFBox 3.x
 * passes. Each case is a class loader of its own that sees exactly the jars given.
 */
class PdfBoxCompatibilityTest {
    private static final String HINT_EN = "upgrade or remove that jar to use PDFBox 3.x "
            + "(org.apache.pdfbox:pdfbox 3.0.x), or use vn.kyso:kyso-bundle instead of kyso-pdf";

    private static URL pdfbox2() throws Exception {
        Path jar = Path.of(System.getProperty("kyso.test.pdfbox2", "target/pdfbox2/pdfbox.jar"));
        assertTrue(Files.isRegularFile(jar), "the build copies a PDFBox 2 jar to " + jar);
        return jar.toUri().toURL();
    }

    private static URL jarOf(String className) throws Exception {
        return Class.forName(className).getProtectionDomain().getCodeSource().getLocation();
    }

    private static URL[] pdfbox3() throws Exception {
        return new URL[] {jarOf("org.apache.pdfbox.Loader"), jarOf("org.apache.pdfbox.io.RandomAccessReadBuffer"),
            jarOf("org.apache.fontbox.ttf.TrueTypeFont")};
    }

    @Test
    void pdfbox3SeenByKysoPdfPasses() throws Exception {
        PdfBoxCompatibility.require();
        try (URLClassLoader loader = new URLClassLoader(pdfbox3(), null)) {
            PdfBoxCompatibility.check(loader);
        }
        PdfSigner.builder();
    }

    @Test
    void pdfbox2IsLibraryConflictNamingTheJar() throws Exception {
        URL jar = pdfbox2();
        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar}, null)) {
            KysoException e = assertThrows(KysoException.class, () -> PdfBoxCompatibility.check(loader));
            assertEquals(ErrorCode.LIBRARY_CONFLICT, e.errorCode());
            assertEquals("KYSO-600", e.code());
            String version = (String) Class.forName("org.apache.pdfbox.util.Version", true, loader)
                    .getMethod("getVersion").invoke(null);
            assertTrue(version.startsWith("2."), version);
            assertEquals("[KYSO-600] Incompatible library on the class path: kyso-pdf needs PDFBox 3.x but the "
                    + "application loads PDFBox from " + jar + " (PDFBox " + version + "); " + HINT_EN
                    + ": it carries its own relocated PDFBox next to the application's", e.message(Language.EN));
            assertEquals("[KYSO-600] Thư viện không tương thích trong ứng dụng: vn.kyso:kyso-pdf cần PDFBox 3.x nhưng "
                    + "ứng dụng nạp PDFBox từ " + jar + " (PDFBox " + version + "); hãy nâng cấp hoặc gỡ tệp "
                    + "này để dùng PDFBox 3.x (org.apache.pdfbox:pdfbox 3.0.x), hoặc dùng vn.kyso:kyso-bundle "
                    + "thay cho vn.kyso:kyso-pdf: gói này mang PDFBox riêng đã đổi tên gói, nằm cạnh PDFBox của ứng dụng",
                    e.message(Language.VI));
        }
    }

    @Test
    void pdfbox2AheadOfPdfbox3IsLibraryConflictNamingThePdfbox2Jar() throws Exception {
        URL jar = pdfbox2();
        URL[] three = pdfbox3();
        URL[] both = {jar, three[0], three[1], three[2]};
        try (URLClassLoader loader = new URLClassLoader(both, null)) {
            KysoException e = assertThrows(KysoException.class, () -> PdfBoxCompatibility.check(loader));
            assertEquals(ErrorCode.LIBRARY_CONFLICT, e.errorCode());
            assertTrue(e.message(Language.EN).contains("loads PDFBox from " + jar + " (PDFBox 2."),
                    e.message(Language.EN));
            assertTrue(e.message(Language.EN).contains(HINT_EN), e.message(Language.EN));
        }
    }

    @Test
    void noPdfboxIsLibraryConflictSayingWhatToAdd() throws Exception {
        try (URLClassLoader loader = new URLClassLoader(new URL[0], null)) {
            KysoException e = assertThrows(KysoException.class, () -> PdfBoxCompatibility.check(loader));
            assertEquals("[KYSO-600] Incompatible library on the class path: PDFBox, which kyso-pdf needs, is not "
                    + "on the class path; add org.apache.pdfbox:pdfbox 3.x or use vn.kyso:kyso-bundle",
                    e.message(Language.EN));
            assertEquals("[KYSO-600] Thư viện không tương thích trong ứng dụng: không tìm thấy PDFBox mà vn.kyso:kyso-pdf "
                    + "cần; hãy thêm org.apache.pdfbox:pdfbox 3.x hoặc dùng vn.kyso:kyso-bundle",
                    e.message(Language.VI));
        }
    }
}
