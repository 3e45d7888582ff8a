package vn.kyso.xml.internal;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import vn.kyso.xml.XmlProfile;

/**
 * The rules of the e-invoice, e-tax and edXML profiles: which slot of the document holds which party's
 * signature, and what that signature must cover, exactly. Signing (the profile APIs) and verification
 * both read them from here. Internal.
 */
public final class Profiles {
    public static final String SELLER = "seller";
    public static final String BUYER = "buyer";
    public static final String TAX_AUTHORITY = "tax-authority";
    public static final String OTHER = "other";
    public static final String DECLARANT = "declarant";
    public static final String SENDER = "sender";

    /** E-invoice: the child of {@code /HDon/DSCKS} holding each party's signature. */
    public static final Map<String, String> EINVOICE_SLOTS;

    static {
        Map<String, String> m = new LinkedHashMap<>();
        m.put(SELLER, "NBan");
        m.put(BUYER, "NMua");
        m.put(TAX_AUTHORITY, "CQT");
        m.put(OTHER, "CCKSKhac");
        EINVOICE_SLOTS = java.util.Collections.unmodifiableMap(m);
    }

    /** E-invoice: the signed invoice data, the tax authority's code. */
    public static final String INVOICE_DATA = "DLHDon";
    public static final String TAX_CODE = "MCCQT";
    /** E-tax: the declaration and the element holding its signature. */
    public static final String DECLARATION = "HSoKhaiThue";
    public static final String DECLARATION_SIGNATURE = "CKyDTu";
    /** edXML: the element holding the sender's signature, as a path from the root. */
    public static final String EDXML_SIGNATURE_PARENT = "/edXML/edXMLEnvelope/edXMLHeader";

    private Profiles() {
    }

    /** The report's party for a role name, or null for null. */
    public static vn.kyso.api.report.Party party(String role) {
        if (role == null) {
            return null;
        }
        for (vn.kyso.api.report.Party p : vn.kyso.api.report.Party.values()) {
            if (p.code().equals(role)) {
                return p;
            }
        }
        throw new IllegalStateException("unknown role " + role);
    }

    /** The report's profile for an XML profile (GENERIC is none). */
    public static vn.kyso.api.report.Profile profile(XmlProfile p) {
        switch (p) {
            case EINVOICE: return vn.kyso.api.report.Profile.EINVOICE;
            case ETAX: return vn.kyso.api.report.Profile.ETAX;
            case EDXML: return vn.kyso.api.report.Profile.EDXML;
            default: return vn.kyso.api.report.Profile.NONE;
        }
    }

    /** The XML profile a report profile forces. */
    public static XmlProfile xmlProfile(vn.kyso.api.report.Profile p) {
        switch (p) {
            case EINVOICE: return XmlProfile.EINVOICE;
            case ETAX: return XmlProfile.ETAX;
            case EDXML: return XmlProfile.EDXML;
            default: return XmlProfile.GENERIC;
        }
    }

    /** Adds XML_PROFILE_SCOPE problems to signatures that do not cover what the profile requires; returns roles. */
    static Map<XmlStructure.Sig, String> check(XmlProfile p, Document doc, List<XmlStructure.Sig> sigs) {
        Map<XmlStructure.Sig, String> roles = new IdentityHashMap<>();
        Element root = doc.getDocumentElement();
        for (XmlStructure.Sig s : sigs) {
            String role = role(p, root, s.element);
            if (role == null) {
                continue; // counter-signatures and other places: the generic checks only
            }
            roles.put(s, role);
            if (!slotIsUnique(p, root, s.element)) {
                // Two places a consumer could read the same party from: which one it reads is not certain.
                XmlStructure.problem(s, "XML_PROFILE_SLOT_AMBIGUOUS", role + ": " + Dom.path(parentElement(s.element)), false);
            }
            String missing = scopeProblem(p, role, root, s);
            if (missing != null) {
                XmlStructure.problem(s, "XML_PROFILE_SCOPE", role + ": " + missing, false);
            }
            // XAdES carries its own signed SigningTime (required by the ETSI policy); XMLDSig needs the property.
            if (SELLER.equals(role) && !s.xades && s.signingTime == null) {
                XmlStructure.problem(s, "XML_SIGNING_TIME_MISSING", null, false);
            }
        }
        return roles;
    }

    /** The party a signature at that place speaks for, or null when the profile gives the place no role. */
    private static String role(XmlProfile p, Element root, Element signature) {
        Element parent = parentElement(signature);
        if (parent == null) {
            return null;
        }
        switch (p) {
            case EINVOICE:
                if (isChildOfRoot(parentElement(parent), root, "DSCKS")) {
                    for (Map.Entry<String, String> e : EINVOICE_SLOTS.entrySet()) {
                        if (e.getValue().equals(parent.getLocalName())) {
                            return e.getKey();
                        }
                    }
                }
                return null;
            case ETAX:
                return isChildOfRoot(parent, root, DECLARATION_SIGNATURE) ? DECLARANT : null;
            case EDXML:
                return "edXMLHeader".equals(parent.getLocalName()) ? SENDER : null;
            default:
                return null;
        }
    }

    /**
     * Whether the element holding the signature is the only one of its name on its path from the root
     * (one {@code DSCKS} with one {@code NBan}, one {@code CKyDTu}, one {@code edXMLEnvelope/edXMLHeader}).
     */
    private static boolean slotIsUnique(XmlProfile p, Element root, Element signature) {
        for (Element e = parentElement(signature); e != null && e != root; e = parentElement(e)) {
            Element parent = parentElement(e);
            if (parent == null || Dom.children(parent, e.getLocalName()).size() != 1) {
                return false;
            }
        }
        return true;
    }

    /** What is wrong with the signature's scope for its role, or null when it covers exactly what it must. */
    private static String scopeProblem(XmlProfile p, String role, Element root, XmlStructure.Sig s) {
        List<Element> content = content(s);
        switch (p) {
            case EINVOICE: {
                Element data = onlyChild(root, INVOICE_DATA);
                String dataPath = "/HDon[1]/" + INVOICE_DATA + "[1]";
                if (data == null) {
                    return "no single " + dataPath;
                }
                if (TAX_AUTHORITY.equals(role)) {
                    Element code = onlyChild(root, TAX_CODE);
                    boolean ok = code != null && content.contains(code)
                            && content.stream().allMatch(e -> e == code || e == data);
                    return ok ? null : "must sign /HDon[1]/" + TAX_CODE + "[1] (and may sign " + dataPath + ") only";
                }
                if (content.size() == 1 && content.get(0) == data) {
                    return null;
                }
                boolean whole = !SELLER.equals(role) && s.wholeDocumentEnveloped && content.size() == 1 && content.get(0) == root;
                return whole ? null : "must sign " + dataPath + (SELLER.equals(role) ? "" : " or the whole invoice") + " only";
            }
            case ETAX: {
                Element decl = onlyChild(root, DECLARATION);
                String path = "/" + root.getLocalName() + "[1]/" + DECLARATION + "[1]";
                return decl != null && content.size() == 1 && content.get(0) == decl ? null : "must sign " + path + " only";
            }
            case EDXML: {
                Element parent = parentElement(s.element);
                Element envelope = parentElement(parent);
                boolean placed = envelope != null && "edXMLEnvelope".equals(envelope.getLocalName()) && envelope.getParentNode() == root;
                boolean whole = s.wholeDocumentEnveloped && content.size() == 1 && content.get(0) == root;
                return placed && whole ? null : "must be enveloped over the whole message (URI=\"\") in /edXML/edXMLEnvelope/edXMLHeader";
            }
            default:
                return null;
        }
    }

    /** The signed elements other than the signature's own ds:Object content (such as its SigningTime). */
    private static List<Element> content(XmlStructure.Sig s) {
        List<Element> out = new ArrayList<>();
        for (Element e : s.signedElements) {
            if (!isInside(e, s.element)) {
                out.add(e);
            }
        }
        return out;
    }

    private static boolean isInside(Node n, Element ancestor) {
        for (Node c = n; c != null; c = c.getParentNode()) {
            if (c == ancestor) {
                return true;
            }
        }
        return false;
    }

    private static Element parentElement(Element e) {
        Node n = e == null ? null : e.getParentNode();
        return n instanceof Element ? (Element) n : null;
    }

    private static boolean isChildOfRoot(Element e, Element root, String name) {
        return e != null && name.equals(e.getLocalName()) && e.getParentNode() == root;
    }

    /**
     * E-invoice: the tax code (MST) the invoice data gives for the party whose signature this is
     * ({@code DLHDon/NDHDon/NBan/MST} for the seller, {@code .../NMua/MST} for the buyer), or null.
     */
    static String partyTaxCode(XmlProfile p, Document doc, String role) {
        if (p != XmlProfile.EINVOICE || !(SELLER.equals(role) || BUYER.equals(role))) {
            return null;
        }
        Element e = onlyChild(doc.getDocumentElement(), INVOICE_DATA);
        for (String name : new String[] {"NDHDon", SELLER.equals(role) ? "NBan" : "NMua", "MST"}) {
            e = e == null ? null : onlyChild(e, name);
        }
        String mst = e == null ? "" : e.getTextContent().trim();
        return mst.isEmpty() ? null : mst;
    }

    /** The value of an element's Id attribute ({@code Id}, {@code ID} or {@code id}), or null. */
    public static String idOf(Element e) {
        for (String name : new String[] {"Id", "ID", "id"}) {
            if (e.hasAttributeNS(null, name)) {
                return e.getAttributeNS(null, name);
            }
        }
        return null;
    }

    /** The only child of that name, or null when there is none or several (several is wrapping). */
    public static Element onlyChild(Element root, String name) {
        List<Element> c = Dom.children(root, name);
        return c.size() == 1 ? c.get(0) : null;
    }
}
