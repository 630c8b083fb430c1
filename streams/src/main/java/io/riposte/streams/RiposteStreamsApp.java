package io.riposte.streams;

import io.riposte.extraction.Extractor;
import io.riposte.extraction.Extractors;
import io.riposte.serde.RegistryUnavailableException;
import io.riposte.serde.SerdeConfig;
import io.riposte.streams.errors.DeadLetteringDeserializationExceptionHandler;
import io.riposte.streams.errors.DeadLetteringProductionExceptionHandler;
import io.riposte.streams.errors.OutageAwareProcessingExceptionHandler;
import io.riposte.streams.query.QueryServer;
import io.riposte.topics.Topics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Riposte Kafka Streams application: the topology, its config, counters, and the
 * interactive-query HTTP server.
 *
 * <p>Configuration is one map: every Kafka and Streams property passes through (so SASL/SSL
 * clusters work), the registry serde reads its Confluent keys from the same map, and the
 * {@code riposte.http.*} keys configure the query server. See {@link #config(Map)} for defaults.
 */
public final class RiposteStreamsApp implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RiposteStreamsApp.class);

    public static final String DEFAULT_APPLICATION_ID = Topics.DEFAULT_APPLICATION_ID;
    /** Host the query server binds (default 127.0.0.1). */
    public static final String HTTP_HOST = "riposte.http.host";
    /**
     * Port of the query server: default {@value #DEFAULT_HTTP_PORT}, so that scrapers and proxies find it;
     * 0 picks a free port, a negative value disables the server.
     */
    public static final String HTTP_PORT = "riposte.http.port";
    public static final int DEFAULT_HTTP_PORT = 7070;
    /** Seconds {@link #close()} waits for Streams to shut down (default 30). */
    public static final String CLOSE_TIMEOUT_SECONDS = "riposte.close.timeout.seconds";

    /**
     * Whether {@link #close()} leaves the consumer group (default true), so the partitions move to the
     * other instances, or a restarted one, at once instead of after the session timeout. Set false for
     * rolling restarts that should not rebalance.
     */
    public static final String CLOSE_LEAVE_GROUP = "riposte.close.leave.group";

    /**
     * Which topology the app runs: {@code riposte} (the default) or {@value PassThroughTopology#NAME}, the
     * pipeline's Kafka path with no work on it, which {@code riposte bench --ceiling} measures.
     */
    public static final String TOPOLOGY = "riposte.topology";

    private final Map<String, Object> config;
    private final StreamsCounters counters = new StreamsCounters();
    private final RiposteSerdes serdes;
    private final Topology topology;
    private final KafkaStreams streams;
    private final CountDownLatch running = new CountDownLatch(1);
    private QueryServer server;

    /**
     * @param settings Kafka, Streams, registry and {@code riposte.*} properties; needs at least
     *     {@code bootstrap.servers} and {@code schema.registry.url}
     */
    public RiposteStreamsApp(Map<String, ?> settings, Extractor extractor, CorrelatorFactory correlators) {
        this.config = config(settings);
        // Before KafkaStreams exists: the group learns each instance's query address from application.server.
        io.riposte.streams.query.InstanceAddress.advertise(config);
        this.serdes = RiposteSerdes.registry(config);
        // The whole config: the topology reads the topic prefix, one of Riposte's own keys.
        this.topology = topology(config, extractor, correlators, serdes, counters);
        Map<String, Object> props = streamsProperties(config);
        props.put(DeadLetteringDeserializationExceptionHandler.COUNTERS_CONFIG, counters);
        this.streams = new KafkaStreams(topology, toProperties(props));
        streams.setUncaughtExceptionHandler(e -> {
            if (RegistryUnavailableException.in(e)) {
                // The serde waited schema.registry.outage.wait.ms for the registry and gave up on this attempt,
                // without skipping the record: the new thread starts again from the last committed offset (an
                // open transaction is aborted), so the record is read again and waits again.
                LOG.warn("Stream thread gave up waiting for the schema registry; replacing it ({})", e.getMessage());
                return StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.REPLACE_THREAD;
            }
            // Bad records never get here (they are dead-lettered); this is a broken environment or a bug,
            // so stop the client and let /health and state() say so rather than loop on a replaced thread.
            LOG.error("Stream thread failed; shutting down the Streams client", e);
            return StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
        });
        streams.setStateListener((now, before) -> {
            LOG.info("Streams state {} -> {}", before, now);
            if (now == KafkaStreams.State.RUNNING) {
                running.countDown();
            }
        });
    }

    private static Topology topology(Map<String, Object> config, Extractor extractor, CorrelatorFactory correlators,
            RiposteSerdes serdes, StreamsCounters counters) {
        String name = config.getOrDefault(TOPOLOGY, "riposte").toString();
        return switch (name) {
            case "riposte" -> RiposteTopology.build(config, extractor, correlators, serdes, counters);
            case PassThroughTopology.NAME -> PassThroughTopology.build(config, serdes, counters);
            default -> throw new IllegalArgumentException(TOPOLOGY + " must be riposte or " + PassThroughTopology.NAME + ", not '" + name + "'");
        };
    }

    /** The app with Riposte's extraction engine and correlation core at their default settings. */
    public static RiposteStreamsApp standard(Map<String, ?> settings) {
        return new RiposteStreamsApp(settings, Extractors.standard(), CorrelatorFactory.standard());
    }

    /**
     * The effective configuration: {@code settings} over these defaults: application.id
     * {@value #DEFAULT_APPLICATION_ID} (behind the topic prefix, when one is set), exactly_once_v2, no record cache
     * (no store of the topology uses one: see {@code RiposteTopology}), state.dir {@code <tmp>/riposte-streams-state}, dead-lettering deserialization, processing
     * and production handlers that fail (never skip) on a registry outage, dead letters to {@code dead-letters}
     * (behind the prefix), a serde that waits up to 120 s for the registry in one call
     * ({@code schema.registry.outage.wait.ms}, below the consumer's 300 s {@code max.poll.interval.ms}, so a
     * waiting thread keeps its partitions), and the query server on 127.0.0.1:{@value #DEFAULT_HTTP_PORT}.
     */
    public static Map<String, Object> config(Map<String, ?> settings) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put(StreamsConfig.APPLICATION_ID_CONFIG, DEFAULT_APPLICATION_ID);
        c.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        c.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, 0L);
        c.put(StreamsConfig.STATE_DIR_CONFIG, Path.of(System.getProperty("java.io.tmpdir"), "riposte-streams-state").toString());
        c.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetteringDeserializationExceptionHandler.class.getName());
        c.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, OutageAwareProcessingExceptionHandler.class.getName());
        c.put(StreamsConfig.PRODUCTION_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetteringProductionExceptionHandler.class.getName());
        c.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED_CONFIG, true);
        c.put(StreamsConfig.ENSURE_EXPLICIT_INTERNAL_RESOURCE_NAMING_CONFIG, true);
        c.put(SerdeConfig.OUTAGE_WAIT_MS, 120_000L);
        c.put(HTTP_HOST, "127.0.0.1");
        c.put(HTTP_PORT, DEFAULT_HTTP_PORT);
        settings.forEach((k, v) -> c.put(k, Objects.requireNonNull(v, () -> "null value for config key " + k)));
        // The prefix also goes on the application id, hence on the group, the transactional ids and every
        // internal topic (repartition, changelogs), which Streams names after it.
        c.put(StreamsConfig.APPLICATION_ID_CONFIG, Topics.prefixedOnce(c, c.get(StreamsConfig.APPLICATION_ID_CONFIG).toString()));
        if (!settings.containsKey(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG)) {
            c.put(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG, Topics.name(c, Topics.DEAD_LETTERS));
        }
        return c;
    }

    /** The config without Riposte's own keys, which Streams would only warn about. */
    static Map<String, Object> streamsProperties(Map<String, Object> config) {
        Map<String, Object> p = new HashMap<>(config);
        p.keySet().removeIf(k -> k.startsWith("riposte."));
        return p;
    }

    private static Properties toProperties(Map<String, Object> m) {
        Properties p = new Properties();
        p.putAll(m);
        return p;
    }

    /**
     * Starts the query server (which answers 503 until Streams is RUNNING), then Streams: an exposure the
     * server refuses (a non-loopback address without a credential) stops the start before any processing.
     */
    public synchronized void start() {
        int port = Integer.parseInt(config.get(HTTP_PORT).toString());
        if (port >= 0 && server == null) {
            try {
                io.riposte.http.HttpExposure exposure = io.riposte.http.HttpExposure.from(config);
                server = QueryServer.start(streams, counters, config.get(HTTP_HOST).toString(), port, exposure,
                        io.riposte.streams.query.QueryRouter.from(streams, config, exposure.scheme()));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start the query server on port " + port, e);
            }
        }
        streams.start();
    }

    /** Waits until Streams is RUNNING; false on timeout or when it failed or stopped first. */
    public boolean awaitRunning(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (running.await(100, TimeUnit.MILLISECONDS) && streams.state() == KafkaStreams.State.RUNNING) {
                return true;
            }
            KafkaStreams.State s = streams.state();
            if (s == KafkaStreams.State.ERROR || s == KafkaStreams.State.NOT_RUNNING || s == KafkaStreams.State.PENDING_SHUTDOWN
                    || s == KafkaStreams.State.PENDING_ERROR) {
                return false;
            }
        }
        return streams.state() == KafkaStreams.State.RUNNING;
    }

    public KafkaStreams.State state() {
        return streams.state();
    }

    public StreamsCounters counters() {
        return counters;
    }

    public Topology topology() {
        return topology;
    }

    /** The effective configuration (defaults applied). */
    public Map<String, Object> effectiveConfig() {
        return Map.copyOf(config);
    }

    /** Base URL of the query server ({@code http(s)://host:port/}), or null when it does not run. */
    public String httpUrl() {
        return server == null ? null : server.url(config.get(HTTP_HOST).toString());
    }

    /** Port of the query server, or -1 when it does not run. */
    public int httpPort() {
        return server == null ? -1 : server.port();
    }

    /** The running KafkaStreams, for metrics binders and tests. */
    public KafkaStreams streams() {
        return streams;
    }

    @Override
    public synchronized void close() {
        if (server != null) {
            server.close();
            server = null;
        }
        long seconds = Long.parseLong(config.getOrDefault(CLOSE_TIMEOUT_SECONDS, 30).toString());
        boolean leave = Boolean.parseBoolean(config.getOrDefault(CLOSE_LEAVE_GROUP, true).toString());
        streams.close(CloseOptions.timeout(Duration.ofSeconds(seconds)).withGroupMembershipOperation(
                leave ? CloseOptions.GroupMembershipOperation.LEAVE_GROUP : CloseOptions.GroupMembershipOperation.REMAIN_IN_GROUP));
        serdes.close();
    }
}
