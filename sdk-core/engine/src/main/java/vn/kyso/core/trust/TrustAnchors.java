package vn.kyso.core.trust;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import vn.kyso.api.ErrorCode;
import vn.kyso.api.KysoException;
import vn.kyso.api.Language;
import vn.kyso.api.cert.Certificates;
import vn.kyso.api.internal.Args;

/**
 * An immutable set of trust anchors (certificates a chain may end in) plus optional known intermediate
 * CA certificates that help build chains when a signature embeds only the signer's certificate.
 * Intermediates are never trusted by themselves. Duplicates (same SHA-256 fingerprint) are removed.
 *
 * <p>Where to start:
 * <pre>{@code
 * TrustAnchors vn = TrustAnchors.vietnam();                                   // built in: no file, no download
 * TrustAnchors mine = TrustAnchors.fromFiles(List.of(Path.of("root.pem")));   // your own CA's root
 * Verifier verifier = Verifier.builder().trust(vn.plus(mine)).build();
 * System.out.println(vn.plus(mine).describe(Language.EN));
 * // built-in Vietnamese list (21 certificates: 4 roots, 17 intermediates) + 1 certificate from root.pem
 * }</pre>
 *
 * <p>Each set remembers where its certificates came from, so that a report can say which trust it was
 * judged against ({@link #describe(Language)}). Thread-safe. Every failure is a {@link KysoException};
 * nothing offered as trust is ever dropped silently.
 */
public final class TrustAnchors {
    private static final TrustAnchors EMPTY = new TrustAnchors(Collections.emptyList(), Collections.emptyList(),
            Collections.emptyList());
    /** Where the shipped certificates are, relative to this class. */
    private static final String BUNDLED_DIR = "vn/";

    private final List<X509Certificate> anchors;
    private final List<X509Certificate> intermediates;
    private final List<Source> sources;

    private TrustAnchors(Collection<X509Certificate> anchors, Collection<X509Certificate> intermediates,
                         List<Source> sources) {
        this.anchors = dedupe(anchors, "anchors");
        this.intermediates = dedupe(intermediates, "intermediates");
        this.sources = Collections.unmodifiableList(new ArrayList<>(sources));
    }

    private static List<X509Certificate> dedupe(Collection<X509Certificate> certs, String name) {
        Map<String, X509Certificate> m = new LinkedHashMap<>();
        for (X509Certificate c : certs) {
            if (c == null) {
                throw Args.missing(name + "[]");
            }
            m.putIfAbsent(Certificates.sha256Fingerprint(c), c);
        }
        return Collections.unmodifiableList(new ArrayList<>(m.values()));
    }

    /** Where some of the certificates came from, for {@link #describe(Language)}. */
    private static final class Source {
        enum Kind { BUILT_IN_VIETNAM, VIETNAM_DIRECTORY, FILES, GIVEN }

        final Kind kind;
        final int count;
        final int roots;
        final String label;

        Source(Kind kind, int count, int roots, String label) {
            this.kind = kind;
            this.count = count;
            this.roots = roots;
            this.label = label;
        }

        String describe(Language l) {
            boolean en = l == Language.EN;
            String n = en ? count + (count == 1 ? " certificate" : " certificates") : count + " chứng thư";
            switch (kind) {
                case BUILT_IN_VIETNAM:
                    int inter = count - roots;
                    return en ? "built-in Vietnamese list (" + n + ": " + roots + (roots == 1 ? " root, " : " roots, ")
                                    + inter + (inter == 1 ? " intermediate)" : " intermediates)")
                            : "danh sách tích hợp của Việt Nam (" + n + ": " + roots + " gốc, " + inter + " trung gian)";
                case VIETNAM_DIRECTORY:
                    return en ? n.replace("certificate", "pinned certificate") + " from the directory " + label
                            : n + " đã ghim từ thư mục " + label;
                case FILES:
                    return en ? n + " from " + label : n + " từ " + label;
                default:
                    return en ? n + " given by the application" : n + " do ứng dụng cung cấp";
            }
        }
    }

    /**
     * {@return no trust anchor: nothing verifies as trusted} <pre>{@code
     * Verifier integrityOnly = Verifier.builder().trust(TrustAnchors.empty()).build();
     * }</pre>
     */
    public static TrustAnchors empty() {
        return EMPTY;
    }

    /**
     * {@return the given certificates as trust anchors (e.g. roots an application keeps in its own store)}
     * <pre>{@code
     * TrustAnchors trust = TrustAnchors.of(List.of(sandbox.root()));
     * }</pre>
     *
     * @param anchors the certificates a chain may end in
     * @throws KysoException {@code INVALID_ARGUMENT} for a null list or a null element
     */
    public static TrustAnchors of(Collection<X509Certificate> anchors) {
        return of(anchors, Collections.emptyList());
    }

    /**
     * {@return the given anchors and known intermediates} <pre>{@code
     * TrustAnchors trust = TrustAnchors.of(List.of(root), List.of(issuingCa));
     * }</pre>
     *
     * @param anchors the certificates a chain may end in
     * @param intermediates CA certificates that help build chains, never trusted alone
     * @throws KysoException {@code INVALID_ARGUMENT} for a null list or a null element
     */
    public static TrustAnchors of(Collection<X509Certificate> anchors, Collection<X509Certificate> intermediates) {
        Args.notNull(anchors, "anchors");
        Args.notNull(intermediates, "intermediates");
        int a = dedupe(anchors, "anchors").size();
        return new TrustAnchors(anchors, intermediates,
                List.of(new Source(Source.Kind.GIVEN, a + dedupe(intermediates, "intermediates").size(), a, "")));
    }

    /**
     * {@return every certificate in the given files, as trust anchors: PEM (several certificates per file
     * allowed)
     * or DER} Use it for a CA that is not in the Vietnamese list, e.g. a sandbox or a company CA, and add it
     * to the built-in list with {@link #plus(TrustAnchors)}. Nothing is checked against the Vietnamese pins:
     * whoever gives the files decides to trust them.
     *
     * <pre>{@code
     * TrustAnchors trust = TrustAnchors.vietnam()
     * .plus(TrustAnchors.fromFiles(List.of(Path.of("sandbox-root.pem"), Path.of("company-ca.cer"))));
     * }</pre>
     *
     * @param pemOrDerFiles the certificate files
     * @throws KysoException {@code INVALID_ARGUMENT} for a null list or element, {@code INPUT_UNREADABLE}
     * for a file that cannot be read, {@code CERTIFICATE_UNREADABLE} for a file with no certificate
     */
    public static TrustAnchors fromFiles(List<Path> pemOrDerFiles) {
        Args.notNull(pemOrDerFiles, "pemOrDerFiles");
        List<X509Certificate> certs = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (Path p : pemOrDerFiles) {
            Args.notNull(p, "pemOrDerFiles[]");
            certs.addAll(read(p));
            names.add(p.getFileName() == null ? p.toString() : p.getFileName().toString());
        }
        int distinct = dedupe(certs, "pemOrDerFiles").size();
        return new TrustAnchors(certs, Collections.emptyList(),
                List.of(new Source(Source.Kind.FILES, distinct, distinct, String.join(", ", names))));
    }

    /**
     * {@return the built-in Vietnamese trust: every certificate pinned in {@link VietnamTrustRegistry} and
     * shipped in
     * kyso-core, each checked against its pin as it is loaded} Pinned roots (the government CA's G1 and G2
     * roots, Vietnam National Root CA, MIC National Root CA) become anchors; the pinned intermediates (the
     * ministries' and public CAs' certificates) help build chains. Needs no directory and no download.
     *
     * <pre>{@code
     * Verifier verifier = Verifier.builder().trust(TrustAnchors.vietnam()).build();
     * VerificationReport report = verifier.verify(Path.of("hoa-don.xml"));   // chains to the national root
     * }</pre>
     *
     * @throws KysoException {@code TRUST_NOT_PINNED} if a shipped certificate does not match its pin (a
     * damaged or altered jar), {@code INTERNAL} if one is missing
     */
    public static TrustAnchors vietnam() {
        return bundled(name -> TrustAnchors.class.getResourceAsStream(BUNDLED_DIR + name));
    }

    /** The shipped certificates, read through {@code open} (a resource name relative to this package). */
    static TrustAnchors bundled(Function<String, @Nullable InputStream> open) {
        List<X509Certificate> roots = new ArrayList<>();
        List<X509Certificate> inter = new ArrayList<>();
        for (VietnamTrustRegistry.Pin pin : VietnamTrustRegistry.pins()) {
            if (!pin.bundled()) {
                continue;
            }
            String name = pin.name() + ".pem";
            List<X509Certificate> certs;
            try (InputStream in = open.apply(name)) {
                if (in == null) {
                    throw new KysoException(ErrorCode.INTERNAL, BUNDLED_DIR + name);
                }
                certs = Certificates.parse(in.readAllBytes());
            } catch (IOException e) {
                throw new KysoException(ErrorCode.INTERNAL, e, BUNDLED_DIR + name);
            } catch (KysoException e) {
                throw e.errorCode() == ErrorCode.CERTIFICATE_UNREADABLE
                        ? new KysoException(ErrorCode.CERTIFICATE_UNREADABLE, e, BUNDLED_DIR + name + " (kyso-core)") : e;
            }
            String fp = certs.size() == 1 ? Certificates.sha256Fingerprint(certs.get(0)) : "n=" + certs.size();
            if (!fp.equals(pin.sha256())) {
                throw new KysoException(ErrorCode.TRUST_NOT_PINNED, BUNDLED_DIR + name + " (kyso-core) SHA-256 " + fp
                        + " ≠ " + pin.sha256());
            }
            (pin.role() == VietnamTrustRegistry.Role.ROOT ? roots : inter).add(certs.get(0));
        }
        return new TrustAnchors(roots, inter, List.of(
                new Source(Source.Kind.BUILT_IN_VIETNAM, roots.size() + inter.size(), roots.size(), "")));
    }

    /**
     * {@return the built-in Vietnamese trust ({@link #vietnam()}) plus the certificates of a directory, which
     * may
     * add or replace Vietnamese CA certificates only where their SHA-256 fingerprint matches a pin (for
     * example dcscag2, pinned but not shipped, or a newer copy of a shipped certificate)} Every regular,
     * non-hidden file of the directory must be a certificate (PEM or DER) whose fingerprint is pinned: any
     * other file is refused with an error naming it, never skipped. Give other CAs' roots with
     * {@link #fromFiles(List)}.
     *
     * <pre>{@code
     * TrustAnchors trust = TrustAnchors.vietnam(Path.of("/etc/kyso/vn-trust"));   // only pinned certificates
     * }</pre>
     *
     * @param directory the directory of certificate files
     * @throws KysoException {@code INPUT_UNREADABLE} when the directory cannot be listed or a file read,
     * {@code CERTIFICATE_UNREADABLE} for a file that is no certificate, {@code TRUST_NOT_PINNED} naming
     * every certificate whose fingerprint matches no pin
     */
    public static TrustAnchors vietnam(Path directory) {
        Args.notNull(directory, "directory");
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(directory)) {
            for (Path p : ds) {
                if (Files.isRegularFile(p) && !p.getFileName().toString().startsWith(".")) {
                    files.add(p);
                }
            }
        } catch (IOException | RuntimeException e) {
            throw new KysoException(ErrorCode.INPUT_UNREADABLE, e, directory.toString());
        }
        Collections.sort(files);
        List<X509Certificate> roots = new ArrayList<>();
        List<X509Certificate> inter = new ArrayList<>();
        List<String> refused = new ArrayList<>();
        for (Path p : files) {
            for (X509Certificate c : read(p)) {
                String fp = Certificates.sha256Fingerprint(c);
                Optional<VietnamTrustRegistry.Pin> pin = VietnamTrustRegistry.find(fp);
                if (pin.isEmpty()) {
                    refused.add(p.getFileName() + " (SHA-256 " + fp + ")");
                } else {
                    (pin.get().role() == VietnamTrustRegistry.Role.ROOT ? roots : inter).add(c);
                }
            }
        }
        if (!refused.isEmpty()) {
            throw new KysoException(ErrorCode.TRUST_NOT_PINNED, directory + ": " + String.join(", ", refused));
        }
        int r = dedupe(roots, "roots").size();
        TrustAnchors fromDirectory = new TrustAnchors(roots, inter, List.of(new Source(Source.Kind.VIETNAM_DIRECTORY,
                r + dedupe(inter, "intermediates").size(), r, directory.toString())));
        return vietnam().plus(fromDirectory);
    }

    /** Every certificate of a file; a file with none is an error naming the file. */
    private static List<X509Certificate> read(Path p) {
        try {
            return Certificates.read(p);
        } catch (KysoException e) {
            if (e.errorCode() == ErrorCode.CERTIFICATE_UNREADABLE) {
                throw new KysoException(ErrorCode.CERTIFICATE_UNREADABLE, e, p.toString());
            }
            throw e;
        }
    }

    /**
     * {@return this set and another one together (anchors with anchors, intermediates with intermediates);
     * the
     * description names both sources} <pre>{@code
     * TrustAnchors trust = TrustAnchors.vietnam().plus(TrustAnchors.fromFiles(List.of(Path.of("root.pem"))));
     * }</pre>
     *
     * @param other the set to add
     * @throws KysoException {@code INVALID_ARGUMENT} for null
     */
    public TrustAnchors plus(TrustAnchors other) {
        Args.notNull(other, "other");
        List<X509Certificate> a = new ArrayList<>(anchors);
        a.addAll(other.anchors);
        List<X509Certificate> i = new ArrayList<>(intermediates);
        i.addAll(other.intermediates);
        List<Source> s = new ArrayList<>(sources);
        s.addAll(other.sources);
        return new TrustAnchors(a, i, s);
    }

    /**
     * {@return the trust anchors (unmodifiable)} <pre>{@code
     * TrustAnchors.vietnam().anchors().size();   // 4 roots
     * }</pre>
     */
    public List<X509Certificate> anchors() {
        return anchors;
    }

    /**
     * {@return the known intermediates (unmodifiable); never trusted by themselves} <pre>{@code
     * TrustAnchors.vietnam().intermediates().size();   // 17
     * }</pre>
     */
    public List<X509Certificate> intermediates() {
        return intermediates;
    }

    /**
     * {@return whether there is no anchor at all (then nothing verifies as trusted)} <pre>{@code
     * TrustAnchors.empty().isEmpty();   // true
     * }</pre>
     */
    public boolean isEmpty() {
        return anchors.isEmpty();
    }

    /**
     * {@return which trust this is, in words, for a report: each source with its number of certificates,
     * joined by
     * " + ", e.g. {@code built-in Vietnamese list (21 certificates: 4 roots, 17 intermediates) + 1
     * certificate
     * from root.pem}; in Vietnamese {@code danh sách tích hợp của Việt Nam (21 chứng thư: 4 gốc, 17 trung
     * gian) + 1 chứng thư từ root.pem}} <pre>{@code
     * String line = trust.describe(Language.VI);
     * }</pre>
     *
     * @param language the language (null for Vietnamese)
     */
    public String describe(@Nullable Language language) {
        if (sources.isEmpty()) {
            return language == Language.EN ? "no trusted certificate" : "không có chứng thư tin cậy nào";
        }
        List<String> parts = new ArrayList<>();
        for (Source s : sources) {
            parts.add(s.describe(language));
        }
        return String.join(" + ", parts);
    }

    @Override
    public String toString() {
        return "TrustAnchors[" + anchors.size() + " anchors, " + intermediates.size() + " intermediates: "
                + describe(Language.EN) + "]";
    }
}
