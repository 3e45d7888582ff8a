package vn.kyso.xml.internal;

import eu.europa.esig.dss.model.DSSDocument;
import eu.europa.esig.dss.spi.signature.AdvancedSignature;
import eu.europa.esig.dss.xades.validation.XMLDocumentValidator;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import vn.kyso.api.ErrorCode;
import vn.kyso.api.KysoException;
import vn.kyso.core.internal.SigningSupport;
import vn.kyso.xml.XmlSignatureOptions;

/**
 * Where an XML signature goes and what it signs: the signed element found by path, the parent of an
 * enveloped signature (created along a simple path), the signature a counter-signature targets, and the
 * refusal to break an existing signature by placing a new one inside what it signs. Internal.
 */
final class XmlPlacement {
    /** A signature parent given as a simple path of local names such as /HDon/DSCKS/NBan. */
    private static final Pattern SIMPLE_PATH = Pattern.compile("(/[A-Za-z_][\\w.-]*)+");

    private XmlPlacement() {
    }

    /** A simple /A/B path in DSS's namespace-aware XPath: by local names. */
    static String dssXPath(String p) {
        if (SIMPLE_PATH.matcher(p).matches()) {
            StringBuilder sb = new StringBuilder();
            for (String n : p.substring(1).split("/")) {
                sb.append("/*[local-name()='").append(n).append("']");
            }
            return sb.toString();
        }
        return p;
    }
    /**
     * The options with {@link XmlSignatureOptions#elementPath()} replaced by the Id of the one element it
     * selects in this document (unchanged when there is no path). The element must carry a unique Id: the
     * reference points at it by Id, and nothing is added to the document.
     */
    static XmlSignatureOptions withElementResolved(byte[] doc, XmlSignatureOptions o) {
        String path = o.elementPath();
        if (path == null) {
            return o;
        }
        Document d = Dom.parse(doc);
        Element e = Dom.selectOne(d, dssXPath(path));
        String id = Dom.idOf(e);
        if (id == null) {
            throw KysoException.localized(ErrorCode.INVALID_ARGUMENT, null, "phần tử " + Dom.path(e) + " được chọn bởi "
                    + path + " không có thuộc tính định danh: hãy thêm định danh cho nó, hoặc ký toàn bộ tài liệu",
                    "element " + Dom.path(e) + " selected by " + path
                    + " has no Id attribute: give it one, or sign the whole document");
        }
        Dom.uniqueById(d, id);
        return o.toBuilder().elementPath(null).elementId(id).build();
    }
    /** The element an enveloped signature goes under; a simple path such as /HDon/DSCKS/NBan is created if missing. */
    static Element parent(Document d, XmlSignatureOptions o) {
        String p = o.signatureParent();
        if (p == null) {
            return d.getDocumentElement();
        }
        if (SIMPLE_PATH.matcher(p).matches()) {
            String[] names = p.substring(1).split("/");
            Element cur = d.getDocumentElement();
            if (!names[0].equals(cur.getLocalName())) {
                throw KysoException.localized(ErrorCode.INVALID_ARGUMENT, null, "vị trí đặt chữ ký " + p
                        + ": phần tử gốc là " + cur.getLocalName(), "signature parent " + p + ": root is " + cur.getLocalName());
            }
            for (int i = 1; i < names.length; i++) {
                List<Element> c = Dom.children(cur, names[i]);
                if (c.size() > 1) {
                    throw KysoException.localized(ErrorCode.INVALID_ARGUMENT, null, "vị trí đặt chữ ký " + p
                            + " không xác định duy nhất", "signature parent " + p + " is ambiguous");
                }
                if (c.isEmpty()) {
                    String ns = cur.getNamespaceURI();
                    Element e = d.createElementNS(ns, cur.getPrefix() == null ? names[i] : cur.getPrefix() + ":" + names[i]);
                    cur.appendChild(e);
                    cur = e;
                } else {
                    cur = c.get(0);
                }
            }
            return cur;
        }
        return Dom.selectOne(d, p);
    }
    /**
     * Refuses to put a new signature (or counter-signature) inside an element that an existing signature
     * signs without excluding other signatures: the new one would break it. Parallel signatures are
     * possible over different elements (the e-invoice seller and buyer both sign DLHDon from DSCKS), over
     * the whole document when the existing ones exclude every ds:Signature (DSS's XPath Filter 2.0
     * transform), and as XAdES counter-signatures.
     */
    static void keepExistingSignatures(Document d, Element parent) {
        for (XmlStructure.Sig s : XmlStructure.analyze(d, null)) {
            for (Element covered : s.coversNewSignatures) {
                for (org.w3c.dom.Node n = parent; n != null; n = n.getParentNode()) {
                    if (n == covered) {
                        String id = s.id == null ? "" : s.id + " ";
                        throw KysoException.localized(ErrorCode.INVALID_ARGUMENT, null, "chữ ký " + id + "bao trùm "
                                + Dom.path(covered) + " (kể cả các chữ ký trong đó): một chữ ký mới trong "
                                + Dom.path(parent) + " sẽ làm nó mất hiệu lực; hãy ký phần tử khác hoặc ký xác nhận"
                                + " chữ ký đó",
                                "signature " + id + "covers " + Dom.path(covered) + " (signatures included): a new signature in "
                                + Dom.path(parent) + " would invalidate it; sign another element or counter-sign it");
                    }
                }
            }
        }
    }
    /** The XAdES ds:Signature to counter-sign, by XML Id or by the id DSS (and so the report) gives it. */
    static Element counterSignTarget(Document d, DSSDocument document, String id) {
        String xmlId = id;
        if (!hasSignatureWithId(d, id)) {
            xmlId = null;
            List<AdvancedSignature> all = new ArrayList<>(SigningSupport.dss(() -> new XMLDocumentValidator(document).getSignatures()));
            for (int i = 0; i < all.size() && xmlId == null; i++) {
                AdvancedSignature a = all.get(i);
                if (id.equals(a.getId())) {
                    xmlId = a.getDAIdentifier();
                }
                all.addAll(a.getCounterSignatures());
            }
        }
        NodeList sigs = d.getElementsByTagNameNS(Dom.DS, "Signature");
        for (int i = 0; xmlId != null && i < sigs.getLength(); i++) {
            Element e = (Element) sigs.item(i);
            if (xmlId.equals(e.getAttribute("Id"))) {
                if (e.getElementsByTagNameNS(Dom.XADES, "QualifyingProperties").getLength() == 0) {
                    throw KysoException.localized(ErrorCode.INVALID_ARGUMENT, null, "chữ ký " + id
                            + " là XMLDSig thuần: chỉ chữ ký XAdES mới mang được chữ ký xác nhận",
                            "signature " + id + " is plain XMLDSig: only XAdES signatures carry counter-signatures");
                }
                return e;
            }
        }
        throw KysoException.localized(ErrorCode.INVALID_ARGUMENT, null, "không có chữ ký nào có định danh '" + id + "'",
                "no signature with Id '" + id + "'");
    }
    private static boolean hasSignatureWithId(Document d, String id) {
        NodeList sigs = d.getElementsByTagNameNS(Dom.DS, "Signature");
        for (int i = 0; i < sigs.getLength(); i++) {
            if (id.equals(((Element) sigs.item(i)).getAttribute("Id"))) {
                return true;
            }
        }
        return false;
    }
}
