package io.riposte.cli.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.riposte.domain.Action;
import io.riposte.domain.Chain;
import io.riposte.domain.Evidence;
import io.riposte.json.JsonContract;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;

/**
 * The export forms of actions and chains. {@code jsonl} is the JSON contract as is; {@code csv} flattens
 * it to fixed columns (lists joined with {@code ;}, evidence and link reasons left to the JSON forms);
 * {@code plover} writes one action per line under the field names of the PLOVER event-data records
 * ({@code id}, {@code date}, {@code source} and {@code target} as lists of {@code {"code": ...}},
 * {@code event}, {@code mode}, {@code text}, {@code coder}), the rest under Riposte's own snake_case names.
 */
public enum ExportFormat {
    JSONL, CSV, PLOVER;

    static final List<String> ACTION_COLUMNS = List.of("id", "dyad", "source", "target", "type", "event", "mode", "cameo",
            "date", "date_precision", "date_range_start", "date_range_end", "date_basis", "count", "modality", "confidence",
            "chain_id", "responds_to", "articles");
    static final List<String> CHAIN_COLUMNS = List.of("id", "dyad", "status", "escalation", "first_date", "first_date_precision",
            "last_date", "last_date_precision", "steps", "action_ids");

    public static ExportFormat parse(String s) {
        try {
            return valueOf(s.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--format wants plover, jsonl or csv, got '" + s + "'");
        }
    }

    /** The first line of the output, or null when the format has none. */
    public String header(boolean chains) {
        return this == CSV ? String.join(",", chains ? CHAIN_COLUMNS : ACTION_COLUMNS) : null;
    }

    public String action(Action a) {
        return switch (this) {
            case JSONL -> JsonContract.action(a).toString();
            case CSV -> csv(withPlover(JsonContract.action(a), a), ACTION_COLUMNS);
            case PLOVER -> plover(a).toString();
        };
    }

    public String chain(Chain c) {
        return switch (this) {
            case JSONL -> JsonContract.chain(c).toString();
            case CSV -> {
                ObjectNode o = JsonContract.chain(c);
                o.put("action_ids", String.join(";", c.steps().stream().map(s -> s.actionId()).toList()));
                o.put("steps", c.steps().size());
                yield csv(o, CHAIN_COLUMNS);
            }
            case PLOVER -> throw new IllegalArgumentException(
                    "PLOVER records are events: export chains with --format jsonl or csv (their steps name the actions)");
        };
    }

    private static ObjectNode withPlover(ObjectNode o, Action a) {
        o.put("event", a.type().ploverType());
        o.put("mode", a.type().ploverMode());
        o.put("cameo", a.type().cameo());
        return o;
    }

    static ObjectNode plover(Action a) {
        ObjectNode o = JsonContract.object();
        o.put("id", a.id());
        JsonContract.putDate(o, "date", a.date());
        o.putArray("source").addObject().put("code", a.source());
        o.putArray("target").addObject().put("code", a.target());
        o.put("event", a.type().ploverType());
        o.put("mode", a.type().ploverMode());
        o.put("text", a.evidence().stream().map(Evidence::sentence).findFirst().orElse(null));
        o.put("coder", "riposte");
        o.put("type", a.type().name());
        o.put("cameo", a.type().cameo());
        JsonContract.putCount(o, a.count());
        o.put("modality", a.modality().name());
        o.put("confidence", a.confidence());
        o.put("chain_id", a.chainId());
        JsonContract.putStrings(o, "responds_to", a.respondsTo().stream().map(l -> l.actionId()).toList());
        JsonContract.putStrings(o, "articles", a.articles());
        return o;
    }

    static String csv(ObjectNode o, List<String> columns) {
        List<String> cells = new ArrayList<>();
        for (String c : columns) {
            cells.add(cell(o.get(c)));
        }
        return String.join(",", cells);
    }

    private static String cell(JsonNode v) {
        if (v == null || v.isNull()) {
            return "";
        }
        String s;
        if (v.isArray()) {
            List<String> parts = new ArrayList<>();
            for (Iterator<JsonNode> it = ((ArrayNode) v).elements(); it.hasNext(); ) {
                parts.add(it.next().asText());
            }
            s = String.join(";", parts);
        } else {
            s = v.asText();
        }
        // RFC 4180: quote a cell holding a separator, a quote or a line break; double the quotes.
        if (s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0) {
            return '"' + s.replace("\"", "\"\"") + '"';
        }
        return s;
    }
}
