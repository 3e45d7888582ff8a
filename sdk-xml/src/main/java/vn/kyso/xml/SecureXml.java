package vn.kyso.xml;

import java.io.IOException;
import java.io.InputStream;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.stream.util.StreamReaderDelegate;
import org.w3c.dom.Document;
import org.xml.sax.EntityResolver;
import org.xml.sax.SAXException;
import vn.kyso.api.ErrorCode;
import vn.kyso.api.KysoException;
import vn.kyso.api.internal.Args;
import vn.kyso.xml.internal.Pool;

/**
 * The only way kyso-xml parses XML: namespace-aware DOM ({@link #parse}) or a StAX stream ({@link #stream},
 * for large documents read once) with DTDs refused, no external entities or schemas, no XInclude and the
 * JDK's secure-processing limits; DOM elements nested at most {@value #MAX_DEPTH} deep (deeper documents
 * would exhaust the stack of later recursive steps such as canonicalisation). A document that declares a
 * DOCTYPE (the carrier of XXE and entity-expansion bombs) is rejected before any entity is read.
 * Thread-safe: DOM parsers are pooled, each used by one thread at a time.
 */
public final class SecureXml {
    /** The deepest element nesting accepted (e-invoices, tax forms and edXML with signatures need about 15). */
    public static final int MAX_DEPTH = 256;

    private SecureXml() {
    }

    /**
     * Parses a document with the hardened parser: no DOCTYPE, no external entity, at most
     * {@value #MAX_DEPTH} levels of elements.
     *
     * @param in the XML; read to its end, not closed
     * @return the namespace-aware DOM document
     * @throws KysoException {@code MALFORMED_INPUT} for malformed or hostile XML, {@code INPUT_UNREADABLE}
     *     if the stream fails
     */
    public static Document parse(InputStream in) {
        Args.notNull(in, "in");
        DocumentBuilder builder = BUILDERS.take();
        try {
            builder.setEntityResolver(REFUSE_ENTITIES);
            builder.setErrorHandler(null);
            Document d = builder.parse(in);
            // Only a builder that finished cleanly goes back to the pool.
            builder.reset();
            BUILDERS.give(builder);
            return d;
        } catch (SAXException e) {
            throw malformed(e);
        } catch (IOException e) {
            throw new KysoException(ErrorCode.INPUT_UNREADABLE, e, "XML");
        }
    }

    /**
     * MALFORMED_INPUT for a parser error: the refusals of the hardening said in both languages, other
     * errors with the parser's own (English) text and position.
     */
    private static KysoException malformed(SAXException e) {
        String m = String.valueOf(e.getMessage());
        if (m.contains("DOCTYPE")) {
            return KysoException.localized(ErrorCode.MALFORMED_INPUT, e, "XML có khai báo DOCTYPE (DTD), không được chấp nhận",
                    "XML with a DOCTYPE (DTD), which is refused");
        }
        if (m.startsWith("external entity refused")) {
            return KysoException.localized(ErrorCode.MALFORMED_INPUT, e, "XML tham chiếu thực thể bên ngoài, không được chấp nhận",
                    "XML referring to an external entity, which is refused");
        }
        if (m.contains("entity expansion") || m.contains("JAXP0001")) {
            return KysoException.localized(ErrorCode.MALFORMED_INPUT, e, "XML vượt giới hạn an toàn của trình phân tích (thực thể, độ sâu hoặc kích thước)",
                    "XML beyond the parser's safety limits (entities, depth or size)");
        }
        if (e instanceof org.xml.sax.SAXParseException) {
            int line = ((org.xml.sax.SAXParseException) e).getLineNumber();
            return KysoException.localized(ErrorCode.MALFORMED_INPUT, e, "XML sai cú pháp ở dòng " + line,
                    "XML: " + m + " (line " + line + ")");
        }
        return KysoException.localized(ErrorCode.MALFORMED_INPUT, e, "XML sai cú pháp", "XML: " + m);
    }

    private static final EntityResolver REFUSE_ENTITIES = (publicId, systemId) -> {
        throw new SAXException("external entity refused: " + systemId);
    };

    private static final DocumentBuilderFactory FACTORY = factory();
    /** Builders made by the hardened factory, reused: creating one costs more than parsing a 1 KB invoice. */
    private static final Pool<DocumentBuilder> BUILDERS = new Pool<>(32, SecureXml::newBuilder);

    private static DocumentBuilder newBuilder() {
        try {
            return FACTORY.newDocumentBuilder();
        } catch (ParserConfigurationException e) {
            throw parserUnavailable(e);
        }
    }

    private static KysoException parserUnavailable(Exception e) {
        return KysoException.localized(ErrorCode.INTERNAL, e, "không tạo được trình phân tích XML an toàn",
                "the hardened XML parser could not be made");
    }

    /**
     * A namespace-aware StAX reader over a document, for reading large documents without a DOM. Text may
     * arrive in several events. A DOCTYPE makes {@code next()} throw an {@link XMLStreamException}; the
     * caller maps stream errors to {@code MALFORMED_INPUT}.
     *
     * @param in the XML; the reader does not close it
     * @return the reader, positioned before the first event
     * @throws KysoException {@code MALFORMED_INPUT} if the stream does not start as XML
     */
    public static XMLStreamReader stream(InputStream in) {
        Args.notNull(in, "in");
        XMLInputFactory f = XMLInputFactory.newDefaultFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        f.setProperty(XMLInputFactory.IS_COALESCING, false);
        f.setXMLResolver((publicId, systemId, base, ns) -> {
            throw new XMLStreamException("external entity refused: " + systemId);
        });
        try {
            return new StreamReaderDelegate(f.createXMLStreamReader(in)) {
                @Override
                public int next() throws XMLStreamException {
                    int event = super.next();
                    if (event == XMLStreamConstants.DTD || event == XMLStreamConstants.ENTITY_REFERENCE) {
                        throw new XMLStreamException("DOCTYPE and entity references are refused");
                    }
                    return event;
                }
            };
        } catch (XMLStreamException e) {
            throw KysoException.localized(ErrorCode.MALFORMED_INPUT, e, "XML sai cú pháp ngay từ đầu",
                    "XML: " + e.getMessage());
        }
    }

    private static DocumentBuilderFactory factory() {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature("http://xml.org/sax/features/external-general-entities", false);
            f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            f.setAttribute("http://www.oracle.com/xml/jaxp/properties/maxElementDepth", MAX_DEPTH);
            f.setXIncludeAware(false);
            f.setExpandEntityReferences(false);
            return f;
        } catch (ParserConfigurationException e) {
            throw parserUnavailable(e);
        }
    }
}
