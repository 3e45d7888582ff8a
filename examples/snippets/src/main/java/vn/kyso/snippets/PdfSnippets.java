package vn.kyso.snippets;

import java.nio.file.Path;
import java.time.OffsetDateTime;
import vn.kyso.api.SignatureLevel;
import vn.kyso.api.SigningResult;
import vn.kyso.api.token.SigningKey;
import vn.kyso.core.trust.TrustAnchors;
import vn.kyso.core.tsp.TimestampClient;
import vn.kyso.pdf.PdfAppearance;
import vn.kyso.pdf.PdfPlacement;
import vn.kyso.pdf.PdfSignatureOptions;
import vn.kyso.pdf.PdfSigner;
import vn.kyso.pdf.workflow.EOffice;

/** GETTING-STARTED, PDF: a visible approval, then the e-office flow of Decree 30/2020. */
public final class PdfSnippets {

    private PdfSnippets() {
    }

    // tag::pdf-sign[]
    static SigningResult signPdf(TimestampClient tsa, TrustAnchors trust, SigningKey key, Path in, Path out) {
        PdfSigner pdf = PdfSigner.builder().timestamps(tsa).trust(trust).build();
        return pdf.sign(in, out, key, PdfSignatureOptions.builder().level(SignatureLevel.B_T)
                .field("lanh_dao").visible(1, 330, 600, 200, 70).reason("Phê duyệt").build());
    }
    // end::pdf-sign[]

    // tag::eoffice[]
    static void approveAndIssue(PdfSigner pdf, SigningKey leaderKey, SigningKey orgKey, Path draft, Path work,
            byte[] signatureImagePng, byte[] sealPng) {
        Path approved = work.resolve("du-thao.approved.pdf");
        Path issued = work.resolve("quyet-dinh.pdf");
        // the first approval also reserves the number and date fields (opt out: EOffice.IssuanceFields.LEAVE_AS_IS)
        EOffice.approve(pdf, draft, approved, leaderKey, PdfSignatureOptions.builder().field("chu_tich")
                .appearance(PdfAppearance.leader(signatureImagePng).title("KT. CHỦ TỊCH").name("Nguyễn Văn An"))
                .placement(PdfPlacement.at(1, 330, 400, 200, 90)).build());
        EOffice.issue(pdf, approved, issued, orgKey, "45/QĐ-UBND", OffsetDateTime.now(),
                PdfSignatureOptions.builder().field("van_thu").level(SignatureLevel.B_T)
                        .appearance(PdfAppearance.seal(sealPng)).build());       // over the leader's image
    }
    // end::eoffice[]
}
