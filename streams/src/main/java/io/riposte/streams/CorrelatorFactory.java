package io.riposte.streams;

import io.riposte.correlation.CorrelationStores;
import io.riposte.correlation.CorrelationUpdate;
import io.riposte.domain.ExtractedAction;
import java.util.function.Function;

/**
 * Makes the correlation step of one stream task over that task's stores. Each task has its own
 * stores (one per partition of the by-dyad topic), so each gets its own correlator.
 */
@FunctionalInterface
public interface CorrelatorFactory {

    /** One extracted action in, what it changed out. */
    Function<ExtractedAction, CorrelationUpdate> create(CorrelationStores stores);
}
