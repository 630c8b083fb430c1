package io.riposte.streams;

import io.riposte.avro.ActionMention;
import io.riposte.correlation.CorrelationSettings;
import io.riposte.correlation.CorrelationStores;
import io.riposte.correlation.Correlator;
import io.riposte.correlation.CrossDyadLinks;
import io.riposte.correlation.SortedStore;
import io.riposte.domain.Action;
import io.riposte.domain.ActionType;
import io.riposte.domain.Evidence;
import io.riposte.domain.ExtractedAction;
import io.riposte.domain.Link;
import io.riposte.domain.LinkReason;
import io.riposte.mapping.AvroMapping;
import io.riposte.streams.state.KeyValueSortedStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The cross-dyad round trip of one stream task (see {@link RiposteTopology}), like a foreign-key join: an answering
 * mention's cue ("C expelled A's diplomats in solidarity with B") travels, keyed by the answered dyad A-B, to the task
 * that owns A-B, which keeps it ({@value RiposteTopology#STORE_CROSS_DYAD_CUES}) and resolves it on its actions
 * whenever that dyad changes; each new resolution travels back, keyed by the answering dyad C-A, to the task that owns
 * C-A, which keeps it ({@value RiposteTopology#STORE_CROSS_DYAD_LINKS}) and adds its link to the answering action it
 * emits. Both halves are {@link CrossDyadLinks}, the functions batch correlation runs, so the topic holds what
 * {@code riposte extract --correlate} prints, whatever the order the records arrive in.
 *
 * <p>Keys: {@code cues}: {@code answeredDyad|mentionId -> mention}; {@code links}: {@code sent|answeredDyad|mentionId}
 * -> the resolution last sent (nothing is sent again unchanged) and {@code got|answeringDyad|mentionId} -> the
 * resolution received. A resolution on the wire is one line: {@code mentionId TAB articleId TAB start TAB type TAB
 * actionId TAB confidence}, the last two empty when no act fits (yet).
 */
final class CrossDyadState {
    private static final String SENT = "sent|";

    private final KeyValueStore<String, ExtractedAction> cues;
    private final KeyValueStore<String, String> links;
    private final SortedStore<Action> actions;
    private final CorrelationSettings settings;
    /** Reads an action's reports beyond those it carries (see {@link ShownActions#shown}); null where none is shown. */
    private final Correlator reports;

    /** The state of a task that resolves cues only (it shows no action). */
    CrossDyadState(ProcessorContext<?, ?> context, CorrelationSettings settings) {
        this(context, settings, null);
    }

    /** The state of a task that shows actions, whose reports it reads from {@code correlation} (nothing written). */
    CrossDyadState(ProcessorContext<?, ?> context, CorrelationSettings settings, CorrelationStores correlation) {
        this.cues = context.getStateStore(RiposteTopology.STORE_CROSS_DYAD_CUES);
        this.links = context.getStateStore(RiposteTopology.STORE_CROSS_DYAD_LINKS);
        this.actions = new KeyValueSortedStore<>(context.getStateStore(RiposteTopology.STORE_ACTIONS));
        this.settings = settings;
        this.reports = correlation == null ? null : new Correlator(settings, correlation, 0);
    }

    /** A task's correlation stores as the processor sees them, unbuffered. */
    static CorrelationStores storesOf(ProcessorContext<?, ?> context) {
        return new CorrelationStores(new KeyValueSortedStore<>(context.getStateStore(RiposteTopology.STORE_MENTIONS)),
                new KeyValueSortedStore<>(context.getStateStore(RiposteTopology.STORE_ACTIONS)),
                new KeyValueSortedStore<>(context.getStateStore(RiposteTopology.STORE_CHAINS)),
                new KeyValueSortedStore<>(context.getStateStore(RiposteTopology.STORE_INDEX)));
    }

    /** A resolution to send to the answering dyad's task: the record's key and value. */
    record Outgoing(String answeringDyad, String value) {}

    /** Keeps an answering mention's cue where its answered dyad lives and resolves it; what to send, if anything. */
    List<Outgoing> subscribe(String answeredDyad, ActionMention mention) {
        ExtractedAction answer = AvroMapping.toDomain(mention);
        if (answer.crossDyad() == null || !answer.crossDyad().dyad().equals(answeredDyad)) {
            throw new IllegalArgumentException("mention " + answer.id() + " answers no act of " + answeredDyad);
        }
        cues.put(answeredDyad + "|" + answer.id(), answer);
        List<Outgoing> out = new ArrayList<>();
        resolve(answeredDyad, answer, out);
        return out;
    }

    /** After the answered dyad changed: the resolutions of the cues waiting on it that changed. */
    List<Outgoing> resolveWaiting(String answeredDyad) {
        List<Outgoing> out = new ArrayList<>();
        try (var it = cues.range(answeredDyad + "|", answeredDyad + "}")) {
            it.forEachRemaining(kv -> resolve(answeredDyad, kv.value, out));
        }
        return out;
    }

    private void resolve(String answeredDyad, ExtractedAction answer, List<Outgoing> out) {
        String value = encode(CrossDyadLinks.resolve(answer, actions, settings));
        String key = SENT + answeredDyad + "|" + answer.id();
        if (!value.equals(links.get(key))) {
            links.put(key, value);
            out.add(new Outgoing(answer.dyad(), value));
        }
    }

    /** Keeps a resolution received for one of this task's answering mentions. */
    void receive(String answeringDyad, String value) {
        CrossDyadLinks.Resolved r = decode(value);
        links.put(ShownActions.receivedFrom(answeringDyad) + r.mentionId(), value);
    }

    /** The dyad's actions that the received resolutions of its mentions may change (those that hold such a mention). */
    List<Action> answering(String answeringDyad) {
        List<String> received = received(answeringDyad);
        List<Action> out = new ArrayList<>();
        for (Map.Entry<String, Action> e : actions.range(answeringDyad + "|", answeringDyad + "}")) {
            out.add(ShownActions.shown(e.getValue(), received, a -> withAllReports(e.getKey(), a)));
        }
        return out;
    }

    /** The action stored under {@code key} as the topic shows it: with the links its mentions' cross-dyad cues resolved to. */
    Action overlay(String key, Action action) {
        return ShownActions.shown(action, received(action.dyad()), a -> withAllReports(key, a));
    }

    private Action withAllReports(String key, Action a) {
        List<Evidence> all = reports == null ? null : reports.allEvidence(key, a);
        if (all == null) {
            throw new IllegalStateException("the reports of action " + a.id() + " under " + key + " cannot be read back");
        }
        return a.withAllEvidence(all);
    }

    private List<String> received(String answeringDyad) {
        List<String> out = new ArrayList<>();
        try (var it = links.range(ShownActions.receivedFrom(answeringDyad), ShownActions.receivedEnd(answeringDyad))) {
            it.forEachRemaining(kv -> out.add(kv.value));
        }
        return out;
    }

    static String encode(CrossDyadLinks.Resolved r) {
        for (String field : List.of(r.mentionId(), r.articleId())) {
            if (field.indexOf('\t') >= 0 || field.indexOf('\n') >= 0) {
                throw new IllegalArgumentException("a cross-dyad resolution cannot carry a tab or a line break: '" + field + "'");
            }
        }
        Link l = r.link();
        return String.join("\t", r.mentionId(), r.articleId(), Integer.toString(r.start()), r.type().name(),
                l == null ? "" : l.actionId(), l == null ? "" : Double.toString(l.confidence()));
    }

    static CrossDyadLinks.Resolved decode(String value) {
        String[] f = Objects.requireNonNull(value, "cross-dyad resolution").split("\t", -1);
        if (f.length != 6) {
            throw new IllegalArgumentException("not a cross-dyad resolution (6 tab-separated fields): '" + value + "'");
        }
        Link link = f[4].isEmpty() ? null : new Link(f[4], LinkReason.EXPLICIT_CUE, Double.parseDouble(f[5]));
        return new CrossDyadLinks.Resolved(f[0], f[1], Integer.parseInt(f[2]), ActionType.valueOf(f[3]), link);
    }
}
