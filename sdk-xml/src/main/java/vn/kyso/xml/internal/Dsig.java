package vn.kyso.xml.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import org.apache.xml.security.c14n.CanonicalizationException;
import org.apache.xml.security.c14n.Canonicalizer;
import org.apache.xml.security.c14n.InvalidCanonicalizerException;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.DERSequence;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import vn.kyso.api.DigestAlgorithm;
import vn.kyso.api.ErrorCode;
import vn.kyso.api.KysoException;
import vn.kyso.api.SignatureAlgorithm;
import vn.kyso.xml.XmlSignatureOptions;

/**
 * The lean XMLDSig path: builds the ds:Signature by hand with Apache Santuario's canonicalizers, so the
 * key only signs the digest of the canonical SignedInfo. Internal.
 */
public final class Dsig {
    public static final String C14N = "http://www.w3.org/TR/2001/REC-xml-c14n-20010315";
    public static final String C14N_COMMENTS = "http://www.w3.org/TR/2001/REC-xml-c14n-20010315#WithComments";
    public static final String ENVELOPED = "http://www.w3.org/2000/09/xmldsig#enveloped-signature";
    private static final DateTimeFormatter VN_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");

    static {
        org.apache.xml.security.Init.init();
    }

    private Dsig() {
    }

    /** A built, not yet signed, signature. */
    public static final class Built {
        public final Document document;
        public final Element signatureValue;
        public final byte[] signedInfo;
        /** For a streamed document: the file the signature goes into, at byte offset {@link #insertAt}; else null. */
        final Path source;
        final long insertAt;

        Built(Document document, Element signatureValue, byte[] signedInfo) {
            this(document, signatureValue, signedInfo, null, -1);
        }

        private Built(Document document, Element signatureValue, byte[] signedInfo, Path source, long insertAt) {
            this.document = document;
            this.signatureValue = signatureValue;
            this.signedInfo = signedInfo;
            this.source = source;
            this.insertAt = insertAt;
        }

        Built insertedInto(Path file, long offset) {
            return new Built(document, signatureValue, signedInfo, file, offset);
        }

        /** Inserts the value (DER for ECDSA from the key; stored raw r||s as XMLDSig requires). */
        public void setValue(byte[] value, SignatureAlgorithm alg, X509Certificate cert) {
            byte[] v = alg.scheme() == vn.kyso.api.SignatureScheme.ECDSA ? derToRaw(value, cert) : value;
            signatureValue.setTextContent(Base64.getEncoder().encodeToString(v));
        }
    }

    public static String signatureUri(SignatureAlgorithm a) {
        switch (a) {
            case RSA_SHA256: return "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256";
            case RSA_SHA384: return "http://www.w3.org/2001/04/xmldsig-more#rsa-sha384";
            case RSA_SHA512: return "http://www.w3.org/2001/04/xmldsig-more#rsa-sha512";
            case RSA_PSS_SHA256: return "http://www.w3.org/2007/05/xmldsig-more#sha256-rsa-MGF1";
            case RSA_PSS_SHA384: return "http://www.w3.org/2007/05/xmldsig-more#sha384-rsa-MGF1";
            case RSA_PSS_SHA512: return "http://www.w3.org/2007/05/xmldsig-more#sha512-rsa-MGF1";
            case ECDSA_SHA256: return "http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha256";
            case ECDSA_SHA384: return "http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha384";
            case ECDSA_SHA512: return "http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha512";
            default: throw new KysoException(ErrorCode.UNSUPPORTED_ALGORITHM, a.name());
        }
    }

    public static String digestUri(DigestAlgorithm d) {
        switch (d) {
            case SHA256: return "http://www.w3.org/2001/04/xmlenc#sha256";
            case SHA384: return "http://www.w3.org/2001/04/xmldsig-more#sha384";
            case SHA512: return "http://www.w3.org/2001/04/xmlenc#sha512";
            default: throw new KysoException(ErrorCode.UNSUPPORTED_ALGORITHM, d.name());
        }
    }

    /** The signing time as e-invoices write it: Vietnam local time, yyyy-MM-dd'T'HH:mm:ss. */
    public static String vietnamTime(java.time.Instant t) {
        return VN_TIME.format(t.atOffset(ZoneOffset.ofHours(7)));
    }

    /**
     * Builds the signature for an enveloped or enveloping document. {@code doc} is modified: the
     * signature is inserted under {@code parent} (enveloped) or becomes the root of a new document.
     */
    public static Built build(Document doc, Element parent, XmlPlan plan) {
        return build(doc, parent, plan, null);
    }

    /**
     * As {@link #build(Document, Element, XmlPlan)}; {@code wholeDocumentDigest}, when not null, is the
     * digest of the canonical document computed elsewhere (streaming), used instead of digesting {@code doc}.
     */
    static Built build(Document doc, Element parent, XmlPlan plan, byte[] wholeDocumentDigest) {
        XmlSignatureOptions o = plan.options;
        DigestAlgorithm d = plan.algorithm.digest();
        String refC14n = o.c14nWithComments() ? C14N_COMMENTS : C14N;
        Document target = doc;
        byte[] dataDigest;
        String dataUri;
        Element object = null;
        if (o.packaging() == XmlSignatureOptions.Packaging.ENVELOPED) {
            // Digest before the signature is inserted: exactly what the enveloped-signature transform yields.
            if (o.elementId() != null) {
                Element signed = Dom.uniqueById(doc, o.elementId());
                dataDigest = c14nDigest(signed, d);
                dataUri = "#" + o.elementId();
            } else {
                dataDigest = wholeDocumentDigest != null ? wholeDocumentDigest : c14nDigest(doc, d);
                dataUri = "";
            }
        } else {
            target = Dom.newDocument();
            dataUri = "#" + plan.signatureId + "-data";
            dataDigest = null;
        }
        Element sig = target.createElementNS(Dom.DS, "Signature");
        sig.setAttributeNS("http://www.w3.org/2000/xmlns/", "xmlns", Dom.DS);
        sig.setAttribute("Id", plan.signatureId);
        Element si = Dom.add(sig, Dom.DS, "SignedInfo");
        Dom.add(si, Dom.DS, "CanonicalizationMethod").setAttribute("Algorithm", C14N);
        Dom.add(si, Dom.DS, "SignatureMethod").setAttribute("Algorithm", signatureUri(plan.algorithm));
        Element ref = Dom.add(si, Dom.DS, "Reference");
        ref.setAttribute("Id", plan.signatureId + "-ref0");
        ref.setAttribute("URI", dataUri);
        Element transforms = Dom.add(ref, Dom.DS, "Transforms");
        if (o.packaging() == XmlSignatureOptions.Packaging.ENVELOPED) {
            Dom.add(transforms, Dom.DS, "Transform").setAttribute("Algorithm", ENVELOPED);
        }
        Dom.add(transforms, Dom.DS, "Transform").setAttribute("Algorithm", refC14n);
        Dom.add(ref, Dom.DS, "DigestMethod").setAttribute("Algorithm", digestUri(d));
        Element refValue = Dom.add(ref, Dom.DS, "DigestValue");
        Element value = Dom.add(sig, Dom.DS, "SignatureValue");
        value.setAttribute("Id", plan.signatureId + "-value");
        Element keyInfo = Dom.add(sig, Dom.DS, "KeyInfo");
        Element x509 = Dom.add(keyInfo, Dom.DS, "X509Data");
        Dom.addText(x509, Dom.DS, "X509SubjectName", plan.chain.get(0).getSubjectX500Principal().getName());
        for (X509Certificate c : plan.chain) {
            if (c.getSubjectX500Principal().equals(c.getIssuerX500Principal()) && plan.chain.size() > 1) {
                continue; // the root comes from the verifier's trust store
            }
            Dom.addText(x509, Dom.DS, "X509Certificate", base64(c));
        }
        if (o.packaging() != XmlSignatureOptions.Packaging.ENVELOPED) {
            object = Dom.add(sig, Dom.DS, "Object");
            object.setAttribute("Id", plan.signatureId + "-data");
            object.appendChild(target.importNode(doc.getDocumentElement(), true));
        }
        Element timeObject = null;
        if (o.signingTimeProperty()) {
            timeObject = Dom.add(sig, Dom.DS, "Object");
            timeObject.setAttribute("Id", plan.signatureId + "-SigningTime");
            Element props = Dom.add(timeObject, Dom.DS, "SignatureProperties");
            Element prop = Dom.add(props, Dom.DS, "SignatureProperty");
            prop.setAttribute("Target", "#" + plan.signatureId);
            Dom.addText(prop, Dom.DS, "SigningTime", vietnamTime(plan.signingTime));
        }
        if (o.packaging() == XmlSignatureOptions.Packaging.ENVELOPED) {
            parent.appendChild(sig);
        } else {
            target.appendChild(sig);
            dataDigest = c14nDigest(object, d);
        }
        refValue.setTextContent(Base64.getEncoder().encodeToString(dataDigest));
        if (timeObject != null) {
            Element r = Dom.add(si, Dom.DS, "Reference");
            r.setAttribute("Id", plan.signatureId + "-ref1");
            r.setAttribute("URI", "#" + plan.signatureId + "-SigningTime");
            Dom.add(r, Dom.DS, "DigestMethod").setAttribute("Algorithm", digestUri(d));
            Dom.addText(r, Dom.DS, "DigestValue", Base64.getEncoder().encodeToString(c14nDigest(timeObject, d)));
        }
        return new Built(target, value, c14n(si));
    }

    /** Builds a detached signature over a file (streamed once, never held in memory). */
    public static Built buildDetached(XmlPlan plan) {
        Document target = Dom.newDocument();
        DigestAlgorithm d = plan.algorithm.digest();
        Element sig = target.createElementNS(Dom.DS, "Signature");
        sig.setAttributeNS("http://www.w3.org/2000/xmlns/", "xmlns", Dom.DS);
        sig.setAttribute("Id", plan.signatureId);
        target.appendChild(sig);
        Element si = Dom.add(sig, Dom.DS, "SignedInfo");
        Dom.add(si, Dom.DS, "CanonicalizationMethod").setAttribute("Algorithm", C14N);
        Dom.add(si, Dom.DS, "SignatureMethod").setAttribute("Algorithm", signatureUri(plan.algorithm));
        Element ref = Dom.add(si, Dom.DS, "Reference");
        ref.setAttribute("URI", uriEscape(plan.dataName));
        Dom.add(ref, Dom.DS, "DigestMethod").setAttribute("Algorithm", digestUri(d));
        Dom.addText(ref, Dom.DS, "DigestValue", Base64.getEncoder().encodeToString(plan.inputDigest));
        Element value = Dom.add(sig, Dom.DS, "SignatureValue");
        Element x509 = Dom.add(Dom.add(sig, Dom.DS, "KeyInfo"), Dom.DS, "X509Data");
        for (X509Certificate c : plan.chain) {
            if (!c.getSubjectX500Principal().equals(c.getIssuerX500Principal()) || plan.chain.size() == 1) {
                Dom.addText(x509, Dom.DS, "X509Certificate", base64(c));
            }
        }
        return new Built(target, value, c14n(si));
    }

    static String uriEscape(String name) {
        StringBuilder sb = new StringBuilder();
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "-._~".indexOf(c) >= 0) {
                sb.append((char) c);
            } else {
                sb.append('%').append(String.format("%02X", c));
            }
        }
        return sb.toString();
    }

    /** Canonical XML 1.0 (without comments) of a node, in place (inherited namespaces included). */
    public static byte[] c14n(Node node) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        canonicalize(node, out);
        return out.toByteArray();
    }

    static byte[] c14nDigest(Node node, DigestAlgorithm d) {
        MessageDigest md = d.newDigest();
        canonicalize(node, new OutputStream() {
            @Override
            public void write(int b) {
                md.update((byte) b);
            }

            @Override
            public void write(byte[] b, int off, int len) {
                md.update(b, off, len);
            }
        });
        return md.digest();
    }

    private static void canonicalize(Node node, OutputStream out) {
        try {
            Canonicalizer.getInstance(C14N).canonicalizeSubtree(node, out);
        } catch (InvalidCanonicalizerException | CanonicalizationException e) {
            throw new KysoException(ErrorCode.MALFORMED_INPUT, e, "canonicalisation");
        }
    }

    public static byte[] fileDigest(Path file, DigestAlgorithm d) {
        MessageDigest md = d.newDigest();
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buf = new byte[1 << 16];
            for (int n; (n = in.read(buf)) > 0; ) {
                md.update(buf, 0, n);
            }
        } catch (IOException e) {
            throw new KysoException(ErrorCode.INPUT_UNREADABLE, e, String.valueOf(file.getFileName()));
        }
        return md.digest();
    }

    static String base64(X509Certificate c) {
        try {
            return Base64.getEncoder().encodeToString(c.getEncoded());
        } catch (CertificateEncodingException e) {
            throw new KysoException(ErrorCode.CERTIFICATE_UNREADABLE, e, "encoding");
        }
    }

    /** DER ECDSA-Sig-Value to the fixed-length r||s of XMLDSig (RFC 4050 / 6931). */
    static byte[] derToRaw(byte[] der, X509Certificate cert) {
        int n = (((ECPublicKey) cert.getPublicKey()).getParams().getOrder().bitLength() + 7) / 8;
        try {
            ASN1Sequence s = ASN1Sequence.getInstance(der);
            byte[] out = new byte[2 * n];
            put(((ASN1Integer) s.getObjectAt(0)).getValue(), out, 0, n);
            put(((ASN1Integer) s.getObjectAt(1)).getValue(), out, n, n);
            return out;
        } catch (RuntimeException e) {
            throw KysoException.localized(ErrorCode.SIGNATURE_VALUE_INVALID, e,
                    "giá trị chữ ký ECDSA không đúng định dạng DER",
                    "the ECDSA value is no DER signature");
        }
    }

    /** Raw r||s to DER (for checking a value with JCA). */
    public static byte[] rawToDer(byte[] raw) {
        int n = raw.length / 2;
        try {
            return new DERSequence(new org.bouncycastle.asn1.ASN1Encodable[] {
                new ASN1Integer(new BigInteger(1, java.util.Arrays.copyOfRange(raw, 0, n))),
                new ASN1Integer(new BigInteger(1, java.util.Arrays.copyOfRange(raw, n, 2 * n)))}).getEncoded();
        } catch (IOException e) {
            throw new KysoException(ErrorCode.INTERNAL, e, "DER");
        }
    }

    private static void put(BigInteger v, byte[] out, int off, int n) {
        byte[] b = v.toByteArray();
        int start = b.length > n ? b.length - n : 0;
        int len = b.length - start;
        if (len > n) {
            throw KysoException.localized(ErrorCode.SIGNATURE_VALUE_INVALID, null,
                    "giá trị chữ ký ECDSA quá dài",
                    "ECDSA value too long");
        }
        System.arraycopy(b, start, out, off + n - len, len);
    }
}
