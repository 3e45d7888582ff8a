package vn.kyso.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.bouncycastle.cert.ocsp.CertificateStatus;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampResponse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.kyso.api.cert.Certificates;
import vn.kyso.api.token.Token;
import vn.kyso.api.token.Tokens;

/** create / writeTo / load / serve: what `kyso sandbox serve` relies on. */
class SandboxFilesTest {
    /** One sandbox made by create(): generating a PKI is the slow part, the read-only tests share it. */
    @TempDir
    static Path shared;
    private static Sandbox created;

    @BeforeAll
    static void create() {
        created = Sandbox.create(shared, 0);
    }

    @Test
    void createWritesTheFilesAndDoesNotServe() throws Exception {
        Path dir = shared;
        Set<String> files;
        try (Stream<Path> list = Files.list(dir)) {
            files = list.map(p -> p.getFileName().toString()).collect(Collectors.toCollection(TreeSet::new));
        }
        assertEquals(new TreeSet<>(List.of("root.pem", "chain.pem", "person1.p12", "person2.p12", "person3.p12", "org.p12",
                "revoked.p12", "expired.p12", "sandbox.json", "sandbox-ca.p12")), files);
        assertEquals(List.of(created.root()), Certificates.read(dir.resolve("root.pem")));
        assertEquals(created.intermediates(), Certificates.read(dir.resolve("chain.pem")));

        JsonNode json = new ObjectMapper().readTree(dir.resolve("sandbox.json").toFile());
        int port = json.get("port").asInt();
        assertTrue(port > 0);
        assertEquals("http://127.0.0.1:" + port, json.get("baseUrl").asText());
        assertEquals(created.baseUrl(), json.get("baseUrl").asText());
        assertEquals(created.tsaUrl(), json.get("tsaUrl").asText());
        assertEquals(created.ocspUrl(), json.get("ocspUrl").asText());
        assertEquals(created.crlUrl(), json.get("crlUrl").asText());
        assertEquals(created.rootCrlUrl(), json.get("rootCrlUrl").asText());
        JsonNode person1 = json.get("identities").get("person1");
        assertEquals("person1.p12", person1.get("file").asText());
        assertTrue(person1.get("subject").asText().contains("CN=Nguyễn Văn An"), person1.get("subject").asText());
        assertEquals(created.person1().certificate().getSerialNumber().toString(16),
                person1.get("serial").asText().toLowerCase(java.util.Locale.ROOT));
        for (String name : List.of("person1", "person2", "person3", "org", "revoked", "expired")) {
            JsonNode id = json.get("identities").get(name);
            assertNotNull(id, name);
            assertTrue(Files.exists(dir.resolve(id.get("file").asText())), name);
        }
        assertTrue(!Files.readString(dir.resolve("sandbox.json")).contains(Sandbox.PASSWORD + "\""),
                "the json does not carry the password");

        // Not serving: nothing listens on the port.
        assertThrows(UncheckedIOException.class, () -> TestSupport.get(created.crlUrl()));
        assertEquals(0, created.requestCount("crl"));
    }

    @Test
    void loadRestoresTheSameSandboxAndItsRevocations(@TempDir Path dir) throws Exception {
        Sandbox original = Sandbox.create(dir, 0);
        Instant when = Instant.now().minus(Duration.ofDays(3)).truncatedTo(ChronoUnit.SECONDS);
        original.revoke(original.person2(), when);
        original.writeTo(dir);

        try (Sandbox loaded = Sandbox.load(dir).serve()) {
            assertEquals(original.root(), loaded.root());
            assertEquals(original.issuingCa(), loaded.issuingCa());
            assertEquals(original.baseUrl(), loaded.baseUrl());
            for (String name : List.of("person1", "person3", "org", "tsa", "ocsp")) {
                Identity a = identity(original, name);
                Identity b = identity(loaded, name);
                assertEquals(a.certificate(), b.certificate(), name);
                assertEquals(a.privateKey(), b.privateKey(), name);
                assertEquals(a.chain(), b.chain(), name);
            }

            // TSA still answers, signed by the same TSA key.
            TimeStampRequest request = new TimeStampRequestGenerator().generate(TSPAlgorithms.SHA256, new byte[32],
                    java.math.BigInteger.TEN);
            HttpResponse<byte[]> r = TestSupport.post(loaded.tsaUrl(), "application/timestamp-query", request.getEncoded());
            TimeStampResponse response = new TimeStampResponse(r.body());
            response.validate(request);
            response.getTimeStampToken().validate(new JcaSimpleSignerInfoVerifierBuilder().build(original.tsa().certificate()));
            assertEquals(1, loaded.requestCount("tsa"));

            // Revocations survive: the initial one and the one made before writeTo.
            CertificateStatus revoked = TestSupport.ocsp(loaded, original.revokedPerson().certificate(), original.issuingCa())
                    .getResponses()[0].getCertStatus();
            assertTrue(revoked instanceof RevokedStatus);
            CertificateStatus person2 = TestSupport.ocsp(loaded, original.person2().certificate(), original.issuingCa())
                    .getResponses()[0].getCertStatus();
            assertTrue(person2 instanceof RevokedStatus);
            assertEquals(when, ((RevokedStatus) person2).getRevocationTime().toInstant());
            assertEquals(CertificateStatus.GOOD, TestSupport.ocsp(loaded, original.person1().certificate(), original.issuingCa())
                    .getResponses()[0].getCertStatus());

            // And revoke() keeps working after a load.
            loaded.revoke(loaded.person1(), Instant.now());
            assertTrue(TestSupport.ocsp(loaded, original.person1().certificate(), original.issuingCa())
                    .getResponses()[0].getCertStatus() instanceof RevokedStatus);
        }
        // The files a loaded sandbox reads are the ones people use: the p12 files still open.
        try (Token token = Tokens.pkcs12(dir.resolve("person3.p12"), Sandbox.PASSWORD.toCharArray())) {
            X509Certificate cert = token.firstKey().certificate();
            assertEquals(original.person3().certificate(), cert);
        }
    }

    @Test
    void caStoreIsAStandardPkcs12() {
        org.junit.jupiter.api.Assumptions.assumeTrue(TestSupport.opensslAvailable());
        TestSupport.Run r = TestSupport.openssl(shared, "pkcs12", "-in", "sandbox-ca.p12", "-passin", "pass:" + Sandbox.PASSWORD,
                "-nokeys", "-info");
        assertEquals(0, r.exit(), r.output());
        assertTrue(r.output().contains("friendlyName: issuing"), r.output());
        assertTrue(r.output().contains("MAC: sha256"), r.output());
    }

    @Test
    void loadFailsClearlyOnMissingOrDamagedFiles(@TempDir Path dir) throws Exception {
        assertThrows(UncheckedIOException.class, () -> Sandbox.load(dir.resolve("nothing")));
        Files.copy(shared.resolve("sandbox.json"), dir.resolve("sandbox.json"));
        byte[] store = Files.readAllBytes(shared.resolve("sandbox-ca.p12"));
        store[store.length - 5] ^= 0x55;
        Files.write(dir.resolve("sandbox-ca.p12"), store);
        assertThrows(IllegalStateException.class, () -> Sandbox.load(dir));
    }

    private static Identity identity(Sandbox s, String name) {
        switch (name) {
            case "person1": return s.person1();
            case "person3": return s.person3();
            case "org": return s.organization();
            case "tsa": return s.tsa();
            case "ocsp": return s.ocspResponder();
            default: throw new IllegalArgumentException(name);
        }
    }
}
