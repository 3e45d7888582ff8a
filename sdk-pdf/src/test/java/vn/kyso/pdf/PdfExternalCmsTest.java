package vn.kyso.pdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Hashtable;
import java.util.List;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.CMSObjectIdentifiers;
import org.bouncycastle.asn1.ess.ESSCertIDv2;
import org.bouncycastle.asn1.ess.SigningCertificateV2;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.IssuerSerial;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.CMSAbsentContent;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.kyso.api.DigestAlgorithm;
import vn.kyso.api.ErrorCode;
import vn.kyso.api.KysoException;
import vn.kyso.api.SignatureAlgorithm;
import vn.kyso.api.SignatureLevel;
import vn.kyso.api.SigningResult;
import vn.kyso.api.report.SignatureResult;
import vn.kyso.api.report.Verdict;
import vn.kyso.api.report.VerificationReport;
import vn.kyso.api.twophase.PreparedSignature;
import vn.kyso.testkit.Identity;
import vn.kyso.testkit.Sandbox;

/**
 * Two-phase PDF signing completed with a whole CMS that a "signing service" builds itself over the
 * prepared document digest (made here with Bouncy Castle's CMS generator, not with Kyso's CMS code).
 */
class PdfExternalCmsTest {
    static Sandbox sandbox;
    static PdfSigner signer;
    @TempDir
    static Path dir;

    @BeforeAll
    static void start() {
        sandbox = Sandbox.start();
        signer = PdfTestDocuments.signer(sandbox);
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    /** What a signing service returns: a detached CMS over {@code documentDigest}, with its own attributes. */
    static byte[] serviceCms(byte[] documentDigest, Identity who, String jcaAlgorithm, boolean withCertificates,
                             boolean withSigningCertificate) throws Exception {
        return serviceCms(documentDigest, who, jcaAlgorithm, withCertificates, withSigningCertificate, null);
    }

    /** @param encapsulated content to carry inside the CMS (wrong for a PDF), or null for a detached CMS */
    static byte[] serviceCms(byte[] documentDigest, Identity who, String jcaAlgorithm, boolean withCertificates,
                             boolean withSigningCertificate, byte[] encapsulated) throws Exception {
        X509Certificate cert = who.certificate();
        Hashtable<org.bouncycastle.asn1.ASN1ObjectIdentifier, Attribute> attrs = new Hashtable<>();
        attrs.put(CMSAttributes.contentType, new Attribute(CMSAttributes.contentType, new DERSet(CMSObjectIdentifiers.data)));
        attrs.put(CMSAttributes.messageDigest, new Attribute(CMSAttributes.messageDigest,
                new DERSet(new DEROctetString(documentDigest))));
        if (withSigningCertificate) {
            IssuerSerial issuer = new IssuerSerial(new GeneralNames(new GeneralName(
                    X500Name.getInstance(cert.getIssuerX500Principal().getEncoded()))), new ASN1Integer(cert.getSerialNumber()));
            ESSCertIDv2 id = new ESSCertIDv2(new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256),
                    MessageDigest.getInstance("SHA-256").digest(cert.getEncoded()), issuer);
            attrs.put(PKCSObjectIdentifiers.id_aa_signingCertificateV2, new Attribute(
                    PKCSObjectIdentifiers.id_aa_signingCertificateV2, new DERSet(new SigningCertificateV2(id))));
        }
        CMSSignedDataGenerator gen = new CMSSignedDataGenerator();
        gen.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(new JcaDigestCalculatorProviderBuilder().build())
                .setSignedAttributeGenerator(parameters -> new AttributeTable(attrs)) // the digest is given, not computed
                .build(new JcaContentSignerBuilder(jcaAlgorithm).setProvider(new BouncyCastleProvider())
                        .build(who.privateKey()), cert));
        if (withCertificates) {
            gen.addCertificates(new JcaCertStore(who.chain()));
        }
        return encapsulated == null ? gen.generate(new CMSAbsentContent(), false).getEncoded()
                : gen.generate(new CMSProcessableByteArray(encapsulated), true).getEncoded();
    }

    private static PreparedSignature prepare(Path in, Identity who, SignatureAlgorithm alg, SignatureLevel level) {
        return signer.prepare(in, who.chain(), alg, PdfSignatureOptions.builder().level(level).field("dich_vu")
                .visible(1, 60, 600, 220, 60).build());
    }

    @Test
    void aCmsFromASigningServiceCompletesTheSignatureAndIsTimeStampedAtBt() throws Exception {
        Path in = PdfTestDocuments.decision(dir.resolve("service.pdf"));
        PreparedSignature p = prepare(in, sandbox.person1(), SignatureAlgorithm.RSA_PSS_SHA256, SignatureLevel.B_T);
        assertNotNull(p.documentDigest());
        assertEquals(32, p.documentDigest().length);
        byte[] cms = serviceCms(p.documentDigest(), sandbox.person1(), "SHA256withRSAandMGF1", true, true);
        Path out = dir.resolve("service.signed.pdf");
        SigningResult r = signer.completeWithCms(p.state(), cms, in, out);
        assertEquals(SignatureAlgorithm.RSA_PSS_SHA256, r.algorithm());
        PdfTestDocuments.assertPdfsigValid(out, 1);
        VerificationReport report = PdfTestDocuments.verifier(sandbox).verify(out);
        assertEquals(Verdict.VALID, report.verdict(), report.toString());
        SignatureResult s = report.signatures().get(0);
        assertEquals(SignatureLevel.B_T, s.level());
        assertEquals(1, s.timestamps().size(), "Kyso added the signature time-stamp the service did not make");
        assertEquals("Nguyễn Văn An", s.signer().commonName());
    }

    @Test
    void aCmsWithoutCertificatesGetsThePreparedChainAndEcdsaWorks() throws Exception {
        Path in = PdfTestDocuments.decision(dir.resolve("service-ec.pdf"));
        PreparedSignature p = prepare(in, sandbox.person3(), SignatureAlgorithm.ECDSA_SHA256, SignatureLevel.B_B);
        byte[] cms = serviceCms(p.documentDigest(), sandbox.person3(), "SHA256withECDSA", false, true);
        Path out = dir.resolve("service-ec.signed.pdf");
        assertEquals(SignatureAlgorithm.ECDSA_SHA256, signer.completeWithCms(p.state(), cms, in, out).algorithm());
        PdfTestDocuments.assertPdfsigValid(out, 1);
        assertEquals(Verdict.VALID, PdfTestDocuments.verifier(sandbox).verify(out).verdict());
    }

    @Test
    void aCmsThatDoesNotFitThePreparationIsRefusedAndNothingIsWritten() throws Exception {
        Path in = PdfTestDocuments.decision(dir.resolve("refused.pdf"));
        PreparedSignature p = prepare(in, sandbox.person1(), SignatureAlgorithm.RSA_SHA256, SignatureLevel.B_B);
        byte[] digest = p.documentDigest();
        byte[] other = DigestAlgorithm.SHA256.digest(new byte[] {1, 2, 3});
        List<byte[]> refused = new ArrayList<>();
        List<String> why = List.of("another certificate", "another document digest", "no ESS signing-certificate",
                "digest algorithm", "encapsulates", "0 signers", "not a CMS", "empty", "reserved for it", "does not verify");
        refused.add(serviceCms(digest, sandbox.person2(), "SHA256withRSA", true, true)); // another signer
        refused.add(serviceCms(other, sandbox.person1(), "SHA256withRSA", true, true)); // another document
        refused.add(serviceCms(digest, sandbox.person1(), "SHA256withRSA", true, false)); // not CAdES
        refused.add(serviceCms(digest, sandbox.person1(), "SHA512withRSA", true, true)); // another digest algorithm
        refused.add(serviceCms(digest, sandbox.person1(), "SHA256withRSA", true, true, new byte[] {7})); // not detached
        refused.add(new CMSSignedDataGenerator().generate(new CMSAbsentContent(), false).getEncoded()); // no signer
        refused.add("không phải CMS".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        refused.add(new byte[0]);
        refused.add(new byte[1 << 20]); // larger than any reserve: refused before it is parsed
        byte[] good = serviceCms(digest, sandbox.person1(), "SHA256withRSA", true, true);
        byte[] tampered = good.clone();
        tampered[tampered.length - 10] ^= 1; // inside the signature value, the last field of the CMS
        refused.add(tampered);
        Path out = dir.resolve("refused.signed.pdf");
        assertEquals(why.size(), refused.size());
        for (int i = 0; i < refused.size(); i++) {
            byte[] cms = refused.get(i);
            KysoException e = assertThrows(KysoException.class, () -> signer.completeWithCms(p.state(), cms, in, out));
            assertEquals(ErrorCode.SIGNATURE_VALUE_INVALID, e.errorCode(), e.getMessage());
            assertTrue(e.getMessage().contains(why.get(i)), "expected '" + why.get(i) + "': " + e.getMessage());
            assertFalse(Files.exists(out), e.getMessage());
        }
        // a plain signature value's state and a changed PDF
        Path changed = Files.write(dir.resolve("refused-changed.pdf"), (Files.readString(in, java.nio.charset.StandardCharsets.ISO_8859_1)
                + "\n% changed\n").getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        assertEquals(ErrorCode.STATE_MISMATCH, assertThrows(KysoException.class,
                () -> signer.completeWithCms(p.state(), good, changed, out)).errorCode());
        assertFalse(Files.exists(out));
        // and the right one still completes
        signer.completeWithCms(p.state(), good, in, out);
        assertEquals(Verdict.VALID, PdfTestDocuments.verifier(sandbox).verify(out).verdict());
    }
}
