package vn.kyso.snippets;

import java.nio.file.Path;
import java.util.Arrays;
import vn.kyso.api.SignatureLevel;
import vn.kyso.api.SigningResult;
import vn.kyso.api.token.SigningKey;
import vn.kyso.pdf.PdfSignatureOptions;
import vn.kyso.pdf.PdfSigner;
import vn.kyso.pkcs11.Pkcs11Token;
import vn.kyso.pkcs11.Pkcs11Tokens;

/** GETTING-STARTED, desktop with a USB token: sign a PDF through PKCS#11. */
public final class UsbToken {

    private UsbToken() {
    }

    // tag::usb-token[]
    static SigningResult signWithToken(Path driver, String tokenLabel, char[] pin, PdfSigner pdf, Path in, Path out) {
        // Pkcs11Tokens.first() finds the token of any installed driver; here the user chose the driver
        try (Pkcs11Token token = Pkcs11Tokens.open(driver, tokenLabel).login(pin)) {
            SigningKey key = token.keys().get(0);    // or token.key("01") (CKA_ID), token.keyByCertificateSerial(hex)
            String who = key.info().commonName();     // show who signs before signing
            return pdf.sign(in, out, key, PdfSignatureOptions.builder().level(SignatureLevel.B_T)
                    .reason("Phê duyệt (" + who + ")").build());
        } finally {
            Arrays.fill(pin, '\0');
        }
    }
    // end::usb-token[]
}
