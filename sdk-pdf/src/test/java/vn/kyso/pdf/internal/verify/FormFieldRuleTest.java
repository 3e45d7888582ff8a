package vn.kyso.pdf.internal.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static vn.kyso.pdf.internal.verify.RulePdfs.base;
import static vn.kyso.pdf.internal.verify.RulePdfs.judge;
import static vn.kyso.pdf.internal.verify.RulePdfs.touch;
import static vn.kyso.pdf.internal.verify.RulePdfs.update;

import java.io.IOException;
import java.util.List;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationWidget;
import org.apache.pdfbox.pdmodel.interactive.form.PDTextField;
import org.junit.jupiter.api.Test;
import vn.kyso.api.report.Modification;

class FormFieldRuleTest {
    private static RulePdfs.Judged rules(byte[] signed, byte[] full) throws IOException {
        return judge(signed, full, new AcroFormRule(), new FormFieldsRule());
    }

    private static void fill(PDDocument doc, String name, String value) throws IOException {
        PDTextField f = (PDTextField) doc.getDocumentCatalog().getAcroForm().getField(name);
        f.setValue(value);
        touch(f.getCOSObject());
        for (PDAnnotationWidget w : f.getWidgets()) {
            touch(w.getCOSObject());
            if (w.getNormalAppearanceStream() != null) {
                touch(w.getNormalAppearanceStream().getCOSObject());
            }
        }
    }

    @Test
    void anEmptyFieldFilledAndShowingItsValueIsFormFilling() throws Exception {
        byte[] signed = base(doc -> Forms.text(doc, "so", 72, 600, null));
        byte[] full = update(signed, doc -> fill(doc, "so", "45/QD"));
        RulePdfs.Judged j = rules(signed, full);
        j.assertIs(Modification.FORM_FILL);
        assertEquals(List.of("so"), j.outcome.changedFields);
    }

    @Test
    void aValueTheSignerSawReplacedIsOther() throws Exception {
        byte[] signed = base(doc -> Forms.text(doc, "so", 72, 600, "45/QD"));
        byte[] full = update(signed, doc -> fill(doc, "so", "99/QD"));
        rules(signed, full).assertIs(Modification.OTHER, "PDF_FIELD_VALUE_REPLACED so: '45/QD' -> '99/QD'");
    }

    @Test
    void aValueTheAppearanceDoesNotShowIsOther() throws Exception {
        byte[] signed = base(doc -> Forms.text(doc, "so", 72, 600, null));
        byte[] full = update(signed, doc -> {
            PDTextField f = (PDTextField) doc.getDocumentCatalog().getAcroForm().getField("so");
            f.getCOSObject().setString(COSName.V, "99/QD");
            touch(f.getCOSObject());
        });
        rules(signed, full).assertIs(Modification.OTHER, "PDF_APPEARANCE_MISMATCH field so does not show its new value '99/QD'");
    }

    @Test
    void anAppearanceChangedWithoutItsValueIsOther() throws Exception {
        byte[] signed = base(doc -> Forms.text(doc, "so", 72, 600, "45/QD"));
        byte[] full = update(signed, doc -> {
            PDTextField f = (PDTextField) doc.getDocumentCatalog().getAcroForm().getField("so");
            COSStream n = f.getWidgets().get(0).getNormalAppearanceStream().getCOSObject();
            RulePdfs.rewrite(n, "/Tx BMC BT /Helv 10 Tf 2 5 Td (99/QD) Tj ET EMC");
        });
        rules(signed, full).assertIs(Modification.OTHER, "PDF_APPEARANCE_MISMATCH the appearance of field so changed, its value did not");
    }

    @Test
    void aFieldAddedAfterSigningIsOther() throws Exception {
        byte[] signed = base(doc -> Forms.text(doc, "so", 72, 600, null));
        byte[] full = update(signed, doc -> {
            Forms.text(doc, "ngay", 72, 500, "01/01/2026");
            touch(doc.getDocumentCatalog().getAcroForm().getCOSObject(), doc.getPage(0).getCOSObject());
        });
        rules(signed, full).assertIs(Modification.OTHER, "PDF_CONTENT_CHANGED form field ngay added after signing");
    }

    @Test
    void aFieldMadeReadOnlyIsOther() throws Exception {
        byte[] signed = base(doc -> Forms.text(doc, "so", 72, 600, "45/QD"));
        byte[] full = update(signed, doc -> {
            PDTextField f = (PDTextField) doc.getDocumentCatalog().getAcroForm().getField("so");
            f.setReadOnly(true);
            touch(f.getCOSObject());
        });
        rules(signed, full).assertIs(Modification.OTHER, "PDF_CONTENT_CHANGED form field so /Ff changed",
                "PDF_APPEARANCE_MISMATCH the appearance of field so changed, its value did not");
    }
}
