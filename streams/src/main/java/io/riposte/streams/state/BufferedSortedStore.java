package io.riposte.streams.state;

import io.riposte.correlation.SortedStore;
import java.util.ArrayList;
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
 */
public final class BufferedSortedStore<V> implements SortedStore<V> {
    private final SortedStore<V> delegate;
    /** Pending writes; an empty Optional is a pending delete. */
    private final TreeMap<String, Optional<V>> pending = new TreeMap<>();

    public BufferedSortedStore(SortedStore<V> delegate) {
        this.delegate = delegate;
    }

    @Override
    public V get(String key) {
        Optional<V> p = pending.get(key);
        return p != null ? p.orElse(null) : delegate.get(key);
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
        Map<String, Optional<V>> overlay = pending.subMap(from, true, to, false);
        if (overlay.isEmpty()) {
            return delegate.range(from, to);
        }
        TreeMap<String, V> merged = new TreeMap<>();
        for (Map.Entry<String, V> e : delegate.range(from, to)) {
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

    /** Writes the pending changes through, in key order. */
    public void commit() {
        pending.forEach((k, v) -> {
            if (v.isPresent()) {
                delegate.put(k, v.get());
            } else {
                delegate.delete(k);
            }
        });
        pending.clear();
    }

    public void rollback() {
        pending.clear();
    }

    public boolean hasPendingWrites() {
        return !pending.isEmpty();
    }
}
