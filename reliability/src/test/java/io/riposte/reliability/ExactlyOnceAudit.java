package io.riposte.reliability;

import io.riposte.local.junit.CommittedRecords;
import io.riposte.streams.RiposteSerdes;
import io.riposte.topics.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/** Reads a cluster the way Kafka's EOS system test verifies one: offsets, open transactions, committed content. */
final class ExactlyOnceAudit implements AutoCloseable {
    static final String APPLICATION_ID = "riposte-streams";
    static final String REPARTITION = APPLICATION_ID + "-by-dyad-repartition";

    private final String bootstrap;
    private final Admin admin;

    ExactlyOnceAudit(String bootstrap) {
        this.bootstrap = bootstrap;
        this.admin = Admin.create(Map.of("bootstrap.servers", bootstrap, "default.api.timeout.ms", 30_000,
                "request.timeout.ms", 10_000));
    }

    /** Every partition of every non-internal topic (outputs, repartition and changelog topics included). */
    List<TopicPartition> allPartitions() {
        Set<String> names = get(admin.listTopics().names());
        List<TopicPartition> out = new ArrayList<>();
        for (TopicDescription d : get(admin.describeTopics(names).allTopicNames()).values()) {
            if (!d.name().startsWith("_")) {
                d.partitions().forEach(p -> out.add(new TopicPartition(d.name(), p.partition())));
            }
        }
        out.sort((a, b) -> a.toString().compareTo(b.toString()));
        return out;
    }

    Map<TopicPartition, Long> endOffsets(List<TopicPartition> partitions, IsolationLevel isolation) {
        Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        partitions.forEach(tp -> request.put(tp, OffsetSpec.latest()));
        Map<TopicPartition, Long> out = new TreeMap<>((a, b) -> a.toString().compareTo(b.toString()));
        get(admin.listOffsets(request, new ListOffsetsOptions(isolation)).all()).forEach((tp, info) -> out.put(tp, info.offset()));
        return out;
    }

    /** Partitions whose last stable offset is below the high watermark: a transaction is still open there. */
    Map<TopicPartition, String> openTransactions(List<TopicPartition> partitions) {
        Map<TopicPartition, Long> lso = endOffsets(partitions, IsolationLevel.READ_COMMITTED);
        Map<TopicPartition, Long> hwm = endOffsets(partitions, IsolationLevel.READ_UNCOMMITTED);
        Map<TopicPartition, String> open = new TreeMap<>((a, b) -> a.toString().compareTo(b.toString()));
        hwm.forEach((tp, h) -> {
            if (!lso.get(tp).equals(h)) {
                open.put(tp, "LSO " + lso.get(tp) + " < HWM " + h);
            }
        });
        return open;
    }

    /** Records on {@code articles} (the producer is idempotent, not transactional: no markers there). */
    long articlesOnTopic() {
        return endOffsets(partitionsOf(Topics.ARTICLES), IsolationLevel.READ_UNCOMMITTED).values().stream().mapToLong(Long::longValue).sum();
    }

    /** Offsets the app committed on {@code articles}, summed: how many articles it consumed for good. */
    long articlesConsumed() {
        return committed(Topics.ARTICLES).values().stream().mapToLong(Long::longValue).sum();
    }

    /**
     * The app has consumed everything: its committed offsets equal the end of {@code articles}, and on each
     * repartition topic (by-dyad and the two of the cross-dyad round trip) reach at least the last data record
     * (a commit marker may follow it), with no transaction open there.
     */
    boolean caughtUp() {
        if (articlesConsumed() != articlesOnTopic()) {
            return false;
        }
        for (String name : Topics.REPARTITIONS) {
            String topic = APPLICATION_ID + "-" + name + "-repartition";
            List<TopicPartition> repartition = partitionsOf(topic);
            if (repartition.isEmpty() || !openTransactions(repartition).isEmpty()) {
                return false;
            }
            Map<TopicPartition, Long> committed = committed(topic);
            for (var e : endOffsets(repartition, IsolationLevel.READ_UNCOMMITTED).entrySet()) {
                if (committed.getOrDefault(e.getKey(), 0L) < e.getValue() - 1) {
                    return false;
                }
            }
        }
        return true;
    }

    /** The keys on {@code articles} with the number of records each, read to the end. */
    Map<String, Integer> articleKeys() {
        Map<String, Integer> keys = new HashMap<>();
        Map<String, Object> c = new HashMap<>();
        c.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(c, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            drain(consumer, partitionsOf(Topics.ARTICLES), r -> keys.merge(new String(r.key(), StandardCharsets.UTF_8), 1, Integer::sum));
        }
        return keys;
    }

    private Map<TopicPartition, Long> committed(String topic) {
        Map<TopicPartition, OffsetAndMetadata> all = get(admin.listConsumerGroupOffsets(APPLICATION_ID).partitionsToOffsetAndMetadata());
        Map<TopicPartition, Long> out = new HashMap<>();
        all.forEach((tp, o) -> {
            if (tp.topic().equals(topic) && o != null) {
                out.put(tp, o.offset());
            }
        });
        return out;
    }

    List<TopicPartition> partitionsOf(String topic) {
        return allPartitions().stream().filter(tp -> tp.topic().equals(topic)).toList();
    }

    /** Everything committed on the output topics, read with read_committed up to each partition's end. */
    Outputs readCommitted(String registryUrl) {
        return read(registryUrl, IsolationLevel.READ_COMMITTED);
    }

    /**
     * The output topics as a reader sees them with {@code isolation}: read_uncommitted also returns what
     * aborted transactions wrote (what a killed instance had sent but never committed).
     */
    Outputs read(String registryUrl, IsolationLevel isolation) {
        Outputs out = new Outputs();
        Map<String, Object> c = new HashMap<>();
        c.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        c.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, isolation.name().toLowerCase(java.util.Locale.ROOT));
        c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        c.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 4 * 1024 * 1024);
        try (RiposteSerdes serdes = RiposteSerdes.registry(Map.of("schema.registry.url", registryUrl));
                KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(c, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : Outputs.topics()) {
                partitions.addAll(partitionsOf(topic));
            }
            drain(consumer, partitions, r -> out.add(r.topic(), new String(r.key(), StandardCharsets.UTF_8), r.value(), r.headers(), serdes));
        }
        return out;
    }

    private static void drain(KafkaConsumer<byte[], byte[]> consumer, List<TopicPartition> partitions,
            java.util.function.Consumer<ConsumerRecord<byte[], byte[]>> each) {
        CommittedRecords.drain(consumer, partitions, Duration.ofSeconds(120), each);
    }

    private static <T> T get(org.apache.kafka.common.KafkaFuture<T> f) {
        try {
            return f.get(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("admin call failed: " + e, e);
        }
    }

    @Override
    public void close() {
        admin.close(Duration.ofSeconds(5));
    }
}
