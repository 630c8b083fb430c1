package io.riposte.cli.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The figures of one {@code riposte bench} run, kept twice from one call each: as JSON (sections of
 * snake_case keys with raw numbers: bytes, seconds, milliseconds) and as rows of a table for people.
 */
public final class BenchReport {
    private final Map<String, Object> json = new LinkedHashMap<>();
    private final List<String[]> rows = new ArrayList<>();

    /** Adds a figure to a section of the JSON and, when {@code label} is not null, a row to the table. */
    void put(String section, String key, Object value, String label) {
        section(section).put(key, value);
        if (label != null) {
            rows.add(new String[] {section, label, human(key, value)});
        }
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> section(String name) {
        return (Map<String, Object>) json.computeIfAbsent(name, k -> new LinkedHashMap<String, Object>());
    }

    /** The JSON tree (sections of figures). */
    public Map<String, Object> json() {
        return json;
    }

    public void writeJson(Path file) {
        try {
            Path dir = file.toAbsolutePath().getParent();
            if (dir != null) {
                Files.createDirectories(dir);
            }
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), json);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    public void printTable(PrintStream out) {
        int w0 = rows.stream().mapToInt(r -> r[0].length()).max().orElse(0);
        int w1 = rows.stream().mapToInt(r -> r[1].length()).max().orElse(0);
        String last = null;
        for (String[] r : rows) {
            String section = r[0].equals(last) ? "" : r[0];
            last = r[0];
            out.printf("%-" + w0 + "s  %-" + w1 + "s  %s%n", section, r[1], r[2]);
        }
    }

    private static String human(String key, Object value) {
        if (value instanceof Map<?, ?> m) {
            StringBuilder sb = new StringBuilder();
            m.forEach((k, v) -> sb.append(sb.isEmpty() ? "" : "  ").append(k).append(' ').append(human(key, v)));
            return sb.toString();
        }
        if (key.endsWith("_bytes") && value instanceof Number n) {
            return n.longValue() < 0 ? "n/a" : String.format(Locale.ROOT, "%.1f MiB", n.doubleValue() / (1024 * 1024));
        }
        if (value instanceof Double d) {
            return String.format(Locale.ROOT, Math.abs(d) >= 100 ? "%,.0f" : "%,.2f", d);
        }
        if (value instanceof Long || value instanceof Integer) {
            return String.format(Locale.ROOT, "%,d", ((Number) value).longValue());
        }
        return String.valueOf(value);
    }
}
