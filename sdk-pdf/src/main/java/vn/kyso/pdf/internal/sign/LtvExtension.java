package vn.kyso.pdf.internal.sign;

import eu.europa.esig.dss.model.DSSDocument;
import eu.europa.esig.dss.model.FileDocument;
import eu.europa.esig.dss.pades.PAdESSignatureParameters;
import eu.europa.esig.dss.pades.signature.PAdESService;
import eu.europa.esig.dss.pdf.pdfbox.PdfBoxNativeObjectFactory;
import java.nio.file.Path;
import java.util.Arrays;
import vn.kyso.api.SignatureLevel;
import vn.kyso.api.io.AtomicFiles;
import vn.kyso.core.internal.Dss;
import vn.kyso.core.internal.DssTspSource;
import vn.kyso.core.internal.DssValidation;
import vn.kyso.core.internal.NetworkSources;
import vn.kyso.core.sign.SignerSettings;
import vn.kyso.core.internal.SigningSupport;

/**
 * The extension of signed PDFs with EU DSS, off the hot path: B-T (a document time-stamp for
 * signatures without one), B-LT (a /DSS dictionary with the certificates, OCSP responses and CRLs of
 * every signature and time-stamp) and B-LTA (then a document time-stamp, ETSI.RFC3161), each as further
 * incremental revisions that leave earlier signatures intact. Internal.
 */
final class LtvExtension {
    private final SignerSettings settings;
    private final NetworkSources network;

    LtvExtension(SignerSettings settings) {
        this.settings = settings;
        this.network = new NetworkSources(settings.revocation(), settings.clock());
    }

    /** Extends {@code in} to {@code level} and writes the result to {@code out} atomically. */
    void extend(Path in, Path out, SignatureLevel level, char[] password) {
        PAdESService service = new PAdESService(DssValidation.base(settings.trust(), network));
        service.setPdfObjFactory(new PdfBoxNativeObjectFactory());
        if (settings.timestamps() != null) {
            service.setTspSource(new DssTspSource(settings.timestamps()));
        }
        PAdESSignatureParameters p = new PAdESSignatureParameters();
        p.setSignatureLevel(Dss.padesLevel(level));
        if (password != null) {
            p.setPasswordProtection(password.clone());
        }
        try {
            DSSDocument extended = SigningSupport.dss(() -> service.extendDocument(new FileDocument(in.toFile()), p));
            AtomicFiles.write(out, extended::writeTo);
        } finally {
            char[] pw = p.getPasswordProtection();
            if (pw != null) {
                Arrays.fill(pw, '\0');
            }
        }
    }
}
