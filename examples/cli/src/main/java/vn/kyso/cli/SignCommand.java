package vn.kyso.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import vn.kyso.api.DigestAlgorithm;
import vn.kyso.api.ErrorCode;
import vn.kyso.api.KysoException;
import vn.kyso.api.Language;
import vn.kyso.api.SignatureAlgorithm;
import vn.kyso.api.SignatureLevel;
import vn.kyso.api.SignatureScheme;
import vn.kyso.api.SigningResult;
import vn.kyso.api.io.Document;
import vn.kyso.api.token.SigningKey;
import vn.kyso.api.token.Token;
import vn.kyso.core.cades.CadesSignatureOptions;
import vn.kyso.core.cades.CadesSigner;
import vn.kyso.core.sign.SignerSettings;
import vn.kyso.core.revocation.RevocationOptions;
import vn.kyso.core.trust.TrustAnchors;
import vn.kyso.core.tsp.TimestampClient;
import vn.kyso.pdf.PdfAppearance;
import vn.kyso.pdf.PdfPlacement;
import vn.kyso.pdf.PdfSignatureOptions;
import vn.kyso.pdf.PdfSigner;
import vn.kyso.pdf.workflow.EOffice;
import vn.kyso.xml.XmlSignatureOptions;
import vn.kyso.xml.XmlSigner;
import vn.kyso.xml.profile.EInvoice;
import vn.kyso.xml.profile.ETax;
import vn.kyso.xml.profile.EdXml;

/** {@code kyso sign ...}: one subcommand per format, sharing input/output, key, level and TSA options. */
@Command(name = "sign", description = "Ký số tài liệu / sign a document",
        subcommands = {SignCommand.Cms.class, SignCommand.Pdf.class, SignCommand.Xml.class})
final class SignCommand {

    /** What every {@code kyso sign} subcommand takes. */
    static final class Common {
        @Option(names = "--in", required = true, paramLabel = "FILE", description = "Tệp cần ký / file to sign")
        Path in;

        @Option(names = "--out", required = true, paramLabel = "FILE", description = "Tệp kết quả / output file")
        Path out;

        @Mixin
        KeyOptions key;

        @Option(names = "--level", defaultValue = "B-B", paramLabel = "LEVEL", description = "B-B | B-T | B-LT | B-LTA")
        String level;

        @Option(names = "--tsa", paramLabel = "URL", description = "Máy chủ dấu thời gian (lặp lại để dự phòng) / TSA URL, repeat for failover")
        List<String> tsa = new ArrayList<>();

        @Option(names = "--trust", paramLabel = "PEM", description = "Chứng thư gốc tin cậy (cho B-LT/B-LTA) / trust anchor")
        List<Path> trust = new ArrayList<>();

        @Option(names = "--digest", defaultValue = "SHA-256", description = "SHA-256 | SHA-384 | SHA-512")
        String digest;

        @Option(names = "--pkcs1", description = "RSA PKCS#1 v1.5 thay vì RSA-PSS (cho bên nhận chưa hỗ trợ PSS; mặc định của hóa đơn, thuế, edXML) "
                + "/ RSA PKCS#1 v1.5 instead of RSA-PSS (the default of the e-invoice, e-tax and edXML profiles)")
        boolean pkcs1;

        @Option(names = "--pss", description = "RSASSA-PSS khi khóa hỗ trợ (mặc định, trừ hóa đơn, thuế, edXML) "
                + "/ RSASSA-PSS when the key can (the default, except for the e-invoice, e-tax and edXML profiles)")
        boolean pss;

        /** The preferred scheme the options say, or {@code fallback} when neither --pkcs1 nor --pss is given. */
        SignatureScheme scheme(SignatureScheme fallback) {
            if (pkcs1 && pss) {
                throw KysoException.localized(ErrorCode.INVALID_ARGUMENT, null, "chọn --pkcs1 hoặc --pss, không cả hai",
                        "choose --pkcs1 or --pss, not both");
            }
            return pkcs1 ? SignatureScheme.RSA_PKCS1_V15 : pss ? SignatureScheme.RSA_PSS : fallback;
        }

        SignatureLevel level() {
            SignatureLevel lvl = SignatureLevel.parse(level);
            if (lvl.needsTimestamp() && tsa.isEmpty()) {
                throw KysoException.localized(ErrorCode.INVALID_ARGUMENT, null,
                        "mức " + lvl.label() + " cần --tsa URL",
                        "--tsa URL is required for " + lvl.label());
            }
            return lvl;
        }

        /** Applies the TSA, trust and revocation options to a signer builder. */
        <B extends SignerSettings.Builder<B>> B configure(B builder) {
            builder.revocation(RevocationOptions.online())
                    .trust(trust.isEmpty() ? TrustAnchors.empty() : TrustAnchors.fromFiles(trust));
            if (!tsa.isEmpty()) {
                builder.timestamps(TimestampClient.builder().urls(tsa).build());
            }
            return builder;
        }

        /** Opens the key, signs {@code --in} into {@code --out} with it, prints one line saying what was done. */
        int sign(CommandSpec spec, SigningJob<?> signing) {
            try (Token token = key.open(spec)) {
                SigningKey signingKey = key.select(token);
                SigningResult result = signing.sign(in, out, signingKey);
                Language lang = ((KysoCli) spec.root().userObject()).language();
                PrintWriter w = spec.commandLine().getOut();
                w.println((lang == Language.EN ? "Signed: " : "Đã ký: ") + out
                        + " (" + result.level().label() + ", " + result.algorithm().displayName() + ", "
                        + signingKey.info().commonName() + ")");
            }
            return ExitCodes.OK;
        }
    }

    /** {@code kyso sign cms}: CAdES signature of any file, detached (.p7s) or enveloping. */
    @Command(name = "cms", description = "Ký CAdES cho tệp bất kỳ / CAdES-sign any file")
    static class Cms implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        Common common;

        @Option(names = "--enveloping", description = "Nhúng dữ liệu vào chữ ký / embed the data in the signature")
        boolean enveloping;

        @Override
        public Integer call() {
            return common.sign(spec, signing());
        }

        /** What signs one file with these options (also used by {@code kyso batch sign cms}). */
        SigningJob<CadesSignatureOptions> signing() {
            CadesSigner signer = common.configure(CadesSigner.builder()).build();
            CadesSignatureOptions options = CadesSignatureOptions.builder()
                    .level(common.level())
                    .digest(DigestAlgorithm.parse(common.digest))
                    .scheme(common.scheme(null))
                    .packaging(enveloping ? CadesSignatureOptions.Packaging.ENVELOPING : CadesSignatureOptions.Packaging.DETACHED)
                    .build();
            return SigningJob.of(signer, options);
        }
    }

    /** {@code kyso sign pdf}: PAdES signature as an incremental update. */
    @Command(name = "pdf", description = "Ký PAdES tệp PDF / PAdES-sign a PDF")
    static class Pdf implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        Common common;

        @Option(names = "--field", paramLabel = "NAME", description = "Trường chữ ký (có sẵn hoặc tạo mới) / signature field, existing or new")
        String field;

        @Option(names = "--visible", paramLabel = "PAGE,X,Y,W,H", split = ",",
                description = "Chữ ký hiển thị: trang, x, y (từ góc trên trái), rộng, cao (điểm) / visible: page, x, y from the top-left, width, height in points")
        List<Float> visible;

        @Option(names = "--reason", description = "Lý do ký / reason")
        String reason;

        @Option(names = "--location", description = "Nơi ký / location")
        String location;

        @Option(names = "--certify", defaultValue = "none", paramLabel = "P",
                description = "Chứng nhận (DocMDP) cho chữ ký đầu tiên / certification: none | no-changes | form-fill | annotations")
        String certify;

        /** The e-office roles. */
        enum Role { approve, issue, income, appendix, copy }

        @Option(names = "--role", defaultValue = "approve", description = "approve (ký duyệt) | issue (văn thư: ghi số, ngày rồi ký phát hành) "
                + "| income (ký văn bản đến) | appendix (ký phụ lục tệp riêng) | copy (ký bản sao điện tử)")
        Role role;

        @Option(names = "--doc-number", paramLabel = "S", description = "Số, ký hiệu văn bản (issue, appendix); số đến (income) / document number; incoming number for income")
        String docNumber;

        @Option(names = "--issued-date", paramLabel = "ISO", description = "Ngày ban hành (issue, mặc định: bây giờ); ngày đến (income); ISO 8601, vd 2026-11-22T09:00:00+07:00 / issue date; arrival date for income")
        String issuedDate;

        @Option(names = "--signature-image", paramLabel = "PNG", description = "Ảnh chữ ký PNG nền trong suốt (approve) / signature image")
        Path signatureImage;

        @Option(names = "--title", paramLabel = "T", description = "Chức danh trên ảnh chữ ký, vd \"KT. CHỦ TỊCH\" / title above the image")
        String title;

        @Option(names = "--name", paramLabel = "N", description = "Họ tên dưới ảnh chữ ký / full name under the image")
        String name;

        @Option(names = "--seal-image", paramLabel = "PNG", description = "Ảnh con dấu PNG đỏ, kích thước thật (issue): đè 1/3 bên trái ảnh chữ ký lãnh đạo / seal image")
        Path sealImage;

        @Option(names = "--seal-over", paramLabel = "FIELD", description = "Trường chữ ký của lãnh đạo mà con dấu đè lên (mặc định: chữ ký có ảnh gần nhất) / leader's field")
        String sealOver;

        @Option(names = "--seal-width-mm", paramLabel = "MM", description = "Đường kính thật của dấu, mm (mặc định: theo DPI của PNG, hoặc 40) / seal width")
        Double sealWidthMm;

        @Option(names = "--copy-type", paramLabel = "TYPE", description = "SAO_Y | SAO_LUC | TRICH_SAO (copy)")
        PdfAppearance.CopyType copyType;

        @Option(names = "--copy-number", paramLabel = "N", description = "Số bản sao (copy) / copy number")
        String copyNumber;

        @Option(names = "--org", paramLabel = "NAME", description = "Cơ quan sao (copy) hoặc nhận (income); mặc định: theo chứng thư / copying or receiving organisation")
        String organisation;

        @Option(names = "--anchor", paramLabel = "TEXT", description = "Đặt chữ ký ngay trên chuỗi này trên trang, vd họ tên người ký / place the signature above this text")
        String anchor;

        @Option(names = "--anchor-page", paramLabel = "N", description = "Chỉ tìm chuỗi neo trên trang này / search the anchor on this page only")
        Integer anchorPage;

        @Option(names = "--anchor-size", paramLabel = "W,H", split = ",", description = "Kích thước chữ ký đặt theo neo, điểm / size in points")
        List<Float> anchorSize;

        @Option(names = "--anchor-offset", paramLabel = "DX,DY", split = ",", description = "Dịch chữ ký đặt theo neo (phải, xuống), điểm / offset in points")
        List<Float> anchorOffset;

        @Option(names = "--reserve-issuance-fields", hidden = true,
                description = "Mặc định của --role approve / the default of --role approve")
        boolean reserveFields;

        @Option(names = "--no-reserve-issuance-fields",
                description = "Không tạo sẵn ô số và ngày ở chữ ký duyệt đầu tiên (mặc định: có tạo) / "
                        + "do not reserve the number and date fields at the first approval (reserved by default)")
        boolean noReserveFields;

        @Option(names = "--pdf-password-env", paramLabel = "VAR", description = "Mật khẩu mở PDF được mã hóa / password of an encrypted PDF, from an environment variable")
        String pdfPasswordEnv;

        @Override
        public Integer call() {
            return common.sign(spec, signing());
        }

        /** What signs one file with these options (also used by {@code kyso batch sign pdf}). */
        SigningJob<PdfSignatureOptions> signing() {
            PdfSigner signer = common.configure(PdfSigner.builder()).build();
            PdfSignatureOptions.Builder b = PdfSignatureOptions.builder()
                    .level(common.level())
                    .digest(DigestAlgorithm.parse(common.digest))
                    .scheme(common.scheme(null))
                    .field(field).reason(reason).location(location)
                    .certification(certification(certify));
            if (visible != null) {
                if (visible.size() != 5) {
                    throw new KysoException(ErrorCode.INVALID_ARGUMENT, "--visible PAGE,X,Y,W,H");
                }
                b.visible(Math.round(visible.get(0)), visible.get(1), visible.get(2), visible.get(3), visible.get(4));
            }
            if (pdfPasswordEnv != null) {
                String v = System.getenv(pdfPasswordEnv);
                if (v == null) {
                    throw KysoException.localized(ErrorCode.INVALID_ARGUMENT, null,
                            "chưa đặt biến môi trường " + pdfPasswordEnv,
                            "environment variable " + pdfPasswordEnv + " is not set");
                }
                char[] pw = v.toCharArray();
                b.password(pw);
                Arrays.fill(pw, '\0');
            }
            placement(b);
            b.appearance(appearance());
            PdfSignatureOptions options = b.build();
            if (role == Role.issue) {
                OffsetDateTime date = issuedDate == null ? OffsetDateTime.now(ZoneId.of("Asia/Ho_Chi_Minh")) : parseDate(issuedDate);
                return SigningJob.workflow(options, (input, output, key, o) ->
                        EOffice.issue(signer, SigningJob.file(input), SigningJob.file(output), key, docNumber, date, o));
            }
            if (reserveFields && noReserveFields) {
                throw new KysoException(ErrorCode.INVALID_ARGUMENT, "--reserve-issuance-fields, --no-reserve-issuance-fields");
            }
            if (role == Role.approve) {
                // the first approval reserves the number and date fields unless told not to (EOffice.approve)
                EOffice.IssuanceFields fields = noReserveFields ? EOffice.IssuanceFields.LEAVE_AS_IS : EOffice.IssuanceFields.RESERVE;
                return SigningJob.workflow(options, (input, output, key, o) ->
                        EOffice.approve(signer, SigningJob.file(input), SigningJob.file(output), key, o, fields));
            }
            return SigningJob.of(signer, options);
        }

        private void placement(PdfSignatureOptions.Builder b) {
            if (anchor != null) {
                if (visible != null) {
                    throw KysoException.localized(ErrorCode.INVALID_ARGUMENT, null,
                            "chọn --anchor hoặc --visible, không cả hai",
                            "--anchor or --visible, not both");
                }
                PdfPlacement p = PdfPlacement.anchor(anchor);
                if (anchorPage != null) {
                    p = p.page(anchorPage);
                }
                if (anchorSize != null) {
                    p = p.size(pair(anchorSize, "--anchor-size W,H")[0], pair(anchorSize, "--anchor-size W,H")[1]);
                }
                if (anchorOffset != null) {
                    p = p.offset(pair(anchorOffset, "--anchor-offset DX,DY")[0], pair(anchorOffset, "--anchor-offset DX,DY")[1]);
                }
                b.placement(p);
            } else if (anchorPage != null || anchorSize != null || anchorOffset != null) {
                throw KysoException.localized(ErrorCode.INVALID_ARGUMENT, null,
                        "--anchor-page/--anchor-size/--anchor-offset cần có --anchor",
                        "--anchor-page/--anchor-size/--anchor-offset need --anchor");
            }
        }

        private static float[] pair(List<Float> v, String what) {
            if (v.size() != 2) {
                throw new KysoException(ErrorCode.INVALID_ARGUMENT, what);
            }
            return new float[] {v.get(0), v.get(1)};
        }

        /** What the role shows; checks that the role's options are given and no other role's. */
        private PdfAppearance appearance() {
            only(role == Role.approve, "--signature-image/--title/--name", signatureImage, title, name);
            only(role == Role.issue, "--seal-image/--seal-over/--seal-width-mm", sealImage, sealOver, sealWidthMm);
            only(role == Role.copy, "--copy-type/--copy-number", copyType, copyNumber);
            only(role == Role.copy || role == Role.income, "--org", organisation);
            only(role == Role.issue || role == Role.income || role == Role.appendix, "--doc-number", docNumber);
            only(role == Role.issue || role == Role.income, "--issued-date", issuedDate);
            switch (role) {
                case issue:
                    if (docNumber == null || docNumber.isBlank()) {
                        throw KysoException.localized(ErrorCode.INVALID_ARGUMENT, null,
                                "--role issue cần có --doc-number",
                                "--role issue needs --doc-number");
                    }
                    if (sealImage == null) {
                        return null;
                    }
                    PdfAppearance seal = PdfAppearance.seal(sealImage);
                    seal = sealWidthMm != null ? seal.sealWidthMm(sealWidthMm) : seal;
                    return sealOver != null ? seal.over(sealOver) : seal;
                case income:
                    return PdfAppearance.income(organisation).incomingNumber(docNumber)
                            .incomingDate(issuedDate == null ? null : parseDate(issuedDate));
                case appendix:
                    if (docNumber == null || docNumber.isBlank()) {
                        throw KysoException.localized(ErrorCode.INVALID_ARGUMENT, null,
                                "--role appendix cần có --doc-number",
                                "--role appendix needs --doc-number");
                    }
                    return PdfAppearance.appendix(docNumber);
                case copy:
                    if (copyType == null || copyNumber == null) {
                        throw KysoException.localized(ErrorCode.INVALID_ARGUMENT, null,
                                "--role copy cần có --copy-type và --copy-number",
                                "--role copy needs --copy-type and --copy-number");
                    }
                    return PdfAppearance.copy(copyType, organisation, copyNumber);
                default:
                    if (signatureImage == null) {
                        if (title != null || name != null) {
                            throw KysoException.localized(ErrorCode.INVALID_ARGUMENT, null,
                                    "--title/--name cần có --signature-image",
                                    "--title/--name need --signature-image");
                        }
                        return null;
                    }
                    return PdfAppearance.leader(signatureImage).title(title).name(name);
            }
        }

        private void only(boolean allowed, String options, Object... values) {
            if (!allowed && Arrays.stream(values).anyMatch(java.util.Objects::nonNull)) {
                throw KysoException.localized(ErrorCode.INVALID_ARGUMENT, null,
                        options + " không dùng được với --role " + role,
                        options + " do not apply to --role " + role);
            }
        }

        private static OffsetDateTime parseDate(String text) {
            try {
                return OffsetDateTime.parse(text);
            } catch (java.time.format.DateTimeParseException e) {
                throw new KysoException(ErrorCode.INVALID_ARGUMENT, "--issued-date " + text);
            }
        }

        private static PdfSignatureOptions.Certification certification(String text) {
            switch (text.trim().toLowerCase(java.util.Locale.ROOT)) {
                case "none": return PdfSignatureOptions.Certification.NONE;
                case "no-changes": return PdfSignatureOptions.Certification.NO_CHANGES;
                case "form-fill": return PdfSignatureOptions.Certification.FORM_FILL;
                case "annotations": return PdfSignatureOptions.Certification.FORM_FILL_AND_ANNOTATIONS;
                default: throw new KysoException(ErrorCode.INVALID_ARGUMENT, "--certify " + text);
            }
        }
    }

    /**
     * {@code kyso sign xml}: XAdES (default) or plain XMLDSig of any XML, or the signature a profile requires
     * (edXML message, e-invoice party, e-tax declaration).
     */
    @Command(name = "xml", description = "Ký tệp XML: XAdES, XMLDSig, edXML, hóa đơn điện tử, tờ khai thuế / sign an XML file")
    static class Xml implements Callable<Integer> {
        /** The kinds of XML signature. */
        enum Profile { xades, xmldsig, edxml, einvoice, etax }

        @Spec
        CommandSpec spec;

        @Mixin
        Common common;

        @Option(names = "--profile", defaultValue = "xades", description = "xades (mặc định) | xmldsig | edxml | einvoice | etax")
        Profile profile;

        @Option(names = "--party", paramLabel = "P", description = "Hóa đơn: bên ký / e-invoice party: seller (mặc định) | buyer | tax-authority | other")
        String party;

        @Option(names = "--packaging", description = "xades, xmldsig: enveloped (mặc định) | enveloping | detached")
        String packaging;

        @Option(names = "--element", paramLabel = "ID|XPATH", description = "xades, xmldsig: chỉ ký phần tử có Id này (vd data), "
                + "hoặc phần tử (có Id) mà XPath bắt đầu bằng / chọn (vd /HDon/DLHDon) / sign only the element with this Id, "
                + "or the element (carrying an Id) that an XPath starting with / selects")
        String element;

        @Option(names = "--place-in", paramLabel = "XPATH", description = "xades, xmldsig: đặt chữ ký vào phần tử này (vd //DSCKS/NBan) / put the signature in this element")
        String placeIn;

        @Option(names = "--counter-sign", paramLabel = "ID", description = "Ký đối ứng (counter-signature XAdES) chữ ký có Id này "
                + "(Id trong XML hoặc trong báo cáo kiểm tra) / XAdES counter-signature of the signature with this Id (XML Id or report id)")
        String counterSign;

        @Override
        public Integer call() {
            return common.sign(spec, signing());
        }

        /** What signs one file with these options (also used by {@code kyso batch sign xml}). */
        SigningJob<XmlSignatureOptions> signing() {
            XmlSigner signer = common.configure(XmlSigner.builder()).build();
            DigestAlgorithm digest = DigestAlgorithm.parse(common.digest);
            SignatureLevel level = common.level();
            if (profile != Profile.xades && level != SignatureLevel.B_B) {
                throw KysoException.localized(ErrorCode.INVALID_ARGUMENT, null,
                        "--level " + level.label() + " chỉ dùng với --profile xades (XMLDSig không có mức)",
                        "--level " + level.label() + " is for --profile xades (XMLDSig has no levels)");
            }
            if (party != null && profile != Profile.einvoice) {
                throw KysoException.localized(ErrorCode.INVALID_ARGUMENT, null,
                        "--party chỉ dùng với --profile einvoice",
                        "--party is for --profile einvoice");
            }
            if (profile == Profile.xades || profile == Profile.xmldsig) {
                XmlSignatureOptions.Builder b = XmlSignatureOptions.builder().digest(digest).signatureParent(placeIn)
                        .packaging(packaging(packaging == null ? "enveloped" : packaging));
                if (element != null && element.startsWith("/")) {
                    b.elementPath(element);
                } else {
                    b.elementId(element);
                }
                if (profile == Profile.xades) {
                    b.level(level);
                } else {
                    b.format(XmlSignatureOptions.Format.XMLDSIG);
                }
                b.scheme(common.scheme(null)).counterSignatureOf(counterSign);
                return SigningJob.of(signer, b.build());
            }
            if (counterSign != null) {
                throw KysoException.localized(ErrorCode.INVALID_ARGUMENT, null,
                        "--counter-sign chỉ dùng với --profile xades",
                        "--counter-sign is for --profile xades");
            }
            if (packaging != null || element != null || placeIn != null) {
                throw KysoException.localized(ErrorCode.INVALID_ARGUMENT, null,
                        "--packaging/--element/--place-in: hồ sơ " + profile + " tự quyết định các giá trị này",
                        "--packaging/--element/--place-in: the " + profile + " profile decides them");
            }
            EInvoice.Party invoiceParty = party(party);
            // The profile's options depend on each document (the element it signs, the party's slot); the
            // shared choice (digest, scheme: RSA PKCS#1 v1.5 by default for these receivers) applies to all.
            XmlSignatureOptions shared = XmlSignatureOptions.builder().format(XmlSignatureOptions.Format.XMLDSIG)
                    .digest(digest).scheme(common.scheme(SignatureScheme.RSA_PKCS1_V15)).build();
            return SigningJob.workflow(shared, (input, output, key, o) -> {
                byte[] xml = input.toBytes();
                XmlSignatureOptions options;
                switch (profile) {
                    case einvoice: options = EInvoice.options(xml, invoiceParty, null); break;
                    case etax: options = ETax.options(xml, null); break;
                    default: options = EdXml.options(xml, null); break;
                }
                return signer.sign(Document.of(xml, input.name()), output, key,
                        options.toBuilder().digest(o.digest()).scheme(o.scheme()).build());
            });
        }

        private static XmlSignatureOptions.Packaging packaging(String text) {
            switch (text.trim().toLowerCase(java.util.Locale.ROOT)) {
                case "enveloped": return XmlSignatureOptions.Packaging.ENVELOPED;
                case "enveloping": return XmlSignatureOptions.Packaging.ENVELOPING;
                case "detached": return XmlSignatureOptions.Packaging.DETACHED;
                default: throw new KysoException(ErrorCode.INVALID_ARGUMENT, "--packaging " + text);
            }
        }

        private static EInvoice.Party party(String text) {
            if (text == null) {
                return EInvoice.Party.SELLER;
            }
            for (EInvoice.Party p : EInvoice.Party.values()) {
                if (p.id().equalsIgnoreCase(text.trim())) {
                    return p;
                }
            }
            throw KysoException.localized(ErrorCode.INVALID_ARGUMENT, null,
                    "--party " + text + " không hợp lệ, hãy chọn: seller|buyer|tax-authority|other",
                    "--party " + text + " is invalid, choose: seller|buyer|tax-authority|other");
        }
    }
}
