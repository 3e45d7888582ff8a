package vn.kyso.pdf;

import java.util.Arrays;
import org.jspecify.annotations.Nullable;
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

    /** {@return a builder with the defaults: B-B, invisible, new field, no certification} */
    public static Builder builder() {
        return new Builder();
    }

    /** {@return the defaults: B-B, invisible, new field, no certification} */
    public static PdfSignatureOptions defaults() {
        return builder().build();
    }

    /** {@return the signature field to sign (existing empty field or new), or null for a new generated one} */
    public @Nullable String fieldName() { return fieldName; }
    /** {@return whether the signature is visible (it has a placement or an appearance)} */
    public boolean visible() { return placement != null || appearance != null; }
    /** {@return where a visible signature goes, or null (see the class description)} */
    public @Nullable PdfPlacement placement() { return placement; }
    /** {@return what a visible signature shows, or null for the text block} */
    public @Nullable PdfAppearance appearance() { return appearance; }
    /** {@return the page (1-based) of a signature placed by rectangle, else 1} */
    public int page() { return placement != null && placement.mode() == PdfPlacement.Mode.RECTANGLE ? placement.page() : 1; }
    /**
     * {@return x, y, width, height of a signature placed by rectangle, in PDF points from the page's
     * top-left corner as a reader sees it, or null}
     */
    public float @Nullable [] rectangle() {
        return placement != null && placement.mode() == PdfPlacement.Mode.RECTANGLE
                ? new float[] {placement.x(), placement.y(), placement.width(), placement.height()} : null;
    }
    /** {@return the reason put in the signature dictionary (/Reason), or null} */
    public @Nullable String reason() { return reason; }
    /** {@return the signing place put in the signature dictionary (/Location), or null} */
    public @Nullable String location() { return location; }
    /** {@return the certification (DocMDP) asked for; {@link Certification#NONE} by default} */
    public Certification certification() { return certification; }
    /** {@return a copy of the password for an encrypted input (the caller wipes it), or null} */
    public char @Nullable [] password() { return password == null ? null : password.clone(); }

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

        /**
         * The signature field to sign: an existing empty field, or a new one of that name; null: a new
         * field with a generated name.
         *
         * @param name the field name, or null
         * @return this builder
         */
        public Builder field(@Nullable String name) { fieldName = name; return this; }

        /**
         * A visible signature on a page (1-based) at x, y (from the top-left corner, as a reader sees the
         * page) with a size, in PDF points: {@link PdfPlacement#at}.
         *
         * @param page the page, 1-based
         * @param x the left edge, from the page's left
         * @param y the top edge, from the page's top
         * @param width the width
         * @param height the height
         * @return this builder
         */
        public Builder visible(int page, float x, float y, float width, float height) {
            return placement(PdfPlacement.at(page, x, y, width, height));
        }

        /**
         * Where the visible signature goes (null: invisible unless an appearance is given); a
         * {@link PdfPlacement#field field} placement also names the field signed.
         *
         * @param placement the placement, or null
         * @return this builder
         */
        public Builder placement(@Nullable PdfPlacement placement) {
            this.placement = placement;
            if (placement != null && placement.mode() == PdfPlacement.Mode.FIELD) {
                fieldName = placement.fieldName();
            }
            return this;
        }

        /**
         * What the visible signature shows (null: the text block when a placement is given).
         *
         * @param appearance the appearance, or null
         * @return this builder
         */
        public Builder appearance(@Nullable PdfAppearance appearance) { this.appearance = appearance; return this; }

        /**
         * The reason written in the signature (/Reason); null: none.
         *
         * @param reason the reason, or null
         * @return this builder
         */
        public Builder reason(@Nullable String reason) { this.reason = reason; return this; }

        /**
         * The signing place written in the signature (/Location); null: none.
         *
         * @param location the place, or null
         * @return this builder
         */
        public Builder location(@Nullable String location) { this.location = location; return this; }

        /**
         * Certifies a first signature (DocMDP); {@link Certification#NONE} (the default) for an approval.
         *
         * @param certification the certification
         * @return this builder
         */
        public Builder certification(Certification certification) { this.certification = Args.notNull(certification, "certification"); return this; }

        /**
         * The password of an encrypted input (copied; wipe yours); null: none.
         *
         * @param password the password, or null
         * @return this builder
         */
        public Builder password(char @Nullable [] password) {
            if (this.password != null) {
                Arrays.fill(this.password, '\0');
            }
            this.password = password == null ? null : password.clone();
            return this;
        }

        @Override
        protected PdfSignatureOptions create() {
            return new PdfSignatureOptions(this);
        }
    }
}
