package io.riposte.topics;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The catalogue of Riposte's topics. Every app names topics through these constants, and
 * {@code riposte local} and the demo create exactly this list before anything runs.
 *
 * <p>The constants are base names. A deployment reads and writes {@link #name(Map, String)}: the base
 * name behind the {@value #PREFIX_CONFIG} of its configuration (empty by default), so that several
 * deployments share one cluster without touching each other's topics.
 */
public final class Topics {
    private Topics() {}

    /** Prepended to every topic of the catalogue and to the Streams application id (default: none). */
    public static final String PREFIX_CONFIG = "riposte.topic.prefix";

    // Kafka's legal topic characters; the prefix is also part of the Streams application id.
    private static final Pattern LEGAL_PREFIX = Pattern.compile("[a-zA-Z0-9._-]{0,200}");

    /**
     * The Streams application id when none is configured (behind the prefix, when one is set): the name of
     * the consumer group, the transactional ids and every internal topic, so the apps and tools share it.
     */
    public static final String DEFAULT_APPLICATION_ID = "riposte-streams";

    public static final String ARTICLES = "articles";
    public static final String ACTIONS = "actions";
    public static final String CHAINS = "chains";
    public static final String ALERTS = "alerts";
    /** Records the topology could not process, with the reason and the article's provenance in headers. */
    public static final String DEAD_LETTERS = "dead-letters";
    /** Input the producer refused (unreadable, empty, oversize, binary, bad encoding), reason in headers. */
    public static final String REJECTED_ARTICLES = "rejected-articles";
    /** The consumer's materialized view: one JSON record per dyad. */
    public static final String DYADS = "dyads";
    /** The same view in Avro, for consumers with a registry. */
    public static final String DYADS_AVRO = "dyads-avro";
    /** Alerts {@code riposte notify} could not deliver to its webhook, as read, with the reason in headers. */
    public static final String NOTIFY_DEAD_LETTERS = "notify-dead-letters";

    /**
     * The repartition topics the Streams topology makes itself, as {@code <application id>-<name>-repartition}
     * (behind the prefix): not in {@link #all()}, since Streams creates them with the partitions of {@code articles}
     * and deletes them on {@code riposte reset}; named here so tools and docs share one list. All are keyed by dyad.
     * {@code by-dyad}: every mention, by its dyad (Avro ActionMention). {@code by-answered-dyad}: a mention whose text
     * says it answers another dyad's act, by that dyad (Avro ActionMention). {@code cross-dyad-resolved}: which act
     * such a mention answers, back to its own dyad (one line of text, see {@code CrossDyadState} in module streams).
     */
    public static final List<String> REPARTITIONS = List.of("by-dyad", "by-answered-dyad", "cross-dyad-resolved");

    /** Partitions of a new {@code articles} topic (see {@link #all()}). */
    public static final int ARTICLES_PARTITIONS = 6;

    private static final String FOREVER = "-1";
    private static final String THIRTY_DAYS = String.valueOf(30L * 24 * 3600 * 1000);

    private static final Map<String, String> KEEP = Map.of("cleanup.policy", "delete", "retention.ms", FOREVER);
    private static final Map<String, String> COMPACT = Map.of("cleanup.policy", "compact", "min.compaction.lag.ms", "0");
    /*
     * Alerts and dead letters carry the article's event time, which for a replayed archive is years
     * old: with CreateTime, a 30-day retention would delete them as soon as they are written. The
     * broker's append time makes the retention count from when they were written.
     */
    private static final Map<String, String> MONTH = Map.of(
            "cleanup.policy", "delete", "retention.ms", THIRTY_DAYS, "message.timestamp.type", "LogAppendTime");

    /**
     * The configured prefix, "" when unset.
     *
     * @throws IllegalArgumentException when it holds a character Kafka refuses in topic names
     */
    public static String prefix(Map<String, ?> config) {
        Object p = config.get(PREFIX_CONFIG);
        String prefix = p == null ? "" : p.toString().trim();
        if (!LEGAL_PREFIX.matcher(prefix).matches()) {
            throw new IllegalArgumentException(PREFIX_CONFIG + " '" + prefix
                    + "' is not a legal topic prefix: use at most 200 of a-z, A-Z, 0-9, '.', '_' and '-'");
        }
        return prefix;
    }

    /** The topic a deployment configured with {@code config} uses for the catalogue's {@code base} name. */
    public static String name(Map<String, ?> config, String base) {
        return prefix(config) + base;
    }

    /**
     * {@code name} behind the prefix unless it already starts with it: the rule for the Streams
     * application id, which a user may give with or without the prefix.
     */
    public static String prefixedOnce(Map<String, ?> config, String name) {
        String prefix = prefix(config);
        return name.startsWith(prefix) ? name : prefix + name;
    }

    /** The catalogue with every name behind {@code prefix}. */
    public static List<TopicSpec> all(String prefix) {
        return all().stream().map(t -> t.prefixed(prefix)).toList();
    }

    /**
     * Every topic, in creation order, by base name. Archives are kept forever so a reset can reprocess them.
     *
     * <p>{@code articles} has {@value #ARTICLES_PARTITIONS} partitions: they set how many extraction and (through the
     * repartition topics, which Streams creates with the same count) correlation tasks there are, and a count that
     * 1, 2, 3 and 6 stream threads divide gives every thread as many tasks of each kind (with 3 partitions and 2
     * threads, one thread held an extraction task and two correlation tasks; see docs/operations.md). Extraction keeps
     * no state, so an {@code articles} topic created earlier with another count is used as it is.
     */
    public static List<TopicSpec> all() {
        return List.of(
                new TopicSpec(ARTICLES, ARTICLES_PARTITIONS, KEEP, "article id", "io.riposte.avro.Article", true),
                new TopicSpec(ACTIONS, 3, COMPACT, "action id", "io.riposte.avro.Action (tombstone when merged away)"),
                new TopicSpec(CHAINS, 3, COMPACT, "chain id", "io.riposte.avro.Chain (tombstone when dissolved)"),
                new TopicSpec(ALERTS, 3, MONTH, "dyad", "io.riposte.avro.Alert"),
                new TopicSpec(DEAD_LETTERS, 1, MONTH, "raw source key", "raw source value; reason and provenance in headers"),
                new TopicSpec(REJECTED_ARTICLES, 1, MONTH, "origin", "raw input bytes (truncated); reason in headers"),
                new TopicSpec(DYADS, 3, COMPACT, "dyad A-B", "JSON dyad summary"),
                new TopicSpec(DYADS_AVRO, 3, COMPACT, "dyad A-B", "Avro dyad summary"),
                new TopicSpec(NOTIFY_DEAD_LETTERS, 1, MONTH, "dyad (the alert's key)", "the alert as read; reason in headers"));
    }
}
