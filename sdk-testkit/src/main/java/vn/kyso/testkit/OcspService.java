package vn.kyso.testkit;

import java.math.BigInteger;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.BasicOCSPRespBuilder;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.CertificateStatus;
import org.bouncycastle.cert.ocsp.OCSPReq;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.cert.ocsp.OCSPRespBuilder;
import org.bouncycastle.cert.ocsp.Req;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.cert.ocsp.UnknownStatus;
import org.bouncycastle.operator.DigestCalculatorProvider;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * RFC 6960 responder. Certificates of the issuing CA are answered by the delegated responder (its
 * certificate and the issuing CA's are included); a request only about certificates of the root (the
 * sub-CA itself) is answered and signed by the root CA directly, as RFC 6960 §4.2.2.2 allows. Serials the
 * sandbox never issued and unknown issuers are UNKNOWN. Thread-safe.
 */
final class OcspService {
    static final Duration VALIDITY = Duration.ofHours(1);
    private static final Logger LOG = LoggerFactory.getLogger(OcspService.class);

    private final Authority root;
    private final Authority issuing;
    private final Identity responder;
    private final DigestCalculatorProvider digests;

    OcspService(Authority root, Authority issuing, Identity responder) {
        this.root = root;
        this.issuing = issuing;
        this.responder = responder;
        try {
            this.digests = new JcaDigestCalculatorProviderBuilder().build();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The DER OCSPResponse for a DER OCSPRequest. */
    byte[] respond(byte[] body) {
        OCSPReq request;
        Req[] items;
        try {
            request = new OCSPReq(body);
            items = request.getRequestList();
        } catch (Exception e) {
            LOG.debug("OCSP: malformed request ({} bytes)", body.length);
            return status(OCSPRespBuilder.MALFORMED_REQUEST);
        }
        if (items.length == 0) {
            return status(OCSPRespBuilder.MALFORMED_REQUEST);
        }
        try {
            Instant now = Pki.seconds(Instant.now());
            Date thisUpdate = Date.from(now);
            Date nextUpdate = Date.from(now.plus(VALIDITY));
            List<CertificateID> ids = new ArrayList<>();
            List<Authority> issuers = new ArrayList<>();
            boolean onlyRoot = true;
            for (Req item : items) {
                CertificateID id = item.getCertID();
                Authority issuer = issuing.isIssuerOf(id, digests) ? issuing : root.isIssuerOf(id, digests) ? root : null;
                onlyRoot &= issuer == root;
                ids.add(id);
                issuers.add(issuer);
            }
            X509Certificate signerCert = onlyRoot ? root.certificate() : responder.certificate();
            PrivateKey signerKey = onlyRoot ? root.key() : responder.privateKey();
            X509CertificateHolder[] certs = onlyRoot ? new X509CertificateHolder[0]
                    : new X509CertificateHolder[] {new JcaX509CertificateHolder(responder.certificate()), issuing.holder()};

            BasicOCSPRespBuilder builder = new BasicOCSPRespBuilder(
                    SubjectPublicKeyInfo.getInstance(signerCert.getPublicKey().getEncoded()),
                    digests.get(CertificateID.HASH_SHA1));
            for (int i = 0; i < ids.size(); i++) {
                builder.addResponse(ids.get(i), statusOf(issuers.get(i), ids.get(i).getSerialNumber()), thisUpdate, nextUpdate, null);
            }
            Extension nonce = request.getExtension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce);
            if (nonce != null) {
                builder.setResponseExtensions(new Extensions(new Extension(
                        OCSPObjectIdentifiers.id_pkix_ocsp_nonce, false, nonce.getExtnValue())));
            }
            BasicOCSPResp basic = builder.build(new JcaContentSignerBuilder(Pki.SIGNATURE_ALGORITHM).build(signerKey),
                    certs, thisUpdate);
            LOG.debug("OCSP: answered {} request(s)", ids.size());
            return new OCSPRespBuilder().build(OCSPRespBuilder.SUCCESSFUL, basic).getEncoded();
        } catch (Exception e) {
            LOG.warn("OCSP: cannot answer: {}", e.toString());
            return status(OCSPRespBuilder.INTERNAL_ERROR);
        }
    }

    private static CertificateStatus statusOf(Authority issuer, BigInteger serial) {
        if (issuer == null || !issuer.hasIssued(serial)) {
            return new UnknownStatus();
        }
        Instant revoked = issuer.revocationTime(serial);
        if (revoked != null) {
            return new RevokedStatus(Date.from(Pki.seconds(revoked)), CRLReason.keyCompromise);
        }
        return CertificateStatus.GOOD;
    }

    private static byte[] status(int status) {
        try {
            OCSPResp resp = new OCSPRespBuilder().build(status, null);
            return resp.getEncoded();
        } catch (Exception e) {
            throw new IllegalStateException("cannot encode an OCSP status", e);
        }
    }
}
