package vn.kyso.xml;

import vn.kyso.api.report.VerificationReport;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.apache.xml.security.c14n.Canonicalizer;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import vn.kyso.api.KysoException;
import vn.kyso.api.report.Verdict;
import vn.kyso.api.token.SigningKey;
import vn.kyso.testkit.Sandbox;
import vn.kyso.xml.internal.Dom;

/**
 * Mutating a signed document (attributes, text, element order and names, Ids, namespaces, comments,
 * attribute order and whitespace inside tags) never leaves it VALID when the signed content changed.
 * "Changed" is decided independently of the verifier: the canonical form (with each reference's own
 * canonicalisation) of what a consumer reads at the signed places, the SignedInfo and the signature
 * value, before and after. Mutations that canonicalisation does not see (attribute order, whitespace
 * inside tags, unused namespace declarations under exclusive C14N) may stay VALID. A consumer is fooled
 * only by what it finds: a signed place that now holds different content, or that occurs more than once
 * (it cannot know which one was signed), counts as changed; a place it no longer finds at all (the root
 * renamed, the signed element removed) cannot mislead it and is not asserted on.
 */
class XmlMutationPropertiesTest {
    static Sandbox sb;
    static XmlCheck verifier;
    static final List<Signed> DOCS = new ArrayList<>();

    /** A signed document, where a consumer reads its signed parts, and their canonical forms. */
    static final class Signed {
        final String xml;
        final String[] dataPath;
        final String[] signaturePath;
        final String dataC14n;
        final String propertiesC14n;
        final String signedInfoC14n;
        final List<String> view;

        Signed(byte[] signed, String[] dataPath, String[] signaturePath) {
            this.xml = new String(signed, StandardCharsets.UTF_8);
            this.dataPath = dataPath;
            this.signaturePath = signaturePath;
            Document d = parse(xml);
            Element si = only(at(d, signaturePath), Dom.DS, "SignedInfo");
            List<Element> refs = Dom.children(si, "Reference");
            this.dataC14n = lastTransform(refs.get(0));
            this.propertiesC14n = lastTransform(refs.get(1));
            this.signedInfoC14n = only(si, Dom.DS, "CanonicalizationMethod").getAttribute("Algorithm");
            this.view = signedView(xml);
        }

        static String lastTransform(Element ref) {
            List<Element> ts = Dom.children(Dom.child(ref, "Transforms"), "Transform");
            return ts.get(ts.size() - 1).getAttribute("Algorithm");
        }

        /** What the signature protects, as a consumer finds it by position; null entries where it is not there. */
        List<String> signedView(String text) {
            try {
                return signedParts(parse(text));
            } catch (KysoException e) {
                return List.of("unparsable");
            } catch (Ambiguous e) {
                return List.of("ambiguous");
            }
        }

        private List<String> signedParts(Document d) {
            List<String> out = new ArrayList<>();
            Element sig = at(d, signaturePath);
            if (dataPath == null) {
                Document copy = (Document) d.cloneNode(true);
                NodeList sigs = copy.getElementsByTagNameNS(Dom.DS, "Signature");
                while (sigs.getLength() > 0) {
                    sigs.item(0).getParentNode().removeChild(sigs.item(0));
                }
                out.add(c14n(copy, dataC14n));
            } else {
                out.add(c14n(at(d, dataPath), dataC14n));
            }
            Element si = only(sig, Dom.DS, "SignedInfo");
            out.add(c14n(si, signedInfoC14n));
            List<Element> qps = new ArrayList<>();
            for (Element object : sig == null ? List.<Element>of() : Dom.children(sig, "Object")) {
                qps.addAll(Dom.children(object, "QualifyingProperties"));
            }
            Element qp = single(qps);
            out.add(c14n(only(qp, Dom.XADES, "SignedProperties"), propertiesC14n));
            Element value = only(sig, Dom.DS, "SignatureValue");
            out.add(value == null ? null : decode(value.getTextContent()));
            return out;
        }
    }

    enum Kind {
        ATTRIBUTE_VALUE, ATTRIBUTE_ADDED, ATTRIBUTE_REMOVED, TEXT_CHANGED, WHITESPACE_BETWEEN_ELEMENTS, ELEMENTS_SWAPPED,
        ELEMENT_RENAMED, ELEMENT_REMOVED, ELEMENT_DUPLICATED, ID_CHANGED, ID_COPIED, NAMESPACE_DECLARED, COMMENT_INSERTED,
        ATTRIBUTES_REORDERED_IN_TEXT, WHITESPACE_INSIDE_TAG
    }

    /** One mutation: what, where (indexes reduced modulo the candidates) and a character to use. */
    static final class Mutation {
        final int doc;
        final Kind kind;
        final int target;
        final int other;
        final char ch;

        Mutation(int doc, Kind kind, int target, int other, char ch) {
            this.doc = doc;
            this.kind = kind;
            this.target = target;
            this.other = other;
            this.ch = ch;
        }

        @Override
        public String toString() {
            return kind + "(doc " + doc + ", target " + target + ", other " + other + ", '" + ch + "')";
        }
    }

    @BeforeContainer
    static void start() {
        sb = Sandbox.start();
        SigningKey key = XmlFixtures.key(sb.person1());
        verifier = XmlFixtures.verifier(sb);
        XmlSigner signer = XmlSigner.builder().build();
        byte[] invoice = signer.sign(XmlFixtures.invoice("data", "Công ty Mua").getBytes(StandardCharsets.UTF_8), key,
                XmlSignatureOptions.builder().elementId("data").signatureParent("/HDon/DSCKS/NBan").build()).signed();
        DOCS.add(new Signed(invoice, new String[] {"HDon", "DLHDon"}, new String[] {"HDon", "DSCKS", "NBan", "Signature"}));
        byte[] whole = signer.sign(("<CongVan xmlns:vb=\"urn:kyso:vanban\"><vb:So>45/QĐ-BKHCN</vb:So><NoiDung lang=\"vi\">Quyết định"
                + " <b>ban hành</b> quy chế</NoiDung><NguoiKy>Nguyễn Văn An</NguoiKy></CongVan>").getBytes(StandardCharsets.UTF_8), key,
                XmlSignatureOptions.defaults()).signed();
        DOCS.add(new Signed(whole, null, new String[] {"CongVan", "Signature"}));
        for (Signed s : DOCS) {
            VerificationReport v = verifier.verify(s.xml.getBytes(StandardCharsets.UTF_8));
            assertEquals(Verdict.VALID, v.verdict(), "the unmutated document must be VALID: " + XmlVerifyTest.describe(v));
            assertEquals(s.view, s.signedView(s.xml));
        }
    }

    @AfterContainer
    static void stop() {
        if (sb != null) {
            sb.close();
        }
    }

    @Provide
    Arbitrary<Mutation> mutations() {
        return Combinators.combine(Arbitraries.integers().between(0, 1), Arbitraries.of(Kind.class),
                Arbitraries.integers().between(0, 100_000), Arbitraries.integers().between(0, 100_000),
                Arbitraries.chars().range('a', 'z')).as(Mutation::new);
    }

    @Property(tries = 200)
    void neverValidWhenTheSignedContentChanged(@ForAll("mutations") Mutation m) {
        Signed s = DOCS.get(m.doc);
        String mutated = apply(s.xml, m);
        boolean changed = misleads(s.view, s.signedView(mutated));
        Verdict verdict;
        try {
            verdict = verifier.verify(mutated.getBytes(StandardCharsets.UTF_8)).verdict();
        } catch (KysoException e) {
            verdict = null; // a typed error is a fine outcome
        }
        Statistics.label("signed content").collect(changed ? "changed" : "unchanged");
        Statistics.label("outcome").collect(changed ? "changed" : "unchanged", verdict == null ? "error" : verdict.name());
        if (changed) {
            assertNotEquals(Verdict.VALID, verdict, m + "\n" + mutated);
        }
        Statistics.label("signed content").coverage(c -> {
            c.check("changed").percentage(p -> p >= 40);
            c.check("unchanged").count(n -> n >= 5);
        });
    }

    /** Whether a consumer reading the mutated document finds signed parts that differ from the original ones. */
    static boolean misleads(List<String> original, List<String> mutated) {
        if (mutated.size() != original.size()) {
            return true; // unparsable or ambiguous
        }
        for (int i = 0; i < original.size(); i++) {
            if (mutated.get(i) != null && !mutated.get(i).equals(original.get(i))) {
                return true;
            }
        }
        return false;
    }

    static String apply(String xml, Mutation m) {
        if (m.kind == Kind.ATTRIBUTES_REORDERED_IN_TEXT || m.kind == Kind.WHITESPACE_INSIDE_TAG) {
            return applyToText(xml, m);
        }
        Document d = parse(xml);
        List<Element> all = new ArrayList<>();
        NodeList nodes = d.getElementsByTagName("*");
        for (int i = 0; i < nodes.getLength(); i++) {
            all.add((Element) nodes.item(i));
        }
        Element e = all.get(m.target % all.size());
        Element nonRoot = e == d.getDocumentElement() ? all.get(1 + m.target % (all.size() - 1)) : e;
        switch (m.kind) {
            case ATTRIBUTE_VALUE:
            case ATTRIBUTE_REMOVED: {
                List<Attr> attrs = attributes(e);
                if (attrs.isEmpty()) {
                    e.setAttribute("k" + m.ch, "v");
                } else if (m.kind == Kind.ATTRIBUTE_VALUE) {
                    Attr a = attrs.get(m.other % attrs.size());
                    a.setValue(a.getValue() + m.ch);
                } else {
                    e.removeAttributeNode(attrs.get(m.other % attrs.size()));
                }
                break;
            }
            case ATTRIBUTE_ADDED:
                e.setAttribute("k" + m.ch, String.valueOf(m.other));
                break;
            case TEXT_CHANGED: {
                Node text = null;
                for (Node c = e.getFirstChild(); c != null; c = c.getNextSibling()) {
                    if (c.getNodeType() == Node.TEXT_NODE && !c.getNodeValue().isBlank()) {
                        text = c;
                    }
                }
                if (text == null) {
                    e.appendChild(d.createTextNode(String.valueOf(m.ch)));
                } else {
                    String v = text.getNodeValue();
                    int i = m.other % v.length();
                    char replacement = v.charAt(i) == m.ch ? (char) (m.ch == 'z' ? 'a' : m.ch + 1) : m.ch;
                    text.setNodeValue(v.substring(0, i) + replacement + v.substring(i + 1));
                }
                break;
            }
            case WHITESPACE_BETWEEN_ELEMENTS:
                nonRoot.getParentNode().insertBefore(d.createTextNode("\n  "), nonRoot);
                break;
            case ELEMENTS_SWAPPED: {
                Element next = nextElement(nonRoot);
                if (next != null) {
                    nonRoot.getParentNode().insertBefore(next, nonRoot);
                } else {
                    Node parent = nonRoot.getParentNode();
                    parent.insertBefore(nonRoot, parent.getFirstChild());
                    if (parent.getFirstChild() == nonRoot && nextElement(nonRoot) == null) {
                        parent.appendChild(d.createElementNS(nonRoot.getNamespaceURI(), nonRoot.getTagName()));
                    }
                }
                break;
            }
            case ELEMENT_RENAMED:
                d.renameNode(e, e.getNamespaceURI(), e.getTagName() + m.ch);
                break;
            case ELEMENT_REMOVED:
                nonRoot.getParentNode().removeChild(nonRoot);
                break;
            case ELEMENT_DUPLICATED:
                nonRoot.getParentNode().insertBefore(nonRoot.cloneNode(true), nonRoot.getNextSibling());
                break;
            case ID_CHANGED:
            case ID_COPIED: {
                List<Attr> ids = new ArrayList<>();
                for (Element x : all) {
                    for (Attr a : attributes(x)) {
                        if (Dom.isIdName(a)) {
                            ids.add(a);
                        }
                    }
                }
                Attr id = ids.get(m.other % ids.size());
                if (m.kind == Kind.ID_CHANGED) {
                    id.setValue(id.getValue() + m.ch);
                } else {
                    e.setAttribute(id.getName(), id.getValue());
                }
                break;
            }
            case NAMESPACE_DECLARED:
                e.setAttributeNS("http://www.w3.org/2000/xmlns/", "xmlns:k" + m.ch, "urn:kyso:" + m.ch);
                break;
            case COMMENT_INSERTED:
                e.insertBefore(d.createComment(" ghi chú " + m.ch + " "), e.getFirstChild());
                break;
            default:
                throw new IllegalStateException(m.kind.name());
        }
        return new String(Dom.serialize(d), StandardCharsets.UTF_8);
    }

    private static final Pattern START_TAG = Pattern.compile("<([A-Za-z_][\\w.:-]*)((?:\\s+[\\w.:-]+=\"[^\"]*\")+)\\s*(/?)>");
    private static final Pattern ATTRIBUTE = Pattern.compile("\\s+([\\w.:-]+=\"[^\"]*\")");

    /** Changes that only the serialisation sees: attribute order, whitespace between attributes. */
    static String applyToText(String xml, Mutation m) {
        Matcher tags = START_TAG.matcher(xml);
        List<int[]> found = new ArrayList<>();
        while (tags.find()) {
            found.add(new int[] {tags.start(), tags.end()});
        }
        int[] t = found.get(m.target % found.size());
        Matcher tag = START_TAG.matcher(xml.substring(t[0], t[1]));
        if (!tag.matches()) {
            throw new IllegalStateException(xml.substring(t[0], t[1]));
        }
        List<String> attrs = new ArrayList<>();
        Matcher a = ATTRIBUTE.matcher(tag.group(2));
        while (a.find()) {
            attrs.add(a.group(1));
        }
        String rebuilt;
        if (m.kind == Kind.ATTRIBUTES_REORDERED_IN_TEXT) {
            java.util.Collections.rotate(attrs, 1 + m.other % Math.max(1, attrs.size()));
            rebuilt = "<" + tag.group(1) + " " + String.join(" ", attrs) + tag.group(3) + ">";
        } else {
            rebuilt = "<" + tag.group(1) + "\n\t " + String.join("  \n ", attrs) + " \t" + tag.group(3) + ">";
        }
        return xml.substring(0, t[0]) + rebuilt + xml.substring(t[1]);
    }

    static List<Attr> attributes(Element e) {
        List<Attr> out = new ArrayList<>();
        NamedNodeMap attrs = e.getAttributes();
        for (int i = 0; i < attrs.getLength(); i++) {
            Attr a = (Attr) attrs.item(i);
            if (!"http://www.w3.org/2000/xmlns/".equals(a.getNamespaceURI())) {
                out.add(a);
            }
        }
        return out;
    }

    static Element nextElement(Node n) {
        for (Node s = n.getNextSibling(); s != null; s = s.getNextSibling()) {
            if (s.getNodeType() == Node.ELEMENT_NODE) {
                return (Element) s;
            }
        }
        return null;
    }

    static Document parse(String xml) {
        return SecureXml.parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    /** The element a consumer reads at a path of local names: exactly one at each step, or null. */
    /** A signed place that occurs more than once: a consumer cannot tell which one was signed. */
    static final class Ambiguous extends RuntimeException {
        Ambiguous() {
            super(null, null, false, false);
        }
    }

    /** The element at that path of local names, or null when there is none; {@link Ambiguous} when there are several. */
    static Element at(Document d, String[] path) {
        Element cur = d.getDocumentElement();
        if (cur == null || !path[0].equals(cur.getLocalName())) {
            return null;
        }
        for (int i = 1; i < path.length && cur != null; i++) {
            cur = single(Dom.children(cur, path[i]));
        }
        return cur;
    }

    static Element only(Element parent, String ns, String local) {
        if (parent == null) {
            return null;
        }
        Element e = single(Dom.children(parent, local));
        return e != null && ns.equals(e.getNamespaceURI()) ? e : null;
    }

    static Element single(List<Element> c) {
        if (c.size() > 1) {
            throw new Ambiguous();
        }
        return c.isEmpty() ? null : c.get(0);
    }

    static String c14n(Node n, String algorithm) {
        if (n == null) {
            return null;
        }
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            Canonicalizer.getInstance(algorithm).canonicalizeSubtree(n, out);
            return out.toString(StandardCharsets.UTF_8);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String decode(String base64) {
        try {
            return Base64.getEncoder().encodeToString(Base64.getDecoder().decode(base64.replaceAll("[ \t\r\n]", "")));
        } catch (IllegalArgumentException e) {
            return "undecodable";
        }
    }
}
