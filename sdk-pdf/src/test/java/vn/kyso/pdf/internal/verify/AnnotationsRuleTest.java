package vn.kyso.pdf.internal.verify;

import static vn.kyso.pdf.internal.verify.RulePdfs.base;
import static vn.kyso.pdf.internal.verify.RulePdfs.judge;
import static vn.kyso.pdf.internal.verify.RulePdfs.touch;
import static vn.kyso.pdf.internal.verify.RulePdfs.update;

import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotation;
import org.junit.jupiter.api.Test;
import vn.kyso.api.report.Modification;

/** {@link AnnotationsRule} runs page by page inside {@link PagesRule}. */
class AnnotationsRuleTest {
    @Test
    void aCommentAddedIsAnAnnotationChange() throws Exception {
        byte[] signed = base(doc -> { });
        byte[] full = update(signed, doc -> {
            Forms.note(doc, 400, 700);
            touch(doc.getPage(0).getCOSObject());
        });
        judge(signed, full, new PagesRule()).assertIs(Modification.ANNOTATIONS);
    }

    @Test
    void aCommentChangedOrRemovedIsAnAnnotationChange() throws Exception {
        byte[] signed = base(doc -> Forms.note(doc, 400, 700));
        byte[] changed = update(signed, doc -> {
            PDAnnotation note = doc.getPage(0).getAnnotations().get(0);
            note.setContents("Không đồng ý");
            touch(note.getCOSObject());
        });
        judge(signed, changed, new PagesRule()).assertIs(Modification.ANNOTATIONS);
        byte[] removed = update(signed, doc -> {
            doc.getPage(0).getAnnotations().clear();
            doc.getPage(0).setAnnotations(java.util.List.of());
            touch(doc.getPage(0).getCOSObject());
        });
        judge(signed, removed, new PagesRule()).assertIs(Modification.ANNOTATIONS);
    }

    @Test
    void aCommentThatWasThereHiddenIsAVisibilityChange() throws Exception {
        byte[] signed = base(doc -> Forms.note(doc, 400, 700));
        byte[] full = update(signed, doc -> {
            PDAnnotation note = doc.getPage(0).getAnnotations().get(0);
            note.setHidden(true);
            touch(note.getCOSObject());
        });
        judge(signed, full, new PagesRule()).assertIs(Modification.OTHER,
                "PDF_VISIBILITY_CHANGED an annotation on page 1 that existed when signed was hidden");
    }

    @Test
    void aFieldWidgetRemovedFromThePageIsOther() throws Exception {
        byte[] signed = base(doc -> Forms.text(doc, "so", 72, 600, "45/QD"));
        byte[] full = update(signed, doc -> {
            doc.getPage(0).setAnnotations(java.util.List.of());
            touch(doc.getPage(0).getCOSObject());
        });
        judge(signed, full, new PagesRule()).assertIs(Modification.OTHER,
                "PDF_CONTENT_CHANGED a form field widget was removed from page 1");
    }

    /**
     * A comment whose appearance lists the page among its resources: the page's rewritten content is not
     * the comment's (it was an annotation change, hiding a content change).
     */
    @Test
    void aCommentsAppearanceDoesNotCoverThePagesRewrittenContent() throws Exception {
        byte[] signed = base(doc -> { });
        String[] content = new String[1];
        byte[] full = update(signed, doc -> {
            org.apache.pdfbox.cos.COSStream stream = (org.apache.pdfbox.cos.COSStream) doc.getPage(0).getCOSObject()
                    .getDictionaryObject(org.apache.pdfbox.cos.COSName.CONTENTS);
            content[0] = RulePdfs.id(stream);
            RulePdfs.rewrite(stream, "BT /F1 24 Tf 72 700 Td (Fake) Tj ET");
            org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationText note = Forms.note(doc, 400, 700);
            org.apache.pdfbox.pdmodel.interactive.annotation.PDAppearanceStream n =
                    new org.apache.pdfbox.pdmodel.interactive.annotation.PDAppearanceStream(doc);
            n.setBBox(new org.apache.pdfbox.pdmodel.common.PDRectangle(20, 20));
            org.apache.pdfbox.cos.COSDictionary xobjects = new org.apache.pdfbox.cos.COSDictionary();
            xobjects.setItem(org.apache.pdfbox.cos.COSName.getPDFName("X"), doc.getPage(0).getCOSObject());
            org.apache.pdfbox.cos.COSDictionary resources = new org.apache.pdfbox.cos.COSDictionary();
            resources.setItem(org.apache.pdfbox.cos.COSName.XOBJECT, xobjects);
            n.getCOSObject().setItem(org.apache.pdfbox.cos.COSName.RESOURCES, resources);
            org.apache.pdfbox.pdmodel.interactive.annotation.PDAppearanceDictionary ap =
                    new org.apache.pdfbox.pdmodel.interactive.annotation.PDAppearanceDictionary();
            ap.setNormalAppearance(n);
            note.setAppearance(ap);
            touch(doc.getPage(0).getCOSObject());
        });
        String page = DocumentInfoRuleTest.pageId(signed);
        String note;
        try (org.apache.pdfbox.pdmodel.PDDocument doc = org.apache.pdfbox.Loader.loadPDF(full)) {
            note = RulePdfs.id(doc.getPage(0).getAnnotations().get(0).getCOSObject());
        }
        // the page (so the comment itself, on the page) is the comment's too: each is refused with who else uses it
        java.util.Set<String> reasons = new java.util.TreeSet<>(java.util.List.of(
                "PDF_CONTENT_CHANGED object " + content[0] + " (stream) of an annotation on page 1 is also used by object " + page + " /Page",
                "PDF_CONTENT_CHANGED object " + page + " /Page of an annotation on page 1 is also used by object 2 0 /Pages",
                "PDF_CONTENT_CHANGED object " + note + " /Annot /Text of an annotation on page 1 is also used by object " + page + " /Page"));
        RulePdfs.Judged rule = judge(signed, full, new PagesRule());
        org.junit.jupiter.api.Assertions.assertEquals(Modification.OTHER, rule.kind());
        org.junit.jupiter.api.Assertions.assertEquals(reasons, new java.util.TreeSet<>(rule.findings()));
        RulePdfs.Judged all = RulePdfs.policy(signed, full);
        org.junit.jupiter.api.Assertions.assertEquals(Modification.OTHER, all.kind());
        org.junit.jupiter.api.Assertions.assertEquals(reasons, new java.util.TreeSet<>(all.findings()));
    }
}
