package vn.kyso.pdf.internal.cms;

import java.io.IOException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.List;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Set;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.DLSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.CMSAlgorithmProtection;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.CMSObjectIdentifiers;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.asn1.cms.IssuerAndSerialNumber;
import org.bouncycastle.asn1.cms.SignedData;
import org.bouncycastle.asn1.cms.SignerIdentifier;
import org.bouncycastle.asn1.cms.SignerInfo;
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
import vn.kyso.api.DigestAlgorithm;
import vn.kyso.api.ErrorCode;
import vn.kyso.api.KysoException;
import vn.kyso.api.SignatureAlgorithm;

/**
 * A detached CAdES baseline SignedData built once with Bouncy Castle's ASN.1 types, in two steps so the
 * key may sign elsewhere: {@link #signedAttributes} gives the DER bytes the key signs (content-type,
 * message-digest, ESS signing-certificate-v2, CMS algorithm protection; no signing-time, which PAdES
 * carries in the PDF), {@link #encode} the ContentInfo around a signature value, with the
 * signature-time-stamp attribute for B-T. The same inputs always give the same bytes. Knows nothing
 * of PDF. Internal.
 */
public final class CadesSignedData {
    private static final ASN1ObjectIdentifier SIGNATURE_TIME_STAMP = PKCSObjectIdentifiers.id_aa_signatureTimeStampToken;

    private CadesSignedData() {
    }

    /** The DER-encoded signed attributes (a SET) over the digest of the signed content. */
    public static byte[] signedAttributes(byte[] contentDigest, SignatureAlgorithm alg, X509Certificate signer) {
        if (contentDigest == null || contentDigest.length != alg.digest().length()) {
            throw new KysoException(ErrorCode.INVALID_ARGUMENT, "content digest length");
        }
        ASN1EncodableVector v = new ASN1EncodableVector();
        v.add(new Attribute(CMSAttributes.contentType, new DERSet(CMSObjectIdentifiers.data)));
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
                                byte[] signatureValue, byte[] timestampToken) {
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
                new ContentInfo(CMSObjectIdentifiers.data, null), new DLSet(certs), null, new DERSet(info));
        return encoded(new ContentInfo(CMSObjectIdentifiers.signedData, sd), ASN1Encoding.DL);
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
            throw new KysoException(ErrorCode.TIMESTAMP_FAILED, e, "time-stamp token encoding");
        }
    }

    private static byte[] der(ASN1Encodable o) {
        return encoded(o, ASN1Encoding.DER);
    }

    private static byte[] encoded(ASN1Encodable o, String encoding) {
        try {
            return o.toASN1Primitive().getEncoded(encoding);
        } catch (IOException e) {
            throw new KysoException(ErrorCode.INTERNAL, e, "DER encoding");
        }
    }
}
