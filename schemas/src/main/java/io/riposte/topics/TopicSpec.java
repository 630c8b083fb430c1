package io.riposte.topics;

import java.util.Map;

/**
 * A topic Riposte creates up front, with what its records are.
 *
 * @param key what the record key holds
 * @param value the value schema (Avro record name) or format
 */
public record TopicSpec(String name, int partitions, Map<String, String> configs, String key, String value) {
    public TopicSpec {
        configs = Map.copyOf(configs);
    }

    public boolean compacted() {
        return "compact".equals(configs.get("cleanup.policy"));
    }
}
