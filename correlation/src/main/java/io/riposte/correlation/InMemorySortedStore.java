package io.riposte.correlation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/** A {@link SortedStore} on a TreeMap: for tests, the command line and batch evaluation. Not thread-safe. */
public final class InMemorySortedStore<V> implements SortedStore<V> {

    private final TreeMap<String, V> map = new TreeMap<>();

    @Override
    public V get(String key) {
        return map.get(Objects.requireNonNull(key, "key"));
    }

    @Override
    public void put(String key, V value) {
        map.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value (use delete)"));
    }

    @Override
    public void delete(String key) {
        map.remove(Objects.requireNonNull(key, "key"));
    }

    @Override
    public List<Map.Entry<String, V>> range(String from, String to) {
        if (from.compareTo(to) >= 0) {
            return List.of();
        }
        List<Map.Entry<String, V>> out = new ArrayList<>();
        for (Map.Entry<String, V> e : map.subMap(from, true, to, false).entrySet()) {
            out.add(Map.entry(e.getKey(), e.getValue()));
        }
        return out;
    }

    @Override
    public boolean hasAny(String from, String to) {
        String first = map.ceilingKey(Objects.requireNonNull(from, "from"));
        return first != null && first.compareTo(to) < 0;
    }

    public int size() {
        return map.size();
    }

    /** A copy of every entry, in key order. */
    public TreeMap<String, V> snapshot() {
        return new TreeMap<>(map);
    }

    public static CorrelationStores newStores() {
        return new CorrelationStores(new InMemorySortedStore<>(), new InMemorySortedStore<>(),
                new InMemorySortedStore<>(), new InMemorySortedStore<>());
    }
}
