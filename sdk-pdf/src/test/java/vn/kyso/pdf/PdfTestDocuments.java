package vn.kyso.pdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import vn.kyso.api.token.SigningKey;
import vn.kyso.api.token.Tokens;
import vn.kyso.testkit.Identity;
import vn.kyso.testkit.Sandbox;

/** Test documents and independent tools (poppler) for the PDF tests. */
public final class PdfTestDocuments {
    private PdfTestDocuments() {
    }

    /** An A4 Vietnamese decision, one page of text in Liberation Serif. */
    public static Path decision(Path file) throws Exception {
        try (PDDocument doc = new PDDocument()) {
            PDPage page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            PDType0Font font = PdfFonts.serif(doc);
            try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                cs.beginText();
                cs.setFont(font, 13);
                cs.newLineAtOffset(72, 760);
                cs.showText("ỦY BAN NHÂN DÂN THÀNH PHỐ HÀ NỘI");
                cs.newLineAtOffset(0, -80); // room for the number and date fields
                cs.showText("QUYẾT ĐỊNH về việc ban hành quy chế sử dụng chữ ký số");
                cs.newLineAtOffset(0, -24);
                cs.showText("Điều 1. Ban hành kèm theo Quyết định này Quy chế sử dụng chữ ký số.");
                cs.endText();
            }
            doc.save(file.toFile());
        }
        return file;
    }

    public static SigningKey key(Identity who) {
        return Tokens.pkcs12(who.pkcs12(Sandbox.PASSWORD.toCharArray()), Sandbox.PASSWORD.toCharArray(), who.name())
                .firstKey();
    }

    /** Runs a tool and returns its output (stdout and stderr). */
    public static String run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), String.join(" ", command));
        return p.exitValue() == 0 ? out : out + "\n[exit " + p.exitValue() + ": " + String.join(" ", command) + "]";
    }

    /**
     * pdfsig's validation line of each signature, in order, leaving out document time-stamps, which
     * this poppler cannot validate (it lists them as type ETSI.RFC3161 or "unknown").
     */
    public static List<String> pdfsigValidations(Path pdf) throws Exception {
        String out = run("pdfsig", "-nocert", pdf.toString());
        List<String> lines = new ArrayList<>();
        boolean timestamp = false;
        for (String line : out.split("\n")) {
            String t = line.trim();
            if (t.startsWith("Signature #")) {
                timestamp = false;
            } else if (t.startsWith("- Signature Type:")) {
                timestamp = t.contains("ETSI.RFC3161") || t.endsWith(": unknown");
            } else if (t.startsWith("- Signature Validation:") && !timestamp) {
                lines.add(t);
            }
        }
        return lines;
    }

    public static void assertPdfsigValid(Path pdf, int signatures) throws Exception {
        List<String> lines = pdfsigValidations(pdf);
        assertEquals(signatures, lines.size(), run("pdfsig", "-nocert", pdf.toString()));
        for (String l : lines) {
            assertEquals("- Signature Validation: Signature is Valid.", l);
        }
    }
}
