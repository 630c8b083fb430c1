package io.riposte.cli.bench;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/** Counts what a topic holds for read_committed readers: records, tombstones, and keys whose last value is not a tombstone. */
final class TopicCounts {
    private TopicCounts() {}

    record Count(long records, long tombstones, long liveKeys) {}

    /** Read_committed end offsets (last stable offsets) of every partition of the topics. */
    static Map<TopicPartition, Long> ends(String bootstrap, List<String> topics) {
        try (KafkaConsumer<byte[], byte[]> c = consumer(bootstrap)) {
            List<TopicPartition> tps = new ArrayList<>();
            for (String t : topics) {
                c.partitionsFor(t, Duration.ofSeconds(10)).forEach(p -> tps.add(new TopicPartition(t, p.partition())));
            }
            c.assign(tps); // a read_committed consumer learns last stable offsets only for partitions it holds
            return c.endOffsets(tps, Duration.ofSeconds(10));
        }
    }

    /** Reads the topic from the start to its current read_committed end; fails after {@code timeout}. */
    static Count count(String bootstrap, String topic, Duration timeout) {
        try (KafkaConsumer<byte[], byte[]> c = consumer(bootstrap)) {
            List<TopicPartition> tps = new ArrayList<>();
            c.partitionsFor(topic, Duration.ofSeconds(10)).forEach(p -> tps.add(new TopicPartition(topic, p.partition())));
            c.assign(tps);
            c.seekToBeginning(tps);
            Map<TopicPartition, Long> ends = c.endOffsets(tps, Duration.ofSeconds(10));
            Map<ByteBuffer, Boolean> live = new HashMap<>();
            long records = 0;
            long tombstones = 0;
            long deadline = System.nanoTime() + timeout.toNanos();
            while (tps.stream().anyMatch(tp -> c.position(tp) < ends.get(tp))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("counting " + topic + " took more than " + timeout.toSeconds() + " s");
                }
                for (ConsumerRecord<byte[], byte[]> r : c.poll(Duration.ofMillis(200))) {
                    records++;
                    if (r.value() == null) {
                        tombstones++;
                    }
                    live.put(ByteBuffer.wrap(r.key() == null ? new byte[0] : r.key()), r.value() != null);
                }
            }
            return new Count(records, tombstones, live.values().stream().filter(v -> v).count());
        }
    }

    private static KafkaConsumer<byte[], byte[]> consumer(String bootstrap) {
        return new KafkaConsumer<>(Map.of("bootstrap.servers", bootstrap, "isolation.level", "read_committed",
                "enable.auto.commit", "false", "max.poll.records", "5000", "client.id", "riposte-bench-count"),
                new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }
}
