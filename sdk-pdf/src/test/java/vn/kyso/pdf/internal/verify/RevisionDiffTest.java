package vn.kyso.pdf.internal.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.kyso.pdf.internal.verify.RulePdfs.base;
import static vn.kyso.pdf.internal.verify.RulePdfs.touch;
import static vn.kyso.pdf.internal.verify.RulePdfs.update;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.kyso.api.report.Modification;

/** The file-level entry: the signed revision read as a prefix of the file, compared by the policy. */
class RevisionDiffTest {
    @TempDir
    Path dir;

    @Test
    void theWholeFileIsUnchangedAndAPrefixIsCompared() throws Exception {
        byte[] signed = base(doc -> Forms.text(doc, "so", 72, 600, null));
        byte[] full = update(signed, doc -> {
            var f = doc.getDocumentCatalog().getAcroForm().getField("so");
            f.setValue("45/QD");
            touch(f.getCOSObject());
        });
        Path file = Files.write(dir.resolve("filled.pdf"), full);
        try (RevisionDiff diff = RevisionDiff.open(file, null)) {
            assertEquals(Modification.NONE, diff.compare(full.length).kind);
            Outcome o = diff.compare(signed.length);
            assertEquals(Modification.FORM_FILL, o.kind);
            assertEquals(List.of(), o.findings);
            assertEquals(List.of("so"), o.changedFields);
        }
    }

    @Test
    void aRevisionThatCannotBeReadIsNeverUnchanged() throws Exception {
        byte[] signed = base(doc -> { });
        byte[] full = update(signed, doc -> touch(doc.getDocumentCatalog().getCOSObject()));
        Path file = Files.write(dir.resolve("f.pdf"), full);
        try (RevisionDiff diff = RevisionDiff.open(file, null)) {
            Outcome outside = diff.compare(full.length + 1L);
            assertEquals(Modification.OTHER, outside.kind);
            assertEquals("PDF_REVISION_UNREADABLE revision end " + (full.length + 1L) + " outside the file",
                    outside.findings.get(0).code + " " + outside.findings.get(0).detail);
            Outcome garbage = diff.compare(5);
            assertEquals(Modification.OTHER, garbage.kind);
            assertEquals(1, garbage.findings.size());
            assertTrue(garbage.findings.get(0).code.equals(Finding.UNREADABLE), garbage.findings.toString());
        }
    }
}
