package vn.kyso.pdf.internal.verify;

import static vn.kyso.pdf.internal.verify.DocumentInfoRuleTest.pageId;
import static vn.kyso.pdf.internal.verify.RulePdfs.base;
import static vn.kyso.pdf.internal.verify.RulePdfs.id;
import static vn.kyso.pdf.internal.verify.RulePdfs.judge;
import static vn.kyso.pdf.internal.verify.RulePdfs.touch;
import static vn.kyso.pdf.internal.verify.RulePdfs.update;

import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationText;
import org.junit.jupiter.api.Test;
import vn.kyso.api.report.Modification;

class UnexplainedRuleTest {
    @Test
    void nothingChangedIsBookkeeping() throws Exception {
        byte[] signed = base(doc -> { });
        byte[] full = update(signed, doc -> touch(doc.getDocumentCatalog().getCOSObject()));
        judge(signed, full, new UnexplainedRule()).assertIs(Modification.SIGNATURES);
    }

    /** A script the catalog already pointed at, rewritten in place: no catalog entry changed, the script did. */
    @Test
    void anObjectNoRuleExplainsIsOther() throws Exception {
        byte[] signed = base(doc -> {
            COSDictionary js = new COSDictionary();
            js.setItem(COSName.S, COSName.getPDFName("JavaScript"));
            js.setString(COSName.getPDFName("JS"), "app.alert('1');");
            doc.getDocumentCatalog().getCOSObject().setItem(COSName.getPDFName("OpenAction"), js);
        });
        String[] script = new String[1];
        byte[] full = update(signed, doc -> {
            COSDictionary js = (COSDictionary) doc.getDocumentCatalog().getCOSObject().getDictionaryObject(COSName.getPDFName("OpenAction"));
            script[0] = id(js);
            js.setString(COSName.getPDFName("JS"), "this.getField('so').value = '99';");
            touch(js);
        });
        RulePdfs.Judged j = judge(signed, full, new CatalogRule(), new UnexplainedRule());
        j.assertIs(Modification.OTHER, "PDF_CONTENT_CHANGED object " + script[0] + " changed after signing");
    }

    /** One reason per object nothing else unexplained uses, counting what it brings along. */
    @Test
    void whatAnUnexplainedObjectUsesIsCountedNotListed() throws Exception {
        byte[] signed = base(doc -> { });
        byte[] full = update(signed, doc -> {
            PDAnnotationText note = Forms.note(doc, 400, 700);
            note.constructAppearances(doc); // its appearance, a form XObject and the resources they use
            touch(doc.getPage(0).getCOSObject());
        });
        judge(signed, full, new UnexplainedRule()).assertIs(Modification.OTHER,
                "PDF_CONTENT_CHANGED object " + pageId(signed) + " /Page changed after signing, with 4 objects it uses");
    }
}
