package io.riposte.streams;

import io.riposte.correlation.CorrelationSettings;
import io.riposte.correlation.CorrelationStores;
import io.riposte.correlation.Correlator;
import io.riposte.correlation.CorrelationUpdate;
import io.riposte.domain.ExtractedAction;
import java.util.function.Function;

/**
 * Makes the correlation step of each stream task: a {@link Correlator} over that task's stores, as a
 * function from mention to {@link CorrelationUpdate}. Each task has its own stores (one per partition of
 * the by-dyad topic), so each gets its own correlator; the topology takes a factory so tests can substitute
 * their own (other settings, one that fails).
 */
@FunctionalInterface
public interface CorrelatorFactory {

    /** One extracted action in, what it changed out. */
    Function<ExtractedAction, CorrelationUpdate> create(CorrelationStores stores);

    /** The correlation core ({@link Correlator}) with these settings. */
    static CorrelatorFactory of(CorrelationSettings settings) {
        return stores -> new Correlator(settings, stores)::add;
    }

    /** The correlation core with its default settings. */
    static CorrelatorFactory standard() {
        return of(CorrelationSettings.defaults());
    }
}
