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
    public enum Format { XADES, XMLDSIG }

    /** Where the signature sits relative to the signed data. */
    public enum Packaging { ENVELOPED, ENVELOPING, DETACHED }

    private final Format format;
    private final Packaging packaging;
    private final String elementId;
    private final String elementPath;
    private final String signatureParent;
    private final boolean c14nWithComments;
    private final boolean signingTimeProperty;
    private final String signatureId;
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

    public static Builder builder() {
        return new Builder();
    }

    /** XAdES B-B, enveloped, whole document, SHA-256, the key's preferred algorithm. */
    public static XmlSignatureOptions defaults() {
        return builder().build();
    }

    public Format format() {
        return format;
    }

    /** The XAdES level; {@link SignatureLevel#NONE} for XMLDSig. */
    @Override
    public SignatureLevel level() {
        return format == Format.XMLDSIG ? SignatureLevel.NONE : super.level();
    }

    public Packaging packaging() {
        return packaging;
    }

    /** The Id of the element to sign, or null for {@link #elementPath()} or the whole document. */
    public String elementId() {
        return elementId;
    }

    /**
     * An XPath selecting exactly one element to sign, which carries an Id attribute (e.g. {@code /HDon/DLHDon}
     * or {@code //*[local-name()='TTinDVu']}), or null. Resolved to {@link #elementId()} when signing starts.
     */
    public String elementPath() {
        return elementPath;
    }

    /**
     * Where an enveloped signature goes: an XPath selecting exactly one element (e.g.
     * {@code /HDon/DSCKS/NBan} or {@code //*[local-name()='CKyDTu']}), or null for the document element.
     */
    public String signatureParent() {
        return signatureParent;
    }

    /** Whether the references use Canonical XML 1.0 with comments (e-tax) instead of without. */
    public boolean c14nWithComments() {
        return c14nWithComments;
    }

    /**
     * XMLDSig only: whether the signature carries a signed {@code Object/SignatureProperties/SignatureProperty/
     * SigningTime} (yyyy-MM-dd'T'HH:mm:ss, Vietnam time), as e-invoices require.
     */
    public boolean signingTimeProperty() {
        return signingTimeProperty;
    }

    /** The Id attribute of the ds:Signature element, or null for a generated one. */
    public String signatureId() {
        return signatureId;
    }

    /**
     * The Id of the XAdES signature this one counter-signs (its {@code Id} attribute or its id in a
     * verification report), or null for an ordinary signature.
     */
    public @Nullable String counterSignatureOf() {
        return counterSignatureOf;
    }

    /** A builder holding these options, to derive others from them. */
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
        private String elementId;
        private String elementPath;
        private String signatureParent;
        private boolean c14nWithComments;
        private boolean signingTimeProperty;
        private String signatureId;
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

        public Builder format(Format format) {
            this.format = Args.notNull(format, "format");
            return this;
        }

        public Builder packaging(Packaging packaging) {
            this.packaging = Args.notNull(packaging, "packaging");
            return this;
        }

        public Builder elementId(String v) {
            if (v != null && (v.isEmpty() || !vn.kyso.xml.internal.Dom.isNcName(v))) {
                throw new KysoException(ErrorCode.INVALID_ARGUMENT, "elementId=" + v);
            }
            elementId = v;
            return this;
        }

        /** Signs the one element this XPath selects, through its Id (see {@link XmlSignatureOptions#elementPath()}). */
        public Builder elementPath(String xpath) {
            elementPath = xpath == null || xpath.isBlank() ? null : xpath;
            return this;
        }

        public Builder signatureParent(String xpath) {
            signatureParent = xpath == null || xpath.isBlank() ? null : xpath;
            return this;
        }

        public Builder c14nWithComments(boolean v) {
            c14nWithComments = v;
            return this;
        }

        public Builder signingTimeProperty(boolean v) {
            signingTimeProperty = v;
            return this;
        }

        public Builder signatureId(String v) {
            if (v != null && !vn.kyso.xml.internal.Dom.isNcName(v)) {
                throw new KysoException(ErrorCode.INVALID_ARGUMENT, "signatureId=" + v);
            }
            signatureId = v;
            return this;
        }

        /**
         * Makes {@code sign} add a XAdES counter-signature to the existing XAdES signature with this Id (its
         * {@code Id} attribute, or its id in a verification report): a signature over that signature's
         * {@code SignatureValue}, placed in its {@code UnsignedSignatureProperties} (ETSI EN 319 132-1,
         * 5.2.2), made with EU DSS. The other signatures and the signed content are untouched. Null for an
         * ordinary signature. Signing then fails with {@code INVALID_ARGUMENT} when there is no such
         * signature, it is plain XMLDSig, or another signature signs the target's place including later
         * signatures; a counter-signature is XAdES, enveloped, without element or parent, and one-call only.
         */
        public Builder counterSignatureOf(@Nullable String signatureId) {
            if (signatureId != null && signatureId.isBlank()) {
                throw KysoException.localized(ErrorCode.INVALID_ARGUMENT, null,
                        "Id của chữ ký được ký đối chứng bị trống", "the Id of the signature to counter-sign is blank");
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
                throw new KysoException(ErrorCode.INVALID_ARGUMENT, "signingTimeProperty is for XMLDSig (XAdES has its own SigningTime)");
            }
            if (elementId != null && elementPath != null) {
                throw new KysoException(ErrorCode.INVALID_ARGUMENT, "elementId and elementPath: choose the element one way");
            }
            if (packaging != Packaging.ENVELOPED && (elementId != null || elementPath != null || signatureParent != null)) {
                throw new KysoException(ErrorCode.INVALID_ARGUMENT, "elementId/elementPath/signatureParent need enveloped packaging");
            }
            return new XmlSignatureOptions(this);
        }
    }
}
