package io.riposte.json;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.riposte.domain.Action;
import io.riposte.domain.Alert;
import io.riposte.domain.Chain;
import io.riposte.domain.ChainStep;
import io.riposte.domain.DateBasis;
import io.riposte.domain.Evidence;
import io.riposte.domain.FuzzyDate;
import io.riposte.domain.Link;
import java.util.Collection;

/**
 * The one JSON form of Riposte's records, shared by every JSON output (query server, {@code dyads},
 * {@code extract}, alert JSON, exports) so that a consumer learns it once; docs/json-contract.md
 * describes it and {@code schemas/src/main/resources/json/} holds its JSON Schemas.
 *
 * <p>Keys are snake_case, ids are the Kafka keys, enums are the Avro symbols. A date named {@code X}
 * is written flat, the way the predictions of ../shared/EVALUATION.md already write {@code date}: {@code X} is the
 * string at its precision ({@code 2021-04-16}, {@code 2021-04}, {@code 2021}, {@code --09}) or null
 * when unknown, {@code X_precision} the precision, and only when they say something
 * {@code X_range_start}/{@code X_range_end} (ISO days), {@code X_basis} (absent = {@code STATED}) and
 * {@code X_note}. Flat rather than nested so that the prediction lines stay readable by the scorer.
 */
public final class JsonContract {
    private JsonContract() {}

    /** The mapper whose node factory every writer uses; plain Jackson, no naming magic. */
    public static final ObjectMapper MAPPER = new ObjectMapper();

    public static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    /** Writes the date {@code name} in the flat form described above. */
    public static ObjectNode putDate(ObjectNode o, String name, FuzzyDate date) {
        FuzzyDate d = date == null ? FuzzyDate.UNKNOWN : date;
        o.put(name, d.iso());
        o.put(name + "_precision", d.precision().name());
        if (d.hasRange()) {
            o.put(name + "_range_start", d.rangeStart().toString());
            o.put(name + "_range_end", d.rangeEnd().toString());
        }
        if (d.basis() != null && d.basis() != DateBasis.STATED) {
            o.put(name + "_basis", d.basis().name());
        }
        if (d.note() != null) {
            o.put(name + "_note", d.note());
        }
        return o;
    }

    public static ObjectNode putCount(ObjectNode o, Integer count) {
        if (count == null) {
            o.putNull("count");
        } else {
            o.put("count", count);
        }
        return o;
    }

    public static ArrayNode putStrings(ObjectNode o, String name, Collection<String> values) {
        ArrayNode a = o.putArray(name);
        values.forEach(a::add);
        return a;
    }

    /** An action after correlation; {@code responds_to} holds ids as in a prediction, {@code links} the reasons. */
    public static ObjectNode action(Action a) {
        ObjectNode o = object();
        o.put("id", a.id());
        o.put("dyad", a.dyad());
        o.put("source", a.source());
        o.put("target", a.target());
        o.put("type", a.type().name());
        putDate(o, "date", a.date());
        putCount(o, a.count());
        o.put("modality", a.modality().name());
        o.put("confidence", a.confidence());
        o.put("chain_id", a.chainId());
        putStrings(o, "responds_to", a.respondsTo().stream().map(Link::actionId).toList());
        ArrayNode links = o.putArray("links");
        for (Link l : a.respondsTo()) {
            links.addObject().put("action_id", l.actionId()).put("reason", l.reason().name()).put("confidence", l.confidence());
        }
        putStrings(o, "articles", a.articles());
        ArrayNode ev = o.putArray("evidence");
        for (Evidence e : a.evidence()) {
            ev.add(evidence(e));
        }
        o.put("evidence_total", a.evidenceTotal());
        return o;
    }

    /** One report of an action: where it was read and, when it gave one, the report's own date. */
    public static ObjectNode evidence(Evidence e) {
        ObjectNode report = object().put("article_id", e.articleId()).put("origin", e.origin())
                .put("sentence", e.sentence()).put("start", e.start()).put("end", e.end());
        if (e.date() != null) {
            // The action shows the most precise date its reports give; each report keeps its own.
            putDate(report, "date", e.date());
        }
        return report;
    }

    public static ObjectNode step(ChainStep s) {
        ObjectNode o = object();
        o.put("action_id", s.actionId());
        o.put("source", s.source());
        o.put("target", s.target());
        o.put("type", s.type().name());
        putDate(o, "date", s.date());
        putCount(o, s.count());
        putStrings(o, "responds_to", s.respondsTo());
        return o;
    }

    public static ObjectNode chain(Chain c) {
        ObjectNode o = object();
        o.put("id", c.id());
        o.put("dyad", c.dyad());
        o.put("status", c.status().name());
        o.put("escalation", c.escalation());
        putDate(o, "first_date", c.firstDate());
        putDate(o, "last_date", c.lastDate());
        ArrayNode steps = o.putArray("steps");
        c.steps().forEach(s -> steps.add(step(s)));
        return o;
    }

    public static ObjectNode alert(Alert a) {
        ObjectNode o = object();
        o.put("id", a.id());
        o.put("type", a.type().name());
        o.put("dyad", a.dyad());
        o.put("source", a.source());
        o.put("target", a.target());
        o.put("action_id", a.actionId());
        o.put("action_type", a.actionType() == null ? null : a.actionType().name());
        putCount(o, a.count());
        o.put("severity", a.severity());
        putDate(o, "action_date", a.actionDate());
        o.put("chain_id", a.chainId());
        if (a.chainStep() == null) {
            o.putNull("chain_step");
        } else {
            o.put("chain_step", a.chainStep());
        }
        o.put("provocation_id", a.provocationId());
        putStrings(o, "article_origins", a.articleOrigins());
        o.put("summary", a.summary());
        return o;
    }
}
