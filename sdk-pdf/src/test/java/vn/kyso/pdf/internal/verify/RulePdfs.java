package vn.kyso.pdf.internal.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSObjectKey;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.cos.COSUpdateInfo;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import vn.kyso.api.report.Modification;

/**
 * Small PDFs built with PDFBox for the rule tests: a base document saved whole (the signed revision),
 * an incremental update of it (what a later signer or an attacker appends), and the rules run on the
 * pair. No signature is needed: the rules compare revisions, whatever the signature says.
 */
final class RulePdfs {
    private RulePdfs() {
    }

    interface Edit {
        void apply(PDDocument doc) throws IOException;
    }

    /** A one-page A4 document with a line of text, then {@code setup}, saved whole. */
    static byte[] base(Edit setup) throws IOException {
        try (PDDocument doc = new PDDocument()) {
            PDPage page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                cs.beginText();
                cs.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
                cs.newLineAtOffset(72, 700);
                cs.showText("Quyet dinh 45/QD");
                cs.endText();
            }
            setup.apply(doc);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            return out.toByteArray();
        }
    }

    /** {@code pdf} with {@code edit} appended as an incremental update (mark what changes with {@link #touch}). */
    static byte[] update(byte[] pdf, Edit edit) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            edit.apply(doc);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.saveIncremental(out);
            return out.toByteArray();
        }
    }

    /** Marks objects to be written in the incremental update. */
    static void touch(COSUpdateInfo... objects) {
        for (COSUpdateInfo o : objects) {
            o.setNeedToBeUpdated(true);
        }
    }

    /** Replaces a stream's data (the object keeps its number). */
    static void rewrite(COSStream stream, String data) throws IOException {
        try (OutputStream out = stream.createOutputStream()) {
            out.write(data.getBytes(StandardCharsets.ISO_8859_1));
        }
        stream.setNeedToBeUpdated(true);
    }

    /** What some rules made of the revision {@code signed} (a prefix of {@code full}). */
    static final class Judged {
        final Outcome outcome;
        final Map<COSObjectKey, Modification> explained;
        final Set<COSObjectKey> changed;

        Judged(Outcome outcome, Map<COSObjectKey, Modification> explained, Set<COSObjectKey> changed) {
            this.outcome = outcome;
            this.explained = explained;
            this.changed = changed;
        }

        /** The findings as "CODE detail" lines. */
        List<String> findings() {
            return outcome.findings.stream().map(f -> f.code + " " + f.detail).collect(Collectors.toList());
        }

        Modification kind() {
            return outcome.kind;
        }

        /** Asserts the kind of change and the findings exactly. */
        void assertIs(Modification kind, String... findings) {
            assertEquals(List.of(findings), findings());
            assertEquals(kind, outcome.kind);
        }
    }

    /** Runs {@code rules} (in order) on the pair. */
    static Judged judge(byte[] signed, byte[] full, ModificationRule... rules) throws IOException {
        try (PDDocument s = Loader.loadPDF(signed); PDDocument l = Loader.loadPDF(full)) {
            Changes c = new Changes(new FinalRevision(l), s);
            for (ModificationRule r : rules) {
                r.judge(c);
            }
            return new Judged(c.outcome(), new HashMap<>(c.explained), new HashSet<>(c.changed));
        }
    }

    /** Runs the whole policy on the pair, as {@link RevisionDiff} does. */
    static Judged policy(byte[] signed, byte[] full) throws IOException {
        try (PDDocument s = Loader.loadPDF(signed); PDDocument l = Loader.loadPDF(full)) {
            Changes c = new Changes(new FinalRevision(l), s);
            Outcome o = ModificationPolicy.judge(c);
            return new Judged(o, new HashMap<>(c.explained), new HashSet<>(c.changed));
        }
    }

    /** "12 0": how findings name an object. */
    static String id(COSBase object) {
        return Cos.id(object.getKey());
    }
}
