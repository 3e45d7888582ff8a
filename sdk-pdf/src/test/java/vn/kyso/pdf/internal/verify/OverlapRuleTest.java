package vn.kyso.pdf.internal.verify;

import static vn.kyso.pdf.internal.verify.RulePdfs.base;
import static vn.kyso.pdf.internal.verify.RulePdfs.judge;
import static vn.kyso.pdf.internal.verify.RulePdfs.touch;
import static vn.kyso.pdf.internal.verify.RulePdfs.update;

import java.io.IOException;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.interactive.form.PDSignatureField;
import org.junit.jupiter.api.Test;
import vn.kyso.api.report.Modification;

/** {@link OverlapRule} runs inside {@link PagesRule}, after {@link FormFieldsRule} found the later signatures. */
class OverlapRuleTest {
    private static RulePdfs.Judged rules(byte[] signed, byte[] full) throws IOException {
        return judge(signed, full, new AcroFormRule(), new FormFieldsRule(), new PagesRule());
    }

    @Test
    void aCommentOverAFieldIsOther() throws Exception {
        byte[] signed = base(doc -> Forms.text(doc, "so", 72, 600, "45/QD"));
        byte[] full = update(signed, doc -> {
            Forms.note(doc, 100, 605);
            touch(doc.getPage(0).getCOSObject());
        });
        rules(signed, full).assertIs(Modification.OTHER, "PDF_ANNOTATION_OVERLAP an annotation on page 1 covers field so");
    }

    @Test
    void aCommentBesideAFieldIsAnAnnotationChange() throws Exception {
        byte[] signed = base(doc -> Forms.text(doc, "so", 72, 600, "45/QD"));
        byte[] full = update(signed, doc -> {
            Forms.note(doc, 400, 700);
            touch(doc.getPage(0).getCOSObject());
        });
        rules(signed, full).assertIs(Modification.ANNOTATIONS);
    }

    private static byte[] laterSignature(byte[] signed, float x, float y) throws IOException {
        return update(signed, doc -> {
            PDSignatureField f = Forms.signatureField(doc, "ky2", x, y);
            SignatureFieldRuleTest.showSomething(doc, f);
            f.getCOSObject().setItem(COSName.V, SignatureFieldRuleTest.signature(COSName.SIG, "ETSI.CAdES.detached"));
            touch(doc.getDocumentCatalog().getAcroForm().getCOSObject(), doc.getPage(0).getCOSObject());
        });
    }

    @Test
    void aLaterSignatureOverAFieldIsOther() throws Exception {
        byte[] signed = base(doc -> Forms.text(doc, "so", 72, 600, "45/QD"));
        rules(signed, laterSignature(signed, 100, 590)).assertIs(Modification.OTHER,
                "PDF_ANNOTATION_OVERLAP signature field ky2 on page 1 covers field so");
    }

    /** Decree 30/2020: the seal lies over the leader's signature image. */
    @Test
    void aLaterSignatureOverAnEarlierSignatureIsASignature() throws Exception {
        byte[] signed = base(doc -> Forms.signatureField(doc, "ky1", 300, 100).getCOSObject()
                .setItem(COSName.V, SignatureFieldRuleTest.signature(COSName.SIG, "ETSI.CAdES.detached")));
        rules(signed, laterSignature(signed, 320, 110)).assertIs(Modification.SIGNATURES);
    }

    private static byte[] link(byte[] signed, boolean painted) throws IOException {
        return update(signed, doc -> {
            org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationLink link =
                    new org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationLink();
            link.setRectangle(new org.apache.pdfbox.pdmodel.common.PDRectangle(72, 600, 150, 20));
            link.setPage(doc.getPage(0));
            if (painted) {
                org.apache.pdfbox.pdmodel.interactive.annotation.PDAppearanceStream n =
                        new org.apache.pdfbox.pdmodel.interactive.annotation.PDAppearanceStream(doc);
                n.setBBox(new org.apache.pdfbox.pdmodel.common.PDRectangle(150, 20));
                try (java.io.OutputStream out = n.getCOSObject().createOutputStream()) {
                    out.write("1 g 0 0 150 20 re f BT /Helv 10 Tf 2 5 Td (99/QD) Tj ET".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                }
                org.apache.pdfbox.pdmodel.interactive.annotation.PDAppearanceDictionary ap =
                        new org.apache.pdfbox.pdmodel.interactive.annotation.PDAppearanceDictionary();
                ap.setNormalAppearance(n);
                link.setAppearance(ap);
            }
            doc.getPage(0).getAnnotations().add(link);
            touch(doc.getPage(0).getCOSObject());
        });
    }

    /** A link is not painted, unless it brings an appearance: then it covers the field like any comment. */
    @Test
    void aLinkWithAnAppearanceOverAFieldIsOther() throws Exception {
        byte[] signed = base(doc -> Forms.text(doc, "so", 72, 600, "45/QD"));
        rules(signed, link(signed, false)).assertIs(Modification.ANNOTATIONS);
        rules(signed, link(signed, true)).assertIs(Modification.OTHER, "PDF_ANNOTATION_OVERLAP an annotation on page 1 covers field so");
    }
}
