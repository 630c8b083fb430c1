package io.riposte.cli.export;

import io.riposte.serde.SpecificAvroDeserializer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * What a compacted topic says now: read from the beginning to the last stable offset with
 * {@code read_committed}, the last value per key, tombstones applied. No group, no commit: an export
 * moves nobody's position.
 */
public final class TopicSnapshot {
    private TopicSnapshot() {}

    /** Values by key, sorted by key; a record that cannot be decoded is reported, never silently dropped. */
    public static <T extends SpecificRecord> Map<String, T> read(Map<String, Object> clientConfig, Map<String, Object> serdeConfig,
            String topic, Class<T> type, Duration timeout, Consumer<String> problems) {
        Map<String, Object> p = new HashMap<>(clientConfig);
        p.remove("group.id");
        p.put("isolation.level", "read_committed");
        p.put("enable.auto.commit", "false");
        p.putIfAbsent("client.id", "riposte-export");
        Map<String, byte[]> latest = new HashMap<>();
        try (KafkaConsumer<String, byte[]> c = new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer())) {
            List<PartitionInfo> info = c.partitionsFor(topic, timeout);
            if (info == null || info.isEmpty()) {
                throw new IllegalStateException("topic '" + topic + "' does not exist (nothing was processed yet, or another cluster)");
            }
            List<TopicPartition> parts = new ArrayList<>();
            info.forEach(i -> parts.add(new TopicPartition(topic, i.partition())));
            c.assign(parts);
            c.seekToBeginning(parts);
            Map<TopicPartition, Long> end = c.endOffsets(parts, timeout);
            long deadline = System.nanoTime() + timeout.toNanos();
            while (parts.stream().anyMatch(tp -> c.position(tp) < end.get(tp))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("could not read '" + topic + "' to its end within " + timeout);
                }
                for (ConsumerRecord<String, byte[]> r : c.poll(Duration.ofMillis(200))) {
                    if (r.value() == null) {
                        latest.remove(r.key());
                    } else {
                        latest.put(r.key(), r.value());
                    }
                }
            }
        }
        Map<String, T> out = new TreeMap<>();
        try (SpecificAvroDeserializer<T> de = new SpecificAvroDeserializer<>(type)) {
            de.configure(serdeConfig, false);
            latest.forEach((key, bytes) -> {
                try {
                    out.put(key, de.deserialize(topic, bytes));
                } catch (RuntimeException e) {
                    problems.accept("export: skipped unreadable record of '" + topic + "' with key " + key + ": " + e.getMessage());
                }
            });
        }
        return out;
    }
}
