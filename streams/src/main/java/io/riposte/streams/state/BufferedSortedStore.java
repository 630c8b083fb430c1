package io.riposte.streams.state;

import io.riposte.correlation.SortedStore;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Holds the writes of one correlation step in memory until {@link #commit()}.
 *
 * <p>Kafka Streams has no transactional state stores (KIP-892), so when the correlator fails half
 * way through a record, the writes it already made would stay in the store while the record goes
 * to the dead-letter topic. Buffering makes a step all or nothing: {@link #rollback()} forgets it.
 * Reads see the buffer first, so the correlator observes its own writes.
 *
 * <p>It may also keep the last values point reads found in the store ({@link #BufferedSortedStore(SortedStore,
 * int)}): the correlator reads the same few index entries of an episode over and over (18 reads of mention
 * entries per mention late in a long replay), and each read of a RocksDB store is a native call, a metered
 * store layer and a decode. The kept values (of keys read or written last) are what the store holds, since this buffer is the only writer
 * of its store while its task runs: {@link #commit()} writes them through, {@link #rollback()} leaves them
 * as they are, and a new processor (a revived or migrated task) starts with none.
 */
public final class BufferedSortedStore<V> implements SortedStore<V> {
    private final SortedStore<V> delegate;
    /** Pending writes; an empty Optional is a pending delete. */
    private final TreeMap<String, Optional<V>> pending = new TreeMap<>();

    /** Values point reads found in the store (empty: no value), least recently used first; null when none are kept. */
    private final LinkedHashMap<String, Optional<V>> read;
    private final int readCapacity;
    /**
     * The store's answers to the range reads of this step, by bounds: the store changes only at {@link #commit()},
     * and one insert reads some ranges several times (the following index of a report for each place it is
     * looked up in), each a RocksDB iterator opened again.
     */
    private final Map<List<String>, List<Map.Entry<String, V>>> stepRanges = new HashMap<>();
    /** The store's answers to the point reads of this step where no values are kept across steps. */
    private final Map<String, Optional<V>> stepReads = new HashMap<>();

    public BufferedSortedStore(SortedStore<V> delegate) {
        this(delegate, 0);
    }

    /** @param cachedReads how many keys' stored values point reads keep (0: none, every read goes to the store) */
    public BufferedSortedStore(SortedStore<V> delegate, int cachedReads) {
        if (cachedReads < 0) {
            throw new IllegalArgumentException("cachedReads must be >= 0: " + cachedReads);
        }
        this.delegate = delegate;
        this.readCapacity = cachedReads;
        this.read = cachedReads == 0 ? null : new LinkedHashMap<>(1024, 0.75f, true);
    }

    @Override
    public V get(String key) {
        Optional<V> p = pending.get(key);
        if (p != null) {
            return p.orElse(null);
        }
        if (read == null) {
            // within a step the store does not change: a key read again (a report looked up for each region and
            // cue that names it) is not read from RocksDB again
            return stepReads.computeIfAbsent(key, k -> Optional.ofNullable(delegate.get(k))).orElse(null);
        }
        Optional<V> kept = read.get(key);
        if (kept == null) {
            kept = Optional.ofNullable(delegate.get(key));
            keep(key, kept);
        }
        return kept.orElse(null);
    }

    private void keep(String key, Optional<V> value) {
        read.put(key, value);
        if (read.size() > readCapacity) {
            Iterator<String> eldest = read.keySet().iterator();
            eldest.next();
            eldest.remove();
        }
    }

    @Override
    public void put(String key, V value) {
        if (value == null) {
            throw new IllegalArgumentException("null value for key '" + key + "': use delete");
        }
        pending.put(key, Optional.of(value));
    }

    @Override
    public void delete(String key) {
        pending.put(key, Optional.empty());
    }

    @Override
    public List<Map.Entry<String, V>> range(String from, String to) {
        if (from.compareTo(to) >= 0) {
            return List.of();
        }
        List<Map.Entry<String, V>> stored = stepRanges.computeIfAbsent(List.of(from, to), k -> List.copyOf(delegate.range(from, to)));
        Map<String, Optional<V>> overlay = pending.subMap(from, true, to, false);
        if (overlay.isEmpty()) {
            return new ArrayList<>(stored); // the caller's to change
        }
        TreeMap<String, V> merged = new TreeMap<>();
        for (Map.Entry<String, V> e : stored) {
            merged.put(e.getKey(), e.getValue());
        }
        overlay.forEach((k, v) -> {
            if (v.isPresent()) {
                merged.put(k, v.get());
            } else {
                merged.remove(k);
            }
        });
        List<Map.Entry<String, V>> out = new ArrayList<>(merged.size());
        merged.forEach((k, v) -> out.add(Map.entry(k, v)));
        return out;
    }

    @Override
    public boolean hasAny(String from, String to) {
        if (from.compareTo(to) >= 0) {
            return false;
        }
        Map<String, Optional<V>> overlay = pending.subMap(from, true, to, false);
        if (overlay.isEmpty()) {
            return delegate.hasAny(from, to);
        }
        if (overlay.values().stream().anyMatch(Optional::isPresent)) {
            return true;
        }
        // Only pending deletes here: whether they empty the range depends on what the store holds.
        return !range(from, to).isEmpty();
    }

    /** The values this step puts, by key (not its deletes), before {@link #commit()}. */
    public Map<String, V> pendingPuts() {
        Map<String, V> out = new TreeMap<>();
        pending.forEach((k, v) -> v.ifPresent(value -> out.put(k, value)));
        return out;
    }

    /** Writes the pending changes through, in key order, in one batch. */
    public void commit() {
        if (!pending.isEmpty()) {
            delegate.writeAll(pending);
        }
        if (read != null) {
            pending.forEach(this::keep); // a key just written is read again soon (its episode's next insert)
        }
        pending.clear();
        stepRanges.clear();
        stepReads.clear();
    }

    public void rollback() {
        pending.clear();
        stepRanges.clear();
        stepReads.clear();
    }

    public boolean hasPendingWrites() {
        return !pending.isEmpty();
    }
}
