package vn.kyso.xml.internal;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import vn.kyso.xml.XmlProfile;

/** The placement rules of the e-invoice, e-tax and edXML profiles. Internal. */
final class Profiles {
    private Profiles() {
    }

    /** Adds XML_PROFILE_SCOPE problems to signatures that do not cover what the profile requires; returns roles. */
    static Map<XmlStructure.Sig, String> check(XmlProfile p, Document doc, List<XmlStructure.Sig> sigs) {
        Map<XmlStructure.Sig, String> roles = new IdentityHashMap<>();
        Element root = doc.getDocumentElement();
        switch (p) {
            case EINVOICE: {
                Element data = onlyChild(root, "DLHDon");
                for (XmlStructure.Sig s : sigs) {
                    Element parent = parentElement(s.element);
                    String role = null;
                    if (parent != null && isUnder(parent, root, "DSCKS")) {
                        switch (parent.getLocalName()) {
                            case "NBan": role = "seller"; break;
                            case "NMua": role = "buyer"; break;
                            case "CQT": role = "tax-authority"; break;
                            case "CCKSKhac": role = "other"; break;
                            default: role = null;
                        }
                    }
                    if (role == null) {
                        continue; // counter-signatures and unknown places: generic checks only
                    }
                    roles.put(s, role);
                    boolean coversData = data != null && s.signedElements.contains(data);
                    boolean coversAll = s.wholeDocumentEnveloped && s.signedPaths.contains("/");
                    if ("seller".equals(role) ? !coversData : !(coversData || coversAll)) {
                        XmlStructure.problem(s, "XML_PROFILE_SCOPE", role + " must sign " + XmlValidation.pathOf("HDon", "DLHDon"), false);
                    }
                }
                break;
            }
            case ETAX: {
                Element decl = onlyChild(root, "HSoKhaiThue");
                for (XmlStructure.Sig s : sigs) {
                    Element parent = parentElement(s.element);
                    if (parent != null && "CKyDTu".equals(parent.getLocalName()) && parent.getParentNode() == root) {
                        roles.put(s, "declarant");
                        if (decl == null || !s.signedElements.contains(decl)) {
                            XmlStructure.problem(s, "XML_PROFILE_SCOPE", "the declaration signature must sign /" + root.getLocalName() + "[1]/HSoKhaiThue[1]", false);
                        }
                    }
                }
                break;
            }
            case EDXML: {
                for (XmlStructure.Sig s : sigs) {
                    Element parent = parentElement(s.element);
                    if (parent != null && "edXMLHeader".equals(parent.getLocalName())) {
                        roles.put(s, "sender");
                        if (!s.wholeDocumentEnveloped || parent.getParentNode() == null
                                || parent.getParentNode().getParentNode() != root) {
                            XmlStructure.problem(s, "XML_PROFILE_SCOPE", "the edXML signature must be enveloped over the whole message (URI=\"\")", false);
                        }
                    }
                }
                break;
            }
            default:
                break;
        }
        return roles;
    }

    private static Element parentElement(Element e) {
        Node n = e.getParentNode();
        return n instanceof Element ? (Element) n : null;
    }

    private static boolean isUnder(Element parent, Element root, String name) {
        Node g = parent.getParentNode();
        return g instanceof Element && name.equals(g.getLocalName()) && g.getParentNode() == root;
    }

    /** The only child of that name, or null when there is none or several (several is wrapping). */
    private static Element onlyChild(Element root, String name) {
        List<Element> c = Dom.children(root, name);
        return c.size() == 1 ? c.get(0) : null;
    }
}
