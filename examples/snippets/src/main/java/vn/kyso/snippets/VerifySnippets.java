package vn.kyso.snippets;

import java.nio.file.Path;
import java.util.List;
import vn.kyso.api.Language;
import vn.kyso.api.io.Document;
import vn.kyso.api.report.Verdict;
import vn.kyso.api.report.VerificationReport;
import vn.kyso.core.report.ReportWriter;
import vn.kyso.core.trust.TrustAnchors;
import vn.kyso.core.verify.VerificationOutcome;
import vn.kyso.core.verify.Verifier;

/** GETTING-STARTED, verification: one Verifier for every format, one document or many. */
public final class VerifySnippets {

    private VerifySnippets() {
    }

    // tag::verify[]
    static String verifyOne(TrustAnchors trust, Path signature, Path originalData) {
        Verifier verifier = Verifier.builder().trust(trust).build();   // once; thread-safe, one OCSP/CRL cache
        VerificationReport report = verifier.verify(signature, originalData);   // detached CMS: give the data
        report.verdict();                                             // VALID, INVALID or INDETERMINATE
        return ReportWriter.html(report, Language.VI);                // or text(...), json(...)
    }
    // end::verify[]

    // tag::verify-bulk[]
    static int countValid(Verifier verifier, List<Document> documents) {
        int valid = 0;
        // a thread pool (Verifier.Builder.parallelism, default one thread per processor); input order kept
        for (VerificationOutcome o : verifier.verifyAll(documents)) {
            if (o.verified()) {
                valid += o.report().verdict() == Verdict.VALID ? 1 : 0;
            } else {
                o.error().code();                                     // one unreadable file stops nothing
            }
        }
        return valid;
    }
    // end::verify-bulk[]
}
