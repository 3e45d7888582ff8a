package vn.kyso.core.verify;

import java.util.Objects;
import org.jspecify.annotations.Nullable;
import vn.kyso.api.KysoException;
import vn.kyso.api.io.Document;
import vn.kyso.api.report.VerificationReport;

/**
 * One item of {@link Verifier#verifyAll(java.util.List)}: the document and either its report or the
 * {@link KysoException} that kept it from being verified (exactly one of the two is set). Immutable.
 */
public final class VerificationOutcome {
    private final Document document;
    private final @Nullable VerificationReport report;
    private final @Nullable KysoException error;

    private VerificationOutcome(Document document, @Nullable VerificationReport report, @Nullable KysoException error) {
        this.document = Objects.requireNonNull(document);
        this.report = report;
        this.error = error;
    }

    static VerificationOutcome of(Document document, VerificationReport report) {
        return new VerificationOutcome(document, Objects.requireNonNull(report), null);
    }

    static VerificationOutcome failed(Document document, KysoException error) {
        return new VerificationOutcome(document, null, Objects.requireNonNull(error));
    }

    /** {@return the document this outcome is about} */
    public Document document() {
        return document;
    }

    /** {@return whether the document was verified (its report may still say INVALID)} */
    public boolean verified() {
        return report != null;
    }

    /** {@return the report, or null when the document could not be verified} */
    public @Nullable VerificationReport report() {
        return report;
    }

    /** {@return why the document could not be verified, or null when it was} */
    public @Nullable KysoException error() {
        return error;
    }

    /** {@return the report, or the error thrown} */
    public VerificationReport reportOrThrow() {
        if (error != null) {
            throw error;
        }
        return report;
    }

    @Override
    public String toString() {
        return document.name() + ": " + (report != null ? report.verdict().toString() : error.code());
    }
}
