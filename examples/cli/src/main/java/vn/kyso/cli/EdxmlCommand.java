package vn.kyso.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import vn.kyso.api.ErrorCode;
import vn.kyso.api.KysoException;
import vn.kyso.api.Language;
import vn.kyso.api.io.AtomicFiles;
import vn.kyso.xml.profile.EdXml;
import vn.kyso.xml.profile.EdXmlHeader;
import vn.kyso.xml.profile.EdXmlHeader.Organization;
import vn.kyso.xml.profile.EdXmlMessage;

/**
 * {@code kyso edxml build|extract}: makes an (unsigned) edXML message from a header and files, and takes a
 * received one apart. The header JSON uses the edXML element names: {@code From}, {@code To} (a list),
 * simple fields such as {@code Subject}, groups such as {@code "Code": {"CodeNumber", "CodeNotation"}},
 * {@code ToPlaces} (a list), {@code OtherInfo} and {@code TraceHeaders} (a list of {@code OrganId},
 * {@code Timestamp}); {@code extract} writes the same shape, so its header.json builds the message again.
 */
@Command(name = "edxml", description = "Gói tin edXML (QCVN 102:2016) / edXML messages",
        subcommands = {EdxmlCommand.Build.class, EdxmlCommand.Extract.class})
final class EdxmlCommand {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final String TRACES = "TraceHeaders";

    /** {@code kyso edxml build}. */
    @Command(name = "build", description = "Tạo gói tin edXML từ thông tin văn bản và tệp đính kèm / build an edXML message")
    static final class Build implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--header", paramLabel = "JSON", description = "Thông tin văn bản (JSON, tên trường theo edXML) / header as JSON")
        Path header;

        @Option(names = "--from", paramLabel = "ID", description = "Mã định danh cơ quan gửi / sender code (without --header)")
        String from;

        @Option(names = "--from-name", paramLabel = "NAME", description = "Tên cơ quan gửi / sender name")
        String fromName;

        @Option(names = "--to", paramLabel = "ID[=NAME]", description = "Cơ quan nhận (lặp lại) / receiver, repeatable")
        List<String> to = new ArrayList<>();

        @Option(names = "--subject", paramLabel = "S", description = "Trích yếu / subject")
        String subject;

        @Option(names = "--code", paramLabel = "NUMBER/NOTATION", description = "Số, ký hiệu, vd 45/QĐ-UBND / number and notation")
        String code;

        @Option(names = "--date", paramLabel = "YYYY-MM-DD", description = "Ngày ban hành / date of issue")
        LocalDate date;

        @Option(names = "--place", paramLabel = "P", description = "Nơi ban hành / place of issue")
        String place;

        @Option(names = "--attach", paramLabel = "FILE", description = "Tệp đính kèm (lặp lại) / attachment, repeatable")
        List<Path> attach = new ArrayList<>();

        @Option(names = "--out", required = true, paramLabel = "FILE", description = "Gói tin edXML (chưa ký) / the message, unsigned")
        Path out;

        @Override
        public Integer call() throws IOException {
            EdXmlMessage.Builder m = EdXml.builder();
            if (header != null) {
                if (from != null || !to.isEmpty() || subject != null || code != null || date != null || place != null) {
                    throw KysoException.localized(ErrorCode.INVALID_ARGUMENT, null,
                            "--header JSON hoặc --from/--to/--subject/..., không dùng cả hai",
                            "--header JSON or --from/--to/--subject/..., not both");
                }
                readHeader(header, m);
            } else {
                m.header(fromOptions());
            }
            for (Path f : attach) {
                String type = Files.probeContentType(f);
                m.attachment(String.valueOf(f.getFileName()), type == null ? "application/octet-stream" : type, f);
            }
            m.build().writeTo(out);
            Language lang = ((KysoCli) spec.root().userObject()).language();
            spec.commandLine().getOut().println((lang == Language.EN ? "Built: " : "Đã tạo: ") + out + " ("
                    + attach.size() + (lang == Language.EN ? " attachments; sign it: kyso sign xml --profile edxml" : " tệp đính kèm; ký: kyso sign xml --profile edxml") + ")");
            return ExitCodes.OK;
        }

        private EdXmlHeader fromOptions() {
            if (from == null || to.isEmpty() || subject == null) {
                throw KysoException.localized(ErrorCode.INVALID_ARGUMENT, null,
                        "cần --header JSON, hoặc --from ID --to ID --subject S",
                        "--header JSON, or --from ID --to ID --subject S");
            }
            EdXmlHeader.Builder h = EdXmlHeader.builder().from(Organization.of(from, fromName)).subject(subject);
            for (String t : to) {
                int eq = t.indexOf('=');
                h.to(eq < 0 ? Organization.of(t, null) : Organization.of(t.substring(0, eq), t.substring(eq + 1)));
            }
            if (code != null) {
                int slash = code.indexOf('/');
                if (slash <= 0) {
                    throw new KysoException(ErrorCode.INVALID_ARGUMENT, "--code NUMBER/NOTATION, e.g. 45/QĐ-UBND");
                }
                h.code(code.substring(0, slash), code.substring(slash + 1));
            }
            if (place != null || date != null) {
                h.promulgation(place, date);
            }
            return h.build();
        }
    }

    /** {@code kyso edxml extract}. */
    @Command(name = "extract", description = "Tách thông tin văn bản và tệp đính kèm từ gói tin edXML / extract header and attachments")
    static final class Extract implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--in", required = true, paramLabel = "FILE", description = "Gói tin edXML / the message")
        Path in;

        @Option(names = "--out-dir", required = true, paramLabel = "DIR", description = "Thư mục nhận tệp / target directory")
        Path outDir;

        @Override
        public Integer call() {
            EdXmlMessage m = EdXml.extract(in, outDir);
            Path headerFile = outDir.resolve("header.json");
            for (EdXmlMessage.Attachment a : m.attachments()) {
                if (headerFile.equals(a.file())) {
                    headerFile = outDir.resolve("header.edxml.json");
                }
            }
            AtomicFiles.write(headerFile, writeHeader(m));
            Language lang = ((KysoCli) spec.root().userObject()).language();
            PrintWriter w = spec.commandLine().getOut();
            w.println((lang == Language.EN ? "Header: " : "Thông tin văn bản: ") + headerFile);
            for (EdXmlMessage.Attachment a : m.attachments()) {
                w.println("  " + a.contentId() + "  " + a.contentType() + "  " + a.file());
            }
            w.println(lang == Language.EN ? "The signature was not checked here: kyso verify " + in
                    : "Chưa kiểm tra chữ ký ở bước này: kyso verify " + in);
            return ExitCodes.OK;
        }
    }

    /** Reads a header JSON (and its trace headers) into the message builder. */
    static void readHeader(Path file, EdXmlMessage.Builder m) {
        JsonNode root;
        try {
            root = JSON.readTree(file.toFile());
        } catch (JsonProcessingException e) {
            String line = e.getLocation() == null ? "" : " (line=" + e.getLocation().getLineNr() + ")";
            throw KysoException.localized(ErrorCode.MALFORMED_INPUT, e, file + ": JSON sai cú pháp" + line,
                    file + ": " + e.getOriginalMessage() + line);
        } catch (IOException e) {
            throw new KysoException(ErrorCode.INPUT_UNREADABLE, e, String.valueOf(file));
        }
        if (root == null || !root.isObject()) {
            throw KysoException.localized(ErrorCode.MALFORMED_INPUT, null, file + ": cần một đối tượng JSON",
                    file + ": a JSON object is expected");
        }
        EdXmlHeader.Builder h = EdXmlHeader.builder();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String name = e.getKey();
            JsonNode v = e.getValue();
            switch (name) {
                case "From":
                    h.from(organization(v, file));
                    break;
                case "To":
                    for (JsonNode o : list(v, name, file)) {
                        h.to(organization(o, file));
                    }
                    break;
                case "ToPlaces":
                    for (JsonNode p : list(v, name, file)) {
                        h.toPlace(text(p, name, file));
                    }
                    break;
                case "OtherInfo":
                    object(v, name, file).forEach(f -> h.otherInfo(f.getKey(), text(f.getValue(), f.getKey(), file)));
                    break;
                case TRACES:
                    for (JsonNode t : list(v, name, file)) {
                        m.traceHeader(text(t.get("OrganId"), "OrganId", file), t.hasNonNull("Timestamp") ? text(t.get("Timestamp"), "Timestamp", file) : null);
                    }
                    break;
                default:
                    if (v.isObject()) {
                        object(v, name, file).forEach(f -> h.field(name + "/" + f.getKey(), text(f.getValue(), f.getKey(), file)));
                    } else {
                        h.field(name, text(v, name, file));
                    }
            }
        }
        m.header(h.build());
    }

    /** The header and trace headers of a message in the JSON shape {@link #readHeader} reads. */
    static String writeHeader(EdXmlMessage m) {
        EdXmlHeader h = m.header();
        ObjectNode root = JSON.createObjectNode();
        if (h.from() != null) {
            h.from().values().forEach(root.putObject("From")::put);
        }
        ArrayNode to = root.putArray("To");
        h.to().forEach(o -> o.values().forEach(to.addObject()::put));
        for (Map.Entry<String, String> f : h.fields().entrySet()) {
            int slash = f.getKey().indexOf('/');
            if (slash < 0) {
                root.put(f.getKey(), f.getValue());
            } else {
                String group = f.getKey().substring(0, slash);
                ObjectNode g = root.has(group) ? (ObjectNode) root.get(group) : root.putObject(group);
                g.put(f.getKey().substring(slash + 1), f.getValue());
            }
        }
        if (!h.toPlaces().isEmpty()) {
            h.toPlaces().forEach(root.putArray("ToPlaces")::add);
        }
        if (!h.otherInfo().isEmpty()) {
            h.otherInfo().forEach(root.putObject("OtherInfo")::put);
        }
        if (!m.traceHeaders().isEmpty()) {
            ArrayNode traces = root.putArray(TRACES);
            for (EdXmlMessage.TraceHeader t : m.traceHeaders()) {
                ObjectNode n = traces.addObject().put("OrganId", t.organId());
                if (t.timestamp() != null) {
                    n.put("Timestamp", t.timestamp());
                }
            }
        }
        try {
            return JSON.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new KysoException(ErrorCode.INTERNAL, e, "json");
        }
    }

    private static Organization organization(JsonNode v, Path file) {
        Map<String, String> values = new java.util.LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> f : object(v, "From/To", file)) {
            values.put(f.getKey(), text(f.getValue(), f.getKey(), file));
        }
        String id = values.remove("OrganId");
        if (id == null || id.isEmpty()) {
            throw KysoException.localized(ErrorCode.MALFORMED_INPUT, null, file + ": cơ quan, tổ chức phải có OrganId",
                    file + ": an organisation needs OrganId");
        }
        Organization o = Organization.of(id, null);
        for (Map.Entry<String, String> e : values.entrySet()) {
            o = o.with(e.getKey(), e.getValue());
        }
        return o;
    }

    private static List<Map.Entry<String, JsonNode>> object(JsonNode v, String name, Path file) {
        if (v == null || !v.isObject()) {
            throw KysoException.localized(ErrorCode.MALFORMED_INPUT, null, file + ": " + name + " phải là một đối tượng JSON",
                    file + ": " + name + " must be an object");
        }
        List<Map.Entry<String, JsonNode>> out = new ArrayList<>();
        v.fields().forEachRemaining(out::add);
        return out;
    }

    private static List<JsonNode> list(JsonNode v, String name, Path file) {
        if (v == null || !v.isArray()) {
            throw KysoException.localized(ErrorCode.MALFORMED_INPUT, null, file + ": " + name + " phải là một danh sách",
                    file + ": " + name + " must be a list");
        }
        List<JsonNode> out = new ArrayList<>();
        v.forEach(out::add);
        return out;
    }

    private static String text(JsonNode v, String name, Path file) {
        if (v == null || !v.isValueNode() || v.isNull()) {
            throw KysoException.localized(ErrorCode.MALFORMED_INPUT, null, file + ": " + name + " phải là văn bản",
                    file + ": " + name + " must be text");
        }
        return v.asText();
    }
}
