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
import java.util.Objects;
import java.util.Optional;
import vn.kyso.api.ErrorCode;
import vn.kyso.api.KysoException;

/**
 * The built-in registry of Vietnamese CA certificates, pinned by SHA-256 fingerprint: the government
 * CA roots (G1, G2), the national roots (Vietnam National Root CA, MIC National Root CA) and the known
 * intermediates beneath them. Only fingerprints are bundled (resource {@code vn/kyso/core/trust/vn-pins.txt});
 * the certificates themselves are loaded by {@link TrustAnchors#vietnam(java.nio.file.Path)} from a
 * directory the user configures and accepted only when their fingerprint matches a pin.
 *
 * <p>Immutable, thread-safe, no I/O after class initialisation.
 */
public final class VietnamTrustRegistry {
    private static final String RESOURCE = "vn-pins.txt";
    private static final List<Pin> PINS = load();

    private VietnamTrustRegistry() {
    }

    /** Whether a pinned certificate is a root (trust anchor) or an intermediate CA. */
    public enum Role { ROOT, INTERMEDIATE }

    /** One pinned certificate: a short name (the usual file name without extension), its role and fingerprint. */
    public static final class Pin {
        private final String name;
        private final Role role;
        private final String sha256;

        Pin(String name, Role role, String sha256) {
            this.name = name;
            this.role = role;
            this.sha256 = sha256;
        }

        public String name() {
            return name;
        }

        public Role role() {
            return role;
        }

        /** The SHA-256 fingerprint of the DER certificate, upper-case hex without separators. */
        public String sha256() {
            return sha256;
        }

        @Override
        public String toString() {
            return name + ";" + role.name().toLowerCase(Locale.ROOT) + ";" + sha256;
        }
    }

    /** Every pin, in the registry's order. */
    public static List<Pin> pins() {
        return PINS;
    }

    /** The pin with the given fingerprint (any case, colons allowed), if any. */
    public static Optional<Pin> find(String sha256) {
        if (sha256 == null) {
            return Optional.empty();
        }
        String n = sha256.replace(":", "").trim().toUpperCase(Locale.ROOT);
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
            Objects.requireNonNull(in, RESOURCE);
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = r.readLine()) != null) {
                line = line.trim();
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split(";");
                if (f.length != 3 || !f[2].matches("[0-9A-F]{64}")) {
                    throw new KysoException(ErrorCode.INTERNAL, "bad pin line: " + line);
                }
                pins.add(new Pin(f[0], Role.valueOf(f[1].toUpperCase(Locale.ROOT)), f[2]));
            }
        } catch (IOException | RuntimeException e) {
            throw new KysoException(ErrorCode.INTERNAL, e, RESOURCE);
        }
        return Collections.unmodifiableList(pins);
    }
}
