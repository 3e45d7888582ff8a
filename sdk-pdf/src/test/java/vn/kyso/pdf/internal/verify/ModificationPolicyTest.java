package vn.kyso.pdf.internal.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static vn.kyso.pdf.internal.verify.RulePdfs.base;
import static vn.kyso.pdf.internal.verify.RulePdfs.policy;
import static vn.kyso.pdf.internal.verify.RulePdfs.touch;
import static vn.kyso.pdf.internal.verify.RulePdfs.update;

import java.util.List;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.junit.jupiter.api.Test;
import vn.kyso.api.report.Modification;
import vn.kyso.pdf.internal.verify.ModificationPolicy.DocMdp;
import vn.kyso.pdf.internal.verify.ModificationPolicy.FieldLock;
import vn.kyso.pdf.internal.verify.ModificationPolicy.LockAction;

class ModificationPolicyTest {
    private static Outcome outcome(Modification kind, boolean signaturesAdded, String... fields) {
        return new Outcome(kind, List.of(), List.of(fields), signaturesAdded);
    }

    @Test
    void docMdpOneAllowsOnlyValidationDataAndTimeStamps() {
        assertNull(ModificationPolicy.refusal(DocMdp.NO_CHANGES, List.of(), outcome(Modification.SIGNATURES, false)));
        assertEquals("DocMDP P=1, a new signature",
                ModificationPolicy.refusal(DocMdp.NO_CHANGES, List.of(), outcome(Modification.SIGNATURES, true)));
        assertEquals("DocMDP P=1, FORM_FILL",
                ModificationPolicy.refusal(DocMdp.NO_CHANGES, List.of(), outcome(Modification.FORM_FILL, false, "so")));
    }

    @Test
    void docMdpTwoRefusesAnnotationsAndThreeAllowsThem() {
        assertNull(ModificationPolicy.refusal(DocMdp.FORM_FILL_AND_SIGNATURES, List.of(), outcome(Modification.FORM_FILL, false, "so")));
        assertEquals("DocMDP P=2, ANNOTATIONS",
                ModificationPolicy.refusal(DocMdp.FORM_FILL_AND_SIGNATURES, List.of(), outcome(Modification.ANNOTATIONS, false)));
        assertNull(ModificationPolicy.refusal(DocMdp.ANNOTATIONS_TOO, List.of(), outcome(Modification.ANNOTATIONS, true)));
        assertNull(ModificationPolicy.refusal(null, List.of(), outcome(Modification.ANNOTATIONS, true)));
    }

    @Test
    void fieldLocksRefuseTheFieldsTheyLock() {
        Outcome filled = outcome(Modification.FORM_FILL, false, "so", "ngay");
        assertEquals("FieldMDP ALL, so", ModificationPolicy.refusal(null,
                List.of(new FieldLock(LockAction.ALL, null, "ALL")), filled));
        assertEquals("FieldMDP INCLUDE, ngay", ModificationPolicy.refusal(null,
                List.of(new FieldLock(LockAction.INCLUDE, List.of("ngay"), "INCLUDE")), filled));
        assertNull(ModificationPolicy.refusal(null, List.of(new FieldLock(LockAction.INCLUDE, List.of("ky"), "INCLUDE")), filled));
        assertEquals("FieldMDP EXCLUDE, ngay", ModificationPolicy.refusal(null,
                List.of(new FieldLock(LockAction.EXCLUDE, List.of("so"), "EXCLUDE")), filled));
        assertNull(ModificationPolicy.refusal(null, List.of(new FieldLock(LockAction.EXCLUDE, List.of("so", "ngay"), "EXCLUDE")), filled));
    }

    @Test
    void anUpdateThatChangesNothingIsBookkeeping() throws Exception {
        byte[] signed = base(doc -> { });
        policy(signed, update(signed, doc -> touch(doc.getDocumentCatalog().getCOSObject()))).assertIs(Modification.SIGNATURES);
    }

    @Test
    void aNewCatalogIsOther() throws Exception {
        byte[] signed = base(doc -> { });
        byte[] full = update(signed, doc -> {
            COSDictionary copy = new COSDictionary();
            copy.addAll(doc.getDocumentCatalog().getCOSObject());
            doc.getDocument().getTrailer().setItem(COSName.ROOT, copy);
            touch(doc.getDocument().getTrailer());
        });
        policy(signed, full).assertIs(Modification.OTHER, "PDF_CONTENT_CHANGED the document catalog was replaced");
    }

    /** Every rule's verdict counts: a comment and a filled field together are ANNOTATIONS, the more serious. */
    @Test
    void theMostSeriousChangeWins() throws Exception {
        byte[] signed = base(doc -> Forms.text(doc, "so", 72, 600, null));
        byte[] full = update(signed, doc -> {
            org.apache.pdfbox.pdmodel.interactive.form.PDTextField f =
                    (org.apache.pdfbox.pdmodel.interactive.form.PDTextField) doc.getDocumentCatalog().getAcroForm().getField("so");
            f.setValue("45/QD");
            touch(f.getCOSObject());
            Forms.note(doc, 400, 750);
            touch(doc.getPage(0).getCOSObject());
        });
        RulePdfs.Judged j = policy(signed, full);
        j.assertIs(Modification.ANNOTATIONS);
        assertEquals(List.of("so"), j.outcome.changedFields);
    }
}
