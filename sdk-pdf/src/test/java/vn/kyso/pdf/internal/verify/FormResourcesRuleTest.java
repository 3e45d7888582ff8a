package vn.kyso.pdf.internal.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static vn.kyso.pdf.internal.verify.DocumentInfoRuleTest.pageId;
import static vn.kyso.pdf.internal.verify.RulePdfs.base;
import static vn.kyso.pdf.internal.verify.RulePdfs.id;
import static vn.kyso.pdf.internal.verify.RulePdfs.judge;
import static vn.kyso.pdf.internal.verify.RulePdfs.policy;
import static vn.kyso.pdf.internal.verify.RulePdfs.rewrite;
import static vn.kyso.pdf.internal.verify.RulePdfs.touch;
import static vn.kyso.pdf.internal.verify.RulePdfs.update;

import java.util.List;
import java.util.TreeSet;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.junit.jupiter.api.Test;
import vn.kyso.api.report.Modification;

class FormResourcesRuleTest {
    @Test
    void aFontAddedToTheDefaultResourcesIsBookkeeping() throws Exception {
        byte[] signed = base(doc -> Forms.text(doc, "so", 72, 600, "45/QD"));
        byte[] full = update(signed, doc -> {
            PDResources dr = doc.getDocumentCatalog().getAcroForm().getDefaultResources();
            dr.put(COSName.getPDFName("TiRo"), new PDType1Font(Standard14Fonts.FontName.TIMES_ROMAN));
            touch(doc.getDocumentCatalog().getAcroForm().getCOSObject(), dr.getCOSObject());
            touch((COSDictionary) dr.getCOSObject().getDictionaryObject(COSName.FONT));
        });
        judge(signed, full, new AcroFormRule(), new FormFieldsRule(), new FormResourcesRule()).assertIs(Modification.SIGNATURES);
    }

    /** A page listed among the default resources does not cover its rewritten content. */
    @Test
    void aPageListedInTheDefaultResourcesDoesNotShieldItsRewrittenContent() throws Exception {
        byte[] signed = base(doc -> Forms.text(doc, "so", 72, 600, "45/QD"));
        String[] content = new String[1];
        byte[] full = update(signed, doc -> {
            COSStream stream = (COSStream) doc.getPage(0).getCOSObject().getDictionaryObject(COSName.CONTENTS);
            content[0] = id(stream);
            rewrite(stream, "BT /F1 24 Tf 72 700 Td (Fake) Tj ET");
            COSDictionary dr = doc.getDocumentCatalog().getAcroForm().getDefaultResources().getCOSObject();
            COSDictionary xobjects = new COSDictionary();
            xobjects.setItem(COSName.getPDFName("X"), doc.getPage(0).getCOSObject());
            dr.setItem(COSName.XOBJECT, xobjects);
            touch(doc.getDocumentCatalog().getAcroForm().getCOSObject(), dr);
        });
        String reason = "PDF_CONTENT_CHANGED object " + content[0] + " (stream) of the form's default resources is also used by object "
                + pageId(signed) + " /Page";
        judge(signed, full, new AcroFormRule(), new FormFieldsRule(), new FormResourcesRule()).assertIs(Modification.OTHER, reason);
        policy(signed, full).assertIs(Modification.OTHER, reason);
    }

    /**
     * As above, with a comment added to the page so that the page itself changed (and was accepted as an
     * annotation change): the page still belongs to the page tree, not to the form.
     */
    @Test
    void aPageThatGainedACommentDoesNotShieldItsRewrittenContentEither() throws Exception {
        byte[] signed = base(doc -> Forms.text(doc, "so", 72, 600, "45/QD"));
        String[] ids = new String[2];
        byte[] full = update(signed, doc -> {
            COSStream stream = (COSStream) doc.getPage(0).getCOSObject().getDictionaryObject(COSName.CONTENTS);
            ids[0] = id(stream);
            ids[1] = id(doc.getDocumentCatalog().getPages().getCOSObject());
            rewrite(stream, "BT /F1 24 Tf 72 700 Td (Fake) Tj ET");
            Forms.note(doc, 400, 700);
            COSDictionary dr = doc.getDocumentCatalog().getAcroForm().getDefaultResources().getCOSObject();
            COSDictionary xobjects = new COSDictionary();
            xobjects.setItem(COSName.getPDFName("X"), doc.getPage(0).getCOSObject());
            dr.setItem(COSName.XOBJECT, xobjects);
            touch(doc.getDocumentCatalog().getAcroForm().getCOSObject(), dr, doc.getPage(0).getCOSObject());
        });
        String page = pageId(signed);
        String note;
        String widget;
        try (org.apache.pdfbox.pdmodel.PDDocument doc = org.apache.pdfbox.Loader.loadPDF(full)) {
            widget = id(doc.getPage(0).getAnnotations().get(0).getCOSObject());
            note = id(doc.getPage(0).getAnnotations().get(1).getCOSObject());
        }
        RulePdfs.Judged j = policy(signed, full);
        assertEquals(Modification.OTHER, j.kind());
        String of = " of the form's default resources is also used by object ";
        assertEquals(new TreeSet<>(List.of(
                "PDF_CONTENT_CHANGED object " + page + " /Page" + of + ids[1] + " /Pages",
                "PDF_CONTENT_CHANGED object " + page + " /Page" + of + widget + " /Annot /Widget",
                "PDF_CONTENT_CHANGED object " + page + " /Page" + of + note + " /Annot /Text",
                "PDF_CONTENT_CHANGED object " + note + " /Annot /Text" + of + page + " /Page",
                "PDF_CONTENT_CHANGED object " + ids[0] + " (stream)" + of + page + " /Page")),
                new TreeSet<>(j.findings()));
    }
}
