package vn.kyso.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;
import vn.kyso.api.ErrorCode;
import vn.kyso.api.Language;

/**
 * Every message a person reads is wholly Vietnamese in {@code vi} and wholly English in {@code en}: the
 * error code templates, every detail the main sources of every module put into a message (read by
 * {@link MessageSites}), the command line's parser errors, and what the CLI prints when things fail.
 */
class MessageLanguageTest {

    /**
     * Sites in areas being rewritten by others right now (signers, options, verifier, reports, state,
     * trust, the sign/verify/batch commands) whose details are still English words: file and text, as
     * {@link MessageSites.Finding#key()} gives them. This list may only shrink: a site fixed must leave
     * it (the test fails on an entry that is now fine), and a new site may never join it.
     */
    static final List<String> TO_FIX = List.of(
    );

    @BeforeAll
    static void commandLineWords() {
        Set<String> commands = new HashSet<>();
        Set<String> valued = new HashSet<>();
        collect(new CommandLine(new KysoCli()), commands, valued);
        VietnameseText.commandLine(commands, valued);
    }

    private static void collect(CommandLine cl, Set<String> commands, Set<String> valued) {
        commands.add(cl.getCommandName());
        for (String alias : cl.getCommandSpec().aliases()) {
            commands.add(alias);
        }
        for (OptionSpec o : cl.getCommandSpec().options()) {
            if (o.arity().max() > 0) {
                for (String n : o.names()) {
                    valued.add(n);
                }
            }
        }
        for (CommandLine sub : cl.getSubcommands().values()) {
            collect(sub, commands, valued);
        }
    }

    // ---- the detector itself ------------------------------------------------------------------------

    @Test
    void theIssuesEnglishFragmentsAreCaught() {
        assertEquals(List.of("needs", "a"), VietnameseText.nonVietnamese("Tham số không hợp lệ: B-T needs a TimestampClient"));
        assertEquals(List.of("not", "a"), VietnameseText.nonVietnamese("Định dạng không được hỗ trợ: not a PDF"));
        assertEquals(List.of("Unknown", "options"), VietnameseText.nonVietnamese("Lỗi cú pháp: Unknown options: '--x'"));
        assertEquals(List.of("the", "token", "logged", "out"),
                VietnameseText.nonVietnamese("Mã PIN không đúng: the token logged out"));
        assertEquals(List.of("key", "get", "file"), VietnameseText.nonVietnamese("khóa key get file"));
    }

    @Test
    void namesAndValuesAreNotWords() {
        String names = "Không đọc được tệp đầu vào: /tmp/hợp-đồng.pdf (KYSO-101, RSASSA-PSS, SHA-256, B-LTA, "
                + "PKCS#11, CKR_PIN_INCORRECT, TimestampClient, signatureValue, level=B-T, 'quoted words', "
                + "\"more words\", --doc-number, 3.5 mm, 12 s, null, XAdES, XMLDSig, %s, 0x1F)";
        assertEquals(List.of(), VietnameseText.nonVietnamese(names));
        assertEquals(List.of(), VietnameseText.words(
                "/tmp/a.pdf KYSO-101 RSASSA-PSS PKCS#11 TimestampClient level=B-T 'quoted' --port 8980"));
    }

    @Test
    void vietnameseWithoutMarksIsVietnamese() {
        assertEquals(List.of(), VietnameseText.nonVietnamese("theo tin cho khi ghi gia nghe qua xin hay in an toàn"));
    }

    @Test
    void commandLinesInTextAreNames() {
        assertEquals(List.of(), VietnameseText.nonVietnamese("Xem: kyso sign pdf --help"));
        assertEquals(List.of(), VietnameseText.nonVietnamese("Chạy máy chủ: kyso sandbox serve /tmp/sb --lang vi"));
        assertEquals(List.of("needs"), VietnameseText.nonVietnamese("--format pdf needs --out FILE"));
    }

    @Test
    void englishMessagesHaveNoVietnameseWords() {
        assertEquals(List.of("thiếu"), VietnameseText.vietnameseWords("Missing: thiếu 'Hà Nội'"));
    }

    // ---- error codes --------------------------------------------------------------------------------

    @Test
    void everyErrorCodeIsWhollyVietnameseInViAndEnglishInEn() {
        List<String> wrong = new ArrayList<>();
        Set<String> codes = new HashSet<>();
        for (ErrorCode c : ErrorCode.values()) {
            assertTrue(codes.add(c.code()), "duplicate code " + c.code());
            List<String> vi = VietnameseText.nonVietnamese(c.template(Language.VI));
            List<String> en = VietnameseText.vietnameseWords(c.template(Language.EN));
            if (!vi.isEmpty() || !en.isEmpty()) {
                wrong.add(c + " vi " + vi + " en " + en);
            }
        }
        assertEquals(List.of(), wrong);
    }

    // ---- every detail in the main sources -----------------------------------------------------------

    @Test
    void everyMessageDetailInTheSourcesIsInItsLanguage() {
        List<MessageSites.Finding> findings = MessageSites.scan(MessageSites.repositoryRoot());
        Set<String> pending = new LinkedHashSet<>(TO_FIX);
        assertEquals(TO_FIX.size(), pending.size(), "TO_FIX lists a site twice");
        List<String> fresh = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (MessageSites.Finding f : findings) {
            seen.add(f.key());
            if (!pending.contains(f.key())) {
                fresh.add(f.toString());
            }
        }
        try {
            Files.createDirectories(Path.of("target"));
            Files.write(Path.of("target", "message-findings.txt"), fresh, StandardCharsets.UTF_8);
            Files.write(Path.of("target", "message-findings-keys.txt"), MessageSites.keys(findings), StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        List<String> fixed = pending.stream().filter(k -> !seen.contains(k)).collect(Collectors.toList());
        assertEquals(List.of(), fixed, "sites of TO_FIX that are fine now: remove them from the list");
        assertEquals(List.of(), fresh, "words in the wrong language (localize them: KysoException.localized or an"
                + " ErrorCode template; names and values may stay)");
    }

    // ---- the command line ---------------------------------------------------------------------------

    private static final class Run {
        final int code;
        final String out;
        final String err;

        Run(int code, String out, String err) {
            this.code = code;
            this.out = out;
            this.err = err;
        }
    }

    private static Run kyso(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = KysoCli.run(args, new PrintWriter(out), new PrintWriter(err));
        return new Run(code, out.toString(), err.toString());
    }

    private static List<String> lines(String s) {
        return s.lines().collect(Collectors.toList());
    }

    @Test
    void parserErrorsHaveACodeAndTheUsersLanguage() {
        Run unknown = kyso("verify", "x.pdf", "--trusst", "root.pem");
        assertEquals(64, unknown.code);
        assertEquals(List.of("[KYSO-108] Lệnh không có tùy chọn này: --trusst (có phải ý bạn là: --trust?)",
                "Xem: kyso verify --help"), lines(unknown.err));
        Run unknownEn = kyso("--lang", "en", "verify", "x.pdf", "--trusst", "root.pem");
        assertEquals(List.of("[KYSO-108] The command has no such option: --trusst (did you mean: --trust?)",
                "See: kyso verify --help"), lines(unknownEn.err));

        Run missing = kyso("cert", "info");
        assertEquals(64, missing.code);
        assertEquals(List.of("[KYSO-110] Thiếu tham số bắt buộc: FILE", "Xem: kyso cert info --help"), lines(missing.err));
        assertEquals("[KYSO-110] A required parameter is missing: FILE",
                lines(kyso("--lang", "en", "cert", "info").err).get(0));

        Run value = kyso("sandbox", "init", "/tmp/never", "--port", "abc");
        assertEquals(64, value.code);
        assertEquals(List.of("[KYSO-111] Giá trị không hợp lệ: --port 'abc'", "Xem: kyso sandbox init --help"),
                lines(value.err));

        Run noSub = kyso("sign");
        assertEquals(64, noSub.code);
        assertTrue(noSub.err.startsWith("[KYSO-112] Thiếu lệnh con, hãy chọn một trong: kyso sign "), noSub.err);
        assertTrue(kyso("--lang", "en", "sign").err.startsWith("[KYSO-112] A subcommand is missing, choose one of: kyso sign "));

        Run unexpected = kyso("frobnicate");
        assertEquals(64, unexpected.code);
        assertEquals("[KYSO-109] Lệnh không nhận đối số này: 'frobnicate' (có phải ý bạn là: kyso batch?)",
                lines(unexpected.err).get(0));
        Run enumValue = kyso("cert", "info", "x.pem", "--format", "yaml");
        assertEquals(64, enumValue.code);
        assertEquals("[KYSO-111] Giá trị không hợp lệ: --format 'yaml', text|json", lines(enumValue.err).get(0));

        Run twice = kyso("sandbox", "init", "/tmp/never", "--port", "1", "--port", "2");
        assertEquals(64, twice.code);
        assertEquals("[KYSO-113] Tham số bị lặp lại hoặc loại trừ nhau: --port", lines(twice.err).get(0));

        for (Run r : List.of(unknown, missing, value, noSub, unexpected, twice, enumValue)) {
            assertEquals(List.of(), VietnameseText.nonVietnamese(r.err), r.err);
        }
    }

    @Test
    void aBusyPortHasItsOwnCodeTheFixAndExit75(@TempDir Path dir) throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            int port = taken.getLocalPort();
            assertEquals(0, kyso("sandbox", "init", dir.toString(), "--port", Integer.toString(port)).code);
            Run vi = kyso("sandbox", "serve", dir.toString());
            assertEquals(75, vi.code, vi.err);
            assertEquals("[KYSO-304] Cổng mạng đang được một chương trình khác sử dụng: 127.0.0.1:" + port
                    + "; hãy dừng chương trình đó, hoặc tạo PKI thử nghiệm cho cổng khác (địa chỉ máy chủ nằm trong"
                    + " chứng thư số): kyso sandbox init DIR --port 8981", vi.err.strip());
            assertEquals(List.of(), VietnameseText.nonVietnamese(vi.err));
            Run en = kyso("--lang", "en", "sandbox", "serve", dir.toString());
            assertEquals(75, en.code);
            assertEquals("[KYSO-304] The network port is in use by another program: 127.0.0.1:" + port
                    + "; stop that program, or make a sandbox for another port (the server address is inside its"
                    + " certificates): kyso sandbox init DIR --port 8981", en.err.strip());
        }
    }

    /** Failures a user meets first, run in Vietnamese: every line printed is Vietnamese (names aside). */
    @Test
    void whatTheCliPrintsOnFailureIsVietnamese(@TempDir Path dir) throws Exception {
        Path text = dir.resolve("văn bản.txt");
        Files.write(text, "Tờ trình".getBytes(StandardCharsets.UTF_8));
        Path notP12 = dir.resolve("khoa.p12");
        Files.write(notP12, new byte[] {1, 2, 3});
        List<String[]> commands = List.of(
                new String[] {"verify", dir.resolve("không-có.pdf").toString()},
                new String[] {"verify", text.toString()},
                new String[] {"cert", "info", text.toString()},
                new String[] {"cert", "info", notP12.toString(), "--password", "x"},
                new String[] {"sandbox", "serve", dir.resolve("không-có").toString()},
                new String[] {"sandbox", "init", dir.toString(), "--port", "70000"},
                new String[] {"edxml", "build", "--out", dir.resolve("x.edxml").toString()},
                new String[] {"sign", "cms", "--in", text.toString(), "--out", dir.resolve("x.p7s").toString(),
                        "--p12", notP12.toString(), "--password", "x"},
                new String[] {"--lang", "xx", "cert", "info", text.toString()});
        List<String> wrong = new ArrayList<>();
        for (String[] args : commands) {
            Run r = kyso(args);
            assertFalse(r.code == 0, String.join(" ", args));
            for (String line : lines(r.out + r.err)) {
                List<String> words = VietnameseText.nonVietnamese(line);
                if (!words.isEmpty()) {
                    wrong.add(String.join(" ", args) + " -> " + line + " " + words);
                }
            }
        }
        assertEquals(List.of(), wrong);
    }
}
