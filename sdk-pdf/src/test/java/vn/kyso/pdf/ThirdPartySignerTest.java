package vn.kyso.pdf;

import static org.junit.jupiter.api.Assertions.assertEquals;

import eu.europa.esig.dss.enumerations.DigestAlgorithm;
import eu.europa.esig.dss.enumerations.SignatureLevel;
import eu.europa.esig.dss.model.DSSDocument;
import eu.europa.esig.dss.model.FileDocument;
import eu.europa.esig.dss.model.SignatureValue;
import eu.europa.esig.dss.model.ToBeSigned;
import eu.europa.esig.dss.pades.PAdESSignatureParameters;
import eu.europa.esig.dss.pades.SignatureFieldParameters;
import eu.europa.esig.dss.pades.SignatureImageParameters;
import eu.europa.esig.dss.pades.SignatureImageTextParameters;
import eu.europa.esig.dss.pades.signature.PAdESService;
import eu.europa.esig.dss.pdf.pdfbox.PdfBoxNativeObjectFactory;
import eu.europa.esig.dss.spi.validation.CommonCertificateVerifier;
import eu.europa.esig.dss.token.DSSPrivateKeyEntry;
import eu.europa.esig.dss.token.Pkcs12SignatureToken;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Calendar;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.kyso.api.Language;
import vn.kyso.api.report.Indication;
import vn.kyso.api.report.Modification;
import vn.kyso.api.report.Verdict;
import vn.kyso.api.report.VerificationReport;
import vn.kyso.core.report.ReportWriter;
import vn.kyso.testkit.Identity;
import vn.kyso.testkit.Sandbox;

/**
 * Signatures made by other tools next to Kyso's: EU DSS used directly (as many signing tools do, with
 * its own visible appearance) and PDFBox alone, after a Kyso signature, and Kyso after EU DSS. Every
 * earlier signature must stay TOTAL_PASSED with SIGNATURES after it.
 */
class ThirdPartySignerTest {
    static Sandbox sandbox;
    @TempDir
    static Path dir;

    @BeforeAll
    static void start() {
        sandbox = Sandbox.start();
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    /** Signs {@code in} with EU DSS's own PAdES service (PDFBox back end), visibly, as another tool would. */
    private static Path signWithDss(Path in, Path out, Identity who) throws Exception {
        char[] password = Sandbox.PASSWORD.toCharArray();
        try (Pkcs12SignatureToken token = new Pkcs12SignatureToken(who.pkcs12(password),
                new KeyStore.PasswordProtection(password))) {
            DSSPrivateKeyEntry key = token.getKeys().get(0);
            PAdESSignatureParameters p = new PAdESSignatureParameters();
            p.setSignatureLevel(SignatureLevel.PAdES_BASELINE_B);
            p.setDigestAlgorithm(DigestAlgorithm.SHA256);
            p.setSigningCertificate(key.getCertificate());
            p.setCertificateChain(key.getCertificateChain());
            SignatureImageParameters image = new SignatureImageParameters();
            SignatureImageTextParameters text = new SignatureImageTextParameters();
            text.setText("Signed with another tool");
            image.setTextParameters(text);
            SignatureFieldParameters field = new SignatureFieldParameters();
            field.setOriginX(320);
            field.setOriginY(80);
            field.setWidth(200);
            field.setHeight(50);
            image.setFieldParameters(field);
            p.setImageParameters(image);
            PAdESService service = new PAdESService(new CommonCertificateVerifier());
            service.setPdfObjFactory(new PdfBoxNativeObjectFactory());
            DSSDocument doc = new FileDocument(in.toFile());
            ToBeSigned tbs = service.getDataToSign(doc, p);
            SignatureValue value = token.sign(tbs, DigestAlgorithm.SHA256, key);
            service.signDocument(doc, p, value).save(out.toString());
        }
        return out;
    }

    /** Signs {@code in} the way PDFBox's own signing example does (adbe.pkcs7.detached, CMS by Bouncy Castle). */
    private static Path signWithPdfBox(Path in, Path out, Identity who) throws Exception {
        try (PDDocument doc = Loader.loadPDF(in.toFile()); OutputStream os = Files.newOutputStream(out)) {
            PDSignature sig = new PDSignature();
            sig.setFilter(PDSignature.FILTER_ADOBE_PPKLITE);
            sig.setSubFilter(PDSignature.SUBFILTER_ADBE_PKCS7_DETACHED);
            sig.setName(who.name());
            sig.setSignDate(Calendar.getInstance());
            doc.addSignature(sig, content -> {
                try {
                    CMSSignedDataGenerator gen = new CMSSignedDataGenerator();
                    gen.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(new JcaDigestCalculatorProviderBuilder().build())
                            .build(new JcaContentSignerBuilder("SHA256withRSA").build(who.privateKey()), who.certificate()));
                    gen.addCertificates(new JcaCertStore(who.chain()));
                    return gen.generate(new CMSProcessableByteArray(content.readAllBytes()), false).getEncoded();
                } catch (GeneralSecurityException | OperatorCreationException | CMSException e) {
                    throw new IOException(e);
                }
            });
            doc.saveIncremental(os);
        }
        return out;
    }

    /** Kyso's approval signature (person1, visible) on {@code in}. */
    private static Path signWithKyso(Path in, Path out) {
        PdfSigner.builder().build().sign(in, out, PdfTestDocuments.key(sandbox.person1()),
                PdfSignatureOptions.builder().field("lanh_dao").visible(1, 60, 600, 220, 60).build());
        return out;
    }

    /** Both signatures pass pdfsig; ours reports them both, the first passed with SIGNATURES after it. */
    private static VerificationReport assertFirstStaysValid(Path both) throws Exception {
        PdfTestDocuments.assertPdfsigValid(both, 2);
        VerificationReport r = PdfTestDocuments.verifier(sandbox).verify(both);
        String text = ReportWriter.text(r, Language.EN);
        assertEquals(2, r.signatures().size(), text);
        assertEquals(Indication.TOTAL_PASSED, r.signatures().get(0).indication(), text);
        assertEquals(Modification.SIGNATURES, r.signatures().get(0).modificationsAfter(), text);
        return r;
    }

    @Test
    void aLaterSignatureByEuDssLeavesTheKysoSignatureValid() throws Exception {
        Path first = signWithKyso(PdfTestDocuments.decision(dir.resolve("draft.pdf")), dir.resolve("kyso-first.pdf"));
        VerificationReport r = assertFirstStaysValid(signWithDss(first, dir.resolve("dss-second.pdf"), sandbox.person2()));
        assertEquals(Verdict.VALID, r.verdict(), ReportWriter.text(r, Language.EN));
        assertEquals(Modification.NONE, r.signatures().get(1).modificationsAfter());
    }

    @Test
    void aLaterSignatureMadeWithPdfBoxAloneLeavesTheKysoSignatureValid() throws Exception {
        Path first = signWithKyso(PdfTestDocuments.decision(dir.resolve("draft-pdfbox.pdf")), dir.resolve("kyso-then-pdfbox.pdf"));
        assertFirstStaysValid(signWithPdfBox(first, dir.resolve("pdfbox-second.pdf"), sandbox.person2()));
    }

    @Test
    void aKysoSignatureAfterOneByEuDssLeavesThatOneValid() throws Exception {
        Path first = signWithDss(PdfTestDocuments.decision(dir.resolve("draft-dss.pdf")), dir.resolve("dss-first.pdf"),
                sandbox.person2());
        VerificationReport r = assertFirstStaysValid(signWithKyso(first, dir.resolve("dss-then-kyso.pdf")));
        assertEquals(Verdict.VALID, r.verdict(), ReportWriter.text(r, Language.EN));
    }
}
