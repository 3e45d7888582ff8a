package vn.kyso.pdf.internal.verify;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSNull;
import org.apache.pdfbox.cos.COSNumber;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.cos.COSObjectKey;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationWidget;
import org.apache.pdfbox.pdmodel.interactive.form.PDAcroForm;
import org.apache.pdfbox.pdmodel.interactive.form.PDField;
import org.apache.pdfbox.pdmodel.interactive.form.PDNonTerminalField;
import org.apache.pdfbox.pdmodel.interactive.form.PDSignatureField;
import org.apache.pdfbox.pdmodel.interactive.form.PDTerminalField;
import vn.kyso.api.report.Modification;

/**
 * What changed in a PDF after a signature: the revision the signature covers (a prefix of the file) is
 * compared with the final file object by object, and every changed object must be explained by a
 * change of a permitted kind, else it is {@link Modification#OTHER}. An object is unchanged when both
 * revisions find it at the same place in the file (those bytes are signed), so unchanged objects, and
 * big streams among them, are never read; a rewritten object is compared with its signed version
 * before it counts as changed.
 *
 * <p>The rules (see docs/REPORT.md, "What changed after a signature"):
 * <ul>
 * <li>SIGNATURES: new signature fields and values (their widgets may lie over earlier signature
 *     widgets, as a seal over the leader's image does), an empty signature field signed, the /DSS
 *     dictionary and what it holds, /Extensions, /SigFlags, the catalog's /Metadata, /OutputIntents added
 *     where there were none, the trailer's /Info,
 *     new fonts in the form's default resources.</li>
 * <li>FORM_FILL: a field that was empty when signed now has a value, and each of its widgets shows
 *     exactly that value (text and choice fields: the text drawn by the appearance stream; check boxes
 *     and radio buttons: the appearance state names the value).</li>
 * <li>ANNOTATIONS: markup annotations (comments) added, changed or removed, except their visibility
 *     and except laid over a signature or form field.</li>
 * <li>OTHER, always with the reason: pages added, removed or reordered; anything on a page other than
 *     its /Annots; a shared object (content, font, image, ...) rewritten; an object added after signing
 *     that the signed revision already referred to; a field value that the signer saw replaced; an
 *     appearance that does not show the field's value or changed without it; new non-signature form
 *     fields; an annotation or optional-content layer made visible or hidden; a comment laid over a
 *     signature or form field, a later signature widget over a form field or a comment, or an empty
 *     signature field added after signing that shows an appearance; the form's /NeedAppearances switched
 *     while a field does not show its value; catalog
 *     entries such as /OpenAction or /Names changed; the catalog replaced.</li>
 * </ul>
 * One instance per file (the final revision is parsed once); not thread-safe.
 */
public final class RevisionDiff implements Closeable {
    /** Reason codes, each with a message in {@code VerificationMessages}. */
    public static final String PAGES = "PDF_PAGES_CHANGED";
    public static final String CONTENT = "PDF_CONTENT_CHANGED";
    public static final String VISIBILITY = "PDF_VISIBILITY_CHANGED";
    public static final String VALUE_REPLACED = "PDF_FIELD_VALUE_REPLACED";
    public static final String APPEARANCE = "PDF_APPEARANCE_MISMATCH";
    public static final String UNREADABLE = "PDF_REVISION_UNREADABLE";
    public static final String OVERLAP = "PDF_ANNOTATION_OVERLAP";

    private static final COSName DSS = COSName.getPDFName("DSS");
    private static final COSName DATA = COSName.getPDFName("Data");
    private static final COSName OC_PROPERTIES = COSName.getPDFName("OCProperties");
    private static final COSName OUTPUT_INTENTS = COSName.getPDFName("OutputIntents");
    private static final COSName NEED_APPEARANCES = COSName.getPDFName("NeedAppearances");
    /** Annotation flags that decide whether it is seen: Invisible, Hidden, NoView, ToggleNoView. */
    private static final int VISIBILITY_FLAGS = 1 | 2 | 32 | 256;

    private final Path file;
    private final long length;
    private final String password;
    private final PDDocument last;
    private final Map<COSObjectKey, Long> lastXref;
    private final Set<COSObjectKey> reachable;
    private final Map<COSObjectKey, Set<COSObjectKey>> referrers = new HashMap<>();

    private RevisionDiff(Path file, String password) throws IOException {
        this.file = file;
        this.length = Files.size(file);
        this.password = password == null ? "" : password;
        this.last = Loader.loadPDF(new RandomAccessReadBufferedFile(file), this.password);
        this.lastXref = new HashMap<>(last.getDocument().getXrefTable());
        // only what the trailer reaches can be seen; older versions and orphans are not looked at
        this.reachable = subtree(last.getDocument().getTrailer());
        for (COSObjectKey k : reachable) {
            COSBase b = object(last, k);
            if (b != null) {
                references(b, ref -> referrers.computeIfAbsent(ref, x -> new HashSet<>()).add(k));
            }
        }
    }

    /** Parses the final revision of {@code file} (PDFBox errors, a wrong password: IOException). */
    public static RevisionDiff open(Path file, String password) throws IOException {
        try {
            return new RevisionDiff(file, password);
        } catch (StackOverflowError e) {
            throw new IOException("objects nested too deeply", e);
        }
    }

    /** The final revision, parsed (owned by this object). */
    public PDDocument document() {
        return last;
    }

    /** One reason a change was classified as it was. */
    public static final class Finding {
        public final Modification kind;
        public final String code;
        public final String detail;

        Finding(Modification kind, String code, String detail) {
            this.kind = kind;
            this.code = code;
            this.detail = detail;
        }

        @Override
        public String toString() {
            return kind + " " + code + " " + detail;
        }
    }

    /** The most serious kind of change after a signature, why, and which fields changed. */
    public static final class Outcome {
        public final Modification kind;
        /** The reasons of OTHER, in the order found. */
        public final List<Finding> findings;
        /** Fully qualified names of the form fields whose value or appearance changed. */
        public final List<String> changedFields;
        /** Whether a signature or a signature field was added (not only validation data or document time-stamps). */
        public final boolean signaturesAdded;

        Outcome(Modification kind, List<Finding> findings, List<String> changedFields, boolean signaturesAdded) {
            this.kind = kind;
            this.findings = Collections.unmodifiableList(findings);
            this.changedFields = Collections.unmodifiableList(changedFields);
            this.signaturesAdded = signaturesAdded;
        }
    }

    /**
     * Compares the revision ending at byte {@code end} (the end of a signature's /ByteRange) with the
     * final file.
     */
    public Outcome compare(long end) {
        if (end == length) {
            return new Outcome(Modification.NONE, List.of(), List.of(), false);
        }
        if (end <= 0 || end > length) {
            return new Outcome(Modification.OTHER, List.of(new Finding(Modification.OTHER, UNREADABLE,
                    "revision end " + end + " outside the file")), List.of(), false);
        }
        try (PDDocument signed = Loader.loadPDF(new PrefixRead(file, end), password)) {
            return new Judge(signed).run();
        } catch (IOException | RuntimeException | StackOverflowError e) {
            // a revision we cannot compare is never accepted as unchanged
            return new Outcome(Modification.OTHER, List.of(new Finding(Modification.OTHER, UNREADABLE,
                    String.valueOf(e.getMessage()))), List.of(), false);
        }
    }

    @Override
    public void close() throws IOException {
        last.close();
    }

    /** The comparison of one signed revision with the final one. */
    private final class Judge {
        private final PDDocument signed;
        private final Map<COSObjectKey, Long> signedXref;
        private final Set<COSObjectKey> changed = new HashSet<>();
        private final Map<COSObjectKey, Modification> explained = new HashMap<>();
        private final List<Finding> findings = new ArrayList<>();
        private final Set<String> fields = new LinkedHashSet<>();
        private final Set<COSObjectKey> formResources = new HashSet<>();
        private final Set<COSObjectKey> defaultResources = new HashSet<>();
        /** The widgets of signature fields added or signed after the signature (judged for overlap with the pages). */
        private final Set<COSDictionary> laterSignatureWidgets = Collections.newSetFromMap(new IdentityHashMap<>());
        private boolean signaturesAdded;

        Judge(PDDocument signed) {
            this.signed = signed;
            this.signedXref = signed.getDocument().getXrefTable();
        }

        Outcome run() throws IOException {
            for (Map.Entry<COSObjectKey, Long> e : lastXref.entrySet()) {
                COSObjectKey k = e.getKey();
                if (!sameEntry(k) && !sameObject(signedObject(k), object(last, k))) {
                    changed.add(k);
                }
            }
            for (COSObjectKey k : signedXref.keySet()) {
                if (!lastXref.containsKey(k) && referrers.containsKey(k)) {
                    other(CONTENT, "object " + id(k) + " removed while still referenced");
                }
            }
            COSObjectKey root = key(last.getDocument().getTrailer().getItem(COSName.ROOT));
            if (root == null || !root.equals(key(signed.getDocument().getTrailer().getItem(COSName.ROOT)))) {
                other(CONTENT, "the document catalog was replaced");
                return outcome();
            }
            if (changed.isEmpty()) {
                return outcome();
            }
            COSDictionary cat = last.getDocumentCatalog().getCOSObject();
            COSDictionary signedCat = signed.getDocumentCatalog().getCOSObject();
            catalog(root, signedCat, cat);
            // the trailer's /Info (title, author, producer, dates) is not shown; later signers update it
            explainSubtree(subtree(last.getDocument().getTrailer().getItem(COSName.INFO)), Set.of(),
                    Modification.SIGNATURES, "the document information");
            dss(root, cat);
            acroForm(signedCat, cat);
            fieldTree(signedCat, cat);
            pages();
            formResources();
            unexplained();
            return outcome();
        }

        /**
         * Every changed object no rule explains is OTHER. One reason is given per object that nothing else
         * unexplained uses (say, an annotation added with no place in the rules), counting the objects it
         * brings along (its appearance, resources, fonts); objects only reachable in a cycle are listed alone.
         */
        private void unexplained() {
            Set<COSObjectKey> left = new TreeSet<>();
            for (COSObjectKey k : changed) {
                if (!explained.containsKey(k) && mayMatter(k)) {
                    left.add(k);
                }
            }
            Set<COSObjectKey> covered = new HashSet<>();
            for (boolean rootsOnly : new boolean[] {true, false}) {
                for (COSObjectKey k : left) {
                    if (covered.contains(k) || rootsOnly && referrers.getOrDefault(k, Set.of()).stream()
                            .anyMatch(r -> !r.equals(k) && left.contains(r))) {
                        continue;
                    }
                    // what it uses, not what it belongs to (an annotation's page, a node's parent)
                    Set<COSObjectKey> uses = subtree(object(last, k), Set.of(COSName.P, COSName.PARENT));
                    uses.retainAll(left);
                    uses.remove(k);
                    covered.add(k);
                    covered.addAll(uses);
                    other(CONTENT, describe(k) + (signedXref.containsKey(k) ? " changed after signing" : " added after signing")
                            + (uses.isEmpty() ? "" : ", with " + uses.size() + (uses.size() == 1 ? " object" : " objects") + " it uses"));
                }
            }
        }

        private Outcome outcome() {
            Modification kind = changed.isEmpty() && findings.isEmpty() ? Modification.NONE : Modification.SIGNATURES;
            for (Modification m : explained.values()) {
                kind = max(kind, m);
            }
            for (Finding f : findings) {
                kind = max(kind, f.kind);
            }
            if (kind == Modification.NONE) {
                kind = Modification.SIGNATURES; // an update with no object change: bookkeeping only
            }
            return new Outcome(kind, findings, new ArrayList<>(fields), signaturesAdded);
        }

        /**
         * The signed version of an object, or null if the signed revision has none (not asked of PDFBox,
         * which would search the whole revision for it).
         */
        private COSBase signedObject(COSObjectKey k) {
            return k != null && signedXref.containsKey(k) ? object(signed, k) : null;
        }

        private boolean sameEntry(COSObjectKey k) {
            Long s = signedXref.get(k);
            Long l = lastXref.get(k);
            if (s == null || !s.equals(l)) {
                return false;
            }
            // a compressed object (negative: the number of its object stream) is unchanged when its stream is
            return s >= 0 || sameEntry(new COSObjectKey(-s, 0));
        }

        private void other(String code, String detail) {
            for (Finding f : findings) {
                if (f.code.equals(code) && f.detail.equals(detail)) {
                    return;
                }
            }
            findings.add(new Finding(Modification.OTHER, code, detail));
        }

        private void explain(COSObjectKey k, Modification m) {
            if (k != null) {
                explained.merge(k, m, RevisionDiff::max);
            }
        }

        /** Explains the changed objects of a subtree, if nothing outside {@code allowed} refers to them. */
        private void explainSubtree(Set<COSObjectKey> subtree, Set<COSObjectKey> allowed, Modification m, String what) {
            for (COSObjectKey k : subtree) {
                if (!changed.contains(k)) {
                    continue;
                }
                for (COSObjectKey r : referrers.getOrDefault(k, Set.of())) {
                    if (!allowed.contains(r) && !subtree.contains(r)) {
                        other(CONTENT, describe(k) + " of " + what + " is also used by " + describe(r));
                        explain(k, Modification.OTHER);
                    }
                }
                explain(k, m);
            }
        }

        // --- catalog, /DSS, /AcroForm ---

        private void catalog(COSObjectKey root, COSDictionary signedCat, COSDictionary cat) {
            Set<COSObjectKey> layers = subtree(cat.getItem(OC_PROPERTIES));
            for (COSObjectKey k : layers) {
                if (changed.contains(k)) {
                    other(VISIBILITY, "optional content (layer) settings changed");
                    explain(k, Modification.OTHER);
                }
            }
            explainSubtree(subtree(cat.getItem(COSName.METADATA)), Set.of(root), Modification.SIGNATURES, "the metadata");
            explainSubtree(subtree(cat.getItem(COSName.EXTENSIONS)), Set.of(root), Modification.SIGNATURES, "the extensions");
            if (!changed.contains(root)) {
                return;
            }
            explain(root, Modification.SIGNATURES);
            for (COSName name : union(signedCat, cat)) {
                if (same(signedCat.getItem(name), cat.getItem(name))) {
                    continue;
                }
                if (name.equals(DSS) || name.equals(COSName.EXTENSIONS) || name.equals(COSName.METADATA)
                        || name.equals(COSName.ACRO_FORM) || name.equals(COSName.VERSION)) {
                    continue; // judged below (AcroForm, DSS) or harmless (Extensions, XMP metadata, PDF version)
                } else if (name.equals(OUTPUT_INTENTS) && signedCat.getItem(OUTPUT_INTENTS) == null) {
                    // signing tools (EU DSS for visible signatures) add an output intent for PDF/A's sake;
                    // one that was there when signed may not change
                    explainSubtree(subtree(cat.getItem(OUTPUT_INTENTS)), Set.of(root), Modification.SIGNATURES, "the output intents");
                } else if (name.equals(OC_PROPERTIES)) {
                    other(VISIBILITY, "optional content (layer) settings changed");
                } else if (name.equals(COSName.PAGES)) {
                    other(PAGES, "the page tree was replaced");
                } else {
                    other(CONTENT, "catalog /" + name.getName() + " changed");
                }
            }
        }

        /**
         * /NeedAppearances true makes viewers redraw every field from its value instead of showing the
         * appearance the signer saw (false the other way round), so a field prepared with a value other
         * than what it shows would change on screen with nothing else touched. Some tools set the flag when
         * they fill or sign; it is accepted only while every field already shows its value.
         */
        private void needAppearances(COSDictionary signedForm, COSDictionary form) throws IOException {
            if (signedForm.getBoolean(NEED_APPEARANCES, false) == form.getBoolean(NEED_APPEARANCES, false)) {
                return;
            }
            PDAcroForm lastForm = new PDAcroForm(last, form);
            for (PDField f : lastForm.getFieldTree()) {
                if (f instanceof PDTerminalField && !(f instanceof PDSignatureField)
                        && !FieldAppearance.shows((PDTerminalField) f, value(f), lastForm, this::changedKey)) {
                    other(CONTENT, "form /NeedAppearances changed and field " + f.getFullyQualifiedName()
                            + " does not show its value: viewers would redraw it");
                }
            }
        }

        private void dss(COSObjectKey root, COSDictionary cat) {
            Set<COSObjectKey> s = subtree(cat.getItem(DSS));
            explainSubtree(s, Set.of(root), Modification.SIGNATURES, "the /DSS dictionary");
        }

        private void acroForm(COSDictionary signedCat, COSDictionary cat) throws IOException {
            COSDictionary form = dict(cat.getDictionaryObject(COSName.ACRO_FORM));
            COSDictionary signedForm = dict(signedCat.getDictionaryObject(COSName.ACRO_FORM));
            COSObjectKey formKey = key(cat.getItem(COSName.ACRO_FORM));
            if (form == null) {
                if (signedForm != null) {
                    other(CONTENT, "the interactive form was removed");
                }
                return;
            }
            if (formKey != null) {
                formResources.add(formKey);
            }
            defaultResources.addAll(subtree(form.getItem(COSName.DR)));
            formResources.addAll(defaultResources);
            explain(key(form.getItem(COSName.FIELDS)), Modification.SIGNATURES);
            boolean formChanged = formKey == null ? !same(signedCat.getItem(COSName.ACRO_FORM), cat.getItem(COSName.ACRO_FORM))
                    : changed.contains(formKey);
            if (signedForm == null || !formChanged) {
                return;
            }
            explain(formKey, Modification.SIGNATURES);
            for (COSName name : union(signedForm, form)) {
                if (same(signedForm.getItem(name), form.getItem(name))) {
                    continue;
                }
                if (name.equals(COSName.FIELDS) || name.equals(COSName.SIG_FLAGS)) {
                    continue; // Fields: each field is judged by itself
                } else if (name.equals(NEED_APPEARANCES)) {
                    needAppearances(signedForm, form);
                } else if (name.equals(COSName.DA) && signedForm.getItem(COSName.DA) == null) {
                    continue; // a default appearance where there was none (PDFBox adds one) changes no widget
                } else if (name.equals(COSName.DR)) {
                    if (!onlyAdded(dict(signedForm.getDictionaryObject(COSName.DR)), dict(form.getDictionaryObject(COSName.DR)))) {
                        other(CONTENT, "the form's default resources were replaced");
                    }
                } else {
                    other(CONTENT, "form /" + name.getName() + " changed");
                }
            }
            COSArray before = array(signedForm.getDictionaryObject(COSName.FIELDS));
            COSArray after = array(form.getDictionaryObject(COSName.FIELDS));
            for (COSBase f : items(before)) {
                if (!contains(after, f)) {
                    other(CONTENT, "form field " + fieldName(f) + " removed");
                }
            }
        }

        /**
         * The fonts and other resources added to the form's /DR: used by the form itself and by the
         * appearances judged above as permitted, nothing else (a page using one is a content change).
         */
        private void formResources() {
            Set<COSObjectKey> allowed = new HashSet<>(formResources);
            explained.forEach((k, m) -> {
                if (m != Modification.OTHER) {
                    allowed.add(k);
                }
            });
            explainSubtree(defaultResources, allowed, Modification.SIGNATURES, "the form's default resources");
        }

        /** Whether {@code after} has every entry of {@code before} (one level of sub-dictionaries deep). */
        private boolean onlyAdded(COSDictionary before, COSDictionary after) {
            if (before == null) {
                return true;
            }
            if (after == null) {
                return false;
            }
            for (COSName n : before.keySet()) {
                COSDictionary b = dict(before.getDictionaryObject(n));
                COSDictionary a = dict(after.getDictionaryObject(n));
                if (b != null && a != null && !(before.getItem(n) instanceof COSStream)) {
                    for (COSName m : b.keySet()) {
                        if (!same(b.getItem(m), a.getItem(m))) {
                            return false;
                        }
                    }
                } else if (!same(before.getItem(n), after.getItem(n))) {
                    return false;
                }
            }
            return true;
        }

        // --- form fields ---

        private void fieldTree(COSDictionary signedCat, COSDictionary cat) throws IOException {
            COSDictionary form = dict(cat.getDictionaryObject(COSName.ACRO_FORM));
            if (form == null) {
                return;
            }
            Map<COSObjectKey, PDField> before = new HashMap<>();
            COSDictionary signedForm = dict(signedCat.getDictionaryObject(COSName.ACRO_FORM));
            if (signedForm != null) {
                for (PDField f : new PDAcroForm(signed, signedForm).getFieldTree()) {
                    if (f.getCOSObject().getKey() != null) {
                        before.put(f.getCOSObject().getKey(), f);
                    }
                }
            }
            PDAcroForm lastForm = new PDAcroForm(last, form);
            for (PDField f : lastForm.getFieldTree()) {
                COSObjectKey k = f.getCOSObject().getKey();
                PDField was = k == null ? null : before.get(k);
                if (f instanceof PDNonTerminalField) {
                    nonTerminal(f, was);
                } else if (f instanceof PDSignatureField) {
                    signatureField((PDSignatureField) f, was);
                } else {
                    field((PDTerminalField) f, was, lastForm);
                }
            }
        }

        private void nonTerminal(PDField f, PDField was) {
            COSObjectKey k = f.getCOSObject().getKey();
            if (k == null || !changed.contains(k)) {
                return;
            }
            if (was == null) {
                other(CONTENT, "form field " + f.getFullyQualifiedName() + " added after signing");
                explain(k, Modification.OTHER);
                return;
            }
            for (COSName n : union(was.getCOSObject(), f.getCOSObject())) {
                if (!n.equals(COSName.KIDS) && !same(was.getCOSObject().getItem(n), f.getCOSObject().getItem(n))) {
                    other(CONTENT, "form field " + f.getFullyQualifiedName() + " /" + n.getName() + " changed");
                }
            }
            explain(k, Modification.SIGNATURES); // new kids are judged as fields themselves
        }

        /** The field's own dictionaries (field and widgets) and everything its widgets' appearances use. */
        private Set<COSObjectKey> own(PDTerminalField f) {
            Set<COSObjectKey> keys = new HashSet<>();
            if (f.getCOSObject().getKey() != null) {
                keys.add(f.getCOSObject().getKey());
            }
            for (PDAnnotationWidget w : f.getWidgets()) {
                if (w.getCOSObject().getKey() != null) {
                    keys.add(w.getCOSObject().getKey());
                }
            }
            return keys;
        }

        private Set<COSObjectKey> appearances(PDTerminalField f) {
            Set<COSObjectKey> keys = new HashSet<>();
            for (PDAnnotationWidget w : f.getWidgets()) {
                keys.addAll(subtree(w.getCOSObject().getItem(COSName.AP)));
                keys.addAll(subtree(w.getCOSObject().getItem(COSName.MK)));
            }
            return keys;
        }

        private boolean anyChanged(Set<COSObjectKey> keys) {
            for (COSObjectKey k : keys) {
                if (changed.contains(k)) {
                    return true;
                }
            }
            return false;
        }

        private void signatureField(PDSignatureField f, PDField was) {
            Set<COSObjectKey> own = own(f);
            Set<COSObjectKey> ap = appearances(f);
            COSBase value = f.getCOSObject().getItem(COSName.V);
            // a signature reference's /Data points at the document (FieldMDP: the catalog), not into the signature
            Set<COSObjectKey> valueKeys = subtree(value, Set.of(DATA));
            boolean signedNow = was == null ? value != null
                    : was.getCOSObject().getDictionaryObject(COSName.V) == null && f.getCOSObject().getDictionaryObject(COSName.V) != null;
            if (was != null && !signedNow && (anyChanged(own) || anyChanged(ap) || anyChanged(valueKeys))) {
                boolean repointed = was.getCOSObject().getDictionaryObject(COSName.V) != null
                        && !same(was.getCOSObject().getItem(COSName.V), f.getCOSObject().getItem(COSName.V));
                other(CONTENT, "signature field " + f.getFullyQualifiedName()
                        + (repointed ? " now holds another signature" : " changed after it was signed or reserved"));
                own.forEach(k -> explain(k, Modification.OTHER));
                return;
            }
            COSDictionary v = f.getCOSObject().getCOSDictionary(COSName.V);
            boolean timestamp = v != null && (COSName.DOC_TIME_STAMP.equals(v.getCOSName(COSName.TYPE))
                    || COSName.getPDFName("ETSI.RFC3161").equals(v.getCOSName(COSName.SUB_FILTER)));
            // a document time-stamp is validation data; a new signature or a new empty field is not
            signaturesAdded |= (signedNow && !timestamp) || (was == null && value == null);
            if (signedNow) {
                f.getWidgets().forEach(w -> laterSignatureWidgets.add(w.getCOSObject()));
            } else if (was == null && value == null && f.getWidgets().stream().anyMatch(w -> showsSomething(w.getCOSObject()))) {
                // no one signed it, so no one answers for what it shows (the "sneaky signature")
                other(CONTENT, "empty signature field " + f.getFullyQualifiedName() + " added after signing shows an appearance");
                own.forEach(k -> explain(k, Modification.OTHER));
                ap.forEach(k -> explain(k, Modification.OTHER));
                return;
            }
            own.forEach(k -> explain(k, Modification.SIGNATURES));
            Set<COSObjectKey> allowed = new HashSet<>(own);
            allowed.addAll(formResources);
            explainSubtree(ap, allowed, Modification.SIGNATURES, "signature field " + f.getFullyQualifiedName());
            for (COSObjectKey k : valueKeys) {
                if (changed.contains(k) && signedXref.containsKey(k)) {
                    other(CONTENT, "the signature dictionary of " + f.getFullyQualifiedName() + " was rewritten");
                    explain(k, Modification.OTHER);
                }
            }
            explainSubtree(valueKeys, own, Modification.SIGNATURES, "signature " + f.getFullyQualifiedName());
        }

        private void field(PDTerminalField f, PDField was, PDAcroForm form) throws IOException {
            Set<COSObjectKey> own = own(f);
            Set<COSObjectKey> ap = appearances(f);
            if (!anyChanged(own) && !anyChanged(ap)) {
                return;
            }
            String name = f.getFullyQualifiedName();
            if (was == null) {
                other(CONTENT, "form field " + name + " added after signing");
                own.forEach(k -> explain(k, Modification.OTHER));
                ap.forEach(k -> explain(k, Modification.OTHER));
                return;
            }
            fields.add(name);
            // only the value and the appearance may change; compare the field's and widgets' other keys
            List<COSDictionary> now = new ArrayList<>();
            now.add(f.getCOSObject());
            f.getWidgets().forEach(w -> now.add(w.getCOSObject()));
            for (COSDictionary d : now) {
                COSObjectKey k = d.getKey();
                COSDictionary before = dict(signedObject(k));
                if (before == null) {
                    if (k != null && !signedXref.containsKey(k)) {
                        other(CONTENT, "form field " + name + " got a new widget after signing");
                    }
                    continue;
                }
                for (COSName n : union(before, d)) {
                    if (!n.equals(COSName.V) && !n.equals(COSName.AP) && !n.equals(COSName.AS)
                            && !same(before.getItem(n), d.getItem(n))) {
                        other(CONTENT, "form field " + name + " /" + n.getName() + " changed");
                    }
                }
            }
            String oldValue = value(was);
            String newValue = value(f);
            Modification m = Modification.OTHER;
            if (Objects.equals(oldValue, newValue)) {
                other(APPEARANCE, "the appearance of field " + name + " changed, its value did not");
            } else if (!oldValue.isEmpty()) {
                other(VALUE_REPLACED, name + ": '" + oldValue + "' -> '" + newValue + "'");
            } else if (!FieldAppearance.shows(f, newValue, form, this::changedKey)) {
                other(APPEARANCE, "field " + name + " does not show its new value '" + newValue + "'");
            } else {
                m = Modification.FORM_FILL;
            }
            for (COSObjectKey k : own) {
                explain(k, m);
            }
            Set<COSObjectKey> allowed = new HashSet<>(own);
            allowed.addAll(formResources);
            explainSubtree(ap, allowed, m, "field " + name);
        }

        private boolean changedKey(COSObjectKey k) {
            return changed.contains(k);
        }

        // --- pages and annotations ---

        private void pages() {
            List<COSDictionary> before = new ArrayList<>();
            for (PDPage p : signed.getPages()) {
                before.add(p.getCOSObject());
            }
            List<COSDictionary> after = new ArrayList<>();
            for (PDPage p : last.getPages()) {
                after.add(p.getCOSObject());
            }
            boolean samePages = before.size() == after.size();
            for (int i = 0; samePages && i < before.size(); i++) {
                samePages = Objects.equals(before.get(i).getKey(), after.get(i).getKey());
            }
            if (!samePages) {
                other(PAGES, "pages " + before.size() + " -> " + after.size()
                        + (before.size() == after.size() ? " (replaced or reordered)" : ""));
            }
            for (COSObjectKey node : pageTreeNodes()) {
                if (changed.contains(node)) {
                    if (samePages) {
                        other(CONTENT, "page tree node " + id(node) + " changed");
                    }
                    explain(node, Modification.OTHER);
                }
            }
            Map<COSObjectKey, COSDictionary> signedPages = new HashMap<>();
            before.forEach(p -> signedPages.put(p.getKey(), p));
            for (int i = 0; i < after.size(); i++) {
                COSDictionary page = after.get(i);
                COSDictionary was = signedPages.get(page.getKey());
                page(i + 1, was, page);
            }
        }

        private Set<COSObjectKey> pageTreeNodes() {
            Set<COSObjectKey> nodes = new HashSet<>();
            Deque<COSBase> todo = new ArrayDeque<>();
            todo.add(last.getDocumentCatalog().getCOSObject().getItem(COSName.PAGES));
            while (!todo.isEmpty() && nodes.size() < 1_000_000) {
                COSBase b = todo.pop();
                COSDictionary d = dict(b);
                if (d == null || !COSName.PAGES.equals(d.getCOSName(COSName.TYPE))) {
                    continue;
                }
                COSObjectKey k = key(b);
                if (k != null && !nodes.add(k)) {
                    continue;
                }
                for (COSBase kid : items(array(d.getDictionaryObject(COSName.KIDS)))) {
                    todo.add(kid);
                }
            }
            return nodes;
        }

        private void page(int number, COSDictionary was, COSDictionary page) {
            COSObjectKey k = page.getKey();
            COSObjectKey annotsKey = key(page.getItem(COSName.ANNOTS));
            if (was != null && k != null && changed.contains(k)) {
                explain(k, Modification.SIGNATURES);
                for (COSName n : union(was, page)) {
                    if (!n.equals(COSName.ANNOTS) && !same(was.getItem(n), page.getItem(n))) {
                        other(CONTENT, "page " + number + " /" + n.getName() + " changed");
                    }
                }
            }
            explain(annotsKey, Modification.SIGNATURES);
            COSArray before = was == null ? null : array(was.getDictionaryObject(COSName.ANNOTS));
            COSArray after = array(page.getDictionaryObject(COSName.ANNOTS));
            if (was != null) {
                for (COSBase a : items(before)) {
                    if (!contains(after, a)) {
                        COSDictionary d = dict(a);
                        if (d != null && COSName.WIDGET.equals(d.getCOSName(COSName.SUBTYPE))) {
                            other(CONTENT, "a form field widget was removed from page " + number);
                        } else {
                            explain(k, Modification.ANNOTATIONS);
                        }
                    }
                }
            }
            List<COSDictionary> widgets = new ArrayList<>();
            for (COSBase a : items(after)) {
                COSDictionary d = dict(a);
                if (d != null && COSName.WIDGET.equals(d.getCOSName(COSName.SUBTYPE))) {
                    widgets.add(d); // judged with their fields
                }
            }
            for (COSBase a : items(after)) {
                COSDictionary d = dict(a);
                COSObjectKey ak = key(a);
                if (d == null || widgets.contains(d)) {
                    continue;
                }
                if (annotation(number, dict(signedObject(ak)), d, ak, contains(before, a))) {
                    overlap(number, d, widgets);
                }
            }
            for (COSDictionary w : widgets) {
                if (laterSignatureWidgets.contains(w)) {
                    signatureOverlap(number, w, after);
                }
            }
        }

        /**
         * A signature widget added after signing may lie over earlier signature widgets (Decree 30/2020
         * lays the seal over the leader's signature image), but not over a form field or an annotation:
         * its appearance would hide or replace what the signer saw there (the "sneaky signature").
         */
        private void signatureOverlap(int page, COSDictionary widget, COSArray annots) {
            float[] r = rect(widget);
            if (r == null) {
                return;
            }
            for (COSBase a : items(annots)) {
                COSDictionary d = dict(a);
                if (d == null || d == widget || COSName.POPUP.equals(d.getCOSName(COSName.SUBTYPE))
                        || COSName.LINK.equals(d.getCOSName(COSName.SUBTYPE)) || signatureWidget(d)) {
                    continue;
                }
                float[] q = rect(d);
                if (q != null && Math.min(r[2], q[2]) > Math.max(r[0], q[0]) && Math.min(r[3], q[3]) > Math.max(r[1], q[1])) {
                    boolean isWidget = COSName.WIDGET.equals(d.getCOSName(COSName.SUBTYPE));
                    other(OVERLAP, "signature field " + widgetName(widget) + " on page " + page + " covers "
                            + (isWidget ? "field " + widgetName(d) : "an annotation"));
                    explain(widget.getKey(), Modification.OTHER);
                }
            }
        }

        /**
         * A comment laid over a signature's or a form field's appearance after signing hides or replaces
         * what the signer saw there: not an annotation change but a content change.
         */
        private void overlap(int page, COSDictionary annotation, List<COSDictionary> widgets) {
            COSName type = annotation.getCOSName(COSName.SUBTYPE);
            float[] r = rect(annotation);
            if (r == null || COSName.POPUP.equals(type) || COSName.LINK.equals(type)) {
                return;
            }
            for (COSDictionary w : widgets) {
                float[] q = rect(w);
                if (q != null && Math.min(r[2], q[2]) > Math.max(r[0], q[0]) && Math.min(r[3], q[3]) > Math.max(r[1], q[1])) {
                    other(OVERLAP, "an annotation on page " + page + " covers field " + widgetName(w));
                    explain(annotation.getKey(), Modification.OTHER);
                }
            }
        }

        /** Whether a widget has a visible rectangle and a normal appearance with something in it. */
        private boolean showsSomething(COSDictionary widget) {
            COSDictionary ap = rect(widget) == null ? null : dict(widget.getDictionaryObject(COSName.AP));
            COSBase n = ap == null ? null : ap.getDictionaryObject(COSName.N);
            if (n instanceof COSStream) {
                return ((COSStream) n).getLength() > 0;
            }
            return n instanceof COSDictionary && ((COSDictionary) n).size() > 0;
        }

        /** The partial name of a widget's field (the widget's own /T or its parent's), or "?". */
        private String widgetName(COSDictionary w) {
            if (w.getString(COSName.T) != null) {
                return w.getString(COSName.T);
            }
            COSDictionary parent = dict(w.getDictionaryObject(COSName.PARENT));
            return parent == null || parent.getString(COSName.T) == null ? "?" : parent.getString(COSName.T);
        }

        /** Whether a widget belongs to a signature field (/FT /Sig, inherited through at most 32 parents). */
        private boolean signatureWidget(COSDictionary annotation) {
            if (!COSName.WIDGET.equals(annotation.getCOSName(COSName.SUBTYPE))) {
                return false;
            }
            COSDictionary d = annotation;
            for (int depth = 0; d != null && depth < 32; depth++) {
                COSName type = d.getCOSName(COSName.FT);
                if (type != null) {
                    return COSName.SIG.equals(type);
                }
                d = dict(d.getDictionaryObject(COSName.PARENT));
            }
            return false;
        }

        private float[] rect(COSDictionary annotation) {
            COSArray a = array(annotation.getDictionaryObject(COSName.RECT));
            if (a == null || a.size() != 4) {
                return null;
            }
            float[] v = a.toFloatArray();
            float[] r = {Math.min(v[0], v[2]), Math.min(v[1], v[3]), Math.max(v[0], v[2]), Math.max(v[1], v[3])};
            return r[2] > r[0] && r[3] > r[1] ? r : null;
        }

        /** Judges a non-widget annotation; true if it was added or changed after signing. */
        private boolean annotation(int page, COSDictionary was, COSDictionary now, COSObjectKey k, boolean listed) {
            Set<COSObjectKey> ap = subtree(now.getItem(COSName.AP));
            boolean dictChanged = k == null ? !listed : changed.contains(k);
            if (!dictChanged && !anyChanged(ap)) {
                return false;
            }
            Modification m = Modification.ANNOTATIONS;
            if (was != null && listed) {
                int flags = was.getInt(COSName.F, 0) ^ now.getInt(COSName.F, 0);
                if ((flags & VISIBILITY_FLAGS) != 0 || !same(was.getItem(COSName.OC), now.getItem(COSName.OC))) {
                    other(VISIBILITY, "an annotation on page " + page + " that existed when signed was "
                            + (isHidden(now) ? "hidden" : "made visible"));
                    m = Modification.OTHER;
                }
            }
            explain(k, m);
            Set<COSObjectKey> allowed = new HashSet<>();
            if (k != null) {
                allowed.add(k);
            }
            explainSubtree(ap, allowed, m, "an annotation on page " + page);
            return true;
        }

        private boolean isHidden(COSDictionary annotation) {
            return (annotation.getInt(COSName.F, 0) & (1 | 2 | 32)) != 0;
        }

        // --- helpers needing the documents ---

        /** Whether a viewer can see the object: the final trailer reaches it. */
        private boolean mayMatter(COSObjectKey k) {
            return reachable.contains(k);
        }

        private String describe(COSObjectKey k) {
            COSBase b = object(last, k);
            StringBuilder sb = new StringBuilder("object ").append(id(k));
            if (b instanceof COSDictionary) {
                COSName type = ((COSDictionary) b).getCOSName(COSName.TYPE);
                COSName subtype = ((COSDictionary) b).getCOSName(COSName.SUBTYPE);
                if (type != null) {
                    sb.append(" /").append(type.getName());
                }
                if (subtype != null) {
                    sb.append(" /").append(subtype.getName());
                }
                if (b instanceof COSStream) {
                    sb.append(" (stream)");
                }
            }
            return sb.toString();
        }

        private String fieldName(COSBase f) {
            COSDictionary d = dict(f);
            return d == null || d.getString(COSName.T) == null ? "?" : d.getString(COSName.T);
        }
    }

    // --- COS helpers (no document state) ---

    private static String value(PDField f) {
        String v = f.getValueAsString();
        if (v == null || "Off".equals(v)) {
            return "";
        }
        return v;
    }

    static Modification max(Modification a, Modification b) {
        return a.ordinal() >= b.ordinal() ? a : b;
    }

    private static String id(COSObjectKey k) {
        return k.getNumber() + " " + k.getGeneration();
    }

    private static COSBase object(PDDocument doc, COSObjectKey k) {
        if (k == null) {
            return null;
        }
        COSObject o = doc.getDocument().getObjectFromPool(k);
        return o == null ? null : o.getObject();
    }

    private static COSObjectKey key(COSBase b) {
        return b instanceof COSObject ? b.getKey() : null;
    }

    private static COSDictionary dict(COSBase b) {
        COSBase d = b instanceof COSObject ? ((COSObject) b).getObject() : b;
        return d instanceof COSDictionary ? (COSDictionary) d : null;
    }

    private static COSArray array(COSBase b) {
        COSBase d = b instanceof COSObject ? ((COSObject) b).getObject() : b;
        return d instanceof COSArray ? (COSArray) d : null;
    }

    private static List<COSBase> items(COSArray a) {
        List<COSBase> out = new ArrayList<>();
        if (a != null) {
            for (int i = 0; i < a.size(); i++) {
                out.add(a.get(i));
            }
        }
        return out;
    }

    private static boolean contains(COSArray a, COSBase item) {
        for (COSBase b : items(a)) {
            if (same(b, item)) {
                return true;
            }
        }
        return false;
    }

    private static Set<COSName> union(COSDictionary a, COSDictionary b) {
        Set<COSName> names = new LinkedHashSet<>(a.keySet());
        names.addAll(b.keySet());
        return names;
    }

    /** Calls {@code sink} with every indirect reference inside {@code b} (not following them). */
    private static void references(COSBase b, Consumer<COSObjectKey> sink) {
        if (b instanceof COSObject) {
            if (b.getKey() != null) {
                sink.accept(b.getKey());
            }
        } else if (b instanceof COSDictionary) {
            for (COSBase v : ((COSDictionary) b).getValues()) {
                references(v, sink);
            }
        } else if (b instanceof COSArray) {
            for (COSBase v : items((COSArray) b)) {
                references(v, sink);
            }
        }
    }

    /** The keys of every indirect object reachable from {@code b} (including {@code b} if indirect). */
    private Set<COSObjectKey> subtree(COSBase b) {
        return subtree(b, Set.of());
    }

    /** As {@link #subtree(COSBase)}, not following the dictionary entries named in {@code skip}. */
    private Set<COSObjectKey> subtree(COSBase b, Set<COSName> skip) {
        Set<COSObjectKey> seen = new HashSet<>();
        Deque<COSBase> todo = new ArrayDeque<>();
        if (b != null) {
            todo.add(b);
        }
        while (!todo.isEmpty()) {
            COSBase x = todo.pop();
            if (x instanceof COSObject) {
                if (x.getKey() == null || !seen.add(x.getKey())) {
                    continue;
                }
                x = ((COSObject) x).getObject();
            }
            if (x instanceof COSDictionary) {
                for (Map.Entry<COSName, COSBase> e : ((COSDictionary) x).entrySet()) {
                    if (!skip.contains(e.getKey())) {
                        todo.push(e.getValue());
                    }
                }
            } else if (x instanceof COSArray) {
                items((COSArray) x).forEach(todo::push);
            }
        }
        return seen;
    }

    /** Same value: direct objects compared deeply, references by object number. */
    static boolean same(COSBase a, COSBase b) {
        if (a instanceof COSNull) {
            a = null;
        }
        if (b instanceof COSNull) {
            b = null;
        }
        if (a == null || b == null) {
            return a == b;
        }
        if (a instanceof COSObject || b instanceof COSObject) {
            return a instanceof COSObject && b instanceof COSObject && Objects.equals(a.getKey(), b.getKey());
        }
        if (a instanceof COSDictionary && b instanceof COSDictionary) {
            COSDictionary x = (COSDictionary) a;
            COSDictionary y = (COSDictionary) b;
            if (!x.keySet().equals(y.keySet())) {
                return false;
            }
            for (COSName n : x.keySet()) {
                if (!same(x.getItem(n), y.getItem(n))) {
                    return false;
                }
            }
            return true;
        }
        if (a instanceof COSArray && b instanceof COSArray) {
            COSArray x = (COSArray) a;
            COSArray y = (COSArray) b;
            if (x.size() != y.size()) {
                return false;
            }
            for (int i = 0; i < x.size(); i++) {
                if (!same(x.get(i), y.get(i))) {
                    return false;
                }
            }
            return true;
        }
        if (a instanceof COSString && b instanceof COSString) {
            return java.util.Arrays.equals(((COSString) a).getBytes(), ((COSString) b).getBytes());
        }
        if (a instanceof COSNumber && b instanceof COSNumber) {
            // writers print reals with different precision (595.27563 vs 595.276): far below a visible change
            double x = ((COSNumber) a).floatValue();
            double y = ((COSNumber) b).floatValue();
            return Math.abs(x - y) <= 1e-3 + 1e-6 * Math.max(Math.abs(x), Math.abs(y));
        }
        return a.equals(b);
    }

    /** An object rewritten in a later revision but identical to its signed version is not a change. */
    private static boolean sameObject(COSBase a, COSBase b) throws IOException {
        if (a == null || b == null || a.getClass() != b.getClass()) {
            return false;
        }
        if (a instanceof COSStream) {
            COSStream x = (COSStream) a;
            COSStream y = (COSStream) b;
            if (!same(dictionaryOf(x), dictionaryOf(y)) || x.getLength() != y.getLength()) {
                return false;
            }
            try (InputStream i = x.createRawInputStream(); InputStream j = y.createRawInputStream()) {
                byte[] p = new byte[8192];
                byte[] q = new byte[8192];
                while (true) {
                    int n = i.readNBytes(p, 0, p.length);
                    int m = j.readNBytes(q, 0, q.length);
                    if (n != m || !java.util.Arrays.equals(p, 0, n, q, 0, m)) {
                        return false;
                    }
                    if (n < p.length) {
                        return true;
                    }
                }
            }
        }
        return same(a, b);
    }

    private static COSDictionary dictionaryOf(COSStream s) {
        COSDictionary d = new COSDictionary();
        for (Map.Entry<COSName, COSBase> e : s.entrySet()) {
            if (!COSName.LENGTH.equals(e.getKey())) {
                d.setItem(e.getKey(), e.getValue());
            }
        }
        return d;
    }
}
