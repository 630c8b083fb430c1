package io.riposte.local.junit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Everything committed on a topic of a test cluster, read once from the beginning with read_committed. */
public final class CommittedRecords {
    private CommittedRecords() {}

    /**
     * Reads {@code topic} to its end offsets (the last stable offsets under read_committed) with the given client
     * settings (bootstrap servers, SASL on a secured cluster); the registry's URL, if present, is left out.
     */
    public static List<ConsumerRecord<String, byte[]>> read(Map<String, Object> clientConfig, String topic) {
        Map<String, Object> p = new HashMap<>(clientConfig);
        p.remove("schema.registry.url");
        p.put("isolation.level", "read_committed");
        p.put("enable.auto.commit", "false");
        List<ConsumerRecord<String, byte[]>> out = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> c = new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> parts = c.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                    .map(i -> new TopicPartition(topic, i.partition())).toList();
            drain(c, parts, Duration.ofSeconds(30), out::add);
        }
        return out;
    }

    /**
     * Reads {@code partitions} from the start to their end offsets (the LSO under read_committed, else the HWM),
     * handing each record to {@code each}; throws when that takes longer than {@code within}.
     */
    public static <K, V> void drain(KafkaConsumer<K, V> consumer, List<TopicPartition> partitions, Duration within,
            Consumer<ConsumerRecord<K, V>> each) {
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
        long deadline = System.nanoTime() + within.toNanos();
        while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("could not read " + partitions + " to their end within " + within.toSeconds() + " s");
            }
            consumer.poll(Duration.ofMillis(200)).forEach(each);
        }
    }
}
