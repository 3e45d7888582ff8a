package vn.kyso.pdf.internal.sign;

import java.io.IOException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAppearanceStream;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import vn.kyso.api.ErrorCode;
import vn.kyso.api.KysoException;
import vn.kyso.api.cert.CertificateInfo;
import vn.kyso.pdf.PdfPlacement;
import vn.kyso.pdf.PdfSignatureOptions;
import vn.kyso.pdf.PdfSignatureOptions.Certification;
import vn.kyso.pdf.internal.appearance.AppearanceRequest;
import vn.kyso.pdf.internal.appearance.Appearances;
import vn.kyso.pdf.internal.appearance.Placements;

/**
 * The PDF objects of a signature revision, on the COS level and touching only what the revision needs
 * (catalog, AcroForm and its /Fields, the widget's page and its /Annots, an existing field): the
 * signature dictionary with its placeholder, the field and widget (new, or an existing empty field),
 * the appearance of a visible signature, AcroForm /SigFlags, DocMDP /Perms when certifying. Also an
 * empty field alone. Refuses a document certified "no changes" ({@code DOCUMENT_LOCKED}). Internal.
 */
final class SignatureRevision {
    static final COSName ETSI_CADES_DETACHED = COSName.getPDFName("ETSI.CAdES.detached");
    private static final COSName PROP_BUILD = COSName.getPDFName("Prop_Build");
    private static final COSName APP = COSName.getPDFName("App");
    private static final COSName LOCK = COSName.getPDFName("Lock");
    private static final COSName FIELD_MDP = COSName.getPDFName("FieldMDP");
    private static final COSName ACTION = COSName.getPDFName("Action");
    private static final COSName DATA = COSName.getPDFName("Data");
    private static final int FLAGS_PRINT_LOCKED = 132;
    private static final int MAX_DEPTH = 32;
    private static final DateTimeFormatter PDF_DATE = DateTimeFormatter.ofPattern("'D:'yyyyMMddHHmmss'+07''00'''");

    private final PdfInput input;
    private final Increment increment;
    private final COSDictionary catalog;
    private final List<Field> fields = new ArrayList<>();

    private SignatureRevision(PdfInput input) throws IOException {
        this.input = input;
        this.increment = input.increment();
        this.catalog = input.document.getDocumentCatalog().getCOSObject();
        if (catalog.getKey() == null) {
            throw new IOException("the catalog is not an indirect object");
        }
        COSDictionary form = catalog.getCOSDictionary(COSName.ACRO_FORM);
        if (form != null) {
            collect(form.getCOSArray(COSName.FIELDS), null, null, 0, Collections.newSetFromMap(new IdentityHashMap<>()));
        }
    }

    /** A terminal form field: its fully qualified name, dictionary and type. */
    private static final class Field {
        final String name;
        final COSDictionary dictionary;
        final boolean signature;

        Field(String name, COSDictionary dictionary, boolean signature) {
            this.name = name;
            this.dictionary = dictionary;
            this.signature = signature;
        }

        boolean signed() {
            return dictionary.getDictionaryObject(COSName.V) != null;
        }
    }

    /** What a signature revision carries besides the options. */
    static final class Signature {
        final X509Certificate signer;
        final Instant time;
        final int contentsBytes;

        /** @param contentsBytes the space reserved for the CMS SignedData, in bytes */
        Signature(X509Certificate signer, Instant time, int contentsBytes) {
            this.signer = signer;
            this.time = time;
            this.contentsBytes = contentsBytes;
        }

        /** The signer's common name for /Name, or null. */
        String name() {
            RDN[] cn = X500Name.getInstance(signer.getSubjectX500Principal().getEncoded()).getRDNs(BCStyle.CN);
            ASN1Encodable v = cn.length == 0 ? null : cn[0].getFirst().getValue();
            return v instanceof ASN1String ? ((ASN1String) v).getString() : null;
        }
    }

    /** The revision that adds a signature as the options say, with its /Contents placeholder. */
    static Increment signature(PdfInput input, PdfSignatureOptions options, Signature signature) throws IOException {
        SignatureRevision r = new SignatureRevision(input);
        r.refuseLocked();
        boolean certify = options.certification() != Certification.NONE;
        if (certify && r.alreadySigned()) {
            throw KysoException.localized(ErrorCode.INVALID_ARGUMENT, null,
                    "chữ ký chứng nhận (DocMDP) chỉ có thể là chữ ký đầu tiên của tài liệu",
                    "certification (DocMDP) is only possible for the first signature of a document");
        }
        COSDictionary sig = r.increment.add(new COSDictionary());
        sig.setItem(COSName.TYPE, COSName.SIG);
        sig.setItem(COSName.FILTER, COSName.ADOBE_PPKLITE);
        sig.setItem(COSName.SUB_FILTER, ETSI_CADES_DETACHED);
        COSArray byteRange = new COSArray();
        COSString contents = new COSString(new byte[0]);
        sig.setItem(COSName.BYTERANGE, byteRange);
        sig.setItem(COSName.CONTENTS, contents);
        r.increment.placeholder(contents, byteRange, signature.contentsBytes);
        sig.setString(COSName.M, PDF_DATE.format(signature.time.atOffset(ZoneOffset.ofHours(7))));
        String name = signature.name();
        if (name != null) {
            sig.setString(COSName.NAME, name);
        }
        if (options.reason() != null) {
            sig.setString(COSName.REASON, options.reason());
        }
        if (options.location() != null) {
            sig.setString(COSName.LOCATION, options.location());
        }
        COSDictionary app = new COSDictionary();
        app.setItem(COSName.NAME, COSName.getPDFName("Kyso"));
        COSDictionary build = new COSDictionary();
        build.setItem(APP, app);
        sig.setItem(PROP_BUILD, build);
        if (certify) {
            r.certify(sig, options.certification());
        }
        COSDictionary field = r.field(options,
                () -> AppearanceRequest.of(options.appearance(), CertificateInfo.of(signature.signer), signature.time));
        field.setItem(COSName.V, sig);
        r.lockFields(field, sig);
        COSDictionary form = r.acroForm();
        form.setInt(COSName.SIG_FLAGS, 3);
        return r.increment;
    }

    /** The revision that only adds an empty signature field (invisible without a rectangle). */
    static Increment emptyField(PdfInput input, PdfSignatureOptions options) throws IOException {
        SignatureRevision r = new SignatureRevision(input);
        r.refuseLocked();
        if (r.find(options.fieldName()) != null) {
            throw KysoException.localized(ErrorCode.INVALID_ARGUMENT, null, "trường " + options.fieldName() + " đã có",
                    "field " + options.fieldName() + " already exists");
        }
        r.field(options, null);
        return r.increment;
    }

    private void refuseLocked() {
        COSDictionary perms = catalog.getCOSDictionary(COSName.PERMS);
        COSDictionary certification = perms == null ? null : perms.getCOSDictionary(COSName.DOCMDP);
        if (certification != null && docMdpPermission(certification) == 1) {
            throw KysoException.localized(ErrorCode.DOCUMENT_LOCKED, null, input.path.getFileName()
                    + " (DocMDP P=1: không cho phép thay đổi)", input.path.getFileName() + " (DocMDP P=1: no changes allowed)");
        }
    }

    /** The DocMDP /P of a certification signature dictionary (2 when absent), or 0 if it has none. */
    private static int docMdpPermission(COSDictionary signature) {
        COSArray refs = signature.getCOSArray(COSName.REFERENCE);
        if (refs == null) {
            return 0;
        }
        for (COSBase b : refs) {
            COSBase o = b instanceof COSObject ? ((COSObject) b).getObject() : b;
            if (o instanceof COSDictionary && COSName.DOCMDP.equals(((COSDictionary) o).getCOSName(COSName.TRANSFORM_METHOD))) {
                COSDictionary params = ((COSDictionary) o).getCOSDictionary(COSName.TRANSFORM_PARAMS);
                return params == null ? 2 : params.getInt(COSName.P, 2);
            }
        }
        return 0;
    }

    private boolean alreadySigned() {
        COSDictionary perms = catalog.getCOSDictionary(COSName.PERMS);
        if (perms != null && perms.getCOSDictionary(COSName.DOCMDP) != null) {
            return true;
        }
        for (Field f : fields) {
            if (f.signature && f.signed()) {
                return true;
            }
        }
        return false;
    }

    /**
     * A field with a /Lock dictionary locks the fields it names when it is signed: the signature gets
     * the matching FieldMDP reference (ISO 32000-2, 12.8.2.4), its /Data the catalog as PDF 1.7 requires.
     */
    private void lockFields(COSDictionary field, COSDictionary sig) {
        COSDictionary lock = field.getCOSDictionary(LOCK);
        COSName action = lock == null ? null : lock.getCOSName(ACTION);
        if (action == null) {
            return;
        }
        COSDictionary params = new COSDictionary();
        params.setItem(COSName.TYPE, COSName.TRANSFORM_PARAMS);
        params.setItem(ACTION, action);
        COSArray names = lock.getCOSArray(COSName.FIELDS);
        if (names != null && !COSName.getPDFName("All").equals(action)) {
            params.setItem(COSName.FIELDS, names);
        }
        params.setName(COSName.V, "1.2");
        COSArray refs = sig.getCOSArray(COSName.REFERENCE);
        if (refs == null) {
            refs = new COSArray();
            sig.setItem(COSName.REFERENCE, refs);
        }
        COSDictionary ref = sigRef(FIELD_MDP, params);
        ref.setItem(DATA, catalog);
        refs.add(ref);
    }

    private static COSDictionary sigRef(COSName method, COSDictionary params) {
        COSDictionary ref = new COSDictionary();
        ref.setItem(COSName.TYPE, COSName.SIG_REF);
        ref.setItem(COSName.TRANSFORM_METHOD, method);
        ref.setItem(COSName.TRANSFORM_PARAMS, params);
        return ref;
    }

    private void certify(COSDictionary sig, Certification level) {
        COSDictionary params = new COSDictionary();
        params.setItem(COSName.TYPE, COSName.TRANSFORM_PARAMS);
        params.setInt(COSName.P, level == Certification.NO_CHANGES ? 1 : level == Certification.FORM_FILL ? 2 : 3);
        params.setName(COSName.V, "1.2");
        COSArray refs = new COSArray();
        refs.add(sigRef(COSName.DOCMDP, params));
        sig.setItem(COSName.REFERENCE, refs);
        COSDictionary perms = catalog.getCOSDictionary(COSName.PERMS);
        if (perms == null) {
            perms = new COSDictionary();
            catalog.setItem(COSName.PERMS, perms);
        }
        perms.setItem(COSName.DOCMDP, sig);
        increment.update(perms, catalog);
    }

    /** The AcroForm, created if missing and marked as changed. */
    private COSDictionary acroForm() {
        COSDictionary form = catalog.getCOSDictionary(COSName.ACRO_FORM);
        if (form == null) {
            form = increment.add(new COSDictionary());
            form.setItem(COSName.FIELDS, new COSArray());
            catalog.setItem(COSName.ACRO_FORM, form);
            increment.update(catalog);
        } else {
            increment.update(form, catalog);
        }
        return form;
    }

    /**
     * The field dictionary the signature goes into: the existing empty signature field of that name, or
     * a new field. Its widget goes where {@link Placements#resolve} says (an existing field's widget
     * keeps its rectangle unless the options give a rectangle or an anchor, which move it there) and,
     * when visible, shows the appearance {@link Appearances#draw} makes. Without an appearance (an empty
     * field) only the placement counts; without either the widget is invisible.
     */
    private COSDictionary field(PdfSignatureOptions options, Supplier<AppearanceRequest> appearance) throws IOException {
        String name = options.fieldName();
        Field existing = name == null ? null : find(name);
        COSDictionary widget = null;
        if (existing != null) {
            if (!existing.signature) {
                throw KysoException.localized(ErrorCode.INVALID_ARGUMENT, null, "trường " + name + " không phải trường chữ ký",
                        "field " + name + " is not a signature field");
            }
            if (existing.signed()) {
                throw KysoException.localized(ErrorCode.INVALID_ARGUMENT, null, "trường " + name + " đã được ký",
                        "field " + name + " is already signed");
            }
            increment.update(existing.dictionary);
            widget = widget(existing.dictionary);
        } else if (options.placement() != null && options.placement().mode() == PdfPlacement.Mode.FIELD) {
            throw KysoException.localized(ErrorCode.INVALID_ARGUMENT, null, "không có trường chữ ký " + name,
                    "no signature field " + name);
        }
        AppearanceRequest request = appearance == null ? null : appearance.get();
        boolean shown = options.visible() || (request != null && visible(widget));
        Placements.Resolved place = shown ? Placements.resolve(input.document, options, request) : null;
        if (existing != null) {
            if (place != null) {
                place(widget, place, request);
            }
            return existing.dictionary;
        }
        if (name == null) {
            name = generatedName();
        } else if (name.isEmpty() || name.indexOf('.') >= 0) {
            throw KysoException.localized(ErrorCode.INVALID_ARGUMENT, null, "tên trường " + name
                    + " (không được rỗng, không chứa dấu '.')", "field name " + name + " (non-empty, without '.')");
        }
        COSDictionary field = increment.add(new COSDictionary());
        field.setItem(COSName.FT, COSName.SIG);
        field.setString(COSName.T, name);
        field.setItem(COSName.TYPE, COSName.ANNOT);
        field.setItem(COSName.SUBTYPE, COSName.WIDGET);
        field.setInt(COSName.F, FLAGS_PRINT_LOCKED);
        if (place != null) {
            place(field, place, request);
        } else {
            // an invisible signature: a zero rectangle on the first page
            field.setItem(COSName.RECT, new PDRectangle(0, 0, 0, 0).getCOSArray());
            addToPage(field, pageDictionary(0));
        }
        COSDictionary form = acroForm();
        COSBase list = form.getItem(COSName.FIELDS);
        COSBase fieldsArray = list instanceof COSObject ? ((COSObject) list).getObject() : list;
        if (fieldsArray instanceof COSArray) {
            ((COSArray) fieldsArray).add(field);
            if (fieldsArray.getKey() != null) {
                increment.update(fieldsArray);
            }
        } else {
            COSArray f = new COSArray();
            f.add(field);
            form.setItem(COSName.FIELDS, f);
        }
        fields.add(new Field(name, field, true));
        return field;
    }

    /** The first widget of a field (the field itself when its widget is merged into it). */
    private static COSDictionary widget(COSDictionary field) {
        COSArray kids = field.getCOSArray(COSName.KIDS);
        if (kids != null && kids.size() > 0 && kids.getObject(0) instanceof COSDictionary) {
            return (COSDictionary) kids.getObject(0);
        }
        return field;
    }

    private static boolean visible(COSDictionary widget) {
        COSArray r = widget == null ? null : widget.getCOSArray(COSName.RECT);
        if (r == null || r.size() != 4) {
            return false;
        }
        PDRectangle rect = new PDRectangle(r);
        return rect.getWidth() >= 1 && rect.getHeight() >= 1;
    }

    /**
     * Puts the widget at the resolved place: its /Rect and page (an existing widget that lies elsewhere
     * moves, leaving its old page's /Annots), and the appearance when there is one.
     */
    private void place(COSDictionary widget, Placements.Resolved place, AppearanceRequest request) throws IOException {
        COSDictionary page = pageDictionary(place.pageIndex);
        COSArray current = widget.getCOSArray(COSName.RECT);
        boolean moved = current == null || current.size() != 4
                || !Arrays.equals(current.toFloatArray(), place.rectangle.getCOSArray().toFloatArray())
                || widget.getCOSDictionary(COSName.P) != page;
        if (moved) {
            refuseOverlap(page, widget, place.rectangle, request != null && request.kind() == AppearanceRequest.Kind.SEAL);
            widget.setItem(COSName.RECT, place.rectangle.getCOSArray());
            COSDictionary old = widget.getCOSDictionary(COSName.P);
            if (old != null && old != page) {
                if (alreadySigned()) {
                    // verifiers see a widget leaving a page after a signature as a change of the page
                    throw KysoException.localized(ErrorCode.INVALID_ARGUMENT, null, "trường nằm ở trang khác trang "
                            + (place.pageIndex + 1) + " và tài liệu đã được ký: không thể chuyển trường sang đó",
                            "the field lies on another page than page "
                            + (place.pageIndex + 1) + " and the document is already signed: it cannot move there");
                }
                removeFromPage(widget, old);
            }
            addToPage(widget, page);
        }
        if (request != null) {
            PDAppearanceStream stream = Appearances.draw(input.document, place.rectangle, place.rotation, request);
            COSDictionary ap = new COSDictionary();
            ap.setItem(COSName.N, stream.getCOSObject());
            widget.setItem(COSName.AP, ap);
        }
        if (widget.getKey() != null) {
            increment.update(widget);
        }
    }

    private COSDictionary pageDictionary(int index) throws IOException {
        if (index >= input.document.getNumberOfPages()) {
            throw KysoException.localized(ErrorCode.INVALID_ARGUMENT, null, "trang " + (index + 1) + " trong "
                    + input.document.getNumberOfPages() + " trang", "page " + (index + 1) + " of "
                    + input.document.getNumberOfPages());
        }
        COSDictionary page = input.document.getPage(index).getCOSObject();
        if (page.getKey() == null) {
            throw new IOException("page " + (index + 1) + " is not an indirect object");
        }
        return page;
    }

    /** Lists the widget in the page's /Annots (once) and points its /P at the page. */
    private void addToPage(COSDictionary widget, COSDictionary page) {
        widget.setItem(COSName.P, page);
        COSBase annots = page.getItem(COSName.ANNOTS);
        COSBase resolved = annots instanceof COSObject ? ((COSObject) annots).getObject() : annots;
        if (resolved instanceof COSArray) {
            COSArray list = (COSArray) resolved;
            if (indexOf(list, widget) < 0) {
                list.add(widget);
                increment.update(resolved, page);
            }
        } else {
            COSArray list = new COSArray();
            list.add(widget);
            page.setItem(COSName.ANNOTS, list);
            increment.update(page);
        }
    }

    private void removeFromPage(COSDictionary widget, COSDictionary page) {
        COSBase annots = page.getItem(COSName.ANNOTS);
        COSBase resolved = annots instanceof COSObject ? ((COSObject) annots).getObject() : annots;
        if (resolved instanceof COSArray) {
            int i = indexOf((COSArray) resolved, widget);
            if (i >= 0) {
                ((COSArray) resolved).remove(i);
                increment.update(resolved, page);
            }
        }
    }

    private static int indexOf(COSArray list, COSDictionary item) {
        for (int i = 0; i < list.size(); i++) {
            if (list.getObject(i) == item) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Refuses a widget rectangle over another annotation of the page (verifiers and readers would see
     * one cover the other), except a seal over signature widgets: Decree 30/2020 lays the organisation's
     * seal over the leader's signature image.
     */
    private static void refuseOverlap(COSDictionary page, COSDictionary self, PDRectangle rect, boolean seal) {
        COSArray annots = page.getCOSArray(COSName.ANNOTS);
        if (annots == null) {
            return;
        }
        for (int i = 0; i < annots.size(); i++) {
            COSBase a = annots.getObject(i);
            if (!(a instanceof COSDictionary) || a == self) {
                continue;
            }
            COSDictionary annotation = (COSDictionary) a;
            COSArray r = annotation.getCOSArray(COSName.RECT);
            if (r == null || r.size() != 4 || (seal && signatureWidget(annotation))) {
                continue;
            }
            PDRectangle other = new PDRectangle(r);
            float ix = Math.min(rect.getUpperRightX(), other.getUpperRightX()) - Math.max(rect.getLowerLeftX(), other.getLowerLeftX());
            float iy = Math.min(rect.getUpperRightY(), other.getUpperRightY()) - Math.max(rect.getLowerLeftY(), other.getLowerLeftY());
            if (ix > 0.5f && iy > 0.5f) {
                throw KysoException.localized(ErrorCode.INVALID_ARGUMENT, null,
                        "khung chữ ký đè lên một chú thích hoặc trường đã có trên trang",
                        "the signature rectangle overlaps an existing annotation or field on the page");
            }
        }
    }

    /** Whether an annotation is the widget of a signature field (/FT /Sig on it or its parent). */
    private static boolean signatureWidget(COSDictionary annotation) {
        if (!COSName.WIDGET.equals(annotation.getCOSName(COSName.SUBTYPE))) {
            return false;
        }
        COSName type = annotation.getCOSName(COSName.FT);
        COSDictionary parent = annotation.getCOSDictionary(COSName.PARENT);
        if (type == null && parent != null) {
            type = parent.getCOSName(COSName.FT);
        }
        return COSName.SIG.equals(type);
    }

    private Field find(String name) {
        for (Field f : fields) {
            if (f.name.equals(name)) {
                return f;
            }
        }
        return null;
    }

    private String generatedName() {
        Set<String> names = new HashSet<>();
        for (Field f : fields) {
            names.add(f.name);
        }
        int n = 1;
        while (names.contains("Signature" + n)) {
            n++;
        }
        return "Signature" + n;
    }

    /** Walks the field tree (at most 32 levels, each dictionary once) collecting the terminal fields. */
    private void collect(COSArray kids, String parent, COSName inheritedType, int depth, Set<COSDictionary> seen) {
        if (kids == null || depth > MAX_DEPTH) {
            return;
        }
        for (int i = 0; i < kids.size(); i++) {
            COSBase b = kids.getObject(i);
            if (!(b instanceof COSDictionary) || !seen.add((COSDictionary) b)) {
                continue;
            }
            COSDictionary d = (COSDictionary) b;
            String partial = d.getString(COSName.T);
            if (partial == null && parent != null && !d.containsKey(COSName.KIDS)) {
                continue; // a widget of the parent field
            }
            String name = partial == null ? parent : parent == null ? partial : parent + "." + partial;
            COSName type = d.getCOSName(COSName.FT, inheritedType);
            COSArray children = d.getCOSArray(COSName.KIDS);
            if (children != null && hasNamedKid(children)) {
                collect(children, name, type, depth + 1, seen);
            } else if (name != null) {
                fields.add(new Field(name, d, COSName.SIG.equals(type)));
            }
        }
    }

    private static boolean hasNamedKid(COSArray kids) {
        for (int i = 0; i < kids.size(); i++) {
            COSBase k = kids.getObject(i);
            if (k instanceof COSDictionary && ((COSDictionary) k).containsKey(COSName.T)) {
                return true;
            }
        }
        return false;
    }
}
