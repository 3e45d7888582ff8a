package vn.kyso.api.internal;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import vn.kyso.api.ErrorCode;
import vn.kyso.api.KysoException;
import vn.kyso.api.Language;
import vn.kyso.api.cert.CertificateInfo;
import vn.kyso.api.cert.SubjectKind;
import vn.kyso.api.report.Profile;
import vn.kyso.api.report.ReportMessage;
import vn.kyso.api.report.SignatureResult;
import vn.kyso.api.report.SignerSummary;
import vn.kyso.api.report.TimestampResult;
import vn.kyso.api.report.VerificationReport;

/**
 * How the engine modules create the report types, which have no public constructors: the report package
 * registers its factory here from a static initialiser (the JDK's "SharedSecrets" pattern), and only
 * that factory is accepted. Not meant for vendors; may change between releases.
 */
public final class ReportAccess {
    /** What the report package provides. Implemented once, package-private, in {@code vn.kyso.api.report}. */
    public interface Factory {
        VerificationReport report(@Nullable String documentName, Instant validationTime, Profile profile,
                                  List<SignatureResult> signatures);

        SignatureResult signature(SignatureResultBuilder builder);

        TimestampResult timestamp(Instant time, @Nullable String tsa, boolean valid);

        SignerSummary signer(@Nullable String commonName, @Nullable String organization,
                             @Nullable String organizationalUnit, @Nullable String province,
                             @Nullable String taxCode, @Nullable String personalId, @Nullable SubjectKind kind);

        ReportMessage message(String code, String vietnamese, String english);
    }

    private static final String FACTORY = "vn.kyso.api.report.ReportFactory";
    private static volatile @Nullable Factory factory;

    private ReportAccess() {
    }

    /** Called once by the report package; any other caller or a second call is refused. */
    public static void register(Factory f) {
        Args.notNull(f, "factory");
        if (!f.getClass().getName().equals(FACTORY) || f.getClass().getClassLoader() != ReportAccess.class.getClassLoader()) {
            throw new IllegalStateException("not the report factory: " + f.getClass().getName());
        }
        synchronized (ReportAccess.class) {
            if (factory != null) {
                throw new IllegalStateException("report factory already registered");
            }
            factory = f;
        }
    }

    static Factory factory() {
        Factory f = factory;
        if (f == null) {
            try {
                // Initialising VerificationReport registers the factory.
                Class.forName(VerificationReport.class.getName(), true, ReportAccess.class.getClassLoader());
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException(e);
            }
            f = factory;
            if (f == null) {
                throw new IllegalStateException("report factory not registered");
            }
        }
        return f;
    }

    /** A report; its verdict is derived from the signatures. */
    public static VerificationReport report(@Nullable String documentName, Instant validationTime, Profile profile,
                                            List<SignatureResult> signatures) {
        return factory().report(documentName, validationTime, profile, signatures);
    }

    /** A report with no profile. */
    public static VerificationReport report(@Nullable String documentName, Instant validationTime,
                                            List<SignatureResult> signatures) {
        return report(documentName, validationTime, Profile.NONE, signatures);
    }

    /** A new, empty signature result builder. */
    public static SignatureResultBuilder signature() {
        return new SignatureResultBuilder();
    }

    public static TimestampResult timestamp(Instant time, @Nullable String tsa, boolean valid) {
        return factory().timestamp(time, tsa, valid);
    }

    public static SignerSummary signer(@Nullable String commonName, @Nullable String organization,
                                       @Nullable String organizationalUnit, @Nullable String province,
                                       @Nullable String taxCode, @Nullable String personalId, @Nullable SubjectKind kind) {
        return factory().signer(commonName, organization, organizationalUnit, province, taxCode, personalId, kind);
    }

    /** The summary of a certificate's information. */
    public static SignerSummary signer(CertificateInfo info) {
        return signer(info.commonName(), info.organization(), info.organizationalUnit(), info.province(),
                info.taxCode(), info.personalId(), info.kind());
    }

    public static ReportMessage message(String code, String vietnamese, String english) {
        return factory().message(code, vietnamese, english);
    }

    /** A message built from an SDK error code and its details. */
    public static ReportMessage message(ErrorCode code, String... details) {
        KysoException e = new KysoException(code, details);
        return message(code.code(), strip(e.message(Language.VI)), strip(e.message(Language.EN)));
    }

    private static String strip(String m) {
        int i = m.indexOf("] ");
        return i >= 0 ? m.substring(i + 2) : m;
    }

    static SignatureResult build(SignatureResultBuilder b) {
        return factory().signature(b);
    }
}
