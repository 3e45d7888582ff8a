package vn.kyso.pdf.internal.verify;

import java.util.Set;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObjectKey;
import vn.kyso.api.report.Modification;

/**
 * The document catalog: optional content (layer) settings may not change (they show or hide content);
 * the XMP /Metadata and /Extensions may; /OutputIntents may be added where there were none (signing tools
 * add one for PDF/A's sake); /Version may change; /AcroForm and /DSS are judged by their own rules; any
 * other entry changed (/OpenAction, /Names, /AA, /Perms...) is OTHER, and a new /Pages is a page change.
 */
final class CatalogRule implements ModificationRule {
    static final COSName DSS = COSName.getPDFName("DSS");
    static final COSName OC_PROPERTIES = COSName.getPDFName("OCProperties");
    static final COSName OUTPUT_INTENTS = COSName.getPDFName("OutputIntents");

    @Override
    public void judge(Changes c) {
        COSObjectKey root = Cos.key(c.last.getDocument().getTrailer().getItem(COSName.ROOT));
        COSDictionary cat = c.last.getDocumentCatalog().getCOSObject();
        COSDictionary signedCat = c.signed.getDocumentCatalog().getCOSObject();
        Set<COSObjectKey> layers = Cos.subtree(cat.getItem(OC_PROPERTIES));
        for (COSObjectKey k : layers) {
            if (c.isChanged(k)) {
                c.other(Finding.VISIBILITY, "optional content (layer) settings changed");
                c.explain(k, Modification.OTHER);
            }
        }
        c.explainSubtree(cat.getItem(COSName.METADATA), Set.of(root), Modification.SIGNATURES, "the metadata");
        c.explainSubtree(cat.getItem(COSName.EXTENSIONS), Set.of(root), Modification.SIGNATURES, "the extensions");
        if (!c.isChanged(root)) {
            return;
        }
        c.explain(root, Modification.SIGNATURES);
        for (COSName name : Cos.union(signedCat, cat)) {
            if (Cos.same(signedCat.getItem(name), cat.getItem(name))) {
                continue;
            }
            if (name.equals(DSS) || name.equals(COSName.EXTENSIONS) || name.equals(COSName.METADATA)
                    || name.equals(COSName.ACRO_FORM) || name.equals(COSName.VERSION)) {
                continue; // judged by their rules (AcroForm, DSS) or harmless (Extensions, XMP metadata, PDF version)
            } else if (name.equals(OUTPUT_INTENTS) && signedCat.getItem(OUTPUT_INTENTS) == null) {
                // signing tools (EU DSS for visible signatures) add an output intent for PDF/A's sake;
                // one that was there when signed may not change
                c.explainSubtree(cat.getItem(OUTPUT_INTENTS), Set.of(root), Modification.SIGNATURES,
                        "the output intents");
            } else if (name.equals(OC_PROPERTIES)) {
                c.other(Finding.VISIBILITY, "optional content (layer) settings changed");
            } else if (name.equals(COSName.PAGES)) {
                c.other(Finding.PAGES, "the page tree was replaced");
            } else {
                c.other(Finding.CONTENT, "catalog /" + name.getName() + " changed");
            }
        }
    }
}
