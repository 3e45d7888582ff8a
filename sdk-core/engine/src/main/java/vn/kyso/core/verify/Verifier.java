package vn.kyso.core.verify;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.kyso.api.ErrorCode;
import vn.kyso.api.KysoException;
import vn.kyso.api.internal.Args;
import vn.kyso.api.io.Document;
import vn.kyso.api.report.Profile;
import vn.kyso.api.report.VerificationReport;
import vn.kyso.core.internal.CadesDocumentVerifier;
import vn.kyso.core.internal.DataFiles;
import vn.kyso.core.internal.DefaultValidationContext;
import vn.kyso.core.internal.Dss;
import vn.kyso.core.revocation.RevocationOptions;
import vn.kyso.core.spi.DocumentVerifier;
import vn.kyso.core.trust.TrustAnchors;

/**
 * The one verifier of the SDK, for every format and profile: CMS/CAdES built in, PDF (kyso-pdf) and
 * XAdES/XMLDSig with the Vietnamese e-invoice, e-tax and edXML profiles (kyso-xml) through
 * {@link DocumentVerifier} plug-ins found with {@link ServiceLoader} when they are on the class path.
 *
 * <pre>{@code
 * Verifier verifier = Verifier.builder().trust(TrustAnchors.vietnam()).build();
 * VerificationReport report = verifier.verify(Document.of(Path.of("hoa-don.xml")));
 * report.verdict();                          // VALID / INVALID / INDETERMINATE
 * report.profile();                          // Profile.EINVOICE, detected from the root element
 * report.signatureOf(Party.SELLER);          // the seller's signature result, or null
 * }</pre>
 *
 * <p>Guarantees: the outcome of a verification is a {@link VerificationReport}, never an exception; an
 * exception ({@link KysoException}, nothing else) means the input could not be processed:
 * {@code INVALID_ARGUMENT} (a null argument, or a profile forced on a format that has none),
 * {@code INPUT_UNREADABLE} (missing/unreadable file), {@code VERIFIER_MISSING} (a PDF or XML document
 * while kyso-pdf or kyso-xml is not on the class path: the message says which to add),
 * {@code UNSUPPORTED_FORMAT} (no verifier knows the format), {@code MALFORMED_INPUT} (damaged structure),
 * {@code NO_SIGNATURE}, {@code DETACHED_DATA_REQUIRED} (a detached signature given without its data).
 * A report's verdict is VALID only when every signature passed with integrity intact and a chain to one
 * of the configured trust anchors (and, for a profile, every signature covers what its party must sign).
 *
 * <p>Immutable and thread-safe. One revocation cache (OCSP, CRL, AIA responses, kept for the configured
 * TTL) serves every verification of this Verifier, whatever the format, including
 * {@link #verifyAll(List)}'s parallel ones.
 */
public final class Verifier {
    private static final Logger LOG = LoggerFactory.getLogger(Verifier.class);
    private static final int HEAD = 1024;

    private final DefaultValidationContext context;
    private final List<DocumentVerifier> verifiers;
    private final int parallelism;

    private Verifier(Builder b) {
        context = new DefaultValidationContext(b.trust, b.revocation, b.clock);
        verifiers = discover();
        parallelism = b.parallelism;
    }

    /**
     * {@return a builder: no trust anchors, online revocation, the system clock}
     */
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

    /**
     * Verifies a document carrying its own signed content (enveloping CMS, PDF, enveloped XML, ...).
     *
     * @param document the signed document (PDF, XML, CMS with its content)
     * @return the report: verdict and one result per signature
     */
    public VerificationReport verify(Document document) {
        return run(Args.notNull(document, "document"), null, null);
    }

    /**
     * Verifies a detached signature over {@code detachedData}.
     *
     * @param signature the signed document or detached signature
     * @return the report: verdict and one result per signature
     * @param detachedData the signed data, or null when {@code signature} carries its own content
     */
    public VerificationReport verify(Document signature, @Nullable Document detachedData) {
        return run(Args.notNull(signature, "signature"), detachedData, null);
    }

    /**
     * Verifies a document under the rules of {@code profile} instead of the profile its content implies
     * (e.g. {@link Profile#EINVOICE} for an invoice whose root element was renamed, or {@link Profile#NONE}
     * to check only the signatures). Profiles apply to XML: forcing one other than NONE on a PDF or a CMS
     * signature is {@code INVALID_ARGUMENT}.
     *
     * @param document the signed document or detached signature
     * @param profile the Vietnamese profile whose rules apply too, or the generic one
     * @return the report, with the profile's findings
     * @param detachedData the signed data of a detached signature, or null
     */
    public VerificationReport verify(Document document, @Nullable Document detachedData, Profile profile) {
        return run(Args.notNull(document, "document"), detachedData, Args.notNull(profile, "profile"));
    }

    /**
     * Verifies a file carrying its own signed content: {@code verify(Document.of(file))}.
     *
     * @param file the signed file
     * @return the report: verdict and one result per signature
     */
    public VerificationReport verify(Path file) {
        return verify(Document.of(Args.notNull(file, "file")));
    }

    /**
     * Verifies a detached signature file over a data file: {@code verify(Document.of(signature),
     * Document.of(detachedData))}.
     *
     * @param signature the signed file or detached signature
     * @return the report: verdict and one result per signature
     * @param detachedData the signed data, or null when {@code signature} carries its own content
     */
    public VerificationReport verify(Path signature, @Nullable Path detachedData) {
        return verify(Document.of(Args.notNull(signature, "signature")),
                detachedData == null ? null : Document.of(detachedData));
    }

    /**
     * Verifies many self-contained documents at once on a pool of {@link Builder#parallelism(int)} threads
     * (created for the call and stopped before it returns), all sharing this Verifier's revocation cache.
     * Returns one outcome per document, in input order: its report, or the {@link KysoException} that
     * {@link #verify(Document)} would have thrown for it; one bad document never stops the others.
     * The calling thread being interrupted stops the remaining work with {@code INTERNAL} (the interrupt
     * flag is kept).
     *
     * @param documents the documents to verify
     * @return one outcome per document, in the same order
     */
    public List<VerificationOutcome> verifyAll(List<Document> documents) {
        Args.notNull(documents, "documents");
        for (int i = 0; i < documents.size(); i++) {
            Args.notNull(documents.get(i), "documents[" + i + "]");
        }
        List<Document> input = List.copyOf(documents);
        if (input.isEmpty()) {
            return List.of();
        }
        int threads = Math.min(parallelism, input.size());
        if (threads == 1) {
            List<VerificationOutcome> out = new ArrayList<>();
            for (Document d : input) {
                out.add(outcome(d));
            }
            return List.copyOf(out);
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads, new Workers());
        try {
            List<Future<VerificationOutcome>> futures = new ArrayList<>();
            for (Document d : input) {
                futures.add(pool.submit(() -> outcome(d)));
            }
            List<VerificationOutcome> out = new ArrayList<>();
            for (Future<VerificationOutcome> f : futures) {
                out.add(f.get());
            }
            return List.copyOf(out);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw KysoException.localized(ErrorCode.INTERNAL, e, "việc kiểm tra hàng loạt bị ngắt",
                    "bulk verification interrupted");
        } catch (ExecutionException e) {
            // outcome() catches every exception; only an Error reaches here
            Throwable cause = e.getCause();
            if (cause instanceof Error) {
                throw (Error) cause;
            }
            throw new KysoException(ErrorCode.INTERNAL, cause, String.valueOf(cause));
        } finally {
            pool.shutdownNow();
        }
    }

    private VerificationOutcome outcome(Document d) {
        try {
            return VerificationOutcome.of(d, run(d, null, null));
        } catch (KysoException e) {
            return VerificationOutcome.failed(d, e);
        } catch (RuntimeException e) {
            return VerificationOutcome.failed(d, new KysoException(ErrorCode.INTERNAL, e, d.name() + ": " + e));
        }
    }

    private VerificationReport run(Document document, @Nullable Document detachedData, @Nullable Profile profile) {
        byte[] head = DataFiles.head(document, HEAD);
        if (head.length == 0) {
            throw KysoException.localized(ErrorCode.MALFORMED_INPUT, null, document.name() + " (tệp rỗng)",
                    document.name() + " (empty)");
        }
        if (detachedData != null) {
            DataFiles.requireReadable(detachedData);
        }
        String name = document.name();
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
                return v.verify(document, detachedData, profile, context);
            } catch (KysoException e) {
                throw e;
            } catch (RuntimeException | StackOverflowError e) {
                KysoException k = Dss.kysoCause(e);
                throw k != null ? k : new KysoException(ErrorCode.MALFORMED_INPUT, e, name + ": " + Dss.describe(e));
            }
        }
        String module = missingModule(head);
        if (module != null) {
            throw new KysoException(ErrorCode.VERIFIER_MISSING, name, module, module);
        }
        throw new KysoException(ErrorCode.UNSUPPORTED_FORMAT, name);
    }

    /** The Kyso module that verifies a format no installed plug-in accepted, or null when none does. */
    static @Nullable String missingModule(byte[] head) {
        String text = new String(head, StandardCharsets.ISO_8859_1);
        if (text.contains("%PDF-")) {
            return "kyso-pdf";
        }
        int i = text.startsWith("\u00EF\u00BB\u00BF") ? 3 : 0;
        while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        if (i + 1 < text.length() && text.charAt(i) == '<'
                && (text.charAt(i + 1) == '?' || Character.isLetter(text.charAt(i + 1)))) {
            return "kyso-xml";
        }
        return null;
    }

    /** Daemon worker threads of {@link #verifyAll(List)}. */
    private static final class Workers implements ThreadFactory {
        private static final AtomicInteger POOLS = new AtomicInteger();
        private final int pool = POOLS.incrementAndGet();
        private final AtomicInteger count = new AtomicInteger();

        @Override
        public Thread newThread(Runnable r) {
            Thread t = new Thread(r, "kyso-verify-" + pool + "-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        }
    }

    /** Builder for {@link Verifier}. */
    public static final class Builder {
        private TrustAnchors trust = TrustAnchors.empty();
        private RevocationOptions revocation = RevocationOptions.online();
        private Clock clock = Clock.systemUTC();
        private int parallelism = Runtime.getRuntime().availableProcessors();

        private Builder() {
        }

        /**
         * Trust anchors (default none: nothing is VALID until anchors are given).
         *
         * @param trust the certificates a chain may end in
         * @return this builder
         */
        public Builder trust(TrustAnchors trust) {
            this.trust = Args.notNull(trust, "trust");
            return this;
        }

        /**
         * Revocation checking (default {@link RevocationOptions#online()}).
         *
         * @param revocation how OCSP and CRL are fetched and cached
         * @return this builder
         */
        public Builder revocation(RevocationOptions revocation) {
            this.revocation = Args.notNull(revocation, "revocation");
            return this;
        }

        /**
         * {@return the clock giving the validation time (default system UTC)}
         *
         * @param clock the clock of the validation time
         */
        public Builder clock(Clock clock) {
            this.clock = Args.notNull(clock, "clock");
            return this;
        }

        /**
         * {@return how many documents {@link Verifier#verifyAll(List)} verifies at once (default: the number
         * of
         * processors; 1 verifies them one after the other on the calling thread)} At least 1.
         *
         * @param parallelism how many documents {@code verifyAll} verifies at once
         */
        public Builder parallelism(int parallelism) {
            if (parallelism < 1) {
                throw KysoException.localized(ErrorCode.INVALID_ARGUMENT, null,
                        "'parallelism' phải từ 1 trở lên: " + parallelism, "parallelism must be at least 1: " + parallelism);
            }
            this.parallelism = parallelism;
            return this;
        }

        /**
         * {@return a verifier with these settings; the builder may be reused}
         */
        public Verifier build() {
            return new Verifier(this);
        }
    }
}
