package vn.kyso.pdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationWidget;
import org.apache.pdfbox.pdmodel.interactive.form.PDAcroForm;
import org.apache.pdfbox.pdmodel.interactive.form.PDSignatureField;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.kyso.api.ErrorCode;
import vn.kyso.api.KysoException;

class PdfSignatureFieldsTest {

    @Test
    void listsTheEmptyFieldsATemplateReserves(@TempDir Path dir) throws Exception {
        Path pdf = dir.resolve("mau-cong-van.pdf");
        try (PDDocument doc = new PDDocument()) {
            PDPage page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            PDAcroForm form = new PDAcroForm(doc);
            doc.getDocumentCatalog().setAcroForm(form);
            for (String name : new String[] {"lanh_dao_phong", "van_thu"}) {
                PDSignatureField field = new PDSignatureField(form);
                field.setPartialName(name);
                PDAnnotationWidget widget = field.getWidgets().get(0);
                widget.setRectangle(new PDRectangle(50, 50, 200, 60));
                widget.setPage(page);
                page.getAnnotations().add(widget);
                form.getFields().add(field);
            }
            doc.save(pdf.toFile());
        }
        List<PdfSignatureFields.Field> fields = PdfSignatureFields.list(pdf);
        assertEquals(2, fields.size());
        assertEquals("lanh_dao_phong", fields.get(0).name());
        assertEquals("van_thu", fields.get(1).name());
        assertFalse(fields.get(0).signed());
        assertFalse(fields.get(1).signed());
    }

    @Test
    void aPdfWithoutFormHasNoFields(@TempDir Path dir) throws Exception {
        Path pdf = dir.resolve("trang.pdf");
        try (PDDocument doc = new PDDocument()) {
            doc.addPage(new PDPage());
            doc.save(pdf.toFile());
        }
        assertTrue(PdfSignatureFields.list(pdf).isEmpty());
    }

    @Test
    void notAPdfIsATypedError(@TempDir Path dir) throws Exception {
        Path junk = dir.resolve("junk.pdf");
        Files.write(junk, "đây không phải PDF".getBytes(StandardCharsets.UTF_8));
        assertEquals(ErrorCode.MALFORMED_INPUT, assertThrows(KysoException.class, () -> PdfSignatureFields.list(junk)).errorCode());
        assertEquals(ErrorCode.INPUT_UNREADABLE,
                assertThrows(KysoException.class, () -> PdfSignatureFields.list(dir.resolve("missing.pdf"))).errorCode());
    }
}
