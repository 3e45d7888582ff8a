package vn.kyso.core.trust;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import vn.kyso.api.ErrorCode;
import vn.kyso.api.KysoException;

/**
 * The built-in registry of Vietnamese CA certificates, pinned by SHA-256 fingerprint: the government
 * CA roots (G1, G2), the national roots of the public CA system (Vietnam National Root CA, and its
 * predecessor MIC National Root CA, which matters only for old signatures with proof of existence) and
 * the known intermediates beneath them. The certificates themselves ship in kyso-core next to the pin
 * list (resources {@code vn/kyso/core/trust/vn-pins.txt} and {@code vn/kyso/core/trust/vn/<name>.pem});
 * {@link TrustAnchors#vietnam()} loads them, each checked against its pin. A pin may also be
 * {@linkplain Pin#bundled() known but not shipped}: a user directory may then add that certificate.
 *
 * <pre>{@code
 * for (VietnamTrustRegistry.Pin pin : VietnamTrustRegistry.pins()) {
 *     System.out.println(pin.name() + " " + pin.role() + " " + pin.sha256());   // vgca-rootca ROOT F7BC89...
 * }
 * boolean pinned = VietnamTrustRegistry.find(Certificates.sha256Fingerprint(cert)).isPresent();
 * }</pre>
 *
 * <p>Immutable, thread-safe, no I/O after class initialisation.
 */
public final class VietnamTrustRegistry {
    /** The pin list, a resource of this package. */
    static final String RESOURCE = "vn-pins.txt";
    private static final List<Pin> PINS = load();

    private VietnamTrustRegistry() {
    }

    /** Whether a pinned certificate is a root (trust anchor) or an intermediate CA (never trusted by itself). */
    public enum Role {
        /** A root: a trust anchor. */
        ROOT,
        /** An intermediate CA: helps build chains, never trusted alone. */
        INTERMEDIATE
    }

    /**
     * One pinned certificate: a short name (its file name without extension, e.g. {@code vgca-rootca}), its
     * role, its fingerprint and whether kyso-core ships it. Immutable.
     *
     * <pre>{@code
     * Pin g2 = VietnamTrustRegistry.find("F04BA4B4...FDB8").orElseThrow();   // rootcag2, ROOT, bundled
     * }</pre>
     */
    public static final class Pin {
        private final String name;
        private final Role role;
        private final String sha256;
        private final boolean bundled;

        Pin(String name, Role role, String sha256, boolean bundled) {
            this.name = name;
            this.role = role;
            this.sha256 = sha256;
            this.bundled = bundled;
        }

        /**
         * {@return the short name, e.g. {@code vgca-rootca}; a shipped certificate is the resource {@code
         * vn/<name>.pem}} Sample: {@code VietnamTrustRegistry.find(fp).map(Pin::name).orElse("not pinned")}.
         */
        public String name() {
            return name;
        }

        /**
         * Root (trust anchor) or intermediate. Sample: {@code pin.role() == Role.ROOT}.
         *
         * @return whether it is a root or an intermediate
         */
        public Role role() {
            return role;
        }

        /**
         * {@return the SHA-256 fingerprint of the DER certificate, upper-case hex without separators} Sample:
         * {@code pin.sha256().equals(Certificates.sha256Fingerprint(cert))}.
         */
        public String sha256() {
            return sha256;
        }

        /**
         * {@return whether kyso-core ships the certificate ({@link TrustAnchors#vietnam()} loads every
         * bundled pin);
         * false for a certificate that is pinned but not shipped, which only a user directory can add}
         * Sample:
         * {@code pins().stream().filter(p -> !p.bundled())} gives dcscag2.
         */
        public boolean bundled() {
            return bundled;
        }

        @Override
        public String toString() {
            return name + ";" + role.name().toLowerCase(Locale.ROOT) + ";" + sha256 + ";" + (bundled ? "bundled" : "known");
        }
    }

    /**
     * {@return every pin, in the registry's order (unmodifiable)} <pre>{@code
     * long roots = VietnamTrustRegistry.pins().stream().filter(p -> p.role() == Role.ROOT).count();   // 4
     * }</pre>
     */
    public static List<Pin> pins() {
        return PINS;
    }

    /**
     * {@return the pin with the given fingerprint (any case, colons and spaces allowed), if any; empty for
     * null} <pre>{@code
     * Optional<Pin> pin = VietnamTrustRegistry.find(Certificates.sha256Fingerprint(certificate));
     * }</pre>
     *
     * @param sha256 the fingerprint in hex, or null (then none)
     */
    public static Optional<Pin> find(@Nullable String sha256) {
        if (sha256 == null) {
            return Optional.empty();
        }
        String n = sha256.replace(":", "").replace(" ", "").trim().toUpperCase(Locale.ROOT);
        for (Pin p : PINS) {
            if (p.sha256.equals(n)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    private static List<Pin> load() {
        List<Pin> pins = new ArrayList<>();
        try (InputStream in = VietnamTrustRegistry.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new KysoException(ErrorCode.INTERNAL, RESOURCE);
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = r.readLine()) != null) {
                line = line.trim();
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split(";");
                if (f.length != 4 || !f[2].matches("[0-9A-F]{64}") || !(f[3].equals("bundled") || f[3].equals("known"))) {
                    throw new KysoException(ErrorCode.INTERNAL, RESOURCE + ": " + line);
                }
                pins.add(new Pin(f[0], Role.valueOf(f[1].toUpperCase(Locale.ROOT)), f[2], f[3].equals("bundled")));
            }
        } catch (KysoException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new KysoException(ErrorCode.INTERNAL, e, RESOURCE);
        }
        return Collections.unmodifiableList(pins);
    }
}
