package vn.kyso.snippets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.kyso.api.SignatureAlgorithm;
import vn.kyso.api.report.Verdict;
import vn.kyso.api.token.SigningKey;
import vn.kyso.api.token.Tokens;
import vn.kyso.core.cades.CadesSignatureOptions;
import vn.kyso.core.cades.CadesSigner;
import vn.kyso.core.trust.TrustAnchors;
import vn.kyso.core.verify.Verifier;
import vn.kyso.pdf.PdfSignatureOptions;
import vn.kyso.pdf.PdfSigner;
import vn.kyso.testkit.Sandbox;
import vn.kyso.xml.XmlSignatureOptions;
import vn.kyso.xml.XmlSigner;

/**
 * The rows of GETTING-STARTED's table "Which algorithm, and who accepts it" marked "our tests": Kyso, poppler
 * pdfsig and xmlsec1 1.2 each get a signature made with RSA PKCS#1 v1.5 and one made with RSASSA-PSS, and
 * must answer as the table says. The table's cells are read from the document, so the test and the
 * document cannot drift apart.
 */
class AlgorithmTableTest {

    static Sandbox sandbox;
    static SigningKey key;
    static Verifier verifier;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        sandbox = Sandbox.start();
        key = Tokens.pkcs12(sandbox.person1().pkcs12(Sandbox.PASSWORD.toCharArray()), Sandbox.PASSWORD.toCharArray(), "p1")
                .firstKey();
        verifier = Verifier.builder().trust(TrustAnchors.of(List.of(sandbox.root()), sandbox.intermediates())).build();
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    /** "yes" or "no" of the table's row whose first cell starts with {@code verifier}, column 1 (PKCS#1) or 2 (PSS). */
    static boolean table(String verifier, int column) throws IOException {
        String doc = Files.readString(DocsSnippetsTest.REPO.resolve("docs/GETTING-STARTED.md"), StandardCharsets.UTF_8);
        for (String line : doc.split("\n")) {
            if (line.startsWith("| " + verifier)) {
                String[] cells = line.split("\\|");
                assertTrue(cells[4].contains("our tests"), line);
                String cell = cells[column + 1].trim();
                assertTrue(cell.startsWith("yes") || cell.startsWith("no"), line);
                return cell.startsWith("yes");
            }
        }
        throw new AssertionError("no row for " + verifier);
    }

    static int run(Path dir, String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve("tool-" + System.nanoTime() + ".log").toFile()).start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), String.join(" ", command));
        return p.exitValue();
    }

    @Test
    void kysoAcceptsBoth() throws IOException {
        Path data = Files.writeString(dir.resolve("a.txt"), "A");
        CadesSigner cades = CadesSigner.builder().build();
        PdfSigner pdf = PdfSigner.builder().build();
        XmlSigner xml = XmlSigner.builder().build();
        Path pdfIn = SnippetsRunTest.pdf(dir.resolve("a.pdf"), "A");
        Path xmlIn = Files.writeString(dir.resolve("a.xml"), "<?xml version=\"1.0\"?>\n<a><b Id=\"data\">1</b></a>\n");
        for (boolean pkcs1 : new boolean[] {true, false}) {
            String n = pkcs1 ? "pkcs1" : "pss";
            boolean expected = table("Kyso", pkcs1 ? 1 : 2);
            Path p7s = dir.resolve(n + ".p7s");
            assertEquals(pkcs1 ? SignatureAlgorithm.RSA_SHA256 : SignatureAlgorithm.RSA_PSS_SHA256,
                    cades.sign(data, p7s, key, CadesSignatureOptions.builder().pkcs1(pkcs1).build()).algorithm());
            assertEquals(expected, verifier.verify(p7s, data).verdict() == Verdict.VALID, n + " CAdES");
            Path signedPdf = dir.resolve(n + ".pdf");
            pdf.sign(pdfIn, signedPdf, key, PdfSignatureOptions.builder().pkcs1(pkcs1).build());
            assertEquals(expected, verifier.verify(signedPdf).verdict() == Verdict.VALID, n + " PAdES");
            Path signedXml = dir.resolve(n + ".xml");
            xml.sign(xmlIn, signedXml, key, XmlSignatureOptions.builder().pkcs1(pkcs1).build());
            assertEquals(expected, verifier.verify(signedXml).verdict() == Verdict.VALID, n + " XAdES");
        }
    }

    @Test
    void popplerPdfsig() throws Exception {
        PdfSigner pdf = PdfSigner.builder().build();
        Path in = SnippetsRunTest.pdf(dir.resolve("in.pdf"), "A");
        for (boolean pkcs1 : new boolean[] {true, false}) {
            Path out = dir.resolve((pkcs1 ? "pkcs1" : "pss") + ".pdf");
            pdf.sign(in, out, key, PdfSignatureOptions.builder().pkcs1(pkcs1).build());
            Path log = dir.resolve("pdfsig-" + pkcs1 + ".txt");
            Process p = new ProcessBuilder("pdfsig", "-nocert", out.toString()).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start();
            assertTrue(p.waitFor(60, TimeUnit.SECONDS));
            String said = Files.readString(log);
            assertEquals(table("poppler `pdfsig`", pkcs1 ? 1 : 2), said.contains("Signature Validation: Signature is Valid."), said);
        }
    }

    @Test
    void xmlsec1() throws Exception {
        XmlSigner xml = XmlSigner.builder().build();
        Path in = Files.writeString(dir.resolve("in.xml"), "<?xml version=\"1.0\"?>\n<a><b>1</b></a>\n");
        List<String> problems = new ArrayList<>();
        for (boolean pkcs1 : new boolean[] {true, false}) {
            Path out = dir.resolve((pkcs1 ? "pkcs1" : "pss") + ".xml");
            xml.sign(in, out, key, XmlSignatureOptions.builder().format(XmlSignatureOptions.Format.XMLDSIG).pkcs1(pkcs1).build());
            // --insecure: the certificate's chain is not the question here, the algorithm is
            int exit = run(dir, "xmlsec1", "--verify", "--insecure", "--enabled-reference-uris", "empty,same-doc", out.toString());
            if ((exit == 0) != table("xmlsec1 1.2", pkcs1 ? 1 : 2)) {
                problems.add((pkcs1 ? "PKCS#1 v1.5" : "RSASSA-PSS") + ": xmlsec1 exit " + exit);
            }
        }
        assertEquals(List.of(), problems);
    }
}
