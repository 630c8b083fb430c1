package io.riposte.cli.e2e;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Everything committed on a topic, read once from the beginning with read_committed. */
public final class TopicContent {
    private TopicContent() {}

    static List<ConsumerRecord<String, byte[]>> read(String bootstrap, String topic) {
        return read(Map.of("bootstrap.servers", bootstrap), topic);
    }

    /** As {@link #read(String, String)} with any client settings (e.g. SASL on a secured cluster). */
    public static List<ConsumerRecord<String, byte[]>> read(Map<String, Object> clientConfig, String topic) {
        Map<String, Object> p = new HashMap<>(clientConfig);
        p.remove("schema.registry.url");
        p.put("isolation.level", "read_committed");
        p.put("enable.auto.commit", "false");
        List<ConsumerRecord<String, byte[]>> out = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> c = new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> parts = c.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                    .map(i -> new TopicPartition(topic, i.partition())).toList();
            c.assign(parts);
            c.seekToBeginning(parts);
            Map<TopicPartition, Long> end = c.endOffsets(parts);
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (parts.stream().anyMatch(tp -> c.position(tp) < end.get(tp))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("could not read " + topic + " to its end within 30 s");
                }
                c.poll(Duration.ofMillis(200)).forEach(out::add);
            }
        }
        return out;
    }

    /** The last value per key with tombstones applied: what a compacted topic converges to. */
    static Map<String, byte[]> latest(List<ConsumerRecord<String, byte[]>> records) {
        Map<String, byte[]> m = new HashMap<>();
        for (ConsumerRecord<String, byte[]> r : records) {
            if (r.value() == null) {
                m.remove(r.key());
            } else {
                m.put(r.key(), r.value());
            }
        }
        return m;
    }
}
