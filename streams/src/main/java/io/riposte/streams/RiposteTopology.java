package io.riposte.streams;

import io.riposte.avro.ActionMention;
import io.riposte.extraction.Extractor;
import io.riposte.streams.state.AvroStoreSerde;
import io.riposte.topics.Topics;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyConfig;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * The Riposte topology:
 *
 * <pre>
 * articles -> extract -> key-by-dyad -> by-dyad (repartition) -> correlate -> actions | chains | alerts
 *                 \-> dead-letters                                   \-> dead-letters
 * </pre>
 *
 * Every source, processor, store, repartition topic and sink has a name, and
 * {@code ensure.explicit.internal.resource.naming} makes a forgotten name fail the build.
 */
public final class RiposteTopology {
    private RiposteTopology() {}

    public static final String SOURCE_ARTICLES = "articles-source";
    public static final String EXTRACT = "extract";
    public static final String KEY_BY_DYAD = "key-by-dyad";
    public static final String REPARTITION_BY_DYAD = "by-dyad";
    public static final String CORRELATE = "correlate";

    public static final String STORE_MENTIONS = "correlation-mentions";
    public static final String STORE_ACTIONS = "correlation-actions";
    public static final String STORE_CHAINS = "correlation-chains";
    /**
     * The correlator's general index (alerts already announced, mentions by id, citations, anchors of
     * undated mentions, each dyad's latest day): see {@link io.riposte.correlation.CorrelationStores#index()}.
     * Store names are the changelog contract: renaming one needs {@code riposte reset}.
     */
    public static final String STORE_INDEX = "correlation-index";
    /** What the {@code actions} topic holds, by action id: the interactive-query view. */
    public static final String STORE_ACTIONS_BY_ID = "actions-by-id";
    /** What the {@code chains} topic holds, by chain id: the interactive-query view. */
    public static final String STORE_CHAINS_BY_ID = "chains-by-id";

    /**
     * Builds the topology.
     *
     * @param config Streams config (needs at least application.id and bootstrap.servers to be valid,
     *     any values will do for describing or testing); its {@link Topics#PREFIX_CONFIG} names the topics
     * @param extractor the extraction engine
     * @param correlators makes one correlator per task over that task's stores
     */
    public static Topology build(Map<String, ?> config, Extractor extractor, CorrelatorFactory correlators,
            RiposteSerdes serdes, StreamsCounters counters) {
        Properties props = new Properties();
        props.putAll(config);
        props.putIfAbsent(StreamsConfig.ENSURE_EXPLICIT_INTERNAL_RESOURCE_NAMING_CONFIG, true);
        StreamsBuilder builder = new StreamsBuilder(new TopologyConfig(new StreamsConfig(props)));
        Serde<String> keys = Serdes.String();
        String prefix = Topics.prefix(config);

        KStream<String, Emitted.FromExtract> extracted = builder
                .stream(prefix + Topics.ARTICLES, Consumed.with(keys, serdes.articles()).withName(SOURCE_ARTICLES))
                .process(extractSupplier(extractor, serdes, counters), Named.as(EXTRACT));
        deadLetterSink(extracted.flatMapValues(Emitted.FromExtract::toDeadLetters, Named.as(EXTRACT + "-dead-letter-value")), EXTRACT, prefix);

        // Every output node sees every record and keeps only its own kind (see Emitted): no split, no casts.
        KStream<String, Emitted.FromCorrelate> correlated = extracted
                .flatMapValues(Emitted.FromExtract::toCorrelate, Named.as(EXTRACT + "-mention"))
                .selectKey((articleId, m) -> io.riposte.domain.Dyad.of(m.getSource(), m.getTarget()), Named.as(KEY_BY_DYAD))
                .repartition(Repartitioned.<String, ActionMention>as(REPARTITION_BY_DYAD)
                        .withKeySerde(keys).withValueSerde(serdes.mentions()))
                .process(correlateSupplier(correlators, serdes, counters), Named.as(CORRELATE));
        correlated.flatMapValues(Emitted.FromCorrelate::toActions, Named.as("actions-value"))
                .to(prefix + Topics.ACTIONS, Produced.with(keys, serdes.actions()).withName("actions-sink"));
        correlated.flatMapValues(Emitted.FromCorrelate::toChains, Named.as("chains-value"))
                .to(prefix + Topics.CHAINS, Produced.with(keys, serdes.chains()).withName("chains-sink"));
        correlated.flatMapValues(Emitted.FromCorrelate::toAlerts, Named.as("alerts-value"))
                .to(prefix + Topics.ALERTS, Produced.with(keys, serdes.alerts()).withName("alerts-sink"));
        deadLetterSink(correlated.flatMapValues(Emitted.FromCorrelate::toDeadLetters, Named.as(CORRELATE + "-dead-letter-value")),
                CORRELATE, prefix);

        return builder.build();
    }

    private static void deadLetterSink(KStream<String, byte[]> raw, String stage, String prefix) {
        raw.to(prefix + Topics.DEAD_LETTERS, Produced.with(Serdes.String(), Serdes.ByteArray()).withName(stage + "-dead-letters-sink"));
    }

    private static ProcessorSupplier<String, io.riposte.avro.Article, String, Emitted.FromExtract> extractSupplier(
            Extractor extractor, RiposteSerdes serdes, StreamsCounters counters) {
        return () -> new ExtractProcessor(extractor, serdes.articles().serializer(), counters);
    }

    private static ProcessorSupplier<String, ActionMention, String, Emitted.FromCorrelate> correlateSupplier(
            CorrelatorFactory correlators, RiposteSerdes serdes, StreamsCounters counters) {
        return new ProcessorSupplier<>() {
            @Override
            public CorrelateProcessor get() {
                return new CorrelateProcessor(correlators, serdes.mentions().serializer(), counters);
            }

            @Override
            public Set<StoreBuilder<?>> stores() {
                // The order here is not the order of the description: Kafka lists a processor's stores
                // from a hash set, in an order of its own (stable for a given set of names, which the golden
                // test pins).
                Set<StoreBuilder<?>> stores = new LinkedHashSet<>();
                stores.addAll(List.of(
                        store(STORE_MENTIONS, AvroStoreSerde.mentions()),
                        store(STORE_ACTIONS, AvroStoreSerde.actions()),
                        store(STORE_CHAINS, AvroStoreSerde.chains()),
                        store(STORE_INDEX, Serdes.String()),
                        store(STORE_ACTIONS_BY_ID, AvroStoreSerde.actions()),
                        store(STORE_CHAINS_BY_ID, AvroStoreSerde.chains())));
                return stores;
            }
        };
    }

    /** Plain persistent key-value stores with changelogs; never versioned (they drop old writes on replay). */
    private static <V> StoreBuilder<KeyValueStore<String, V>> store(String name, Serde<V> values) {
        return Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(name), Serdes.String(), values)
                .withCachingEnabled();
    }
}
