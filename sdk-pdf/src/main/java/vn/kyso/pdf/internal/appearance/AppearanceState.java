package vn.kyso.pdf.internal.appearance;

import java.time.OffsetDateTime;
import vn.kyso.api.spi.SealedState;
import vn.kyso.pdf.PdfAppearance;
import vn.kyso.pdf.PdfPlacement;
import vn.kyso.pdf.PdfSignatureOptions;

/**
 * Carries a signature's placement and appearance (images included) through a two-phase state, so that
 * {@code complete} draws exactly what {@code prepare} drew. Internal.
 */
public final class AppearanceState {
    private AppearanceState() {
    }

    /** Writes the options' placement and appearance into the state. */
    public static void put(SealedState.Builder sb, PdfSignatureOptions o) {
        PdfPlacement p = o.placement();
        if (p != null) {
            sb.put("pl", p.mode().name());
            if (p.mode() != PdfPlacement.Mode.FIELD) {
                sb.put("pl.r", p.page() + ";" + p.x() + ";" + p.y() + ";" + p.width() + ";" + p.height());
            }
            if (p.mode() == PdfPlacement.Mode.ANCHOR) {
                sb.put("pl.a", p.anchorText());
                sb.put("pl.n", p.occurrence());
            }
        }
        PdfAppearance a = o.appearance();
        if (a != null) {
            sb.put("ap", a.kind().name());
            put(sb, "ap.img", a.image());
            put(sb, "ap.title", a.title());
            put(sb, "ap.name", a.name());
            put(sb, "ap.doc", a.documentNumber());
            put(sb, "ap.copy", a.copyType() == null ? null : a.copyType().name());
            put(sb, "ap.org", a.organisation());
            put(sb, "ap.no", a.number());
            put(sb, "ap.date", a.date() == null ? null : a.date().toString());
            put(sb, "ap.over", a.overField());
            if (a.sealWidthMm() > 0) {
                sb.put("ap.mm", Double.toString(a.sealWidthMm()));
            }
        }
    }

    /** Restores what {@link #put} wrote into a builder (whose field name is already set). */
    public static void read(SealedState s, PdfSignatureOptions.Builder b, String fieldName) {
        if (s.has("pl")) {
            PdfPlacement.Mode mode = PdfPlacement.Mode.valueOf(s.string("pl"));
            if (mode == PdfPlacement.Mode.FIELD) {
                b.placement(PdfPlacement.field(fieldName));
            } else {
                String[] r = s.string("pl.r").split(";");
                float[] v = new float[4];
                for (int i = 0; i < 4; i++) {
                    v[i] = Float.parseFloat(r[i + 1]);
                }
                int page = Integer.parseInt(r[0]);
                if (mode == PdfPlacement.Mode.RECTANGLE) {
                    b.placement(PdfPlacement.at(page, v[0], v[1], v[2], v[3]));
                } else {
                    PdfPlacement p = PdfPlacement.anchor(s.string("pl.a")).offset(v[0], v[1]).size(v[2], v[3])
                            .occurrence((int) s.number("pl.n"));
                    b.placement(page > 0 ? p.page(page) : p);
                }
            }
        }
        if (s.has("ap")) {
            b.appearance(appearance(s));
        }
    }

    private static PdfAppearance appearance(SealedState s) {
        switch (PdfAppearance.Kind.valueOf(s.string("ap"))) {
            case LEADER:
                return PdfAppearance.leader(s.bytes("ap.img")).title(opt(s, "ap.title")).name(opt(s, "ap.name"));
            case SEAL: {
                PdfAppearance a = PdfAppearance.seal(s.bytes("ap.img"));
                a = s.has("ap.mm") ? a.sealWidthMm(Double.parseDouble(s.string("ap.mm"))) : a;
                return s.has("ap.over") ? a.over(s.string("ap.over")) : a;
            }
            case APPENDIX:
                return PdfAppearance.appendix(s.string("ap.doc"));
            case COPY:
                return PdfAppearance.copy(PdfAppearance.CopyType.valueOf(s.string("ap.copy")), opt(s, "ap.org"),
                        s.string("ap.no"));
            case INCOME: {
                PdfAppearance a = PdfAppearance.income(opt(s, "ap.org")).incomingNumber(opt(s, "ap.no"));
                return s.has("ap.date") ? a.incomingDate(OffsetDateTime.parse(s.string("ap.date"))) : a;
            }
            default:
                return PdfAppearance.text();
        }
    }

    private static void put(SealedState.Builder sb, String name, String value) {
        if (value != null) {
            sb.put(name, value);
        }
    }

    private static void put(SealedState.Builder sb, String name, byte[] value) {
        if (value != null) {
            sb.put(name, value);
        }
    }

    private static String opt(SealedState s, String name) {
        return s.has(name) ? s.string(name) : null;
    }
}
