package io.riposte.streams;

import io.riposte.avro.Article;
import io.riposte.topics.Topics;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyConfig;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;

/**
 * The Kafka path of the Riposte pipeline with no work on it, to measure the ceiling {@code riposte bench
 * --ceiling} compares Riposte with:
 *
 * <pre>
 * articles -> [pass-through-source] -> [pass-through-count] -> [pass-through-by-key] (repartition)
 *          -> [pass-through-sink] -> actions
 * </pre>
 *
 * It reads the same topic with the same registry serde as {@link RiposteTopology}, crosses one
 * repartition topic (Riposte's by-dyad hop: two sub-topologies, three tasks each on the catalogue's
 * partitions), and writes every article unchanged, deserialised and serialised again, to the
 * {@code actions} topic kind. No store: Riposte's store writes are part of what the comparison measures.
 * Run it under a topic prefix of its own (the bench uses {@code <prefix>pass-through.}) so that its
 * {@code actions} never mixes with Riposte's.
 */
public final class PassThroughTopology {
    private PassThroughTopology() {}

    /** The value of {@link RiposteStreamsApp#TOPOLOGY} that runs this topology. */
    public static final String NAME = "pass-through";

    public static final String SOURCE = "pass-through-source";
    /** Counts each article as processed (the counters the bench reads on /health), then forwards it as is. */
    public static final String COUNT = "pass-through-count";
    public static final String REPARTITION = "pass-through-by-key";
    public static final String SINK = "pass-through-sink";
    /** The catalogue topic the articles are written to. */
    public static final String OUTPUT = Topics.ACTIONS;

    /**
     * @param config Streams config; its {@link Topics#PREFIX_CONFIG} names the topics
     * @param counters counts {@code articles_processed}; every other counter stays 0
     */
    public static Topology build(Map<String, ?> config, RiposteSerdes serdes, StreamsCounters counters) {
        Properties props = new Properties();
        props.putAll(config);
        props.putIfAbsent(StreamsConfig.ENSURE_EXPLICIT_INTERNAL_RESOURCE_NAMING_CONFIG, true);
        StreamsBuilder builder = new StreamsBuilder(new TopologyConfig(new StreamsConfig(props)));
        Serde<String> keys = Serdes.String();
        Serde<Article> articles = serdes.articles();
        String prefix = Topics.prefix(config);
        builder.stream(prefix + Topics.ARTICLES, Consumed.with(keys, articles).withName(SOURCE))
                .peek((k, v) -> counters.articlesProcessed.incrementAndGet(), Named.as(COUNT))
                .repartition(Repartitioned.<String, Article>as(REPARTITION).withKeySerde(keys).withValueSerde(articles))
                .to(prefix + OUTPUT, Produced.with(keys, articles).withName(SINK));
        return builder.build();
    }
}
