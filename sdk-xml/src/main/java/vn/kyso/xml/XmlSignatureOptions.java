package vn.kyso.xml;

import java.util.Objects;
import vn.kyso.api.DigestAlgorithm;
import vn.kyso.api.ErrorCode;
import vn.kyso.api.KysoException;
import vn.kyso.api.SignatureAlgorithm;
import vn.kyso.api.SignatureLevel;

/** How an XML document is signed with XAdES: level, packaging, digest and algorithm. Immutable. */
public final class XmlSignatureOptions {
    /** Where the signature goes relative to the signed data. */
    public enum Packaging {
        /** Inside the signed document, which it covers whole (Reference URI="" with the enveloped transform). */
        ENVELOPED,
        /** The document inside the signature (ds:Object). */
        ENVELOPING,
        /** A separate signature file referring to the document. */
        DETACHED
    }

    private final SignatureLevel level;
    private final Packaging packaging;
    private final DigestAlgorithm digest;
    private final SignatureAlgorithm algorithm;
    private final String elementId;
    private final String placement;

    private XmlSignatureOptions(Builder b) {
        elementId = b.elementId;
        placement = b.placement;
        level = b.level;
        packaging = b.packaging;
        digest = b.algorithm != null ? b.algorithm.digest() : b.digest;
        algorithm = b.algorithm;
        if (elementId != null && packaging != Packaging.ENVELOPED) {
            throw new KysoException(ErrorCode.INVALID_ARGUMENT, "an element is signed with the enveloped packaging only");
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** B-B, enveloped, SHA-256. */
    public static XmlSignatureOptions defaults() {
        return builder().build();
    }

    public SignatureLevel level() { return level; }
    public Packaging packaging() { return packaging; }
    public DigestAlgorithm digest() { return digest; }
    /** The Id of the element to sign (e.g. an invoice's DLHDon), or null for the whole document. */
    public String elementId() { return elementId; }
    /** XPath of the element the signature is appended to (e.g. {@code //DSCKS/NBan}), or null for the root. */
    public String placement() { return placement; }
    /** The algorithm to use, or null for the key's preferred one (RSA-PSS when it can). */
    public SignatureAlgorithm algorithm() { return algorithm; }

    /** Builder for {@link XmlSignatureOptions}. */
    public static final class Builder {
        private SignatureLevel level = SignatureLevel.B_B;
        private Packaging packaging = Packaging.ENVELOPED;
        private DigestAlgorithm digest = DigestAlgorithm.DEFAULT;
        private SignatureAlgorithm algorithm;
        private String elementId;
        private String placement;

        private Builder() {
        }

        public Builder level(SignatureLevel v) {
            if (v == null || v == SignatureLevel.NONE) {
                throw new KysoException(ErrorCode.INVALID_ARGUMENT, "level=" + v);
            }
            level = v;
            return this;
        }

        public Builder packaging(Packaging v) { packaging = Objects.requireNonNull(v, "packaging"); return this; }
        public Builder digest(DigestAlgorithm v) { digest = Objects.requireNonNull(v, "digest"); return this; }

        /**
         * Forces an algorithm (its digest becomes the digest), e.g. RSA PKCS#1 v1.5 for receivers whose
         * XML verifiers know no RSA-PSS (xmlsec1 1.2 is one).
         */
        public Builder algorithm(SignatureAlgorithm v) { algorithm = v; return this; }

        /** Signs only the element with this Id attribute (Reference URI="#id", enveloped + exclusive C14N). */
        public Builder element(String id) {
            if (id != null && !id.matches("[A-Za-z_][A-Za-z0-9_.-]*")) {
                throw new KysoException(ErrorCode.INVALID_ARGUMENT, "element id " + id);
            }
            elementId = id;
            return this;
        }

        /** Appends the signature to the element this XPath selects, as a format requires. */
        public Builder placeIn(String xpath) { placement = xpath; return this; }

        public XmlSignatureOptions build() {
            return new XmlSignatureOptions(this);
        }
    }
}
