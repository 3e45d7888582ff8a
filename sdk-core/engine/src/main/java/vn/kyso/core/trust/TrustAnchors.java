package vn.kyso.core.trust;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.kyso.api.ErrorCode;
import vn.kyso.api.KysoException;
import vn.kyso.api.cert.Certificates;

/**
 * An immutable set of trust anchors (certificates a chain may end in) plus optional known intermediate
 * CA certificates that help build chains when a signature embeds only the signer's certificate.
 * Intermediates are never trusted by themselves. Duplicates (same SHA-256 fingerprint) are removed.
 *
 * <p>Thread-safe. Every failure to read a file is a {@link KysoException}.
 */
public final class TrustAnchors {
    private static final Logger LOG = LoggerFactory.getLogger(TrustAnchors.class);
    private static final TrustAnchors EMPTY = new TrustAnchors(Collections.emptyList(), Collections.emptyList());

    private final List<X509Certificate> anchors;
    private final List<X509Certificate> intermediates;

    private TrustAnchors(Collection<X509Certificate> anchors, Collection<X509Certificate> intermediates) {
        this.anchors = dedupe(anchors);
        this.intermediates = dedupe(intermediates);
    }

    private static List<X509Certificate> dedupe(Collection<X509Certificate> certs) {
        Map<String, X509Certificate> m = new LinkedHashMap<>();
        for (X509Certificate c : certs) {
            if (c == null) {
                throw new KysoException(ErrorCode.TRUST_ANCHOR_INVALID, "null certificate");
            }
            m.putIfAbsent(Certificates.sha256Fingerprint(c), c);
        }
        return Collections.unmodifiableList(new ArrayList<>(m.values()));
    }

    /** No trust anchor: nothing verifies as trusted. */
    public static TrustAnchors empty() {
        return EMPTY;
    }

    /** The given certificates as trust anchors. */
    public static TrustAnchors of(Collection<X509Certificate> anchors) {
        Objects.requireNonNull(anchors, "anchors");
        return new TrustAnchors(anchors, Collections.emptyList());
    }

    /** The given anchors and known intermediates. */
    public static TrustAnchors of(Collection<X509Certificate> anchors, Collection<X509Certificate> intermediates) {
        return new TrustAnchors(Objects.requireNonNull(anchors, "anchors"),
                Objects.requireNonNull(intermediates, "intermediates"));
    }

    /**
     * Every certificate in the given PEM (several certificates per file allowed) or DER files, as anchors.
     *
     * @throws KysoException {@code INPUT_UNREADABLE} or {@code CERTIFICATE_UNREADABLE}
     */
    public static TrustAnchors fromFiles(List<Path> pemOrDerFiles) {
        Objects.requireNonNull(pemOrDerFiles, "files");
        List<X509Certificate> certs = new ArrayList<>();
        for (Path p : pemOrDerFiles) {
            certs.addAll(Certificates.read(p));
        }
        return new TrustAnchors(certs, Collections.emptyList());
    }

    /**
     * The Vietnamese CA certificates found in a directory ({@code *.pem}, {@code *.crt}, {@code *.cer}),
     * keeping ONLY those whose SHA-256 fingerprint is pinned in {@link VietnamTrustRegistry}: pinned roots
     * become anchors, pinned intermediates become intermediates. A certificate (or a whole file) that
     * matches no pin, or cannot be read, is ignored with a warning in the log.
     *
     * @throws KysoException {@code INPUT_UNREADABLE} when the directory cannot be listed
     */
    public static TrustAnchors vietnam(Path directory) {
        Objects.requireNonNull(directory, "directory");
        List<X509Certificate> roots = new ArrayList<>();
        List<X509Certificate> inter = new ArrayList<>();
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(directory)) {
            for (Path p : ds) {
                String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
                if (Files.isRegularFile(p) && (n.endsWith(".pem") || n.endsWith(".crt") || n.endsWith(".cer"))) {
                    files.add(p);
                }
            }
        } catch (IOException | RuntimeException e) {
            throw new KysoException(ErrorCode.INPUT_UNREADABLE, e, directory.toString());
        }
        Collections.sort(files);
        for (Path p : files) {
            List<X509Certificate> certs;
            try {
                certs = Certificates.read(p);
            } catch (KysoException e) {
                LOG.warn("Ignoring {}: not a readable certificate ({})", p, e.code());
                continue;
            }
            for (X509Certificate c : certs) {
                String fp = Certificates.sha256Fingerprint(c);
                Optional<VietnamTrustRegistry.Pin> pin = VietnamTrustRegistry.find(fp);
                if (pin.isEmpty()) {
                    LOG.warn("Ignoring a certificate in {}: SHA-256 {} is not in the Vietnam pin registry", p, fp);
                } else if (pin.get().role() == VietnamTrustRegistry.Role.ROOT) {
                    roots.add(c);
                } else {
                    inter.add(c);
                }
            }
        }
        return new TrustAnchors(roots, inter);
    }

    /** This set and another one together. */
    public TrustAnchors plus(TrustAnchors other) {
        Objects.requireNonNull(other, "other");
        List<X509Certificate> a = new ArrayList<>(anchors);
        a.addAll(other.anchors);
        List<X509Certificate> i = new ArrayList<>(intermediates);
        i.addAll(other.intermediates);
        return new TrustAnchors(a, i);
    }

    /** The trust anchors (unmodifiable). */
    public List<X509Certificate> anchors() {
        return anchors;
    }

    /** The known intermediates (unmodifiable); never trusted by themselves. */
    public List<X509Certificate> intermediates() {
        return intermediates;
    }

    /** Whether there is no anchor at all. */
    public boolean isEmpty() {
        return anchors.isEmpty();
    }

    @Override
    public String toString() {
        return "TrustAnchors[" + anchors.size() + " anchors, " + intermediates.size() + " intermediates]";
    }
}
