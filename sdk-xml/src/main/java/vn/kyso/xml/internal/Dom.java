package vn.kyso.xml.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathExpressionException;
import javax.xml.xpath.XPathFactory;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import vn.kyso.api.ErrorCode;
import vn.kyso.api.KysoException;
import vn.kyso.xml.SecureXml;

/** DOM helpers: Ids, paths, XPath selection and serialisation. Internal. */
public final class Dom {
    public static final String DS = "http://www.w3.org/2000/09/xmldsig#";
    public static final String XADES = "http://uri.etsi.org/01903/v1.3.2#";

    private Dom() {
    }

    public static Document parse(byte[] xml) {
        return SecureXml.parse(new ByteArrayInputStream(xml));
    }

    /** A new, empty, namespace-aware document (for building, not parsing: parsing goes through SecureXml). */
    public static Document newDocument() {
        try {
            javax.xml.parsers.DocumentBuilderFactory f = javax.xml.parsers.DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            return f.newDocumentBuilder().newDocument();
        } catch (javax.xml.parsers.ParserConfigurationException e) {
            throw new KysoException(ErrorCode.INTERNAL, e, "DOM");
        }
    }

    /** Whether {@code s} is an XML name without a colon (at most 256 characters). */
    public static boolean isNcName(String s) {
        if (s.isEmpty() || s.length() > 256) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean ok = Character.isLetter(c) || c == '_' || (i > 0 && (Character.isDigit(c) || c == '-' || c == '.'));
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /** Whether an attribute is an Id attribute for the purposes of same-document references. */
    public static boolean isIdName(Attr a) {
        String n = a.getLocalName() == null ? a.getName() : a.getLocalName();
        return a.getNamespaceURI() == null && ("Id".equals(n) || "ID".equals(n) || "id".equals(n));
    }

    /** The value of the element's Id (or ID, id) attribute, or null when it has none. */
    public static String idOf(Element e) {
        NamedNodeMap attrs = e.getAttributes();
        for (int i = 0; i < attrs.getLength(); i++) {
            Attr a = (Attr) attrs.item(i);
            if (isIdName(a)) {
                return a.getValue();
            }
        }
        return null;
    }

    /** Every element carrying each Id value (Id, ID or id attributes), in document order. */
    public static Map<String, List<Element>> ids(Document doc) {
        Map<String, List<Element>> out = new HashMap<>();
        collect(doc.getDocumentElement(), out);
        return out;
    }

    private static void collect(Element root, Map<String, List<Element>> out) {
        // Iterative walk: hostile documents may nest deeply.
        Node n = root;
        while (n != null) {
            if (n.getNodeType() == Node.ELEMENT_NODE) {
                NamedNodeMap attrs = n.getAttributes();
                for (int i = 0; i < attrs.getLength(); i++) {
                    Attr a = (Attr) attrs.item(i);
                    if (isIdName(a)) {
                        out.computeIfAbsent(a.getValue(), k -> new ArrayList<>()).add((Element) n);
                    }
                }
            }
            if (n.getFirstChild() != null) {
                n = n.getFirstChild();
                continue;
            }
            while (n != null && n != root && n.getNextSibling() == null) {
                n = n.getParentNode();
            }
            if (n == null || n == root) {
                break;
            }
            n = n.getNextSibling();
        }
    }

    /** Marks the Id attributes of every element so getElementById works, refusing duplicates of {@code required}. */
    public static Element uniqueById(Document doc, String id) {
        List<Element> found = ids(doc).get(id);
        if (found == null || found.isEmpty()) {
            throw KysoException.localized(ErrorCode.INVALID_ARGUMENT, null,
                    "không có phần tử nào có @Id = '" + id + "'",
                    "no element with Id '" + id + "'");
        }
        if (found.size() > 1) {
            throw KysoException.localized(ErrorCode.INVALID_ARGUMENT, null,
                    "@Id = '" + id + "' không duy nhất (" + found.size() + " phần tử)",
                    "Id '" + id + "' is not unique (" + found.size() + " elements)");
        }
        return found.get(0);
    }

    /** Exactly one element selected by an XPath (namespace prefixes are not bound: use local-name()). */
    public static Element selectOne(Document doc, String xpath) {
        try {
            XPathFactory f = XPathFactory.newInstance();
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            XPath x = f.newXPath();
            NodeList nodes = (NodeList) x.evaluate(xpath, doc, XPathConstants.NODESET);
            if (nodes.getLength() != 1 || nodes.item(0).getNodeType() != Node.ELEMENT_NODE) {
                throw KysoException.localized(ErrorCode.INVALID_ARGUMENT, null,
                        "XPath '" + xpath + "' chọn " + nodes.getLength() + " nút, cần đúng một phần tử",
                        "XPath '" + xpath + "' selects " + nodes.getLength() + " nodes, expected one element");
            }
            return (Element) nodes.item(0);
        } catch (XPathExpressionException | javax.xml.xpath.XPathFactoryConfigurationException e) {
            throw new KysoException(ErrorCode.INVALID_ARGUMENT, e, "XPath '" + xpath + "'");
        }
    }

    /** The child elements of {@code parent} with the given local name (any namespace). */
    public static List<Element> children(Element parent, String localName) {
        List<Element> out = new ArrayList<>();
        for (Node c = parent.getFirstChild(); c != null; c = c.getNextSibling()) {
            if (c.getNodeType() == Node.ELEMENT_NODE && localName.equals(c.getLocalName())) {
                out.add((Element) c);
            }
        }
        return out;
    }

    /** The only child with that local name, or null when there is none; more than one is an error. */
    public static Element child(Element parent, String localName) {
        List<Element> c = children(parent, localName);
        if (c.size() > 1) {
            throw KysoException.localized(ErrorCode.MALFORMED_INPUT, null,
                    "có hơn một " + localName + " trong " + parent.getLocalName(),
                    "more than one " + localName + " in " + parent.getLocalName());
        }
        return c.isEmpty() ? null : c.get(0);
    }

    /** An absolute path such as {@code /HDon[1]/DLHDon[1]} naming an element by local names and positions. */
    public static String path(Element e) {
        StringBuilder sb = new StringBuilder();
        Node n = e;
        int depth = 0;
        while (n != null && n.getNodeType() == Node.ELEMENT_NODE && depth++ < 64) {
            int pos = 1;
            for (Node s = n.getPreviousSibling(); s != null; s = s.getPreviousSibling()) {
                if (s.getNodeType() == Node.ELEMENT_NODE && s.getLocalName() != null && s.getLocalName().equals(n.getLocalName())) {
                    pos++;
                }
            }
            sb.insert(0, "/" + n.getLocalName() + "[" + pos + "]");
            n = n.getParentNode();
        }
        return sb.toString();
    }

    public static byte[] serialize(Document doc) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        serialize(doc, out);
        return out.toByteArray();
    }

    public static void serialize(Document doc, OutputStream out) {
        Transformer t = SERIALIZERS.take();
        try {
            if (doc.getXmlStandalone()) {
                doc.setXmlStandalone(false);
            }
            t.transform(new DOMSource(doc), new StreamResult(out));
            SERIALIZERS.give(t);
        } catch (TransformerException e) {
            throw KysoException.localized(ErrorCode.OUTPUT_FAILED, e,
                    "không ghi được XML",
                    "XML serialisation failed");
        }
    }

    /** One element as UTF-8 XML without a declaration (the namespaces it uses declared on it). */
    public static void serializeFragment(Element e, OutputStream out) {
        try {
            Transformer t;
            synchronized (TRANSFORMERS) {
                t = TRANSFORMERS.newTransformer();
            }
            t.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
            t.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "yes");
            t.setOutputProperty(OutputKeys.INDENT, "no");
            t.transform(new DOMSource(e), new StreamResult(out));
        } catch (TransformerException ex) {
            throw KysoException.localized(ErrorCode.OUTPUT_FAILED, ex,
                    "không ghi được XML",
                    "XML serialisation failed");
        }
    }

    private static final TransformerFactory TRANSFORMERS = transformerFactory();
    /** Identity transformers (UTF-8, no indentation), reused: creating one costs more than serialising an invoice. */
    private static final Pool<Transformer> SERIALIZERS = new Pool<>(32, Dom::newSerializer);

    private static TransformerFactory transformerFactory() {
        try {
            TransformerFactory tf = TransformerFactory.newInstance();
            tf.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            tf.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            tf.setAttribute(XMLConstants.ACCESS_EXTERNAL_STYLESHEET, "");
            return tf;
        } catch (javax.xml.transform.TransformerConfigurationException e) {
            throw KysoException.localized(ErrorCode.INTERNAL, e,
                    "không tạo được bộ ghi XML",
                    "the XML serialiser could not be made");
        }
    }

    private static Transformer newSerializer() {
        try {
            Transformer t = TRANSFORMERS.newTransformer();
            t.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
            t.setOutputProperty(OutputKeys.INDENT, "no");
            t.setOutputProperty(OutputKeys.STANDALONE, "no");
            return t;
        } catch (javax.xml.transform.TransformerConfigurationException e) {
            throw KysoException.localized(ErrorCode.INTERNAL, e,
                    "không tạo được bộ ghi XML",
                    "the XML serialiser could not be made");
        }
    }

    /** Child element with namespace and local name created under parent. */
    public static Element add(Element parent, String ns, String qname) {
        Element e = parent.getOwnerDocument().createElementNS(ns, qname);
        parent.appendChild(e);
        return e;
    }

    public static Element addText(Element parent, String ns, String qname, String text) {
        Element e = add(parent, ns, qname);
        e.setTextContent(text);
        return e;
    }
}
