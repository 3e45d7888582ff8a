package vn.kyso.pdf.internal.verify;

import static vn.kyso.pdf.internal.verify.RulePdfs.base;
import static vn.kyso.pdf.internal.verify.RulePdfs.id;
import static vn.kyso.pdf.internal.verify.RulePdfs.judge;
import static vn.kyso.pdf.internal.verify.RulePdfs.policy;
import static vn.kyso.pdf.internal.verify.RulePdfs.rewrite;
import static vn.kyso.pdf.internal.verify.RulePdfs.touch;
import static vn.kyso.pdf.internal.verify.RulePdfs.update;

import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.junit.jupiter.api.Test;
import vn.kyso.api.report.Modification;

class PagesRuleTest {
    @Test
    void aPageAddedIsAPageChange() throws Exception {
        byte[] signed = base(doc -> { });
        byte[] full = update(signed, doc -> {
            doc.addPage(new PDPage(PDRectangle.A4));
            touch(doc.getDocumentCatalog().getPages().getCOSObject());
        });
        judge(signed, full, new PagesRule()).assertIs(Modification.OTHER, "PDF_PAGES_CHANGED pages 1 -> 2");
    }

    @Test
    void aPageEntryChangedIsOther() throws Exception {
        byte[] signed = base(doc -> { });
        byte[] full = update(signed, doc -> {
            doc.getPage(0).setRotation(90);
            touch(doc.getPage(0).getCOSObject());
        });
        judge(signed, full, new PagesRule()).assertIs(Modification.OTHER, "PDF_CONTENT_CHANGED page 1 /Rotate changed");
    }

    @Test
    void aPageThatOnlyGainedACommentIsAnAnnotationChange() throws Exception {
        byte[] signed = base(doc -> { });
        byte[] full = update(signed, doc -> {
            Forms.note(doc, 400, 700);
            touch(doc.getPage(0).getCOSObject());
        });
        judge(signed, full, new PagesRule()).assertIs(Modification.ANNOTATIONS);
    }

    /** The page's content is judged by no rule: its change is OTHER, named by the unexplained objects. */
    @Test
    void rewrittenContentIsOther() throws Exception {
        byte[] signed = base(doc -> { });
        String[] content = new String[1];
        byte[] full = update(signed, doc -> {
            COSStream stream = (COSStream) doc.getPage(0).getCOSObject().getDictionaryObject(COSName.CONTENTS);
            content[0] = id(stream);
            rewrite(stream, "BT /F1 24 Tf 72 700 Td (Fake) Tj ET");
        });
        judge(signed, full, new PagesRule()).assertIs(Modification.SIGNATURES);
        policy(signed, full).assertIs(Modification.OTHER,
                "PDF_CONTENT_CHANGED object " + content[0] + " (stream) changed after signing");
    }
}
