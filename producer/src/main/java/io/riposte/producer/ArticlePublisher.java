package io.riposte.producer;

import io.riposte.mapping.AvroMapping;
import io.riposte.serde.SpecificAvroSerializer;
import io.riposte.topics.Topics;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Publishes articles to the {@code articles} topic (key = article id, value = Avro through the
 * registry serde, timestamp = publication time) and rejected input to {@code rejected-articles}
 * (key = origin, value = raw bytes, reason in headers).
 *
 * <p>The producer is idempotent with {@code acks=all}, and every wait is bounded: an unreachable
 * broker or registry ends the run with a clear message instead of a hang.
 */
public final class ArticlePublisher implements AutoCloseable {
    public static final String HEADER_REASON = "riposte.reject.reason";
    public static final String HEADER_MESSAGE = "riposte.reject.message";
    public static final String HEADER_ORIGIN = "riposte.origin";

    /** Bounds for an unreachable broker; any of them can be overridden by configuration. */
    static final Map<String, Object> BOUNDED_DEFAULTS = Map.of(
            ProducerConfig.MAX_BLOCK_MS_CONFIG, "10000",
            ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, "10000",
            ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "20000",
            ProducerConfig.LINGER_MS_CONFIG, "5");

    private final Map<String, Object> config;
    private final KafkaProducer<String, byte[]> producer;
    private final SpecificAvroSerializer<io.riposte.avro.Article> serializer;
    private final String articlesTopic;
    private final String rejectedTopic;
    private final PrintStream err;

    /**
     * @param config Kafka client properties plus {@code schema.registry.url} and the serde's keys;
     *     unknown keys are passed on untouched
     */
    public ArticlePublisher(Map<String, Object> config, PrintStream err) {
        this(config, Topics.ARTICLES, Topics.REJECTED_ARTICLES, err);
    }

    public ArticlePublisher(Map<String, Object> config, String articlesTopic, String rejectedTopic, PrintStream err) {
        if (config.get(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG) == null) {
            throw new IllegalArgumentException("no Kafka bootstrap servers configured "
                    + "(--bootstrap-servers, RIPOSTE_BOOTSTRAP_SERVERS or bootstrap.servers in --config)");
        }
        if (config.get("schema.registry.url") == null) {
            throw new IllegalArgumentException("no schema registry URL configured "
                    + "(--registry-url, RIPOSTE_SCHEMA_REGISTRY_URL or schema.registry.url in --config)");
        }
        Map<String, Object> p = new HashMap<>(BOUNDED_DEFAULTS);
        p.putAll(config);
        // Not negotiable: the pipeline's "nothing doubled" promise starts here.
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.putIfAbsent(ProducerConfig.CLIENT_ID_CONFIG, "riposte-producer");
        this.config = p;
        this.producer = new KafkaProducer<>(kafkaOnly(p), new StringSerializer(), new ByteArraySerializer());
        this.serializer = new SpecificAvroSerializer<>();
        this.serializer.configure(p, false);
        this.articlesTopic = articlesTopic;
        this.rejectedTopic = rejectedTopic;
        this.err = err;
    }

    /**
     * Reads and publishes every file the paths stand for. Rejections are reported on {@code err}
     * one line each and published to the rejected-articles topic; the first connectivity failure
     * stops the run.
     */
    public ProduceSummary publish(List<Path> paths, ArticleFiles files) {
        ProduceSummary summary = new ProduceSummary();
        List<Path> expanded = files.expand(paths);
        summary.skipped(files.skipped());
        List<Pending> pending = new ArrayList<>();
        boolean[] first = {true};
        try {
            for (Path f : expanded) {
                files.read(f, item -> {
                    if (summary.failure() != null) {
                        return;
                    }
                    summary.readOne();
                    Pending p = send(item, summary);
                    if (p == null) {
                        return;
                    }
                    if (first[0]) {
                        // Wait for the first record: an unreachable cluster then costs one bounded wait, not one per article.
                        first[0] = false;
                        complete(p, summary);
                    } else {
                        pending.add(p);
                    }
                });
                if (summary.failure() != null) {
                    break;
                }
            }
            producer.flush();
            for (Pending p : pending) {
                complete(p, summary);
            }
        } catch (RuntimeException e) {
            summary.failed(describe(e));
        }
        return summary;
    }

    private record Pending(InputItem item, Future<RecordMetadata> future) {}

    private Pending send(InputItem item, ProduceSummary summary) {
        try {
            if (item instanceof InputItem.Parsed parsed) {
                RecordHeaders headers = new RecordHeaders();
                byte[] value;
                try {
                    value = serializer.serialize(articlesTopic, headers, AvroMapping.toAvro(parsed.article()));
                } catch (RuntimeException e) {
                    summary.failed("schema registry at " + config.get("schema.registry.url") + ": " + rootMessage(e));
                    return null;
                }
                return new Pending(item, producer.send(new ProducerRecord<>(articlesTopic, null,
                        Articles.timestamp(parsed.article()), parsed.article().id(), value, headers)));
            }
            InputItem.Rejected r = (InputItem.Rejected) item;
            err.println("rejected " + r.reason() + ": " + r.message());
            RecordHeaders headers = new RecordHeaders();
            headers.add(HEADER_REASON, r.reason().getBytes(StandardCharsets.UTF_8));
            headers.add(HEADER_MESSAGE, r.message().getBytes(StandardCharsets.UTF_8));
            headers.add(HEADER_ORIGIN, r.origin().getBytes(StandardCharsets.UTF_8));
            return new Pending(item, producer.send(new ProducerRecord<>(rejectedTopic, null, null, r.origin(), r.raw(), headers)));
        } catch (RuntimeException e) {
            summary.failed(describe(e));
            return null;
        }
    }

    private void complete(Pending p, ProduceSummary summary) {
        try {
            p.future().get();
            if (p.item() instanceof InputItem.Parsed) {
                summary.publishedOne();
            } else {
                summary.rejectedOne(((InputItem.Rejected) p.item()).reason());
            }
        } catch (ExecutionException e) {
            summary.failed(describe(e.getCause()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            summary.failed("interrupted");
        }
    }

    private String describe(Throwable e) {
        if (e instanceof org.apache.kafka.common.errors.TimeoutException) {
            return "Kafka at " + config.get(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG)
                    + " did not answer in time (" + rootMessage(e) + "); is the broker running and does topic '"
                    + articlesTopic + "' exist? (bounds: max.block.ms=" + config.get(ProducerConfig.MAX_BLOCK_MS_CONFIG)
                    + ", delivery.timeout.ms=" + config.get(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG) + ")";
        }
        return "Kafka at " + config.get(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG) + ": " + rootMessage(e);
    }

    /** The producer's properties without the registry's and Riposte's own keys, which Kafka would warn about. */
    static Map<String, Object> kafkaOnly(Map<String, Object> config) {
        Map<String, Object> p = new HashMap<>();
        config.forEach((k, v) -> {
            if (!k.startsWith("schema.registry.") && !k.startsWith("basic.auth.") && !k.startsWith("bearer.auth.")
                    && !k.endsWith(".subject.name.strategy") && !k.equals("auto.register.schemas")
                    && !k.equals("use.latest.version") && !k.startsWith("riposte.")) {
                p.put(k, v);
            }
        });
        return p;
    }

    static String rootMessage(Throwable e) {
        Throwable t = e;
        StringBuilder sb = new StringBuilder(String.valueOf(t.getMessage()));
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
            if (t.getMessage() != null && !sb.toString().contains(t.getMessage())) {
                sb.append(": ").append(t.getMessage());
            }
        }
        if (sb.toString().equals("null")) {
            return t.getClass().getSimpleName();
        }
        return sb.toString();
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
        serializer.close();
    }
}
