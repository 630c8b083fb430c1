package io.riposte.correlation;

import io.riposte.domain.Action;
import io.riposte.domain.Alert;
import io.riposte.domain.Chain;
import io.riposte.domain.ExtractedAction;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Correlates a whole list of mentions at once and returns the final actions, chains and alerts: the
 * entry point of the command line ({@code riposte extract --correlate}), evaluation and tests. It feeds
 * the mentions one by one to the same {@link Correlator} the topology runs, on in-memory stores, so
 * both share one core.
 */
public final class BatchCorrelation {

    private BatchCorrelation() {}

    /**
     * The final picture of a set of mentions.
     *
     * @param actions every action, by id
     * @param chains every chain, by id
     * @param alerts every alert emitted while adding the mentions in the given order (alerts, unlike
     *     actions and chains, depend on arrival order: they announce changes)
     */
    public record Result(List<Action> actions, List<Chain> chains, List<Alert> alerts) {
        public Result {
            actions = List.copyOf(actions);
            chains = List.copyOf(chains);
            alerts = List.copyOf(alerts);
        }
    }

    public static Result correlateAll(List<ExtractedAction> mentions, CorrelationSettings settings) {
        Objects.requireNonNull(mentions, "mentions");
        CorrelationStores stores = InMemorySortedStore.newStores();
        Correlator correlator = new Correlator(settings, stores);
        List<Alert> alerts = new ArrayList<>();
        for (ExtractedAction m : mentions) {
            alerts.addAll(correlator.add(m).alerts());
        }
        // Cross-dyad answers last: each resolves on its answered dyad's final actions, as the topology's
        // answered task resolves it on its own store whenever that dyad changes.
        // A mention given again with new content replaces the old one there too: the last one counts.
        Map<String, CrossDyadLinks.Resolved> resolved = new LinkedHashMap<>();
        for (ExtractedAction m : mentions) {
            resolved.remove(m.id());
            if (m.crossDyad() != null) {
                resolved.put(m.id(), CrossDyadLinks.resolve(m, stores.actions(), settings));
            }
        }
        List<Action> actions = new ArrayList<>();
        for (Map.Entry<String, Action> e : stores.actions().range("", "\uffff")) {
            Action a = e.getValue();
            actions.add(resolved.isEmpty() ? a : CrossDyadLinks.apply(a, resolved.values(),
                    x -> x.withAllEvidence(correlator.allEvidence(e.getKey(), x))));
        }
        actions.sort(Comparator.comparing(Action::id));
        return new Result(actions, all(stores.chains(), Chain::id), alerts);
    }

    public static Result correlateAll(List<ExtractedAction> mentions) {
        return correlateAll(mentions, CorrelationSettings.defaults());
    }

    private static <V> List<V> all(SortedStore<V> store, java.util.function.Function<V, String> id) {
        List<V> out = new ArrayList<>();
        for (Map.Entry<String, V> e : store.range("", "\uffff")) {
            out.add(e.getValue());
        }
        out.sort(Comparator.comparing(id));
        return out;
    }
}
