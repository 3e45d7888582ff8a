package vn.kyso.xml;

import org.jspecify.annotations.Nullable;
import vn.kyso.api.ErrorCode;
import vn.kyso.api.KysoException;
import vn.kyso.api.SignatureLevel;
import vn.kyso.api.internal.Args;
import vn.kyso.api.sign.SignatureOptions;

/**
 * What an XML signature should look like. Immutable; build it with {@link #builder()}.
 *
 * <ul>
 * <li>{@link Format#XADES} (default): ETSI EN 319 132 XAdES baseline at {@link #level()} (B-B .. B-LTA),
 *     made with EU DSS.</li>
 * <li>{@link Format#XMLDSIG}: a plain W3C XML Signature (no qualifying properties), made with Apache
 *     Santuario from a digest-only key; always reported at level {@code NONE}. The e-invoice, e-tax and
 *     edXML profiles are XMLDSig.</li>
 * </ul>
 * Packaging: {@link Packaging#ENVELOPED} (default; the signature goes inside the document, by default as
 * the last child of the root or of {@link #signatureParent()}), {@link Packaging#ENVELOPING} (the data goes
 * inside the signature), {@link Packaging#DETACHED} (the signature references a separate file).
 *
 * <p>{@link #elementId()} selects one element by its {@code Id}/{@code ID}/{@code id} attribute, or
 * {@link #elementPath()} by an XPath: only it is signed (enveloped). The Id must be unique in the document;
 * an element chosen by XPath is signed through its Id too (a same-document reference {@code URI="#Id"},
 * which verifiers check against duplicate Ids), so it must carry one: nothing is added to the document.
 * Otherwise signing fails with {@code INVALID_ARGUMENT}. Without either the whole document is signed
 * ({@code URI=""}).
 *
 * <p>The digest defaults to SHA-256; the signature algorithm to the key's preferred one (RSASSA-PSS when
 * the key can do it, per Circular 15/2025), except when {@link Builder#algorithm} fixes it or
 * {@link Builder#scheme} prefers another scheme (the e-invoice, e-tax and edXML profiles prefer RSA PKCS#1
 * v1.5, which their receivers verify). The algorithm actually used is reported in
 * {@link vn.kyso.api.SigningResult#algorithm()}. Level, digest, algorithm and scheme follow the one rule of
 * {@link SignatureOptions}.
 *
 * <p>{@link Builder#counterSignatureOf} turns {@code sign} into adding a XAdES counter-signature to the
 * existing signature with that Id (see {@link #counterSignatureOf()}).
 *
 * <pre>{@code
 * XmlSignatureOptions o = XmlSignatureOptions.builder().level(SignatureLevel.B_T)
 *         .elementId("data").build();
 * }</pre>
 */
public final class XmlSignatureOptions extends SignatureOptions {
    /** The signature family. */
    public enum Format {
        /** ETSI EN 319 132 XAdES baseline, at a level from B-B to B-LTA. */
        XADES,
        /** A plain W3C XML Signature, without qualifying properties. */
        XMLDSIG
    }

    /** Where the signature sits relative to the signed data. */
    public enum Packaging {
        /** The signature goes inside the signed document. */
        ENVELOPED,
        /** The signed data goes inside the signature. */
        ENVELOPING,
        /** The signature references a separate document. */
        DETACHED
    }

    private final Format format;
    private final Packaging packaging;
    private final @Nullable String elementId;
    private final @Nullable String elementPath;
    private final @Nullable String signatureParent;
    private final boolean c14nWithComments;
    private final boolean signingTimeProperty;
    private final @Nullable String signatureId;
    private final @Nullable String counterSignatureOf;

    private XmlSignatureOptions(Builder b) {
        super(b);
        format = b.format;
        packaging = b.packaging;
        elementId = b.elementId;
        elementPath = b.elementPath;
        signatureParent = b.signatureParent;
        c14nWithComments = b.c14nWithComments;
        signingTimeProperty = b.signingTimeProperty;
        signatureId = b.signatureId;
        counterSignatureOf = b.counterSignatureOf;
    }

    /** {@return a builder with the defaults: XAdES B-B, enveloped, whole document} */
    public static Builder builder() {
        return new Builder();
    }

    /** {@return the defaults: XAdES B-B, enveloped, whole document, SHA-256, the key's preferred algorithm} */
    public static XmlSignatureOptions defaults() {
        return builder().build();
    }

    /** {@return the signature family, {@link Format#XADES} by default} */
    public Format format() {
        return format;
    }

    /** {@return the XAdES level; {@link SignatureLevel#NONE} for XMLDSig} */
    @Override
    public SignatureLevel level() {
        return format == Format.XMLDSIG ? SignatureLevel.NONE : super.level();
    }

    /** {@return where the signature sits, {@link Packaging#ENVELOPED} by default} */
    public Packaging packaging() {
        return packaging;
    }

    /** {@return the Id of the element to sign, or null for {@link #elementPath()} or the whole document} */
    public @Nullable String elementId() {
        return elementId;
    }

    /**
     * An XPath selecting exactly one element to sign, which carries an Id attribute (e.g. {@code /HDon/DLHDon}
     * or {@code //*[local-name()='TTinDVu']}), or null. Resolved to {@link #elementId()} when signing starts.
     *
     * @return the XPath, or null
     */
    public @Nullable String elementPath() {
        return elementPath;
    }

    /**
     * Where an enveloped signature goes: an XPath selecting exactly one element (e.g.
     * {@code /HDon/DSCKS/NBan} or {@code //*[local-name()='CKyDTu']}), or null for the document element.
     *
     * @return the XPath, or null
     */
    public @Nullable String signatureParent() {
        return signatureParent;
    }

    /** {@return whether the references use Canonical XML 1.0 with comments (e-tax) instead of without} */
    public boolean c14nWithComments() {
        return c14nWithComments;
    }

    /**
     * XMLDSig only: whether the signature carries a signed {@code Object/SignatureProperties/SignatureProperty/
     * SigningTime} (yyyy-MM-dd'T'HH:mm:ss, Vietnam time), as e-invoices require.
     *
     * @return whether the signed signing-time property is added
     */
    public boolean signingTimeProperty() {
        return signingTimeProperty;
    }

    /** {@return the Id attribute of the ds:Signature element, or null for a generated one} */
    public @Nullable String signatureId() {
        return signatureId;
    }

    /**
     * The Id of the XAdES signature this one counter-signs (its {@code Id} attribute or its id in a
     * verification report), or null for an ordinary signature.
     *
     * @return the Id, or null
     */
    public @Nullable String counterSignatureOf() {
        return counterSignatureOf;
    }

    /** {@return a builder holding these options, to derive others from them} */
    public Builder toBuilder() {
        Builder b = new Builder().copy(this);
        b.format = format;
        b.packaging = packaging;
        b.elementId = elementId;
        b.elementPath = elementPath;
        b.signatureParent = signatureParent;
        b.c14nWithComments = c14nWithComments;
        b.signingTimeProperty = signingTimeProperty;
        b.signatureId = signatureId;
        b.counterSignatureOf = counterSignatureOf;
        return b;
    }

    @Override
    public String toString() {
        return "XmlSignatureOptions[" + format + ", " + describe() + ", " + packaging
                + (elementId == null ? "" : ", #" + elementId) + (elementPath == null ? "" : ", " + elementPath)
                + (counterSignatureOf == null ? "" : ", counter-signs " + counterSignatureOf) + "]";
    }

    /** Builder for {@link XmlSignatureOptions}. */
    public static final class Builder extends SignatureOptions.Builder<XmlSignatureOptions, Builder> {
        private Format format = Format.XADES;
        private Packaging packaging = Packaging.ENVELOPED;
        private @Nullable String elementId;
        private @Nullable String elementPath;
        private @Nullable String signatureParent;
        private boolean c14nWithComments;
        private boolean signingTimeProperty;
        private @Nullable String signatureId;
        private @Nullable String counterSignatureOf;

        private Builder() {
        }

        private Builder copy(XmlSignatureOptions o) {
            from(o);
            return this;
        }

        @Override
        protected Builder self() {
            return this;
        }

        /**
         * The signature family.
         *
         * @param format the family
         * @return this builder
         */
        public Builder format(Format format) {
            this.format = Args.notNull(format, "format");
            return this;
        }

        /**
         * Where the signature sits relative to the signed data.
         *
         * @param packaging the packaging
         * @return this builder
         */
        public Builder packaging(Packaging packaging) {
            this.packaging = Args.notNull(packaging, "packaging");
            return this;
        }

        /**
         * Signs only the element with this Id attribute (see {@link XmlSignatureOptions#elementId()}); null:
         * the whole document or {@link #elementPath}. {@code INVALID_ARGUMENT} when it is no XML name.
         *
         * @param elementId the Id, or null
         * @return this builder
         */
        public Builder elementId(@Nullable String elementId) {
            if (elementId != null && (elementId.isEmpty() || !vn.kyso.xml.internal.Dom.isNcName(elementId))) {
                throw notAName("elementId", elementId);
            }
            this.elementId = elementId;
            return this;
        }

        /**
         * Signs the one element this XPath selects, through its Id (see
         * {@link XmlSignatureOptions#elementPath()}); null or blank: none.
         *
         * @param xpath the XPath, or null
         * @return this builder
         */
        public Builder elementPath(@Nullable String xpath) {
            elementPath = xpath == null || xpath.isBlank() ? null : xpath;
            return this;
        }

        /**
         * Where an enveloped signature goes (see {@link XmlSignatureOptions#signatureParent()}); null or
         * blank: the document element.
         *
         * @param xpath the XPath, or null
         * @return this builder
         */
        public Builder signatureParent(@Nullable String xpath) {
            signatureParent = xpath == null || xpath.isBlank() ? null : xpath;
            return this;
        }

        /**
         * Canonical XML 1.0 with comments for the references (e-tax) instead of without.
         *
         * @param withComments true for Canonical XML 1.0 with comments
         * @return this builder
         */
        public Builder c14nWithComments(boolean withComments) {
            c14nWithComments = withComments;
            return this;
        }

        /**
         * XMLDSig only: adds a signed signing-time property (see
         * {@link XmlSignatureOptions#signingTimeProperty()}).
         *
         * @param add true to add it
         * @return this builder
         */
        public Builder signingTimeProperty(boolean add) {
            signingTimeProperty = add;
            return this;
        }

        /**
         * The Id attribute of the new ds:Signature element; null: a generated one.
         * {@code INVALID_ARGUMENT} when it is no XML name.
         *
         * @param signatureId the Id, or null
         * @return this builder
         */
        public Builder signatureId(@Nullable String signatureId) {
            if (signatureId != null && !vn.kyso.xml.internal.Dom.isNcName(signatureId)) {
                throw notAName("signatureId", signatureId);
            }
            this.signatureId = signatureId;
            return this;
        }

        private static KysoException notAName(String param, String value) {
            return KysoException.localized(ErrorCode.INVALID_ARGUMENT, null,
                    param + " không phải tên XML hợp lệ (NCName): '" + value + "'",
                    param + " is no valid XML name (NCName): '" + value + "'");
        }

        /**
         * Makes {@code sign} add a XAdES counter-signature to the existing XAdES signature with this Id (its
         * {@code Id} attribute, or its id in a verification report): a signature over that signature's
         * {@code SignatureValue}, placed in its {@code UnsignedSignatureProperties} (ETSI EN 319 132-1,
         * 5.2.2), made with EU DSS. The other signatures and the signed content are untouched. Null for an
         * ordinary signature. Signing then fails with {@code INVALID_ARGUMENT} when there is no such
         * signature, it is plain XMLDSig, or another signature signs the target's place including later
         * signatures; a counter-signature is XAdES, enveloped, without element or parent, and one-call only.
         *
         * @param signatureId the Id, or null
         * @return this builder
         */
        public Builder counterSignatureOf(@Nullable String signatureId) {
            if (signatureId != null && signatureId.isBlank()) {
                throw KysoException.localized(ErrorCode.INVALID_ARGUMENT, null,
                        "mã định danh ('Id') của chữ ký được ký đối chứng để trống", "the Id of the signature to counter-sign is blank");
            }
            counterSignatureOf = signatureId;
            return this;
        }

        /**
         * @throws KysoException {@code INVALID_ARGUMENT} as {@link SignatureOptions.Builder#build()}, or for
         *     combinations that do not exist (XMLDSig-only options on XAdES, an element chosen both by Id
         *     and by XPath, an element or a signature parent with a packaging other than enveloped)
         */
        @Override
        protected XmlSignatureOptions create() {
            if (format == Format.XADES && signingTimeProperty) {
                throw KysoException.localized(ErrorCode.INVALID_ARGUMENT, null,
                        "signingTimeProperty chỉ dùng cho XMLDSig (XAdES có thuộc tính SigningTime riêng)",
                        "signingTimeProperty is for XMLDSig (XAdES has its own SigningTime)");
            }
            if (elementId != null && elementPath != null) {
                throw KysoException.localized(ErrorCode.INVALID_ARGUMENT, null,
                        "chỉ chọn phần tử cần ký bằng một cách: elementId hoặc elementPath",
                        "elementId and elementPath: choose the element one way");
            }
            if (packaging != Packaging.ENVELOPED && (elementId != null || elementPath != null || signatureParent != null)) {
                throw KysoException.localized(ErrorCode.INVALID_ARGUMENT, null,
                        "elementId/elementPath/signatureParent chỉ dùng được với cách đóng gói ENVELOPED",
                        "elementId/elementPath/signatureParent need ENVELOPED packaging");
            }
            return new XmlSignatureOptions(this);
        }
    }
}
