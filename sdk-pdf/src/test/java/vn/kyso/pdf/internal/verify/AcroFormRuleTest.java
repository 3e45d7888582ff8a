package vn.kyso.pdf.internal.verify;

import static vn.kyso.pdf.internal.verify.RulePdfs.base;
import static vn.kyso.pdf.internal.verify.RulePdfs.judge;
import static vn.kyso.pdf.internal.verify.RulePdfs.touch;
import static vn.kyso.pdf.internal.verify.RulePdfs.update;

import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.interactive.form.PDAcroForm;
import org.apache.pdfbox.pdmodel.interactive.form.PDTextField;
import org.junit.jupiter.api.Test;
import vn.kyso.api.report.Modification;

class AcroFormRuleTest {
    @Test
    void signatureFlagsAreBookkeeping() throws Exception {
        byte[] signed = base(doc -> Forms.text(doc, "so", 72, 600, "45/QD"));
        byte[] full = update(signed, doc -> {
            PDAcroForm form = doc.getDocumentCatalog().getAcroForm();
            form.setSignaturesExist(true);
            form.setAppendOnly(true);
            touch(form.getCOSObject());
        });
        judge(signed, full, new AcroFormRule()).assertIs(Modification.SIGNATURES);
    }

    @Test
    void anXfaFormAddedIsOther() throws Exception {
        byte[] signed = base(doc -> Forms.text(doc, "so", 72, 600, "45/QD"));
        byte[] full = update(signed, doc -> {
            PDAcroForm form = doc.getDocumentCatalog().getAcroForm();
            form.getCOSObject().setItem(COSName.XFA, new COSArray());
            touch(form.getCOSObject());
        });
        judge(signed, full, new AcroFormRule()).assertIs(Modification.OTHER, "PDF_CONTENT_CHANGED form /XFA changed");
    }

    @Test
    void theFormRemovedIsOther() throws Exception {
        byte[] signed = base(doc -> Forms.text(doc, "so", 72, 600, "45/QD"));
        byte[] full = update(signed, doc -> {
            doc.getDocumentCatalog().getCOSObject().removeItem(COSName.ACRO_FORM);
            touch(doc.getDocumentCatalog().getCOSObject());
        });
        judge(signed, full, new AcroFormRule()).assertIs(Modification.OTHER, "PDF_CONTENT_CHANGED the interactive form was removed");
    }

    @Test
    void aTopLevelFieldRemovedIsOther() throws Exception {
        byte[] signed = base(doc -> {
            Forms.text(doc, "so", 72, 600, "45/QD");
            Forms.text(doc, "ngay", 72, 500, "01/01/2026");
        });
        byte[] full = update(signed, doc -> {
            PDAcroForm form = doc.getDocumentCatalog().getAcroForm();
            form.getCOSObject().setItem(COSName.FIELDS, new COSArray(java.util.List.of(form.getField("so").getCOSObject())));
            touch(form.getCOSObject());
        });
        judge(signed, full, new AcroFormRule()).assertIs(Modification.OTHER, "PDF_CONTENT_CHANGED form field ngay removed");
    }

    @Test
    void defaultResourcesMayGrowButNotBeReplaced() throws Exception {
        byte[] signed = base(doc -> Forms.text(doc, "so", 72, 600, "45/QD"));
        byte[] grown = update(signed, doc -> {
            PDAcroForm form = doc.getDocumentCatalog().getAcroForm();
            PDResources dr = form.getDefaultResources();
            dr.put(COSName.getPDFName("TiRo"), new PDType1Font(Standard14Fonts.FontName.TIMES_ROMAN));
            touch(form.getCOSObject(), dr.getCOSObject());
            touch((COSDictionary) dr.getCOSObject().getDictionaryObject(COSName.FONT));
        });
        judge(signed, grown, new AcroFormRule()).assertIs(Modification.SIGNATURES);
        byte[] replaced = update(signed, doc -> {
            PDAcroForm form = doc.getDocumentCatalog().getAcroForm();
            PDResources dr = new PDResources();
            dr.put(COSName.getPDFName("Helv"), new PDType1Font(Standard14Fonts.FontName.COURIER));
            form.setDefaultResources(dr);
            touch(form.getCOSObject());
        });
        judge(signed, replaced, new AcroFormRule()).assertIs(Modification.OTHER,
                "PDF_CONTENT_CHANGED the form's default resources were replaced");
    }

    /** Viewers would redraw the field from its value, which is not what it shows. */
    @Test
    void needAppearancesSwitchedWhileAFieldDoesNotShowItsValueIsOther() throws Exception {
        byte[] signed = base(doc -> {
            PDTextField f = Forms.text(doc, "so", 72, 600, "45/QD");
            f.getCOSObject().setString(COSName.V, "99/QD"); // shows 45/QD, holds 99/QD
        });
        byte[] full = update(signed, doc -> {
            PDAcroForm form = doc.getDocumentCatalog().getAcroForm();
            form.setNeedAppearances(true);
            touch(form.getCOSObject());
        });
        judge(signed, full, new AcroFormRule()).assertIs(Modification.OTHER,
                "PDF_CONTENT_CHANGED form /NeedAppearances changed and field so does not show its value: viewers would redraw it");
    }

    @Test
    void needAppearancesSwitchedWhileEveryFieldShowsItsValueIsBookkeeping() throws Exception {
        byte[] signed = base(doc -> Forms.text(doc, "so", 72, 600, "45/QD"));
        byte[] full = update(signed, doc -> {
            PDAcroForm form = doc.getDocumentCatalog().getAcroForm();
            form.setNeedAppearances(true);
            touch(form.getCOSObject());
        });
        judge(signed, full, new AcroFormRule()).assertIs(Modification.SIGNATURES);
    }
}
