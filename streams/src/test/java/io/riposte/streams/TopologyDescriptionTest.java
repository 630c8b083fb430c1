package io.riposte.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.riposte.extraction.Extractor;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TopologyConfig;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.Topology;
import org.junit.jupiter.api.Test;

/**
 * Pins the topology: every node, store and internal topic name is part of the deployed contract
 * (renaming one orphans its changelog or repartition topic). The expected description lives in
 * {@code src/test/resources/topology.txt}.
 *
 * <p>To change it on purpose, regenerate the file and review the diff:
 * {@code mvn -q -B -o -pl streams test -Dtest=TopologyDescriptionTest -Driposte.topology.regenerate=true}
 */
public class TopologyDescriptionTest {
    static final Extractor NEVER_CALLED = a -> {
        throw new AssertionError("describing the topology must not run extraction");
    };
    static final CorrelatorFactory NEVER_CREATED = stores -> {
        throw new AssertionError("describing the topology must not create a correlator");
    };

    public static Map<String, Object> config() {
        return RiposteStreamsApp.config(Map.of(
                StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:9",
                "schema.registry.url", "http://127.0.0.1:9"));
    }

    public static Topology topology() {
        Map<String, Object> config = RiposteStreamsApp.streamsProperties(config());
        return RiposteTopology.build(config, NEVER_CALLED, NEVER_CREATED, RiposteSerdes.registry(config), new StreamsCounters());
    }

    @Test
    void theCatalogueNamesEveryRepartitionTopic() {
        java.util.Set<String> found = new java.util.TreeSet<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\(topic: ([a-z-]+)-repartition\\)")
                .matcher(topology().describe().toString());
        while (m.find()) {
            found.add(m.group(1));
        }
        assertThat(found).containsExactlyInAnyOrderElementsOf(io.riposte.topics.Topics.REPARTITIONS);
    }

    @Test
    void descriptionMatchesTheGoldenFile() throws IOException {
        String actual = topology().describe().toString();
        Path golden = Path.of(System.getProperty("riposte.project.dir", ".."), "streams", "src", "test", "resources", "topology.txt");
        if (Boolean.getBoolean("riposte.topology.regenerate")) {
            Files.writeString(golden, actual, StandardCharsets.UTF_8);
        }
        String expected;
        try (var in = TopologyDescriptionTest.class.getResourceAsStream("/topology.txt")) {
            expected = in == null ? Files.readString(golden, StandardCharsets.UTF_8) : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        if (Boolean.getBoolean("riposte.topology.regenerate")) {
            expected = Files.readString(golden, StandardCharsets.UTF_8);
        }
        assertThat(actual).isEqualTo(expected);
    }

    @Test
    void everyInternalResourceHasOurName() {
        String d = topology().describe().toString();
        assertThat(d).contains("Source: articles-source (topics: [articles])", "Processor: extract ", "Processor: key-by-dyad ",
                "Sink: by-dyad-repartition-sink (topic: by-dyad-repartition)", "Processor: correlate (stores: [",
                "Sink: actions-sink (topic: actions)", "Sink: chains-sink (topic: chains)", "Sink: alerts-sink (topic: alerts)",
                "Sink: extract-dead-letters-sink (topic: dead-letters)", "Sink: correlate-dead-letters-sink (topic: dead-letters)");
        for (String store : new String[] {RiposteTopology.STORE_MENTIONS, RiposteTopology.STORE_ACTIONS, RiposteTopology.STORE_CHAINS,
                RiposteTopology.STORE_INDEX, RiposteTopology.STORE_ACTION_KEYS, RiposteTopology.STORE_CHAIN_KEYS}) {
            assertThat(d).contains(store);
        }
        assertThat(d).doesNotContain("KSTREAM-", "KTABLE-");
    }

    @Test
    void explicitNamingIsEnforcedSoAnUnnamedRepartitionFailsTheBuild() {
        // The guard the real topology relies on: an unnamed repartition topic is refused.
        Properties p = new Properties();
        p.putAll(RiposteStreamsApp.streamsProperties(config()));
        StreamsBuilder b = new StreamsBuilder(new TopologyConfig(new StreamsConfig(p)));
        b.stream("in", Consumed.with(Serdes.String(), Serdes.String()).withName("in-source"))
                .repartition()
                .to("out", Produced.with(Serdes.String(), Serdes.String()).withName("out-sink"));
        assertThatThrownBy(b::build).hasMessageContaining("repartition");
    }
}
