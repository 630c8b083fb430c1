package io.riposte.reliability;

import io.riposte.avro.Action;
import io.riposte.avro.Chain;
import io.riposte.streams.RiposteSerdes;
import io.riposte.streams.errors.DeadLetters;
import io.riposte.topics.Topics;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.common.header.Headers;

/**
 * What a reader of the output topics is left with: {@code actions} and {@code chains} compacted
 * (latest value per key, tombstones remove), every alert id with the number of times it was seen,
 * and the dead letters as (article id, stage, reason) with their multiplicity.
 */
final class Outputs {
    final Map<String, Action> actions = new HashMap<>();
    final Map<String, Chain> chains = new HashMap<>();
    final Map<String, Integer> alertIds = new HashMap<>();
    final Map<String, Integer> deadLetters = new TreeMap<>();
    /** Records read per topic (tombstones included). */
    final Map<String, Long> recordsRead = new TreeMap<>();

    void add(String topic, String key, byte[] value, Headers headers, RiposteSerdes serdes) {
        recordsRead.merge(topic, 1L, Long::sum);
        switch (topic) {
            case Topics.ACTIONS -> compact(actions, key, value == null ? null : serdes.actions().deserializer().deserialize(topic, value));
            case Topics.CHAINS -> compact(chains, key, value == null ? null : serdes.chains().deserializer().deserialize(topic, value));
            case Topics.ALERTS -> alertIds.merge(serdes.alerts().deserializer().deserialize(topic, value).getId(), 1, Integer::sum);
            case Topics.DEAD_LETTERS -> deadLetters.merge(deadLetterKey(key, headers), 1, Integer::sum);
            default -> throw new IllegalArgumentException("not an output topic: " + topic);
        }
    }

    static List<String> topics() {
        return List.of(Topics.ACTIONS, Topics.CHAINS, Topics.ALERTS, Topics.DEAD_LETTERS);
    }

    /** Alert ids seen more than once. */
    List<String> duplicateAlertIds() {
        return alertIds.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey).sorted().toList();
    }

    long deadLetterCount() {
        return deadLetters.values().stream().mapToLong(Integer::longValue).sum();
    }

    private static <V> void compact(Map<String, V> m, String key, V value) {
        if (value == null) {
            m.remove(key);
        } else {
            m.put(key, value);
        }
    }

    /** Our processors name the article; Kafka's built-in handler only has the raw key and the exception. */
    private static String deadLetterKey(String key, Headers h) {
        String article = DeadLetters.header(h, DeadLetters.ARTICLE_ID);
        String reason = DeadLetters.header(h, DeadLetters.REASON);
        return (article != null ? article : key) + " | " + DeadLetters.header(h, DeadLetters.STAGE) + " | "
                + (reason != null ? reason : DeadLetters.header(h, DeadLetters.EXCEPTION));
    }
}
