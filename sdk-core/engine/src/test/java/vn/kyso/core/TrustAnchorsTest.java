package vn.kyso.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.kyso.api.ErrorCode;
import vn.kyso.api.KysoException;
import vn.kyso.api.Language;
import vn.kyso.api.cert.Certificates;
import vn.kyso.core.trust.TrustAnchors;
import vn.kyso.core.trust.VietnamTrustRegistry;
import vn.kyso.testkit.Sandbox;

/** The built-in Vietnamese trust: pins, the certificates shipped in the jar, and what a user may add. */
class TrustAnchorsTest {
    /** Which root each shipped intermediate chains to (the issuer column of the published list). */
    private static final Map<String, String> ROOT_OF = new HashMap<>();

    static {
        for (String g1 : List.of("bca", "bng", "btc", "cp", "dcs")) {
            ROOT_OF.put(g1, "vgca-rootca");
        }
        ROOT_OF.put("cpcag2", "rootcag2");
        for (String mic : List.of("bkavca", "ca2", "fptca", "newtelca", "safeca", "smartsign", "viettelca", "vnptca")) {
            ROOT_OF.put(mic, "mic");
        }
        for (String nr : List.of("fastca-sha-256-2020-2025", "viettel-ca-rs-2022-2027", "vnpt-ca-sha2")) {
            ROOT_OF.put(nr, "vnrca256");
        }
    }

    @TempDir
    Path tmp;

    @Test
    void registryHasTheDocumentedPins() {
        List<VietnamTrustRegistry.Pin> pins = VietnamTrustRegistry.pins();
        assertEquals(22, pins.size());
        Set<String> roots = pins.stream().filter(p -> p.role() == VietnamTrustRegistry.Role.ROOT)
                .map(VietnamTrustRegistry.Pin::name).collect(Collectors.toSet());
        assertEquals(Set.of("vgca-rootca", "rootcag2", "vnrca256", "mic"), roots);
        Set<String> notShipped = pins.stream().filter(p -> !p.bundled()).map(VietnamTrustRegistry.Pin::name)
                .collect(Collectors.toSet());
        assertEquals(Set.of("dcscag2"), notShipped);
        VietnamTrustRegistry.Pin dcs = VietnamTrustRegistry.find(
                "e4:b4:02:e3:cb:4c:ac:c0:a2:0d:21:fa:49:bc:e7:6b:eb:4e:b4:7b:a7:ff:b7:a8:f7:1c:55:4d:be:56:1a:81").orElseThrow();
        assertEquals("dcscag2", dcs.name());
        assertEquals(VietnamTrustRegistry.Role.INTERMEDIATE, dcs.role());
        assertFalse(VietnamTrustRegistry.find(null).isPresent());
        assertFalse(VietnamTrustRegistry.find("00").isPresent());
    }

    @Test
    void everyPinnedCertificateLoadsFromTheJar() throws Exception {
        TrustAnchors vn = TrustAnchors.vietnam();
        Set<String> roots = new java.util.HashSet<>();
        Set<String> inter = new java.util.HashSet<>();
        for (VietnamTrustRegistry.Pin p : VietnamTrustRegistry.pins()) {
            if (p.bundled()) {
                (p.role() == VietnamTrustRegistry.Role.ROOT ? roots : inter).add(p.sha256());
                // the resource itself is there and is the pinned certificate
                assertEquals(p.sha256(), Certificates.sha256Fingerprint(shipped(p.name())), p.name());
            }
        }
        assertEquals(4, roots.size());
        assertEquals(17, inter.size());
        assertEquals(roots, fingerprints(vn.anchors()));
        assertEquals(inter, fingerprints(vn.intermediates()));
        assertEquals("built-in Vietnamese list (21 certificates: 4 roots, 17 intermediates)", vn.describe(Language.EN));
        assertEquals("danh sách tích hợp của Việt Nam (21 chứng thư: 4 gốc, 17 trung gian)", vn.describe(Language.VI));
        assertFalse(vn.isEmpty());
    }

    @Test
    void eachIntermediateChainsToItsRootAndEachRootIsSelfSigned() throws Exception {
        Map<String, X509Certificate> byName = new HashMap<>();
        for (VietnamTrustRegistry.Pin p : VietnamTrustRegistry.pins()) {
            if (p.bundled()) {
                byName.put(p.name(), shipped(p.name()));
            }
        }
        int checked = 0;
        for (VietnamTrustRegistry.Pin p : VietnamTrustRegistry.pins()) {
            if (!p.bundled()) {
                continue;
            }
            X509Certificate c = byName.get(p.name());
            X509Certificate root = byName.get(p.role() == VietnamTrustRegistry.Role.ROOT ? p.name() : ROOT_OF.get(p.name()));
            assertEquals(root.getSubjectX500Principal(), c.getIssuerX500Principal(), p.name());
            c.verify(root.getPublicKey()); // throws if the root did not sign it
            assertTrue(root.getBasicConstraints() >= 0, p.name() + "'s issuer is a CA");
            checked++;
        }
        assertEquals(21, checked);
        assertEquals(17, ROOT_OF.size());
    }

    @Test
    void aUserDirectoryAddsOnlyPinnedCertificates() throws Exception {
        Path dir = Files.createDirectory(tmp.resolve("vn"));
        try (InputStream in = TrustAnchors.class.getResourceAsStream("vn/vnrca256.pem")) {
            Files.write(dir.resolve("vnrca256.crt"), in.readAllBytes());
        }
        Files.write(dir.resolve("cp.cer"), shipped("cp").getEncoded()); // DER, a shipped intermediate again
        Files.writeString(dir.resolve(".hidden"), "ignored");
        TrustAnchors t = TrustAnchors.vietnam(dir);
        assertEquals(4, t.anchors().size());
        assertEquals(17, t.intermediates().size());
        assertEquals("built-in Vietnamese list (21 certificates: 4 roots, 17 intermediates) + 2 pinned certificates "
                + "from the directory " + dir, t.describe(Language.EN));
        assertEquals("danh sách tích hợp của Việt Nam (21 chứng thư: 4 gốc, 17 trung gian) + 2 chứng thư đã ghim từ thư mục "
                + dir, t.describe(Language.VI));
    }

    @Test
    void aCertificateThatMatchesNoPinIsRefusedVisibly() throws Exception {
        Path dir = Files.createDirectory(tmp.resolve("vn-wrong"));
        Files.write(dir.resolve("cp.cer"), shipped("cp").getEncoded());
        Sandbox sb = Sandbox.create(tmp.resolve("sb"), 0);
        Fixtures.writePem(dir.resolve("impostor.pem"), List.of(sb.root()));
        String fp = Certificates.sha256Fingerprint(sb.root());
        KysoException e = assertThrows(KysoException.class, () -> TrustAnchors.vietnam(dir));
        assertEquals(ErrorCode.TRUST_NOT_PINNED, e.errorCode());
        assertEquals("[KYSO-510] The certificate matches no pinned SHA-256 fingerprint of the Vietnamese CAs, so it is "
                + "not accepted as trusted: " + dir + ": impostor.pem (SHA-256 " + fp + "). Give another CA's root "
                + "separately, with TrustAnchors.fromFiles or --trust", e.message(Language.EN));
        assertTrue(e.message(Language.VI).startsWith("[KYSO-510] Chứng thư không khớp dấu vân tay SHA-256 nào đã ghim"),
                e.message(Language.VI));
        assertTrue(e.message(Language.VI).contains("impostor.pem (SHA-256 " + fp + ")"), e.message(Language.VI));

        // a file that is no certificate is an error naming it, not a skipped file
        Path broken = Files.createDirectory(tmp.resolve("vn-broken"));
        Files.writeString(broken.resolve("broken.crt"), "not a certificate");
        KysoException b = assertThrows(KysoException.class, () -> TrustAnchors.vietnam(broken));
        assertEquals(ErrorCode.CERTIFICATE_UNREADABLE, b.errorCode());
        assertTrue(b.message(Language.EN).contains(broken.resolve("broken.crt").toString()), b.message(Language.EN));

        KysoException missing = assertThrows(KysoException.class, () -> TrustAnchors.vietnam(tmp.resolve("none")));
        assertEquals(ErrorCode.INPUT_UNREADABLE, missing.errorCode());
    }

    @Test
    void fromFilesReadsSeveralPemCertificatesPerFileAndDer() throws Exception {
        Sandbox sb = Sandbox.create(tmp.resolve("sb2"), 0);
        Path f = Fixtures.writePem(tmp.resolve("two.pem"), List.of(sb.root(), sb.issuingCa()));
        Path der = Files.write(tmp.resolve("root.cer"), sb.root().getEncoded());
        TrustAnchors t = TrustAnchors.fromFiles(List.of(f, der));
        assertEquals(2, t.anchors().size());
        assertEquals("2 certificates from two.pem, root.cer", t.describe(Language.EN));
        assertEquals("2 chứng thư từ two.pem, root.cer", t.describe(Language.VI));
        TrustAnchors both = TrustAnchors.vietnam().plus(TrustAnchors.fromFiles(List.of(der))).plus(TrustAnchors.of(List.of(sb.root())));
        assertEquals(5, both.anchors().size());
        assertEquals("built-in Vietnamese list (21 certificates: 4 roots, 17 intermediates) + 1 certificate from root.cer"
                + " + 1 certificate given by the application", both.describe(Language.EN));
        assertTrue(TrustAnchors.empty().isEmpty());
        assertEquals("no trusted certificate", TrustAnchors.empty().describe(Language.EN));
        assertEquals("không có chứng thư tin cậy nào", TrustAnchors.empty().describe(null));
    }

    @Test
    void nullsAreInvalidArgumentsNamingTheParameter() {
        KysoException e = assertThrows(KysoException.class, () -> TrustAnchors.fromFiles(null));
        assertEquals(ErrorCode.INVALID_ARGUMENT, e.errorCode());
        assertTrue(e.message(Language.EN).contains("pemOrDerFiles"), e.message(Language.EN));
        assertEquals(ErrorCode.INVALID_ARGUMENT,
                assertThrows(KysoException.class, () -> TrustAnchors.vietnam((Path) null)).errorCode());
        assertEquals(ErrorCode.INVALID_ARGUMENT, assertThrows(KysoException.class, () -> TrustAnchors.of(null)).errorCode());
        assertEquals(ErrorCode.INVALID_ARGUMENT,
                assertThrows(KysoException.class, () -> TrustAnchors.empty().plus(null)).errorCode());
        assertEquals(ErrorCode.INVALID_ARGUMENT, assertThrows(KysoException.class,
                () -> TrustAnchors.of(java.util.Arrays.asList((X509Certificate) null))).errorCode());
    }

    /** A certificate as kyso-core ships it, read from the class path. */
    private static X509Certificate shipped(String name) throws Exception {
        try (InputStream in = TrustAnchors.class.getResourceAsStream("vn/" + name + ".pem")) {
            assertTrue(in != null, name);
            List<X509Certificate> certs = Certificates.parse(in.readAllBytes());
            assertEquals(1, certs.size(), name);
            return certs.get(0);
        }
    }

    private static Set<String> fingerprints(List<X509Certificate> certs) {
        return certs.stream().map(Certificates::sha256Fingerprint).collect(Collectors.toSet());
    }
}
