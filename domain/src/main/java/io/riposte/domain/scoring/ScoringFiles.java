package io.riposte.domain.scoring;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.riposte.domain.FuzzyDate;
import io.riposte.domain.json.JsonContract;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads and writes the JSON Lines files of EVALUATION.md: gold actions, gold chains and predicted
 * actions. Blank lines are skipped; a malformed line is an error naming the file and line number,
 * because a silently dropped gold line would change every score.
 */
public final class ScoringFiles {
    static final ObjectMapper JSON = new ObjectMapper();

    private ScoringFiles() {}

    public static List<GoldAction> readGold(Path file) throws IOException {
        List<GoldAction> out = new ArrayList<>();
        forEachLine(file, (n, line) -> out.add(parseGold(n)));
        return out;
    }

    public static List<GoldChain> readChains(Path file) throws IOException {
        List<GoldChain> out = new ArrayList<>();
        forEachLine(file, (n, line) -> out.add(new GoldChain(text(n, "chain_id"), strings(n, "steps"))));
        return out;
    }

    public static List<PredictedAction> readPredictions(Path file) throws IOException {
        List<PredictedAction> out = new ArrayList<>();
        forEachLine(file, (n, line) -> out.add(parsePredicted(n)));
        return out;
    }

    /** Parses predictions from JSON Lines text (for example the output of {@code riposte extract}). */
    public static List<PredictedAction> parsePredictions(List<String> lines) {
        List<PredictedAction> out = new ArrayList<>();
        int i = 0;
        for (String line : lines) {
            i++;
            if (line.isBlank()) {
                continue;
            }
            try {
                out.add(parsePredicted(JSON.readTree(line)));
            } catch (IOException | RuntimeException e) {
                throw new IllegalArgumentException("prediction line " + i + ": " + e.getMessage(), e);
            }
        }
        return out;
    }

    public static GoldAction parseGold(JsonNode n) {
        String tier = text(n, "tier");
        if (tier == null) {
            throw new IllegalArgumentException("gold action without tier");
        }
        return new GoldAction(required(n, "id"), GoldAction.Tier.valueOf(tier.toUpperCase(Locale.ROOT)),
                FuzzyDate.parseIso(text(n, "date")), required(n, "source"), required(n, "target"),
                required(n, "type"), integer(n, "count"), strings(n, "articles"), strings(n, "responds_to"),
                text(n, "evidence"));
    }

    public static PredictedAction parsePredicted(JsonNode n) {
        JsonNode c = n.get("confidence");
        return new PredictedAction(required(n, "id"), FuzzyDate.parseIso(text(n, "date")), required(n, "source"),
                required(n, "target"), required(n, "type"), integer(n, "count"), strings(n, "responds_to"),
                text(n, "chain_id"), strings(n, "articles"), c == null || c.isNull() ? null : c.asDouble());
    }

    /** The "Predicted actions" JSON object for one prediction. */
    public static ObjectNode toJson(PredictedAction p) {
        ObjectNode o = JSON.createObjectNode();
        o.put("id", p.id());
        JsonContract.putDate(o, "date", p.date());
        o.put("source", p.source());
        o.put("target", p.target());
        o.put("type", p.type());
        if (p.count() == null) {
            o.putNull("count");
        } else {
            o.put("count", p.count());
        }
        ArrayNode r = o.putArray("responds_to");
        p.respondsTo().forEach(r::add);
        o.put("chain_id", p.chainId());
        ArrayNode a = o.putArray("articles");
        p.articles().forEach(a::add);
        if (p.confidence() == null) {
            o.putNull("confidence");
        } else {
            o.put("confidence", p.confidence());
        }
        return o;
    }

    private interface LineHandler {
        void accept(JsonNode node, String line);
    }

    private static void forEachLine(Path file, LineHandler h) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            try {
                h.accept(JSON.readTree(line), line);
            } catch (IOException | RuntimeException e) {
                throw new IOException(file + ":" + (i + 1) + ": " + e.getMessage(), e);
            }
        }
    }

    private static String required(JsonNode n, String f) {
        String v = text(n, f);
        if (v == null || v.isBlank()) {
            throw new IllegalArgumentException("missing field '" + f + "'");
        }
        return v;
    }

    private static String text(JsonNode n, String f) {
        JsonNode v = n.get(f);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static Integer integer(JsonNode n, String f) {
        JsonNode v = n.get(f);
        return v == null || v.isNull() ? null : v.asInt();
    }

    private static List<String> strings(JsonNode n, String f) {
        JsonNode v = n.get(f);
        List<String> out = new ArrayList<>();
        if (v != null && v.isArray()) {
            v.forEach(x -> out.add(x.asText()));
        }
        return out;
    }

    static UncheckedIOException unchecked(IOException e) {
        return new UncheckedIOException(e);
    }
}
