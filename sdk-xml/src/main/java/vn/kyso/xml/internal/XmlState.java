package vn.kyso.xml.internal;

import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import vn.kyso.api.ErrorCode;
import vn.kyso.api.KysoException;
import vn.kyso.api.SignatureAlgorithm;
import vn.kyso.api.SignatureLevel;
import vn.kyso.api.spi.SealedState;
import vn.kyso.api.twophase.StateKeyRing;
import vn.kyso.core.internal.SigningSupport;
import vn.kyso.xml.XmlSignatureOptions;
import vn.kyso.xml.XmlSignatureOptions.Format;
import vn.kyso.xml.XmlSignatureOptions.Packaging;

/**
 * The two-phase state of an XML signature: its plan and the digest of the data to sign, sealed with the
 * signer's state keys (the chain as every engine stores it, {@link SigningSupport#putChain}). Internal.
 */
final class XmlState {
    static final String KIND = "xml";

    /** What a state holds: the plan and the digest of the prepared data to sign. */
    static final class Opened {
        final XmlPlan plan;
        final byte[] tbsDigest;

        private Opened(XmlPlan plan, byte[] tbsDigest) {
            this.plan = plan;
            this.tbsDigest = tbsDigest;
        }
    }

    private XmlState() {
    }

    static byte[] seal(XmlPlan plan, byte[] tbs, StateKeyRing keys, Duration lifetime, Clock clock) {
        XmlSignatureOptions options = plan.options;
        SignatureAlgorithm algorithm = plan.algorithm;
        SealedState.Builder sb = SealedState.builder(KIND)
                .put("format", options.format().name())
                .put("level", options.level().name())
                .put("packaging", options.packaging().name())
                .put("element", options.elementId() == null ? "" : options.elementId())
                .put("parent", options.signatureParent() == null ? "" : options.signatureParent())
                .put("comments", options.c14nWithComments() ? 1 : 0)
                .put("stime", options.signingTimeProperty() ? 1 : 0)
                .put("alg", algorithm.name())
                .put("time", plan.signingTime.toEpochMilli())
                .put("sigid", plan.signatureId)
                .put("digest", plan.inputDigest)
                .put("name", plan.dataName)
                .put("tbs", algorithm.digest().digest(tbs));
        SigningSupport.putChain(sb, plan.chain);
        return sb.seal(keys, lifetime, clock);
    }

    /** The plan of an opened state; anything missing or inconsistent is {@code STATE_INVALID}. */
    static Opened read(SealedState s) {
        try {
            XmlSignatureOptions.Builder ob = XmlSignatureOptions.builder()
                    .format(Format.valueOf(s.string("format")))
                    .packaging(Packaging.valueOf(s.string("packaging")))
                    .c14nWithComments(s.number("comments") == 1)
                    .signingTimeProperty(s.number("stime") == 1);
            SignatureLevel level = SignatureLevel.valueOf(s.string("level"));
            if (level != SignatureLevel.NONE) {
                ob.level(level);
            }
            String el = s.string("element");
            ob.elementId(el.isEmpty() ? null : el);
            ob.signatureParent(s.string("parent"));
            SignatureAlgorithm alg = SignatureAlgorithm.valueOf(s.string("alg"));
            ob.algorithm(alg);
            XmlSignatureOptions options = ob.signatureId(s.string("sigid")).build();
            byte[] digest = s.bytes("digest");
            if (digest.length != alg.digest().length()) {
                throw new KysoException(ErrorCode.STATE_INVALID, "fields");
            }
            List<X509Certificate> chain = SigningSupport.readChain(s);
            XmlPlan plan = new XmlPlan(chain, alg, options, Instant.ofEpochMilli(s.number("time")), s.string("sigid"),
                    digest, s.string("name"));
            return new Opened(plan, s.bytes("tbs"));
        } catch (KysoException e) {
            if (e.errorCode() == ErrorCode.STATE_INVALID) {
                throw e;
            }
            throw new KysoException(ErrorCode.STATE_INVALID, e, "content");
        } catch (RuntimeException e) {
            throw new KysoException(ErrorCode.STATE_INVALID, e, "content");
        }
    }
}
