package vn.kyso.xml.internal;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import vn.kyso.api.report.ReportMessage;

/**
 * What each ds:Signature of a document references, checked before any cryptography: every same-document
 * reference must resolve to exactly one element (duplicate Ids are signature wrapping), only a safe list
 * of transforms is allowed (no XSLT, no XPath 1.0 programs), and no reference is dereferenced outside the
 * document unless it names the detached data the caller supplied. Internal.
 */
public final class XmlStructure {
    public static final int MAX_REFERENCES = 32;
    public static final int MAX_TRANSFORMS = 6;
    static final String FILTER2 = "http://www.w3.org/2002/06/xmldsig-filter2";
    static final Set<String> SAFE_TRANSFORMS = Set.of(
            Dsig.ENVELOPED,
            Dsig.C14N, Dsig.C14N_COMMENTS,
            "http://www.w3.org/2001/10/xml-exc-c14n#", "http://www.w3.org/2001/10/xml-exc-c14n#WithComments",
            "http://www.w3.org/2006/12/xml-c14n11", "http://www.w3.org/2006/12/xml-c14n11#WithComments",
            FILTER2);

    /** One signature's references. */
    public static final class Sig {
        public final Element element;
        public final String id;
        public final boolean xades;
        /** A reference to a detached file by name while no detached data was given, or null. */
        public String detachedReference;
        /** Paths of the signed elements ("/" for the whole document, "file:NAME" for detached data). */
        public final List<String> signedPaths = new ArrayList<>();
        /** Elements referenced, in order (the whole-document reference adds the document element). */
        public final List<Element> signedElements = new ArrayList<>();
        /** Problems that make the signature not VALID. */
        public final List<ReportMessage> problems = new ArrayList<>();
        /** Whether a problem forbids handing the document to a cryptographic validator at all. */
        public boolean unsafe;
        /** Whether the whole document is referenced with an enveloped-signature transform. */
        public boolean wholeDocumentEnveloped;
        /** XMLDSig: the time of a signed {@code Object/SignatureProperties/SignatureProperty/SigningTime}, or null. */
        public Instant signingTime;
        /**
         * Referenced elements whose digest includes any other signature placed inside them (no transform
         * removes every ds:Signature): a new signature there would break this one.
         */
        public final List<Element> coversNewSignatures = new ArrayList<>();

        Sig(Element element) {
            this.element = element;
            String a = element.getAttribute("Id");
            this.id = a.isEmpty() ? null : a;
            this.xades = element.getElementsByTagNameNS(Dom.XADES, "QualifyingProperties").getLength() > 0
                    || element.getElementsByTagNameNS("http://uri.etsi.org/01903/v1.4.1#", "QualifyingProperties").getLength() > 0;
        }
    }

    private XmlStructure() {
    }

    /** Every ds:Signature (including counter-signatures), in document order. */
    public static List<Sig> analyze(Document doc, String detachedName) {
        NodeList sigs = doc.getElementsByTagNameNS(Dom.DS, "Signature");
        if (sigs.getLength() == 0) {
            return List.of();
        }
        Map<String, List<Element>> ids = Dom.ids(doc);
        List<Sig> out = new ArrayList<>();
        for (int i = 0; i < sigs.getLength(); i++) {
            Sig s = new Sig((Element) sigs.item(i));
            check(s, ids, doc, detachedName);
            if (!s.xades) {
                s.signingTime = signedSigningTime(s);
            }
            out.add(s);
        }
        return Collections.unmodifiableList(out);
    }

    private static void check(Sig s, Map<String, List<Element>> ids, Document doc, String detachedName) {
        Element si = first(s.element, "SignedInfo");
        if (si == null) {
            problem(s, "XML_STRUCTURE", "no SignedInfo", true);
            return;
        }
        // The schemas allow one of each; a second copy is what a reader might take instead of the checked one.
        String repeated = repeated(s.element, SIGNATURE_ONCE);
        if (repeated == null) {
            repeated = repeated(si, SIGNED_INFO_ONCE);
        }
        List<Element> qualifying = new ArrayList<>();
        for (Element object : Dom.children(s.element, "Object")) {
            qualifying.addAll(Dom.children(object, "QualifyingProperties"));
        }
        if (qualifying.size() > 1) {
            repeated = "QualifyingProperties";
        }
        for (int i = 0; repeated == null && i < qualifying.size(); i++) {
            repeated = repeatedBelow(qualifying.get(i));
        }
        if (repeated != null) {
            problem(s, "XML_STRUCTURE", "several " + repeated, true);
        }
        List<Element> refs = Dom.children(si, "Reference");
        if (refs.isEmpty() || refs.size() > MAX_REFERENCES) {
            problem(s, "XML_STRUCTURE", refs.size() + " references", true);
            return;
        }
        for (Element ref : refs) {
            if (!Dom.DS.equals(ref.getNamespaceURI())) {
                problem(s, "XML_STRUCTURE", "reference outside the XMLDSig namespace", true);
                continue;
            }
            boolean enveloped = false;
            boolean withoutSignatures = false;
            Element transforms = Dom.child(ref, "Transforms");
            if (transforms != null) {
                List<Element> ts = Dom.children(transforms, "Transform");
                if (ts.size() > MAX_TRANSFORMS) {
                    problem(s, "XML_UNSAFE_TRANSFORM", ts.size() + " transforms", true);
                }
                for (Element t : ts) {
                    String alg = t.getAttribute("Algorithm");
                    if (!SAFE_TRANSFORMS.contains(alg)) {
                        problem(s, "XML_UNSAFE_TRANSFORM", alg, true);
                    } else if (FILTER2.equals(alg)) {
                        if (!subtractsSignatures(t)) {
                            // Any other XPath Filter 2.0 program could leave signed-looking content unsigned.
                            problem(s, "XML_UNSAFE_TRANSFORM", alg + " (only subtract /descendant::ds:Signature)", true);
                        }
                        withoutSignatures = true;
                    }
                    enveloped |= Dsig.ENVELOPED.equals(alg);
                }
            }
            if (!ref.hasAttribute("URI")) {
                problem(s, "XML_EXTERNAL_REFERENCE", "reference without URI", true);
                continue;
            }
            String uri = ref.getAttribute("URI");
            String type = ref.getAttribute("Type");
            if (uri.isEmpty() || "#xpointer(/)".equals(uri)) {
                s.signedPaths.add("/");
                s.signedElements.add(doc.getDocumentElement());
                s.wholeDocumentEnveloped |= enveloped || withoutSignatures;
                if (!withoutSignatures) {
                    s.coversNewSignatures.add(doc.getDocumentElement());
                }
            } else if (uri.startsWith("#")) {
                String id = uri.substring(1);
                if (id.startsWith("xpointer(id('") && id.endsWith("'))")) {
                    id = id.substring(13, id.length() - 3);
                }
                List<Element> found = ids.get(id);
                if (found == null || found.isEmpty()) {
                    problem(s, "XML_REFERENCE_NOT_FOUND", uri, false);
                } else if (found.size() > 1) {
                    problem(s, "XML_DUPLICATE_ID", uri + " (" + found.size() + " elements)", true);
                } else if (!type.endsWith("#SignedProperties")) {
                    // XAdES signed properties are the signature's own; everything else is signed content.
                    s.signedPaths.add(Dom.path(found.get(0)));
                    s.signedElements.add(found.get(0));
                    if (!withoutSignatures) {
                        s.coversNewSignatures.add(found.get(0));
                    }
                }
            } else if (detachedName == null && isRelativeName(uri)) {
                // A detached signature over a file the caller did not give: refused before anything else.
                s.detachedReference = uri;
                problem(s, "XML_EXTERNAL_REFERENCE", uri.length() > 100 ? uri.substring(0, 100) + "..." : uri, true);
            } else if (detachedName == null || !isRelativeName(uri)) {
                // Never dereferenced: only the detached data the caller gave, by its name.
                problem(s, "XML_EXTERNAL_REFERENCE", uri.length() > 100 ? uri.substring(0, 100) + "..." : uri, true);
            } else {
                s.signedPaths.add("file:" + uri);
            }
        }
    }

    /**
     * The SigningTime property of an XMLDSig signature when a reference of the signature covers it (read as
     * Vietnam time when it has no offset, as e-invoices write it); null when absent, unsigned or unreadable.
     */
    private static Instant signedSigningTime(Sig s) {
        for (Element object : Dom.children(s.element, "Object")) {
            for (Element props : Dom.children(object, "SignatureProperties")) {
                for (Element prop : Dom.children(props, "SignatureProperty")) {
                    for (Element time : Dom.children(prop, "SigningTime")) {
                        if (coveredBy(s, time, object)) {
                            return parseTime(time.getTextContent().trim());
                        }
                    }
                }
            }
        }
        return null;
    }

    /** Whether a reference of {@code s} covers {@code e} (itself or an ancestor up to {@code top}). */
    private static boolean coveredBy(Sig s, Element e, Element top) {
        for (Node n = e; n instanceof Element; n = n.getParentNode()) {
            if (s.signedElements.contains(n)) {
                return true;
            }
            if (n == top) {
                break;
            }
        }
        return false;
    }

    private static Instant parseTime(String text) {
        try {
            return LocalDateTime.parse(text).atOffset(ZoneOffset.ofHours(7)).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return OffsetDateTime.parse(text).toInstant();
            } catch (DateTimeParseException e2) {
                return null;
            }
        }
    }

    /**
     * Whether an XPath Filter 2.0 transform is exactly "subtract every ds:Signature" (what DSS writes for
     * enveloped signatures that allow parallel ones): one XPath, Filter="subtract", the expression
     * {@code /descendant::P:Signature} or {@code //P:Signature} with P bound to the XMLDSig namespace.
     */
    static boolean subtractsSignatures(Element transform) {
        List<Element> xpaths = new ArrayList<>();
        for (org.w3c.dom.Node c = transform.getFirstChild(); c != null; c = c.getNextSibling()) {
            if (c.getNodeType() == org.w3c.dom.Node.ELEMENT_NODE) {
                xpaths.add((Element) c);
            } else if (c.getNodeType() != org.w3c.dom.Node.TEXT_NODE || !c.getNodeValue().isBlank()) {
                return false;
            }
        }
        if (xpaths.size() != 1) {
            return false;
        }
        Element x = xpaths.get(0);
        if (!FILTER2.equals(x.getNamespaceURI()) || !"XPath".equals(x.getLocalName()) || !"subtract".equals(x.getAttribute("Filter"))) {
            return false;
        }
        String expr = x.getTextContent().trim();
        String prefix;
        if (expr.startsWith("/descendant::")) {
            prefix = expr.substring("/descendant::".length());
        } else if (expr.startsWith("//")) {
            prefix = expr.substring(2);
        } else {
            return false;
        }
        if (!prefix.endsWith(":Signature")) {
            return false;
        }
        prefix = prefix.substring(0, prefix.length() - ":Signature".length());
        return Dom.DS.equals(x.lookupNamespaceURI(prefix));
    }

    private static boolean isRelativeName(String uri) {
        return !uri.contains(":") && !uri.startsWith("/") && !uri.contains("..") && !uri.contains("\\");
    }

    /** Children a ds:Signature, its SignedInfo, and the XAdES containers below QualifyingProperties may hold once. */
    private static final Set<String> SIGNATURE_ONCE = Set.of("SignedInfo", "SignatureValue", "KeyInfo");
    private static final Set<String> SIGNED_INFO_ONCE = Set.of("CanonicalizationMethod", "SignatureMethod");
    private static final Set<String> XADES_ONCE = Set.of("SignedProperties", "UnsignedProperties",
            "SignedSignatureProperties", "SignedDataObjectProperties", "UnsignedSignatureProperties",
            "SigningTime", "SigningCertificate", "SigningCertificateV2", "SignaturePolicyIdentifier",
            "SignatureProductionPlace", "SignatureProductionPlaceV2", "SignerRole", "SignerRoleV2");

    /** The first of {@code names} that occurs more than once among the children of {@code parent}, or null. */
    private static String repeated(Element parent, Set<String> names) {
        Set<String> seen = new HashSet<>();
        for (Node c = parent.getFirstChild(); c != null; c = c.getNextSibling()) {
            if (c.getNodeType() == Node.ELEMENT_NODE && names.contains(c.getLocalName()) && !seen.add(c.getLocalName())) {
                return c.getLocalName();
            }
        }
        return null;
    }

    /** A XAdES container repeated anywhere below a QualifyingProperties (not inside counter-signatures), or null. */
    private static String repeatedBelow(Element e) {
        String r = repeated(e, XADES_ONCE);
        for (Node c = e.getFirstChild(); r == null && c != null; c = c.getNextSibling()) {
            if (c.getNodeType() == Node.ELEMENT_NODE && !"Signature".equals(c.getLocalName())) {
                r = repeatedBelow((Element) c);
            }
        }
        return r;
    }

    static Element first(Element parent, String local) {
        List<Element> c = Dom.children(parent, local);
        return c.isEmpty() ? null : c.get(0);
    }

    static void problem(Sig s, String key, String detail, boolean unsafe) {
        s.problems.add(Messages.of(key, detail));
        s.unsafe |= unsafe;
    }
}
