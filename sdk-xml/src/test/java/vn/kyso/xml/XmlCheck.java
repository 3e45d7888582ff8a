package vn.kyso.xml;

import java.nio.file.Path;
import vn.kyso.api.io.Document;
import vn.kyso.api.report.Profile;
import vn.kyso.api.report.VerificationReport;
import vn.kyso.core.verify.Verifier;

/** The tests' short way to call the one Verifier with XML bytes or files. */
final class XmlCheck {
    final Verifier verifier;

    XmlCheck(Verifier verifier) {
        this.verifier = verifier;
    }

    VerificationReport verify(byte[] xml) {
        return verifier.verify(Document.of(xml, "document.xml"));
    }

    VerificationReport verify(byte[] xml, Profile profile) {
        return verifier.verify(Document.of(xml, "document.xml"), null, profile);
    }

    VerificationReport verify(Path file, Path detachedData, Profile profile) {
        Document data = detachedData == null ? null : Document.of(detachedData);
        return profile == null ? verifier.verify(Document.of(file), data) : verifier.verify(Document.of(file), data, profile);
    }
}
