package vn.kyso.apicheck;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The committed lists under {@code api-check/known/}: one entry a line, {@code key | note} (the note says
 * why, or which area owns the fix); blank lines and lines starting with {@code #} are comments.
 */
final class Known {
    private Known() {
    }

    /** This module's directory (Surefire runs in it and sets {@code basedir}). */
    static Path moduleDir() {
        String basedir = System.getProperty("basedir");
        return Path.of(basedir != null ? basedir : "").toAbsolutePath();
    }

    /** The entries of {@code known/<name>}, key to note, in file order. */
    static Map<String, String> read(String name) {
        Path file = moduleDir().resolve("known").resolve(name);
        Map<String, String> entries = new LinkedHashMap<>();
        if (!Files.exists(file)) {
            return entries;
        }
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                String l = line.strip();
                if (l.isEmpty() || l.startsWith("#")) {
                    continue;
                }
                int bar = l.indexOf(" | ");
                String key = bar < 0 ? l : l.substring(0, bar).strip();
                String note = bar < 0 ? "" : l.substring(bar + 3).strip();
                if (entries.put(key, note) != null) {
                    throw new AssertionError("known/" + name + " lists " + key + " twice");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return entries;
    }

    /**
     * Compares what a check found with what its list allows: a finding not listed, or a listed entry no
     * longer found (the list only shrinks), is reported; returns the report, empty when both agree.
     */
    static String compare(String name, Set<String> found, Map<String, String> listed, String foundWhat) {
        StringBuilder s = new StringBuilder();
        Set<String> unlisted = new TreeSet<>(found);
        unlisted.removeAll(listed.keySet());
        Set<String> stale = new TreeSet<>(listed.keySet());
        stale.removeAll(found);
        if (!unlisted.isEmpty()) {
            s.append(foundWhat).append(" (").append(unlisted.size()).append("):\n");
            unlisted.forEach(k -> s.append("  ").append(k).append('\n'));
        }
        if (!stale.isEmpty()) {
            s.append("Listed in api-check/known/").append(name)
                    .append(" but now fine: delete these lines (the list only shrinks) (")
                    .append(stale.size()).append("):\n");
            stale.forEach(k -> s.append("  ").append(k).append('\n'));
        }
        return s.toString();
    }
}
