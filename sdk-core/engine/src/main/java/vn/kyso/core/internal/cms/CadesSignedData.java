package vn.kyso.core.internal.cms;

import java.io.IOException;
import java.security.MessageDigest;
import java.security.Provider;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Date;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Set;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.DLSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAlgorithmProtection;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.CMSObjectIdentifiers;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.asn1.cms.IssuerAndSerialNumber;
import org.bouncycastle.asn1.cms.SignedData;
import org.bouncycastle.asn1.cms.SignerIdentifier;
import org.bouncycastle.asn1.cms.SignerInfo;
import org.bouncycastle.asn1.cms.Time;
import org.bouncycastle.asn1.ess.ESSCertIDv2;
import org.bouncycastle.asn1.ess.SigningCertificateV2;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.RSASSAPSSparams;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.Certificate;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.IssuerSerial;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.SignerInformationStore;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.util.CollectionStore;
import vn.kyso.api.DigestAlgorithm;
import vn.kyso.api.ErrorCode;
import vn.kyso.api.KysoException;
import vn.kyso.api.SignatureAlgorithm;
import vn.kyso.api.SignatureScheme;
import org.jspecify.annotations.Nullable;

/**
 * A CAdES baseline SignedData built once with Bouncy Castle's ASN.1 types, in two steps so the key may
 * sign elsewhere: {@link #signedAttributes} gives the DER bytes the key signs (content-type,
 * message-digest, ESS signing-certificate-v2, CMS algorithm protection, and signing-time when one is
 * given: CAdES carries it there, PAdES in the PDF), {@link #encode} the ContentInfo around a signature
 * value, detached or enveloping the content, with the signature-time-stamp attribute for B-T. The same
 * inputs always give the same bytes. Knows nothing of PDF or of any other container: CAdES, PAdES and
 * S/MIME build their CMS here. Internal.
 */
public final class CadesSignedData {
    private static final ASN1ObjectIdentifier SIGNATURE_TIME_STAMP = PKCSObjectIdentifiers.id_aa_signatureTimeStampToken;
    /** Bouncy Castle's provider for CMS verification (RSASSA-PSS by its CMS names), not installed globally. */
    private static final Provider BC = new BouncyCastleProvider();

    private CadesSignedData() {
    }

    /** The DER-encoded signed attributes (a SET) over the digest of the signed content, without signing-time (PAdES). */
    public static byte[] signedAttributes(byte[] contentDigest, SignatureAlgorithm alg, X509Certificate signer) {
        return signedAttributes(contentDigest, alg, signer, null);
    }

    /**
     * The DER-encoded signed attributes (a SET) over the digest of the signed content.
     *
     * @param signingTime the claimed signing time (the signing-time attribute CAdES baseline requires),
     *                    or null when the container carries it (PAdES)
     */
    public static byte[] signedAttributes(byte[] contentDigest, SignatureAlgorithm alg, X509Certificate signer,
                                          @Nullable Instant signingTime) {
        if (contentDigest == null || contentDigest.length != alg.digest().length()) {
            throw KysoException.localized(ErrorCode.INVALID_ARGUMENT, null, "độ dài giá trị băm của nội dung",
                    "content digest length");
        }
        ASN1EncodableVector v = new ASN1EncodableVector();
        v.add(new Attribute(CMSAttributes.contentType, new DERSet(CMSObjectIdentifiers.data)));
        if (signingTime != null) {
            // UTCTime up to 2049, GeneralizedTime after (RFC 5652 11.3), whole seconds
            v.add(new Attribute(CMSAttributes.signingTime, new DERSet(new Time(Date.from(signingTime)))));
        }
        v.add(new Attribute(CMSAttributes.messageDigest, new DERSet(new DEROctetString(contentDigest))));
        v.add(new Attribute(PKCSObjectIdentifiers.id_aa_signingCertificateV2,
                new DERSet(new SigningCertificateV2(essCertId(signer, alg.digest())))));
        v.add(new Attribute(CMSAttributes.cmsAlgorithmProtect, new DERSet(
                new CMSAlgorithmProtection(digestId(alg.digest()), CMSAlgorithmProtection.SIGNATURE, signatureId(alg)))));
        return der(new DERSet(v));
    }

    /**
     * The DER ContentInfo of the SignedData: certificates = the chain, one SignerInfo with the signed
     * attributes (as returned by {@link #signedAttributes}) and the value, and for B-T the time-stamp
     * token over the value as an unsigned attribute.
     *
     * @param timestampToken a DER TimeStampToken over {@link #timestampImprint}, or null
     */
    public static byte[] encode(List<X509Certificate> chain, SignatureAlgorithm alg, byte[] signedAttributes,
                                byte[] signatureValue, byte @Nullable [] timestampToken) {
        return encode(chain, alg, signedAttributes, signatureValue, timestampToken, null);
    }

    /**
     * As {@link #encode(List, SignatureAlgorithm, byte[], byte[], byte[])}, enveloping {@code content}
     * (whose digest the signed attributes carry) when it is not null, detached otherwise.
     */
    public static byte[] encode(List<X509Certificate> chain, SignatureAlgorithm alg, byte[] signedAttributes,
                                byte[] signatureValue, byte @Nullable [] timestampToken, byte @Nullable [] content) {
        X509Certificate signer = chain.get(0);
        ASN1Set signed = ASN1Set.getInstance(signedAttributes);
        ASN1Set unsigned = null;
        if (timestampToken != null) {
            unsigned = new DERSet(new Attribute(SIGNATURE_TIME_STAMP, new DERSet(primitive(timestampToken))));
        }
        IssuerAndSerialNumber sid = new IssuerAndSerialNumber(x500(signer.getIssuerX500Principal().getEncoded()),
                signer.getSerialNumber());
        SignerInfo info = new SignerInfo(new SignerIdentifier(sid), digestId(alg.digest()), signed,
                signatureId(alg), new DEROctetString(signatureValue), unsigned);
        ASN1EncodableVector certs = new ASN1EncodableVector();
        for (X509Certificate c : chain) {
            certs.add(Certificate.getInstance(encoded(c)));
        }
        // the chain in its order, signer first (only the signed attributes need DER's sorted sets)
        SignedData sd = new SignedData(new DERSet(digestId(alg.digest())),
                new ContentInfo(CMSObjectIdentifiers.data, content == null ? null : new DEROctetString(content)),
                new DLSet(certs), null, new DERSet(info));
        return encoded(new ContentInfo(CMSObjectIdentifiers.signedData, sd), ASN1Encoding.DL);
    }

    /**
     * A whole CMS SignedData made elsewhere (a signing service or tool that builds its own CMS), checked
     * to be a detached CAdES signature by {@code chain.get(0)} over {@code contentDigest}: one signer, the
     * content type id-data, a message-digest equal to {@code contentDigest}, an ESS signing-certificate
     * attribute, the prepared digest algorithm, a signature value that verifies with the certificate.
     *
     * @throws KysoException {@code SIGNATURE_VALUE_INVALID} saying which check failed
     */
    public static External external(byte[] cms, byte[] contentDigest, DigestAlgorithm digest, List<X509Certificate> chain) {
        if (cms == null || cms.length == 0) {
            throw invalid("trống", "empty");
        }
        CMSSignedData signed;
        try {
            // detached: the content is known by its digest only, which the verification below checks
            signed = new CMSSignedData(Map.of(digest.oid(), contentDigest.clone()), cms);
        } catch (CMSException | RuntimeException e) {
            throw KysoException.localized(ErrorCode.SIGNATURE_VALUE_INVALID, e, "không phải CMS SignedData", "not a CMS SignedData");
        }
        if (!CMSObjectIdentifiers.data.getId().equals(signed.getSignedContentTypeOID())) {
            throw invalid("kiểu nội dung " + signed.getSignedContentTypeOID() + ", cần kiểu dữ liệu thuần",
                    "content type " + signed.getSignedContentTypeOID() + ", expected id-data");
        }
        if (SignedData.getInstance(signed.toASN1Structure().getContent()).getEncapContentInfo().getContent() != null) {
            throw invalid("CMS chứa cả nội dung: chữ ký phải tách rời nội dung",
                    "the CMS encapsulates its content: the signature must be detached");
        }
        List<SignerInformation> signers = new ArrayList<>(signed.getSignerInfos().getSigners());
        if (signers.size() != 1) {
            throw invalid(signers.size() + " người ký, cần đúng một", signers.size() + " signers, expected one");
        }
        SignerInformation si = signers.get(0);
        AttributeTable attrs = si.getSignedAttributes();
        if (attrs == null) {
            throw invalid("không có thuộc tính được ký", "no signed attributes");
        }
        Attribute md = attrs.get(CMSAttributes.messageDigest);
        byte[] signedDigest = md == null || md.getAttrValues().size() != 1 ? null
                : ASN1OctetString.getInstance(md.getAttrValues().getObjectAt(0)).getOctets();
        if (signedDigest == null || !MessageDigest.isEqual(signedDigest, contentDigest)) {
            throw invalid("CMS ký giá trị băm của tài liệu khác với tài liệu đã chuẩn bị",
                    "the CMS signs another document digest than the prepared one");
        }
        if (attrs.get(PKCSObjectIdentifiers.id_aa_signingCertificateV2) == null
                && attrs.get(PKCSObjectIdentifiers.id_aa_signingCertificate) == null) {
            throw invalid("không có thuộc tính chứng thư ký (ESS): không phải chữ ký CAdES",
                    "no ESS signing-certificate attribute: not a CAdES signature");
        }
        if (!digest.oid().equals(si.getDigestAlgOID())) {
            throw invalid("thuật toán băm " + si.getDigestAlgOID() + ", đã chuẩn bị " + digest.jcaName(),
                    "digest algorithm " + si.getDigestAlgOID() + ", prepared " + digest.jcaName());
        }
        X509Certificate signer = chain.get(0);
        SignatureAlgorithm alg = algorithm(si.getEncryptionAlgOID(), digest);
        try {
            if (!si.getSID().match(new JcaX509CertificateHolder(signer))) {
                throw invalid("ký bằng chứng thư khác với chứng thư đã chuẩn bị",
                        "signed by another certificate than the prepared one");
            }
            if (!si.verify(new JcaSimpleSignerInfoVerifierBuilder().setProvider(BC).build(signer))) {
                throw invalid("chữ ký không khớp với chứng thư đã chuẩn bị",
                        "the signature does not verify with the prepared certificate");
            }
        } catch (KysoException e) {
            throw e;
        } catch (CMSException | OperatorCreationException | CertificateEncodingException | RuntimeException e) {
            throw KysoException.localized(ErrorCode.SIGNATURE_VALUE_INVALID, e, "CMS: chữ ký không khớp với chứng thư đã chuẩn bị",
                    "CMS: the signature does not verify with the prepared certificate");
        }
        return new External(signed, si, alg, chain);
    }

    /** What {@link #external} accepted: its algorithm and signature value, and its encoding for the PDF. */
    public static final class External {
        private final CMSSignedData signed;
        private final SignerInformation signer;
        private final SignatureAlgorithm algorithm;
        private final List<X509Certificate> chain;

        private External(CMSSignedData signed, SignerInformation signer, SignatureAlgorithm algorithm, List<X509Certificate> chain) {
            this.signed = signed;
            this.signer = signer;
            this.algorithm = algorithm;
            this.chain = chain;
        }

        public SignatureAlgorithm algorithm() {
            return algorithm;
        }

        public byte[] signatureValue() {
            return signer.getSignature();
        }

        /** Whether the CMS already carries a signature time-stamp. */
        public boolean timestamped() {
            AttributeTable unsigned = signer.getUnsignedAttributes();
            return unsigned != null && unsigned.get(SIGNATURE_TIME_STAMP) != null;
        }

        /**
         * The CMS to embed: as received (signed attributes and value untouched), with the certificates of
         * the chain it lacks added and, when given, the signature time-stamp token as an unsigned attribute.
         */
        public byte[] encoded(byte[] timestampToken) {
            try {
                SignerInformation si = signer;
                if (timestampToken != null) {
                    AttributeTable unsigned = si.getUnsignedAttributes() == null ? new AttributeTable(new ASN1EncodableVector())
                            : si.getUnsignedAttributes();
                    si = SignerInformation.replaceUnsignedAttributes(si,
                            unsigned.add(SIGNATURE_TIME_STAMP, primitive(timestampToken)));
                }
                CMSSignedData out = CMSSignedData.replaceSigners(signed, new SignerInformationStore(si));
                List<X509CertificateHolder> certs = new ArrayList<>(out.getCertificates().getMatches(null));
                for (X509Certificate c : chain) {
                    X509CertificateHolder h = new JcaX509CertificateHolder(c);
                    if (!certs.contains(h)) {
                        certs.add(h);
                    }
                }
                out = CMSSignedData.replaceCertificatesAndCRLs(out, new CollectionStore<>(certs),
                        out.getAttributeCertificates(), out.getCRLs());
                return out.getEncoded(ASN1Encoding.DL);
            } catch (CMSException | CertificateEncodingException | IOException e) {
                throw KysoException.localized(ErrorCode.SIGNATURE_VALUE_INVALID, e, "mã hóa lại CMS", "re-encoding the CMS");
            }
        }
    }

    private static SignatureAlgorithm algorithm(String oid, DigestAlgorithm digest) {
        SignatureScheme scheme;
        if (oid.equals(PKCSObjectIdentifiers.id_RSASSA_PSS.getId())) {
            scheme = SignatureScheme.RSA_PSS;
        } else if (oid.startsWith("1.2.840.113549.1.1.")) {
            scheme = SignatureScheme.RSA_PKCS1_V15; // rsaEncryption or sha*WithRSAEncryption
        } else if (oid.startsWith("1.2.840.10045.")) {
            scheme = SignatureScheme.ECDSA; // id-ecPublicKey or ecdsa-with-SHA*
        } else {
            throw KysoException.localized(ErrorCode.UNSUPPORTED_ALGORITHM, null, "thuật toán ký trong CMS " + oid,
                    "CMS signature algorithm " + oid);
        }
        return SignatureAlgorithm.of(scheme, digest);
    }

    private static KysoException invalid(String whyVi, String whyEn) {
        return KysoException.localized(ErrorCode.SIGNATURE_VALUE_INVALID, null, "CMS: " + whyVi, "CMS: " + whyEn);
    }

    /** The digest a signature time-stamp is requested over: that of the signature value. */
    public static byte[] timestampImprint(byte[] signatureValue, DigestAlgorithm digest) {
        return digest.digest(signatureValue);
    }

    /**
     * An upper bound of the encoded size of {@link #encode}'s result for this chain and key, plus
     * {@code extra} bytes (e.g. for a time-stamp token).
     */
    public static int maxSize(List<X509Certificate> chain, int extra) {
        // attributes and structure, then each certificate; an encoded public key is longer than any
        // signature value it verifies (RSA: modulus plus header; ECDSA: 2n+1 point bytes vs at most 2n+9)
        int size = 2048 + extra + chain.get(0).getPublicKey().getEncoded().length;
        for (X509Certificate c : chain) {
            size += encoded(c).length + 16;
        }
        return size;
    }

    private static ESSCertIDv2 essCertId(X509Certificate cert, DigestAlgorithm digest) {
        IssuerSerial issuerSerial = new IssuerSerial(new GeneralNames(new GeneralName(
                x500(cert.getIssuerX500Principal().getEncoded()))), new ASN1Integer(cert.getSerialNumber()));
        return new ESSCertIDv2(digestId(digest), digest.digest(encoded(cert)), issuerSerial);
    }

    static AlgorithmIdentifier digestId(DigestAlgorithm d) {
        return new AlgorithmIdentifier(new ASN1ObjectIdentifier(d.oid()));
    }

    /** The SignerInfo signature algorithm: sha*WithRSAEncryption, RSASSA-PSS with its parameters, ecdsa-with-SHA*. */
    static AlgorithmIdentifier signatureId(SignatureAlgorithm alg) {
        switch (alg.scheme()) {
            case RSA_PSS: {
                AlgorithmIdentifier hash = new AlgorithmIdentifier(new ASN1ObjectIdentifier(alg.digest().oid()), DERNull.INSTANCE);
                RSASSAPSSparams params = new RSASSAPSSparams(hash,
                        new AlgorithmIdentifier(PKCSObjectIdentifiers.id_mgf1, hash),
                        new ASN1Integer(alg.digest().length()), new ASN1Integer(1));
                return new AlgorithmIdentifier(PKCSObjectIdentifiers.id_RSASSA_PSS, params);
            }
            case RSA_PKCS1_V15:
                return new AlgorithmIdentifier(new ASN1ObjectIdentifier(alg.oid()), DERNull.INSTANCE);
            case ECDSA:
                return new AlgorithmIdentifier(new ASN1ObjectIdentifier(alg.oid()));
            default:
                throw new KysoException(ErrorCode.UNSUPPORTED_ALGORITHM, alg.name());
        }
    }

    private static X500Name x500(byte[] encoded) {
        return X500Name.getInstance(encoded);
    }

    private static byte[] encoded(X509Certificate c) {
        try {
            return c.getEncoded();
        } catch (CertificateEncodingException e) {
            throw new KysoException(ErrorCode.CERTIFICATE_UNREADABLE, e, "encoding");
        }
    }

    private static ASN1Primitive primitive(byte[] der) {
        try {
            return ASN1Primitive.fromByteArray(der);
        } catch (IOException | RuntimeException e) {
            throw KysoException.localized(ErrorCode.TIMESTAMP_FAILED, e, "mã hóa của dấu thời gian", "time-stamp token encoding");
        }
    }

    private static byte[] der(ASN1Encodable o) {
        return encoded(o, ASN1Encoding.DER);
    }

    private static byte[] encoded(ASN1Encodable o, String encoding) {
        try {
            return o.toASN1Primitive().getEncoded(encoding);
        } catch (IOException e) {
            throw KysoException.localized(ErrorCode.INTERNAL, e, "mã hóa DER", "DER encoding");
        }
    }
}
