package vn.kyso.pdf.internal.verify;

import java.io.IOException;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationText;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationWidget;
import org.apache.pdfbox.pdmodel.interactive.form.PDAcroForm;
import org.apache.pdfbox.pdmodel.interactive.form.PDSignatureField;
import org.apache.pdfbox.pdmodel.interactive.form.PDTextField;

/** Form fields and annotations for the rule tests. */
final class Forms {
    private Forms() {
    }

    /** The document's form, made with Helvetica as /Helv in its default resources if there is none. */
    static PDAcroForm form(PDDocument doc) {
        PDAcroForm form = doc.getDocumentCatalog().getAcroForm();
        if (form == null) {
            form = new PDAcroForm(doc);
            PDResources dr = new PDResources();
            dr.put(COSName.getPDFName("Helv"), new PDType1Font(Standard14Fonts.FontName.HELVETICA));
            form.setDefaultResources(dr);
            form.setDefaultAppearance("/Helv 10 Tf 0 g");
            doc.getDocumentCatalog().setAcroForm(form);
        }
        return form;
    }

    /** A text field on page 1 at (x, y), 150 x 20, with {@code value} (null: empty). */
    static PDTextField text(PDDocument doc, String name, float x, float y, String value) throws IOException {
        PDAcroForm form = form(doc);
        PDTextField f = new PDTextField(form);
        f.setPartialName(name);
        PDPage page = doc.getPage(0);
        PDAnnotationWidget w = f.getWidgets().get(0);
        w.setRectangle(new PDRectangle(x, y, 150, 20));
        w.setPage(page);
        w.setPrinted(true);
        page.getAnnotations().add(w);
        form.getFields().add(f);
        if (value != null) {
            f.setValue(value);
        }
        return f;
    }

    /** An empty signature field on page 1 at (x, y), 150 x 50, with no appearance. */
    static PDSignatureField signatureField(PDDocument doc, String name, float x, float y) throws IOException {
        PDAcroForm form = form(doc);
        PDSignatureField f = new PDSignatureField(form);
        f.setPartialName(name);
        PDPage page = doc.getPage(0);
        PDAnnotationWidget w = f.getWidgets().get(0);
        w.setRectangle(new PDRectangle(x, y, 150, 50));
        w.setPage(page);
        w.setPrinted(true);
        page.getAnnotations().add(w);
        form.getFields().add(f);
        return f;
    }

    /** A sticky note on page 1 at (x, y). */
    static PDAnnotationText note(PDDocument doc, float x, float y) throws IOException {
        PDAnnotationText note = new PDAnnotationText();
        note.setRectangle(new PDRectangle(x, y, 20, 20));
        note.setContents("Đã xem");
        note.setPage(doc.getPage(0));
        doc.getPage(0).getAnnotations().add(note);
        return note;
    }
}
