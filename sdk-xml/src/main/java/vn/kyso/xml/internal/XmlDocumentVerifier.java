package vn.kyso.xml.internal;

import org.jspecify.annotations.Nullable;
import vn.kyso.api.io.Document;
import vn.kyso.api.report.Profile;
import vn.kyso.api.report.VerificationReport;
import vn.kyso.core.spi.DocumentVerifier;
import vn.kyso.core.spi.ValidationContext;

/**
 * The {@link DocumentVerifier} plug-in for XML (registered with ServiceLoader): accepts files whose first
 * bytes look like XML and verifies them with the profile the caller forces or, by default, the one detected from
 * the root element (e-invoice, e-tax, edXML or generic), with the calling Verifier's context. Stateless and thread-safe.
 */
public final class XmlDocumentVerifier implements DocumentVerifier {
    public XmlDocumentVerifier() {
    }

    @Override
    public boolean accepts(byte[] head, String fileName) {
        if (head == null || head.length == 0) {
            return false;
        }
        int i = 0;
        if (head.length >= 3 && (head[0] & 0xff) == 0xEF && (head[1] & 0xff) == 0xBB && (head[2] & 0xff) == 0xBF) {
            i = 3;
        }
        while (i < head.length && (head[i] == ' ' || head[i] == '\n' || head[i] == '\r' || head[i] == '\t')) {
            i++;
        }
        if (i + 1 >= head.length || head[i] != '<') {
            return false;
        }
        char c = (char) (head[i + 1] & 0xff);
        // A DOCTYPE is accepted here so that the hardened parser refuses it with a clear MALFORMED_INPUT.
        return c == '?' || c == '!' || c == '_' || Character.isLetter(c);
    }

    @Override
    public VerificationReport verify(Document document, @Nullable Document detachedData, @Nullable Profile profile,
                                     ValidationContext ctx) {
        return XmlValidation.run(document, detachedData, ctx, profile == null ? null : Profiles.xmlProfile(profile));
    }
}
