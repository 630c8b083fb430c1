package io.riposte.consumer;

import io.riposte.config.KafkaClientConfig;
import io.riposte.avro.Action;
import io.riposte.avro.Alert;
import io.riposte.avro.Chain;
import io.riposte.serde.RegistryUnavailableException;
import io.riposte.serde.RegistryWait;
import io.riposte.serde.SerdeConfig;
import io.riposte.serde.SpecificAvroDeserializer;
import io.riposte.topics.Topics;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads {@code chains}, {@code actions} and {@code alerts} with {@code read_committed}, keeps the
 * per-dyad view and upserts it into the {@code dyads} sink topic (key {@code A-B}, JSON value) and,
 * from the same view, into {@code dyads-avro} (Avro {@code DyadView} through the registry).
 *
 * <p>It needs no committed offsets: the inputs that define the view are compacted, so every start
 * re-reads them from the beginning and writes only once it has caught up with what was committed
 * at start; the sink's own content is read first so that an unchanged dyad is never written twice. Alerts are handed to a listener; those already on the topic when
 * the sink starts are skipped unless asked for.
 *
 * <p>This class is the read loop (decoding, catching up, handing alerts on); the view is {@link DyadView},
 * what reaches the sink topics is decided by {@link DyadSinkWriter}, and counters, lag and meters are in
 * {@link DyadSinkMetrics}.
 */
public final class DyadSink implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DyadSink.class);

    /**
     * Settings beyond the client configuration.
     *
     * @param sinkTopic the JSON sink, used as given; null = the catalogue's {@code dyads} behind the topic prefix
     */
    public record Options(String sinkTopic, boolean replayOldAlerts, Duration pollTimeout) {
        public static Options defaults() {
            return new Options(null, false, Duration.ofMillis(200));
        }
    }

    private final Map<String, Object> config;
    private final Options options;
    private final String chainsTopic;
    private final String actionsTopic;
    private final String alertsTopic;
    private final String sinkTopic;
    private final String avroSinkTopic;
    private final Consumer<Alert> alertListener;
    private final PrintStream err;
    private final DyadView view = new DyadView();
    private final DyadSinkWriter writer;
    private final DyadSinkMetrics metrics = new DyadSinkMetrics();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private volatile boolean caughtUp;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private KafkaConsumer<String, byte[]> consumer;
    private Thread thread;
    private volatile Throwable failure;
    private volatile Consumer<Alert> everyAlert = a -> { };

    private final SpecificAvroDeserializer<Chain> chainSerde = new SpecificAvroDeserializer<>(Chain.class);
    private final SpecificAvroDeserializer<Action> actionSerde = new SpecificAvroDeserializer<>(Action.class);
    private final SpecificAvroDeserializer<Alert> alertSerde = new SpecificAvroDeserializer<>(Alert.class);
    private final io.riposte.serde.SpecificAvroSerializer<io.riposte.avro.DyadView> dyadAvroSerde =
            new io.riposte.serde.SpecificAvroSerializer<>();

    public DyadSink(Map<String, Object> config, Options options, Consumer<Alert> alertListener, PrintStream err) {
        Objects.requireNonNull(config.get(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG),
                "no Kafka bootstrap servers configured (--bootstrap-server or RIPOSTE_BOOTSTRAP_SERVERS)");
        Objects.requireNonNull(config.get("schema.registry.url"),
                "no schema registry URL configured (--registry-url or RIPOSTE_SCHEMA_REGISTRY_URL)");
        this.config = Map.copyOf(config);
        this.options = options;
        this.chainsTopic = Topics.name(config, Topics.CHAINS);
        this.actionsTopic = Topics.name(config, Topics.ACTIONS);
        this.alertsTopic = Topics.name(config, Topics.ALERTS);
        this.sinkTopic = options.sinkTopic() != null ? options.sinkTopic() : Topics.name(config, Topics.DYADS);
        this.avroSinkTopic = Topics.name(config, Topics.DYADS_AVRO);
        this.writer = new DyadSinkWriter(sinkTopic, avroSinkTopic);
        this.alertListener = alertListener;
        this.err = err;
        Map<String, Object> serdeConfig = readerSerdeConfig(this.config);
        chainSerde.configure(serdeConfig, false);
        actionSerde.configure(serdeConfig, false);
        alertSerde.configure(serdeConfig, false);
        dyadAvroSerde.configure(serdeConfig, false);
    }

    /**
     * The serde settings of a reader: one call waits at most 5 s for the registry (unless configured), then
     * the reader's own loop tries the same record again while it runs, so it notices a stop request.
     */
    static Map<String, Object> readerSerdeConfig(Map<String, ?> config) {
        Map<String, Object> c = new HashMap<>(config);
        c.putIfAbsent(SerdeConfig.OUTAGE_WAIT_MS, 5_000L);
        return c;
    }

    /**
     * Publishes the Kafka clients' metrics (Micrometer's {@code KafkaClientMetrics}) and the sink's own
     * counters to {@code registry}; call before {@link #start()}.
     */
    public DyadSink withMetrics(io.micrometer.core.instrument.MeterRegistry registry) {
        metrics.register(registry, this, DyadSink::dyadCount);
        return this;
    }

    /**
     * Also hands on every alert read, the ones already on the topic at start included (the dashboard's
     * feed shows history; the printed tail shows only new ones). Call before {@link #start()}.
     */
    public DyadSink withEveryAlert(Consumer<Alert> listener) {
        this.everyAlert = listener;
        return this;
    }

    /** Starts the loop on its own thread. */
    public synchronized DyadSink start() {
        thread = new Thread(this::runLoop, "riposte-dyad-sink");
        thread.setDaemon(true);
        thread.start();
        return this;
    }

    /** Runs the loop on the calling thread until {@link #close()}. */
    public void runLoop() {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(producerConfig(), new StringSerializer(), new ByteArraySerializer())) {
            loadWritten();
            consumer = new KafkaConsumer<>(consumerConfig("riposte-dyad-sink"), new StringDeserializer(), new ByteArrayDeserializer());
            metrics.bindClients(producer, consumer);
            List<TopicPartition> parts = new ArrayList<>();
            for (String t : List.of(chainsTopic, actionsTopic, alertsTopic)) {
                parts.addAll(partitions(consumer, t));
            }
            consumer.assign(parts);
            consumer.seekToBeginning(parts);
            Map<TopicPartition, Long> alertStart = new HashMap<>();
            if (!options.replayOldAlerts()) {
                consumer.endOffsets(parts.stream().filter(p -> p.topic().equals(alertsTopic)).toList())
                        .forEach(alertStart::put);
            }
            // Catch up to what is committed now before writing anything: the inputs are not compacted yet,
            // and their intermediate states must not reach the sink as upserts.
            Map<TopicPartition, Long> startEnd = consumer.endOffsets(parts);
            boolean catchingUp = true;
            while (running.get()) {
                ConsumerRecords<String, byte[]> records = consumer.poll(options.pollTimeout());
                // Decoded outside the lock: a record waiting for the registry must not block the dashboard.
                List<Decoded> decoded = new ArrayList<>(records.count());
                for (ConsumerRecord<String, byte[]> r : records) {
                    decoded.add(decode(r));
                }
                int n = 0;
                synchronized (this) {
                    for (Decoded d : decoded) {
                        metrics.recordsRead.incrementAndGet();
                        apply(d, alertStart);
                    }
                    if (catchingUp) {
                        catchingUp = parts.stream().anyMatch(p -> consumer.position(p) < startEnd.get(p));
                        if (!catchingUp) {
                            // Dyads the sink holds but the inputs no longer support get their tombstone.
                            view.touch(writer.heldDyads());
                        }
                    }
                    if (!catchingUp) {
                        n = flush(producer);
                    }
                }
                if (!records.isEmpty() || n > 0) {
                    metrics.lastChangeNanos.set(System.nanoTime());
                }
                caughtUp = !catchingUp && atEnd(parts);
                metrics.lag.set(DyadSinkMetrics.currentLag(consumer, parts));
            }
        } catch (WakeupException e) {
            // close() asked us to stop.
        } catch (RegistryUnavailableException e) {
            if (running.get()) {
                failure = e;
                err.println("consumer stopped: " + e.getMessage());
            } // else close() asked us to stop while a record waited for the registry: nothing was skipped
        } catch (Throwable t) {
            failure = t;
            err.println("consumer stopped: " + describe(t));
            LOG.debug("dyad sink failed", t);
        } finally {
            metrics.unbindClients();
            if (consumer != null) {
                consumer.close(org.apache.kafka.clients.consumer.CloseOptions.timeout(Duration.ofSeconds(5)));
            }
            stopped.countDown();
        }
    }

    private String describe(Throwable t) {
        String where = "Kafka at " + config.get(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG);
        if (t instanceof org.apache.kafka.common.errors.TimeoutException) {
            return where + " did not answer in time (" + t.getMessage() + "); is the broker running?";
        }
        if (t instanceof org.apache.kafka.common.KafkaException || t instanceof IllegalStateException) {
            return where + ": " + t.getMessage();
        }
        return t.toString();
    }

    /** A record and its value (null for a tombstone), or the reason it cannot be read. */
    private record Decoded(ConsumerRecord<String, byte[]> record, Object value, RuntimeException error) {}

    /**
     * Deserializes one record, waiting for the registry as long as the sink runs: a registry outage holds
     * the record (and the ones after it), it never turns it into a skipped one.
     */
    private Decoded decode(ConsumerRecord<String, byte[]> r) {
        if (r.value() == null) {
            return new Decoded(r, null, null);
        }
        SpecificAvroDeserializer<?> serde = r.topic().equals(chainsTopic) ? chainSerde
                : r.topic().equals(actionsTopic) ? actionSerde
                : r.topic().equals(alertsTopic) ? alertSerde
                : null;
        if (serde == null) {
            throw new IllegalStateException("unexpected topic " + r.topic());
        }
        try {
            return new Decoded(r, RegistryWait.untilAvailable(() -> serde.deserialize(r.topic(), r.headers(), r.value()),
                    running::get), null);
        } catch (RegistryUnavailableException e) {
            throw e; // only when stopping
        } catch (RuntimeException e) {
            return new Decoded(r, null, e);
        }
    }

    private void apply(Decoded d, Map<TopicPartition, Long> alertStart) {
        ConsumerRecord<String, byte[]> r = d.record();
        try {
            if (d.error() != null) {
                throw d.error();
            }
            if (r.topic().equals(chainsTopic)) {
                view.applyChain(r.key(), (Chain) d.value(), r.timestamp());
            } else if (r.topic().equals(actionsTopic)) {
                view.applyAction(r.key(), (Action) d.value(), r.timestamp());
            } else if (r.topic().equals(alertsTopic)) {
                Long from = alertStart.get(new TopicPartition(r.topic(), r.partition()));
                if (r.value() != null) {
                    Alert alert = (Alert) d.value();
                    everyAlert.accept(alert);
                    if (from == null || r.offset() >= from) {
                        metrics.alertsSeen.incrementAndGet();
                        alertListener.accept(alert);
                    }
                }
            } else {
                throw new IllegalStateException("unexpected topic " + r.topic());
            }
        } catch (RuntimeException e) {
            // Not fatal, not silent: the record's coordinates go to stderr and the log.
            err.println("skipped unreadable record " + r.topic() + "-" + r.partition() + "@" + r.offset() + ": " + e.getMessage());
            LOG.warn("skipped unreadable record {}-{}@{}", r.topic(), r.partition(), r.offset(), e);
        }
    }

    private int flush(KafkaProducer<String, byte[]> producer) {
        int n = 0;
        for (String dyad : view.drainDirty()) {
            n += writer.writeJson(producer, dyad, view.json(dyad));
            // The typed twin from the same view: written when its bytes change, like the JSON. A registry outage
            // holds it (as it holds reads) rather than leaving the twin behind the JSON.
            io.riposte.avro.DyadView typed = view.avro(dyad);
            byte[] avro = RegistryWait.untilAvailable(() -> dyadAvroSerde.serialize(avroSinkTopic, typed), running::get);
            n += writer.writeAvro(producer, dyad, avro);
        }
        if (n > 0) {
            producer.flush();
            metrics.upserts.addAndGet(n);
        }
        return n;
    }

    /** Reads the sinks' current content so that a restart writes only what changed. */
    private void loadWritten() {
        try (KafkaConsumer<String, byte[]> c = new KafkaConsumer<>(consumerConfig("riposte-dyad-sink-loader"),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> parts = new ArrayList<>(partitions(c, sinkTopic));
            parts.addAll(partitions(c, avroSinkTopic));
            c.assign(parts);
            c.seekToBeginning(parts);
            Map<TopicPartition, Long> end = c.endOffsets(parts);
            while (parts.stream().anyMatch(p -> c.position(p) < end.get(p))) {
                for (ConsumerRecord<String, byte[]> r : c.poll(Duration.ofMillis(200))) {
                    writer.remember(r.topic(), r.key(), r.value());
                }
            }
        }
    }

    private static List<TopicPartition> partitions(KafkaConsumer<?, ?> c, String topic) {
        List<PartitionInfo> info = c.partitionsFor(topic); // bounded by default.api.timeout.ms
        if (info == null || info.isEmpty()) {
            throw new IllegalStateException("topic '" + topic + "' does not exist (create the topics first, e.g. `riposte local up`)");
        }
        return info.stream().map(p -> new TopicPartition(p.topic(), p.partition())).toList();
    }

    private boolean atEnd(List<TopicPartition> parts) {
        // With read_committed, endOffsets is the last stable offset: caught up means nothing committed is unread.
        Map<TopicPartition, Long> end = consumer.endOffsets(parts, Duration.ofSeconds(5));
        return parts.stream().allMatch(p -> consumer.position(p) >= end.get(p));
    }

    private Map<String, Object> consumerConfig(String clientId) {
        return readerConsumerConfig(config, clientId);
    }

    /**
     * The consumer settings of a reader without a group (it assigns partitions itself): read_committed, no
     * commits, bounded waits unless configured.
     */
    static Map<String, Object> readerConsumerConfig(Map<String, ?> config, String clientId) {
        Map<String, Object> p = KafkaClientConfig.kafkaOnly(config);
        p.remove(ConsumerConfig.GROUP_ID_CONFIG);
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.putIfAbsent(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "15000");
        p.putIfAbsent(ConsumerConfig.REQUEST_TIMEOUT_MS_CONFIG, "10000");
        p.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId);
        return p;
    }

    private Map<String, Object> producerConfig() {
        Map<String, Object> p = KafkaClientConfig.kafkaOnly(config);
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.putIfAbsent(ProducerConfig.MAX_BLOCK_MS_CONFIG, "10000");
        p.putIfAbsent(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, "10000");
        p.putIfAbsent(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "20000");
        p.put(ProducerConfig.CLIENT_ID_CONFIG, "riposte-dyad-sink-producer");
        return p;
    }

    /** The JSON sink topic this instance writes. */
    public String sinkTopic() {
        return sinkTopic;
    }

    /** The Avro sink topic this instance writes ({@code dyads-avro} behind the topic prefix). */
    public String avroSinkTopic() {
        return avroSinkTopic;
    }

    /** True once every committed input record has been read and the sink is up to date. */
    public boolean caughtUp() {
        return caughtUp;
    }

    /** Nanotime of the last input record or sink write. */
    public long lastChangeNanos() {
        return metrics.lastChangeNanos.get();
    }

    public long recordsRead() {
        return metrics.recordsRead.get();
    }

    /** Dyad records written to the JSON and the Avro sink (upserts and tombstones) by this instance. */
    public long upserts() {
        return metrics.upserts.get();
    }

    public long alertsSeen() {
        return metrics.alertsSeen.get();
    }

    /** Committed input records not read yet, by the consumer's last fetch; -1 when not known yet. */
    public long lag() {
        return metrics.lag.get();
    }

    public synchronized int dyadCount() {
        return view.dyads().size();
    }

    /** Runs {@code f} on the current view under the sink's lock (the view is not thread-safe). */
    public synchronized <T> T read(java.util.function.Function<DyadView, T> f) {
        return f.apply(view);
    }

    public Throwable failure() {
        return failure;
    }

    /** The current chains, for printing once the sink has stopped or caught up. */
    public synchronized List<Chain> chains() {
        return view.chains();
    }

    /** The current JSON of every dyad. */
    public synchronized Map<String, String> dyadJson() {
        Map<String, String> m = new java.util.TreeMap<>();
        for (String d : view.dyads()) {
            m.put(d, view.json(d));
        }
        return m;
    }

    @Override
    public void close() {
        running.set(false);
        KafkaConsumer<String, byte[]> c = consumer;
        if (c != null) {
            c.wakeup();
        }
        if (thread != null) {
            try {
                stopped.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        chainSerde.close();
        actionSerde.close();
        alertSerde.close();
        dyadAvroSerde.close();
    }
}
