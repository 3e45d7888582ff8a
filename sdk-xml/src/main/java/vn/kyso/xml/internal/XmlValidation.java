package vn.kyso.xml.internal;

import eu.europa.esig.dss.diagnostic.DiagnosticData;
import eu.europa.esig.dss.diagnostic.SignatureWrapper;
import eu.europa.esig.dss.enumerations.TokenExtractionStrategy;
import eu.europa.esig.dss.model.FileDocument;
import eu.europa.esig.dss.model.InMemoryDocument;
import eu.europa.esig.dss.validation.SignedDocumentValidator;
import eu.europa.esig.dss.validation.reports.Reports;
import eu.europa.esig.dss.xades.validation.XMLDocumentValidator;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.w3c.dom.Document;
import vn.kyso.api.ErrorCode;
import vn.kyso.api.KysoException;
import vn.kyso.api.SignatureFormat;
import vn.kyso.api.SignatureLevel;
import vn.kyso.api.report.Indication;
import vn.kyso.api.report.ReportMessage;
import vn.kyso.api.report.SignatureResult;
import vn.kyso.api.report.VerificationReport;
import vn.kyso.core.format.Dss;
import vn.kyso.core.format.DssValidation;
import vn.kyso.core.format.ReportMapper;
import vn.kyso.core.spi.ValidationContext;
import vn.kyso.xml.XmlProfile;

/** XML signature validation: structural checks, then EU DSS, then the profile's placement rules. Internal. */
public final class XmlValidation {
    private XmlValidation() {
    }

    /** What a validation produced. */
    public static final class Outcome {
        public final VerificationReport report;
        public final XmlProfile profile;
        public final Map<String, SignatureResult> parties = new LinkedHashMap<>();
        public final Map<String, List<String>> paths = new LinkedHashMap<>();

        Outcome(VerificationReport report, XmlProfile profile) {
            this.report = report;
            this.profile = profile;
        }
    }

    /** @param profile the profile to enforce, or null to detect it from the root element */
    public static Outcome run(byte[] bytes, String name, Path detachedData, ValidationContext ctx, XmlProfile profile) {
        Document doc = Dom.parse(bytes);
        XmlProfile p = profile != null ? profile : XmlProfile.detect(doc.getDocumentElement().getLocalName());
        String detachedName = detachedData == null || detachedData.getFileName() == null ? null : detachedData.getFileName().toString();
        List<XmlStructure.Sig> sigs = XmlStructure.analyze(doc, detachedName);
        if (sigs.isEmpty()) {
            throw new KysoException(ErrorCode.NO_SIGNATURE, name);
        }
        Map<XmlStructure.Sig, String> roles = Profiles.check(p, doc, sigs);
        Instant validationTime = ctx.clock().instant();
        boolean unsafe = sigs.stream().anyMatch(s -> s.unsafe);
        List<SignatureResult.Builder> builders = new ArrayList<>();
        List<XmlStructure.Sig> matched = new ArrayList<>();
        if (unsafe) {
            // Nothing is handed to a cryptographic validator: no reference of a hostile document is ever
            // dereferenced or transformed.
            for (XmlStructure.Sig s : sigs) {
                builders.add(notProcessed(s, builders.size(), Indication.TOTAL_FAILED, Messages.of("XML_NOT_VALIDATED", null)));
                matched.add(s);
            }
        } else {
            Reports reports = dss(bytes, name, detachedData, ctx, validationTime);
            List<SignatureResult.Builder> mapped;
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
            List<XmlStructure.Sig> unused = new ArrayList<>(sigs);
            for (int i = 0; i < mapped.size(); i++) {
                SignatureWrapper sw = i < wrappers.size() ? wrappers.get(i) : null;
                String da = sw == null ? null : sw.getDAIdentifier();
                XmlStructure.Sig s = null;
                for (XmlStructure.Sig c : unused) {
                    if (da != null && da.equals(c.id)) {
                        s = c;
                        break;
                    }
                }
                if (s == null && !unused.isEmpty()) {
                    s = unused.get(0);
                }
                unused.remove(s);
                builders.add(mapped.get(i));
                matched.add(s);
            }
            // A ds:Signature DSS did not recognise is never silently dropped.
            for (XmlStructure.Sig s : unused) {
                builders.add(notProcessed(s, builders.size(), Indication.INDETERMINATE, Messages.of("XML_STRUCTURE", "signature not processed")));
                matched.add(s);
            }
        }
        List<SignatureResult> results = new ArrayList<>();
        List<XmlStructure.Sig> order = new ArrayList<>();
        for (int i = 0; i < builders.size(); i++) {
            SignatureResult.Builder b = builders.get(i);
            XmlStructure.Sig s = matched.get(i);
            if (s != null) {
                b.format(s.xades ? SignatureFormat.XADES : SignatureFormat.XMLDSIG);
                if (!s.xades) {
                    b.level(SignatureLevel.NONE);
                }
                for (ReportMessage m : s.problems) {
                    b.addError(m);
                }
                if (!s.problems.isEmpty()) {
                    b.indication(Indication.TOTAL_FAILED);
                }
                b.addWarning(Messages.of("XML_SIGNED_ELEMENTS", String.join(", ", s.signedPaths)));
            }
            results.add(b.build());
            order.add(s);
        }
        Outcome out = new Outcome(new VerificationReport(name, validationTime, results), p);
        for (int i = 0; i < results.size(); i++) {
            XmlStructure.Sig s = order.get(i);
            out.paths.put(results.get(i).id(), s == null ? List.of() : List.copyOf(s.signedPaths));
            String role = s == null ? null : roles.get(s);
            if (role != null && !out.parties.containsKey(role)) {
                out.parties.put(role, results.get(i));
            }
        }
        return out;
    }

    private static SignatureResult.Builder notProcessed(XmlStructure.Sig s, int index, Indication indication, ReportMessage why) {
        return SignatureResult.builder().id(s.id == null ? "signature-" + (index + 1) : s.id)
                .format(s.xades ? SignatureFormat.XADES : SignatureFormat.XMLDSIG).level(SignatureLevel.NONE)
                .indication(indication).subIndication("FORMAT_FAILURE").addError(why);
    }

    private static Reports dss(byte[] bytes, String name, Path detachedData, ValidationContext ctx, Instant validationTime) {
        try {
            SignedDocumentValidator v = new XMLDocumentValidator(new InMemoryDocument(bytes, name));
            v.setCertificateVerifier(DssValidation.certificateVerifier(ctx));
            if (detachedData != null) {
                v.setDetachedContents(List.of(new FileDocument(detachedData.toFile())));
            }
            v.setValidationTime(Date.from(validationTime));
            v.setLocale(Locale.ENGLISH);
            v.setTokenExtractionStrategy(TokenExtractionStrategy.EXTRACT_CERTIFICATES_ONLY);
            return v.validateDocument(DssValidation.defaultPolicy());
        } catch (KysoException e) {
            throw e;
        } catch (RuntimeException | StackOverflowError e) {
            KysoException k = Dss.kysoCause(e);
            throw k != null ? k : new KysoException(ErrorCode.MALFORMED_INPUT, e, name + ": " + Dss.describe(e));
        }
    }

    static String pathOf(String... names) {
        StringBuilder sb = new StringBuilder();
        for (String n : names) {
            sb.append('/').append(n).append("[1]");
        }
        return sb.toString();
    }
}
