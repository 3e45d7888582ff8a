package vn.kyso.xml.profile;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.stream.XMLStreamWriter;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import vn.kyso.api.ErrorCode;
import vn.kyso.api.KysoException;
import vn.kyso.xml.SecureXml;
import vn.kyso.xml.internal.Dom;

/**
 * Writes and reads edXML messages as streams: attachments are base64-encoded from their source while the
 * message is written and decoded into their sink while it is read, never held whole in memory (unless the
 * sink is memory). Everything else is small and read into a DOM. Internal to the edXML API.
 */
final class EdXmlCodec {
    static final String NS = "http://www.mic.gov.vn/TBT/QCVN_102_2016";
    private static final String P = "edXML";
    /** Raw bytes per base64 chunk (a multiple of 3, so chunks concatenate). */
    private static final int CHUNK = 3 * 16 * 1024;

    private EdXmlCodec() {
    }

    /** Where the content of the attachment at an index (in document order) goes. */
    interface Sinks {
        OutputStream open(int index) throws IOException;
    }

    /** An attachment's content as found in {@code AttachmentEncoded}. */
    static final class Encoded {
        final int index;
        final String contentId;

        Encoded(int index, String contentId) {
            this.index = index;
            this.contentId = contentId;
        }
    }

    /** A message read back: the DOM without attachment content or signatures, and the attachments decoded. */
    static final class Read {
        final Element root;
        final List<Encoded> encoded;

        Read(Element root, List<Encoded> encoded) {
            this.root = root;
            this.encoded = encoded;
        }
    }

    // ---------------------------------------------------------------- writing

    static void write(EdXmlMessage m, OutputStream target) throws IOException {
        OutputStream out = new java.io.BufferedOutputStream(target, 1 << 16);
        try {
            XMLStreamWriter w = XMLOutputFactory.newDefaultFactory().createXMLStreamWriter(out, "UTF-8");
            w.writeStartDocument("UTF-8", "1.0");
            w.setPrefix(P, NS);
            w.writeStartElement(P, "edXML", NS);
            w.writeNamespace(P, NS);
            start(w, "edXMLEnvelope");
            start(w, "edXMLHeader");
            header(w, m.header());
            if (!m.traceHeaders().isEmpty()) {
                start(w, "TraceHeaderList");
                for (EdXmlMessage.TraceHeader t : m.traceHeaders()) {
                    start(w, "TraceHeader");
                    leaf(w, "OrganId", t.organId());
                    if (t.timestamp() != null) {
                        leaf(w, "Timestamp", t.timestamp());
                    }
                    w.writeEndElement();
                }
                w.writeEndElement();
            }
            w.writeEndElement(); // edXMLHeader
            start(w, "edXMLBody");
            start(w, "edXMLManifest");
            w.writeAttribute("version", "1.0");
            for (EdXmlMessage.Attachment a : m.attachments()) {
                start(w, "Reference");
                leaf(w, "ContentId", a.contentId());
                leaf(w, "ContentType", a.contentType());
                leaf(w, "AttachmentName", a.name());
                w.writeEndElement();
            }
            w.writeEndElement(); // edXMLManifest
            w.writeEndElement(); // edXMLBody
            w.writeEndElement(); // edXMLEnvelope
            if (!m.attachments().isEmpty()) {
                start(w, "AttachmentEncoded");
                for (EdXmlMessage.Attachment a : m.attachments()) {
                    start(w, "Attachment");
                    w.writeAttribute("ContentId", a.contentId());
                    base64(w, out, a);
                    w.writeEndElement();
                }
                w.writeEndElement();
            }
            w.writeEndElement(); // edXML
            w.writeEndDocument();
            w.flush();
            out.flush();
        } catch (XMLStreamException e) {
            throw new KysoException(ErrorCode.OUTPUT_FAILED, e, "edXML");
        }
    }

    private static void header(XMLStreamWriter w, EdXmlHeader h) throws XMLStreamException {
        start(w, "MessageHeader");
        organization(w, "From", h.from());
        for (EdXmlHeader.Organization o : h.to()) {
            organization(w, "To", o);
        }
        String group = null;
        for (Map.Entry<String, String> f : h.fields().entrySet()) {
            int slash = f.getKey().indexOf('/');
            String g = slash < 0 ? null : f.getKey().substring(0, slash);
            if (group != null && !group.equals(g)) {
                w.writeEndElement();
                group = null;
            }
            if (g != null && group == null) {
                start(w, g);
                group = g;
            }
            leaf(w, slash < 0 ? f.getKey() : f.getKey().substring(slash + 1), f.getValue());
        }
        if (group != null) {
            w.writeEndElement();
        }
        if (!h.toPlaces().isEmpty()) {
            start(w, "ToPlaces");
            for (String place : h.toPlaces()) {
                leaf(w, "Place", place);
            }
            w.writeEndElement();
        }
        if (!h.otherInfo().isEmpty()) {
            start(w, "OtherInfo");
            for (Map.Entry<String, String> e : h.otherInfo().entrySet()) {
                leaf(w, e.getKey(), e.getValue());
            }
            w.writeEndElement();
        }
        w.writeEndElement();
    }

    private static void organization(XMLStreamWriter w, String name, EdXmlHeader.Organization o) throws XMLStreamException {
        if (o == null) {
            return;
        }
        start(w, name);
        for (Map.Entry<String, String> e : o.values().entrySet()) {
            leaf(w, e.getKey(), e.getValue());
        }
        w.writeEndElement();
    }

    private static void start(XMLStreamWriter w, String name) throws XMLStreamException {
        w.writeStartElement(P, name, NS);
    }

    /** An element with text; carriage returns are written as references so that they survive parsing. */
    private static void leaf(XMLStreamWriter w, String name, String text) throws XMLStreamException {
        start(w, name);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c == 0xFFFE || c == 0xFFFF) {
                throw KysoException.localized(ErrorCode.INVALID_ARGUMENT, null,
                        "edXML " + name + ": có ký tự mà XML không chứa được (U+" + String.format("%04X", (int) c) + ")",
                        "edXML " + name + ": a character XML cannot carry (U+" + String.format("%04X", (int) c) + ")");
            }
        }
        String[] parts = text.split("\r", -1);
        for (int i = 0; i < parts.length; i++) {
            if (i > 0) {
                w.writeEntityRef("#13");
            }
            w.writeCharacters(parts[i]);
        }
        w.writeEndElement();
    }

    /**
     * The attachment's base64 text, written straight to the byte stream (base64 is ASCII and needs no
     * escaping): the writer closes the start tag and flushes first, then carries on after it.
     */
    private static void base64(XMLStreamWriter w, OutputStream out, EdXmlMessage.Attachment a) throws XMLStreamException, IOException {
        w.writeCharacters("");
        w.flush();
        byte[] buf = new byte[CHUNK];
        Base64.Encoder enc = Base64.getEncoder();
        try (InputStream in = a.open()) {
            while (true) {
                int n;
                try {
                    n = in.readNBytes(buf, 0, buf.length);
                } catch (IOException e) {
                    throw new KysoException(ErrorCode.INPUT_UNREADABLE, e, a.name());
                }
                if (n <= 0) {
                    break;
                }
                out.write(enc.encode(n == buf.length ? buf : Arrays.copyOf(buf, n)));
            }
        }
    }

    // ---------------------------------------------------------------- reading

    /**
     * Reads a message: attachment content streams into {@code sinks} (closed here); everything else but
     * signatures goes into a DOM.
     *
     * @throws KysoException {@code MALFORMED_INPUT} for malformed or hostile XML or bad base64
     */
    static Read read(InputStream in, Sinks sinks) {
        XMLStreamReader r = SecureXml.stream(in);
        List<Encoded> encoded = new ArrayList<>();
        try {
            Document doc = Dom.newDocument();
            Node current = doc;
            while (r.hasNext()) {
                int event = r.next();
                switch (event) {
                    case XMLStreamConstants.START_ELEMENT: {
                        String local = r.getLocalName();
                        if (Dom.DS.equals(r.getNamespaceURI()) && "Signature".equals(local)) {
                            skip(r);
                            break;
                        }
                        if ("Attachment".equals(local) && "AttachmentEncoded".equals(current.getLocalName())) {
                            String cid = r.getAttributeValue(null, "ContentId");
                            int index = encoded.size();
                            try (OutputStream out = sinks.open(index)) {
                                decode(r, out);
                            }
                            encoded.add(new Encoded(index, cid));
                            break;
                        }
                        Element e = doc.createElementNS(r.getNamespaceURI(), local);
                        for (int i = 0; i < r.getAttributeCount(); i++) {
                            e.setAttributeNS(r.getAttributeNamespace(i), r.getAttributeLocalName(i), r.getAttributeValue(i));
                        }
                        current.appendChild(e);
                        current = e;
                        break;
                    }
                    case XMLStreamConstants.END_ELEMENT:
                        current = current.getParentNode();
                        break;
                    case XMLStreamConstants.CHARACTERS:
                    case XMLStreamConstants.CDATA:
                    case XMLStreamConstants.SPACE:
                        if (current instanceof Element) {
                            current.appendChild(doc.createTextNode(r.getText()));
                        }
                        break;
                    default:
                        break;
                }
            }
            if (doc.getDocumentElement() == null) {
                throw KysoException.localized(ErrorCode.MALFORMED_INPUT, null,
                        "edXML: tài liệu trống",
                        "edXML: empty document");
            }
            return new Read(doc.getDocumentElement(), encoded);
        } catch (XMLStreamException e) {
            throw KysoException.localized(ErrorCode.MALFORMED_INPUT, e,
                    "edXML: XML sai cú pháp",
                    "edXML: " + e.getMessage());
        } catch (IOException e) {
            throw KysoException.localized(ErrorCode.OUTPUT_FAILED, e,
                    "không ghi được tệp đính kèm edXML",
                    "an edXML attachment could not be written");
        } finally {
            try {
                r.close();
            } catch (XMLStreamException ignored) {
                // nothing more to release
            }
        }
    }

    /** Skips the current element and its content. */
    private static void skip(XMLStreamReader r) throws XMLStreamException {
        for (int depth = 1; depth > 0; ) {
            int e = r.next();
            depth += e == XMLStreamConstants.START_ELEMENT ? 1 : e == XMLStreamConstants.END_ELEMENT ? -1 : 0;
        }
    }

    /** Decodes the base64 text of the current element into {@code out}, chunk by chunk. */
    private static void decode(XMLStreamReader r, OutputStream out) throws XMLStreamException, IOException {
        Base64.Decoder dec = Base64.getDecoder();
        char[] pending = new char[8192];
        int n = 0;
        while (true) {
            int e = r.next();
            if (e == XMLStreamConstants.END_ELEMENT) {
                break;
            }
            if (e == XMLStreamConstants.START_ELEMENT) {
                throw KysoException.localized(ErrorCode.MALFORMED_INPUT, null,
                        "edXML: có thẻ đánh dấu bên trong tệp đính kèm",
                        "edXML: markup inside an attachment");
            }
            if (e != XMLStreamConstants.CHARACTERS && e != XMLStreamConstants.CDATA && e != XMLStreamConstants.SPACE) {
                continue;
            }
            char[] text = r.getTextCharacters();
            int end = r.getTextStart() + r.getTextLength();
            for (int i = r.getTextStart(); i < end; i++) {
                char c = text[i];
                if (c == ' ' || c == '\n' || c == '\r' || c == '\t') {
                    continue;
                }
                pending[n++] = c;
                if (n == pending.length) {
                    out.write(base64(dec, pending, n));
                    n = 0;
                }
            }
        }
        if (n > 0) {
            out.write(base64(dec, pending, n));
        }
    }

    private static byte[] base64(Base64.Decoder dec, char[] chars, int n) {
        byte[] ascii = new byte[n];
        for (int i = 0; i < n; i++) {
            char c = chars[i];
            ascii[i] = c < 128 ? (byte) c : (byte) '!';
        }
        try {
            return dec.decode(ascii);
        } catch (IllegalArgumentException e) {
            throw KysoException.localized(ErrorCode.MALFORMED_INPUT, e,
                    "edXML: tệp đính kèm không mã hóa base64",
                    "edXML: attachment is not base64");
        }
    }

    // ---------------------------------------------------------------- interpreting

    /** The header and trace headers of a message read back. */
    static EdXmlMessage.Builder interpret(Element root) {
        if (!"edXML".equals(root.getLocalName())) {
            throw KysoException.localized(ErrorCode.MALFORMED_INPUT, null,
                    "không phải thông điệp edXML (phần tử gốc " + root.getLocalName() + ")",
                    "not an edXML message (root " + root.getLocalName() + ")");
        }
        Element header = path(root, "edXMLEnvelope", "edXMLHeader");
        Element mh = header == null ? null : Dom.child(header, "MessageHeader");
        if (mh == null) {
            throw KysoException.localized(ErrorCode.MALFORMED_INPUT, null,
                    "edXML: thiếu edXMLEnvelope/edXMLHeader/MessageHeader",
                    "edXML: no edXMLEnvelope/edXMLHeader/MessageHeader");
        }
        EdXmlHeader.Builder h = EdXmlHeader.builder();
        for (Element c : elements(mh)) {
            String name = c.getLocalName();
            switch (name) {
                case "From":
                    h.from(EdXmlHeader.Organization.read(texts(c)));
                    break;
                case "To":
                    h.to(EdXmlHeader.Organization.read(texts(c)));
                    break;
                case "ToPlaces":
                    for (Element p : elements(c)) {
                        h.toPlace(p.getTextContent());
                    }
                    break;
                case "OtherInfo":
                    texts(c).forEach(h::otherInfo);
                    break;
                default:
                    if (elements(c).isEmpty()) {
                        h.field(name, c.getTextContent());
                    } else {
                        for (Map.Entry<String, String> e : texts(c).entrySet()) {
                            h.field(name + "/" + e.getKey(), e.getValue());
                        }
                    }
            }
        }
        EdXmlMessage.Builder m = new EdXmlMessage.Builder().header(h.read());
        Element traces = Dom.child(header, "TraceHeaderList");
        if (traces != null) {
            for (Element t : elements(traces)) {
                Element org = Dom.child(t, "OrganId");
                Element time = Dom.child(t, "Timestamp");
                m.traceHeader(org == null ? "" : org.getTextContent(), time == null ? null : time.getTextContent());
            }
        }
        return m;
    }

    /** The manifest: one {ContentId, ContentType, AttachmentName} per reference, in order. */
    static List<String[]> manifest(Element root) {
        List<String[]> out = new ArrayList<>();
        Element manifest = path(root, "edXMLEnvelope", "edXMLBody", "edXMLManifest");
        if (manifest != null) {
            for (Element ref : Dom.children(manifest, "Reference")) {
                Map<String, String> t = texts(ref);
                out.add(new String[] {t.get("ContentId"), t.get("ContentType"), t.get("AttachmentName")});
            }
        }
        return out;
    }

    private static Element path(Element from, String... names) {
        Element e = from;
        for (String n : names) {
            e = e == null ? null : Dom.child(e, n);
        }
        return e;
    }

    private static List<Element> elements(Element parent) {
        List<Element> out = new ArrayList<>();
        for (Node c = parent.getFirstChild(); c != null; c = c.getNextSibling()) {
            if (c.getNodeType() == Node.ELEMENT_NODE) {
                out.add((Element) c);
            }
        }
        return out;
    }

    /** Child element name to its text, in order. */
    private static Map<String, String> texts(Element parent) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Element c : elements(parent)) {
            out.put(c.getLocalName(), c.getTextContent());
        }
        return out;
    }
}
