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
 * Electronic tax declarations: root {@code HSoThueDTu} (or {@code TBaoThueDTu}) holding the declaration
 * {@code HSoKhaiThue} (with an Id, commonly {@code _NODE_TO_SIGN}) and {@code CKyDTu}, where the declarant's
 * signature goes: an enveloped XMLDSig with one reference to {@code #<Id of HSoKhaiThue>}, the
 * enveloped-signature transform and Canonical XML 1.0 with comments, SHA-256 by default.
 *
 * <p>Verification ({@link #verify}) reports the declarant's signature as party {@code declarant} and is never
 * VALID when that signature covers anything but exactly {@code HSoKhaiThue}. Stateless and thread-safe.
 */
public final class ETax {
    /** The party of the declarant's signature in reports. */
    public static final vn.kyso.api.report.Party DECLARANT = vn.kyso.api.report.Party.DECLARANT;

    private ETax() {
    }

    /**
     * The options of the declarant's signature on this declaration.
     *
     * @param algorithm a fixed algorithm (e.g. RSASSA-PSS on request), or null for the profile's default:
     *     RSA PKCS#1 v1.5 with SHA-256, which every receiver verifies (ECDSA for an EC key)
     * @param declarationXml the tax declaration XML ({@code HSoThueDTu} or {@code TBaoThueDTu})
     * @return the options the profile prescribes for this document
     * @throws vn.kyso.api.KysoException {@code MALFORMED_INPUT} for hostile or malformed XML;
     *     {@code INVALID_ARGUMENT} when the root is not a tax document, {@code HSoKhaiThue} is missing,
     *     repeated or has no Id, or {@code CKyDTu} already holds a signature
     */
    public static XmlSignatureOptions options(byte[] declarationXml, @Nullable SignatureAlgorithm algorithm) {
        Args.notNull(declarationXml, "declarationXml");
        Element root = ProfileSupport.root(declarationXml, XmlProfile.ETAX, "HSoThueDTu", "TBaoThueDTu");
        String id = ProfileSupport.idOf(ProfileSupport.only(root, Profiles.DECLARATION, XmlProfile.ETAX), XmlProfile.ETAX);
        ProfileSupport.unsigned(root, Profiles.DECLARATION_SIGNATURE, XmlProfile.ETAX);
        return XmlSignatureOptions.builder().format(XmlSignatureOptions.Format.XMLDSIG).elementId(id)
                .signatureParent("/" + root.getLocalName() + "/" + Profiles.DECLARATION_SIGNATURE)
                .c14nWithComments(true).algorithm(algorithm)
                .scheme(algorithm == null ? SignatureScheme.RSA_PKCS1_V15 : null).build();
    }

    /**
     * Signs the declaration with the profile's default algorithm (RSA PKCS#1 v1.5, SHA-256); returns the signed declaration.
     *
     * @param signer the XML signer
     * @param key the declarant's key
     * @param declarationXml the tax declaration XML ({@code HSoThueDTu} or {@code TBaoThueDTu})
     * @return what was signed
     */
    public static SigningResult sign(XmlSigner signer, SigningKey key, byte[] declarationXml) {
        Args.notNull(signer, "signer");
        Args.notNull(key, "key");
        return sign(signer, key, declarationXml, null);
    }

    /**
     * Signs the declaration with a fixed algorithm (null: the profile's default, RSA PKCS#1 v1.5).
     *
     * @param signer the XML signer
     * @param key the declarant's key
     * @param declarationXml the tax declaration XML ({@code HSoThueDTu} or {@code TBaoThueDTu})
     * @param algorithm the signature algorithm, or null for RSA PKCS#1 v1.5 where the key allows it
     * @return what was signed
     */
    public static SigningResult sign(XmlSigner signer, SigningKey key, byte[] declarationXml,
                                     @Nullable SignatureAlgorithm algorithm) {
        Args.notNull(signer, "signer");
        Args.notNull(key, "key");
        Args.notNull(declarationXml, "declarationXml");
        return signer.sign(declarationXml, key, options(declarationXml, algorithm));
    }

    /**
     * Verifies a declaration under the e-tax rules.
     *
     * @param verifier the verifier
     * @param declarationXml the tax declaration XML ({@code HSoThueDTu} or {@code TBaoThueDTu})
     * @return the report, with the party of each signature
     * @throws vn.kyso.api.KysoException {@code NO_SIGNATURE} when {@code CKyDTu} holds no signature
     */
    public static VerificationReport verify(Verifier verifier, byte[] declarationXml) {
        Args.notNull(verifier, "verifier");
        Args.notNull(declarationXml, "declarationXml");
        return ProfileSupport.requireParty(verifier.verify(Document.of(declarationXml, "to-khai.xml"), null, Profile.ETAX),
                vn.kyso.api.report.Party.DECLARANT, "CKyDTu");
    }
}
