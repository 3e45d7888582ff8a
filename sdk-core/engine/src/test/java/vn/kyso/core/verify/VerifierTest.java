package vn.kyso.core.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;
import vn.kyso.api.ErrorCode;
import vn.kyso.api.KysoException;
import vn.kyso.api.Language;
import vn.kyso.api.io.Document;
import vn.kyso.api.report.Indication;
import vn.kyso.api.report.Profile;
import vn.kyso.api.report.SubIndication;
import vn.kyso.api.report.Verdict;
import vn.kyso.api.report.VerificationReport;
import vn.kyso.core.Fixtures;
import vn.kyso.core.cades.CadesSignatureOptions;
import vn.kyso.core.cades.CadesSigner;
import vn.kyso.core.report.ReportWriter;
import vn.kyso.core.revocation.RevocationOptions;
import vn.kyso.testkit.Sandbox;

/** The one Verifier: Document input, typed profile forcing, bulk verification, and its own error codes. */
class VerifierTest {
    static Sandbox sandbox;
    @TempDir
    static Path dir;
    static Path data;
    static byte[] detached;
    static byte[] enveloping;

    @BeforeAll
    static void start() throws Exception {
        sandbox = Sandbox.start();
        data = Fixtures.data(dir, "cong-van.bin", 5_000, 7);
        CadesSigner signer = CadesSigner.builder().build();
        detached = signer.sign(data, Fixtures.key(sandbox.person1()), CadesSignatureOptions.defaults()).signed();
        enveloping = signer.sign(data, Fixtures.key(sandbox.person1()),
                CadesSignatureOptions.builder().packaging(CadesSignatureOptions.Packaging.ENVELOPING).build()).signed();
    }

    @AfterAll
    static void stop() {
        if (sandbox != null) {
            sandbox.close();
        }
    }

    static Verifier verifier() {
        return Verifier.builder().trust(Fixtures.trust(sandbox)).revocation(Fixtures.online()).build();
    }

    static KysoException fails(ErrorCode code, Executable call) {
        KysoException e = assertThrows(KysoException.class, call);
        assertEquals(code, e.errorCode(), e.message(Language.EN));
        return e;
    }

    @Test
    void bytesAndFilesGiveTheSameReport() throws Exception {
        Path sig = Files.write(dir.resolve("same.p7s"), detached);
        Verifier v = verifier();
        VerificationReport fromFiles = v.verify(sig, data);
        VerificationReport fromBytes = v.verify(Document.of(detached, "same.p7s"), Document.of(Files.readAllBytes(data)));
        assertEquals(Verdict.VALID, fromFiles.verdict(), () -> ReportWriter.text(fromFiles, Language.EN));
        assertEquals(Verdict.VALID, fromBytes.verdict(), () -> ReportWriter.text(fromBytes, Language.EN));
        assertEquals(fromFiles.signatures().get(0).id(), fromBytes.signatures().get(0).id());
        assertEquals("same.p7s", fromBytes.documentName());
        assertEquals(Profile.NONE, fromBytes.profile());
        VerificationReport changed = v.verify(Document.of(detached, "same.p7s"), Document.of(new byte[] {1, 2, 3}));
        assertEquals(Verdict.INVALID, changed.verdict());
        assertEquals(Indication.TOTAL_FAILED, changed.signatures().get(0).indication());
        assertEquals(SubIndication.HASH_FAILURE, changed.signatures().get(0).subIndication());
    }

    @Test
    void detachedSignatureWithoutItsDataSaysHowToGiveIt() {
        KysoException e = fails(ErrorCode.DETACHED_DATA_REQUIRED, () -> verifier().verify(Document.of(detached, "cv.p7s")));
        assertEquals("[KYSO-502] A detached signature needs the original data file: cv.p7s. Give the signed data too "
                + "(library: verify(signature, data); command line: kyso verify SIGNATURE --data ORIGINAL)", e.message(Language.EN));
        assertEquals("[KYSO-502] Chữ ký tách rời cần tệp dữ liệu gốc: cv.p7s. Hãy đưa kèm dữ liệu đã ký "
                + "(thư viện: Verifier.verify(chữ ký, dữ liệu); dòng lệnh: kyso verify CHỮ-KÝ --data TỆP-GỐC)", e.message(Language.VI));
    }

    /** kyso-pdf and kyso-xml are not on kyso-core's test class path: the error names the module to add. */
    @Test
    void aFormatWhosePluginIsAbsentNamesTheModuleToAdd() {
        byte[] pdf = "%PDF-1.7\n1 0 obj <<>> endobj\n%%EOF\n".getBytes(StandardCharsets.ISO_8859_1);
        KysoException e = fails(ErrorCode.VERIFIER_MISSING, () -> verifier().verify(Document.of(pdf, "cong-van.pdf")));
        assertEquals("[KYSO-503] No signature verifier for this file's format is installed: cong-van.pdf. Add kyso-pdf to "
                + "the application (Maven: vn.kyso:kyso-pdf, the same version as kyso-core)", e.message(Language.EN));
        assertEquals("[KYSO-503] Chưa có mô-đun kiểm tra chữ ký cho định dạng của tệp: cong-van.pdf. Hãy thêm kyso-pdf vào "
                + "ứng dụng (pom.xml: vn.kyso:kyso-pdf, cùng phiên bản với vn.kyso:kyso-core)", e.message(Language.VI));
        byte[] xml = "\uFEFF<?xml version=\"1.0\"?><HDon/>".getBytes(StandardCharsets.UTF_8);
        KysoException x = fails(ErrorCode.VERIFIER_MISSING, () -> verifier().verify(Document.of(xml, "hd.xml")));
        assertTrue(x.message(Language.EN).contains("Add kyso-xml to the application"), x.message(Language.EN));
        fails(ErrorCode.UNSUPPORTED_FORMAT, () -> verifier().verify(Document.of(new byte[] {'G', 'I', 'F', '8'}, "a.gif")));
        assertEquals("kyso-pdf", Verifier.missingModule("garbage %PDF-1.4".getBytes(StandardCharsets.ISO_8859_1)));
        assertNull(Verifier.missingModule("< not xml".getBytes(StandardCharsets.ISO_8859_1)));
    }

    @Test
    void aProfileForcedOnCmsIsRefusedAndNoneIsAccepted() {
        KysoException e = fails(ErrorCode.INVALID_ARGUMENT,
                () -> verifier().verify(Document.of(enveloping, "e.p7m"), null, Profile.EINVOICE));
        assertEquals("[KYSO-100] Invalid argument: the einvoice profile applies to XML documents only, not to CMS/CAdES",
                e.message(Language.EN));
        assertEquals("[KYSO-100] Tham số không hợp lệ: hồ sơ einvoice chỉ áp dụng cho tài liệu XML, không cho CMS/CAdES",
                e.message(Language.VI));
        assertEquals(Verdict.VALID, verifier().verify(Document.of(enveloping, "e.p7m"), null, Profile.NONE).verdict());
    }

    @Test
    void nullsAndBadSettingsAreInvalidArguments() {
        Verifier v = verifier();
        fails(ErrorCode.INVALID_ARGUMENT, () -> v.verify((Document) null));
        fails(ErrorCode.INVALID_ARGUMENT, () -> v.verify((Path) null));
        fails(ErrorCode.INVALID_ARGUMENT, () -> v.verify((Document) null, null));
        fails(ErrorCode.INVALID_ARGUMENT, () -> v.verify(Document.of(enveloping), null, null));
        fails(ErrorCode.INVALID_ARGUMENT, () -> v.verifyAll(null));
        List<Document> withNull = new ArrayList<>();
        withNull.add(null);
        KysoException e = fails(ErrorCode.INVALID_ARGUMENT, () -> v.verifyAll(withNull));
        assertEquals("[KYSO-100] Invalid argument: documents[0] is missing (null)", e.message(Language.EN));
        fails(ErrorCode.INVALID_ARGUMENT, () -> Verifier.builder().parallelism(0));
        fails(ErrorCode.INVALID_ARGUMENT, () -> Verifier.builder().trust(null));
        fails(ErrorCode.INVALID_ARGUMENT, () -> Verifier.builder().clock(null));
        fails(ErrorCode.INVALID_ARGUMENT, () -> Verifier.builder().revocation(null));
        fails(ErrorCode.MALFORMED_INPUT, () -> v.verify(Document.of(new byte[0], "empty.p7s")));
        fails(ErrorCode.INPUT_UNREADABLE, () -> v.verify(dir.resolve("missing.p7s")));
    }

    /**
     * Bulk: one outcome per document in input order, a bad document does not stop the others, and every
     * verification shares the Verifier's one revocation cache (the OCSP responder is asked once for the
     * one signer of twelve signatures, however many threads ask).
     */
    @Test
    void verifyAllKeepsOrderIsolatesFailuresAndSharesOneRevocationCache() {
        RevocationOptions cached = RevocationOptions.builder().connectTimeout(Duration.ofSeconds(5))
                .readTimeout(Duration.ofSeconds(10)).cacheTtl(Duration.ofMinutes(5)).build();
        Verifier v = Verifier.builder().trust(Fixtures.trust(sandbox)).revocation(cached).parallelism(4).build();
        List<Document> docs = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            docs.add(Document.of(enveloping, "cv-" + i + ".p7m"));
            if (i == 5) {
                docs.add(Document.of(detached, "tach-roi.p7s"));
                docs.add(Document.of("%PDF-1.7".getBytes(StandardCharsets.ISO_8859_1), "x.pdf"));
            }
        }
        int ocspBefore = sandbox.requestCount("ocsp");
        List<VerificationOutcome> out = v.verifyAll(docs);
        assertEquals(docs.size(), out.size());
        for (int i = 0; i < docs.size(); i++) {
            VerificationOutcome o = out.get(i);
            assertSame(docs.get(i), o.document());
            String name = docs.get(i).name();
            if (name.equals("tach-roi.p7s")) {
                assertEquals(ErrorCode.DETACHED_DATA_REQUIRED, o.error().errorCode());
                assertNull(o.report());
                assertTrue(!o.verified());
                assertThrows(KysoException.class, o::reportOrThrow);
            } else if (name.equals("x.pdf")) {
                assertEquals(ErrorCode.VERIFIER_MISSING, o.error().errorCode());
            } else {
                assertNull(o.error());
                assertEquals(Verdict.VALID, o.report().verdict(), name);
                assertEquals(name, o.report().documentName());
            }
        }
        int asked = sandbox.requestCount("ocsp") - ocspBefore;
        assertTrue(asked >= 1 && asked <= 4, "one signer, one cache: OCSP asked " + asked + " times for 12 signatures");
        // Sequential (parallelism 1) gives the same outcomes.
        List<VerificationOutcome> one = Verifier.builder().trust(Fixtures.trust(sandbox)).revocation(Fixtures.online())
                .parallelism(1).build().verifyAll(docs);
        for (int i = 0; i < docs.size(); i++) {
            assertEquals(out.get(i).verified(), one.get(i).verified());
        }
        assertEquals(List.of(), v.verifyAll(List.of()));
    }
}
