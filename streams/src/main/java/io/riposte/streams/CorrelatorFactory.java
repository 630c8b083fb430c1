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

    /** The settings of the correlators it makes: cross-dyad answers resolve with the same link window. */
    default CorrelationSettings settings() {
        return CorrelationSettings.defaults();
    }

    /** The correlation core ({@link Correlator}) with these settings. */
    static CorrelatorFactory of(CorrelationSettings settings) {
        return new CorrelatorFactory() {
            @Override
            public Function<ExtractedAction, CorrelationUpdate> create(CorrelationStores stores) {
                return new Correlator(settings, stores)::add;
            }

            @Override
            public CorrelationSettings settings() {
                return settings;
            }
        };
    }

    /** The correlation core with its default settings. */
    static CorrelatorFactory standard() {
        return of(CorrelationSettings.defaults());
    }
}
