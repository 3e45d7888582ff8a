package vn.kyso.pdf.internal.sign;

import eu.europa.esig.dss.pades.SignatureImageParameters;
import eu.europa.esig.dss.pdf.IPdfObjFactory;
import eu.europa.esig.dss.pdf.PDFServiceMode;
import eu.europa.esig.dss.pdf.PDFSignatureService;
import eu.europa.esig.dss.pdf.pdfbox.PdfBoxNativeObjectFactory;
import eu.europa.esig.dss.pdf.pdfbox.PdfBoxSignatureService;
import eu.europa.esig.dss.pdf.pdfbox.visible.PdfBoxSignatureDrawer;
import eu.europa.esig.dss.pdf.pdfbox.visible.PdfBoxSignatureDrawerFactory;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotation;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationWidget;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAppearanceDictionary;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.SignatureOptions;
import org.apache.pdfbox.pdmodel.interactive.form.PDAcroForm;
import org.apache.pdfbox.pdmodel.interactive.form.PDField;
import org.apache.pdfbox.pdmodel.interactive.form.PDSignatureField;
import vn.kyso.pdf.PdfSignatureOptions;
import vn.kyso.pdf.internal.appearance.AppearanceRequest;
import vn.kyso.pdf.internal.appearance.Appearances;
import vn.kyso.pdf.internal.appearance.Placements;

/**
 * Makes DSS's PDFBox signing draw visible signatures with {@link Appearances} at the place
 * {@link Placements} resolves, instead of DSS's own drawer (which cannot layer a seal over a signature
 * image nor find anchors). DSS asks the drawer for a visual-signature template PDF whose widget carries
 * our appearance; PDFBox copies its rectangle and appearance into the signed document. This adapter is
 * the only DSS-specific part of visible signatures: a PDFBox-only engine calls {@link Placements#resolve}
 * and {@link Appearances#draw} directly. Internal.
 */
final class DssAppearanceBridge {
    private DssAppearanceBridge() {
    }

    /** A PDF object factory whose signature service draws with our appearance. */
    static IPdfObjFactory objectFactory(PdfSignatureOptions options, AppearanceRequest request) {
        PdfBoxSignatureDrawerFactory drawers = imageParameters -> new Drawer(options, request);
        return new PdfBoxNativeObjectFactory() {
            @Override
            public PDFSignatureService newPAdESSignatureService() {
                return configure(new PdfBoxSignatureService(PDFServiceMode.SIGNATURE, drawers));
            }
        };
    }

    /** DSS calls {@link #init} with the document being signed, then {@link #draw}. */
    private static final class Drawer implements PdfBoxSignatureDrawer {
        private final PdfSignatureOptions options;
        private final AppearanceRequest request;
        private PDDocument document;
        private SignatureOptions signatureOptions;
        private Placements.Resolved place;

        Drawer(PdfSignatureOptions options, AppearanceRequest request) {
            this.options = options;
            this.request = request;
        }

        @Override
        public void init(SignatureImageParameters parameters, PDDocument doc, SignatureOptions signatureOptions)
                throws IOException {
            this.document = doc;
            this.signatureOptions = signatureOptions;
            place = Placements.resolve(doc, options, request);
            // DSS puts a new field on the page its field parameters name, read after init
            parameters.getFieldParameters().setPage(place.pageIndex + 1);
            moveExistingWidget();
        }

        /**
         * An existing empty field (e.g. one added invisible just before signing) takes the resolved
         * rectangle and page: PDFBox keeps an existing widget's rectangle over the template's.
         */
        private void moveExistingWidget() throws IOException {
            String name = options.fieldName();
            PDAcroForm form = document.getDocumentCatalog().getAcroForm(null);
            PDField field = name == null || form == null ? null : form.getField(name);
            if (!(field instanceof PDSignatureField) || field.getWidgets().isEmpty()) {
                return;
            }
            PDAnnotationWidget w = field.getWidgets().get(0);
            PDPage target = document.getPage(place.pageIndex);
            PDPage current = w.getPage();
            boolean samePage = current != null && current.getCOSObject() == target.getCOSObject();
            PDRectangle r = w.getRectangle();
            if (samePage && r != null
                    && Arrays.equals(r.getCOSArray().toFloatArray(), place.rectangle.getCOSArray().toFloatArray())) {
                return;
            }
            if (current != null && !samePage) {
                List<PDAnnotation> annots = current.getAnnotations();
                annots.removeIf(a -> a.getCOSObject() == w.getCOSObject());
                current.setAnnotations(annots);
                current.getCOSObject().setNeedToBeUpdated(true);
            }
            List<PDAnnotation> annots = target.getAnnotations();
            if (annots.stream().noneMatch(a -> a.getCOSObject() == w.getCOSObject())) {
                annots.add(w);
                target.setAnnotations(annots);
                target.getCOSObject().setNeedToBeUpdated(true);
            }
            w.setPage(target);
            w.setRectangle(place.rectangle);
            w.getCOSObject().setNeedToBeUpdated(true);
        }

        @Override
        public void draw() throws IOException {
            try (PDDocument template = new PDDocument()) {
                PDPage page = new PDPage(document.getPage(place.pageIndex).getMediaBox());
                template.addPage(page);
                PDAcroForm form = new PDAcroForm(template);
                template.getDocumentCatalog().setAcroForm(form);
                PDSignatureField field = new PDSignatureField(form);
                form.getFields().add(field);
                PDAnnotationWidget widget = field.getWidgets().get(0);
                widget.setRectangle(place.rectangle);
                widget.setPage(page);
                page.getAnnotations().add(widget);
                PDAppearanceDictionary ap = new PDAppearanceDictionary();
                ap.setNormalAppearance(Appearances.draw(template, place.rectangle, place.rotation, request));
                widget.setAppearance(ap);
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                template.save(bytes);
                signatureOptions.setVisualSignature(new ByteArrayInputStream(bytes.toByteArray()));
            }
        }
    }
}
