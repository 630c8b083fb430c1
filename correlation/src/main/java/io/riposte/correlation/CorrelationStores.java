package io.riposte.correlation;

import io.riposte.domain.Action;
import io.riposte.domain.Chain;
import io.riposte.domain.ExtractedAction;

/**
 * The four key-value stores a {@link Correlator} keeps its state in (RocksDB in the topology, in memory
 * in batch); the key layout inside them belongs to the correlation core (composite keys such as
 * {@code dyad|day|id}, scanned by range).
 *
 * @param mentions every extracted action received, the input of recomputation
 * @param actions the merged actions last emitted, to emit only changes and tombstone what vanished
 * @param chains the chains last emitted
 * @param index the correlator's general index, by key prefix (see {@link Keys}): alerts already
 *     emitted ({@code alert|}), mentions by id with the alert types already announced for their action
 *     ({@code mid|}, so each change of state is announced once), who cites whom ({@code ref|}), undated mentions and their anchors
 *     ({@code anc|}, {@code flo|}, {@code fanc|}, {@code fat|}) and each dyad's latest day ({@code meta|})
 */
public record CorrelationStores(
        SortedStore<ExtractedAction> mentions,
        SortedStore<Action> actions,
        SortedStore<Chain> chains,
        SortedStore<String> index) {
    /**
     * Alert markers of the layout before they moved into the mention's {@code mid|} entry: an index that still
     * holds them was written by an earlier Riposte, whose announced alerts this one would not see.
     */
    private static final String RETIRED_MARKERS = "mark|";

    /**
     * Refuses stores written in a key layout this correlator does not read, before it reads anything: it would
     * otherwise announce again the alerts they record as announced.
     *
     * @throws IllegalStateException naming the layout and the way out
     */
    public void requireCurrentLayout() {
        if (index.hasAny(RETIRED_MARKERS, RETIRED_MARKERS + Character.MAX_VALUE)) {
            throw new IllegalStateException("the correlation index holds alert markers under 'mark|' keys, the layout "
                    + "of a Riposte before the markers moved into the mention's 'mid|' entry: this version would announce "
                    + "again the alerts they record. Reset the application (riposte reset, then start with an empty "
                    + "state dir; docs/operations.md, \"Resets\") so it rebuilds its stores from the articles");
        }
    }
}
