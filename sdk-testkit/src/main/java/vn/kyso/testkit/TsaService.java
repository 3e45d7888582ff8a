package vn.kyso.testkit;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Date;
import java.util.Set;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.cmp.PKIFailureInfo;
import org.bouncycastle.asn1.cmp.PKIStatus;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.SignerInfoGenerator;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.DigestCalculator;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampResponseGenerator;
import org.bouncycastle.tsp.TimeStampTokenGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * RFC 3161 time-stamping: SHA-256/384/512 imprints, nonce echoed, certReq honoured (TSA certificate,
 * issuing CA and root), ESSCertIDv2, accuracy one second, policy {@link #POLICY}. Anything that is not a
 * well-formed acceptable request gets a rejection response, never an exception.
 */
final class TsaService {
    /** The sandbox TSA policy (an OID under the "example" arc 1.3.6.1.4.1.55555 chosen for tests only). */
    static final ASN1ObjectIdentifier POLICY = new ASN1ObjectIdentifier("1.3.6.1.4.1.55555.1.3161.1");

    private static final Logger LOG = LoggerFactory.getLogger(TsaService.class);
    private static final Set<ASN1ObjectIdentifier> DIGESTS = Set.of(TSPAlgorithms.SHA256, TSPAlgorithms.SHA384, TSPAlgorithms.SHA512);

    private final Identity tsa;
    private final SecureRandom random = new SecureRandom();

    TsaService(Identity tsa) {
        this.tsa = tsa;
    }

    /** The DER TimeStampResp for a request body, stamped at {@code genTime}. */
    byte[] respond(byte[] body, Instant genTime) {
        try {
            TimeStampRequest request;
            try {
                request = new TimeStampRequest(body);
            } catch (Exception e) {
                LOG.debug("TSA: malformed request ({} bytes)", body.length);
                return reject(PKIFailureInfo.badRequest, "malformed TimeStampReq");
            }
            TimeStampResponseGenerator generator = new TimeStampResponseGenerator(tokenGenerator(), DIGESTS, Set.of(POLICY));
            BigInteger serial = Pki.serial(random);
            // generate() turns validation failures (algorithm, policy, extension) into rejections itself.
            byte[] response = generator.generate(request, serial, Date.from(genTime)).getEncoded();
            LOG.debug("TSA: answered a request for {} at {}", request.getMessageImprintAlgOID(), genTime);
            return response;
        } catch (Exception e) {
            LOG.warn("TSA: cannot answer: {}", e.toString());
            return reject(PKIFailureInfo.systemFailure, "internal error");
        }
    }

    private TimeStampTokenGenerator tokenGenerator() throws Exception {
        SignerInfoGenerator signer = new JcaSimpleSignerInfoGeneratorBuilder()
                .build(Pki.SIGNATURE_ALGORITHM, tsa.privateKey(), tsa.certificate());
        DigestCalculator certIdDigest = new JcaDigestCalculatorProviderBuilder().build()
                .get(new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256));
        TimeStampTokenGenerator generator = new TimeStampTokenGenerator(signer, certIdDigest, POLICY);
        generator.setAccuracySeconds(1);
        generator.addCertificates(new JcaCertStore(tsa.chain()));
        return generator;
    }

    private static byte[] reject(int failInfo, String text) {
        try {
            return new TimeStampResponseGenerator(null, null)
                    .generateFailResponse(PKIStatus.REJECTION, failInfo, text).getEncoded();
        } catch (Exception e) {
            throw new IllegalStateException("cannot encode a TSA rejection", e);
        }
    }
}
