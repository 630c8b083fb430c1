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
        SortedStore<String> index) {}
