package vn.kyso.xml.internal;

import eu.europa.esig.dss.diagnostic.CertificateWrapper;
import eu.europa.esig.dss.diagnostic.DiagnosticData;
import eu.europa.esig.dss.diagnostic.SignatureWrapper;
import eu.europa.esig.dss.model.InMemoryDocument;
import eu.europa.esig.dss.validation.reports.Reports;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.w3c.dom.Document;
import vn.kyso.api.internal.ReportAccess;
import vn.kyso.api.internal.SignatureResultBuilder;
import vn.kyso.api.ErrorCode;
import vn.kyso.api.KysoException;
import vn.kyso.api.SignatureFormat;
import vn.kyso.api.SignatureLevel;
import vn.kyso.api.cert.CertificateInfo;
import vn.kyso.api.cert.Certificates;
import vn.kyso.api.report.Indication;
import vn.kyso.api.report.ReportMessage;
import vn.kyso.api.report.SignatureResult;
import vn.kyso.api.report.VerificationReport;
import vn.kyso.core.internal.Dss;
import vn.kyso.core.internal.DssValidation;
import vn.kyso.core.internal.ReportMapper;
import vn.kyso.core.spi.ValidationContext;
import vn.kyso.xml.XmlProfile;

/** XML signature validation: structural checks, then EU DSS, then the profile's placement rules. Internal. */
public final class XmlValidation {
    private static final long MAX_SIZE = 256L << 20;
    /** Heap used per byte of an enveloped document: our DOM, DSS's DOM and the XPath tables DSS builds over it. */
    private static final long HEAP_PER_BYTE = 32;

    private XmlValidation() {
    }

    /**
     * Reads and verifies a document: a file is refused up front with {@code INPUT_UNREADABLE} when it is not a
     * regular file, above {@value #MAX_SIZE} bytes or larger than the heap can verify in a DOM.
     *
     * @param detachedData the data of a detached signature, or null
     * @param profile the profile to enforce, or null to detect it from the root element
     */
    public static VerificationReport run(vn.kyso.api.io.Document document, vn.kyso.api.io.Document detachedData,
                                         ValidationContext ctx, XmlProfile profile) {
        String name = document.name();
        long size = document.size();
        if (size > MAX_SIZE || (document.path() != null && !Files.isRegularFile(document.path()))) {
            throw new KysoException(ErrorCode.INPUT_UNREADABLE, name);
        }
        long heap = Runtime.getRuntime().maxMemory();
        if (size > heap / HEAP_PER_BYTE) {
            // A typed error instead of an OutOfMemoryError half-way through DSS.
            throw KysoException.localized(ErrorCode.INPUT_UNREADABLE, null,
                    name + ": " + (size >> 20) + " MB cần khoảng " + (size * HEAP_PER_BYTE >> 20)
                            + " MB bộ nhớ để kiểm tra, JVM này có " + (heap >> 20)
                            + " MB (dữ liệu lớn được kiểm tra với ít bộ nhớ khi ký tách rời)",
                    name + ": " + (size >> 20) + " MB needs about " + (size * HEAP_PER_BYTE >> 20)
                            + " MB of heap to verify, this JVM has " + (heap >> 20)
                            + " MB (large data verifies in little memory when it is signed detached)");
        }
        if (detachedData != null && detachedData.path() != null && !Files.isReadable(detachedData.path())) {
            throw new KysoException(ErrorCode.INPUT_UNREADABLE, detachedData.name());
        }
        return run(document.toBytes(), name, detachedData, ctx, profile);
    }

    /** @param profile the profile to enforce, or null to detect it from the root element */
    public static VerificationReport run(byte[] bytes, String name, vn.kyso.api.io.Document detachedData,
                                         ValidationContext ctx, XmlProfile profile) {
        Document doc = Dom.parse(bytes);
        XmlProfile p = profile != null ? profile : XmlProfile.detect(doc.getDocumentElement().getLocalName());
        String detachedName = detachedData == null ? null : detachedData.name();
        List<XmlStructure.Sig> sigs = XmlStructure.analyze(doc, detachedName);
        if (sigs.isEmpty()) {
            throw new KysoException(ErrorCode.NO_SIGNATURE, name);
        }
        for (XmlStructure.Sig s : sigs) {
            if (s.detachedReference != null) {
                throw new KysoException(ErrorCode.DETACHED_DATA_REQUIRED, name + " (" + s.detachedReference + ")");
            }
        }
        Map<XmlStructure.Sig, String> roles = Profiles.check(p, doc, sigs);
        Instant validationTime = ctx.clock().instant();
        boolean unsafe = sigs.stream().anyMatch(s -> s.unsafe);
        List<SignatureResultBuilder> builders = new ArrayList<>();
        List<XmlStructure.Sig> matched = new ArrayList<>();
        List<SignatureWrapper> signers = new ArrayList<>();
        if (unsafe) {
            // Nothing is handed to a cryptographic validator: no reference of a hostile document is ever
            // dereferenced or transformed.
            for (XmlStructure.Sig s : sigs) {
                builders.add(notProcessed(s, builders.size(), Indication.TOTAL_FAILED, Messages.of("XML_NOT_VALIDATED", null)));
                signers.add(null);
                matched.add(s);
            }
        } else {
            // Each signature is judged by the policy of its kind (DssValidation.Policy.of): XAdES by the ETSI
            // policy, plain XMLDSig by the one without AdES signed properties. A document mixing both kinds
            // is validated once per kind, and each signature takes the result of its own kind.
            Map<DssValidation.Policy, Map<XmlStructure.Sig, Run>> runs = new EnumMap<>(DssValidation.Policy.class);
            List<XmlStructure.Sig> dssOrder = null;
            for (XmlStructure.Sig s : sigs) {
                DssValidation.Policy policy = DssValidation.Policy.of(s.xades);
                if (!runs.containsKey(policy)) {
                    Map<XmlStructure.Sig, Run> run = dss(bytes, name, detachedData, ctx, validationTime, policy, sigs);
                    runs.put(policy, run);
                    dssOrder = dssOrder == null ? new ArrayList<>(run.keySet()) : dssOrder;
                }
            }
            List<XmlStructure.Sig> notSeen = new ArrayList<>(sigs);
            for (XmlStructure.Sig s : dssOrder) {
                Run r = runs.get(DssValidation.Policy.of(s.xades)).get(s);
                if (r != null) {
                    builders.add(r.builder);
                    signers.add(r.signer);
                    matched.add(s);
                    notSeen.remove(s);
                }
            }
            // A ds:Signature DSS did not recognise is never silently dropped.
            for (XmlStructure.Sig s : notSeen) {
                builders.add(notProcessed(s, builders.size(), Indication.INDETERMINATE, Messages.of("XML_STRUCTURE", "signature not processed")));
                signers.add(null);
                matched.add(s);
            }
        }
        List<SignatureResult> results = new ArrayList<>();
        for (int i = 0; i < builders.size(); i++) {
            SignatureResultBuilder b = builders.get(i);
            XmlStructure.Sig s = matched.get(i);
            b.format(s.xades ? SignatureFormat.XADES : SignatureFormat.XMLDSIG);
            if (!s.xades) {
                b.level(SignatureLevel.NONE);
                signingTime(b, s, signers.get(i));
            }
            for (ReportMessage m : s.problems) {
                b.addError(m);
            }
            if (!s.problems.isEmpty()) {
                b.indication(Indication.TOTAL_FAILED);
            }
            s.signedPaths.forEach(b::addSignedScope);
            b.party(Profiles.party(roles.get(s)));
            taxCode(b, Profiles.partyTaxCode(p, doc, roles.get(s)), signers.get(i));
            results.add(b.build());
        }
        return ReportAccess.report(name, validationTime, Profiles.profile(p), results);
    }

    /** One signature's result in one DSS run. */
    private static final class Run {
        final SignatureResultBuilder builder;
        final SignatureWrapper signer;

        Run(SignatureResultBuilder builder, SignatureWrapper signer) {
            this.builder = builder;
            this.signer = signer;
        }
    }

    /** DSS's results under one policy, keyed by the ds:Signature each belongs to, in DSS's order. */
    private static Map<XmlStructure.Sig, Run> dss(byte[] bytes, String name, vn.kyso.api.io.Document detachedData, ValidationContext ctx,
                                                 Instant validationTime, DssValidation.Policy policy, List<XmlStructure.Sig> sigs) {
        Reports reports = DssValidation.validate(new InMemoryDocument(bytes, name),
                detachedData == null ? List.of() : List.of(vn.kyso.core.internal.DataFiles.dss(detachedData)),
                ctx, validationTime, name, policy);
        List<SignatureResultBuilder> mapped;
        try {
            mapped = ReportMapper.map(reports, SignatureFormat.XADES, validationTime);
        } catch (RuntimeException e) {
            throw new KysoException(ErrorCode.MALFORMED_INPUT, e, name + ": " + Dss.describe(e));
        }
        DiagnosticData diag = reports.getDiagnosticData();
        List<SignatureWrapper> wrappers = new ArrayList<>();
        for (String id : reports.getSimpleReport().getSignatureIdList()) {
            SignatureWrapper sw = diag.getSignatureById(id);
            if (sw != null) {
                wrappers.add(sw);
            }
        }
        Map<XmlStructure.Sig, Run> out = new LinkedHashMap<>();
        List<XmlStructure.Sig> unused = new ArrayList<>(sigs);
        for (int i = 0; i < mapped.size() && !unused.isEmpty(); i++) {
            SignatureWrapper sw = i < wrappers.size() ? wrappers.get(i) : null;
            String da = sw == null ? null : sw.getDAIdentifier();
            XmlStructure.Sig s = unused.get(0);
            for (XmlStructure.Sig c : unused) {
                if (da != null && da.equals(c.id)) {
                    s = c;
                    break;
                }
            }
            unused.remove(s);
            out.put(s, new Run(mapped.get(i), sw));
        }
        return out;
    }

    /**
     * XMLDSig: the signed SigningTime property is the claimed signing time; a time outside the signer's
     * certificate validity leaves the signature INDETERMINATE at best (as DSS's SigningTimeInCertRange would).
     */
    private static void signingTime(SignatureResultBuilder b, XmlStructure.Sig s, SignatureWrapper sw) {
        if (s.signingTime == null) {
            return;
        }
        b.signingTime(s.signingTime);
        CertificateWrapper cert = sw == null ? null : sw.getSigningCertificate();
        if (cert != null && cert.getNotBefore() != null && cert.getNotAfter() != null) {
            Date t = Date.from(s.signingTime);
            if (t.before(cert.getNotBefore()) || t.after(cert.getNotAfter())) {
                b.addError(Messages.of("XML_SIGNING_TIME_OUT_OF_CERT", Dsig.vietnamTime(s.signingTime)));
                if (b.indication() == Indication.TOTAL_PASSED) {
                    b.indication(Indication.INDETERMINATE);
                }
            }
        }
    }

    /** E-invoice: warns when the signer's certificate names another MST than the invoice gives for its party. */
    private static void taxCode(SignatureResultBuilder b, String expected, SignatureWrapper sw) {
        CertificateWrapper cert = sw == null ? null : sw.getSigningCertificate();
        if (expected == null || cert == null || cert.getBinaries() == null) {
            return;
        }
        try {
            String actual = CertificateInfo.of(Certificates.parse(cert.getBinaries()).get(0)).taxCode();
            if (actual != null && !actual.equals(expected)) {
                b.addWarning(Messages.of("XML_PARTY_TAX_CODE", actual + " / " + expected));
            }
        } catch (KysoException e) {
            // an unreadable certificate is reported by the common checks
        }
    }

    private static SignatureResultBuilder notProcessed(XmlStructure.Sig s, int index, Indication indication, ReportMessage why) {
        return ReportAccess.signature().id(s.id == null ? "signature-" + (index + 1) : s.id)
                .format(s.xades ? SignatureFormat.XADES : SignatureFormat.XMLDSIG).level(SignatureLevel.NONE)
                .indication(indication).subIndication(vn.kyso.api.report.SubIndication.FORMAT_FAILURE).addError(why);
    }
}
