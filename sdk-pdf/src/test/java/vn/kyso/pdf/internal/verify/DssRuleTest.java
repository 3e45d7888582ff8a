package vn.kyso.pdf.internal.verify;

import static vn.kyso.pdf.internal.verify.DocumentInfoRuleTest.pageId;
import static vn.kyso.pdf.internal.verify.RulePdfs.base;
import static vn.kyso.pdf.internal.verify.RulePdfs.id;
import static vn.kyso.pdf.internal.verify.RulePdfs.judge;
import static vn.kyso.pdf.internal.verify.RulePdfs.policy;
import static vn.kyso.pdf.internal.verify.RulePdfs.rewrite;
import static vn.kyso.pdf.internal.verify.RulePdfs.touch;
import static vn.kyso.pdf.internal.verify.RulePdfs.update;

import java.io.OutputStream;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.junit.jupiter.api.Test;
import vn.kyso.api.report.Modification;

class DssRuleTest {
    @Test
    void validationDataAddedIsBookkeeping() throws Exception {
        byte[] signed = base(doc -> { });
        byte[] full = update(signed, doc -> {
            COSStream cert = doc.getDocument().createCOSStream();
            try (OutputStream out = cert.createOutputStream()) {
                out.write(new byte[] {0x30, 0x03, 0x02, 0x01, 0x01});
            }
            COSArray certs = new COSArray();
            certs.add(cert);
            COSDictionary dss = new COSDictionary();
            dss.setItem(COSName.getPDFName("Certs"), certs);
            doc.getDocumentCatalog().getCOSObject().setItem(CatalogRule.DSS, dss);
            touch(doc.getDocumentCatalog().getCOSObject());
        });
        judge(signed, full, new CatalogRule(), new DssRule()).assertIs(Modification.SIGNATURES);
    }

    /** The /DSS may not lend its cover to the page it lists: the page shows the rewritten content. */
    @Test
    void aPageListedInTheDssDoesNotShieldItsRewrittenContent() throws Exception {
        byte[] signed = base(doc -> { });
        String[] content = new String[1];
        byte[] full = update(signed, doc -> {
            COSStream stream = (COSStream) doc.getPage(0).getCOSObject().getDictionaryObject(COSName.CONTENTS);
            content[0] = id(stream);
            rewrite(stream, "BT /F1 24 Tf 72 700 Td (Fake) Tj ET");
            COSArray certs = new COSArray();
            certs.add(doc.getPage(0).getCOSObject());
            COSDictionary dss = new COSDictionary();
            dss.setItem(COSName.getPDFName("Certs"), certs);
            doc.getDocumentCatalog().getCOSObject().setItem(CatalogRule.DSS, dss);
            touch(doc.getDocumentCatalog().getCOSObject());
        });
        String reason = "PDF_CONTENT_CHANGED object " + content[0] + " (stream) of the /DSS dictionary is also used by object "
                + pageId(signed) + " /Page";
        judge(signed, full, new DssRule()).assertIs(Modification.OTHER, reason);
        policy(signed, full).assertIs(Modification.OTHER, reason);
    }
}
