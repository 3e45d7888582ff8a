package vn.kyso.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.math.BigInteger;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampResponse;
import org.bouncycastle.tsp.TimeStampToken;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.kyso.testkit.TestSupport.Run;

/** The sandbox services checked by an independent implementation: the openssl command line. */
class OpensslInteropTest {
    @TempDir
    static Path dir;
    private static Sandbox sandbox;

    @BeforeAll
    static void start() throws Exception {
        assumeTrue(TestSupport.opensslAvailable(), "openssl is not installed");
        sandbox = Sandbox.start();
        TestSupport.writePem(dir.resolve("root.pem"), sandbox.root());
        TestSupport.writePem(dir.resolve("chain.pem"), sandbox.issuingCa());
        TestSupport.writePem(dir.resolve("issuing.pem"), sandbox.issuingCa());
        TestSupport.writePem(dir.resolve("chain+tsa.pem"), sandbox.issuingCa(), sandbox.tsa().certificate());
        for (Identity id : new Identity[] {sandbox.person1(), sandbox.person2(), sandbox.person3(), sandbox.organization(),
            sandbox.revokedPerson(), sandbox.expiredPerson(), sandbox.tsa(), sandbox.ocspResponder()}) {
            TestSupport.writePem(dir.resolve(id.name() + ".pem"), id.certificate());
        }
        Files.writeString(dir.resolve("data.txt"), "Quyết định số 45/QĐ-BKHCN về việc thử nghiệm chữ ký số\n", StandardCharsets.UTF_8);
    }

    @AfterAll
    static void stop() {
        if (sandbox != null) {
            sandbox.close();
        }
    }

    private static Run ok(String... args) {
        Run r = TestSupport.openssl(dir, args);
        assertEquals(0, r.exit(), () -> "openssl " + String.join(" ", args) + " ->\n" + r.output());
        return r;
    }

    private static byte[] stamp(String url, String digest, String name) throws Exception {
        ok("ts", "-query", "-data", "data.txt", "-" + digest, "-cert", "-out", name + ".tsq");
        byte[] query = Files.readAllBytes(dir.resolve(name + ".tsq"));
        HttpResponse<byte[]> r = TestSupport.post(url, "application/timestamp-query", query);
        assertEquals(200, r.statusCode());
        assertEquals("application/timestamp-reply", r.headers().firstValue("Content-Type").orElse(""));
        Files.write(dir.resolve(name + ".tsr"), r.body());
        return query;
    }

    @Test
    void opensslVerifiesTheTimeStampTokens() throws Exception {
        for (String digest : new String[] {"sha256", "sha384", "sha512"}) {
            byte[] query = stamp(sandbox.tsaUrl(), digest, "r-" + digest);
            Run verify = ok("ts", "-verify", "-data", "data.txt", "-in", "r-" + digest + ".tsr", "-CAfile", "root.pem",
                    "-untrusted", "chain+tsa.pem");
            assertTrue(verify.output().contains("Verification: OK"), verify.output());

            TimeStampRequest request = new TimeStampRequest(query);
            TimeStampResponse response = new TimeStampResponse(Files.readAllBytes(dir.resolve("r-" + digest + ".tsr")));
            response.validate(request);
            TimeStampToken token = response.getTimeStampToken();
            assertNotNull(request.getNonce());
            assertEquals(request.getNonce(), token.getTimeStampInfo().getNonce());
            assertEquals(TsaService.POLICY, token.getTimeStampInfo().getPolicy());
            assertEquals(1, token.getTimeStampInfo().getAccuracy().getSeconds().intValueExact());
            assertEquals(3, token.getCertificates().getMatches(null).size(), "certReq: TSA certificate and chain");
            assertNotNull(token.getSignedAttributes().get(PKCSObjectIdentifiers.id_aa_signingCertificateV2), "ESSCertIDv2");
            token.validate(new JcaSimpleSignerInfoVerifierBuilder().build(sandbox.tsa().certificate()));
            Duration skew = Duration.between(token.getTimeStampInfo().getGenTime().toInstant(), Instant.now()).abs();
            assertTrue(skew.compareTo(Duration.ofMinutes(1)) < 0, skew.toString());
        }
        Run text = ok("ts", "-reply", "-in", "r-sha256.tsr", "-text");
        assertTrue(text.output().contains("Status: Granted"), text.output());
        assertTrue(text.output().contains("Nonce: 0x"), text.output());
        assertTrue(text.output().contains("1.3.6.1.4.1.55555.1.3161.1"), text.output());
    }

    @Test
    void tsaWithoutCertReqOmitsTheCertificates() throws Exception {
        ok("ts", "-query", "-data", "data.txt", "-sha256", "-out", "nocert.tsq");
        HttpResponse<byte[]> r = TestSupport.post(sandbox.tsaUrl(), "application/timestamp-query",
                Files.readAllBytes(dir.resolve("nocert.tsq")));
        TimeStampToken token = new TimeStampResponse(r.body()).getTimeStampToken();
        assertTrue(token.getCertificates().getMatches(null).isEmpty());
        Files.write(dir.resolve("nocert.tsr"), r.body());
        Run verify = ok("ts", "-verify", "-data", "data.txt", "-in", "nocert.tsr", "-CAfile", "root.pem",
                "-untrusted", "chain+tsa.pem");
        assertTrue(verify.output().contains("Verification: OK"), verify.output());
    }

    @Test
    void tsaAtGivesTheRequestedTime() throws Exception {
        Instant twoYearsAgo = Instant.now().minus(Duration.ofDays(730)).truncatedTo(ChronoUnit.SECONDS);
        stamp(sandbox.tsaUrlAt(twoYearsAgo), "sha256", "old");
        TimeStampToken token = new TimeStampResponse(Files.readAllBytes(dir.resolve("old.tsr"))).getTimeStampToken();
        assertEquals(twoYearsAgo, token.getTimeStampInfo().getGenTime().toInstant());
        Run verify = ok("ts", "-verify", "-data", "data.txt", "-in", "old.tsr", "-CAfile", "root.pem",
                "-untrusted", "chain+tsa.pem");
        assertTrue(verify.output().contains("Verification: OK"), verify.output());
        assertTrue(sandbox.tsaUrlAt(twoYearsAgo).startsWith(sandbox.baseUrl() + "/tsa/at/"));
    }

    private static Run ocsp(String cert) {
        return ok("ocsp", "-issuer", "issuing.pem", "-cert", cert + ".pem", "-url", sandbox.ocspUrl(),
                "-CAfile", "root.pem", "-resp_text");
    }

    @Test
    void opensslOcspSaysGoodAndRevoked() {
        Run good = ocsp("person1");
        assertTrue(good.output().contains("person1.pem: good"), good.output());
        assertTrue(good.output().contains("Response verify OK"), good.output());
        assertTrue(good.output().contains("OCSP Nonce"), good.output());

        Run revoked = ocsp("revoked");
        assertTrue(revoked.output().contains("revoked.pem: revoked"), revoked.output());
        assertTrue(revoked.output().contains("Reason: keyCompromise"), revoked.output());
        assertTrue(revoked.output().contains("Response verify OK"), revoked.output());

        Run org = ocsp("org");
        assertTrue(org.output().contains("org.pem: good"), org.output());
    }

    @Test
    void opensslOcspForTheSubCaAsksTheRoot() {
        Run r = ok("ocsp", "-issuer", "root.pem", "-cert", "issuing.pem", "-url", sandbox.ocspUrl(),
                "-CAfile", "root.pem", "-resp_text");
        assertTrue(r.output().contains("issuing.pem: good"), r.output());
        assertTrue(r.output().contains("Response verify OK"), r.output());
    }

    @Test
    void opensslParsesTheCrls() throws Exception {
        HttpResponse<byte[]> r = TestSupport.get(sandbox.crlUrl());
        assertEquals(200, r.statusCode());
        Files.write(dir.resolve("issuing.crl"), r.body());
        Run crl = ok("crl", "-inform", "DER", "-in", "issuing.crl", "-noout", "-text");
        String text = crl.output().toUpperCase(Locale.ROOT);
        BigInteger revoked = sandbox.revokedPerson().certificate().getSerialNumber();
        assertTrue(text.contains("SERIAL NUMBER: " + evenHex(revoked)), crl.output());
        assertFalse(text.contains(evenHex(sandbox.person1().certificate().getSerialNumber())), crl.output());
        assertTrue(text.contains("KEY COMPROMISE"), crl.output());
        assertTrue(text.contains("X509V3 CRL NUMBER"), crl.output());
        assertTrue(text.contains("X509V3 AUTHORITY KEY IDENTIFIER"), crl.output());
        Run verified = ok("crl", "-inform", "DER", "-in", "issuing.crl", "-noout", "-CAfile", "issuing.pem", "-verify");
        assertTrue(verified.output().contains("verify OK"), verified.output());

        HttpResponse<byte[]> rr = TestSupport.get(sandbox.rootCrlUrl());
        Files.write(dir.resolve("root.crl"), rr.body());
        Run rootCrl = ok("crl", "-inform", "DER", "-in", "root.crl", "-noout", "-text");
        assertTrue(rootCrl.output().contains("No Revoked Certificates"), rootCrl.output());
        assertNotEquals(-1, rootCrl.output().indexOf("Kyso Sandbox Root CA"));
    }

    private static String evenHex(BigInteger serial) {
        String hex = serial.toString(16).toUpperCase(Locale.ROOT);
        return hex.length() % 2 == 0 ? hex : "0" + hex;
    }

    @Test
    void opensslVerifiesTheChains() throws Exception {
        for (String name : new String[] {"person1", "person2", "person3", "org", "tsa", "ocsp"}) {
            Run r = ok("verify", "-CAfile", "root.pem", "-untrusted", "chain.pem", name + ".pem");
            assertTrue(r.output().contains(name + ".pem: OK"), r.output());
        }
        Run expired = TestSupport.openssl(dir, "verify", "-CAfile", "root.pem", "-untrusted", "chain.pem", "expired.pem");
        assertNotEquals(0, expired.exit());
        assertTrue(expired.output().contains("certificate has expired"), expired.output());

        Files.write(dir.resolve("check.crl"), TestSupport.get(sandbox.crlUrl()).body());
        ok("crl", "-inform", "DER", "-in", "check.crl", "-out", "check-crl.pem");
        Run good = ok("verify", "-crl_check", "-CAfile", "root.pem", "-untrusted", "chain.pem", "-CRLfile", "check-crl.pem",
                "person1.pem");
        assertTrue(good.output().contains("person1.pem: OK"), good.output());
        Run revoked = TestSupport.openssl(dir, "verify", "-crl_check", "-CAfile", "root.pem", "-untrusted", "chain.pem",
                "-CRLfile", "check-crl.pem", "revoked.pem");
        assertNotEquals(0, revoked.exit());
        assertTrue(revoked.output().contains("certificate revoked"), revoked.output());
    }

    @Test
    void opensslShowsTheVietnameseSubject() {
        Run r = ok("x509", "-in", "person1.pem", "-noout", "-subject", "-nameopt", "utf8,sep_comma_plus");
        assertTrue(r.output().contains("CN=Nguyễn Văn An"), r.output());
        assertTrue(r.output().contains("UID=CCCD:001085012345"), r.output());
        assertTrue(r.output().contains("OU=Phòng Kế hoạch – Tài chính"), r.output());
        Run issuer = ok("x509", "-in", "issuing.pem", "-noout", "-subject", "-nameopt", "utf8,sep_comma_plus");
        assertTrue(issuer.output().contains("CN=Kyso Sandbox CA cấp 2 – Thử nghiệm"), issuer.output());
    }
}
