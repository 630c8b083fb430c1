package io.riposte.streams;

import io.riposte.domain.Article;
import io.riposte.extraction.Extractor;
import io.riposte.mapping.AvroMapping;
import io.riposte.topics.Topics;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;

/**
 * The real topology in a TopologyTestDriver, configured as the app configures it (handlers, dead
 * letters, exactly-once) but with the store cache off so every update is visible, and with the
 * registry serdes talking HTTP to a registry.
 */
final class Driver implements AutoCloseable {
    final Map<String, Object> config;
    final RiposteSerdes serdes;
    final StreamsCounters counters = new StreamsCounters();
    final TopologyTestDriver ttd;
    final TestInputTopic<String, io.riposte.avro.Article> articles;
    final TestInputTopic<String, byte[]> rawArticles;
    final TestOutputTopic<String, io.riposte.avro.Action> actions;
    final TestOutputTopic<String, io.riposte.avro.Chain> chains;
    final TestOutputTopic<String, io.riposte.avro.Alert> alerts;
    final TestOutputTopic<String, byte[]> deadLetters;

    Driver(String registryUrl, Path stateDir, Extractor extractor, CorrelatorFactory correlators) {
        this(registryUrl, stateDir, extractor, correlators, Map.of());
    }

    Driver(String registryUrl, Path stateDir, Extractor extractor, CorrelatorFactory correlators, Map<String, ?> extra) {
        Map<String, Object> settings = new java.util.HashMap<>(Map.of(
                StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:9",
                "schema.registry.url", registryUrl,
                StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, 0L,
                StreamsConfig.STATE_DIR_CONFIG, stateDir.toString()));
        settings.putAll(extra);
        config = RiposteStreamsApp.streamsProperties(RiposteStreamsApp.config(settings));
        serdes = RiposteSerdes.registry(config);
        Properties props = new Properties();
        props.putAll(config);
        ttd = new TopologyTestDriver(RiposteTopology.build(config, extractor, correlators, serdes, counters), props);
        articles = ttd.createInputTopic(Topics.ARTICLES, new StringSerializer(), serdes.articles().serializer());
        rawArticles = ttd.createInputTopic(Topics.ARTICLES, new StringSerializer(), new ByteArraySerializer());
        actions = ttd.createOutputTopic(Topics.ACTIONS, new StringDeserializer(), serdes.actions().deserializer());
        chains = ttd.createOutputTopic(Topics.CHAINS, new StringDeserializer(), serdes.chains().deserializer());
        alerts = ttd.createOutputTopic(Topics.ALERTS, new StringDeserializer(), serdes.alerts().deserializer());
        deadLetters = ttd.createOutputTopic(Topics.DEAD_LETTERS, new StringDeserializer(), new ByteArrayDeserializer());
    }

    /** Publishes like the producer: key = article id, timestamp = publication time (else ingestion time). */
    void publish(Article a) {
        Instant ts = a.published() != null ? a.published() : a.ingestedAt();
        articles.pipeInput(a.id(), AvroMapping.toAvro(a), ts);
    }

    void publishAll(List<Article> list) {
        list.forEach(this::publish);
    }

    /** Last value per key with tombstones applied: what a compacted topic ends up holding. */
    static <V> Map<String, V> compacted(List<TestRecord<String, V>> records) {
        Map<String, V> out = new LinkedHashMap<>();
        for (TestRecord<String, V> r : records) {
            if (r.value() == null) {
                out.remove(r.key());
            } else {
                out.put(r.key(), r.value());
            }
        }
        return out;
    }

    @Override
    public void close() {
        ttd.close();
        serdes.close();
    }
}
