package vn.kyso.apicheck;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The public API of every module against its committed baseline, {@code api-check/api/<artifact>.api}.
 * Any difference fails the build with the diff and the command that records it, so that a change to
 * the public API is always a deliberate, reviewed diff of those files (docs/API.md says why the
 * baseline is text rather than a japicmp/revapi comparison).
 */
class ApiBaselineTest {
    /** The one command that records the current surface as the baseline. */
    static final String RECORD = "mvn -B -o test -pl api-check -am -Dtest=ApiBaselineTest "
            + "-Dsurefire.failIfNoSpecifiedTests=false -Dkyso.api.record=true";

    @Test
    void publicApiMatchesTheBaseline() throws IOException {
        boolean record = Boolean.parseBoolean(System.getProperty("kyso.api.record", "false"));
        Path dir = Files.createDirectories(Known.moduleDir().resolve("api"));
        StringBuilder report = new StringBuilder();
        for (Map.Entry<String, List<Class<?>>> module : PublicSurface.byModule().entrySet()) {
            Path file = dir.resolve(module.getKey() + ".api");
            List<String> actual = ApiText.render(module.getValue());
            List<String> expected = Files.exists(file)
                    ? Files.readAllLines(file, StandardCharsets.UTF_8) : List.of();
            if (record) {
                if (!actual.equals(expected)) {
                    Files.write(file, actual, StandardCharsets.UTF_8);
                    System.out.println("recorded " + file);
                }
                continue;
            }
            if (!actual.equals(expected)) {
                report.append("--- api-check/api/").append(module.getKey()).append(".api (baseline)\n")
                        .append("+++ ").append(module.getKey()).append(" (compiled classes)\n")
                        .append(String.join("\n", diff(expected, actual))).append('\n');
            }
        }
        if (report.length() > 0) {
            fail("The public API differs from the committed baseline:\n" + report
                    + "\nIf the change is deliberate, record it and commit the api-check/api/*.api files:\n  "
                    + RECORD + "\n");
        }
    }

    /** A unified diff with three lines of context, from the longest common subsequence. */
    static List<String> diff(List<String> a, List<String> b) {
        int n = a.size();
        int m = b.size();
        int[][] lcs = new int[n + 1][m + 1];
        for (int i = n - 1; i >= 0; i--) {
            for (int j = m - 1; j >= 0; j--) {
                lcs[i][j] = a.get(i).equals(b.get(j)) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        List<String> ops = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < n || j < m) {
            if (i < n && j < m && a.get(i).equals(b.get(j))) {
                ops.add("  " + a.get(i++));
                j++;
            } else if (j < m && (i == n || lcs[i][j + 1] >= lcs[i + 1][j])) {
                ops.add("+ " + b.get(j++));
            } else {
                ops.add("- " + a.get(i++));
            }
        }
        List<String> out = new ArrayList<>();
        int lastShown = -1;
        for (int k = 0; k < ops.size(); k++) {
            if (ops.get(k).startsWith("  ")) {
                continue;
            }
            int from = Math.max(lastShown + 1, k - 3);
            if (lastShown >= 0 && from > lastShown + 1) {
                out.add("@@");
            }
            for (int c = from; c < k; c++) {
                out.add(ops.get(c));
            }
            out.add(ops.get(k));
            lastShown = k;
            int after = k + 1;
            while (after < ops.size() && after <= k + 3 && ops.get(after).startsWith("  ")) {
                out.add(ops.get(after));
                lastShown = after++;
            }
        }
        return out;
    }
}
