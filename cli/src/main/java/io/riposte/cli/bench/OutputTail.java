package io.riposte.cli.bench;

import io.riposte.topics.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Reads what the Streams app writes to {@code alerts}, {@code actions} and {@code chains} from now on,
 * read_committed, on its own thread, noting for each record the article that caused it (the
 * {@code riposte.article.id} header the correlate step sets; topics by base name, without the prefix), the broker's append time where the topic
 * keeps it ({@code alerts}: LogAppendTime) and when this reader got it.
 */
final class OutputTail implements AutoCloseable {
    static final String CAUSE_HEADER = "riposte.article.id";

    /** One output record as seen here. {@code appendTime} is -1 unless the topic stamps append time. */
    record Seen(String topic, String causeArticleId, long appendTime, long receivedAt) {}

    private final String prefix;

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final List<TopicPartition> partitions = new ArrayList<>();
    private final List<Seen> seen = new ArrayList<>();
    private final Thread thread;
    private volatile boolean stop;
    private volatile RuntimeException failure;
    private volatile Map<TopicPartition, Long> positions = Map.of();

    /** @param prefix the topic prefix of the pipeline ({@code riposte.topic.prefix}) */
    OutputTail(String bootstrap, String prefix) {
        this.prefix = prefix;
        consumer = new KafkaConsumer<>(Map.of(
                "bootstrap.servers", bootstrap,
                "isolation.level", "read_committed",
                "enable.auto.commit", "false",
                // A fetch that finds nothing committed yet returns after 20 ms, so receive times are within ~20 ms.
                "fetch.max.wait.ms", "20",
                "client.id", "riposte-bench-tail"), new ByteArrayDeserializer(), new ByteArrayDeserializer());
        for (String base : List.of(Topics.ALERTS, Topics.ACTIONS, Topics.CHAINS)) {
            String topic = prefix + base;
            consumer.partitionsFor(topic, Duration.ofSeconds(10))
                    .forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
        }
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(tp -> consumer.position(tp, Duration.ofSeconds(10))); // fix "now" before anything is published
        thread = new Thread(this::loop, "riposte-bench-tail");
        thread.setDaemon(true);
        thread.start();
    }

    private void loop() {
        try {
            while (!stop) {
                var records = consumer.poll(Duration.ofMillis(50));
                long now = System.currentTimeMillis();
                List<Seen> batch = new ArrayList<>(records.count());
                for (ConsumerRecord<byte[], byte[]> r : records) {
                    Header h = r.headers().lastHeader(CAUSE_HEADER);
                    batch.add(new Seen(r.topic().substring(prefix.length()), h == null ? null : new String(h.value(), StandardCharsets.UTF_8),
                            r.timestampType() == TimestampType.LOG_APPEND_TIME ? r.timestamp() : -1, now));
                }
                Map<TopicPartition, Long> at = new HashMap<>();
                for (TopicPartition tp : partitions) {
                    at.put(tp, consumer.position(tp));
                }
                synchronized (seen) {
                    seen.addAll(batch);
                }
                positions = at;
            }
        } catch (RuntimeException e) {
            failure = e;
        } finally {
            consumer.close(Duration.ofSeconds(5));
        }
    }

    /**
     * Waits until this reader's positions reach the given read_committed end offsets (taken after the
     * pipeline was done), so every committed output has been seen.
     */
    void awaitReached(Map<TopicPartition, Long> ends, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (failure != null) {
                throw new IllegalStateException("reading the outputs failed: " + failure.getMessage(), failure);
            }
            Map<TopicPartition, Long> at = positions;
            if (ends.entrySet().stream().allMatch(e -> at.getOrDefault(e.getKey(), -1L) >= e.getValue())) {
                return;
            }
            Thread.sleep(20);
        }
        throw new IllegalStateException("the output reader did not reach the end of " + ends.keySet() + " within "
                + timeout.toSeconds() + " s");
    }

    List<TopicPartition> partitions() {
        return List.copyOf(partitions);
    }

    List<Seen> seen() {
        synchronized (seen) {
            return List.copyOf(seen);
        }
    }

    @Override
    public void close() throws InterruptedException {
        stop = true;
        thread.join(10_000);
    }
}
