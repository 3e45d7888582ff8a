package vn.kyso.xml;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;
import vn.kyso.api.KysoException;
import vn.kyso.core.revocation.RevocationOptions;
import vn.kyso.core.spi.ValidationContext;
import vn.kyso.core.trust.TrustAnchors;
import vn.kyso.xml.internal.Context;
import vn.kyso.xml.internal.XmlValidation;

/**
 * Verifies XAdES and XMLDSig signatures, with the placement rules of a {@link XmlProfile}.
 *
 * <p>Guarantees, on top of the common Verifier contract (outcomes are reports; failures to process are
 * {@link KysoException}s with stable codes, never another exception):
 * <ul>
 * <li>The document is parsed with {@link SecureXml} (no DTD, entities, XInclude): hostile input is
 *     {@code MALFORMED_INPUT} before anything else happens.</li>
 * <li>No reference is dereferenced outside the document except the detached data the caller gives;
 *     a signature with an external reference, a transform outside the safe list (no XSLT, no XPath 1.0)
 *     or more than 32 references is TOTAL_FAILED without cryptographic processing (so no network and no
 *     file access).</li>
 * <li>A same-document reference must resolve to exactly one element: duplicate Ids (signature wrapping)
 *     give TOTAL_FAILED.</li>
 * <li>A profile signature that covers another element than the profile requires is TOTAL_FAILED.</li>
 * <li>Plain XMLDSig signatures are judged by a policy without the AdES signed-property constraints
 *     (signing-certificate reference, signing time), XAdES by the ETSI policy; integrity, chain, trust and
 *     revocation are checked for both. A signed XMLDSig {@code SigningTime} property becomes the signing time
 *     and must lie inside the certificate's validity.</li>
 * <li>The report names the signed elements and the profile party of each signature
 *     ({@link vn.kyso.api.report.SignatureResult#signedScope()}, {@link vn.kyso.api.report.SignatureResult#party()}).</li>
 * <li>The document is verified in memory (DOM, EU DSS): it needs about 32 bytes of heap per byte of an
 *     enveloped or enveloping file; a larger file is {@code INPUT_UNREADABLE} up front, never an
 *     OutOfMemoryError. The data of detached signatures is streamed, whatever its size.</li>
 * </ul>
 * Immutable and thread-safe.
 */
public final class XmlVerifier {
    private final ValidationContext ctx;

    private XmlVerifier(Builder b) {
        ctx = new Context(b.trust, b.revocation, b.clock);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Verifies a document, with the profile its root element implies. */
    public XmlVerification verify(byte[] xml) {
        return verify(xml, null);
    }

    /** Verifies a document against a profile (null: detect from the root element). */
    public XmlVerification verify(byte[] xml, XmlProfile profile) {
        Objects.requireNonNull(xml, "xml");
        return wrap(XmlValidation.run(xml, "document.xml", null, ctx, profile));
    }

    /**
     * Verifies a file against a profile (null: detect).
     *
     * @param detachedData the data of a detached signature, or null
     */
    public XmlVerification verify(Path file, Path detachedData, XmlProfile profile) {
        return wrap(XmlValidation.run(file, detachedData, ctx, profile));
    }

    static XmlVerification wrap(XmlValidation.Outcome o) {
        return new XmlVerification(o.report, o.profile, o.parties, o.paths);
    }

    /** Builder for {@link XmlVerifier}. */
    public static final class Builder {
        private TrustAnchors trust = TrustAnchors.empty();
        private RevocationOptions revocation = RevocationOptions.online();
        private Clock clock = Clock.systemUTC();

        private Builder() {
        }

        public Builder trust(TrustAnchors v) {
            trust = Objects.requireNonNull(v, "trust");
            return this;
        }

        public Builder revocation(RevocationOptions v) {
            revocation = Objects.requireNonNull(v, "revocation");
            return this;
        }

        public Builder clock(Clock v) {
            clock = Objects.requireNonNull(v, "clock");
            return this;
        }

        public XmlVerifier build() {
            return new XmlVerifier(this);
        }
    }
}
