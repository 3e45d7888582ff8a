package vn.kyso.pdf;

import java.util.Arrays;
import java.util.Objects;
import vn.kyso.api.DigestAlgorithm;
import vn.kyso.api.ErrorCode;
import vn.kyso.api.KysoException;
import vn.kyso.api.SignatureAlgorithm;
import vn.kyso.api.SignatureLevel;

/**
 * How a PDF is signed: level, signature field, visible text block or invisible, reason and location,
 * certification (DocMDP) for a first signature, and the password of an encrypted input. Immutable;
 * {@link Builder#build()} copies the password, {@link #password()} returns a copy the caller wipes.
 */
public final class PdfSignatureOptions {

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

    private final SignatureLevel level;
    private final DigestAlgorithm digest;
    private final SignatureAlgorithm algorithm;
    private final String fieldName;
    private final Integer page;
    private final float[] rectangle;
    private final String reason;
    private final String location;
    private final Certification certification;
    private final char[] password;

    private PdfSignatureOptions(Builder b) {
        level = b.level;
        digest = b.algorithm != null ? b.algorithm.digest() : b.digest;
        algorithm = b.algorithm;
        fieldName = b.fieldName;
        page = b.page;
        rectangle = b.rectangle == null ? null : b.rectangle.clone();
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

    public SignatureLevel level() { return level; }
    public DigestAlgorithm digest() { return digest; }
    /** The algorithm to use, or null for the key's preferred one. */
    public SignatureAlgorithm algorithm() { return algorithm; }
    /** The signature field to sign (existing empty field or new), or null for a new generated one. */
    public String fieldName() { return fieldName; }
    /** Whether the signature has a visible text block. */
    public boolean visible() { return rectangle != null; }
    /** The page (1-based) of a visible signature. */
    public int page() { return page == null ? 1 : page; }
    /** x, y, width, height of a visible signature in PDF points, x and y from the page's top-left corner as a reader sees it, or null. */
    public float[] rectangle() { return rectangle == null ? null : rectangle.clone(); }
    public String reason() { return reason; }
    public String location() { return location; }
    public Certification certification() { return certification; }
    /** A copy of the password for an encrypted input (the caller wipes it), or null. */
    public char[] password() { return password == null ? null : password.clone(); }

    /** Builder for {@link PdfSignatureOptions}. */
    public static final class Builder {
        private SignatureLevel level = SignatureLevel.B_B;
        private DigestAlgorithm digest = DigestAlgorithm.DEFAULT;
        private SignatureAlgorithm algorithm;
        private String fieldName;
        private Integer page;
        private float[] rectangle;
        private String reason;
        private String location;
        private Certification certification = Certification.NONE;
        private char[] password;

        private Builder() {
        }

        public Builder level(SignatureLevel v) {
            if (v == null || v == SignatureLevel.NONE) {
                throw new KysoException(ErrorCode.INVALID_ARGUMENT, "level=" + v);
            }
            level = v;
            return this;
        }

        public Builder digest(DigestAlgorithm v) { digest = Objects.requireNonNull(v, "digest"); return this; }
        /** Forces an algorithm (its digest becomes the digest). */
        public Builder algorithm(SignatureAlgorithm v) { algorithm = v; return this; }
        public Builder field(String name) { fieldName = name; return this; }

        /** A visible signature on a page (1-based) at x, y (from the top-left corner, as a reader sees the page) with a size, in PDF points. */
        public Builder visible(int page, float x, float y, float width, float height) {
            if (page < 1 || width <= 0 || height <= 0 || x < 0 || y < 0) {
                throw new KysoException(ErrorCode.INVALID_ARGUMENT, "visible rectangle");
            }
            this.page = page;
            this.rectangle = new float[] {x, y, width, height};
            return this;
        }

        public Builder reason(String v) { reason = v; return this; }
        public Builder location(String v) { location = v; return this; }
        public Builder certification(Certification v) { certification = Objects.requireNonNull(v, "certification"); return this; }

        /** The password of an encrypted input (copied; wipe yours). */
        public Builder password(char[] v) {
            if (password != null) {
                Arrays.fill(password, '\0');
            }
            password = v == null ? null : v.clone();
            return this;
        }

        public PdfSignatureOptions build() {
            return new PdfSignatureOptions(this);
        }
    }
}
