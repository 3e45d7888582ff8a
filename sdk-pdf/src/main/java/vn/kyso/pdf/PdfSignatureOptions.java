package vn.kyso.pdf;

import java.util.Arrays;
import vn.kyso.api.internal.Args;
import vn.kyso.api.sign.SignatureOptions;

/**
 * How a PDF is signed: level, signature field, what a visible signature shows ({@link PdfAppearance}) and
 * where ({@link PdfPlacement}), or invisible; reason and location, certification (DocMDP) for a first
 * signature, and the password of an encrypted input. A placement without appearance shows the text block;
 * an appearance without placement goes into the named existing field's rectangle, or where its kind goes
 * by default (appendix/copy/income top-right of page 1, a seal over the leader's image); a text or leader
 * appearance with neither is refused when signing ({@code INVALID_ARGUMENT}). Level, digest, algorithm and
 * preferred scheme are the shared options ({@link SignatureOptions}, with its one validation rule). Immutable;
 * {@link Builder#build()} copies the password, {@link #password()} returns a copy the caller wipes.
 *
 * <pre>{@code
 * PdfSignatureOptions o = PdfSignatureOptions.builder().level(SignatureLevel.B_T)
 *         .placement(PdfPlacement.at(1, 350, 650, 200, 80)).reason("Phê duyệt").build();
 * }</pre>
 */
public final class PdfSignatureOptions extends SignatureOptions {

    /** Certification (DocMDP) of a first signature: what the author still allows afterwards. */
    public enum Certification {
        /** An approval signature: no DocMDP (later form filling and signatures are allowed). */
        NONE,
        /** DocMDP P=1: no change at all. */
        NO_CHANGES,
        /** DocMDP P=2: form filling and further signatures. */
        FORM_FILL,
        /** DocMDP P=3: form filling, further signatures and annotations. */
        FORM_FILL_AND_ANNOTATIONS
    }

    private final String fieldName;
    private final PdfPlacement placement;
    private final PdfAppearance appearance;
    private final String reason;
    private final String location;
    private final Certification certification;
    private final char[] password;

    private PdfSignatureOptions(Builder b) {
        super(b);
        fieldName = b.fieldName;
        placement = b.placement;
        appearance = b.appearance;
        reason = b.reason;
        location = b.location;
        certification = b.certification;
        password = b.password == null ? null : b.password.clone();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** B-B, invisible, new field, no certification. */
    public static PdfSignatureOptions defaults() {
        return builder().build();
    }

    /** The signature field to sign (existing empty field or new), or null for a new generated one. */
    public String fieldName() { return fieldName; }
    /** Whether the signature is visible (it has a placement or an appearance). */
    public boolean visible() { return placement != null || appearance != null; }
    /** Where a visible signature goes, or null (see the class description). */
    public PdfPlacement placement() { return placement; }
    /** What a visible signature shows, or null for the text block. */
    public PdfAppearance appearance() { return appearance; }
    /** The page (1-based) of a signature placed by rectangle, else 1. */
    public int page() { return placement != null && placement.mode() == PdfPlacement.Mode.RECTANGLE ? placement.page() : 1; }
    /** x, y, width, height of a signature placed by rectangle, in PDF points from the page's top-left corner as a reader sees it, or null. */
    public float[] rectangle() {
        return placement != null && placement.mode() == PdfPlacement.Mode.RECTANGLE
                ? new float[] {placement.x(), placement.y(), placement.width(), placement.height()} : null;
    }
    public String reason() { return reason; }
    public String location() { return location; }
    public Certification certification() { return certification; }
    /** A copy of the password for an encrypted input (the caller wipes it), or null. */
    public char[] password() { return password == null ? null : password.clone(); }

    /** Builder for {@link PdfSignatureOptions}. */
    public static final class Builder extends SignatureOptions.Builder<PdfSignatureOptions, Builder> {
        private String fieldName;
        private PdfPlacement placement;
        private PdfAppearance appearance;
        private String reason;
        private String location;
        private Certification certification = Certification.NONE;
        private char[] password;

        private Builder() {
        }

        @Override
        protected Builder self() {
            return this;
        }

        public Builder field(String name) { fieldName = name; return this; }

        /** A visible signature on a page (1-based) at x, y (from the top-left corner, as a reader sees the page) with a size, in PDF points. */
        public Builder visible(int page, float x, float y, float width, float height) {
            return placement(PdfPlacement.at(page, x, y, width, height));
        }

        /** Where the visible signature goes; a {@link PdfPlacement#field field} placement also names the field signed. */
        public Builder placement(PdfPlacement v) {
            placement = v;
            if (v != null && v.mode() == PdfPlacement.Mode.FIELD) {
                fieldName = v.fieldName();
            }
            return this;
        }

        /** What the visible signature shows (null: the text block when a placement is given). */
        public Builder appearance(PdfAppearance v) { appearance = v; return this; }

        public Builder reason(String v) { reason = v; return this; }
        public Builder location(String v) { location = v; return this; }
        public Builder certification(Certification certification) { this.certification = Args.notNull(certification, "certification"); return this; }

        /** The password of an encrypted input (copied; wipe yours). */
        public Builder password(char[] v) {
            if (password != null) {
                Arrays.fill(password, '\0');
            }
            password = v == null ? null : v.clone();
            return this;
        }

        @Override
        protected PdfSignatureOptions create() {
            return new PdfSignatureOptions(this);
        }
    }
}
