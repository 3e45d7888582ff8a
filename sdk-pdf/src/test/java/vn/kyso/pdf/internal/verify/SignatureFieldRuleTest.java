package vn.kyso.pdf.internal.verify;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.kyso.pdf.internal.verify.RulePdfs.base;
import static vn.kyso.pdf.internal.verify.RulePdfs.judge;
import static vn.kyso.pdf.internal.verify.RulePdfs.touch;
import static vn.kyso.pdf.internal.verify.RulePdfs.update;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSInteger;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAppearanceDictionary;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAppearanceStream;
import org.apache.pdfbox.pdmodel.interactive.form.PDSignatureField;
import org.junit.jupiter.api.Test;
import vn.kyso.api.report.Modification;

class SignatureFieldRuleTest {
    private static RulePdfs.Judged rules(byte[] signed, byte[] full) throws IOException {
        return judge(signed, full, new AcroFormRule(), new FormFieldsRule());
    }

    /** A signature dictionary (its /Contents need not verify here: the rules judge structure). */
    static COSDictionary signature(COSName type, String subFilter) {
        COSDictionary v = new COSDictionary();
        v.setItem(COSName.TYPE, type);
        v.setItem(COSName.FILTER, COSName.getPDFName("Adobe.PPKLite"));
        v.setItem(COSName.SUB_FILTER, COSName.getPDFName(subFilter));
        COSArray range = new COSArray();
        for (int i = 0; i < 4; i++) {
            range.add(COSInteger.get(0));
        }
        v.setItem(COSName.BYTERANGE, range);
        v.setItem(COSName.CONTENTS, new COSString(new byte[16]));
        return v;
    }

    static void showSomething(PDDocument doc, PDSignatureField f) throws IOException {
        PDAppearanceStream n = new PDAppearanceStream(doc);
        n.setBBox(new PDRectangle(150, 50));
        try (OutputStream out = n.getCOSObject().createOutputStream()) {
            out.write("0 0 1 rg 0 0 150 50 re f".getBytes(StandardCharsets.US_ASCII));
        }
        PDAppearanceDictionary ap = new PDAppearanceDictionary();
        ap.setNormalAppearance(n);
        f.getWidgets().get(0).setAppearance(ap);
    }

    private static byte[] addField(byte[] signed, String name, boolean visible, COSDictionary value) throws IOException {
        return update(signed, doc -> {
            PDSignatureField f = Forms.signatureField(doc, name, 300, 100);
            if (visible) {
                showSomething(doc, f);
            }
            if (value != null) {
                f.getCOSObject().setItem(COSName.V, value);
            }
            touch(doc.getDocumentCatalog().getAcroForm().getCOSObject(), doc.getPage(0).getCOSObject());
        });
    }

    @Test
    void aNewSignatureWithItsAppearanceIsASignature() throws Exception {
        byte[] signed = base(doc -> Forms.text(doc, "so", 72, 600, "45/QD"));
        RulePdfs.Judged j = rules(signed, addField(signed, "ky2", true, signature(COSName.SIG, "ETSI.CAdES.detached")));
        j.assertIs(Modification.SIGNATURES);
        assertTrue(j.outcome.signaturesAdded);
    }

    @Test
    void aDocumentTimeStampIsValidationDataNotASignature() throws Exception {
        byte[] signed = base(doc -> Forms.text(doc, "so", 72, 600, "45/QD"));
        RulePdfs.Judged j = rules(signed, addField(signed, "ts", false, signature(COSName.DOC_TIME_STAMP, "ETSI.RFC3161")));
        j.assertIs(Modification.SIGNATURES);
        assertFalse(j.outcome.signaturesAdded);
    }

    @Test
    void anEmptySignatureFieldWithoutAppearanceIsASignatureField() throws Exception {
        byte[] signed = base(doc -> Forms.text(doc, "so", 72, 600, "45/QD"));
        RulePdfs.Judged j = rules(signed, addField(signed, "ky2", false, null));
        j.assertIs(Modification.SIGNATURES);
        assertTrue(j.outcome.signaturesAdded);
    }

    /** No one signed it, so no one answers for what it shows (the "sneaky signature"). */
    @Test
    void anEmptySignatureFieldThatShowsSomethingIsOther() throws Exception {
        byte[] signed = base(doc -> Forms.text(doc, "so", 72, 600, "45/QD"));
        rules(signed, addField(signed, "ky2", true, null)).assertIs(Modification.OTHER,
                "PDF_CONTENT_CHANGED empty signature field ky2 added after signing shows an appearance");
    }

    @Test
    void aSignedFieldMadeToHoldAnotherSignatureIsOther() throws Exception {
        byte[] signed = base(doc -> Forms.signatureField(doc, "ky1", 300, 100).getCOSObject()
                .setItem(COSName.V, signature(COSName.SIG, "ETSI.CAdES.detached")));
        byte[] full = update(signed, doc -> {
            PDSignatureField f = (PDSignatureField) doc.getDocumentCatalog().getAcroForm().getField("ky1");
            f.getCOSObject().setItem(COSName.V, signature(COSName.SIG, "adbe.pkcs7.detached"));
            touch(f.getCOSObject());
        });
        rules(signed, full).assertIs(Modification.OTHER, "PDF_CONTENT_CHANGED signature field ky1 now holds another signature");
    }

    @Test
    void aSignatureDictionaryRewrittenIsOther() throws Exception {
        byte[] signed = base(doc -> Forms.signatureField(doc, "ky1", 300, 100).getCOSObject()
                .setItem(COSName.V, signature(COSName.SIG, "ETSI.CAdES.detached")));
        byte[] full = update(signed, doc -> {
            PDSignatureField f = (PDSignatureField) doc.getDocumentCatalog().getAcroForm().getField("ky1");
            COSDictionary v = f.getCOSObject().getCOSDictionary(COSName.V);
            v.setString(COSName.REASON, "Đồng ý");
            touch(v);
        });
        rules(signed, full).assertIs(Modification.OTHER,
                "PDF_CONTENT_CHANGED signature field ky1 changed after it was signed or reserved");
    }

    @Test
    void aReservedFieldSignedLaterIsASignature() throws Exception {
        byte[] signed = base(doc -> Forms.signatureField(doc, "ky2", 300, 100));
        byte[] full = update(signed, doc -> {
            PDSignatureField f = (PDSignatureField) doc.getDocumentCatalog().getAcroForm().getField("ky2");
            f.getCOSObject().setItem(COSName.V, signature(COSName.SIG, "ETSI.CAdES.detached"));
            showSomething(doc, f);
            touch(f.getCOSObject());
        });
        RulePdfs.Judged j = rules(signed, full);
        j.assertIs(Modification.SIGNATURES);
        assertTrue(j.outcome.signaturesAdded);
    }

    /**
     * A /V that is no dictionary holds no signature (no verifier reads one there), so the field is empty
     * and what it shows is answered for by no one, as above.
     */
    @Test
    void aSignatureFieldWhoseValueIsNoSignatureIsEmpty() throws Exception {
        byte[] signed = base(doc -> Forms.text(doc, "so", 72, 600, "45/QD"));
        RulePdfs.Judged j = rules(signed, update(signed, doc -> {
            PDSignatureField f = Forms.signatureField(doc, "ky2", 300, 100);
            showSomething(doc, f);
            f.getCOSObject().setItem(COSName.V, new COSString("Đã ký"));
            touch(doc.getDocumentCatalog().getAcroForm().getCOSObject(), doc.getPage(0).getCOSObject());
        }));
        j.assertIs(Modification.OTHER, "PDF_CONTENT_CHANGED empty signature field ky2 added after signing shows an appearance");
    }

    /** A reserved field given a /V that is no signature, and an appearance, was not signed: it changed. */
    @Test
    void aReservedFieldGivenAValueThatIsNoSignatureIsOther() throws Exception {
        byte[] signed = base(doc -> Forms.signatureField(doc, "ky2", 300, 100));
        byte[] full = update(signed, doc -> {
            PDSignatureField f = (PDSignatureField) doc.getDocumentCatalog().getAcroForm().getField("ky2");
            f.getCOSObject().setItem(COSName.V, new COSString("Đã ký"));
            showSomething(doc, f);
            touch(f.getCOSObject());
        });
        rules(signed, full).assertIs(Modification.OTHER,
                "PDF_CONTENT_CHANGED signature field ky2 changed after it was signed or reserved");
    }
}
