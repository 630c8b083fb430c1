package io.riposte.reliability;

import io.riposte.domain.Article;
import io.riposte.extraction.Extractors;
import io.riposte.mapping.AvroMapping;
import io.riposte.producer.Articles;
import io.riposte.streams.CorrelatorFactory;
import io.riposte.streams.RiposteSerdes;
import io.riposte.streams.RiposteStreamsApp;
import io.riposte.streams.RiposteTopology;
import io.riposte.streams.StreamsCounters;
import io.riposte.topics.Topics;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;

/**
 * The uninterrupted run: the same articles through the real topology (real extractor and correlator,
 * the app's own config with the store cache off) on a TopologyTestDriver: no broker, no crash, no
 * restart. The correlation is order-independent by design, so every interrupted run must end with
 * the same {@code actions} and {@code chains} content and the same dead letters.
 */
final class Oracle {
    private Oracle() {}

    static Outputs run(String registryUrl, Path stateDir, List<Article> articles) {
        Map<String, Object> config = RiposteStreamsApp.config(Map.of(
                StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:9",
                "schema.registry.url", registryUrl,
                StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, 0L,
                StreamsConfig.STATE_DIR_CONFIG, stateDir.toString()));
        config.keySet().removeIf(k -> k.startsWith("riposte."));
        Properties props = new Properties();
        props.putAll(config);
        StreamsCounters counters = new StreamsCounters();
        Outputs out = new Outputs();
        try (RiposteSerdes serdes = RiposteSerdes.registry(config);
                TopologyTestDriver ttd = new TopologyTestDriver(
                        RiposteTopology.build(config, Extractors.standard(), CorrelatorFactory.standard(), serdes, counters), props)) {
            var input = ttd.createInputTopic(Topics.ARTICLES, new StringSerializer(), serdes.articles().serializer());
            // Raw bytes, decoded and drained as we go: the driver keeps every output record in memory.
            Map<String, TestOutputTopic<String, byte[]>> outputs = new LinkedHashMap<>();
            for (String topic : Outputs.topics()) {
                outputs.put(topic, ttd.createOutputTopic(topic, new StringDeserializer(), new ByteArrayDeserializer()));
            }
            int n = 0;
            for (Article a : articles) {
                input.pipeInput(a.id(), AvroMapping.toAvro(a), Articles.timestamp(a));
                if (++n % 250 == 0 || n == articles.size()) {
                    outputs.forEach((topic, records) -> {
                        for (TestRecord<String, byte[]> r : records.readRecordsToList()) {
                            out.add(topic, r.key(), r.value(), r.headers(), serdes);
                        }
                    });
                }
            }
            if (counters.articlesProcessed() != articles.size()) {
                throw new IllegalStateException("the oracle read " + counters.articlesProcessed() + " of " + articles.size() + " articles");
            }
        }
        return out;
    }
}
