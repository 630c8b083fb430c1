package io.riposte.streams.state;

import io.riposte.correlation.SortedStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * A Kafka Streams {@link KeyValueStore} seen as the correlation core's {@link SortedStore}.
 *
 * <p>Kafka's {@code range(from, to)} includes {@code to}; the contract here excludes it, so the
 * upper bound is dropped when it comes back. Keys are ASCII, so the store's byte order (String
 * serde, UTF-8) is the same as Java's string order.
 */
public final class KeyValueSortedStore<V> implements SortedStore<V> {
    private final KeyValueStore<String, V> store;

    public KeyValueSortedStore(KeyValueStore<String, V> store) {
        this.store = store;
    }

    @Override
    public V get(String key) {
        return store.get(key);
    }

    @Override
    public void put(String key, V value) {
        if (value == null) {
            throw new IllegalArgumentException("null value for key '" + key + "': use delete");
        }
        store.put(key, value);
    }

    @Override
    public void delete(String key) {
        store.delete(key);
    }

    /** One {@code putAll}: Kafka's RocksDB store writes it as one write batch (a null value is a delete). */
    @Override
    public void writeAll(Map<String, Optional<V>> changes) {
        if (changes.isEmpty()) {
            return;
        }
        List<KeyValue<String, V>> entries = new ArrayList<>(changes.size());
        changes.forEach((k, v) -> entries.add(KeyValue.pair(k, v.orElse(null))));
        store.putAll(entries);
    }

    @Override
    public List<Map.Entry<String, V>> range(String from, String to) {
        List<Map.Entry<String, V>> out = new ArrayList<>();
        // Kafka logs a warning and returns nothing for from > to; an empty interval is simply empty.
        if (from.compareTo(to) >= 0) {
            return out;
        }
        try (KeyValueIterator<String, V> it = store.range(from, to)) {
            while (it.hasNext()) {
                KeyValue<String, V> kv = it.next();
                if (!kv.key.equals(to)) {
                    out.add(Map.entry(kv.key, kv.value));
                }
            }
        }
        return out;
    }

    /** Stops at the first key, and reads no value: the correlator only asks whether an index range is empty. */
    @Override
    public boolean hasAny(String from, String to) {
        if (from.compareTo(to) >= 0) {
            return false;
        }
        try (KeyValueIterator<String, V> it = store.range(from, to)) {
            return it.hasNext() && !it.peekNextKey().equals(to);
        }
    }
}
