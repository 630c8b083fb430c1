package io.riposte.consumer;

import io.riposte.avro.Alert;
import io.riposte.serde.RegistryUnavailableException;
import io.riposte.serde.RegistryWait;
import io.riposte.serde.SpecificAvroDeserializer;
import io.riposte.topics.Topics;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads the {@code alerts} topic from its beginning with {@code read_committed} and hands the alerts
 * that pass a filter to a listener. Without follow it stops at what was committed when it started;
 * with follow it keeps reading until {@link #close()}. No group and no committed offsets: a tail is a
 * reader, it must not move anyone's position.
 */
public final class AlertTail implements AutoCloseable {
    /** What a run did, for the summary line. */
    public record Result(long read, long shown, long unreadable) {}

    private final Map<String, Object> config;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private volatile KafkaConsumer<String, byte[]> consumer;

    public AlertTail(Map<String, Object> config) {
        this.config = config;
    }

    public Result run(boolean follow, Predicate<Alert> filter, Consumer<Alert> out, Consumer<String> problems) {
        return run(follow, null, filter, out, problems);
    }

    /**
     * As {@link #run(boolean, Predicate, Consumer, Consumer)}, starting at the first alert appended at or after
     * {@code since} (the topic keeps the broker's append time), or at the beginning when null.
     */
    public Result run(boolean follow, Instant since, Predicate<Alert> filter, Consumer<Alert> out, Consumer<String> problems) {
        Map<String, Object> p = DyadSink.readerConsumerConfig(config, "riposte-alerts-tail");
        long read = 0;
        long shown = 0;
        long bad = 0;
        try (SpecificAvroDeserializer<Alert> serde = new SpecificAvroDeserializer<>(Alert.class);
             KafkaConsumer<String, byte[]> c = new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer())) {
            serde.configure(DyadSink.readerSerdeConfig(config), false);
            consumer = c;
            String topic = Topics.name(config, Topics.ALERTS);
            List<PartitionInfo> info = c.partitionsFor(topic);
            if (info == null || info.isEmpty()) {
                throw new IllegalStateException("topic '" + topic + "' does not exist (create the topics first, e.g. `riposte local up`)");
            }
            List<TopicPartition> parts = info.stream().map(i -> new TopicPartition(i.topic(), i.partition())).toList();
            c.assign(parts);
            seek(c, parts, since);
            // With read_committed these are last stable offsets: what was committed when we started.
            Map<TopicPartition, Long> end = c.endOffsets(parts);
            while (running.get() && (follow || parts.stream().anyMatch(tp -> c.position(tp) < end.get(tp)))) {
                for (ConsumerRecord<String, byte[]> r : c.poll(Duration.ofMillis(200))) {
                    if (r.value() == null) {
                        continue;
                    }
                    read++;
                    Alert a;
                    try {
                        // A registry outage holds this alert until the registry answers; only a bad record is skipped.
                        a = RegistryWait.untilAvailable(() -> serde.deserialize(r.topic(), r.headers(), r.value()), running::get);
                    } catch (RegistryUnavailableException e) {
                        break; // stopping while the registry is down: nothing was skipped, the tail just ends
                    } catch (RuntimeException e) {
                        bad++;
                        problems.accept("skipped unreadable alert " + r.topic() + "-" + r.partition() + "@" + r.offset() + ": " + e.getMessage());
                        continue;
                    }
                    if (filter.test(a)) {
                        shown++;
                        out.accept(a);
                    }
                }
            }
        } catch (WakeupException e) {
            // close() asked us to stop.
        } finally {
            consumer = null;
        }
        return new Result(read, shown, bad);
    }

    private static void seek(KafkaConsumer<String, byte[]> c, List<TopicPartition> parts, Instant since) {
        if (since == null) {
            c.seekToBeginning(parts);
            return;
        }
        Map<TopicPartition, Long> at = new HashMap<>();
        parts.forEach(tp -> at.put(tp, since.toEpochMilli()));
        for (Map.Entry<TopicPartition, OffsetAndTimestamp> e : c.offsetsForTimes(at).entrySet()) {
            if (e.getValue() == null) {
                c.seekToEnd(List.of(e.getKey())); // nothing that recent in this partition
            } else {
                c.seek(e.getKey(), e.getValue().offset());
            }
        }
    }

    @Override
    public void close() {
        running.set(false);
        KafkaConsumer<String, byte[]> c = consumer;
        if (c != null) {
            c.wakeup();
        }
    }
}
