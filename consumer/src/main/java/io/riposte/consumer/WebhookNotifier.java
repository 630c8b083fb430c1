package io.riposte.consumer;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.riposte.config.KafkaClientConfig;
import io.riposte.avro.Alert;
import io.riposte.json.JsonContract;
import io.riposte.mapping.AvroMapping;
import io.riposte.serde.RegistryUnavailableException;
import io.riposte.serde.RegistryWait;
import io.riposte.serde.SpecificAvroDeserializer;
import io.riposte.topics.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.CommitFailedException;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RebalanceInProgressException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Delivers the committed alerts ({@code read_committed}) to a webhook, at least once: an alert's offset
 * is committed only after the webhook took it or it was parked on {@code notify-dead-letters}, so a
 * notifier that stops or crashes anywhere resumes with the first alert not yet settled, and a retry or
 * a resumed delivery carries the alert id as {@code Idempotency-Key}, letting the receiver drop the
 * copy. Alerts the filter leaves out are settled too: they are not owed to this webhook.
 */
public final class WebhookNotifier implements AutoCloseable {
    public static final String DEFAULT_GROUP = "riposte-notify";
    /** Headers of a parked alert. */
    public static final String REASON = "riposte.notify.reason";
    public static final String MESSAGE = "riposte.notify.message";
    public static final String ATTEMPTS = "riposte.notify.attempts";
    public static final String ALERT_ID = "riposte.notify.alert.id";
    public static final String ORIGIN = "riposte.origin";

    public enum Format { JSON, SLACK }

    /** What a run did, for the summary line; {@code parkedBy} counts parked alerts by reason. */
    public record Result(long read, long delivered, long filtered, long parked, Map<String, Long> parkedBy) {}

    private final Map<String, Object> config;
    private final String groupId;
    private final Format format;
    private final AlertFilter filter;
    private final WebhookDelivery delivery;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final String alertsTopic;
    private final String deadLetterTopic;
    private volatile KafkaConsumer<String, byte[]> consumer;

    public WebhookNotifier(Map<String, Object> config, String groupId, Format format, AlertFilter filter, WebhookDelivery delivery) {
        this.config = config;
        this.alertsTopic = Topics.name(config, Topics.ALERTS);
        this.deadLetterTopic = Topics.name(config, Topics.NOTIFY_DEAD_LETTERS);
        this.groupId = groupId;
        this.format = format;
        this.filter = filter;
        this.delivery = delivery;
    }

    /**
     * Runs until {@link #close()}, or, with {@code exitWhenIdle}, until every assigned partition is read up
     * to what is committed and nothing arrived for that long.
     */
    public Result run(Duration exitWhenIdle, Consumer<String> log) {
        Map<String, Object> c = KafkaClientConfig.kafkaOnly(config);
        c.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        c.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        c.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        c.putIfAbsent(ConsumerConfig.CLIENT_ID_CONFIG, "riposte-notify");
        c.putIfAbsent(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "10");
        // A poll's records may all hit a receiver that is down: the group must not evict us meanwhile.
        long worst = delivery.worstCase().toMillis() * Integer.parseInt(String.valueOf(c.get(ConsumerConfig.MAX_POLL_RECORDS_CONFIG)));
        c.putIfAbsent(ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG, String.valueOf(Math.max(300_000L, worst + 60_000L)));
        c.putIfAbsent(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "15000");
        c.putIfAbsent(ConsumerConfig.REQUEST_TIMEOUT_MS_CONFIG, "10000");
        Map<String, Object> p = KafkaClientConfig.kafkaOnly(config);
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.putIfAbsent(ProducerConfig.MAX_BLOCK_MS_CONFIG, "10000");
        p.putIfAbsent(ProducerConfig.CLIENT_ID_CONFIG, "riposte-notify-dead-letters");

        long read = 0;
        long delivered = 0;
        long filtered = 0;
        Map<String, Long> parkedBy = new TreeMap<>();
        try (SpecificAvroDeserializer<Alert> serde = new SpecificAvroDeserializer<>(Alert.class);
             KafkaConsumer<String, byte[]> in = new KafkaConsumer<>(c, new StringDeserializer(), new ByteArrayDeserializer());
             KafkaProducer<byte[], byte[]> dead = new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer())) {
            // One call waits a few seconds for the registry; settle() then tries the same record again while
            // the notifier runs: an outage holds the alert, it never parks it as unreadable.
            serde.configure(DyadSink.readerSerdeConfig(config), false);
            consumer = in;
            requireTopic(in, alertsTopic);
            requireTopic(in, deadLetterTopic);
            in.subscribe(List.of(alertsTopic));
            long quietSince = System.nanoTime();
            while (running.get()) {
                var records = in.poll(Duration.ofMillis(200));
                if (records.isEmpty()) {
                    if (exitWhenIdle != null && System.nanoTime() - quietSince >= exitWhenIdle.toNanos() && caughtUp(in)) {
                        break;
                    }
                    continue;
                }
                quietSince = System.nanoTime();
                for (ConsumerRecord<String, byte[]> r : records) {
                    read++;
                    String parkedFor = settle(r, serde, dead, log);
                    if (parkedFor == null) {
                        delivered++;
                    } else if (parkedFor.isEmpty()) {
                        filtered++;
                    } else {
                        parkedBy.merge(parkedFor, 1L, Long::sum);
                    }
                    commit(in, r, log);
                    if (!running.get()) {
                        break;
                    }
                }
            }
        } catch (WakeupException | WebhookDelivery.Stopped | RegistryUnavailableException e) {
            // close() asked us to stop (also while waiting for the registry); the alert in hand stays
            // uncommitted and is delivered after a restart.
        } finally {
            consumer = null;
        }
        long parked = parkedBy.values().stream().mapToLong(Long::longValue).sum();
        return new Result(read, delivered, filtered, parked, parkedBy);
    }

    /** Delivers or parks one alert: null when delivered, "" when the filter leaves it out, else the parking reason. */
    private String settle(ConsumerRecord<String, byte[]> r, SpecificAvroDeserializer<Alert> serde,
            KafkaProducer<byte[], byte[]> dead, Consumer<String> log) {
        Alert alert;
        try {
            if (r.value() == null) {
                throw new IllegalArgumentException("the record has no value");
            }
            alert = RegistryWait.untilAvailable(() -> serde.deserialize(r.topic(), r.headers(), r.value()), running::get);
        } catch (RegistryUnavailableException e) {
            throw e; // only when stopping: the alert is neither parked nor committed
        } catch (RuntimeException e) {
            park(dead, r, null, new WebhookDelivery.Outcome(false, "UNREADABLE", String.valueOf(e.getMessage()), 0), log);
            return "UNREADABLE";
        }
        if (!filter.test(alert)) {
            return "";
        }
        byte[] body;
        try {
            body = body(alert, format).getBytes(StandardCharsets.UTF_8);
        } catch (RuntimeException e) {
            // A record that decodes but cannot be rendered would stop the notifier at the same offset forever.
            park(dead, r, alert.getId(), new WebhookDelivery.Outcome(false, "UNRENDERABLE", String.valueOf(e), 0), log);
            return "UNRENDERABLE";
        }
        WebhookDelivery.Outcome o = delivery.deliver(alert.getId(), "application/json; charset=utf-8", body);
        if (o.delivered()) {
            return null;
        }
        park(dead, r, alert.getId(), o, log);
        return o.reason();
    }

    /** The JSON the webhook receives: the alert in the JSON contract, or a Slack incoming-webhook message. */
    public static String body(Alert alert, Format format) {
        if (format == Format.JSON) {
            return JsonContract.alert(AvroMapping.toDomain(alert)).toString();
        }
        String date = FuzzyDateText.column(alert.getActionDate()).trim();
        String text = String.format(Locale.ROOT, "*%s* %s (%s, severity %.1f): %s", alert.getType().name(), alert.getDyad(),
                date, alert.getSeverity(), alert.getSummary().replaceAll("\\p{Cntrl}", " "));
        ObjectNode slack = JsonContract.object().put("text", text);
        return slack.toString();
    }

    /** Writes the alert as read, with why it was not delivered; waits out a broker that does not answer. */
    private void park(KafkaProducer<byte[], byte[]> dead, ConsumerRecord<String, byte[]> r, String alertId,
            WebhookDelivery.Outcome o, Consumer<String> log) {
        RecordHeaders h = new RecordHeaders();
        r.headers().forEach(h::add);
        h.add(REASON, o.reason().getBytes(StandardCharsets.UTF_8));
        h.add(MESSAGE, String.valueOf(o.message()).getBytes(StandardCharsets.UTF_8));
        h.add(ATTEMPTS, String.valueOf(o.attempts()).getBytes(StandardCharsets.UTF_8));
        h.add(ORIGIN, (r.topic() + "-" + r.partition() + "@" + r.offset()).getBytes(StandardCharsets.UTF_8));
        if (alertId != null) {
            h.add(ALERT_ID, alertId.getBytes(StandardCharsets.UTF_8));
        }
        byte[] key = r.key() == null ? null : r.key().getBytes(StandardCharsets.UTF_8);
        ProducerRecord<byte[], byte[]> out = new ProducerRecord<>(deadLetterTopic, null, key, r.value(), h);
        while (true) {
            try {
                dead.send(out).get(30, TimeUnit.SECONDS);
                log.accept("notify: parked " + (alertId == null ? "record " : "alert " + alertId + " ") + "from "
                        + r.topic() + "-" + r.partition() + "@" + r.offset() + " on " + deadLetterTopic + ": "
                        + o.reason() + " (" + o.message() + ")");
                return;
            } catch (ExecutionException | TimeoutException | KafkaException e) {
                // Not the alert's fault: the offset stays uncommitted until the dead letter is written.
                log.accept("notify: cannot write to " + deadLetterTopic + " yet (" + e + "), retrying");
                delivery.pause(Duration.ofSeconds(2));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new WebhookDelivery.Stopped();
            }
        }
    }

    private static void commit(KafkaConsumer<String, byte[]> in, ConsumerRecord<String, byte[]> r, Consumer<String> log) {
        try {
            in.commitSync(Map.of(new TopicPartition(r.topic(), r.partition()), new OffsetAndMetadata(r.offset() + 1)));
        } catch (CommitFailedException | RebalanceInProgressException e) {
            // The partition moved on: its new owner starts from the last commit and sends this alert again, same key.
            log.accept("notify: offset " + r.offset() + " of " + r.topic() + "-" + r.partition() + " not committed: " + e.getMessage());
        }
    }

    private static void requireTopic(KafkaConsumer<String, byte[]> in, String topic) {
        List<PartitionInfo> info = in.partitionsFor(topic);
        if (info == null || info.isEmpty()) {
            throw new IllegalStateException("topic '" + topic + "' does not exist (create the topics first, e.g. --create-topics)");
        }
    }

    /** True when every assigned partition is read up to its last stable offset. */
    private static boolean caughtUp(KafkaConsumer<String, byte[]> in) {
        Set<TopicPartition> assigned = in.assignment();
        if (assigned.isEmpty()) {
            return false;
        }
        Map<TopicPartition, Long> end = in.endOffsets(assigned);
        return assigned.stream().allMatch(tp -> in.position(tp) >= end.get(tp));
    }

    @Override
    public void close() {
        running.set(false);
        delivery.close();
        KafkaConsumer<String, byte[]> c = consumer;
        if (c != null) {
            c.wakeup();
        }
    }
}
