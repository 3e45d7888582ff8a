package vn.kyso.pdf.internal.verify;

import static vn.kyso.pdf.internal.verify.RulePdfs.base;
import static vn.kyso.pdf.internal.verify.RulePdfs.judge;
import static vn.kyso.pdf.internal.verify.RulePdfs.touch;
import static vn.kyso.pdf.internal.verify.RulePdfs.update;

import java.nio.charset.StandardCharsets;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.common.PDMetadata;
import org.apache.pdfbox.pdmodel.graphics.optionalcontent.PDOptionalContentGroup;
import org.apache.pdfbox.pdmodel.graphics.optionalcontent.PDOptionalContentProperties;
import org.junit.jupiter.api.Test;
import vn.kyso.api.report.Modification;

class CatalogRuleTest {
    @Test
    void xmpMetadataAddedIsBookkeeping() throws Exception {
        byte[] signed = base(doc -> { });
        byte[] full = update(signed, doc -> {
            PDMetadata xmp = new PDMetadata(doc);
            xmp.importXMPMetadata("<x:xmpmeta xmlns:x='adobe:ns:meta/'/>".getBytes(StandardCharsets.UTF_8));
            doc.getDocumentCatalog().setMetadata(xmp);
            touch(doc.getDocumentCatalog().getCOSObject());
        });
        judge(signed, full, new CatalogRule()).assertIs(Modification.SIGNATURES);
    }

    @Test
    void anOpenActionAddedIsOther() throws Exception {
        byte[] signed = base(doc -> { });
        byte[] full = update(signed, doc -> {
            COSDictionary js = new COSDictionary();
            js.setItem(COSName.S, COSName.getPDFName("JavaScript"));
            js.setString(COSName.getPDFName("JS"), "app.alert('x');");
            doc.getDocumentCatalog().getCOSObject().setItem(COSName.getPDFName("OpenAction"), js);
            touch(doc.getDocumentCatalog().getCOSObject());
        });
        judge(signed, full, new CatalogRule()).assertIs(Modification.OTHER, "PDF_CONTENT_CHANGED catalog /OpenAction changed");
    }

    @Test
    void aNewPageTreeIsAPageChange() throws Exception {
        byte[] signed = base(doc -> { });
        byte[] full = update(signed, doc -> {
            COSDictionary pages = new COSDictionary();
            pages.setItem(COSName.TYPE, COSName.PAGES);
            pages.setItem(COSName.KIDS, new COSArray());
            pages.setInt(COSName.COUNT, 0);
            doc.getDocumentCatalog().getCOSObject().setItem(COSName.PAGES, pages);
            touch(doc.getDocumentCatalog().getCOSObject());
        });
        judge(signed, full, new CatalogRule()).assertIs(Modification.OTHER, "PDF_PAGES_CHANGED the page tree was replaced");
    }

    @Test
    void layersAddedOrChangedAreAVisibilityChange() throws Exception {
        byte[] signed = base(doc -> {
            PDOptionalContentProperties oc = new PDOptionalContentProperties();
            oc.addGroup(new PDOptionalContentGroup("Ghi chú"));
            doc.getDocumentCatalog().setOCProperties(oc);
        });
        byte[] full = update(signed, doc -> {
            PDOptionalContentProperties oc = doc.getDocumentCatalog().getOCProperties();
            oc.setGroupEnabled("Ghi chú", false);
            touch(oc.getCOSObject());
            touch((COSDictionary) oc.getCOSObject().getDictionaryObject(COSName.D));
        });
        judge(signed, full, new CatalogRule()).assertIs(Modification.OTHER,
                "PDF_VISIBILITY_CHANGED optional content (layer) settings changed");
    }

    @Test
    void anOutputIntentWhereThereWasNoneIsBookkeepingAndAChangedOneIsNot() throws Exception {
        byte[] signed = base(doc -> { });
        byte[] added = update(signed, doc -> {
            COSArray intents = new COSArray();
            COSDictionary intent = new COSDictionary();
            intent.setItem(COSName.TYPE, COSName.getPDFName("OutputIntent"));
            intent.setString(COSName.getPDFName("OutputConditionIdentifier"), "sRGB");
            intents.add(intent);
            doc.getDocumentCatalog().getCOSObject().setItem(CatalogRule.OUTPUT_INTENTS, intents);
            touch(doc.getDocumentCatalog().getCOSObject());
        });
        judge(signed, added, new CatalogRule()).assertIs(Modification.SIGNATURES);
        byte[] changed = update(added, doc -> {
            doc.getDocumentCatalog().getCOSObject().setItem(CatalogRule.OUTPUT_INTENTS, new COSArray());
            touch(doc.getDocumentCatalog().getCOSObject());
        });
        judge(added, changed, new CatalogRule()).assertIs(Modification.OTHER, "PDF_CONTENT_CHANGED catalog /OutputIntents changed");
    }
}
