package io.riposte.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.riposte.domain.Article;
import io.riposte.domain.input.ArticleIds;
import io.riposte.domain.DatePrecision;
import io.riposte.mapping.AvroMapping;
import io.riposte.topics.Topics;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyDescription;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The bench's pass-through topology: every node named, and every article comes out as it went in. */
@ExtendWith(TestRegistry.class)
class PassThroughTopologyTest {
    @TempDir
    Path state;

    private Map<String, Object> config(String prefix) {
        return RiposteStreamsApp.config(Map.of(
                StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:9",
                "schema.registry.url", TestRegistry.url(),
                Topics.PREFIX_CONFIG, prefix,
                StreamsConfig.STATE_DIR_CONFIG, state.toString()));
    }

    private static Article article(int i) {
        String title = "Ministry " + i + " recalls its envoy for consultations";
        String body = "The ministry said on Tuesday that envoy number " + i + " would return home for talks.";
        return new Article(ArticleIds.of(null, title, body), "pt-" + i + ".txt", null, title, body,
                Instant.parse("2022-03-01T10:00:00Z").plusSeconds(3600L * i), DatePrecision.DAY, "Bench desk", "en",
                Instant.parse("2024-01-01T00:00:00Z"));
    }

    @Test
    void everyArticleComesOutUnchangedUnderItsKey() {
        Map<String, Object> config = config("ceiling.");
        StreamsCounters counters = new StreamsCounters();
        Properties props = new Properties();
        props.putAll(RiposteStreamsApp.streamsProperties(config));
        try (RiposteSerdes serdes = RiposteSerdes.registry(config);
                TopologyTestDriver ttd = new TopologyTestDriver(PassThroughTopology.build(config, serdes, counters), props)) {
            var in = ttd.createInputTopic("ceiling." + Topics.ARTICLES, new StringSerializer(), serdes.articles().serializer());
            var out = ttd.createOutputTopic("ceiling." + Topics.ACTIONS, new StringDeserializer(), serdes.articles().deserializer());
            List<io.riposte.avro.Article> sent = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                Article a = article(i);
                io.riposte.avro.Article avro = AvroMapping.toAvro(a);
                sent.add(avro);
                in.pipeInput(a.id(), avro, a.published());
            }
            List<TestRecord<String, io.riposte.avro.Article>> got = out.readRecordsToList();

            assertThat(got).extracting(TestRecord::value).containsExactlyElementsOf(sent);
            assertThat(got).extracting(TestRecord::key).containsExactlyElementsOf(sent.stream().map(io.riposte.avro.Article::getId).toList());
            assertThat(got).extracting(r -> r.getRecordTime()).containsExactlyElementsOf(
                    sent.stream().map(a -> article(sent.indexOf(a)).published()).toList());
            assertThat(counters.articlesProcessed()).isEqualTo(5);
            assertThat(counters.actionsExtracted()).isZero();
        }
    }

    @Test
    void everyNodeAndTheRepartitionTopicAreNamed() {
        Map<String, Object> config = config("");
        try (RiposteSerdes serdes = RiposteSerdes.registry(config)) {
            Topology topology = PassThroughTopology.build(config, serdes, new StreamsCounters());
            TopologyDescription d = topology.describe();
            assertThat(d.subtopologies()).as("read + repartition, like Riposte's extract and correlate").hasSize(2);
            Set<String> nodes = new TreeSet<>();
            d.subtopologies().forEach(s -> s.nodes().forEach(n -> nodes.add(n.name())));
            assertThat(nodes).containsExactlyInAnyOrder(PassThroughTopology.SOURCE, PassThroughTopology.COUNT,
                    PassThroughTopology.REPARTITION + "-repartition-filter", PassThroughTopology.REPARTITION + "-repartition-sink",
                    PassThroughTopology.REPARTITION + "-repartition-source", PassThroughTopology.SINK);
            assertThat(d.globalStores()).isEmpty();
            assertThat(d.toString()).contains("topics: [" + Topics.ARTICLES + "]", "topic: " + Topics.ACTIONS,
                    "pass-through-by-key-repartition");
        }
    }

    @Test
    void theAppRefusesAnUnknownTopologyName() {
        Map<String, Object> settings = Map.of(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:9",
                "schema.registry.url", TestRegistry.url(), RiposteStreamsApp.TOPOLOGY, "identity");
        assertThatThrownBy(() -> RiposteStreamsApp.standard(settings)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("riposte.topology must be riposte or pass-through, not 'identity'");
    }
}
