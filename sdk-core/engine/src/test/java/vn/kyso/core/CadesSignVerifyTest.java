package vn.kyso.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import vn.kyso.api.ErrorCode;
import vn.kyso.api.KysoException;
import vn.kyso.api.Language;
import vn.kyso.api.SignatureAlgorithm;
import vn.kyso.api.SignatureFormat;
import vn.kyso.api.SignatureLevel;
import vn.kyso.api.SigningResult;
import vn.kyso.api.event.SigningEvent;
import vn.kyso.api.report.Indication;
import vn.kyso.api.report.ReportMessage;
import vn.kyso.api.report.RevocationStatus;
import vn.kyso.api.report.SignatureResult;
import vn.kyso.api.report.Verdict;
import vn.kyso.api.report.VerificationReport;
import vn.kyso.api.token.SigningKey;
import vn.kyso.core.cades.CadesSignatureOptions;
import vn.kyso.core.cades.CadesSigner;
import vn.kyso.core.report.ReportWriter;
import vn.kyso.core.revocation.RevocationOptions;
import vn.kyso.core.tsp.TimestampClient;
import vn.kyso.core.verify.Verifier;
import vn.kyso.testkit.Sandbox;

/** CAdES signing and verification end to end against a running sandbox PKI. */
class CadesSignVerifyTest {
    static Sandbox sandbox;
    static SigningKey person1;
    static SigningKey person3;
    static CadesSigner signer;
    static Verifier verifier;
    @TempDir
    static Path dir;
    static Path data;

    @BeforeAll
    static void start() throws Exception {
        sandbox = Sandbox.start();
        person1 = Fixtures.key(sandbox.person1());
        person3 = Fixtures.key(sandbox.person3());
        signer = CadesSigner.builder().timestamps(Fixtures.tsa(sandbox)).trust(Fixtures.trust(sandbox))
                .revocation(Fixtures.online()).build();
        verifier = Verifier.builder().trust(Fixtures.trust(sandbox)).revocation(Fixtures.online()).build();
        data = Fixtures.data(dir, "cong-van.bin", 200_000, 1);
    }

    @AfterAll
    static void stop() {
        if (sandbox != null) {
            sandbox.close();
        }
    }

    static List<Arguments> levelsAndPackagings() {
        List<Arguments> a = new ArrayList<>();
        for (SignatureLevel l : List.of(SignatureLevel.B_B, SignatureLevel.B_T, SignatureLevel.B_LT, SignatureLevel.B_LTA)) {
            for (CadesSignatureOptions.Packaging p : CadesSignatureOptions.Packaging.values()) {
                a.add(Arguments.of(l, p));
            }
        }
        return a;
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("levelsAndPackagings")
    void signsAndVerifiesEveryLevel(SignatureLevel level, CadesSignatureOptions.Packaging packaging) throws Exception {
        CadesSignatureOptions o = CadesSignatureOptions.builder().level(level).packaging(packaging).build();
        SigningResult r = signer.sign(data, person1, o);
        assertEquals(SignatureAlgorithm.RSA_PSS_SHA256, r.algorithm());
        assertEquals(level, r.level());
        Path sig = Files.write(dir.resolve("sig-" + level + "-" + packaging + ".p7s"), r.signed());
        VerificationReport rep = packaging == CadesSignatureOptions.Packaging.DETACHED
                ? verifier.verify(sig, data) : verifier.verify(sig);
        assertEquals(1, rep.signatures().size());
        SignatureResult s = rep.signatures().get(0);
        assertEquals(Verdict.VALID, rep.verdict(), () -> ReportWriter.text(rep, Language.EN));
        assertEquals(Indication.TOTAL_PASSED, s.indication());
        assertEquals(level, s.level());
        assertEquals(SignatureFormat.CADES, s.format());
        assertTrue(s.integrity());
        assertTrue(s.chainTrusted());
        assertEquals(RevocationStatus.GOOD, s.revocation());
        assertEquals(SignatureAlgorithm.RSA_PSS_SHA256, s.signatureAlgorithm());
        assertEquals(r.signingTime(), s.signingTime());
        assertEquals(level.needsTimestamp(), !s.timestamps().isEmpty());
        assertEquals(level == SignatureLevel.B_LTA ? 2 : level.needsTimestamp() ? 1 : 0, s.timestamps().size());
        s.timestamps().forEach(t -> assertTrue(t.valid()));
        assertNull(s.coversWholeDocument());
        assertNull(s.modificationsAfter());
        assertNotNull(s.signer());
        assertEquals(sandbox.person1().certificate().getSubjectX500Principal(),
                person1.certificate().getSubjectX500Principal());
    }

    /**
     * The lean CMS builder's output, every scheme and both packagings: openssl verifies it (and gives
     * back the enveloped content), our verifier passes it at the level asked.
     */
    @Test
    void opensslAndOurVerifierAcceptEverySchemeDetachedAndEnveloping() throws Exception {
        assumeTrue(Fixtures.hasOpenssl(), "openssl not installed");
        Path root = Fixtures.writePem(dir.resolve("root-schemes.pem"), List.of(sandbox.root()));
        Path chain = Fixtures.writePem(dir.resolve("chain-schemes.pem"), sandbox.intermediates());
        List<Object[]> cases = List.of(
                new Object[] {person1, SignatureAlgorithm.RSA_PSS_SHA256},
                new Object[] {person1, SignatureAlgorithm.RSA_SHA256},
                new Object[] {person3, SignatureAlgorithm.ECDSA_SHA256});
        for (Object[] c : cases) {
            SigningKey key = (SigningKey) c[0];
            SignatureAlgorithm alg = (SignatureAlgorithm) c[1];
            for (CadesSignatureOptions.Packaging packaging : CadesSignatureOptions.Packaging.values()) {
                boolean detached = packaging == CadesSignatureOptions.Packaging.DETACHED;
                Path sig = dir.resolve("schemes-" + alg + "-" + packaging + ".p7s");
                SigningResult r = signer.sign(data, sig, key, CadesSignatureOptions.builder().algorithm(alg)
                        .level(SignatureLevel.B_T).packaging(packaging).build());
                assertEquals(alg, r.algorithm());
                Path out = dir.resolve("schemes.out");
                List<String> cmd = new ArrayList<>(List.of("openssl", "cms", "-verify", "-binary", "-inform", "DER",
                        "-in", sig.toString(), "-CAfile", root.toString(), "-certfile", chain.toString(),
                        "-purpose", "any", "-out", out.toString()));
                if (detached) {
                    cmd.addAll(List.of("-content", data.toString()));
                }
                Fixtures.Run run = Fixtures.run(cmd, dir);
                assertEquals(0, run.exit, alg + " " + packaging + ": " + run.out);
                assertTrue(run.out.contains("Verification successful"), run.out);
                assertEquals(Files.readAllBytes(data).length, Files.readAllBytes(out).length);
                VerificationReport rep = detached ? verifier.verify(sig, data) : verifier.verify(sig);
                assertEquals(Verdict.VALID, rep.verdict(), () -> ReportWriter.text(rep, Language.EN));
                assertEquals(Indication.TOTAL_PASSED, rep.signatures().get(0).indication());
                assertEquals(SignatureLevel.B_T, rep.signatures().get(0).level());
                assertEquals(alg, rep.signatures().get(0).signatureAlgorithm());
                assertEquals(r.signingTime(), rep.signatures().get(0).signingTime());
            }
        }
    }

    @Test
    void ecdsaKeySignsWithEcdsa() throws Exception {
        SigningResult r = signer.sign(data, person3, CadesSignatureOptions.builder().build());
        assertEquals(SignatureAlgorithm.ECDSA_SHA256, r.algorithm());
        Path sig = Files.write(dir.resolve("ec.p7s"), r.signed());
        VerificationReport rep = verifier.verify(sig, data);
        assertEquals(Verdict.VALID, rep.verdict(), () -> ReportWriter.text(rep, Language.EN));
        assertEquals(SignatureAlgorithm.ECDSA_SHA256, rep.signatures().get(0).signatureAlgorithm());
    }

    @Test
    void pkcs1WhenAskedAndSha512() throws Exception {
        SigningResult r = signer.sign(data, person1, CadesSignatureOptions.builder().algorithm(SignatureAlgorithm.RSA_SHA512)
                .level(SignatureLevel.B_T).build());
        assertEquals(SignatureAlgorithm.RSA_SHA512, r.algorithm());
        VerificationReport rep = verifier.verify(Files.write(dir.resolve("rsa512.p7s"), r.signed()), data);
        assertEquals(Verdict.VALID, rep.verdict(), () -> ReportWriter.text(rep, Language.EN));
    }

    @Test
    void opensslAcceptsDetachedBbAndBt() throws Exception {
        assumeTrue(Fixtures.hasOpenssl(), "openssl not installed");
        Path root = Fixtures.writePem(dir.resolve("root.pem"), List.of(sandbox.root()));
        Path chain = Fixtures.writePem(dir.resolve("chain.pem"), sandbox.intermediates());
        for (SignatureLevel level : List.of(SignatureLevel.B_B, SignatureLevel.B_T)) {
            Path sig = dir.resolve("openssl-" + level + ".p7s");
            signer.sign(data, sig, person1, CadesSignatureOptions.builder().level(level).build());
            Fixtures.Run run = Fixtures.run(List.of("openssl", "cms", "-verify", "-binary", "-content", data.toString(),
                    "-inform", "DER", "-in", sig.toString(), "-CAfile", root.toString(), "-certfile", chain.toString(),
                    "-purpose", "any", "-out", dir.resolve("openssl.out").toString()), dir);
            assertEquals(0, run.exit, run.out);
            assertTrue(run.out.contains("Verification successful"), run.out);
        }
        // and it refuses a changed file, so the check above means something
        Path other = Fixtures.data(dir, "other.bin", 1000, 99);
        Fixtures.Run bad = Fixtures.run(List.of("openssl", "cms", "-verify", "-binary", "-content", other.toString(),
                "-inform", "DER", "-in", dir.resolve("openssl-B_B.p7s").toString(), "-CAfile", root.toString(),
                "-certfile", chain.toString(), "-purpose", "any", "-out", dir.resolve("openssl.out").toString()), dir);
        assertNotEquals(0, bad.exit);
    }

    @Test
    void verifiesSignatureMadeByOpenssl() throws Exception {
        assumeTrue(Fixtures.hasOpenssl(), "openssl not installed");
        Path person = Fixtures.writePem(dir.resolve("person2.pem"), List.of(sandbox.person2().certificate()));
        Path key = Fixtures.writeKeyPem(dir.resolve("person2.key"), sandbox.person2().privateKey());
        Path chain = Fixtures.writePem(dir.resolve("chain2.pem"), sandbox.intermediates());
        Path sig = dir.resolve("by-openssl.p7s");
        Fixtures.Run run = Fixtures.run(List.of("openssl", "cms", "-sign", "-binary", "-in", data.toString(),
                "-signer", person.toString(), "-inkey", key.toString(), "-certfile", chain.toString(),
                "-outform", "DER", "-out", sig.toString()), dir);
        assertEquals(0, run.exit, run.out);
        Files.delete(key);
        VerificationReport rep = verifier.verify(sig, data);
        SignatureResult s = rep.signatures().get(0);
        assertEquals(Verdict.VALID, rep.verdict(), () -> ReportWriter.text(rep, Language.EN));
        assertTrue(s.chainTrusted());
        assertTrue(s.integrity());
        // the same signature over other data is not valid
        VerificationReport bad = verifier.verify(sig, Fixtures.data(dir, "x.bin", 10, 5));
        assertEquals(Verdict.INVALID, bad.verdict());
    }

    @Test
    void changedDataIsInvalid() throws Exception {
        Path d = Fixtures.data(dir, "to-change.bin", 5000, 7);
        Path sig = dir.resolve("to-change.p7s");
        signer.sign(d, sig, person1, CadesSignatureOptions.builder().build());
        byte[] b = Files.readAllBytes(d);
        b[1234] ^= 1;
        Files.write(d, b);
        VerificationReport rep = verifier.verify(sig, d);
        assertEquals(Verdict.INVALID, rep.verdict());
        SignatureResult s = rep.signatures().get(0);
        assertFalse(s.integrity());
        assertEquals(Indication.TOTAL_FAILED, s.indication());
        assertTrue(s.errors().stream().anyMatch(m -> m.code().equals("KYSO-V-HASH_FAILURE")), s.errors().toString());
    }

    @Test
    void revokedSignerIsNotValid() throws Exception {
        SigningKey revoked = Fixtures.key(sandbox.revokedPerson());
        SigningResult r = signer.sign(data, revoked, CadesSignatureOptions.builder().build());
        VerificationReport rep = verifier.verify(Files.write(dir.resolve("revoked.p7s"), r.signed()), data);
        // The certificate was revoked before the signer's own claimed signing time: certainly invalid.
        assertEquals(Verdict.INVALID, rep.verdict());
        assertEquals(Indication.TOTAL_FAILED, rep.signatures().get(0).indication());
        assertEquals(vn.kyso.api.report.SubIndication.REVOKED, rep.signatures().get(0).subIndication());
        assertEquals(RevocationStatus.REVOKED, rep.signatures().get(0).revocation());
        assertEquals("KYSO-V-SIGNED_AFTER_REVOCATION", rep.signatures().get(0).errors().get(0).code());
        assertTrue(rep.signatures().get(0).errors().stream().anyMatch(m -> m.code().equals("KYSO-V-CERT_REVOKED")));
    }

    @Test
    void expiredSignerCannotSign() {
        SigningKey expired = Fixtures.key(sandbox.expiredPerson());
        List<SigningEvent> events = new CopyOnWriteArrayList<>();
        CadesSigner s = CadesSigner.builder().listener(events::add).build();
        KysoException e = assertThrows(KysoException.class, () -> s.sign(data, expired, CadesSignatureOptions.builder().build()));
        assertEquals(ErrorCode.CERTIFICATE_EXPIRED, e.errorCode());
        assertEquals(1, events.size());
        assertEquals(SigningEvent.Outcome.FAILURE, events.get(0).outcome());
        assertEquals(ErrorCode.CERTIFICATE_EXPIRED, events.get(0).error());
    }

    @Test
    void notYetValidAtSigningTime() {
        Instant before = sandbox.person1().certificate().getNotBefore().toInstant().minus(Duration.ofDays(1));
        CadesSigner s = CadesSigner.builder().clock(Clock.fixed(before, ZoneOffset.UTC)).build();
        KysoException e = assertThrows(KysoException.class, () -> s.sign(data, person1, CadesSignatureOptions.builder().build()));
        assertEquals(ErrorCode.CERTIFICATE_NOT_YET_VALID, e.errorCode());
    }

    /**
     * A signature made a year ago, inside the (now expired) certificate's validity, time-stamped then.
     * What DSS says is recorded in the report; it must never be INVALID.
     */
    @Test
    void oldSignatureOfExpiredSignerIsJudgedByItsTimestamp() throws Exception {
        Instant then = Instant.now().minus(Duration.ofDays(365));
        SigningKey expired = Fixtures.key(sandbox.expiredPerson());
        CadesSigner past = CadesSigner.builder().clock(Clock.fixed(then, ZoneOffset.UTC))
                .timestamps(TimestampClient.builder().urls(List.of(sandbox.tsaUrlAt(then))).build()).build();
        SigningResult r = past.sign(data, expired, CadesSignatureOptions.builder().level(SignatureLevel.B_T).build());
        VerificationReport rep = verifier.verify(Files.write(dir.resolve("old.p7s"), r.signed()), data);
        SignatureResult s = rep.signatures().get(0);
        System.out.println("[old signature of expired signer] " + ReportWriter.text(rep, Language.EN));
        assertNotEquals(Verdict.INVALID, rep.verdict(), () -> ReportWriter.text(rep, Language.EN));
        assertTrue(s.integrity());
        assertEquals(1, s.timestamps().size());
        assertTrue(s.timestamps().get(0).valid());
        assertTrue(Duration.between(then, s.timestamps().get(0).time()).abs().getSeconds() < 5);
        assertTrue(s.warnings().stream().anyMatch(m -> m.code().equals("KYSO-V-CERT_EXPIRED_NOW")));
    }

    @Test
    void listenersSeeSuccessAndAThrowingListenerIsIgnored() throws Exception {
        List<SigningEvent> events = new CopyOnWriteArrayList<>();
        CadesSigner s = CadesSigner.builder().listener(e -> {
            throw new IllegalStateException("boom");
        }).listener(events::add).build();
        SigningResult r = s.sign(data, person1, CadesSignatureOptions.builder().build());
        assertNotNull(r.signed());
        assertEquals(1, events.size());
        SigningEvent e = events.get(0);
        assertEquals(SigningEvent.Outcome.SUCCESS, e.outcome());
        assertEquals(SignatureAlgorithm.RSA_PSS_SHA256, e.signatureAlgorithm());
        assertEquals(person1.certificate(), e.certificate());
        assertEquals(r.signingTime(), e.time());
        assertTrue(java.util.Arrays.equals(java.security.MessageDigest.getInstance("SHA-256")
                .digest(Files.readAllBytes(data)), e.documentDigest()));
    }

    @Test
    void writesOutputFileAndLeavesNothingOnFailure() throws Exception {
        Path out = dir.resolve("out.p7s");
        SigningResult r = signer.sign(data, out, person1, CadesSignatureOptions.builder().build());
        assertNull(r.signed());
        assertTrue(Files.size(out) > 1000);
        assertEquals(Verdict.VALID, verifier.verify(out, data).verdict());
        Path out2 = dir.resolve("out2.p7s");
        SigningKey expired = Fixtures.key(sandbox.expiredPerson());
        assertThrows(KysoException.class, () -> signer.sign(data, out2, expired, CadesSignatureOptions.builder().build()));
        assertFalse(Files.exists(out2));
        try (var files = Files.list(dir)) {
            assertTrue(files.noneMatch(p -> p.getFileName().toString().endsWith(".tmp")));
        }
    }

    @Test
    void btWithoutTimestampClientIsRefused() {
        CadesSigner s = CadesSigner.builder().build();
        KysoException e = assertThrows(KysoException.class,
                () -> s.sign(data, person1, CadesSignatureOptions.builder().level(SignatureLevel.B_T).build()));
        assertEquals(ErrorCode.SIGNER_SETTING_MISSING, e.errorCode(), e.getMessage());
    }

    @Test
    void offlineRevocationGivesNotCheckedAndIndeterminate() throws Exception {
        SigningResult r = signer.sign(data, person1, CadesSignatureOptions.builder().build());
        Path sig = Files.write(dir.resolve("offline.p7s"), r.signed());
        int before = sandbox.requestCount("ocsp") + sandbox.requestCount("crl") + sandbox.requestCount("ca");
        Verifier offline = Verifier.builder().trust(Fixtures.trust(sandbox)).revocation(RevocationOptions.offline()).build();
        VerificationReport rep = offline.verify(sig, data);
        SignatureResult s = rep.signatures().get(0);
        assertEquals(RevocationStatus.NOT_CHECKED, s.revocation());
        assertEquals(Verdict.INDETERMINATE, rep.verdict());
        assertTrue(s.integrity());
        assertTrue(s.warnings().stream().anyMatch(m -> m.code().equals("KYSO-V-REVOCATION_NOT_CHECKED")));
        assertDssAnswersReadInVietnamese(s);
        assertEquals(before, sandbox.requestCount("ocsp") + sandbox.requestCount("crl") + sandbox.requestCount("ca"),
                "offline mode must not touch the network");
    }

    @Test
    void offlineATimeStampThatCannotBeConfirmedIsNotCalledInvalid() throws Exception {
        SigningResult r = signer.sign(data, person1, CadesSignatureOptions.builder().level(SignatureLevel.B_T).build());
        Path sig = Files.write(dir.resolve("offline-bt.p7s"), r.signed());
        VerificationReport rep = Verifier.builder().trust(Fixtures.trust(sandbox)).revocation(RevocationOptions.offline())
                .build().verify(sig, data);
        SignatureResult s = rep.signatures().get(0);
        assertEquals(1, s.timestamps().size());
        assertFalse(s.timestamps().get(0).valid(), "not confirmed without the TSA certificate's revocation data");
        Set<String> codes = new TreeSet<>();
        s.warnings().forEach(m -> codes.add(m.code()));
        assertTrue(codes.contains("KYSO-V-TIMESTAMP_INDETERMINATE"), codes.toString());
        assertFalse(codes.contains("KYSO-V-TIMESTAMP_INVALID"), codes.toString());
        // online, the same time-stamp is confirmed
        SignatureResult online = verifier.verify(sig, data).signatures().get(0);
        assertTrue(online.timestamps().get(0).valid());
        assertTrue(online.warnings().stream().noneMatch(m -> m.code().startsWith("KYSO-V-TIMESTAMP_")), online.warnings().toString());
    }

    /** What DSS said reaches the Vietnamese report in Vietnamese, not as DSS's English sentence. */
    private static void assertDssAnswersReadInVietnamese(SignatureResult s) {
        List<ReportMessage> dss = new ArrayList<>();
        for (ReportMessage m : s.errors()) {
            if (m.code().startsWith("KYSO-V-DSS_")) {
                dss.add(m);
            }
        }
        s.warnings().stream().filter(m -> m.code().startsWith("KYSO-V-DSS_")).forEach(dss::add);
        assertFalse(dss.isEmpty(), "DSS explained nothing");
        for (ReportMessage m : dss) {
            String en = m.message(Language.EN);
            String detail = en.substring(en.indexOf(" (") + 2, en.length() - 1);
            assertFalse(m.message(Language.VI).contains(detail), m.message(Language.VI));
        }
    }

    @Test
    void untrustedRootIsNotValid() throws Exception {
        SigningResult r = signer.sign(data, person1, CadesSignatureOptions.builder().build());
        Path sig = Files.write(dir.resolve("untrusted.p7s"), r.signed());
        VerificationReport rep = Verifier.builder().revocation(Fixtures.online()).build().verify(sig, data);
        assertEquals(Verdict.INDETERMINATE, rep.verdict(), () -> ReportWriter.text(rep, Language.EN));
        assertEquals(Indication.INDETERMINATE, rep.signatures().get(0).indication());
        assertEquals(vn.kyso.api.report.SubIndication.NO_CERTIFICATE_CHAIN_FOUND, rep.signatures().get(0).subIndication(),
                () -> ReportWriter.text(rep, Language.EN));
        assertFalse(rep.signatures().get(0).chainTrusted());
        assertDssAnswersReadInVietnamese(rep.signatures().get(0));
    }

    @Test
    void badInputsGiveStableErrors() throws Exception {
        SigningResult r = signer.sign(data, person1, CadesSignatureOptions.builder().build());
        Path sig = Files.write(dir.resolve("detached.p7s"), r.signed());
        assertEquals(ErrorCode.DETACHED_DATA_REQUIRED, assertThrows(KysoException.class, () -> verifier.verify(sig)).errorCode());
        assertEquals(ErrorCode.INPUT_UNREADABLE, assertThrows(KysoException.class,
                () -> verifier.verify(dir.resolve("missing.p7s"))).errorCode());
        Path text = Files.writeString(dir.resolve("hello.txt"), "xin chào");
        assertEquals(ErrorCode.UNSUPPORTED_FORMAT, assertThrows(KysoException.class, () -> verifier.verify(text)).errorCode());
        Path der = Files.write(dir.resolve("seq.der"), new byte[] {0x30, 0x03, 0x02, 0x01, 0x05});
        assertEquals(ErrorCode.MALFORMED_INPUT, assertThrows(KysoException.class, () -> verifier.verify(der)).errorCode());
        Path empty = Files.write(dir.resolve("empty.p7s"), new byte[0]);
        assertEquals(ErrorCode.MALFORMED_INPUT, assertThrows(KysoException.class, () -> verifier.verify(empty)).errorCode());
        // a certificate is DER but not a signature
        Path cert = Files.write(dir.resolve("cert.der"), sandbox.root().getEncoded());
        KysoException e = assertThrows(KysoException.class, () -> verifier.verify(cert));
        assertTrue(Set.of(ErrorCode.NO_SIGNATURE, ErrorCode.MALFORMED_INPUT).contains(e.errorCode()), e.getMessage());
    }

    @Test
    void reportJsonHasExactlyTheDocumentedFields() throws Exception {
        SigningResult r = signer.sign(data, person1, CadesSignatureOptions.builder().level(SignatureLevel.B_T).build());
        Path sig = Files.write(dir.resolve("json.p7s"), r.signed());
        Path other = Fixtures.data(dir, "json-other.bin", 100, 3);
        VerificationReport rep = verifier.verify(sig, other);
        ObjectMapper m = new ObjectMapper();
        JsonNode vi = m.readTree(ReportWriter.json(rep, Language.VI));
        JsonNode en = m.readTree(ReportWriter.json(rep, Language.EN));
        assertEquals(Set.of("verdict", "validationTime", "document", "profile", "trust", "signatures"), names(vi));
        assertTrue(vi.get("trust").isNull());
        assertEquals("1 certificate given by the application",
                m.readTree(ReportWriter.json(rep, Fixtures.trust(sandbox), Language.EN)).get("trust").asText());
        assertEquals("INVALID", vi.get("verdict").asText());
        assertEquals("none", vi.get("profile").asText());
        assertEquals("HASH_FAILURE", vi.get("signatures").get(0).get("subIndication").asText());
        assertEquals("RSASSA-PSS with SHA-256", vi.get("signatures").get(0).get("signatureAlgorithm").asText());
        assertEquals("json.p7s", vi.get("document").asText());
        assertTrue(vi.get("validationTime").asText().endsWith("+07:00"));
        JsonNode s = vi.get("signatures").get(0);
        assertEquals(Set.of("id", "format", "level", "indication", "subIndication", "signer", "issuer",
                "certificateSerial", "certificateNotBefore", "certificateNotAfter", "signingTime", "signatureAlgorithm",
                "timestamps", "integrity", "chainTrusted", "revocation", "coversWholeDocument",
                "modificationsAfter", "party", "signedScope", "errors", "warnings"), names(s));
        assertEquals("CAdES", s.get("format").asText());
        assertEquals("B-T", s.get("level").asText());
        assertEquals("TOTAL_FAILED", s.get("indication").asText());
        assertEquals(sandbox.person1().certificate().getSerialNumber().toString(16).toUpperCase(java.util.Locale.ROOT),
                s.get("certificateSerial").asText());
        assertTrue(s.get("certificateNotAfter").asText().endsWith("+07:00"));
        assertEquals("HASH_FAILURE", s.get("subIndication").asText());
        assertEquals(Set.of("commonName", "organization", "organizationalUnit", "province", "taxCode", "personalId", "kind"),
                names(s.get("signer")));
        assertEquals("PERSON", s.get("signer").get("kind").asText());
        assertEquals(rep.signatures().get(0).signer().commonName(), s.get("signer").get("commonName").asText());
        assertTrue(s.get("signingTime").asText().endsWith("+07:00"));
        assertEquals(Instant.parse(r.signingTime().toString()),
                java.time.OffsetDateTime.parse(s.get("signingTime").asText()).toInstant());
        assertEquals(Set.of("time", "tsa", "valid"), names(s.get("timestamps").get(0)));
        assertFalse(s.get("integrity").asBoolean());
        assertTrue(s.get("chainTrusted").asBoolean());
        assertTrue(s.get("coversWholeDocument").isNull());
        assertTrue(s.get("modificationsAfter").isNull());
        assertTrue(s.get("party").isNull());
        assertEquals(0, s.get("signedScope").size());
        assertTrue(s.get("errors").size() > 0);
        assertEquals(Set.of("code", "message"), names(s.get("errors").get(0)));
        JsonNode viErr = s.get("errors").get(0);
        JsonNode enErr = en.get("signatures").get(0).get("errors").get(0);
        assertEquals(viErr.get("code"), enErr.get("code"));
        assertNotEquals(viErr.get("message").asText(), enErr.get("message").asText());
        String text = ReportWriter.text(rep, Language.VI);
        assertTrue(text.startsWith("Kết luận: KHÔNG HỢP LỆ"), text);
        String html = ReportWriter.html(rep, Language.EN);
        assertTrue(html.indexOf("INVALID") < html.indexOf("Signer"), html);
        assertFalse(html.contains("<script"));
    }

    @Test
    void signingTimeWrittenAsLocalTimeGivesAWarning() throws Exception {
        Instant shifted = Instant.now().plus(Duration.ofHours(7));
        // signing "in the future" by 7 h is what a signer writing local time as UTC produces
        Instant notAfter = sandbox.person1().certificate().getNotAfter().toInstant();
        assumeTrue(shifted.isBefore(notAfter));
        CadesSigner s = CadesSigner.builder().clock(Clock.fixed(shifted, ZoneOffset.UTC)).build();
        SigningResult r = s.sign(data, person1, CadesSignatureOptions.builder().build());
        VerificationReport rep = verifier.verify(Files.write(dir.resolve("local.p7s"), r.signed()), data);
        assertTrue(rep.signatures().get(0).warnings().stream().anyMatch(m -> m.code().equals("KYSO-V-SIGNING_TIME_LOCAL")),
                () -> ReportWriter.text(rep, Language.EN));
    }

    private static Set<String> names(JsonNode n) {
        Set<String> s = new TreeSet<>();
        for (Iterator<String> it = n.fieldNames(); it.hasNext();) {
            s.add(it.next());
        }
        return s;
    }
}
