package vn.kyso.pdf.internal.verify;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.apache.pdfbox.contentstream.PDContentStream;
import org.apache.pdfbox.contentstream.operator.Operator;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.cos.COSObjectKey;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdfparser.PDFStreamParser;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.graphics.PDXObject;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationWidget;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAppearanceDictionary;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAppearanceEntry;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAppearanceStream;
import org.apache.pdfbox.pdmodel.interactive.form.PDAcroForm;
import org.apache.pdfbox.pdmodel.interactive.form.PDButton;
import org.apache.pdfbox.pdmodel.interactive.form.PDListBox;
import org.apache.pdfbox.pdmodel.interactive.form.PDTerminalField;

/**
 * Whether a form field's widgets show the field's value, so that what a viewer displays is what the
 * value says (a changed value with an appearance showing something else is a shadow attack, not form
 * filling). Text and combo-box fields: the text drawn by each widget's normal appearance, decoded
 * through its fonts and compared without white space, equals the value. List boxes: the drawn text
 * contains the value. Check boxes and radio buttons: the appearance state of a widget names the value,
 * the others are Off, and none of their appearance streams changed after signing.
 */
final class FieldAppearance {
    private static final int MAX_DEPTH = 8;

    private FieldAppearance() {
    }

    static boolean shows(PDTerminalField field, String value, PDAcroForm form, Predicate<COSObjectKey> changed)
            throws IOException {
        List<PDAnnotationWidget> widgets = field.getWidgets();
        if (widgets.isEmpty()) {
            return false;
        }
        if (field instanceof PDButton) {
            return buttonShows(widgets, value, changed);
        }
        String expected = normalise(value);
        for (PDAnnotationWidget w : widgets) {
            PDAppearanceStream ap = normalAppearance(w);
            if (ap == null) {
                return false;
            }
            StringBuilder text = new StringBuilder();
            draw(ap, ap.getResources() != null ? ap.getResources() : form.getDefaultResources(), text, 0);
            String shown = normalise(text.toString());
            if (field instanceof PDListBox ? !shown.contains(expected) : !shown.equals(expected)) {
                return false;
            }
        }
        return true;
    }

    private static boolean buttonShows(List<PDAnnotationWidget> widgets, String value, Predicate<COSObjectKey> changed) {
        int on = 0;
        for (PDAnnotationWidget w : widgets) {
            COSName state = w.getCOSObject().getCOSName(COSName.AS);
            PDAppearanceDictionary ap = w.getAppearance();
            COSBase normal = ap == null ? null : ap.getCOSObject().getItem(COSName.N);
            if (changedReference(normal, changed)) {
                return false;
            }
            COSBase states = normal instanceof COSObject ? ((COSObject) normal).getObject() : normal;
            if (states instanceof COSDictionary) {
                for (COSBase stream : ((COSDictionary) states).getValues()) {
                    if (changedReference(stream, changed)) {
                        return false; // only the states drawn when signed may be switched between
                    }
                }
            }
            if (state != null && state.getName().equals(value)) {
                on++;
            } else if (state != null && !state.equals(COSName.Off)) {
                return false;
            }
        }
        return value.isEmpty() || on > 0;
    }

    private static boolean changedReference(COSBase b, Predicate<COSObjectKey> changed) {
        return b instanceof COSObject && b.getKey() != null && changed.test(b.getKey());
    }

    private static PDAppearanceStream normalAppearance(PDAnnotationWidget w) {
        PDAppearanceDictionary ap = w.getAppearance();
        PDAppearanceEntry normal = ap == null ? null : ap.getNormalAppearance();
        if (normal == null) {
            return null;
        }
        if (normal.isStream()) {
            return normal.getAppearanceStream();
        }
        COSName state = w.getAppearanceState();
        return state == null ? null : normal.getSubDictionary().get(state);
    }

    /** Appends the text that {@code content} draws (Tj, TJ, ' and ", also inside form XObjects). */
    private static void draw(PDContentStream content, PDResources resources, StringBuilder out, int depth)
            throws IOException {
        if (depth > MAX_DEPTH) {
            return;
        }
        PDFStreamParser parser = new PDFStreamParser(content);
        List<COSBase> operands = new ArrayList<>();
        PDFont font = null;
        for (Object token = parser.parseNextToken(); token != null; token = parser.parseNextToken()) {
            if (!(token instanceof Operator)) {
                operands.add((COSBase) token);
                continue;
            }
            String op = ((Operator) token).getName();
            if ("Tf".equals(op) && !operands.isEmpty() && operands.get(0) instanceof COSName && resources != null) {
                font = resources.getFont((COSName) operands.get(0));
            } else if (("Tj".equals(op) || "'".equals(op) || "\"".equals(op)) && !operands.isEmpty()
                    && operands.get(operands.size() - 1) instanceof COSString) {
                decode(font, (COSString) operands.get(operands.size() - 1), out);
                out.append(' ');
            } else if ("TJ".equals(op) && !operands.isEmpty() && operands.get(0) instanceof COSArray) {
                for (COSBase b : (COSArray) operands.get(0)) {
                    if (b instanceof COSString) {
                        decode(font, (COSString) b, out);
                    }
                }
                out.append(' ');
            } else if ("Do".equals(op) && !operands.isEmpty() && operands.get(0) instanceof COSName && resources != null) {
                PDXObject x = resources.getXObject((COSName) operands.get(0));
                if (x instanceof PDFormXObject) {
                    PDFormXObject form = (PDFormXObject) x;
                    draw(form, form.getResources() != null ? form.getResources() : resources, out, depth + 1);
                }
            }
            operands.clear();
        }
    }

    private static void decode(PDFont font, COSString s, StringBuilder out) throws IOException {
        byte[] bytes = s.getBytes();
        if (font == null) {
            out.append(new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1));
            return;
        }
        InputStream in = new ByteArrayInputStream(bytes);
        while (in.available() > 0) {
            int code = font.readCode(in);
            String u = font.toUnicode(code);
            out.append(u == null ? "\uFFFD" : u);
        }
    }

    static String normalise(String s) {
        String n = Normalizer.normalize(s == null ? "" : s, Normalizer.Form.NFC);
        StringBuilder b = new StringBuilder(n.length());
        n.codePoints().filter(c -> !Character.isWhitespace(c) && !Character.isSpaceChar(c)).forEach(b::appendCodePoint);
        return b.toString();
    }
}
