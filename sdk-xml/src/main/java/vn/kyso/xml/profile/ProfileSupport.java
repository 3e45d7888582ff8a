package vn.kyso.xml.profile;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import vn.kyso.api.ErrorCode;
import vn.kyso.api.KysoException;
import vn.kyso.api.report.Party;
import vn.kyso.api.report.VerificationReport;
import vn.kyso.xml.internal.Dom;
import vn.kyso.xml.internal.Profiles;
import vn.kyso.xml.XmlProfile;

/** What the profile APIs share: reading the document to sign, the Id of the element a profile signs. */
final class ProfileSupport {
    private ProfileSupport() {
    }

    /** The profile's name in a Vietnamese message. */
    private static String vi(XmlProfile profile) {
        switch (profile) {
            case EINVOICE: return "hóa đơn điện tử";
            case ETAX: return "hồ sơ thuế điện tử";
            case EDXML: return "edXML";
            default: return "XML";
        }
    }

    /** The profile's name in an English message. */
    private static String en(XmlProfile profile) {
        switch (profile) {
            case EINVOICE: return "e-invoice";
            case ETAX: return "e-tax";
            case EDXML: return "edXML";
            default: return "XML";
        }
    }

    /** The document's root, parsed with the hardened parser; INVALID_ARGUMENT when its name is none of {@code roots}. */
    static Element root(byte[] xml, XmlProfile profile, String... roots) {
        Document d = Dom.parse(xml);
        Element root = d.getDocumentElement();
        for (String r : roots) {
            if (r.equals(root.getLocalName())) {
                return root;
            }
        }
        throw KysoException.localized(ErrorCode.INVALID_ARGUMENT, null,
                vi(profile) + ": phần tử gốc là " + root.getLocalName() + ", cần " + String.join("|", roots),
                en(profile) + ": the root element is " + root.getLocalName() + ", expected " + String.join("|", roots));
    }

    /** The only child {@code name} of {@code parent}, which must exist once. */
    static Element only(Element parent, String name, XmlProfile profile) {
        Element e = Profiles.onlyChild(parent, name);
        if (e == null) {
            throw KysoException.localized(ErrorCode.INVALID_ARGUMENT, null,
                    vi(profile) + ": " + parent.getLocalName() + " phải chứa đúng một " + name,
                    en(profile) + ": " + parent.getLocalName() + " must hold exactly one " + name);
        }
        return e;
    }

    /** The Id of the element the profile signs, which must have one. */
    static String idOf(Element e, XmlProfile profile) {
        String id = Profiles.idOf(e);
        if (id == null || id.isEmpty()) {
            throw KysoException.localized(ErrorCode.INVALID_ARGUMENT, null,
                    vi(profile) + ": " + e.getLocalName() + " không có thuộc tính @Id",
                    en(profile) + ": " + e.getLocalName() + " has no Id attribute");
        }
        return id;
    }

    /** Refuses to sign a slot that already holds a signature (each party signs once). */
    static void unsigned(Element parent, String child, XmlProfile profile) {
        Element slot = parent == null ? null : Profiles.onlyChild(parent, child);
        if (slot != null && !Dom.children(slot, "Signature").isEmpty()) {
            throw KysoException.localized(ErrorCode.INVALID_ARGUMENT, null,
                    vi(profile) + ": " + child + " đã được ký",
                    en(profile) + ": " + child + " is already signed");
        }
    }

    /** The verification, which must hold the signature of the party the profile cannot do without. */
    static VerificationReport requireParty(VerificationReport v, Party party, String where) {
        if (v.signatureOf(party) == null) {
            throw KysoException.localized(ErrorCode.NO_SIGNATURE, null,
                    v.documentName() + ": không có chữ ký của bên " + party.code() + " trong " + where,
                    v.documentName() + ": no " + party.code() + " signature in " + where);
        }
        return v;
    }
}
