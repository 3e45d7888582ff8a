package vn.kyso.pdf.internal.verify;

import static vn.kyso.pdf.internal.verify.RulePdfs.base;
import static vn.kyso.pdf.internal.verify.RulePdfs.id;
import static vn.kyso.pdf.internal.verify.RulePdfs.judge;
import static vn.kyso.pdf.internal.verify.RulePdfs.policy;
import static vn.kyso.pdf.internal.verify.RulePdfs.rewrite;
import static vn.kyso.pdf.internal.verify.RulePdfs.touch;
import static vn.kyso.pdf.internal.verify.RulePdfs.update;

import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.junit.jupiter.api.Test;
import vn.kyso.api.report.Modification;

class DocumentInfoRuleTest {
    @Test
    void anUpdatedTitleIsBookkeeping() throws Exception {
        byte[] signed = base(doc -> doc.getDocumentInformation().setTitle("Quyết định"));
        byte[] full = update(signed, doc -> {
            doc.getDocumentInformation().setTitle("Quyết định (đã ký)");
            touch(doc.getDocumentInformation().getCOSObject());
        });
        judge(signed, full, new DocumentInfoRule()).assertIs(Modification.SIGNATURES);
    }

    @Test
    void aNewInformationDictionaryIsBookkeeping() throws Exception {
        byte[] signed = base(doc -> { });
        byte[] full = update(signed, doc -> {
            PDDocumentInformation info = new PDDocumentInformation();
            info.setProducer("Kyso");
            doc.setDocumentInformation(info);
        });
        judge(signed, full, new DocumentInfoRule()).assertIs(Modification.SIGNATURES);
    }

    @Test
    void anObjectTheInformationSharesWithAPageIsNotExplained() throws Exception {
        byte[] signed = base(doc -> { });
        String[] content = new String[1];
        byte[] full = update(signed, doc -> {
            COSStream stream = (COSStream) doc.getPage(0).getCOSObject().getDictionaryObject(COSName.CONTENTS);
            content[0] = id(stream);
            rewrite(stream, "BT /F1 24 Tf 72 700 Td (Fake) Tj ET");
            doc.getDocumentInformation().getCOSObject().setItem(COSName.getPDFName("X"), stream);
            touch(doc.getDocumentInformation().getCOSObject());
        });
        judge(signed, full, new DocumentInfoRule()).assertIs(Modification.OTHER,
                "PDF_CONTENT_CHANGED object " + content[0] + " (stream) of the document information is also used by object "
                        + pageId(signed) + " /Page");
    }

    /**
     * The attack: the information dictionary refers to the page (which did not change), so the page's
     * rewritten content lies inside the information's subtree and its only referrer, the page, too. The
     * page shows the new content: never SIGNATURES.
     */
    @Test
    void aPageReachedThroughTheInformationDoesNotShieldItsRewrittenContent() throws Exception {
        byte[] signed = base(doc -> { });
        String[] content = new String[1];
        byte[] full = update(signed, doc -> {
            COSStream stream = (COSStream) doc.getPage(0).getCOSObject().getDictionaryObject(COSName.CONTENTS);
            content[0] = id(stream);
            rewrite(stream, "BT /F1 24 Tf 72 700 Td (Fake) Tj ET");
            COSArray pages = new COSArray();
            pages.add(doc.getPage(0).getCOSObject());
            doc.getDocumentInformation().getCOSObject().setItem(COSName.getPDFName("X"), pages);
            touch(doc.getDocumentInformation().getCOSObject());
        });
        RulePdfs.Judged rule = judge(signed, full, new DocumentInfoRule());
        rule.assertIs(Modification.OTHER, "PDF_CONTENT_CHANGED object " + content[0]
                + " (stream) of the document information is also used by object " + pageId(signed) + " /Page");
        policy(signed, full).assertIs(Modification.OTHER, "PDF_CONTENT_CHANGED object " + content[0]
                + " (stream) of the document information is also used by object " + pageId(signed) + " /Page");
    }

    static String pageId(byte[] pdf) throws Exception {
        try (var doc = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            COSDictionary page = doc.getPage(0).getCOSObject();
            return id(page);
        }
    }
}
