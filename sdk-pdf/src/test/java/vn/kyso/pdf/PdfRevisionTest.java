package vn.kyso.pdf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdfwriter.compress.CompressParameters;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.util.encoders.Hex;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import vn.kyso.api.DigestAlgorithm;
import vn.kyso.api.ErrorCode;
import vn.kyso.api.KysoException;
import vn.kyso.api.Language;
import vn.kyso.api.SignatureAlgorithm;
import vn.kyso.api.SignatureLevel;
import vn.kyso.api.report.Indication;
import vn.kyso.api.report.Verdict;
import vn.kyso.api.report.VerificationReport;
import vn.kyso.api.token.SigningKey;
import vn.kyso.api.twophase.PreparedSignature;
import vn.kyso.api.twophase.StateKey;
import vn.kyso.core.report.ReportWriter;
import vn.kyso.core.tsp.TimestampClient;

/**
 * The revision the lean path writes, checked with qpdf, pdfsig, pdftotext and our verifier: both kinds
 * of cross-reference input, upright appearances on rotated pages, existing fields, every algorithm,
 * the CMS attributes, two-phase determinism, and refusals that leave no output.
 */
class PdfRevisionTest extends SandboxPdfTest {
    private static void assertValid(Path pdf, int signatures) throws Exception {
        PdfTestDocuments.assertPdfsigValid(pdf, signatures);
        PdfTestDocuments.assertQpdfClean(pdf, null);
        VerificationReport r = verifier.verify(pdf);
        assertEquals(Verdict.VALID, r.verdict(), () -> ReportWriter.text(r, Language.EN));
        assertEquals(signatures, r.signatures().size());
        r.signatures().forEach(s -> assertEquals(Indication.TOTAL_PASSED, s.indication()));
    }

    /** The bytes a revision appended to {@code original}, as text. */
    private static String appended(Path original, Path signed) throws Exception {
        byte[] a = Files.readAllBytes(original);
        byte[] b = Files.readAllBytes(signed);
        for (int i = 0; i < a.length; i++) {
            assertEquals(a[i], b[i], "byte " + i + " of the original changed");
        }
        return new String(b, a.length, b.length - a.length, StandardCharsets.ISO_8859_1);
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void classicTableOrXrefStreamLikeTheInput(boolean xrefStream) throws Exception {
        Path in = PdfTestDocuments.decision(dir.resolve("xref-" + xrefStream + ".pdf"), 0,
                xrefStream ? CompressParameters.DEFAULT_COMPRESSION : CompressParameters.NO_COMPRESSION, null);
        Path one = dir.resolve("xref-" + xrefStream + ".1.pdf");
        Path two = dir.resolve("xref-" + xrefStream + ".2.pdf");
        signer.sign(in, one, PdfTestDocuments.key(sandbox.person1()), PdfSignatureOptions.defaults());
        signer.sign(one, two, PdfTestDocuments.key(sandbox.person2()),
                PdfSignatureOptions.builder().level(SignatureLevel.B_T).visible(1, 330, 600, 220, 70).build());
        String revision = appended(one, two);
        assertEquals(xrefStream, revision.contains("/Type /XRef"), revision);
        assertEquals(!xrefStream, revision.contains("\nxref\n") && revision.contains("\ntrailer\n"), revision);
        assertTrue(revision.contains("/Prev "), revision);
        assertValid(two, 2);
    }

    /** Inputs rewritten by qpdf (not by PDFBox): linearized, with generated object streams, with none. */
    @ParameterizedTest
    @ValueSource(strings = {"--linearize", "--object-streams=generate", "--object-streams=disable"})
    void filesWrittenByQpdf(String how) throws Exception {
        Path made = PdfTestDocuments.decision(dir.resolve("qpdf-src" + how.hashCode() + ".pdf"));
        Path in = dir.resolve("qpdf" + how.hashCode() + ".pdf");
        String log = PdfTestDocuments.run("qpdf", how, made.toString(), in.toString());
        assertTrue(Files.exists(in), log);
        Path one = dir.resolve("qpdf" + how.hashCode() + ".1.pdf");
        Path two = dir.resolve("qpdf" + how.hashCode() + ".2.pdf");
        signer.sign(in, one, PdfTestDocuments.key(sandbox.person1()), PdfSignatureOptions.builder().visible(1, 40, 600, 220, 70).build());
        signer.sign(one, two, PdfTestDocuments.key(sandbox.person3()), PdfSignatureOptions.builder().level(SignatureLevel.B_T).build());
        appended(in, one);
        assertValid(two, 2);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 90, 180, 270})
    void theTextBlockIsUprightWhereTheReaderAskedOnRotatedPages(int rotation) throws Exception {
        Path in = PdfTestDocuments.decision(dir.resolve("rot-" + rotation + ".pdf"), rotation,
                CompressParameters.DEFAULT_COMPRESSION, null);
        Path out = dir.resolve("rot-" + rotation + ".signed.pdf");
        signer.sign(in, out, PdfTestDocuments.key(sandbox.person1()),
                PdfSignatureOptions.builder().visible(1, 40, 300, 240, 60).build());
        assertValid(out, 1);
        // pdftotext -bbox gives word boxes as the reader sees the page: the signer's words must lie in the
        // requested rectangle, on one horizontal line, left to right (sideways text would stack them)
        String html = PdfTestDocuments.run("pdftotext", "-bbox", "-enc", "UTF-8", out.toString(), "-");
        List<float[]> words = new ArrayList<>();
        for (String w : new String[] {"Ký", "bởi:", "Nguyễn", "Văn", "An"}) {
            Matcher m = Pattern.compile("<word xMin=\"([\\d.]+)\" yMin=\"([\\d.]+)\" xMax=\"([\\d.]+)\" yMax=\"([\\d.]+)\">"
                    + Pattern.quote(w) + "</word>").matcher(html);
            assertTrue(m.find(), w + " in " + html);
            float[] box = {Float.parseFloat(m.group(1)), Float.parseFloat(m.group(2)),
                Float.parseFloat(m.group(3)), Float.parseFloat(m.group(4))};
            assertTrue(box[0] >= 40 && box[2] <= 280 && box[1] >= 300 && box[3] <= 360, w + " at " + m.group());
            assertTrue(box[2] - box[0] > box[3] - box[1] || w.length() <= 2, w + " is not horizontal: " + m.group());
            words.add(box);
        }
        for (int i = 1; i < words.size(); i++) {
            assertEquals(words.get(0)[1], words.get(i)[1], 0.5f, "one line");
            assertTrue(words.get(i)[0] > words.get(i - 1)[2], "left to right");
        }
    }

    @ParameterizedTest
    @EnumSource(value = PdfSignatureOptions.Certification.class, names = {"NO_CHANGES", "FORM_FILL", "FORM_FILL_AND_ANNOTATIONS"})
    void certificationWritesDocMdpThatOtherReadersSee(PdfSignatureOptions.Certification level) throws Exception {
        Path in = PdfTestDocuments.decision(dir.resolve("mdp-" + level + ".pdf"));
        Path out = dir.resolve("mdp-" + level + ".signed.pdf");
        signer.sign(in, out, PdfTestDocuments.key(sandbox.person1()), PdfSignatureOptions.builder().certification(level).build());
        assertValid(out, 1);
        int expected = level.ordinal();
        try (PDDocument doc = Loader.loadPDF(out.toFile())) {
            COSDictionary perms = doc.getDocumentCatalog().getCOSObject()
                    .getCOSDictionary(COSName.PERMS);
            PDSignature sig = doc.getSignatureDictionaries().get(0);
            assertEquals(sig.getCOSObject(), perms.getCOSDictionary(COSName.DOCMDP), "/Perms /DocMDP is the signature");
            COSDictionary ref = (COSDictionary) sig.getCOSObject()
                    .getCOSArray(COSName.REFERENCE).getObject(0);
            assertEquals(expected, ref.getCOSDictionary(COSName.TRANSFORM_PARAMS)
                    .getInt(COSName.P));
        }
        if (level != PdfSignatureOptions.Certification.NO_CHANGES) {
            Path second = dir.resolve("mdp-" + level + ".2.pdf");
            signer.sign(out, second, PdfTestDocuments.key(sandbox.person2()), PdfSignatureOptions.defaults());
            assertValid(second, 2);
        }
    }

    @Test
    void anExistingEmptyFieldIsSignedInPlaceWithItsAppearance() throws Exception {
        Path in = PdfTestDocuments.decision(dir.resolve("field.pdf"));
        Path template = dir.resolve("field.template.pdf");
        signer.addSignatureField(in, template, PdfSignatureOptions.builder().field("van_thu").visible(1, 330, 600, 200, 60).build());
        Path out = dir.resolve("field.signed.pdf");
        signer.sign(template, out, PdfTestDocuments.key(sandbox.organization()),
                PdfSignatureOptions.builder().field("van_thu").build());
        assertValid(out, 1);
        assertTrue(PdfTestDocuments.run("pdfsig", "-nocert", out.toString()).contains("Signature Field Name: van_thu"));
        List<PdfSignatureFields.Field> fields = PdfSignatureFields.list(out);
        assertEquals(1, fields.size());
        assertTrue(fields.get(0).signed());
        String text = PdfTestDocuments.run("pdftotext", "-enc", "UTF-8", "-x", "330", "-y", "600", "-W", "200", "-H", "60",
                out.toString(), "-");
        assertTrue(text.contains("Ký bởi:") && text.contains("+07:00"), text);
        // signing it again, or signing a missing page, is refused and writes nothing
        Path again = dir.resolve("field.again.pdf");
        assertEquals(ErrorCode.INVALID_ARGUMENT, assertThrows(KysoException.class, () -> signer.sign(out, again,
                PdfTestDocuments.key(sandbox.person1()), PdfSignatureOptions.builder().field("van_thu").build())).errorCode());
        assertEquals(ErrorCode.INVALID_ARGUMENT, assertThrows(KysoException.class, () -> signer.sign(out, again,
                PdfTestDocuments.key(sandbox.person1()), PdfSignatureOptions.builder().visible(2, 10, 10, 100, 40).build())).errorCode());
        assertFalse(Files.exists(again));
    }

    @ParameterizedTest
    @EnumSource(value = SignatureAlgorithm.class, names = {"RSA_SHA256", "RSA_PSS_SHA384", "RSA_PSS_SHA512", "ECDSA_SHA256", "ECDSA_SHA384"})
    void everyAlgorithmWithPadesBaselineAttributes(SignatureAlgorithm alg) throws Exception {
        SigningKey key = PdfTestDocuments.key(alg.scheme() == vn.kyso.api.SignatureScheme.ECDSA ? sandbox.person3() : sandbox.person1());
        Path in = PdfTestDocuments.decision(dir.resolve("alg-" + alg + ".pdf"));
        Path out = dir.resolve("alg-" + alg + ".signed.pdf");
        assertEquals(alg, signer.sign(in, out, key, PdfSignatureOptions.builder().algorithm(alg).build()).algorithm());
        assertValid(out, 1);
        CMSSignedData cms = new CMSSignedData(new org.bouncycastle.cms.CMSProcessableByteArray(signedRanges(out)),
                contents(out));
        SignerInformation si = cms.getSignerInfos().getSigners().iterator().next();
        assertEquals(alg.digest().oid(), si.getDigestAlgOID());
        assertEquals(alg.oid(), si.getEncryptionAlgOID());
        assertNotNull(si.getSignedAttributes().get(CMSAttributes.contentType));
        assertNotNull(si.getSignedAttributes().get(CMSAttributes.messageDigest));
        assertNotNull(si.getSignedAttributes().get(PKCSObjectIdentifiers.id_aa_signingCertificateV2));
        assertNotNull(si.getSignedAttributes().get(CMSAttributes.cmsAlgorithmProtect));
        assertNull(si.getSignedAttributes().get(CMSAttributes.signingTime), "PAdES: no CMS signing-time");
        assertTrue(si.verify(new org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder().build(key.certificate())));
        assertEquals(key.chain().size(), cms.getCertificates().getMatches(null).size());
    }

    @Test
    void oneSignerSignsFromSeveralThreadsAtOnce() throws Exception {
        Path in = PdfTestDocuments.decision(dir.resolve("threads.pdf"));
        SigningKey key = PdfTestDocuments.key(sandbox.person1());
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        List<java.util.concurrent.Future<Path>> outs = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            Path out = dir.resolve("threads." + i + ".pdf");
            PdfSignatureOptions o = i % 2 == 0 ? PdfSignatureOptions.defaults()
                    : PdfSignatureOptions.builder().visible(1, 40, 600, 220, 70).level(SignatureLevel.B_T).build();
            outs.add(pool.submit(() -> {
                signer.sign(in, out, key, o);
                return out;
            }));
        }
        pool.shutdown();
        for (java.util.concurrent.Future<Path> f : outs) {
            PdfTestDocuments.assertPdfsigValid(f.get(), 1);
        }
        assertValid(outs.get(1).get(), 1);
    }

    @Test
    void listenersGetTheDigestOfTheSignedByteRanges() throws Exception {
        List<vn.kyso.api.event.SigningEvent> events = new ArrayList<>();
        PdfSigner listened = PdfSigner.builder().listener(events::add).build();
        Path in = PdfTestDocuments.decision(dir.resolve("events.pdf"));
        Path out = dir.resolve("events.signed.pdf");
        listened.sign(in, out, PdfTestDocuments.key(sandbox.person1()), PdfSignatureOptions.defaults());
        assertEquals(1, events.size());
        assertEquals(vn.kyso.api.event.SigningEvent.Outcome.SUCCESS, events.get(0).outcome());
        assertArrayEquals(DigestAlgorithm.SHA256.digest(signedRanges(out)), events.get(0).documentDigest());
    }

    /** The bytes the first /ByteRange of a signed PDF covers. */
    static byte[] signedRanges(Path pdf) throws Exception {
        byte[] all = Files.readAllBytes(pdf);
        Matcher m = Pattern.compile("/ByteRange\\s*\\[\\s*(\\d+)\\s+(\\d+)\\s+(\\d+)\\s+(\\d+)\\s*\\]")
                .matcher(new String(all, StandardCharsets.ISO_8859_1));
        assertTrue(m.find());
        int a = Integer.parseInt(m.group(2));
        int b = Integer.parseInt(m.group(3));
        int c = Integer.parseInt(m.group(4));
        assertEquals("0", m.group(1));
        assertEquals(all.length, b + c, "the signature covers the whole file");
        byte[] signed = new byte[a + c];
        System.arraycopy(all, 0, signed, 0, a);
        System.arraycopy(all, b, signed, a, c);
        return signed;
    }

    /** The DER SignedData in a signed PDF's /Contents (the zero padding after it removed). */
    static byte[] contents(Path pdf) throws Exception {
        String text = new String(Files.readAllBytes(pdf), StandardCharsets.ISO_8859_1);
        Matcher m = Pattern.compile("/Contents\\s*<([0-9A-Fa-f]+)>").matcher(text);
        assertTrue(m.find());
        byte[] padded = Hex.decode(m.group(1));
        try (org.bouncycastle.asn1.ASN1InputStream der = new org.bouncycastle.asn1.ASN1InputStream(padded)) {
            return der.readObject().getEncoded();
        }
    }

    @Test
    void twoPhaseIsDeterministicAndCreatesANamedFieldInTheSameRevision() throws Exception {
        Clock clock = Clock.fixed(Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS), ZoneOffset.UTC);
        PdfSigner fixed = PdfSigner.builder().stateKey(StateKey.generate()).clock(clock)
                .timestamps(TimestampClient.builder().urls(List.of(sandbox.tsaUrl())).build()).build();
        Path in = PdfTestDocuments.decision(dir.resolve("tp.pdf"));
        SigningKey key = PdfTestDocuments.key(sandbox.person2());
        SignatureAlgorithm alg = key.preferredAlgorithm(DigestAlgorithm.SHA256);
        PdfSignatureOptions options = PdfSignatureOptions.builder().level(SignatureLevel.B_T).field("lanh_dao")
                .visible(1, 60, 600, 220, 60).reason("Phê duyệt").build();
        PreparedSignature first = fixed.prepare(in, key.chain(), alg, options);
        PreparedSignature second = fixed.prepare(in, key.chain(), alg, options);
        assertArrayEquals(first.dataToSign(), second.dataToSign(), "same input, time and options: same bytes");
        // the same bytes under another name complete the signature
        Path copy = Files.copy(in, dir.resolve("tp-copy.pdf"));
        Path out = dir.resolve("tp.signed.pdf");
        fixed.complete(second.state(), key.signDigest(second.digest(), alg), copy, out);
        assertValid(out, 1);
        assertTrue(PdfTestDocuments.run("pdfsig", "-nocert", out.toString()).contains("Signature Field Name: lanh_dao"));
        // a value for other data is refused before anything is written
        Path refused = dir.resolve("tp.refused.pdf");
        byte[] wrong = key.signDigest(DigestAlgorithm.SHA256.digest(new byte[1]), alg);
        assertEquals(ErrorCode.SIGNATURE_VALUE_INVALID, assertThrows(KysoException.class,
                () -> fixed.complete(first.state(), wrong, in, refused)).errorCode());
        assertFalse(Files.exists(refused));
    }

    @Test
    void refusalsLeaveNoOutputAndNoTemporaryFile() throws Exception {
        Path work = Files.createDirectories(dir.resolve("refusals"));
        Path in = PdfTestDocuments.decision(work.resolve("in.pdf"));
        Path out = work.resolve("out.pdf");
        SigningKey key = PdfTestDocuments.key(sandbox.person1());
        PdfSigner deadTsa = PdfSigner.builder()
                .timestamps(TimestampClient.builder().url("http://127.0.0.1:1/tsa").build()).build();
        assertEquals(ErrorCode.TIMESTAMP_FAILED, assertThrows(KysoException.class,
                () -> deadTsa.sign(in, out, key, PdfSignatureOptions.builder().level(SignatureLevel.B_T).build())).errorCode());
        assertEquals(ErrorCode.INVALID_ARGUMENT, assertThrows(KysoException.class,
                () -> signer.sign(in, out, key, PdfSignatureOptions.builder().visible(1, 500, 800, 200, 60).build())).errorCode());
        Path one = work.resolve("one.pdf");
        signer.sign(in, one, key, PdfSignatureOptions.builder().visible(1, 300, 600, 200, 60).build());
        assertEquals(ErrorCode.INVALID_ARGUMENT, assertThrows(KysoException.class,
                () -> signer.sign(one, out, key, PdfSignatureOptions.builder().visible(1, 350, 620, 200, 60).build())).errorCode());
        assertEquals(ErrorCode.INVALID_ARGUMENT, assertThrows(KysoException.class, () -> signer.sign(one, out, key,
                PdfSignatureOptions.builder().certification(PdfSignatureOptions.Certification.FORM_FILL).build())).errorCode());
        assertFalse(Files.exists(out));
        try (Stream<Path> files = Files.list(work)) {
            assertEquals(List.of("in.pdf", "one.pdf"), files.map(p -> p.getFileName().toString()).sorted().toList());
        }
    }
}
