package io.riposte.topics;

import java.util.Map;

/**
 * A topic Riposte creates up front, with what its records are.
 *
 * @param partitions the partition count it is created with
 * @param configs topic configs set at creation
 * @param key what the record key holds
 * @param value the value schema (Avro record name) or format
 * @param anyExistingPartitions whether a topic that already exists with another partition count is used as it is:
 *     true only where no state or compaction depends on which partition a key lands on, so the count decides
 *     how many tasks can work at once and nothing else
 */
public record TopicSpec(String name, int partitions, Map<String, String> configs, String key, String value,
        boolean anyExistingPartitions) {
    public TopicSpec {
        configs = Map.copyOf(configs);
    }

    /** A topic whose partition count is part of its contract (keys must stay on their partitions). */
    public TopicSpec(String name, int partitions, Map<String, String> configs, String key, String value) {
        this(name, partitions, configs, key, value, false);
    }

    public boolean compacted() {
        return "compact".equals(configs.get("cleanup.policy"));
    }

    /** The same topic behind {@code prefix}. */
    TopicSpec prefixed(String prefix) {
        return new TopicSpec(prefix + name, partitions, configs, key, value, anyExistingPartitions);
    }
}
