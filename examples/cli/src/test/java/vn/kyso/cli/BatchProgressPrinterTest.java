package vn.kyso.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.kyso.api.Language;
import vn.kyso.api.token.SigningKey;
import vn.kyso.api.token.Tokens;
import vn.kyso.core.batch.BatchSigner;
import vn.kyso.core.cades.CadesSignatureOptions;
import vn.kyso.core.cades.CadesSigner;
import vn.kyso.testkit.Sandbox;

/** What the batch shows on a terminal (the bar) and elsewhere (plain lines), on a real small batch. */
class BatchProgressPrinterTest {

    private static String run(Path dir, boolean bar, Language lang) throws Exception {
        Path in = Files.createDirectories(dir.resolve("in"));
        for (int i = 0; i < 3; i++) {
            Files.writeString(in.resolve("f" + i + ".txt"), "tệp " + i, StandardCharsets.UTF_8);
        }
        Files.writeString(in.resolve("trong.txt"), "");
        char[] pw = Sandbox.PASSWORD.toCharArray();
        Sandbox pki = Sandbox.create(dir.resolve("pki"), 0);
        SigningKey key = Tokens.pkcs12(pki.person1().pkcs12(pw), pw, "person1").firstKey();
        CadesSigner cades = CadesSigner.builder().build();
        StringWriter err = new StringWriter();
        BatchSigner.builder().outputName(n -> n + ".p7s").listener(new BatchProgressPrinter(new PrintWriter(err), lang, bar))
                .build().sign(List.of(in.resolve("f0.txt"), in.resolve("khong-co.txt"), in.resolve("f1.txt"), in.resolve("f2.txt")),
                        dir.resolve("out"), key, cades, CadesSignatureOptions.defaults());
        return err.toString();
    }

    @Test
    void aTerminalGetsABarRedrawnInPlace(@TempDir Path dir) throws Exception {
        String err = run(dir, true, Language.EN);
        assertTrue(err.startsWith("Signing 4 files\n"), err);
        assertTrue(err.contains("\r[##############################] 4/4 (signed 3, skipped 0, failed 1), "), err);
        assertTrue(err.contains("\r\033[K✗ khong-co.txt: [KYSO-101] Cannot read the input"), err);
        assertTrue(err.endsWith("ETA 0:00\033[K\n"), err);
    }

    @Test
    void elsewherePlainLinesInVietnamese(@TempDir Path dir) throws Exception {
        String err = run(dir, false, Language.VI);
        assertTrue(err.startsWith("Ký 4 tệp\n"), err);
        assertTrue(err.contains("\n✗ khong-co.txt: [KYSO-101] Không đọc được tệp đầu vào"), err);
        assertTrue(err.contains("4/4 (ký 3, bỏ qua 0, lỗi 1), "), err);
        assertTrue(err.endsWith(" tệp/giây, còn 0:00\n"), err);
        assertEquals(-1, err.indexOf('\r'), "no carriage returns in a log");
    }
}
