package vn.kyso.core.verify;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.kyso.api.ErrorCode;
import vn.kyso.api.KysoException;
import vn.kyso.api.report.VerificationReport;
import vn.kyso.core.internal.CadesDocumentVerifier;
import vn.kyso.core.internal.DefaultValidationContext;
import vn.kyso.core.internal.Dss;
import vn.kyso.core.internal.DataFiles;
import vn.kyso.core.revocation.RevocationOptions;
import vn.kyso.core.spi.DocumentVerifier;
import vn.kyso.core.trust.TrustAnchors;

/**
 * Verifies signed documents: CMS/CAdES built in, PDF and XML through {@link DocumentVerifier} plug-ins
 * found with {@link ServiceLoader} (kyso-pdf, kyso-xml) when they are on the class path.
 *
 * <p>Guarantees: the outcome of a verification is a {@link VerificationReport}, never an exception; an
 * exception ({@link KysoException}, nothing else) means the input could not be processed:
 * {@code INPUT_UNREADABLE} (missing/unreadable file), {@code UNSUPPORTED_FORMAT} (no verifier accepts the
 * file), {@code MALFORMED_INPUT} (damaged structure), {@code NO_SIGNATURE}, {@code DETACHED_DATA_REQUIRED}
 * (a detached signature given without its data). A report's verdict is VALID only when every signature
 * passed with integrity intact and a chain to one of the configured trust anchors.
 *
 * <p>Immutable and thread-safe; revocation responses are cached per Verifier for the configured TTL.
 */
public final class Verifier {
    private static final Logger LOG = LoggerFactory.getLogger(Verifier.class);
    private static final int HEAD = 1024;

    private final DefaultValidationContext context;
    private final List<DocumentVerifier> verifiers;

    private Verifier(Builder b) {
        context = new DefaultValidationContext(b.trust, b.revocation, b.clock);
        verifiers = discover();
    }

    public static Builder builder() {
        return new Builder();
    }

    private static List<DocumentVerifier> discover() {
        List<DocumentVerifier> plugins = new ArrayList<>();
        DocumentVerifier builtIn = null;
        try {
            for (DocumentVerifier v : ServiceLoader.load(DocumentVerifier.class, Verifier.class.getClassLoader())) {
                if (v instanceof CadesDocumentVerifier) {
                    builtIn = v;
                } else {
                    plugins.add(v);
                }
            }
        } catch (ServiceConfigurationError e) {
            LOG.warn("A DocumentVerifier plug-in could not be loaded: {}", e.getMessage());
        }
        plugins.add(builtIn != null ? builtIn : new CadesDocumentVerifier());
        return Collections.unmodifiableList(plugins);
    }

    /** Verifies a file carrying its own signed content (enveloping CMS, PDF, enveloped XML, ...). */
    public VerificationReport verify(Path file) {
        return verify(file, null);
    }

    /** Verifies a detached signature over {@code detachedData} (null for a self-contained file). */
    public VerificationReport verify(Path signature, Path detachedData) {
        if (signature == null) {
            throw new KysoException(ErrorCode.INVALID_ARGUMENT, "file");
        }
        byte[] head = DataFiles.head(signature, HEAD);
        if (head.length == 0) {
            throw new KysoException(ErrorCode.MALFORMED_INPUT, signature + " (empty)");
        }
        String name = signature.getFileName() == null ? "" : signature.getFileName().toString();
        for (DocumentVerifier v : verifiers) {
            boolean accepts;
            try {
                accepts = v.accepts(head.clone(), name);
            } catch (RuntimeException e) {
                LOG.warn("{}.accepts failed: {}", v.getClass().getName(), e.toString());
                accepts = false;
            }
            if (!accepts) {
                continue;
            }
            try {
                return v.verify(signature, detachedData, context);
            } catch (KysoException e) {
                throw e;
            } catch (RuntimeException | StackOverflowError e) {
                KysoException k = Dss.kysoCause(e);
                throw k != null ? k : new KysoException(ErrorCode.MALFORMED_INPUT, e, name + ": " + Dss.describe(e));
            }
        }
        throw new KysoException(ErrorCode.UNSUPPORTED_FORMAT, name);
    }

    /** Builder for {@link Verifier}. */
    public static final class Builder {
        private TrustAnchors trust = TrustAnchors.empty();
        private RevocationOptions revocation = RevocationOptions.online();
        private Clock clock = Clock.systemUTC();

        private Builder() {
        }

        /** Trust anchors (default none: nothing is VALID until anchors are given). */
        public Builder trust(TrustAnchors v) {
            trust = Objects.requireNonNull(v, "trust");
            return this;
        }

        /** Revocation checking (default {@link RevocationOptions#online()}). */
        public Builder revocation(RevocationOptions v) {
            revocation = Objects.requireNonNull(v, "revocation");
            return this;
        }

        /** The clock giving the validation time (default system UTC). */
        public Builder clock(Clock v) {
            clock = Objects.requireNonNull(v, "clock");
            return this;
        }

        public Verifier build() {
            return new Verifier(this);
        }
    }
}
