package vn.kyso.pkcs11;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.DefaultDigestAlgorithmIdentifierFinder;
import org.bouncycastle.operator.DefaultSignatureAlgorithmIdentifierFinder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import vn.kyso.api.DigestAlgorithm;
import vn.kyso.api.SignatureAlgorithm;
import vn.kyso.api.token.SigningKey;

/** A detached CMS built with Bouncy Castle whose signature value comes from {@link SigningKey#signDigest}. */
final class Cms {
    private Cms() {
    }

    static byte[] detached(SigningKey key, byte[] data) throws Exception {
        SignatureAlgorithm alg = key.preferredAlgorithm(DigestAlgorithm.SHA256);
        String jca = alg == SignatureAlgorithm.ECDSA_SHA256 ? "SHA256withECDSA"
                : alg == SignatureAlgorithm.RSA_PSS_SHA256 ? "SHA256withRSAandMGF1" : "SHA256withRSA";
        AlgorithmIdentifier sigAlg = new DefaultSignatureAlgorithmIdentifierFinder().find(jca);
        ContentSigner signer = new ContentSigner() {
            private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();

            @Override
            public AlgorithmIdentifier getAlgorithmIdentifier() {
                return sigAlg;
            }

            @Override
            public OutputStream getOutputStream() {
                return buffer;
            }

            @Override
            public byte[] getSignature() {
                return key.signDigest(DigestAlgorithm.SHA256.digest(buffer.toByteArray()), alg);
            }
        };
        CMSSignedDataGenerator gen = new CMSSignedDataGenerator();
        gen.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(new JcaDigestCalculatorProviderBuilder().build())
                .build(signer, key.certificate()));
        List<X509Certificate> certs = new ArrayList<>(key.chain());
        gen.addCertificates(new JcaCertStore(certs));
        CMSSignedData signed = gen.generate(new CMSProcessableByteArray(data), false);
        return signed.getEncoded();
    }
}
