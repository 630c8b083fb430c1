package io.riposte.correlation;

import io.riposte.domain.Action;
import io.riposte.domain.Chain;
import io.riposte.domain.ExtractedAction;
import java.util.List;
import java.util.Map;

/**
 * A {@link SortedStore} in memory that counts what passes through it: entries handed out (a point
 * read, or each entry of a range plus the seek) and entries written (puts and deletes, which is what a
 * changelogged store sends to its changelog topic). The structural measure of correlation's cost,
 * independent of the machine's load: tests and benchmarks compare these counts, not times.
 */
public final class CountingSortedStore<V> implements SortedStore<V> {

    /** The four correlation stores, each counting. */
    public record Counted(CountingSortedStore<ExtractedAction> mentions, CountingSortedStore<Action> actions,
            CountingSortedStore<Chain> chains, CountingSortedStore<String> index) {

        public CorrelationStores stores() {
            return new CorrelationStores(mentions, actions, chains, index);
        }

        public long reads() {
            return mentions.reads + actions.reads + chains.reads + index.reads;
        }

        public long writes() {
            return mentions.writes + actions.writes + chains.writes + index.writes;
        }

        /** Ends one step (one {@code add}) of all four stores: see {@link CountingSortedStore#endStep}. */
        public void endStep() {
            mentions.endStep();
            actions.endStep();
            chains.endStep();
            index.endStep();
        }

        public long records() {
            return mentions.records + actions.records + chains.records + index.records;
        }
    }

    /**
     * Stores whose payload counts are the evidence items of actions and the steps of chains: on RocksDB
     * each is decoded on a read and encoded on a write (the Avro store serde), the cost of a large action
     * that the in-memory stores do not show.
     */
    public static Counted newStores() {
        return new Counted(new CountingSortedStore<>(), new CountingSortedStore<>(a -> a.evidence().size()),
                new CountingSortedStore<>(c -> c.steps().size()), new CountingSortedStore<>());
    }

    private final InMemorySortedStore<V> inner = new InMemorySortedStore<>();
    private final java.util.function.ToIntFunction<V> weight;
    private long reads;
    private long writes;
    private long payloadRead;
    private long payloadWritten;
    /** Keys written in the current step; {@link #records} counts them at its end. */
    private final java.util.Set<String> stepKeys = new java.util.HashSet<>();
    private long records;
    private final java.util.TreeMap<String, Long> recordsByKind = new java.util.TreeMap<>();

    public CountingSortedStore() {
        this(v -> 1);
    }

    /** @param weight the payload of one value (see {@link #payloadRead}) */
    public CountingSortedStore(java.util.function.ToIntFunction<V> weight) {
        this.weight = weight;
    }

    /** The payload of the values handed out (see {@link #newStores}; 1 per value unless weighed). */
    public long payloadRead() {
        return payloadRead;
    }

    /** The payload of the values written. */
    public long payloadWritten() {
        return payloadWritten;
    }

    public long reads() {
        return reads;
    }

    public long writes() {
        return writes;
    }

    /**
     * Ends a step: each key written in it counts as one record. The topology buffers a step's writes and
     * writes each key once (a put after a put of the same key in one step is one changelog record), so
     * this, not {@link #writes}, is what its changelog receives.
     */
    public void endStep() {
        records += stepKeys.size();
        for (String k : stepKeys) {
            int bar = k.indexOf('|');
            recordsByKind.merge(bar < 0 ? k : k.substring(0, bar + 1), 1L, Long::sum);
        }
        stepKeys.clear();
    }

    /** The changelog records of the steps ended so far (see {@link #endStep}). */
    public long records() {
        return records;
    }

    /** {@link #records} by the key's first field ({@code mid|}, {@code anc|}, or a dyad's for the main stores). */
    public java.util.SortedMap<String, Long> recordsByKind() {
        return java.util.Collections.unmodifiableSortedMap(recordsByKind);
    }

    /** A copy of every entry, in key order (not counted). */
    public java.util.TreeMap<String, V> snapshot() {
        return inner.snapshot();
    }

    @Override
    public V get(String key) {
        reads++;
        V v = inner.get(key);
        payloadRead += v == null ? 0 : weight.applyAsInt(v);
        return v;
    }

    @Override
    public void put(String key, V value) {
        writes++;
        stepKeys.add(key);
        payloadWritten += weight.applyAsInt(value);
        inner.put(key, value);
    }

    @Override
    public void delete(String key) {
        writes++;
        stepKeys.add(key);
        inner.delete(key);
    }

    @Override
    public List<Map.Entry<String, V>> range(String from, String to) {
        List<Map.Entry<String, V>> r = inner.range(from, to);
        reads += r.size() + 1;
        for (Map.Entry<String, V> e : r) {
            payloadRead += weight.applyAsInt(e.getValue());
        }
        return r;
    }

    @Override
    public boolean hasAny(String from, String to) {
        reads++;
        return inner.hasAny(from, to);
    }
}
