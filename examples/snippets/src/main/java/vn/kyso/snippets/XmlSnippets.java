package vn.kyso.snippets;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import vn.kyso.api.SignatureLevel;
import vn.kyso.api.SigningResult;
import vn.kyso.api.io.Document;
import vn.kyso.api.report.Party;
import vn.kyso.api.report.Verdict;
import vn.kyso.api.report.VerificationReport;
import vn.kyso.api.token.SigningKey;
import vn.kyso.core.verify.Verifier;
import vn.kyso.xml.XmlSignatureOptions;
import vn.kyso.xml.XmlSigner;
import vn.kyso.xml.profile.EInvoice;
import vn.kyso.xml.profile.ETax;
import vn.kyso.xml.profile.EdXml;
import vn.kyso.xml.profile.EdXmlHeader;
import vn.kyso.xml.profile.EdXmlMessage;

/** GETTING-STARTED and XML-PROFILES: XAdES, the e-invoice parties, e-tax, edXML. */
public final class XmlSnippets {

    private XmlSnippets() {
    }

    // tag::xades[]
    static SigningResult signXades(XmlSigner xml, SigningKey key, Path in, Path out) {
        return xml.sign(in, out, key, XmlSignatureOptions.builder()
                .level(SignatureLevel.B_T).elementId("data").build());     // XAdES, enveloped, over Id="data"
    }
    // end::xades[]

    // tag::einvoice[]
    static VerificationReport invoice(Verifier verifier, SigningKey sellerKey, SigningKey buyerKey, byte[] invoiceXml) {
        XmlSigner signer = XmlSigner.builder().build();                   // RSA PKCS#1 v1.5 by default here
        byte[] signed = EInvoice.sign(signer, sellerKey, invoiceXml, EInvoice.Party.SELLER).signed(); // /HDon/DSCKS/NBan
        byte[] both = EInvoice.sign(signer, buyerKey, signed, EInvoice.Party.BUYER).signed();         // /HDon/DSCKS/NMua
        VerificationReport v = verifier.verify(Document.of(both, "hoa-don.xml"));   // profile found from the root
        v.profile();                                       // Profile.EINVOICE
        v.signatureOf(Party.SELLER).indication();          // each party on its own; null: that party has not signed
        return v;
    }
    // end::einvoice[]

    // tag::etax[]
    static VerificationReport taxDeclaration(Verifier verifier, SigningKey key, byte[] declarationXml) {
        byte[] signed = ETax.sign(XmlSigner.builder().build(), key, declarationXml).signed();  // into <CKyDTu>
        return ETax.verify(verifier, signed);             // Party.DECLARANT
    }
    // end::etax[]

    // tag::edxml[]
    static EdXmlMessage edxml(XmlSigner signer, Verifier verifier, SigningKey key, Path attachment, Path work)
            throws Exception {
        EdXmlMessage msg = EdXml.builder()
                .header(EdXmlHeader.builder()
                        .from(EdXmlHeader.Organization.of("000.00.00.H26", "Sở KH&CN Hà Nội"))
                        .to(EdXmlHeader.Organization.of("000.00.00.G22", "Bộ KH&CN"))
                        .code("45", "QĐ-SKHCN").promulgation("Hà Nội", LocalDate.now()).subject("Về việc ...").build())
                .attachment("quyet-dinh.pdf", "application/pdf", attachment)
                .build();
        Path message = work.resolve("goi-tin.xml");
        Path signed = work.resolve("goi-tin.signed.xml");
        msg.writeTo(message);
        signer.sign(message, signed, key, EdXml.options(Files.readAllBytes(message), null));  // null: the default
        // the receiver verifies (extract does not), then takes the attachments out again
        if (EdXml.verify(verifier, Files.readAllBytes(signed)).verdict() != Verdict.VALID) {
            throw new IllegalStateException("the edXML message is not validly signed");
        }
        return EdXml.extract(signed, work.resolve("nhan"));
    }
    // end::edxml[]
}
