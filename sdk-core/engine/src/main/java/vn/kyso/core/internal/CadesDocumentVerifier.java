package vn.kyso.core.internal;

import eu.europa.esig.dss.model.InMemoryDocument;
import eu.europa.esig.dss.validation.reports.Reports;
import org.jspecify.annotations.Nullable;
import vn.kyso.api.io.Document;
import vn.kyso.api.report.Profile;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.cms.CMSObjectIdentifiers;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.cms.CMSSignedData;
import vn.kyso.api.internal.ReportAccess;
import vn.kyso.api.internal.SignatureResultBuilder;
import vn.kyso.api.ErrorCode;
import vn.kyso.api.KysoException;
import vn.kyso.api.SignatureFormat;
import vn.kyso.api.report.SignatureResult;
import vn.kyso.api.report.VerificationReport;
import vn.kyso.core.internal.DataFiles;
import vn.kyso.core.internal.Dss;
import vn.kyso.core.internal.DssValidation;
import vn.kyso.core.internal.ReportMapper;
import vn.kyso.core.spi.DocumentVerifier;
import vn.kyso.core.spi.ValidationContext;

/**
 * The built-in verifier of CMS/CAdES signatures (.p7s, .p7m), detached or enveloping. Internal; the
 * {@code Verifier} always consults it after the plug-ins found with ServiceLoader.
 */
public final class CadesDocumentVerifier implements DocumentVerifier {
    private static final long MAX_SIZE = Integer.MAX_VALUE - 16L;

    @Override
    public boolean accepts(byte[] head, String fileName) {
        return head != null && head.length > 1 && head[0] == 0x30;
    }

    @Override
    public VerificationReport verify(Document document, @Nullable Document detachedData, @Nullable Profile profile,
                                     ValidationContext ctx) {
        noProfile(profile, "CMS/CAdES");
        byte[] bytes = DataFiles.read(document, MAX_SIZE);
        if (detachedData != null) {
            DataFiles.requireReadable(detachedData);
        }
        String name = document.name();
        CMSSignedData cms = parse(bytes, name);
        if (cms.getSignerInfos().size() == 0) {
            throw new KysoException(ErrorCode.NO_SIGNATURE, name);
        }
        boolean enveloping = cms.getSignedContent() != null;
        if (!enveloping && detachedData == null) {
            throw new KysoException(ErrorCode.DETACHED_DATA_REQUIRED, name);
        }
        Instant validationTime = ctx.clock().instant();
        Reports reports = DssValidation.validate(new InMemoryDocument(bytes, name),
                enveloping ? List.of() : List.of(DataFiles.dss(detachedData)), ctx, validationTime, name);
        List<SignatureResult> results = new ArrayList<>();
        try {
            for (SignatureResultBuilder b : ReportMapper.map(reports, SignatureFormat.CADES, validationTime)) {
                results.add(b.build());
            }
        } catch (RuntimeException e) {
            throw new KysoException(ErrorCode.MALFORMED_INPUT, e, name + ": " + Dss.describe(e));
        }
        if (results.isEmpty()) {
            throw new KysoException(ErrorCode.NO_SIGNATURE, name);
        }
        return ReportAccess.report(name, validationTime, results);
    }

    /**
     * BouncyCastle reads any context tag in a SignerInfo's attribute positions; RFC 5652 allows only [0]
     * for signed and [1] for unsigned attributes. A mis-tagged set is a malformed signature, not a
     * signature whose attributes move between signed and unsigned.
     */
    private static void checkSignerInfoTags(ContentInfo ci, String name) {
        org.bouncycastle.asn1.cms.SignedData sd = org.bouncycastle.asn1.cms.SignedData.getInstance(ci.getContent());
        for (org.bouncycastle.asn1.ASN1Encodable e : sd.getSignerInfos()) {
            org.bouncycastle.asn1.ASN1Sequence seq = org.bouncycastle.asn1.ASN1Sequence.getInstance(e);
            int n = seq.size();
            for (int i = 0; i < n; i++) {
                org.bouncycastle.asn1.ASN1Encodable el = seq.getObjectAt(i);
                if (i >= 3 && el instanceof org.bouncycastle.asn1.ASN1TaggedObject) {
                    org.bouncycastle.asn1.ASN1TaggedObject t = (org.bouncycastle.asn1.ASN1TaggedObject) el;
                    int expected = i == 3 ? 0 : 1;
                    if (t.getTagClass() != org.bouncycastle.asn1.BERTags.CONTEXT_SPECIFIC || t.getTagNo() != expected
                            || (expected == 1 && i != n - 1)) {
                        throw KysoException.localized(ErrorCode.MALFORMED_INPUT, null,
                                name + " (thẻ thuộc tính của SignerInfo sai)", name + " (bad SignerInfo attribute tag)");
                    }
                }
            }
        }
    }

    private static CMSSignedData parse(byte[] bytes, String name) {
        try {
            ContentInfo ci = ContentInfo.getInstance(ASN1Primitive.fromByteArray(bytes));
            if (ci == null || !CMSObjectIdentifiers.signedData.equals(ci.getContentType())) {
                throw KysoException.localized(ErrorCode.NO_SIGNATURE, null, name + " (không phải CMS SignedData)",
                        name + " (not CMS SignedData)");
            }
            checkSignerInfoTags(ci, name);
            return new CMSSignedData(ci);
        } catch (KysoException e) {
            throw e;
        } catch (Exception | StackOverflowError e) {
            throw new KysoException(ErrorCode.MALFORMED_INPUT, e, name + ": " + Dss.describe(e));
        }
    }

    /**
     * Refuses a forced profile on a format without profiles: the e-invoice, e-tax and edXML rules apply to
     * XML only. Internal, shared with the PDF verifier.
     */
    public static void noProfile(@Nullable Profile profile, String format) {
        if (profile != null && profile != Profile.NONE) {
            throw KysoException.localized(ErrorCode.INVALID_ARGUMENT, null,
                    "hồ sơ " + profile.code() + " chỉ áp dụng cho tài liệu XML, không cho " + format,
                    "the " + profile.code() + " profile applies to XML documents only, not to " + format);
        }
    }
}
