package io.riposte.evaluation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.riposte.domain.DatePrecision;
import io.riposte.domain.FuzzyDate;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads and writes the JSON Lines files of {@code ../shared/EVALUATION.md}: gold actions, gold chains
 * and predicted actions.
 *
 * <p>Blank lines are skipped. Anything else that is not a well-formed line is an
 * {@link EvaluationFileException} naming the file and line: a line left out, or read as something it
 * does not say, would change every figure without anyone noticing. Required, as the reference scorer
 * needs them: {@code id}, {@code source}, {@code target}, {@code type} on gold and prediction lines,
 * {@code chain_id} and {@code steps} (known gold ids) on chain lines; a gold {@code responds_to} names
 * gold ids. A date is {@code YYYY-MM-DD},
 * {@code YYYY-MM}, {@code YYYY}, {@code --MM} or null; a {@code date_precision}, where given, names
 * the precision the date is written at. Ids are unique within a file.
 */
public final class ScoringFiles {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern DATE = Pattern.compile("\\d{4}(-\\d{2}(-\\d{2})?)?|--\\d{2}");

    private ScoringFiles() {}

    /** Gold actions; a {@code responds_to} id must be one of the file's (a typo would silently drop a link). */
    public static List<GoldAction> readGold(Path file) throws IOException {
        List<Read<GoldAction>> gold = readActions(file, ScoringFiles::parseGold, GoldAction::id);
        Set<String> ids = gold.stream().map(r -> r.value().id()).collect(Collectors.toSet());
        for (Read<GoldAction> r : gold) {
            for (String t : r.value().respondsTo()) {
                if (!ids.contains(t)) {
                    throw r.line().error("responds_to '" + t + "' is not a gold id");
                }
            }
        }
        return gold.stream().map(Read::value).toList();
    }

    /** Chains of the given gold: every step must be one of its ids. */
    public static List<GoldChain> readChains(Path file, List<GoldAction> gold) throws IOException {
        Set<String> goldIds = gold.stream().map(GoldAction::id).collect(Collectors.toSet());
        List<GoldChain> out = new ArrayList<>();
        for (Line l : lines(file)) {
            GoldChain c = l.read(n -> new GoldChain(required(n, "chain_id"), strings(n, "steps", true)));
            for (String step : c.steps()) {
                if (!goldIds.contains(step)) {
                    throw l.error("step '" + step + "' is not a gold id");
                }
            }
            out.add(c);
        }
        return out;
    }

    public static List<PredictedAction> readPredictions(Path file) throws IOException {
        return readActions(file, ScoringFiles::parsePredicted, PredictedAction::id).stream().map(Read::value).toList();
    }

    /** A value and the line it was read from. */
    private record Read<T>(Line line, T value) {}

    private static <T> List<Read<T>> readActions(Path file, Parser<T> parser, Function<T, String> id) throws IOException {
        List<Read<T>> out = new ArrayList<>();
        Map<String, Integer> firstLine = new HashMap<>();
        for (Line l : lines(file)) {
            T action = l.read(parser);
            l.unique(firstLine, id.apply(action));
            out.add(new Read<>(l, action));
        }
        return out;
    }

    static GoldAction parseGold(JsonNode n) {
        String tier = text(n, "tier");
        GoldAction.Tier t;
        try {
            t = tier == null ? GoldAction.Tier.CORE : GoldAction.Tier.valueOf(tier.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("tier '" + tier + "' is not core, minor or ignore");
        }
        return new GoldAction(required(n, "id"), t, date(n), required(n, "source"), required(n, "target"),
                required(n, "type"), count(n), strings(n, "articles", false), strings(n, "responds_to", false),
                text(n, "evidence"));
    }

    static PredictedAction parsePredicted(JsonNode n) {
        JsonNode c = n.get("confidence");
        if (c != null && !c.isNull() && !c.isNumber()) {
            throw new IllegalArgumentException("confidence " + c + " is not a number");
        }
        String chain = text(n, "chain_id");
        return new PredictedAction(required(n, "id"), date(n), required(n, "source"), required(n, "target"),
                required(n, "type"), count(n), strings(n, "responds_to", false), chain, strings(n, "articles", false),
                c == null || c.isNull() ? null : c.asDouble());
    }

    /** The "Predicted actions" JSON object for one prediction. */
    public static ObjectNode toJson(PredictedAction p) {
        ObjectNode o = JSON.createObjectNode();
        o.put("id", p.id());
        o.put("date", p.date().iso());
        o.put("date_precision", p.date().precision().name());
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

    /** The date at its written precision; a {@code date_precision} that says otherwise is an error. */
    private static FuzzyDate date(JsonNode n) {
        JsonNode v = n.get("date");
        FuzzyDate d;
        if (v == null || v.isNull()) {
            d = FuzzyDate.UNKNOWN;
        } else if (!v.isTextual() || !DATE.matcher(v.asText()).matches()) {
            throw new IllegalArgumentException("date " + v + " is not YYYY-MM-DD, YYYY-MM, YYYY, --MM or null");
        } else {
            try {
                d = FuzzyDate.parseIso(v.asText());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("date " + v + " is not a calendar date");
            }
        }
        JsonNode p = n.get("date_precision");
        if (p != null && !p.isNull()) {
            DatePrecision precision;
            try {
                precision = DatePrecision.valueOf(p.asText());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("date_precision " + p + " is not DAY, MONTH, YEAR or UNKNOWN");
            }
            if (precision != d.precision()) {
                throw new IllegalArgumentException("date_precision " + p + " does not match date " + v);
            }
        }
        return d;
    }

    private static Integer count(JsonNode n) {
        JsonNode v = n.get("count");
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.canConvertToExactIntegral() || !v.canConvertToInt()) {
            throw new IllegalArgumentException("count " + v + " is not a whole number");
        }
        return v.asInt();
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
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isTextual() && !v.isIntegralNumber()) {
            throw new IllegalArgumentException("field '" + f + "' is " + v + ", not a string");
        }
        return v.asText();
    }

    private static List<String> strings(JsonNode n, String f, boolean required) {
        JsonNode v = n.get(f);
        if (v == null || v.isNull()) {
            if (required) {
                throw new IllegalArgumentException("missing field '" + f + "'");
            }
            return List.of();
        }
        if (!v.isArray()) {
            throw new IllegalArgumentException("field '" + f + "' is " + v + ", not a list");
        }
        List<String> out = new ArrayList<>();
        for (JsonNode x : v) {
            if (!x.isTextual() && !x.isIntegralNumber()) {
                throw new IllegalArgumentException("field '" + f + "' holds " + x + ", not a string");
            }
            out.add(x.asText());
        }
        return out;
    }

    private interface Parser<T> {
        T parse(JsonNode n);
    }

    /** One non-blank line of a file, read as one JSON object. */
    private record Line(Path file, int number, String text) {
        <T> T read(Parser<T> parser) throws EvaluationFileException {
            JsonNode n;
            try {
                n = JSON.readTree(text);
            } catch (JsonProcessingException e) {
                throw error("not JSON (" + e.getOriginalMessage() + ")");
            }
            if (n == null || !n.isObject()) {
                throw error("not a JSON object");
            }
            try {
                return parser.parse(n);
            } catch (IllegalArgumentException e) {
                throw error(e.getMessage());
            }
        }

        void unique(Map<String, Integer> seen, String id) throws EvaluationFileException {
            Integer first = seen.putIfAbsent(id, number);
            if (first != null) {
                throw error("duplicate id '" + id + "' (first on line " + first + ")");
            }
        }

        EvaluationFileException error(String reason) {
            return new EvaluationFileException(file, number, reason);
        }
    }

    /** Lines decoded one by one, so that bytes that are not UTF-8 are reported on their line. */
    private static List<Line> lines(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        List<Line> out = new ArrayList<>();
        int number = 0;
        for (int start = 0; start < bytes.length; ) {
            int end = start;
            while (end < bytes.length && bytes[end] != '\n') {
                end++;
            }
            number++;
            String text;
            try {
                text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes, start, end - start)).toString();
            } catch (CharacterCodingException e) {
                throw new EvaluationFileException(file, number, "not UTF-8 text");
            }
            if (!text.isBlank()) {
                out.add(new Line(file, number, text));
            }
            start = end + 1;
        }
        return out;
    }
}
