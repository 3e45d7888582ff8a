package vn.kyso.xml.internal;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import vn.kyso.api.SignatureAlgorithm;
import vn.kyso.xml.XmlSignatureOptions;

/** Everything that must be identical in both halves of an XML signature. Internal. */
public final class XmlPlan {
    final List<X509Certificate> chain;
    final SignatureAlgorithm algorithm;
    final XmlSignatureOptions options;
    final Instant signingTime;
    final String signatureId;
    /** Digest (with the algorithm's digest) of the input bytes: the document, or the detached data. */
    final byte[] inputDigest;
    final String dataName;

    XmlPlan(List<X509Certificate> chain, SignatureAlgorithm algorithm, XmlSignatureOptions options, Instant signingTime,
            String signatureId, byte[] inputDigest, String dataName) {
        this.chain = chain;
        this.algorithm = algorithm;
        this.options = options;
        this.signingTime = signingTime;
        this.signatureId = signatureId;
        this.inputDigest = inputDigest;
        this.dataName = dataName;
    }
}
