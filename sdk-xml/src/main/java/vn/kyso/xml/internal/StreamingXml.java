package vn.kyso.xml.internal;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.apache.xml.security.exceptions.XMLSecurityException;
import org.apache.xml.security.stax.ext.Transformer;
import org.apache.xml.security.stax.ext.stax.XMLSecAttribute;
import org.apache.xml.security.stax.ext.stax.XMLSecEvent;
import org.apache.xml.security.stax.ext.stax.XMLSecEventFactory;
import org.apache.xml.security.stax.ext.stax.XMLSecNamespace;
import org.apache.xml.security.stax.ext.stax.XMLSecStartElement;
import org.apache.xml.security.stax.impl.transformer.canonicalizer.Canonicalizer20010315_OmitCommentsTransformer;
import org.apache.xml.security.stax.impl.transformer.canonicalizer.Canonicalizer20010315_WithCommentsTransformer;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import vn.kyso.api.DigestAlgorithm;
import vn.kyso.api.ErrorCode;
import vn.kyso.api.KysoException;
import vn.kyso.xml.SecureXml;
import vn.kyso.xml.XmlSignatureOptions;

/**
 * Enveloped XMLDSig of the whole document for files too large for a DOM: one StAX pass feeds Apache
 * Santuario's streaming Canonical XML 1.0 into the digest (memory does not grow with the document), the
 * ds:Signature is built with the usual {@link Dsig} code under a stand-in root element carrying the
 * real root's namespaces and xml:* attributes (so the canonical SignedInfo is the one a verifier sees),
 * and the output is the input copied byte for byte with the signature inserted as the root's first
 * child. Limits: UTF-8 input, no existing signature. Internal.
 */
public final class StreamingXml {
    /** Files above this size are signed this way when the options allow it (below, the DOM path is as fast). */
    public static final long THRESHOLD = 4L << 20;
    private static final int HEAD = 1 << 20;

    private StreamingXml() {
    }

    /** Whether a file is signed by streaming: large, XMLDSig, enveloped over the whole document under the root. */
    public static boolean eligible(Path file, XmlSignatureOptions o) {
        try {
            return file != null && o.format() == XmlSignatureOptions.Format.XMLDSIG
                    && o.packaging() == XmlSignatureOptions.Packaging.ENVELOPED && o.elementId() == null
                    && o.elementPath() == null && o.signatureParent() == null && Files.isRegularFile(file) && Files.size(file) > THRESHOLD;
        } catch (IOException e) {
            return false;
        }
    }

    /** What one pass over the document found: the canonical digest and the root element's context. */
    public static final class Scan {
        public final byte[] digest;
        final String rootNamespace;
        final String rootQName;
        final List<String[]> namespaces;
        final List<String[]> xmlAttributes;

        Scan(byte[] digest, String rootNamespace, String rootQName, List<String[]> namespaces, List<String[]> xmlAttributes) {
            this.digest = digest;
            this.rootNamespace = rootNamespace;
            this.rootQName = rootQName;
            this.namespaces = namespaces;
            this.xmlAttributes = xmlAttributes;
        }
    }

    /**
     * Canonicalises the whole document (Canonical XML 1.0, with or without comments) into a digest in one
     * streaming pass, and notes the root element's namespaces and xml:* attributes.
     *
     * @throws KysoException {@code MALFORMED_INPUT} for malformed or hostile XML (DTDs refused),
     *     {@code INVALID_ARGUMENT} when the document cannot be signed this way
     */
    public static Scan scan(Path file, DigestAlgorithm d, boolean withComments) {
        MessageDigest md = d.newDigest();
        String rootNs = null;
        String rootQName = null;
        List<String[]> namespaces = new ArrayList<>();
        List<String[]> xmlAttributes = new ArrayList<>();
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
             DigestOutputStream sink = new DigestOutputStream(OutputStream.nullOutputStream(), md)) {
            XMLStreamReader r = inputFactory().createXMLStreamReader(in);
            String encoding = r.getCharacterEncodingScheme();
            if (encoding != null && !"UTF-8".equalsIgnoreCase(encoding)) {
                throw KysoException.localized(ErrorCode.INVALID_ARGUMENT, null,
                        "XML lớn phải mã hóa UTF-8 (tệp khai báo " + encoding + ")",
                        "large XML must be UTF-8 (declared " + encoding + ")");
            }
            Transformer c14n = withComments ? new Canonicalizer20010315_WithCommentsTransformer()
                    : new Canonicalizer20010315_OmitCommentsTransformer();
            c14n.setOutputStream(sink);
            XMLSecStartElement parent = null;
            int depth = 0;
            while (true) {
                int type = r.getEventType();
                if (type == XMLStreamConstants.DTD || type == XMLStreamConstants.ENTITY_REFERENCE) {
                    throw KysoException.localized(ErrorCode.MALFORMED_INPUT, null,
                            "XML có khai báo DOCTYPE (DTD), không được chấp nhận",
                            "XML with a DOCTYPE (DTD), which is refused");
                }
                if (type == XMLStreamConstants.START_ELEMENT && Dom.DS.equals(r.getNamespaceURI()) && "Signature".equals(r.getLocalName())) {
                    throw KysoException.localized(ErrorCode.INVALID_ARGUMENT, null,
                            "tài liệu lớn đã có chữ ký: hãy ký tách rời (DETACHED)",
                            "the large document is already signed: sign it DETACHED");
                }
                XMLSecEvent e = XMLSecEventFactory.allocate(r, parent);
                if (type == XMLStreamConstants.START_ELEMENT) {
                    parent = e.asStartElement();
                    if (++depth > SecureXml.MAX_DEPTH) {
                        throw KysoException.localized(ErrorCode.MALFORMED_INPUT, null,
                                "XML lồng phần tử sâu hơn " + SecureXml.MAX_DEPTH + " mức",
                                "XML: elements nested deeper than " + SecureXml.MAX_DEPTH);
                    }
                    if (depth == 1) {
                        rootNs = r.getNamespaceURI();
                        rootQName = r.getPrefix() == null || r.getPrefix().isEmpty() ? r.getLocalName() : r.getPrefix() + ":" + r.getLocalName();
                        for (XMLSecNamespace n : parent.getOnElementDeclaredNamespaces()) {
                            namespaces.add(new String[] {n.getPrefix(), n.getNamespaceURI()});
                        }
                        for (XMLSecAttribute a : parent.getOnElementDeclaredAttributes()) {
                            if (XMLConstants.XML_NS_URI.equals(a.getName().getNamespaceURI())) {
                                xmlAttributes.add(new String[] {a.getName().getLocalPart(), a.getValue()});
                            }
                        }
                    }
                } else if (type == XMLStreamConstants.END_ELEMENT) {
                    parent = parent.getParentXMLSecStartElement();
                    depth--;
                }
                c14n.transform(e);
                if (!r.hasNext()) {
                    break;
                }
                r.next();
            }
            c14n.doFinal();
            r.close();
        } catch (XMLStreamException e) {
            throw KysoException.localized(ErrorCode.MALFORMED_INPUT, e,
                    "XML sai cú pháp",
                    "XML: " + e.getMessage());
        } catch (XMLSecurityException e) {
            throw new KysoException(ErrorCode.INTERNAL, e, "canonicalisation");
        } catch (IOException e) {
            throw new KysoException(ErrorCode.INPUT_UNREADABLE, e, String.valueOf(file.getFileName()));
        }
        if (rootQName == null) {
            throw KysoException.localized(ErrorCode.MALFORMED_INPUT, null,
                    "XML không có phần tử gốc",
                    "XML: no root element");
        }
        return new Scan(md.digest(), rootNs, rootQName, namespaces, xmlAttributes);
    }

    /**
     * The byte offset just after the root element's start tag, found by reading the prolog (XML
     * declaration, comments, processing instructions; the document was already parsed, so it is
     * well-formed and has no DOCTYPE).
     */
    static long rootStart(Path file) {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(HEAD);
        } catch (IOException e) {
            throw new KysoException(ErrorCode.INPUT_UNREADABLE, e, String.valueOf(file.getFileName()));
        }
        int i = head.length >= 3 && (head[0] & 0xff) == 0xEF && (head[1] & 0xff) == 0xBB && (head[2] & 0xff) == 0xBF ? 3 : 0;
        while (i < head.length) {
            if (isSpace(head[i])) {
                i++;
            } else if (startsWith(head, i, "<?")) {
                i = indexOf(head, i, "?>") + 2;
            } else if (startsWith(head, i, "<!--")) {
                i = indexOf(head, i, "-->") + 3;
            } else if (head[i] == '<') {
                byte quote = 0;
                for (int j = i + 1; j < head.length; j++) {
                    byte b = head[j];
                    if (quote != 0) {
                        quote = b == quote ? 0 : quote;
                    } else if (b == '"' || b == '\'') {
                        quote = b;
                    } else if (b == '>') {
                        if (head[j - 1] == '/') {
                            throw KysoException.localized(ErrorCode.INVALID_ARGUMENT, null,
                                    "XML lớn: phần tử gốc trống",
                                    "large XML: the root element is empty");
                        }
                        return j + 1;
                    }
                }
                break;
            } else {
                break;
            }
        }
        throw KysoException.localized(ErrorCode.INVALID_ARGUMENT, null,
                "XML lớn: không thấy thẻ mở của phần tử gốc trong " + (HEAD >> 20) + " MB đầu",
                "large XML: the root element's start tag was not found in the first " + (HEAD >> 20) + " MB");
    }

    private static int indexOf(byte[] b, int from, String s) {
        for (int i = from; i + s.length() <= b.length; i++) {
            if (startsWith(b, i, s)) {
                return i;
            }
        }
        return b.length;
    }

    private static boolean startsWith(byte[] b, int at, String prefix) {
        if (at + prefix.length() > b.length) {
            return false;
        }
        for (int i = 0; i < prefix.length(); i++) {
            if (b[at + i] != prefix.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isSpace(byte b) {
        return b == ' ' || b == '\n' || b == '\r' || b == '\t';
    }

    /**
     * The signature, built under a stand-in for the root element, for insertion as the root's first child
     * (first, so that verifiers walking the document up to the signature, as DSS's XPath lookups do, stop
     * early).
     */
    static Dsig.Built build(Path file, XmlPlan plan) {
        Scan scan = scan(file, plan.algorithm.digest(), plan.options.c14nWithComments());
        long insertAt = rootStart(file);
        Document stub = Dom.newDocument();
        Element root = stub.createElementNS(scan.rootNamespace == null || scan.rootNamespace.isEmpty() ? null : scan.rootNamespace, scan.rootQName);
        for (String[] ns : scan.namespaces) {
            root.setAttributeNS(XMLConstants.XMLNS_ATTRIBUTE_NS_URI, ns[0] == null || ns[0].isEmpty() ? "xmlns" : "xmlns:" + ns[0], ns[1]);
        }
        for (String[] a : scan.xmlAttributes) {
            root.setAttributeNS(XMLConstants.XML_NS_URI, "xml:" + a[0], a[1]);
        }
        stub.appendChild(root);
        Dsig.Built built = Dsig.build(stub, root, plan, scan.digest);
        return built.insertedInto(file, insertAt);
    }

    /** The input with the signature inserted: the bytes up to the root's start tag, the signature, the rest. */
    static void write(Dsig.Built built, OutputStream out) throws IOException {
        Element sig = (Element) built.signatureValue.getParentNode();
        try (InputStream in = Files.newInputStream(built.source)) {
            copy(in, out, built.insertAt);
            Dom.serializeFragment(sig, out);
            in.transferTo(out);
        }
    }

    private static void copy(InputStream in, OutputStream out, long n) throws IOException {
        byte[] buf = new byte[1 << 16];
        long left = n;
        while (left > 0) {
            int r = in.read(buf, 0, (int) Math.min(buf.length, left));
            if (r < 0) {
                throw new IOException("the input shrank while it was signed");
            }
            out.write(buf, 0, r);
            left -= r;
        }
    }

    private static XMLInputFactory inputFactory() {
        XMLInputFactory f = XMLInputFactory.newFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        f.setProperty(XMLInputFactory.IS_COALESCING, false);
        return f;
    }
}
