package vn.kyso.pdf;

import vn.kyso.pdf.internal.appearance.PdfFonts;
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
import org.apache.pdfbox.pdfwriter.compress.CompressParameters;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import vn.kyso.api.token.SigningKey;
import vn.kyso.api.twophase.StateKey;
import vn.kyso.core.trust.TrustAnchors;
import vn.kyso.core.tsp.TimestampClient;
import vn.kyso.core.verify.Verifier;
import vn.kyso.api.token.Tokens;
import vn.kyso.testkit.Identity;
import vn.kyso.testkit.Sandbox;

/** Test documents and independent tools (poppler) for the PDF tests. */
public final class PdfTestDocuments {
    private PdfTestDocuments() {
    }

    /** An A4 Vietnamese decision, one page of text in Liberation Serif. */
    public static Path decision(Path file) throws Exception {
        return decision(file, 0, CompressParameters.DEFAULT_COMPRESSION, null);
    }

    /**
     * The decision with its page turned by {@code rotation} (/Rotate), written with object streams and an
     * xref stream ({@code DEFAULT_COMPRESSION}) or with a classic xref table ({@code NO_COMPRESSION}),
     * encrypted when {@code protection} is given.
     */
    public static Path decision(Path file, int rotation, CompressParameters compression,
                                StandardProtectionPolicy protection) throws Exception {
        try (PDDocument doc = new PDDocument()) {
            PDPage page = new PDPage(PDRectangle.A4);
            page.setRotation(rotation);
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
            if (protection != null) {
                doc.protect(protection);
            }
            doc.save(file.toFile(), compression);
        }
        return file;
    }

    /** An encryption policy: AES with the key length (128 or 256), the passwords, all permissions. */
    public static StandardProtectionPolicy aes(int keyLength, String owner, String user) {
        StandardProtectionPolicy p = new StandardProtectionPolicy(owner, user, new AccessPermission());
        p.setEncryptionKeyLength(keyLength);
        return p;
    }

    /**
     * qpdf --check finds no error and no warning (with the password of an encrypted file, or null),
     * except the /Size of a PDFBox-written input being larger than its highest object number plus one.
     */
    public static void assertQpdfClean(Path pdf, String password) throws Exception {
        String out = password == null ? run("qpdf", "--check", pdf.toString())
                : run("qpdf", "--password=" + password, "--check", pdf.toString());
        assertTrue(out.contains("No syntax or stream encoding errors found")
                || out.contains("operation succeeded with warnings"), out);
        for (String line : out.split("\n")) {
            assertTrue(!line.contains("WARNING") || line.contains("reported number of objects"), out);
            assertTrue(!line.startsWith("[exit") || line.startsWith("[exit 3"), out);
        }
    }

    /** A signer with the sandbox's root as trust anchor, its TSA and a fresh two-phase state key. */
    public static PdfSigner signer(Sandbox sandbox) {
        return PdfSigner.builder().trust(TrustAnchors.of(List.of(sandbox.root()))).stateKey(StateKey.generate())
                .timestamps(TimestampClient.builder().urls(List.of(sandbox.tsaUrl())).build()).build();
    }

    /** A verifier trusting the sandbox's root. */
    public static Verifier verifier(Sandbox sandbox) {
        return Verifier.builder().trust(TrustAnchors.of(List.of(sandbox.root()))).build();
    }

    /** The reader-frame row of the template's "Số:" and date placeholders, in points from the top. */
    public static final float PLACEHOLDER_ROW = 112;

    /**
     * A Decree 30/2020-style decision: issuing body and national motto, then on one row the placeholders
     * "Số:      /QĐ-UBND" (left) and "Hà Nội, ngày ... tháng ... năm 2026" (right), the text, and the
     * signer's printed title "CHỦ TỊCH" and name "Nguyễn Văn An" bottom right. No form fields.
     */
    public static Path template(Path file) throws Exception {
        try (PDDocument doc = new PDDocument()) {
            PDPage page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            PDType0Font font = PdfFonts.serif(doc);
            PDType0Font bold = PdfFonts.serifBold(doc);
            float top = page.getMediaBox().getHeight();
            try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                text(cs, bold, 12, 60, top - 60, "ỦY BAN NHÂN DÂN");
                text(cs, bold, 12, 320, top - 60, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
                text(cs, bold, 12, 60, top - 76, "THÀNH PHỐ HÀ NỘI");
                text(cs, bold, 12, 360, top - 76, "Độc lập - Tự do - Hạnh phúc");
                text(cs, font, 13, 60, top - PLACEHOLDER_ROW, "Số:        /QĐ-UBND");
                text(cs, font, 13, 320, top - PLACEHOLDER_ROW, "Hà Nội, ngày ... tháng ... năm 2026");
                text(cs, bold, 14, 240, top - 170, "QUYẾT ĐỊNH");
                text(cs, font, 13, 150, top - 190, "Về việc ban hành quy chế sử dụng chữ ký số");
                text(cs, font, 13, 72, top - 240, "Điều 1. Ban hành kèm theo Quyết định này Quy chế sử dụng chữ ký số.");
                text(cs, font, 13, 72, top - 262, "Điều 2. Quyết định có hiệu lực kể từ ngày ký.");
                text(cs, bold, 13, 400, top - 600, "CHỦ TỊCH");
                text(cs, bold, 13, 385, top - 720, "Nguyễn Văn An");
            }
            doc.save(file.toFile());
        }
        return file;
    }

    /**
     * One A4 page with the given /Rotate and, upright for its reader, the line {@code line} at 72 points
     * from the left and 300 from the top; {@code nfd} writes it with combining marks.
     */
    public static Path rotated(Path file, int rotation, String line, boolean nfd) throws Exception {
        try (PDDocument doc = new PDDocument()) {
            PDPage page = new PDPage(PDRectangle.A4);
            page.setRotation(rotation);
            doc.addPage(page);
            float w = page.getMediaBox().getWidth();
            float h = page.getMediaBox().getHeight();
            float x = 72;
            float y = 300;
            // the reader's point (x, y from the top) in user space, and the text turned to read upright
            float[] u;
            switch (rotation) {
                case 90: u = new float[] {y, x}; break;
                case 180: u = new float[] {w - x, y}; break;
                case 270: u = new float[] {w - y, h - x}; break;
                default: u = new float[] {x, h - y}; break;
            }
            try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                cs.beginText();
                cs.setFont(PdfFonts.serif(doc), 13);
                cs.setTextMatrix(org.apache.pdfbox.util.Matrix.getRotateInstance(Math.toRadians(rotation), u[0], u[1]));
                cs.showText(nfd ? java.text.Normalizer.normalize(line, java.text.Normalizer.Form.NFD) : line);
                cs.endText();
            }
            doc.save(file.toFile());
        }
        return file;
    }

    private static void text(PDPageContentStream cs, PDType0Font font, float size, float x, float y, String s)
            throws Exception {
        cs.beginText();
        cs.setFont(font, size);
        cs.newLineAtOffset(x, y);
        cs.showText(s);
        cs.endText();
    }

    /** Runs {@code pdftotext -bbox} and returns each word with its box {xMin, yMin, xMax, yMax} (reader frame). */
    public static List<Word> words(Path pdf) throws Exception {
        String html = run("pdftotext", "-bbox", "-enc", "UTF-8", "-f", "1", "-l", "1", pdf.toString(), "-");
        List<Word> out = new ArrayList<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile(
                "<word xMin=\"([\\d.]+)\" yMin=\"([\\d.]+)\" xMax=\"([\\d.]+)\" yMax=\"([\\d.]+)\">([^<]*)</word>")
                .matcher(html);
        while (m.find()) {
            out.add(new Word(m.group(5), Float.parseFloat(m.group(1)), Float.parseFloat(m.group(2)),
                    Float.parseFloat(m.group(3)), Float.parseFloat(m.group(4))));
        }
        return out;
    }

    /** A word pdftotext found, with its box in points from the page's top-left as the reader sees it. */
    public static final class Word {
        public final String text;
        public final float xMin;
        public final float yMin;
        public final float xMax;
        public final float yMax;

        Word(String text, float xMin, float yMin, float xMax, float yMax) {
            this.text = text.replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"");
            this.xMin = xMin;
            this.yMin = yMin;
            this.xMax = xMax;
            this.yMax = yMax;
        }

        @Override
        public String toString() {
            return text + "[" + xMin + "," + yMin + "," + xMax + "," + yMax + "]";
        }
    }

    /** The first word equal to {@code text}, or an assertion failure listing the words. */
    public static Word word(List<Word> words, String text) {
        for (Word w : words) {
            if (w.text.equals(text)) {
                return w;
            }
        }
        throw new AssertionError("no word \"" + text + "\" in " + words);
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
        return pdfsigValidations(pdf, null);
    }

    /** {@link #pdfsigValidations(Path)} of a PDF encrypted with a user password. */
    public static List<String> pdfsigValidations(Path pdf, String userPassword) throws Exception {
        String out = pdfsig(pdf, userPassword);
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
        assertPdfsigValid(pdf, signatures, null);
    }

    /** Every signature (not document time-stamps) of a PDF is valid for pdfsig, opened with the user password if given. */
    public static void assertPdfsigValid(Path pdf, int signatures, String userPassword) throws Exception {
        List<String> lines = pdfsigValidations(pdf, userPassword);
        assertEquals(signatures, lines.size(), pdfsig(pdf, userPassword));
        for (String l : lines) {
            assertEquals("- Signature Validation: Signature is Valid.", l);
        }
    }

    private static String pdfsig(Path pdf, String userPassword) throws Exception {
        return userPassword == null ? run("pdfsig", "-nocert", pdf.toString())
                : run("pdfsig", "-nocert", "-upw", userPassword, pdf.toString());
    }
}
