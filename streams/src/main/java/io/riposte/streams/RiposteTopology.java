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
 * articles -> extract -> key-by-dyad -> by-dyad (repartition) -> correlate --------> actions | chains | alerts
 *               |  \-> dead-letters                                 |  \-> dead-letters       ^
 *               \-> cross-dyad-cue -> key-by-answered-dyad            v                       |
 *                    -> by-answered-dyad (repartition) -> resolve-cross-dyad -> cross-dyad-resolved (repartition)
 *                                                                               -> link-cross-dyad
 * </pre>
 *
 * The cross-dyad round trip ({@link CrossDyadState}) is like a foreign-key join: a mention whose text says it answers
 * another dyad's act also goes, keyed by that dyad, to the task that owns it ({@code resolve-cross-dyad}), which
 * resolves it on that dyad's actions now and, through {@code correlate}, whenever they change; each resolution comes
 * back keyed by the answering dyad to {@code link-cross-dyad}, which adds the link to the answering action. The three
 * processors share their stores, so their three sources (all keyed by dyad, all partitioned like by-dyad) make one
 * sub-topology: a dyad's mentions, cues and resolutions meet on one task.
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
    /** Mentions whose text says they answer another dyad's act, keyed by that (answered) dyad. */
    public static final String CROSS_DYAD_CUE = "cross-dyad-cue";
    public static final String KEY_BY_ANSWERED_DYAD = "key-by-answered-dyad";
    public static final String REPARTITION_BY_ANSWERED_DYAD = "by-answered-dyad";
    public static final String RESOLVE_CROSS_DYAD = "resolve-cross-dyad";
    /** Resolutions of cross-dyad cues, keyed by the answering dyad. */
    public static final String REPARTITION_CROSS_DYAD_RESOLVED = "cross-dyad-resolved";
    public static final String LINK_CROSS_DYAD = "link-cross-dyad";

    public static final String STORE_MENTIONS = "correlation-mentions";
    public static final String STORE_ACTIONS = "correlation-actions";
    public static final String STORE_CHAINS = "correlation-chains";
    /**
     * The correlator's general index (alerts already announced, mentions by id, citations, anchors of
     * undated mentions, each dyad's latest day): see {@link io.riposte.correlation.CorrelationStores#index()}.
     * Store names are the changelog contract: renaming one needs {@code riposte reset}.
     */
    public static final String STORE_INDEX = "correlation-index";
    /** The cross-dyad cues waiting on the acts of a dyad this task owns: {@link CrossDyadState}. */
    public static final String STORE_CROSS_DYAD_CUES = "cross-dyad-cues";
    /** Resolutions of cross-dyad cues, sent (for the answered dyads) and received (for the answering ones). */
    public static final String STORE_CROSS_DYAD_LINKS = "cross-dyad-links";
    /**
     * Action id -> its key in {@value #STORE_ACTIONS}, for interactive queries by id: a pointer, written only when an
     * action appears, moves or goes, where a copy of the action would be rewritten with every change of it.
     */
    public static final String STORE_ACTION_KEYS = "action-keys";
    /**
     * Chain id -> its dyad, for interactive queries by id: a chain's key in {@value #STORE_CHAINS} moves with each new
     * step, so the pointer names the dyad (whose chains are few) and is written only when a chain appears or goes.
     */
    public static final String STORE_CHAIN_KEYS = "chain-keys";

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
        KStream<String, ActionMention> mentions = extracted
                .flatMapValues(Emitted.FromExtract::toCorrelate, Named.as(EXTRACT + "-mention"));
        KStream<String, Emitted.FromCorrelate> correlatedHere = mentions
                .selectKey((articleId, m) -> io.riposte.domain.Dyad.of(m.getSource(), m.getTarget()), Named.as(KEY_BY_DYAD))
                .repartition(Repartitioned.<String, ActionMention>as(REPARTITION_BY_DYAD)
                        .withKeySerde(keys).withValueSerde(serdes.mentions()))
                .process(correlateSupplier(correlators, serdes, counters), Named.as(CORRELATE));
        KStream<String, Emitted.FromCorrelate> resolved = mentions
                .filter((articleId, m) -> m.getCrossSource() != null && m.getCrossTarget() != null, Named.as(CROSS_DYAD_CUE))
                .selectKey((articleId, m) -> io.riposte.domain.Dyad.of(m.getCrossSource(), m.getCrossTarget()),
                        Named.as(KEY_BY_ANSWERED_DYAD))
                .repartition(Repartitioned.<String, ActionMention>as(REPARTITION_BY_ANSWERED_DYAD)
                        .withKeySerde(keys).withValueSerde(serdes.mentions()))
                .process(() -> new ResolveCrossDyadProcessor(correlators.settings()), Named.as(RESOLVE_CROSS_DYAD),
                        STORE_CROSS_DYAD_CUES, STORE_CROSS_DYAD_LINKS, STORE_ACTIONS);
        KStream<String, Emitted.FromCorrelate> linked = correlatedHere
                .merge(resolved, Named.as(RESOLVE_CROSS_DYAD + "-merge"))
                .flatMapValues(Emitted.FromCorrelate::toCrossDyadResolutions, Named.as(RESOLVE_CROSS_DYAD + "-value"))
                .repartition(Repartitioned.<String, String>as(REPARTITION_CROSS_DYAD_RESOLVED)
                        .withKeySerde(keys).withValueSerde(Serdes.String()))
                .process(() -> new LinkCrossDyadProcessor(correlators.settings()), Named.as(LINK_CROSS_DYAD),
                        STORE_CROSS_DYAD_CUES, STORE_CROSS_DYAD_LINKS, STORE_ACTIONS, STORE_MENTIONS, STORE_CHAINS, STORE_INDEX);
        KStream<String, Emitted.FromCorrelate> correlated = correlatedHere.merge(linked, Named.as(LINK_CROSS_DYAD + "-merge"));
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
                        store(STORE_ACTION_KEYS, Serdes.String()),
                        store(STORE_CHAIN_KEYS, Serdes.String()),
                        store(STORE_CROSS_DYAD_CUES, AvroStoreSerde.mentions()),
                        store(STORE_CROSS_DYAD_LINKS, Serdes.String())));
                return stores;
            }
        };
    }

    /**
     * Plain persistent key-value stores with changelogs; never versioned (they drop old writes on replay). Without
     * Kafka's record cache: the correlator writes most keys once per commit interval (index entries are new keys, a
     * changed action is written once per step), so a 1 MiB cache saved no changelog record (30,000 articles: the same
     * records per changelog with it and without it) while every get, put and range paid for its sorted map of byte
     * keys, its evictions and the merge of its iterator with RocksDB's (docs/benchmarks.md).
     */
    private static <V> StoreBuilder<KeyValueStore<String, V>> store(String name, Serde<V> values) {
        return Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(name), Serdes.String(), values)
                .withCachingDisabled();
    }
}
