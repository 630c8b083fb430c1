package io.riposte.local.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Keeps the registry's facts in a compacted single-partition topic ({@value #TOPIC}), as Confluent's
 * registry does, with Confluent-like JSON keys ({@code keytype} SCHEMA or CONFIG). Reading the topic back
 * on start restores every id, so ids survive restarts of the registry and of a persistent broker.
 */
public final class KafkaSchemaStore implements SchemaStore {
    public static final String TOPIC = "_schemas";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(15);

    private final KafkaProducer<String, String> producer;
    private final KafkaConsumer<String, String> consumer;
    private final TopicPartition partition = new TopicPartition(TOPIC, 0);

    /** Connects to {@code bootstrapServers}, creating {@value #TOPIC} if missing. */
    public KafkaSchemaStore(String bootstrapServers) {
        this(Map.of("bootstrap.servers", bootstrapServers));
    }

    /**
     * Connects with {@code clientProperties} ({@code bootstrap.servers} plus any Kafka client setting, such as
     * {@code security.protocol}, {@code sasl.mechanism} and {@code sasl.jaas.config} on a secured cluster),
     * creating {@value #TOPIC} if missing.
     */
    public KafkaSchemaStore(Map<String, ?> clientProperties) {
        if (clientProperties.get("bootstrap.servers") == null) {
            throw new IllegalArgumentException("the registry store needs bootstrap.servers");
        }
        Map<String, Object> common = new HashMap<>(clientProperties);
        common.putIfAbsent("socket.connection.setup.timeout.max.ms", 5_000);
        createTopic(common);

        Map<String, Object> p = new HashMap<>(common);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        p.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) TIMEOUT.toMillis());
        p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis());
        p.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis() - 1000);
        this.producer = new KafkaProducer<>(p, new StringSerializer(), new StringSerializer());

        Map<String, Object> c = new HashMap<>(common);
        c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        c.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        c.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis());
        this.consumer = new KafkaConsumer<>(c, new StringDeserializer(), new StringDeserializer());
        consumer.assign(List.of(partition));
        consumer.seekToBeginning(List.of(partition));
    }

    private static void createTopic(Map<String, Object> common) {
        Map<String, Object> a = new HashMap<>(common);
        a.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis());
        a.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis());
        try (Admin admin = Admin.create(a)) {
            NewTopic topic = new NewTopic(TOPIC, Optional.of(1), Optional.empty())
                    .configs(Map.of("cleanup.policy", "compact"));
            admin.createTopics(List.of(topic)).all().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new KafkaException("Cannot create the registry topic " + TOPIC + " on " + common.get("bootstrap.servers")
                        + ": " + e.getCause().getMessage(), e.getCause());
            }
        } catch (TimeoutException e) {
            throw new KafkaException("Timed out creating the registry topic " + TOPIC + " on "
                    + common.get("bootstrap.servers") + ": is the broker running?");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaException("Interrupted", e);
        }
    }

    @Override
    public List<StoreEntry> readNew() {
        long end = consumer.endOffsets(List.of(partition), TIMEOUT).get(partition);
        List<StoreEntry> entries = new ArrayList<>();
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (consumer.position(partition, TIMEOUT) < end) {
            if (System.nanoTime() > deadline) {
                throw new KafkaException("Timed out reading " + TOPIC + " up to offset " + end);
            }
            for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                StoreEntry e = decode(r);
                if (e != null) {
                    entries.add(e);
                }
            }
        }
        return entries;
    }

    @Override
    public void append(StoreEntry entry) {
        ObjectNode key = JSON.createObjectNode();
        ObjectNode value = JSON.createObjectNode();
        if (entry.isSchema()) {
            key.put("keytype", "SCHEMA").put("subject", entry.subject()).put("version", entry.version()).put("magic", 1);
            value.put("subject", entry.subject()).put("version", entry.version()).put("id", entry.id())
                    .put("schema", entry.schema()).put("deleted", false);
        } else {
            key.put("keytype", "CONFIG").put("subject", entry.subject()).put("magic", 0);
            value.put("compatibilityLevel", entry.level());
        }
        try {
            producer.send(new ProducerRecord<>(TOPIC, 0, key.toString(), value.toString()))
                    .get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new KafkaException("Cannot persist to " + TOPIC + ": " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new KafkaException("Timed out persisting to " + TOPIC);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaException("Interrupted", e);
        }
    }

    private static StoreEntry decode(ConsumerRecord<String, String> r) {
        if (r.key() == null || r.value() == null) {
            return null; // tombstones: nothing we write, nothing to restore
        }
        try {
            JsonNode key = JSON.readTree(r.key());
            JsonNode value = JSON.readTree(r.value());
            String type = key.path("keytype").asText();
            if (type.equals("SCHEMA") && !value.path("deleted").asBoolean(false)) {
                return StoreEntry.schema(value.get("subject").asText(), value.get("version").asInt(),
                        value.get("id").asInt(), value.get("schema").asText());
            }
            if (type.equals("CONFIG")) {
                JsonNode subject = key.get("subject");
                return StoreEntry.config(subject == null || subject.isNull() ? null : subject.asText(),
                        value.get("compatibilityLevel").asText());
            }
            return null; // NOOP and other Confluent key types
        } catch (IOException | NullPointerException e) {
            throw new KafkaException("Corrupt record in " + TOPIC + " at offset " + r.offset() + ": " + e.getMessage());
        }
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
        consumer.close(Duration.ofSeconds(5));
    }
}
