package vn.kyso.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.kyso.api.cert.Certificates;
import vn.kyso.core.trust.TrustAnchors;
import vn.kyso.core.trust.VietnamTrustRegistry;
import vn.kyso.testkit.Sandbox;

/** The Vietnam pin registry against the real published certificates. */
class TrustAnchorsTest {
    @TempDir
    Path tmp;

    @Test
    void registryHasTheDocumentedPins() {
        List<VietnamTrustRegistry.Pin> pins = VietnamTrustRegistry.pins();
        assertEquals(22, pins.size());
        Set<String> roots = pins.stream().filter(p -> p.role() == VietnamTrustRegistry.Role.ROOT)
                .map(VietnamTrustRegistry.Pin::name).collect(Collectors.toSet());
        assertEquals(Set.of("vgca-rootca", "rootcag2", "vnrca256", "mic"), roots);
        assertTrue(VietnamTrustRegistry.find("e4:b4:02:e3:cb:4c:ac:c0:a2:0d:21:fa:49:bc:e7:6b:eb:4e:b4:7b:a7:ff:b7:a8:f7:1c:55:4d:be:56:1a:81").isPresent());
    }

    @Test
    void loadsExactlyThePinnedCertificatesAndIgnoresOthers() throws Exception {
        Path vn = Fixtures.vietnamDir();
        assumeTrue(vn != null, "shared/trust/vn not found");
        Path copy = Files.createDirectory(tmp.resolve("vn"));
        try (var files = Files.list(vn)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                Files.copy(p, copy.resolve(p.getFileName()));
            }
        }
        // a certificate that is not pinned
        Sandbox sb = Sandbox.create(tmp.resolve("sb"), 0);
        Fixtures.writePem(copy.resolve("impostor.pem"), List.of(sb.root()));
        Files.writeString(copy.resolve("broken.crt"), "not a certificate");

        TrustAnchors t = TrustAnchors.vietnam(copy);
        Set<String> expectedRoots = new HashSet<>();
        Set<String> expectedInter = new HashSet<>();
        for (VietnamTrustRegistry.Pin p : VietnamTrustRegistry.pins()) {
            if (Files.exists(vn.resolve(p.name() + ".pem"))) {
                X509Certificate c = Certificates.read(vn.resolve(p.name() + ".pem")).get(0);
                assertEquals(p.sha256(), Certificates.sha256Fingerprint(c), p.name());
                (p.role() == VietnamTrustRegistry.Role.ROOT ? expectedRoots : expectedInter).add(p.sha256());
            }
        }
        assertEquals(4, expectedRoots.size());
        assertEquals(17, expectedInter.size());
        assertEquals(expectedRoots, fingerprints(t.anchors()));
        assertEquals(expectedInter, fingerprints(t.intermediates()));
        assertFalse(fingerprints(t.anchors()).contains(Certificates.sha256Fingerprint(sb.root())));
        assertFalse(fingerprints(t.intermediates()).contains(Certificates.sha256Fingerprint(sb.root())));

        // plus() merges without duplicates
        TrustAnchors both = t.plus(TrustAnchors.of(List.of(sb.root()))).plus(t);
        assertEquals(5, both.anchors().size());
        assertEquals(17, both.intermediates().size());
    }

    @Test
    void fromFilesReadsSeveralPemCertificatesPerFile() throws Exception {
        Sandbox sb = Sandbox.create(tmp.resolve("sb2"), 0);
        Path f = Fixtures.writePem(tmp.resolve("two.pem"), List.of(sb.root(), sb.issuingCa()));
        Path der = Files.write(tmp.resolve("root.cer"), sb.root().getEncoded());
        TrustAnchors t = TrustAnchors.fromFiles(List.of(f, der));
        assertEquals(2, t.anchors().size());
        assertTrue(TrustAnchors.empty().isEmpty());
    }

    private static Set<String> fingerprints(List<X509Certificate> certs) {
        return certs.stream().map(Certificates::sha256Fingerprint).collect(Collectors.toSet());
    }
}
