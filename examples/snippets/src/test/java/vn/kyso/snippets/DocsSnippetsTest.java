package vn.kyso.snippets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every Java block of README.md and docs/*.md is preceded by {@code <!-- snippet: name -->} and equals the
 * region {@code // tag::name[]} ... {@code // end::name[]} of this module's sources (indentation removed).
 * Run with {@code -Dkyso.snippets.update=true} to rewrite the documents from the sources.
 */
class DocsSnippetsTest {

    static final Path REPO = Path.of(System.getProperty("kyso.repository", "../..")).toAbsolutePath().normalize();
    private static final Pattern TAG = Pattern.compile("^\\s*// tag::([a-z0-9-]+)\\[\\]\\s*$");
    private static final Pattern MARK = Pattern.compile("^<!-- snippet: ([a-z0-9-]+) -->\\s*$");

    static Map<String, String> regions() throws IOException {
        Map<String, String> out = new LinkedHashMap<>();
        Path src = REPO.resolve("examples/snippets/src/main/java");
        List<Path> files;
        try (Stream<Path> s = Files.walk(src)) {
            files = s.filter(p -> p.toString().endsWith(".java")).sorted().collect(Collectors.toList());
        }
        for (Path f : files) {
            List<String> lines = Files.readAllLines(f, StandardCharsets.UTF_8);
            for (int i = 0; i < lines.size(); i++) {
                Matcher m = TAG.matcher(lines.get(i));
                if (!m.matches()) {
                    continue;
                }
                String name = m.group(1);
                List<String> body = new ArrayList<>();
                int j = i + 1;
                while (j < lines.size() && !lines.get(j).trim().equals("// end::" + name + "[]")) {
                    body.add(lines.get(j));
                    j++;
                }
                assertTrue(j < lines.size(), f + ": tag " + name + " has no end");
                assertTrue(out.put(name, dedent(body)) == null, "tag " + name + " is defined twice");
                i = j;
            }
        }
        return out;
    }

    static String dedent(List<String> body) {
        int indent = body.stream().filter(l -> !l.isBlank())
                .mapToInt(l -> l.length() - l.stripLeading().length()).min().orElse(0);
        return body.stream().map(l -> l.isBlank() ? "" : l.substring(indent)).collect(Collectors.joining("\n"));
    }

    static List<Path> documents() throws IOException {
        List<Path> docs = new ArrayList<>();
        docs.add(REPO.resolve("README.md"));
        try (Stream<Path> s = Files.list(REPO.resolve("docs"))) {
            s.filter(p -> p.toString().endsWith(".md")).sorted().forEach(docs::add);
        }
        return docs;
    }

    /** The document with every marked Java block replaced by its region; problems collected. */
    static String render(Path doc, Map<String, String> regions, List<String> problems, List<String> used) throws IOException {
        List<String> lines = Files.readAllLines(doc, StandardCharsets.UTF_8);
        StringBuilder out = new StringBuilder();
        String name = REPO.relativize(doc).toString();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.trim().startsWith("```java")) {
                Matcher m = i > 0 ? MARK.matcher(lines.get(i - 1)) : null;
                int end = i + 1;
                while (end < lines.size() && !lines.get(end).trim().equals("```")) {
                    end++;
                }
                String block = String.join("\n", lines.subList(i + 1, Math.min(end, lines.size())));
                out.append(line).append('\n');
                if (m == null || !m.matches()) {
                    problems.add(name + ":" + (i + 1) + ": a Java block without <!-- snippet: name --> before it");
                    out.append(block).append('\n');
                } else if (!regions.containsKey(m.group(1))) {
                    problems.add(name + ":" + (i + 1) + ": no region // tag::" + m.group(1) + "[] in examples/snippets");
                    out.append(block).append('\n');
                } else {
                    used.add(m.group(1));
                    String region = regions.get(m.group(1));
                    if (!region.equals(block)) {
                        problems.add(name + ":" + (i + 1) + ": the block differs from // tag::" + m.group(1) + "[]");
                    }
                    out.append(region).append('\n');
                }
                if (end < lines.size()) {
                    out.append(lines.get(end)).append('\n');
                }
                i = end;
            } else {
                out.append(line).append('\n');
            }
        }
        return out.toString();
    }

    @Test
    void everyJavaBlockOfTheDocsIsATaggedSnippet() throws IOException {
        Map<String, String> regions = regions();
        boolean update = Boolean.getBoolean("kyso.snippets.update");
        List<String> problems = new ArrayList<>();
        List<String> used = new ArrayList<>();
        for (Path doc : documents()) {
            List<String> docProblems = new ArrayList<>();
            String rendered = render(doc, regions, docProblems, used);
            if (update && docProblems.stream().allMatch(p -> p.contains("differs"))) {
                if (!rendered.equals(Files.readString(doc, StandardCharsets.UTF_8))) {
                    Files.writeString(doc, rendered, StandardCharsets.UTF_8);
                }
            } else {
                problems.addAll(docProblems);
            }
        }
        assertEquals(List.of(), problems, "docs out of step with examples/snippets (-Dkyso.snippets.update=true rewrites them)");
        List<String> unused = new ArrayList<>(regions.keySet());
        unused.removeAll(used);
        assertEquals(List.of(), unused, "regions that no document shows");
    }
}
