package io.riposte.correlation;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A persistent sorted map, the only state correlation keeps. Keys compare as Java strings (they
 * are ASCII, so that is also UTF-8 byte order, as in RocksDB). Kafka Streams backs it with a
 * persistent KeyValueStore; tests and the command line back it with a TreeMap.
 */
public interface SortedStore<V> {

    V get(String key);

    void put(String key, V value);

    void delete(String key);

    /** Entries with {@code from <= key < to}, in key order. */
    List<Map.Entry<String, V>> range(String from, String to);

    /**
     * Puts each present value and deletes each key whose value is empty, in the map's order. Stores that write
     * a batch in one call (RocksDB's write batch: one native call and one write path instead of one per key)
     * override this.
     */
    default void writeAll(Map<String, Optional<V>> changes) {
        changes.forEach((k, v) -> {
            if (v.isPresent()) {
                put(k, v.get());
            } else {
                delete(k);
            }
        });
    }

    /** Whether some key is within {@code from <= key < to}. Stores that can stop at the first entry should override this. */
    default boolean hasAny(String from, String to) {
        return !range(from, to).isEmpty();
    }
}
