package vn.kyso.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import vn.kyso.api.ErrorCode;
import vn.kyso.api.KysoException;
import vn.kyso.api.Language;
import vn.kyso.api.cert.CertificateInfo;
import vn.kyso.api.cert.Certificates;
import vn.kyso.api.cert.Identifier;
import vn.kyso.api.token.SigningKey;
import vn.kyso.api.token.Token;
import vn.kyso.api.token.Tokens;

/** {@code kyso cert info}: what a certificate (PEM/DER) or a PKCS#12 file says about its holder. */
@Command(name = "cert", description = "Chứng thư số / certificates", subcommands = CertCommand.Info.class)
final class CertCommand {

    /** Output formats. */
    enum Format { text, json }

    @Command(name = "info", description = "Thông tin chứng thư số / certificate information")
    static final class Info implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "FILE", description = "PEM/DER certificate or PKCS#12 (.p12/.pfx)")
        Path file;

        @Option(names = "--format", defaultValue = "text", description = "text | json")
        Format format;

        @ArgGroup(exclusive = false)
        SecretOptions secret = new SecretOptions();

        @Override
        public Integer call() throws Exception {
            Language lang = ((KysoCli) spec.root().userObject()).language();
            List<X509Certificate> certs = read();
            PrintWriter out = spec.commandLine().getOut();
            if (format == Format.json) {
                ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
                ArrayNode array = mapper.createArrayNode();
                for (X509Certificate c : certs) {
                    array.add(json(mapper, CertificateInfo.of(c)));
                }
                out.println(mapper.writeValueAsString(certs.size() == 1 ? array.get(0) : array));
            } else {
                for (X509Certificate c : certs) {
                    out.print(text(CertificateInfo.of(c), lang));
                    out.println();
                }
            }
            return ExitCodes.OK;
        }

        private List<X509Certificate> read() {
            String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
            if (name.endsWith(".p12") || name.endsWith(".pfx")) {
                char[] pw = secret.read();
                try (Token token = Tokens.pkcs12(file, pw)) {
                    List<X509Certificate> certs = new ArrayList<>();
                    for (SigningKey k : token.keys()) {
                        certs.add(k.certificate());
                    }
                    if (certs.isEmpty()) {
                        throw new KysoException(ErrorCode.KEY_NOT_FOUND, file.toString());
                    }
                    return certs;
                } finally {
                    java.util.Arrays.fill(pw, '\0');
                }
            }
            return Certificates.read(file);
        }
    }

    static ObjectNode json(ObjectMapper mapper, CertificateInfo i) {
        ObjectNode n = mapper.createObjectNode();
        n.put("commonName", i.commonName());
        n.put("organization", i.organization());
        n.put("organizationalUnit", i.organizationalUnit());
        n.put("locality", i.locality());
        n.put("province", i.province());
        n.put("country", i.country());
        n.put("taxCode", i.taxCode());
        n.put("personalId", i.personalId());
        ArrayNode ids = n.putArray("identifiers");
        for (Identifier id : i.identifiers()) {
            ids.add(id.toString());
        }
        n.put("kind", i.kind().name());
        n.put("subject", i.subject());
        n.put("issuer", i.issuerCommonName());
        n.put("serialNumber", i.serialNumber());
        n.put("notBefore", i.notBefore().toString());
        n.put("notAfter", i.notAfter().toString());
        ArrayNode ku = n.putArray("keyUsage");
        for (CertificateInfo.KeyUsage k : i.keyUsage()) {
            ku.add(k.name());
        }
        n.put("sha256", i.sha256Fingerprint());
        return n;
    }

    static String text(CertificateInfo i, Language lang) {
        boolean en = lang == Language.EN;
        StringBuilder sb = new StringBuilder();
        line(sb, en ? "Name" : "Tên", i.commonName());
        line(sb, en ? "Organization" : "Cơ quan/tổ chức", i.organization());
        line(sb, en ? "Unit" : "Đơn vị", i.organizationalUnit());
        line(sb, en ? "Province" : "Tỉnh/thành phố", i.province());
        line(sb, en ? "Tax code (MST)" : "Mã số thuế", i.taxCode());
        line(sb, en ? "Personal ID" : "Số định danh", i.personalId());
        line(sb, en ? "Kind" : "Loại", kind(i, en));
        line(sb, en ? "Issuer" : "Tổ chức cấp", i.issuerCommonName());
        line(sb, en ? "Serial" : "Số hiệu", i.serialNumber());
        line(sb, en ? "Valid from" : "Hiệu lực từ", i.notBefore().toString());
        line(sb, en ? "Valid until" : "Hiệu lực đến", i.notAfter().toString());
        line(sb, en ? "Key usage" : "Mục đích khóa", i.keyUsage().toString());
        line(sb, "SHA-256", i.sha256Fingerprint());
        return sb.toString();
    }

    static String kind(CertificateInfo i, boolean en) {
        switch (i.kind()) {
            case ORGANIZATION: return en ? "organisation" : "tổ chức";
            case DEVICE: return en ? "device/service" : "thiết bị/dịch vụ";
            case CERTIFICATION_AUTHORITY: return en ? "certification authority" : "tổ chức chứng thực (CA)";
            default: return en ? "person" : "cá nhân";
        }
    }

    private static void line(StringBuilder sb, String label, String value) {
        if (value != null) {
            sb.append(String.format(Locale.ROOT, "%-18s %s%n", label + ":", value));
        }
    }
}
