package vn.kyso.core.trust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import org.junit.jupiter.api.Test;
import vn.kyso.api.ErrorCode;
import vn.kyso.api.KysoException;
import vn.kyso.api.Language;

/** A shipped certificate that does not match its pin, or is missing, is an error, never a silent skip. */
class BundledTrustTest {
    @Test
    void aShippedCertificateThatDoesNotMatchItsPinIsAnError() {
        // bca.pem replaced by another (real, parseable) certificate: the check is on the fingerprint
        KysoException e = assertThrows(KysoException.class, () -> TrustAnchors.bundled(
                name -> TrustAnchors.class.getResourceAsStream("vn/" + (name.equals("bca.pem") ? "btc.pem" : name))));
        assertEquals(ErrorCode.TRUST_NOT_PINNED, e.errorCode());
        assertTrue(e.message(Language.EN).contains("vn/bca.pem (kyso-core) SHA-256 A262CFA489DBBE666F8B89FAB832547809874D5A06FA9F7A38FC227EBDF40514"
                + " ≠ ECBF8428266C549EB1BFDC2715270D5B9DFF3BBBE2D3F0C33E0FD91F70B2D943"), e.message(Language.EN));
    }

    @Test
    void aMissingOrDamagedShippedCertificateIsAnError() {
        KysoException missing = assertThrows(KysoException.class, () -> TrustAnchors.bundled(
                name -> name.equals("mic.pem") ? null : TrustAnchors.class.getResourceAsStream("vn/" + name)));
        assertEquals(ErrorCode.INTERNAL, missing.errorCode());
        assertTrue(missing.message(Language.EN).contains("vn/mic.pem"), missing.message(Language.EN));
        KysoException damaged = assertThrows(KysoException.class, () -> TrustAnchors.bundled(
                name -> name.equals("cp.pem") ? new ByteArrayInputStream(new byte[] {0x30, 0x03, 1, 2, 3})
                        : TrustAnchors.class.getResourceAsStream("vn/" + name)));
        assertEquals(ErrorCode.CERTIFICATE_UNREADABLE, damaged.errorCode());
        assertTrue(damaged.message(Language.EN).contains("vn/cp.pem"), damaged.message(Language.EN));
    }

    @Test
    void theRealResourcesLoad() {
        TrustAnchors t = TrustAnchors.bundled(name -> TrustAnchors.class.getResourceAsStream("vn/" + name));
        assertEquals(4, t.anchors().size());
        assertEquals(17, t.intermediates().size());
    }
}
