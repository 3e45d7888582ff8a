package vn.kyso.xml.internal;

import eu.europa.esig.dss.model.FileDocument;
import eu.europa.esig.dss.validation.reports.Reports;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import vn.kyso.api.ErrorCode;
import vn.kyso.api.KysoException;
import vn.kyso.api.SignatureFormat;
import vn.kyso.api.report.SignatureResult;
import vn.kyso.api.report.VerificationReport;
import vn.kyso.core.format.DataFiles;
import vn.kyso.core.format.DssValidation;
import vn.kyso.core.format.ReportMapper;
import vn.kyso.core.spi.DocumentVerifier;
import vn.kyso.core.spi.ValidationContext;
import vn.kyso.xml.SecureXml;

/**
 * Verifies XAdES (and plain XMLDSig) signatures in XML files into the common report. The file is first
 * parsed with {@link SecureXml}: hostile XML (DTDs, external entities) is refused with
 * {@code MALFORMED_INPUT} before the signature engine sees it. Registered with ServiceLoader.
 */
public final class XmlDocumentVerifier implements DocumentVerifier {

    @Override
    public boolean accepts(byte[] head, String fileName) {
        if (head == null) {
            return false;
        }
        String text = new String(head, StandardCharsets.UTF_8).stripLeading();
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        return text.startsWith("<");
    }

    @Override
    public VerificationReport verify(Path file, Path detachedData, ValidationContext ctx) {
        DataFiles.requireReadable(file);
        String name = file.getFileName() == null ? "document.xml" : file.getFileName().toString();
        try (InputStream in = Files.newInputStream(file)) {
            SecureXml.parse(in);
        } catch (IOException e) {
            throw new KysoException(ErrorCode.INPUT_UNREADABLE, e, name);
        }
        Instant time = ctx.clock().instant();
        Reports reports = DssValidation.validate(new FileDocument(file.toFile()),
                detachedData == null ? List.of() : List.of(new FileDocument(detachedData.toFile())), ctx, time, name);
        List<SignatureResult> results = new ArrayList<>();
        for (SignatureResult.Builder b : ReportMapper.map(reports, SignatureFormat.XADES, time)) {
            results.add(b.build());
        }
        if (results.isEmpty()) {
            throw new KysoException(ErrorCode.NO_SIGNATURE, name);
        }
        return new VerificationReport(name, time, results);
    }
}
