package vn.kyso.snippets;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import vn.kyso.api.ErrorCode;

/** GETTING-STARTED's troubleshooting table has one row per ErrorCode, with its code and name. */
class ErrorCodeTableTest {

    @Test
    void everyErrorCodeHasARow() throws IOException {
        String doc = Files.readString(DocsSnippetsTest.REPO.resolve("docs/GETTING-STARTED.md"), StandardCharsets.UTF_8);
        Pattern row = Pattern.compile("^\\| `(KYSO-\\d+)` `([A-Z0-9_]+)` \\|", Pattern.MULTILINE);
        List<String> rows = new ArrayList<>();
        Matcher m = row.matcher(doc);
        while (m.find()) {
            rows.add(m.group(1) + " " + m.group(2));
        }
        List<String> codes = new ArrayList<>();
        for (ErrorCode c : ErrorCode.values()) {
            codes.add(c.code() + " " + c.name());
        }
        List<String> missing = new ArrayList<>(codes);
        missing.removeAll(rows);
        List<String> unknown = new ArrayList<>(rows);
        unknown.removeAll(codes);
        assertEquals(List.of(), missing, "error codes missing from the troubleshooting table of GETTING-STARTED.md");
        assertEquals(List.of(), unknown, "rows of the troubleshooting table that are no ErrorCode");
    }
}
