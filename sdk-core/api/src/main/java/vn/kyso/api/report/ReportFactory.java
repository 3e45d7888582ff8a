package vn.kyso.api.report;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import vn.kyso.api.cert.SubjectKind;
import vn.kyso.api.internal.ReportAccess;
import vn.kyso.api.internal.SignatureResultBuilder;

/** The one {@link ReportAccess.Factory}, registered by {@link VerificationReport}'s static initialiser. */
final class ReportFactory implements ReportAccess.Factory {
    @Override
    public VerificationReport report(@Nullable String documentName, Instant validationTime, Profile profile,
                                     List<SignatureResult> signatures) {
        return new VerificationReport(documentName, validationTime, profile, signatures);
    }

    @Override
    public SignatureResult signature(SignatureResultBuilder builder) {
        return new SignatureResult(builder);
    }

    @Override
    public TimestampResult timestamp(Instant time, @Nullable String tsa, boolean valid) {
        return new TimestampResult(time, tsa, valid);
    }

    @Override
    public SignerSummary signer(@Nullable String commonName, @Nullable String organization,
                                @Nullable String organizationalUnit, @Nullable String province,
                                @Nullable String taxCode, @Nullable String personalId, @Nullable SubjectKind kind) {
        return new SignerSummary(commonName, organization, organizationalUnit, province, taxCode, personalId, kind);
    }

    @Override
    public ReportMessage message(String code, String vietnamese, String english) {
        return new ReportMessage(code, vietnamese, english);
    }
}
