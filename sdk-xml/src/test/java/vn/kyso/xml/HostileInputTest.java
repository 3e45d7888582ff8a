package vn.kyso.xml;

import vn.kyso.api.report.VerificationReport;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.kyso.api.ErrorCode;
import vn.kyso.api.KysoException;
import vn.kyso.api.SignatureAlgorithm;
import vn.kyso.api.report.Verdict;
import vn.kyso.api.token.SigningKey;
import vn.kyso.testkit.Sandbox;

/**
 * Hostile XML: every document here references a loopback HTTP server that records each request and a
 * sentinel outside the input (a named pipe whose writer notices any open), and every one must come out
 * as a verdict other than VALID or a typed error, with no request recorded and the sentinel never
 * opened. "Quickly" is shown by what stops them (the parser's refusal, the structural checks, limits),
 * not by timing.
 */
class HostileInputTest {
    static Sandbox sb;
    static SigningKey key;
    static HttpServer recorder;
    static final List<String> requests = new CopyOnWriteArrayList<>();
    static Sentinel sentinel;
    static String http;
    static String file;
    @TempDir
    static Path dir;

    /** A named pipe outside the input: opening it for reading (the only way to read it) is recorded. */
    static final class Sentinel implements AutoCloseable {
        final Path path;
        final AtomicBoolean opened = new AtomicBoolean();
        final AtomicBoolean closing = new AtomicBoolean();
        final Thread writer;

        Sentinel(Path path) throws Exception {
            this.path = path;
            XmlFixtures.Result r = XmlFixtures.run(List.of("mkfifo", path.toString()));
            assertEquals(0, r.exit, r.output);
            writer = new Thread(() -> {
                try (FileOutputStream out = new FileOutputStream(path.toFile())) {
                    if (!closing.get()) {
                        opened.set(true);
                    }
                    out.write("BI-MAT".getBytes(StandardCharsets.US_ASCII));
                } catch (IOException e) {
                    // the reader went away
                }
            }, "sentinel-writer");
            writer.setDaemon(true);
            writer.start();
        }

        @Override
        public void close() throws Exception {
            closing.set(true);
            if (writer.isAlive()) {
                try (InputStream in = new FileInputStream(path.toFile())) {
                    byte[] buf = new byte[64];
                    while (in.read(buf) > 0) {
                        // drain what the writer wrote
                    }
                }
            }
            writer.join(10_000);
        }
    }

    @BeforeAll
    static void start() throws Exception {
        sb = Sandbox.start();
        key = XmlFixtures.key(sb.person1());
        recorder = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        recorder.createContext("/", ex -> {
            requests.add(ex.getRequestMethod() + " " + ex.getRequestURI());
            byte[] body = "<x>BI-MAT</x>".getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(200, body.length);
            ex.getResponseBody().write(body);
            ex.close();
        });
        recorder.start();
        http = "http://127.0.0.1:" + recorder.getAddress().getPort();
        Path outside = Files.createDirectories(dir.resolve("outside"));
        sentinel = new Sentinel(outside.resolve("secret.fifo"));
        file = sentinel.path.toUri().toString();
    }

    @AfterAll
    static void stop() throws Exception {
        if (sentinel != null) {
            sentinel.close();
            assertFalse(sentinel.opened.get(), "the sentinel outside the input was opened");
        }
        if (recorder != null) {
            recorder.stop(0);
        }
        if (sb != null) {
            sb.close();
        }
    }

    @AfterEach
    void nothingWasFetchedOrRead() {
        assertEquals(List.of(), requests, "requests to the loopback recorder");
        assertFalse(sentinel.opened.get(), "the sentinel outside the input was opened");
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** A verdict other than VALID, or a typed error; returns the error code (null for a report). */
    static ErrorCode notValid(String xml) {
        try {
            VerificationReport v = XmlFixtures.verifier(sb).verify(utf8(xml));
            assertNotEquals(Verdict.VALID, v.verdict(), XmlVerifyTest.describe(v));
            assertFalse(v.toString().contains("BI-MAT"));
            return null;
        } catch (KysoException e) {
            assertFalse(e.getMessage().contains("BI-MAT"), e.getMessage());
            return e.errorCode();
        }
    }

    /** The same through a file, so that a detached name and relative paths are in play too. */
    static ErrorCode notValidFromFile(String xml, String name) throws IOException {
        Path input = Files.createDirectories(dir.resolve("input"));
        Path f = Files.writeString(input.resolve(name), xml, StandardCharsets.UTF_8);
        Path data = Files.writeString(input.resolve("data.bin"), "du lieu", StandardCharsets.UTF_8);
        try {
            VerificationReport v = XmlFixtures.verifier(sb).verify(f, data, null);
            assertNotEquals(Verdict.VALID, v.verdict(), XmlVerifyTest.describe(v));
            return null;
        } catch (KysoException e) {
            return e.errorCode();
        }
    }

    static String xadesInvoice() {
        return new String(XmlSigner.builder().build().sign(utf8(XmlFixtures.invoice("data", "A")), key, XmlSignatureOptions.builder()
                .elementId("data").signatureParent("/HDon/DSCKS/NBan").algorithm(SignatureAlgorithm.RSA_SHA256).build()).signed(),
                StandardCharsets.UTF_8);
    }

    static String xmldsigInvoice() {
        return XmlFixtures.xmldsigInvoice(key);
    }

    /** Verifies (any outcome, VALID included: what is added is not signed content) and returns the verdict. */
    static Verdict verifyOnly(String xml) {
        return XmlFixtures.verifier(sb).verify(utf8(xml)).verdict();
    }

    @Test
    void theRecorderAndASentinelNoticeAccess() throws Exception {
        try (Sentinel control = new Sentinel(dir.resolve("control.fifo"))) {
            try (InputStream in = control.path.toUri().toURL().openStream()) {
                assertEquals("BI-MAT", new String(in.readAllBytes(), StandardCharsets.US_ASCII));
            }
            control.writer.join(10_000);
            assertTrue(control.opened.get());
        }
        try (InputStream in = new java.net.URL(http + "/control").openStream()) {
            assertTrue(new String(in.readAllBytes(), StandardCharsets.UTF_8).contains("BI-MAT"));
        }
        assertEquals(List.of("GET /control"), requests);
        requests.clear();
    }

    @Test
    void theBaselinesAreValidOrIntact() {
        VerificationReport v = XmlFixtures.verifier(sb).verify(utf8(xadesInvoice()));
        assertEquals(Verdict.VALID, v.verdict(), XmlVerifyTest.describe(v));
        VerificationReport d = XmlFixtures.verifier(sb).verify(utf8(xmldsigInvoice()));
        assertTrue(d.signatures().get(0).integrity(), XmlVerifyTest.describe(d));
    }

    @Test
    void externalEntitiesAndDtdsAreRefusedByTheParser() {
        String signed = xadesInvoice().replaceFirst("<\\?xml[^>]*\\?>", "");
        List<String> docs = List.of(
                "<?xml version=\"1.0\"?><!DOCTYPE HDon [<!ENTITY x SYSTEM \"" + http + "/xxe\">]>" + signed.replace("<Ten>A</Ten>", "<Ten>&x;</Ten>"),
                "<?xml version=\"1.0\"?><!DOCTYPE HDon [<!ENTITY x SYSTEM \"" + file + "\">]>" + signed.replace("<Ten>A</Ten>", "<Ten>&x;</Ten>"),
                "<?xml version=\"1.0\"?><!DOCTYPE HDon SYSTEM \"" + http + "/dtd\">" + signed,
                "<?xml version=\"1.0\"?><!DOCTYPE HDon SYSTEM \"" + file + "\">" + signed,
                "<?xml version=\"1.0\"?><!DOCTYPE HDon [<!ENTITY % p SYSTEM \"" + http + "/param\"> %p;]>" + signed,
                "<?xml version=\"1.0\"?><!DOCTYPE HDon PUBLIC \"-//K//X\" \"" + http + "/public\">" + signed);
        for (String doc : docs) {
            assertEquals(ErrorCode.MALFORMED_INPUT, notValid(doc), doc.substring(0, 80));
        }
    }

    @Test
    void entityExpansionBombsAreRefusedBeforeAnyExpansion() {
        assertEquals(ErrorCode.MALFORMED_INPUT, notValid(XmlFixtures.billionLaughs(11)));
        // Quadratic blow-up: one large entity referenced many times.
        StringBuilder quad = new StringBuilder("<?xml version=\"1.0\"?><!DOCTYPE q [<!ENTITY a \"").append("a".repeat(50_000)).append("\">]><q>");
        quad.append("&a;".repeat(50_000)).append("</q>");
        assertEquals(ErrorCode.MALFORMED_INPUT, notValid(quad.toString()));
    }

    @Test
    void deepNestingIsRefusedByTheParser() {
        int depth = 200_000;
        String deep = "<a>".repeat(depth) + "</a>".repeat(depth);
        assertEquals(ErrorCode.MALFORMED_INPUT, notValid(deep));
        String signed = xadesInvoice();
        assertEquals(ErrorCode.MALFORMED_INPUT, notValid(signed.replace("<Ten>A</Ten>", "<Ten>" + "<b>".repeat(depth) + "</b>".repeat(depth) + "</Ten>")));
    }

    @Test
    void xincludeIsNotProcessed() {
        String signed = xadesInvoice();
        String inc = "<xi:include xmlns:xi=\"http://www.w3.org/2001/XInclude\" href=\"";
        assertEquals(null, notValid(signed.replace("<Ten>A</Ten>", "<Ten>" + inc + http + "/xinclude\"/></Ten>")));
        assertEquals(null, notValid(signed.replace("<Ten>A</Ten>", "<Ten>" + inc + file + "\" parse=\"text\"/></Ten>")));
    }

    @Test
    void externalReferencesAreNeverDereferenced() throws IOException {
        for (String base : List.of(xadesInvoice(), xmldsigInvoice())) {
            for (String uri : List.of(http + "/ref", file, "file:" + sentinel.path, "../outside/secret.fifo", sentinel.path.toString(),
                    "ftp://127.0.0.1/x", "jar:" + file + "!/x", "data:,BI-MAT")) {
                String forged = base.replace("URI=\"#data\"", "URI=\"" + uri + "\"");
                assertNotEquals(base, forged);
                assertEquals(null, notValid(forged), uri);
                assertEquals(null, notValidFromFile(forged, "hostile.xml"), uri);
            }
        }
    }

    @Test
    void unsafeTransformsAreRefusedWithoutRunningThem() {
        String c14n = "<Transform Algorithm=\"http://www.w3.org/TR/2001/REC-xml-c14n-20010315\"/>";
        String base = xmldsigInvoice();
        assertTrue(base.contains(c14n), base);
        List<String> transforms = List.of(
                "<Transform Algorithm=\"http://www.w3.org/TR/1999/REC-xslt-19991116\"><xsl:stylesheet xmlns:xsl=\"http://www.w3.org/1999/XSL/Transform\" version=\"1.0\">"
                        + "<xsl:template match=\"/\"><xsl:copy-of select=\"document('" + http + "/xslt')\"/><xsl:copy-of select=\"document('" + file + "')\"/>"
                        + "</xsl:template></xsl:stylesheet></Transform>",
                "<Transform Algorithm=\"http://www.w3.org/TR/1999/REC-xpath-19991116\"><XPath>count(//. | //@* | //namespace::*) &gt; 0</XPath></Transform>",
                "<Transform Algorithm=\"http://www.w3.org/2002/06/xmldsig-filter2\"><XPath xmlns=\"http://www.w3.org/2002/06/xmldsig-filter2\" Filter=\"intersect\">//TTChung</XPath></Transform>",
                "<Transform Algorithm=\"http://www.w3.org/2002/06/xmldsig-filter2\"><XPath xmlns=\"http://www.w3.org/2002/06/xmldsig-filter2\" Filter=\"subtract\">//NDHDon</XPath></Transform>",
                "<Transform Algorithm=\"http://www.w3.org/2000/09/xmldsig#base64\"/>",
                "<Transform Algorithm=\"" + http + "/transform\"/>");
        for (String t : transforms) {
            String forged = base.replace(c14n, t);
            assertNotEquals(base, forged);
            VerificationReport v = XmlFixtures.verifier(sb).verify(utf8(forged));
            assertEquals(Verdict.INVALID, v.verdict(), XmlVerifyTest.describe(v));
            assertEquals(vn.kyso.api.report.SubIndication.FORMAT_FAILURE, v.signatures().get(0).subIndication(), XmlVerifyTest.describe(v));
            assertTrue(v.signatures().get(0).errors().stream().anyMatch(m -> m.code().equals("KYSO-V-XML_UNSAFE_TRANSFORM")),
                    XmlVerifyTest.describe(v));
        }
        // Too many transforms, too many references.
        String many = base.replace(c14n, c14n.repeat(vn.kyso.xml.internal.XmlStructure.MAX_TRANSFORMS + 1));
        assertEquals(null, notValid(many));
        int a = base.indexOf("<Reference ");
        int b = base.indexOf("</Reference>") + "</Reference>".length();
        String refs = base.substring(0, b) + base.substring(a, b).repeat(vn.kyso.xml.internal.XmlStructure.MAX_REFERENCES) + base.substring(b);
        assertEquals(null, notValid(refs));
    }

    @Test
    void keyInfoAndManifestReferencesAreNotFetched() {
        String base = xadesInvoice();
        String retrieval = "<ds:RetrievalMethod URI=\"" + http + "/cert\" Type=\"http://www.w3.org/2000/09/xmldsig#X509Data\"/>"
                + "<ds:RetrievalMethod URI=\"" + file + "\" Type=\"http://www.w3.org/2000/09/xmldsig#rawX509Certificate\"/>";
        // KeyInfo is not signed content: adding to it may stay VALID; what matters is that nothing is fetched.
        assertEquals(Verdict.VALID, verifyOnly(base.replace("<ds:KeyInfo>", "<ds:KeyInfo>" + retrieval)));
        String onlyRetrieval = base.replaceAll("<ds:KeyInfo>.*?</ds:KeyInfo>", "<ds:KeyInfo>" + retrieval + "</ds:KeyInfo>");
        assertNotEquals(base, onlyRetrieval);
        assertEquals(null, notValid(onlyRetrieval));
        // A Manifest whose references point outside, itself referenced from SignedInfo.
        String manifest = "<ds:Object><ds:Manifest Id=\"mf\"><ds:Reference URI=\"" + http + "/manifest\">"
                + "<ds:DigestMethod Algorithm=\"http://www.w3.org/2001/04/xmlenc#sha256\"/><ds:DigestValue>AAAA</ds:DigestValue></ds:Reference>"
                + "<ds:Reference URI=\"" + file + "\"><ds:DigestMethod Algorithm=\"http://www.w3.org/2001/04/xmlenc#sha256\"/>"
                + "<ds:DigestValue>AAAA</ds:DigestValue></ds:Reference></ds:Manifest></ds:Object>";
        String withManifest = base.replace("</ds:SignedInfo>", "<ds:Reference Type=\"http://www.w3.org/2000/09/xmldsig#Manifest\" URI=\"#mf\">"
                + "<ds:DigestMethod Algorithm=\"http://www.w3.org/2001/04/xmlenc#sha256\"/><ds:DigestValue>AAAA</ds:DigestValue></ds:Reference></ds:SignedInfo>")
                .replace("</ds:Signature>", manifest + "</ds:Signature>");
        assertEquals(null, notValid(withManifest));
    }

    @Test
    void signatureWrappingVariantsAreNeverValid() {
        for (String base : List.of(xadesInvoice(), xmldsigInvoice())) {
            int a = base.indexOf("<DLHDon");
            int b = base.indexOf("</DLHDon>") + "</DLHDon>".length();
            String original = base.substring(a, b);
            String forgedData = original.replace("<DGia>1000000</DGia>", "<DGia>1</DGia>");
            List<String> variants = List.of(
                    // a forged copy with the same Id after (and, with "ID", before) the original
                    base.substring(0, b) + forgedData + base.substring(b),
                    base.substring(0, a) + forgedData.replace("Id=\"data\"", "ID=\"data\"") + base.substring(a),
                    // the original moved into the signature's own Object, the consumer's DLHDon replaced
                    base.substring(0, a) + forgedData.replace("Id=\"data\"", "") + base.substring(b)
                            .replaceFirst("</(ds:)?Signature>", "<$1Object>" + original.replace("$", "\\$") + "</$1Object></$1Signature>"),
                    // the original moved under another element, a forged DLHDon without Id where the consumer reads
                    base.substring(0, a) + forgedData.replace("Id=\"data\"", "") + "<Khac>" + original + "</Khac>" + base.substring(b),
                    // the original kept elsewhere under an Id of another kind (xml:id, a namespaced Id), the
                    // consumer's DLHDon forged under the plain Id
                    base.substring(0, a) + forgedData + "<Khac>" + original.replace("Id=\"data\"", "xml:id=\"data\"")
                            + "</Khac>" + base.substring(b),
                    base.substring(0, a) + forgedData + "<Khac xmlns:wsu=\"http://docs.oasis-open.org/wss/2004/01/"
                            + "oasis-200401-wss-wssecurity-utility-1.0.xsd\">" + original.replace("Id=\"data\"", "wsu:Id=\"data\"")
                            + "</Khac>" + base.substring(b),
                    // a second, unsigned invoice data element where a consumer may read it (after DSCKS)
                    base.replace("</HDon>", forgedData.replace("Id=\"data\"", "") + "</HDon>"),
                    // the signed properties or the SigningTime object duplicated
                    base.replaceFirst("(<ds:Object>|<Object Id=)", "<Object><x Id=\"" + idOfSecondReference(base) + "\"/></Object>$1"));
            for (String forged : variants) {
                assertNotEquals(base, forged);
                assertEquals(null, notValid(forged), forged);
            }
        }
    }

    @Test
    void theReportNamesWhereTheSignedElementReallyIs() {
        // Generic profile: no placement rule, so a moved element may verify, but the report says where it is.
        String doc = "<CongVan><NoiDung Id=\"nd\">Quyết định</NoiDung></CongVan>";
        String signed = new String(XmlSigner.builder().build().sign(utf8(doc), key, XmlSignatureOptions.builder().elementId("nd").build()).signed(),
                StandardCharsets.UTF_8);
        String moved = signed.replace("<NoiDung Id=\"nd\">Quyết định</NoiDung>", "<NoiDung>Giả mạo</NoiDung><Cu><NoiDung Id=\"nd\">Quyết định</NoiDung></Cu>");
        assertNotEquals(signed, moved);
        VerificationReport v = XmlFixtures.verifier(sb).verify(utf8(moved));
        assertEquals(List.of("/CongVan[1]/Cu[1]/NoiDung[1]"), v.signatures().get(0).signedScope(), XmlVerifyTest.describe(v));
    }

    /** The Id the second reference of the first signature points at (signed properties or SigningTime object). */
    static String idOfSecondReference(String signed) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("<(?:ds:)?Reference[^>]*URI=\"#([^\"]+)\"").matcher(signed);
        assertTrue(m.find() && m.find(), signed);
        return m.group(1);
    }

    @Test
    void aSignaturePolicyUrlIsNotFetched() {
        String base = xadesInvoice();
        String policy = "<xades:SignaturePolicyIdentifier><xades:SignaturePolicyId><xades:SigPolicyId><xades:Identifier>urn:oid:1.2.3</xades:Identifier>"
                + "</xades:SigPolicyId><xades:SigPolicyHash><ds:DigestMethod Algorithm=\"http://www.w3.org/2001/04/xmlenc#sha256\"/>"
                + "<ds:DigestValue>AAAA</ds:DigestValue></xades:SigPolicyHash><xades:SigPolicyQualifiers><xades:SigPolicyQualifier>"
                + "<xades:SPURI>" + http + "/policy</xades:SPURI></xades:SigPolicyQualifier></xades:SigPolicyQualifiers>"
                + "</xades:SignaturePolicyId></xades:SignaturePolicyIdentifier>";
        String forged = base.replace("</xades:SigningCertificateV2>", "</xades:SigningCertificateV2>" + policy);
        assertNotEquals(base, forged);
        assertEquals(null, notValid(forged));
    }
}
