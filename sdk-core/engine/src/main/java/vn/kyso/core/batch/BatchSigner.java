package vn.kyso.core.batch;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.kyso.api.ErrorCode;
import vn.kyso.api.KysoException;
import vn.kyso.api.SigningResult;
import vn.kyso.api.internal.Args;
import vn.kyso.api.sign.DocumentSigner;
import vn.kyso.api.sign.SignatureOptions;
import vn.kyso.api.token.SigningKey;

/**
 * Signs every file of a directory with one key (one token login for the whole batch), in any format: give
 * it any {@link DocumentSigner} and that signer's options.
 *
 * <pre>{@code
 * BatchSummary s = BatchSigner.builder().glob("*.pdf").threads(2).build()
 *         .sign(Path.of("in"), Path.of("out"), key, pdfSigner, PdfSignatureOptions.defaults());
 * }</pre>
 *
 * <p>Guarantees:
 * <ul>
 * <li>An output appears in the output directory only complete: the signer writes it into the work
 *     directory {@value #WORK_DIRECTORY} inside the output directory, and it is renamed into place when
 *     the signer has finished. So an output that exists is done, and a re-run <em>skips</em> it.</li>
 * <li>A run killed half-way leaves nothing partial among the outputs: unfinished files stay in the work
 *     directory, which the next run empties before it starts and every run removes when it ends. The work
 *     directory is locked while a batch runs: a second batch into the same directory is refused.</li>
 * <li>A file that cannot be signed is recorded with its error (stable code, Vietnamese and English
 *     message) and the batch goes on, except for the errors that make going on pointless (token removed,
 *     PIN locked or wrong, certificate expired or revoked, ...: {@link Builder#stopOn}); then the batch
 *     stops, the files not tried are {@link BatchItem.Status#NOT_ATTEMPTED} and
 *     {@link BatchSummary#stoppedBy()} says why. An interrupted calling thread stops it the same way.</li>
 * <li>Files are taken in name order; with {@link Builder#threads(int) threads} above 1 several are signed at
 *     once with the same key (the SDK's keys are thread-safe; a USB token signs one at a time anyway).</li>
 * <li>Progress goes to the {@link BatchListener listeners}; failures to act on the directories themselves
 *     are a {@link KysoException} from {@code sign}.</li>
 * </ul>
 * Only regular files directly in the input directory are inputs (no sub-directories), hidden files
 * (names starting with a dot) excepted. Immutable and thread-safe.
 */
public final class BatchSigner {
    private static final Logger LOG = LoggerFactory.getLogger(BatchSigner.class);

    /** The name of the batch's work directory inside the output directory. */
    public static final String WORK_DIRECTORY = ".kyso-batch";

    /** The errors after which the batch stops by default: nothing else could be signed with that key. */
    public static final Set<ErrorCode> DEFAULT_STOP_ON = Collections.unmodifiableSet(EnumSet.of(
            ErrorCode.TOKEN_UNAVAILABLE, ErrorCode.PIN_INCORRECT, ErrorCode.PIN_LOCKED, ErrorCode.KEY_NOT_FOUND,
            ErrorCode.UNSUPPORTED_ALGORITHM, ErrorCode.SIGNING_REJECTED, ErrorCode.CERTIFICATE_EXPIRED,
            ErrorCode.CERTIFICATE_NOT_YET_VALID, ErrorCode.CERTIFICATE_REVOKED, ErrorCode.KEY_USAGE_NOT_ALLOWED));

    private final int threads;
    private final String glob;
    private final UnaryOperator<String> outputName;
    private final List<BatchListener> listeners;
    private final Set<ErrorCode> stopOn;
    private final Clock clock;

    private BatchSigner(Builder b) {
        threads = b.threads;
        glob = b.glob;
        outputName = b.outputName;
        listeners = List.copyOf(b.listeners);
        stopOn = Collections.unmodifiableSet(b.stopOn.isEmpty() ? EnumSet.noneOf(ErrorCode.class) : EnumSet.copyOf(b.stopOn));
        clock = b.clock;
    }

    /** {@return a builder with the defaults: one thread, every file, the same output names, stop on DEFAULT_STOP_ON} */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Signs the files of {@code inDir} that match the glob into {@code outDir} (created if needed).
     *
     * @param <O> the signer's options type
     * @param inDir the directory whose files are signed
     * @param outDir the directory the signed files go to; must not be {@code inDir}
     * @param key the key every file is signed with
     * @param signer the format's signer
     * @param options the options every file is signed with
     * @return what happened to each file
     * @throws KysoException {@code INPUT_UNREADABLE} if {@code inDir} is not a readable directory,
     *     {@code INVALID_ARGUMENT} if both directories are the same or two inputs would have the same
     *     output, {@code OUTPUT_FAILED} if the output directory cannot be prepared or another batch is using it
     */
    public <O extends SignatureOptions> BatchSummary sign(Path inDir, Path outDir, SigningKey key,
                                                          DocumentSigner<O> signer, O options) {
        Args.notNull(inDir, "inDir");
        Args.notNull(outDir, "outDir");
        Args.notNull(key, "key");
        Args.notNull(signer, "signer");
        Args.notNull(options, "options");
        return sign(list(inDir), outDir, key, signer, options);
    }

    /**
     * The files {@link #sign(Path, Path, SigningKey, DocumentSigner, SignatureOptions)} would sign, checked as it checks them,
     * without signing anything: call it before asking for a PIN, so that a mistyped directory costs none.
     *
     * @param inDir the directory whose files would be signed
     * @param outDir the directory the signed files would go to
     * @return the input files, in the order they would be signed
     * @throws KysoException as {@link #sign(Path, Path, SigningKey, DocumentSigner, SignatureOptions)}, except {@code OUTPUT_FAILED}
     */
    public List<Path> inputs(Path inDir, Path outDir) {
        Args.notNull(inDir, "inDir");
        Args.notNull(outDir, "outDir");
        List<Path> files = list(inDir);
        plan(files, absolute(outDir));
        return files;
    }

    /**
     * Signs the given files into {@code outDir}; the glob is not applied. None of them may be in
     * {@code outDir} itself.
     *
     * @param <O> the signer's options type
     * @param inputs the files to sign, in this order
     * @param outDir the directory the signed files go to
     * @param key the key every file is signed with
     * @param signer the format's signer
     * @param options the options every file is signed with
     * @return what happened to each file
     * @throws KysoException as {@link #sign(Path, Path, SigningKey, DocumentSigner, SignatureOptions)}
     */
    public <O extends SignatureOptions> BatchSummary sign(List<Path> inputs, Path outDir, SigningKey key,
                                                          DocumentSigner<O> signer, O options) {
        Args.notNull(inputs, "inputs");
        Args.notNull(key, "key");
        Args.notNull(signer, "signer");
        Args.notNull(options, "options");
        FileSigner one = (in, staged, k) -> signer.sign(in, staged, k, options);
        Path out = absolute(Args.notNull(outDir, "outDir"));
        Map<String, Path> plan = plan(inputs, out);
        try (WorkDirectory work = WorkDirectory.open(out)) {
            return new Run(plan, out, work, key, one).execute();
        }
    }

    /** The inputs of a directory: regular, not hidden, matching the glob, by name. */
    private List<Path> list(Path inDir) {
        Args.notNull(inDir, "inDir");
        if (!Files.isDirectory(inDir)) {
            throw KysoException.localized(ErrorCode.INPUT_UNREADABLE, null, inDir + " (không phải thư mục)",
                    inDir + " (not a directory)");
        }
        PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + glob);
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(inDir)) {
            for (Path p : entries) {
                Path name = p.getFileName();
                if (!name.toString().startsWith(".") && matcher.matches(name) && Files.isRegularFile(p)) {
                    files.add(p);
                }
            }
        } catch (IOException | SecurityException e) {
            throw new KysoException(ErrorCode.INPUT_UNREADABLE, e, inDir.toString());
        }
        files.sort((a, b) -> a.getFileName().toString().compareTo(b.getFileName().toString()));
        return files;
    }

    /** Output name to input, in input order; refuses collisions, odd names and inputs in the output directory. */
    private Map<String, Path> plan(List<Path> inputs, Path out) {
        Map<String, Path> plan = new LinkedHashMap<>();
        for (Path input : inputs) {
            Path in = absolute(input);
            if (out.equals(in.getParent())) {
                throw KysoException.localized(ErrorCode.INVALID_ARGUMENT, null,
                        "thư mục đầu ra " + out + " chứa tệp đầu vào " + input.getFileName()
                                + ": hãy chọn thư mục đầu ra khác",
                        "the output directory " + out + " holds the input " + input.getFileName()
                                + ": choose another output directory");
            }
            String name = outputName.apply(in.getFileName().toString());
            if (name == null || name.isEmpty() || name.startsWith(".") || name.contains("/") || name.contains("\\")) {
                throw KysoException.localized(ErrorCode.INVALID_ARGUMENT, null,
                        "tên tệp đầu ra '" + name + "' của " + input.getFileName()
                                + " không dùng được (cần tên tệp trơn, không bắt đầu bằng dấu chấm)",
                        "output name '" + name + "' for " + input.getFileName()
                                + " cannot be used (it must be a plain file name not starting with a dot)");
            }
            Path earlier = plan.putIfAbsent(name, in);
            if (earlier != null) {
                throw KysoException.localized(ErrorCode.INVALID_ARGUMENT, null,
                        earlier.getFileName() + " và " + input.getFileName() + " sẽ cùng được ký vào " + name,
                        earlier.getFileName() + " and " + input.getFileName() + " would both be signed into " + name);
            }
        }
        return plan;
    }

    private static Path absolute(Path p) {
        Path abs = p.toAbsolutePath().normalize();
        try {
            return Files.exists(abs) ? abs.toRealPath() : abs;
        } catch (IOException e) {
            return abs;
        }
    }

    /** One execution of the batch. */
    private final class Run {
        private final List<String> names;
        private final List<Path> inputs;
        private final Path out;
        private final WorkDirectory work;
        private final SigningKey key;
        private final FileSigner signer;
        private final BatchItem[] items;
        private final AtomicInteger next = new AtomicInteger();
        private final AtomicReference<KysoException> stop = new AtomicReference<>();
        private final Object reportLock = new Object();
        private final Instant start = clock.instant();
        private int signed;
        private int skipped;
        private int failed;

        Run(Map<String, Path> plan, Path out, WorkDirectory work, SigningKey key, FileSigner signer) {
            this.names = new ArrayList<>(plan.keySet());
            this.inputs = new ArrayList<>(plan.values());
            this.out = out;
            this.work = work;
            this.key = key;
            this.signer = signer;
            this.items = new BatchItem[names.size()];
        }

        BatchSummary execute() {
            int n = Math.max(1, Math.min(threads, names.size()));
            LOG.info("Batch: {} file(s) into {}, {} thread(s)", names.size(), out, n);
            BatchProgress first = progress();
            for (BatchListener l : listeners) {
                notify(() -> l.started(first));
            }
            if (n == 1) {
                work();
            } else {
                parallel(n);
            }
            List<BatchItem> all = new ArrayList<>(items.length);
            for (int i = 0; i < items.length; i++) {
                all.add(items[i] != null ? items[i]
                        : new BatchItem(inputs.get(i), out.resolve(names.get(i)), BatchItem.Status.NOT_ATTEMPTED, null, null));
            }
            BatchSummary summary = new BatchSummary(all, stop.get(), elapsed());
            LOG.info("Batch finished: {}", summary);
            for (BatchListener l : listeners) {
                notify(() -> l.finished(summary));
            }
            return summary;
        }

        private void parallel(int n) {
            ExecutorService pool = Executors.newFixedThreadPool(n, r -> {
                Thread t = new Thread(r, "kyso-batch");
                t.setDaemon(true);
                return t;
            });
            List<Future<?>> workers = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                workers.add(pool.submit(this::work));
            }
            pool.shutdown();
            boolean interrupted = false;
            for (Future<?> f : workers) {
                while (true) {
                    try {
                        f.get();
                        break;
                    } catch (InterruptedException e) {
                        interrupted = true; // let the workers finish the file in hand, then stop
                        stop.compareAndSet(null, interruptedError());
                    } catch (ExecutionException e) {
                        Throwable cause = e.getCause();
                        if (cause instanceof Error) {
                            throw (Error) cause;
                        }
                        throw KysoException.localized(ErrorCode.INTERNAL, cause, "luồng ký của loạt bị lỗi",
                                "a batch worker failed");
                    }
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }

        /** Takes the next file until none is left or the batch must stop. */
        private void work() {
            for (int i = next.getAndIncrement(); i < names.size(); i = next.getAndIncrement()) {
                if (Thread.currentThread().isInterrupted()) {
                    stop.compareAndSet(null, interruptedError());
                }
                if (stop.get() != null) {
                    return;
                }
                BatchItem item = one(inputs.get(i), names.get(i));
                items[i] = item;
                if (item.status() == BatchItem.Status.FAILED && stopOn.contains(item.error().errorCode())
                        && stop.compareAndSet(null, item.error())) {
                    LOG.warn("Batch stopped: {}", item.error().getMessage());
                }
                report(item);
            }
        }

        private BatchItem one(Path input, String name) {
            Path target = out.resolve(name);
            if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
                return new BatchItem(input, target, BatchItem.Status.SKIPPED, null, null);
            }
            Path staged = work.staging(name);
            try {
                SigningResult result = signer.sign(input, staged, key);
                if (!Files.isRegularFile(staged)) {
                    throw KysoException.localized(ErrorCode.INTERNAL, null,
                            "bộ ký không ghi tệp đầu ra nào cho " + input.getFileName(),
                            "the signer wrote no output for " + input.getFileName());
                }
                moveIntoPlace(staged, target);
                return new BatchItem(input, target, BatchItem.Status.SIGNED, result, null);
            } catch (KysoException e) {
                return failed(input, target, staged, e);
            } catch (RuntimeException e) {
                return failed(input, target, staged, new KysoException(ErrorCode.INTERNAL, e,
                        input.getFileName().toString(), e.getClass().getName()));
            }
        }

        private BatchItem failed(Path input, Path target, Path staged, KysoException e) {
            LOG.warn("{}: {}", input.getFileName(), e.getMessage());
            try {
                Files.deleteIfExists(staged);
            } catch (IOException ex) {
                LOG.debug("Removing {}: {}", staged, ex.toString());
            }
            return new BatchItem(input, target, BatchItem.Status.FAILED, null, e);
        }

        private void moveIntoPlace(Path staged, Path target) {
            try {
                try {
                    Files.move(staged, target, StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(staged, target, StandardCopyOption.REPLACE_EXISTING);
                }
            } catch (IOException e) {
                throw new KysoException(ErrorCode.OUTPUT_FAILED, e, target.toString());
            }
        }

        private void report(BatchItem item) {
            synchronized (reportLock) {
                switch (item.status()) {
                    case SIGNED: signed++; break;
                    case SKIPPED: skipped++; break;
                    default: failed++; break;
                }
                BatchProgress p = progress();
                for (BatchListener l : listeners) {
                    notify(() -> l.fileDone(item, p));
                }
            }
        }

        private BatchProgress progress() {
            return new BatchProgress(names.size(), signed, skipped, failed, elapsed());
        }

        private Duration elapsed() {
            Duration d = Duration.between(start, clock.instant());
            return d.isNegative() ? Duration.ZERO : d;
        }

        private void notify(Runnable call) {
            synchronized (reportLock) {
                try {
                    call.run();
                } catch (RuntimeException e) {
                    LOG.warn("A batch listener failed: {}", e.toString());
                }
            }
        }
    }

    private static KysoException interruptedError() {
        return KysoException.localized(ErrorCode.SIGNING_FAILED, null, "loạt ký bị ngắt giữa chừng",
                "the batch was interrupted");
    }

    /** Builder for {@link BatchSigner}. */
    public static final class Builder {
        private int threads = 1;
        private String glob = "*";
        private UnaryOperator<String> outputName = UnaryOperator.identity();
        private final List<BatchListener> listeners = new ArrayList<>();
        private Set<ErrorCode> stopOn = DEFAULT_STOP_ON;
        private Clock clock = Clock.systemUTC();

        private Builder() {
        }

        /**
         * How many files are signed at once (default 1, at most 64). More than one helps with HSMs, remote
         * services and soft keys; a USB token signs one at a time whatever this says.
         *
         * @param threads how many files at once, 1 to 64
         * @return this builder
         * @throws KysoException {@code INVALID_ARGUMENT} outside 1..64
         */
        public Builder threads(int threads) {
            if (threads < 1 || threads > 64) {
                throw new KysoException(ErrorCode.INVALID_ARGUMENT, "threads=" + threads + " (1..64)");
            }
            this.threads = threads;
            return this;
        }

        /**
         * Which file names of the input directory are signed, as a glob ({@code *.pdf}, {@code *.{xml,XML}});
         * default {@code *}.
         *
         * @param glob the pattern file names must match
         * @return this builder
         * @throws KysoException {@code INVALID_ARGUMENT} for a malformed glob
         */
        public Builder glob(String glob) {
            Args.notNull(glob, "glob");
            try {
                FileSystems.getDefault().getPathMatcher("glob:" + glob);
            } catch (IllegalArgumentException e) { // PatternSyntaxException included
                throw KysoException.localized(ErrorCode.INVALID_ARGUMENT, e,
                        "mẫu tên tệp không đúng cú pháp: '" + glob + "'", "malformed file name pattern: '" + glob + "'");
            }
            this.glob = glob;
            return this;
        }

        /**
         * The output file name for an input file name (default: the same name), e.g.
         * {@code n -> n + ".p7s"} for detached CAdES. It must give a plain file name not starting with a dot.
         *
         * @param outputName maps an input file name to its output file name
         * @return this builder
         */
        public Builder outputName(UnaryOperator<String> outputName) {
            this.outputName = Args.notNull(outputName, "outputName");
            return this;
        }

        /**
         * Adds a listener (several allowed); listeners are called one at a time.
         *
         * @param listener told when the batch starts, after each file and when it ends
         * @return this builder
         */
        public Builder listener(BatchListener listener) {
            listeners.add(Args.notNull(listener, "listener"));
            return this;
        }

        /**
         * The error codes after which the batch stops instead of going on with the next file (default
         * {@link #DEFAULT_STOP_ON}); an empty set tries every file whatever happens.
         *
         * @param codes the codes that stop the batch
         * @return this builder
         */
        public Builder stopOn(Set<ErrorCode> codes) {
            Args.notNull(codes, "codes");
            EnumSet<ErrorCode> copy = EnumSet.noneOf(ErrorCode.class);
            for (ErrorCode c : codes) {
                copy.add(Args.notNull(c, "codes"));
            }
            stopOn = Collections.unmodifiableSet(copy);
            return this;
        }

        /**
         * Same as {@link #stopOn(Set)}.
         *
         * @param codes the codes that stop the batch
         * @return this builder
         */
        public Builder stopOn(ErrorCode... codes) {
            return stopOn(new HashSet<>(Arrays.asList(Args.notNull(codes, "codes"))));
        }

        /**
         * The clock for progress times (default: system UTC).
         *
         * @param clock the clock the elapsed times are read from
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Args.notNull(clock, "clock");
            return this;
        }

        /** {@return a batch signer with these settings; the builder may be reused} */
        public BatchSigner build() {
            return new BatchSigner(this);
        }
    }

    /** One file of the batch: the signer and options given to {@code sign}, bound together. */
    @FunctionalInterface
    private interface FileSigner {
        SigningResult sign(Path input, Path output, SigningKey key);
    }
}
