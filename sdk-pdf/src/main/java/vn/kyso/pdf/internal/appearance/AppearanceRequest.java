package vn.kyso.pdf.internal.appearance;

import java.text.Normalizer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import vn.kyso.api.cert.CertificateInfo;
import vn.kyso.core.report.ReportWriter;
import vn.kyso.pdf.PdfAppearance;

/**
 * Everything {@link Appearances#draw} needs to draw one signature's appearance: the kind of drawing, the
 * signer, the signing time, the image and the text lines (in Unicode NFC). Built from the vendor's {@link PdfAppearance}
 * with {@link #of}. Immutable. Internal.
 */
public final class AppearanceRequest {

    /** How the appearance is drawn. */
    public enum Kind {
        /** Lines of text filling the rectangle (signer, organisation, time). */
        TEXT_BLOCK,
        /** A signature image, centred between optional title and name lines. */
        LEADER_IMAGE,
        /** A seal image filling the rectangle (which has the seal's real size). */
        SEAL,
        /** Info text (appendix, copy, income): size 10, black. */
        INFO_TEXT
    }

    private final Kind kind;
    private final CertificateInfo signer;
    private final Instant signingTime;
    private final byte[] image;
    private final String title;
    private final String name;
    private final List<String> lines;
    private final PdfAppearance appearance;

    private AppearanceRequest(Kind kind, CertificateInfo signer, Instant signingTime, PdfAppearance appearance,
                              List<String> lines) {
        this.kind = kind;
        this.signer = Objects.requireNonNull(signer, "signer");
        this.signingTime = Objects.requireNonNull(signingTime, "signingTime");
        this.appearance = appearance;
        this.image = appearance.image();
        this.title = nfc(appearance.title());
        this.name = nfc(appearance.name());
        List<String> n = new ArrayList<>();
        lines.forEach(l -> n.add(nfc(l)));
        this.lines = Collections.unmodifiableList(n);
    }

    /** The request for a vendor's appearance (null: the text block) by this signer at this time. */
    public static AppearanceRequest of(PdfAppearance appearance, CertificateInfo signer, Instant signingTime) {
        PdfAppearance a = appearance == null ? PdfAppearance.text() : appearance;
        String time = ReportWriter.time(signingTime);
        String org = a.organisation() != null ? a.organisation()
                : signer.organization() != null ? signer.organization() : signer.commonName();
        List<String> lines = new ArrayList<>();
        Kind kind;
        switch (a.kind()) {
            case LEADER:
                kind = Kind.LEADER_IMAGE;
                break;
            case SEAL:
                kind = Kind.SEAL;
                break;
            case APPENDIX:
                kind = Kind.INFO_TEXT;
                lines.add("Số, ký hiệu: " + a.documentNumber());
                lines.add("Thời gian ký: " + time);
                break;
            case COPY:
                kind = Kind.INFO_TEXT;
                lines.add(a.copyType().label());
                lines.add(org);
                lines.add("Số: " + a.number());
                lines.add("Thời gian ký: " + time);
                break;
            case INCOME:
                kind = Kind.INFO_TEXT;
                lines.add("VĂN BẢN ĐẾN");
                lines.add(org);
                if (a.number() != null) {
                    lines.add("Số đến: " + a.number());
                }
                if (a.date() != null) {
                    lines.add("Ngày đến: " + ReportWriter.time(a.date().toInstant()));
                }
                lines.add("Thời gian ký: " + time);
                break;
            default:
                kind = Kind.TEXT_BLOCK;
                lines.add("Ký bởi: " + signer.commonName());
                if (signer.organization() != null) {
                    lines.add("Cơ quan: " + signer.organization());
                }
                lines.add("Thời gian ký: " + time);
                break;
        }
        return new AppearanceRequest(kind, signer, signingTime, a, lines);
    }

    /** Text as drawn: NFC, where the font has one glyph per Vietnamese letter (see {@link FontFiles#lend}). */
    private static String nfc(String s) {
        return s == null ? null : Normalizer.normalize(s, Normalizer.Form.NFC);
    }

    public Kind kind() { return kind; }
    public CertificateInfo signer() { return signer; }
    public Instant signingTime() { return signingTime; }
    /** The PNG to draw (leader image, seal), or null. */
    public byte[] image() { return image == null ? null : image.clone(); }
    /** Title line(s) above a leader image, or null. */
    public String title() { return title; }
    /** Full name under a leader image, or null. */
    public String name() { return name; }
    /** The text lines of a text block or info text. */
    public List<String> lines() { return lines; }
    /** The vendor's appearance this request was made from. */
    public PdfAppearance appearance() { return appearance; }
}
