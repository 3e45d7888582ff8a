package vn.kyso.pdf.internal.verify;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSNull;
import org.apache.pdfbox.cos.COSNumber;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.cos.COSObjectKey;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.form.PDField;
import org.jspecify.annotations.Nullable;
import vn.kyso.api.report.Modification;

/** COS helpers with no document state, shared by the modification rules. */
final class Cos {
    private Cos() {
    }

    /** A field's value as the rules compare it: "" for none and for a check box's "Off". */
    static String value(PDField f) {
        String v = f.getValueAsString();
        if (v == null || "Off".equals(v)) {
            return "";
        }
        return v;
    }

    /** The more serious of two kinds of change. */
    static Modification max(Modification a, Modification b) {
        return a.ordinal() >= b.ordinal() ? a : b;
    }

    static String id(COSObjectKey k) {
        return k.getNumber() + " " + k.getGeneration();
    }

    static @Nullable COSBase object(PDDocument doc, @Nullable COSObjectKey k) {
        if (k == null) {
            return null;
        }
        COSObject o = doc.getDocument().getObjectFromPool(k);
        return o == null ? null : o.getObject();
    }

    static @Nullable COSObjectKey key(@Nullable COSBase b) {
        return b instanceof COSObject ? b.getKey() : null;
    }

    static @Nullable COSDictionary dict(@Nullable COSBase b) {
        COSBase d = b instanceof COSObject ? ((COSObject) b).getObject() : b;
        return d instanceof COSDictionary ? (COSDictionary) d : null;
    }

    static @Nullable COSArray array(@Nullable COSBase b) {
        COSBase d = b instanceof COSObject ? ((COSObject) b).getObject() : b;
        return d instanceof COSArray ? (COSArray) d : null;
    }

    static List<COSBase> items(@Nullable COSArray a) {
        List<COSBase> out = new ArrayList<>();
        if (a != null) {
            for (int i = 0; i < a.size(); i++) {
                out.add(a.get(i));
            }
        }
        return out;
    }

    static boolean contains(@Nullable COSArray a, COSBase item) {
        for (COSBase b : items(a)) {
            if (same(b, item)) {
                return true;
            }
        }
        return false;
    }

    static Set<COSName> union(COSDictionary a, COSDictionary b) {
        Set<COSName> names = new LinkedHashSet<>(a.keySet());
        names.addAll(b.keySet());
        return names;
    }

    /** Calls {@code sink} with every indirect reference inside {@code b} (not following them). */
    static void references(@Nullable COSBase b, Consumer<COSObjectKey> sink) {
        if (b instanceof COSObject) {
            if (b.getKey() != null) {
                sink.accept(b.getKey());
            }
        } else if (b instanceof COSDictionary) {
            for (COSBase v : ((COSDictionary) b).getValues()) {
                references(v, sink);
            }
        } else if (b instanceof COSArray) {
            for (COSBase v : items((COSArray) b)) {
                references(v, sink);
            }
        }
    }

    /** The keys of every indirect object reachable from {@code b} (including {@code b} if indirect). */
    static Set<COSObjectKey> subtree(@Nullable COSBase b) {
        return subtree(b, Set.of());
    }

    /** As {@link #subtree(COSBase)}, not following the dictionary entries named in {@code skip}. */
    static Set<COSObjectKey> subtree(@Nullable COSBase b, Set<COSName> skip) {
        Set<COSObjectKey> seen = new HashSet<>();
        Deque<COSBase> todo = new ArrayDeque<>();
        if (b != null) {
            todo.add(b);
        }
        while (!todo.isEmpty()) {
            COSBase x = todo.pop();
            if (x instanceof COSObject) {
                if (x.getKey() == null || !seen.add(x.getKey())) {
                    continue;
                }
                x = ((COSObject) x).getObject();
            }
            if (x instanceof COSDictionary) {
                for (Map.Entry<COSName, COSBase> e : ((COSDictionary) x).entrySet()) {
                    if (!skip.contains(e.getKey())) {
                        todo.push(e.getValue());
                    }
                }
            } else if (x instanceof COSArray) {
                items((COSArray) x).forEach(todo::push);
            }
        }
        return seen;
    }

    /** Same value: direct objects compared deeply, references by object number. */
    static boolean same(@Nullable COSBase a, @Nullable COSBase b) {
        if (a instanceof COSNull) {
            a = null;
        }
        if (b instanceof COSNull) {
            b = null;
        }
        if (a == null || b == null) {
            return a == b;
        }
        if (a instanceof COSObject || b instanceof COSObject) {
            return a instanceof COSObject && b instanceof COSObject && Objects.equals(a.getKey(), b.getKey());
        }
        if (a instanceof COSDictionary && b instanceof COSDictionary) {
            COSDictionary x = (COSDictionary) a;
            COSDictionary y = (COSDictionary) b;
            if (!x.keySet().equals(y.keySet())) {
                return false;
            }
            for (COSName n : x.keySet()) {
                if (!same(x.getItem(n), y.getItem(n))) {
                    return false;
                }
            }
            return true;
        }
        if (a instanceof COSArray && b instanceof COSArray) {
            COSArray x = (COSArray) a;
            COSArray y = (COSArray) b;
            if (x.size() != y.size()) {
                return false;
            }
            for (int i = 0; i < x.size(); i++) {
                if (!same(x.get(i), y.get(i))) {
                    return false;
                }
            }
            return true;
        }
        if (a instanceof COSString && b instanceof COSString) {
            return Arrays.equals(((COSString) a).getBytes(), ((COSString) b).getBytes());
        }
        if (a instanceof COSNumber && b instanceof COSNumber) {
            // writers print reals with different precision (595.27563 vs 595.276): far below a visible change
            double x = ((COSNumber) a).floatValue();
            double y = ((COSNumber) b).floatValue();
            return Math.abs(x - y) <= 1e-3 + 1e-6 * Math.max(Math.abs(x), Math.abs(y));
        }
        return a.equals(b);
    }

    /** An object rewritten in a later revision but identical to its signed version is not a change. */
    static boolean sameObject(@Nullable COSBase a, @Nullable COSBase b) throws IOException {
        if (a == null || b == null || a.getClass() != b.getClass()) {
            return false;
        }
        if (a instanceof COSStream) {
            COSStream x = (COSStream) a;
            COSStream y = (COSStream) b;
            if (!same(dictionaryOf(x), dictionaryOf(y)) || x.getLength() != y.getLength()) {
                return false;
            }
            try (InputStream i = x.createRawInputStream(); InputStream j = y.createRawInputStream()) {
                byte[] p = new byte[8192];
                byte[] q = new byte[8192];
                while (true) {
                    int n = i.readNBytes(p, 0, p.length);
                    int m = j.readNBytes(q, 0, q.length);
                    if (n != m || !Arrays.equals(p, 0, n, q, 0, m)) {
                        return false;
                    }
                    if (n < p.length) {
                        return true;
                    }
                }
            }
        }
        return same(a, b);
    }

    private static COSDictionary dictionaryOf(COSStream s) {
        COSDictionary d = new COSDictionary();
        for (Map.Entry<COSName, COSBase> e : s.entrySet()) {
            if (!COSName.LENGTH.equals(e.getKey())) {
                d.setItem(e.getKey(), e.getValue());
            }
        }
        return d;
    }

    /** The annotation's /Rect as {x0, y0, x1, y1} with x0 &lt; x1 and y0 &lt; y1, or null if it has no area. */
    static float @Nullable [] rect(COSDictionary annotation) {
        COSArray a = array(annotation.getDictionaryObject(COSName.RECT));
        if (a == null || a.size() != 4) {
            return null;
        }
        float[] v = a.toFloatArray();
        float[] r = {Math.min(v[0], v[2]), Math.min(v[1], v[3]), Math.max(v[0], v[2]), Math.max(v[1], v[3])};
        return r[2] > r[0] && r[3] > r[1] ? r : null;
    }

    /** Whether two rectangles from {@link #rect} share some area. */
    static boolean overlap(float[] r, float[] q) {
        return Math.min(r[2], q[2]) > Math.max(r[0], q[0]) && Math.min(r[3], q[3]) > Math.max(r[1], q[1]);
    }

    static boolean isWidget(@Nullable COSDictionary d) {
        return d != null && COSName.WIDGET.equals(d.getCOSName(COSName.SUBTYPE));
    }
}
