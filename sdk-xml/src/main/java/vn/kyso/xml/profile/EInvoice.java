package vn.kyso.xml.profile;

import org.jspecify.annotations.Nullable;
import org.w3c.dom.Element;
import vn.kyso.api.SignatureAlgorithm;
import vn.kyso.api.SignatureScheme;
import vn.kyso.api.internal.Args;
import vn.kyso.api.SigningResult;
import vn.kyso.api.token.SigningKey;
import vn.kyso.xml.XmlSignatureOptions;
import vn.kyso.xml.XmlProfile;
import vn.kyso.xml.XmlSigner;
import vn.kyso.api.internal.Args;
import vn.kyso.api.io.Document;
import vn.kyso.api.report.Profile;
import vn.kyso.api.report.VerificationReport;
import vn.kyso.core.verify.Verifier;
import vn.kyso.xml.internal.Profiles;

/**
 * Electronic invoices (Decree 123/2020/NĐ-CP, Circular 78/2021/TT-BTC): root {@code HDon} with the invoice
 * data {@code DLHDon} (carrying an {@code Id}), the tax authority's code {@code MCCQT} and the signatures in
 * {@code DSCKS}.
 *
 * <p>What each party's signature is (enveloped XMLDSig, SHA-256 by default, C14N):
 * <ul>
 * <li>{@link Party#SELLER}: in {@code DSCKS/NBan}, a reference to {@code #<Id of DLHDon>} and one to a signed
 *     {@code Object/SignatureProperties/SignatureProperty/SigningTime} (yyyy-MM-dd'T'HH:mm:ss, Vietnam time).</li>
 * <li>{@link Party#BUYER}: the same in {@code DSCKS/NMua}; {@link Party#OTHER} in {@code DSCKS/CCKSKhac}.</li>
 * <li>{@link Party#TAX_AUTHORITY}: in {@code DSCKS/CQT}, over {@code #<Id of MCCQT>}, with a SigningTime.</li>
 * </ul>
 * Each party signs only its own elements, so a later signature never breaks an earlier one.
 *
 * <p>Verification ({@link #verify}, or any {@link Verifier}) reports each party separately
 * ({@link VerificationReport#signatureOf(vn.kyso.api.report.Party)} with {@link Party#party()},
 * {@link vn.kyso.api.report.SignatureResult#party()}) and is never VALID for a
 * signature that covers anything but what its party must sign: the seller and the buyer exactly
 * {@code DLHDon} (the buyer or another party may instead sign the whole invoice), the tax authority
 * {@code MCCQT} (and possibly {@code DLHDon}); a seller's XMLDSig signature without a signed SigningTime is
 * not VALID either. Stateless; all methods are thread-safe.
 */
public final class EInvoice {
    /** The parties that sign an e-invoice, each in its own place of {@code DSCKS}. */
    public enum Party {
        /** The seller (người bán), in {@code DSCKS/NBan}. */
        SELLER(Profiles.SELLER),
        /** The buyer (người mua), in {@code DSCKS/NMua}. */
        BUYER(Profiles.BUYER),
        /** The tax authority (cơ quan thuế), in {@code DSCKS/CQT}. */
        TAX_AUTHORITY(Profiles.TAX_AUTHORITY),
        /** Another signer, in {@code DSCKS/CCKSKhac}. */
        OTHER(Profiles.OTHER);

        private final String id;

        Party(String id) {
            this.id = id;
        }

        /** {@return the party's name in reports: {@code seller}, {@code buyer}, {@code tax-authority}, {@code other}} */
        public String id() {
            return id;
        }

        /**
         * {@return the party as verification reports name it}
         * ({@link VerificationReport#signatureOf(vn.kyso.api.report.Party)})
         */
        public vn.kyso.api.report.Party party() {
            return Profiles.party(id);
        }

        /**
         * The child of {@code DSCKS} holding this party's signature: {@code NBan}, {@code NMua}, {@code CQT}, {@code CCKSKhac}.
         *
         * @return the element of {@code DSCKS} the party's signature goes in
         */
        public String slot() {
            return Profiles.EINVOICE_SLOTS.get(id);
        }
    }

    private EInvoice() {
    }

    /**
     * The options of {@code party}'s signature on this invoice (for {@link XmlSigner#sign} or two-phase
     * {@link XmlSigner#prepare}).
     *
     * @param algorithm a fixed algorithm (e.g. RSASSA-PSS on request), or null for the profile's default:
     *     RSA PKCS#1 v1.5 with SHA-256, which every receiver verifies (ECDSA for an EC key)
     * @param invoiceXml the invoice XML ({@code HDon})
     * @param party whose signature this is
     * @return the options the profile prescribes for this document
     * @throws vn.kyso.api.KysoException {@code MALFORMED_INPUT} for hostile or malformed XML;
     *     {@code INVALID_ARGUMENT} when the root is not {@code HDon}, the element to sign is missing, repeated
     *     or has no Id, or that party has already signed
     */
    public static XmlSignatureOptions options(byte[] invoiceXml, Party party, @Nullable SignatureAlgorithm algorithm) {
        Args.notNull(invoiceXml, "invoiceXml");
        Args.notNull(party, "party");
        Element root = ProfileSupport.root(invoiceXml, XmlProfile.EINVOICE, "HDon");
        String signed = party == Party.TAX_AUTHORITY ? Profiles.TAX_CODE : Profiles.INVOICE_DATA;
        String id = ProfileSupport.idOf(ProfileSupport.only(root, signed, XmlProfile.EINVOICE), XmlProfile.EINVOICE);
        ProfileSupport.unsigned(Profiles.onlyChild(root, "DSCKS"), party.slot(), XmlProfile.EINVOICE);
        return XmlSignatureOptions.builder().format(XmlSignatureOptions.Format.XMLDSIG)
                .elementId(id).signatureParent("/HDon/DSCKS/" + party.slot()).signingTimeProperty(true)
                .algorithm(algorithm)
                .scheme(algorithm == null ? SignatureScheme.RSA_PKCS1_V15 : null).build();
    }

    /**
     * Signs the invoice as {@code party} with the profile's default algorithm (RSA PKCS#1 v1.5, SHA-256); returns the signed invoice.
     *
     * @param signer the XML signer
     * @param key the party's key
     * @param invoiceXml the invoice XML ({@code HDon})
     * @param party whose signature this is
     * @return what was signed
     */
    public static SigningResult sign(XmlSigner signer, SigningKey key, byte[] invoiceXml, Party party) {
        Args.notNull(signer, "signer");
        Args.notNull(key, "key");
        return sign(signer, key, invoiceXml, party, null);
    }

    /**
     * Signs the invoice as {@code party} with a fixed algorithm (null: the profile's default, RSA PKCS#1 v1.5).
     *
     * @param signer the XML signer
     * @param key the party's key
     * @param invoiceXml the invoice XML ({@code HDon})
     * @param party whose signature this is
     * @param algorithm the signature algorithm, or null for RSA PKCS#1 v1.5 where the key allows it
     * @return what was signed
     */
    public static SigningResult sign(XmlSigner signer, SigningKey key, byte[] invoiceXml, Party party,
                                     @Nullable SignatureAlgorithm algorithm) {
        Args.notNull(signer, "signer");
        Args.notNull(key, "key");
        Args.notNull(invoiceXml, "invoiceXml");
        Args.notNull(party, "party");
        return signer.sign(invoiceXml, key, options(invoiceXml, party, algorithm));
    }

    /**
     * Verifies an invoice under the e-invoice rules.
     *
     * @param verifier the verifier
     * @param invoiceXml the invoice XML ({@code HDon})
     * @return the report, with the party of each signature
     * @throws vn.kyso.api.KysoException {@code NO_SIGNATURE} when the seller has not signed
     */
    public static VerificationReport verify(Verifier verifier, byte[] invoiceXml) {
        Args.notNull(verifier, "verifier");
        Args.notNull(invoiceXml, "invoiceXml");
        return ProfileSupport.requireParty(verifier.verify(Document.of(invoiceXml, "hoa-don.xml"), null, Profile.EINVOICE),
                vn.kyso.api.report.Party.SELLER, "/HDon/DSCKS/NBan");
    }
}
