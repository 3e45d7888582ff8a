package vn.kyso.xml;

import vn.kyso.api.report.Indication;
import vn.kyso.api.report.VerificationReport;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.kyso.api.ErrorCode;
import vn.kyso.api.KysoException;
import vn.kyso.api.SignatureAlgorithm;
import vn.kyso.api.report.Verdict;
import vn.kyso.api.token.SigningKey;
import vn.kyso.testkit.Sandbox;
import vn.kyso.xml.profile.EdXml;
import vn.kyso.xml.profile.EdXmlHeader;
import vn.kyso.xml.profile.EdXmlHeader.Organization;
import vn.kyso.xml.profile.EdXmlMessage;

/** edXML: build, sign, write, read, verify, extract round-trips header and attachments exactly. */
class EdXmlTest {
    static Sandbox sb;
    static SigningKey key;

    @BeforeAll
    static void start() {
        sb = Sandbox.start();
        key = XmlFixtures.key(sb.organization());
    }

    @AfterAll
    static void stop() {
        sb.close();
    }

    static EdXmlHeader header() {
        return EdXmlHeader.builder()
                .from(Organization.of("000.00.00.H26", "Sở Khoa học và Công nghệ Hà Nội").with("OrganAdd", "Số 5 Nguyễn Trãi, Hà Nội")
                        .with("Email", "skhcn@hanoi.gov.vn").with("Telephone", "024 3333 4444"))
                .to(Organization.of("000.00.00.G22", "Bộ Khoa học và Công nghệ"))
                .to(Organization.of("000.00.01.H26", "UBND thành phố Hà Nội"))
                .code("45", "QĐ-SKHCN")
                .promulgation("Hà Nội", LocalDate.of(2026, 11, 20))
                .documentType("1", "Quyết định")
                .subject("Về việc ban hành quy chế sử dụng chữ ký số")
                .content("Điều 1. Ban hành kèm theo...\r\nĐiều 2. <Hiệu lực> & thi hành.")
                .signer("TM.", "Giám đốc", "Trần Thị Bình")
                .dueDate(LocalDate.of(2026, 12, 31))
                .toPlace("Như Điều 3;").toPlace("Lưu: VT.")
                .otherInfo("Priority", "0").otherInfo("PageAmount", "2")
                .build();
    }

    static byte[] random(int size, long seed) {
        byte[] b = new byte[size];
        new Random(seed).nextBytes(b);
        return b;
    }

    @Test
    void buildSignWriteReadVerifyExtractRoundTripsExactly(@TempDir Path dir) throws Exception {
        byte[] pdf = random(300_000, 1);
        Path big = dir.resolve("phu-luc.bin");
        try (OutputStream out = Files.newOutputStream(big)) {
            for (int i = 0; i < 8; i++) {
                out.write(random(1 << 20, 10 + i)); // 8 MiB, streamed from the file when written
            }
        }
        EdXmlHeader header = header();
        EdXmlMessage built = EdXml.builder().header(header)
                .traceHeader("000.00.00.H26", "2026-11-20T09:00:00+07:00")
                .attachment("Quyết định 45.pdf", "application/pdf", pdf)
                .attachment("phụ lục.bin", "application/octet-stream", big)
                .attachment("ghi-chu.txt", "text/plain", "Văn bản kèm theo\n".getBytes(StandardCharsets.UTF_8))
                .build();
        assertEquals("000.00.00.H26,2026/11/20,45/QĐ-SKHCN", header.documentId());
        Path unsigned = dir.resolve("msg.xml");
        built.writeTo(unsigned);

        Path signed = dir.resolve("msg.signed.xml");
        byte[] message = Files.readAllBytes(unsigned);
        XmlSigner.builder().build().sign(unsigned, signed, key, EdXml.options(message, SignatureAlgorithm.RSA_SHA256));
        String text = Files.readString(signed, StandardCharsets.UTF_8);
        assertTrue(text.contains("URI=\"\""), "enveloped over the whole message");
        assertTrue(text.indexOf("<Signature") > text.indexOf("TraceHeaderList") && text.indexOf("<Signature") < text.indexOf("edXMLBody"),
                "the signature sits in edXMLHeader");

        if (XmlFixtures.hasXmlsec1()) {
            XmlFixtures.Result x = XmlFixtures.xmlsecVerify(sb, signed, dir);
            assertEquals(0, x.exit, x.output);
        }
        VerificationReport v = EdXml.verify(XmlFixtures.core(sb), Files.readAllBytes(signed));
        assertEquals(Verdict.VALID, v.verdict(), XmlVerifyTest.describe(v));
        assertEquals(EdXml.SENDER, v.signatures().get(0).party());
        assertEquals(List.of("/"), v.signatureOf(EdXml.SENDER).signedScope());

        Path out = dir.resolve("nhan");
        EdXmlMessage got = EdXml.extract(signed, out);
        assertEquals(header, got.header());
        assertEquals(built.traceHeaders(), got.traceHeaders());
        assertEquals(3, got.attachments().size());
        assertArrayEquals(pdf, Files.readAllBytes(out.resolve("Quyết định 45.pdf")));
        assertEquals(-1, Files.mismatch(big, out.resolve("phụ lục.bin")), "the 8 MiB attachment is byte-identical");
        assertEquals("Văn bản kèm theo\n", Files.readString(out.resolve("ghi-chu.txt"), StandardCharsets.UTF_8));
        assertEquals("application/pdf", got.attachments().get(0).contentType());
        assertEquals(out.resolve("phụ lục.bin"), got.attachments().get(1).file());
        try (Stream<Path> files = Files.list(out)) {
            assertEquals(3, files.count(), "no temporary file is left");
        }
        EdXmlMessage inMemory = EdXml.extract(Files.readAllBytes(signed));
        assertEquals(header, inMemory.header());
        assertNull(inMemory.attachments().get(0).file());
        assertArrayEquals(pdf, inMemory.attachments().get(0).bytes());
        assertEquals("cid:2", inMemory.attachments().get(1).contentId());
    }

    @Test
    void aChangedAttachmentOrHeaderIsInvalid(@TempDir Path dir) throws Exception {
        byte[] message = EdXml.builder().header(header()).attachment("a.txt", "text/plain", "một hai ba".getBytes(StandardCharsets.UTF_8))
                .build().toXml();
        String signed = new String(EdXml.sign(XmlSigner.builder().build(), key, message).signed(), StandardCharsets.UTF_8);
        assertEquals(Verdict.VALID, EdXml.verify(XmlFixtures.core(sb), signed.getBytes(StandardCharsets.UTF_8)).verdict());
        String b64 = java.util.Base64.getEncoder().encodeToString("một hai ba".getBytes(StandardCharsets.UTF_8));
        String b64changed = java.util.Base64.getEncoder().encodeToString("một hai bốn".getBytes(StandardCharsets.UTF_8));
        for (String forged : new String[] {signed.replace(b64, b64changed), signed.replace("Trần Thị Bình", "Lê Văn Cường")}) {
            VerificationReport v = EdXml.verify(XmlFixtures.core(sb), forged.getBytes(StandardCharsets.UTF_8));
            assertEquals(Verdict.INVALID, v.verdict(), XmlVerifyTest.describe(v));
        }
    }

    @Test
    void aValidSignatureOverOnlyPartOfTheMessageIsNotValid() {
        // Signed by Id over the trace header list only, placed where the sender's signature goes.
        String doc = new String(EdXml.builder().header(header()).traceHeader("000.00.00.H26", "2026-11-20T09:00:00+07:00")
                .build().toXml(), StandardCharsets.UTF_8).replace("<edXML:TraceHeaderList>", "<edXML:TraceHeaderList Id=\"trace\">");
        byte[] signed = XmlSigner.builder().build().sign(doc.getBytes(StandardCharsets.UTF_8), key, XmlSignatureOptions.builder()
                .format(XmlSignatureOptions.Format.XMLDSIG).elementId("trace").signatureParent("/edXML/edXMLEnvelope/edXMLHeader")
                .build()).signed();
        VerificationReport v = EdXml.verify(XmlFixtures.core(sb), signed);
        assertEquals(Verdict.INVALID, v.verdict(), XmlVerifyTest.describe(v));
        assertEquals(Indication.TOTAL_FAILED, v.signatureOf(EdXml.SENDER).indication(), XmlVerifyTest.describe(v));
        assertTrue(v.signatureOf(EdXml.SENDER).integrity());
        assertTrue(v.signatureOf(EdXml.SENDER).errors().stream().anyMatch(m -> m.code().equals("KYSO-V-XML_PROFILE_SCOPE")));
    }

    @Test
    void aTruncatedMessageIsMalformedInputWhereverItIsCut() {
        byte[] message = EdXml.builder().header(header()).traceHeader("000.00.00.H26", null)
                .attachment("a.bin", "application/octet-stream", random(3000, 5)).build().toXml();
        for (int cut = 1; cut < message.length; cut += 97) {
            byte[] part = java.util.Arrays.copyOf(message, cut);
            KysoException e = assertThrows(KysoException.class, () -> EdXml.extract(part), "cut at " + cut);
            assertEquals(ErrorCode.MALFORMED_INPUT, e.errorCode(), "cut at " + cut + ": " + e.getMessage());
        }
        assertEquals(header(), EdXml.extract(message).header());
    }

    @Test
    void hostileNamesDoctypesAndBadBase64AreHandled(@TempDir Path dir) throws Exception {
        byte[] evil = EdXml.builder().header(header())
                .attachment("../../etc/cron.d/evil", "text/plain", "x".getBytes(StandardCharsets.UTF_8))
                .attachment("..\\..\\boot.ini", "text/plain", "y".getBytes(StandardCharsets.UTF_8))
                .attachment("evil", "text/plain", "z".getBytes(StandardCharsets.UTF_8))
                .build().toXml();
        Path out = dir.resolve("out");
        EdXmlMessage m = EdXml.extract(Files.write(dir.resolve("evil.xml"), evil), out);
        assertEquals(out.resolve("evil"), m.attachments().get(0).file());
        assertEquals(out.resolve("boot.ini"), m.attachments().get(1).file());
        assertEquals(out.resolve("evil (2)"), m.attachments().get(2).file(), "a name used twice gets a suffix");
        assertEquals("../../etc/cron.d/evil", m.attachments().get(0).name(), "the sender's name is still reported");
        assertFalse(Files.exists(dir.resolve("etc")));

        String doctype = "<?xml version=\"1.0\"?><!DOCTYPE edXML [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><edXML>&x;</edXML>";
        KysoException d = assertThrows(KysoException.class, () -> EdXml.extract(doctype.getBytes(StandardCharsets.UTF_8)));
        assertEquals(ErrorCode.MALFORMED_INPUT, d.errorCode());

        String bad = new String(EdXml.builder().header(header()).attachment("a.bin", "application/octet-stream", random(5000, 3))
                .build().toXml(), StandardCharsets.UTF_8).replaceFirst("ContentId=\"cid:1\">", "ContentId=\"cid:1\">!!notbase64");
        Path badOut = dir.resolve("bad");
        KysoException b = assertThrows(KysoException.class, () -> EdXml.extract(Files.writeString(dir.resolve("bad.xml"), bad), badOut));
        assertEquals(ErrorCode.MALFORMED_INPUT, b.errorCode());
        try (Stream<Path> files = Files.list(badOut)) {
            assertEquals(0, files.count(), "nothing is left behind after a failed extraction");
        }
        KysoException notEdxml = assertThrows(KysoException.class, () -> EdXml.extract("<HDon/>".getBytes(StandardCharsets.UTF_8)));
        assertEquals(ErrorCode.MALFORMED_INPUT, notEdxml.errorCode());
        KysoException control = assertThrows(KysoException.class, () -> EdXml.builder()
                .header(EdXmlHeader.builder().from(Organization.of("a", "b")).to(Organization.of("c", "d")).subject("x\u0001").build())
                .build().toXml());
        assertEquals(ErrorCode.INVALID_ARGUMENT, control.errorCode());
    }
}
