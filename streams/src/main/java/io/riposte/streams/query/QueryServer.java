package io.riposte.streams.query;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.riposte.domain.Action;
import io.riposte.domain.Chain;
import io.riposte.domain.Dyad;
import io.riposte.domain.FuzzyDate;
import io.riposte.http.HttpExposure;
import io.riposte.json.JsonContract;
import io.riposte.streams.StreamsCounters;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import io.riposte.registry.RegistryHealth;
import org.apache.kafka.streams.KafkaStreams;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves the correlation state over HTTP with interactive queries (IQv2), as JSON:
 * {@code GET /chains}, {@code /chains/{id}}, {@code /dyads/{A}-{B}}, {@code /actions/{id}},
 * {@code /health}, and Prometheus metrics on {@code /metrics} (always served). While Streams is not RUNNING every query answers 503 with the state as reason.
 *
 * <p>Any instance answers for the whole application: {@link QueryRouter} asks the instances that own
 * the partitions (or their standbys, flagged {@code stale}, when an owner is down) and refuses with 503
 * and Retry-After when a rebalance interferes. Stores have no transactions (KIP-892), so a query may
 * see writes of a transaction that has not committed yet.
 */
public final class QueryServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(QueryServer.class);

    private final HttpServer http;
    private String scheme = "http";
    private final ExecutorService executor;
    private final KafkaStreams streams;
    private final StreamsCounters counters;
    private final ObjectMapper json;
    private final PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final KafkaStreamsMetrics streamsMetrics;
    private QueryRouter router;
    /** Exchange attribute: the standby notes of the answer being built (see {@link #send}). */
    private static final String STALE = "riposte.stale";

    private QueryServer(HttpServer http, ExecutorService executor, KafkaStreams streams, StreamsCounters counters) {
        this.http = http;
        this.executor = executor;
        this.streams = streams;
        this.counters = counters;
        this.json = mapper();
        // Kafka Streams' own metrics (thread, task, store, client) plus Riposte's counters, for /metrics.
        this.streamsMetrics = new KafkaStreamsMetrics(streams);
        streamsMetrics.bindTo(metrics);
        counters.bindTo(metrics);
        new JvmMemoryMetrics().bindTo(metrics);
    }

    public static QueryServer start(KafkaStreams streams, StreamsCounters counters, String host, int port) throws IOException {
        return start(streams, counters, host, port, HttpExposure.from(Map.of()));
    }

    /** Serves this instance's stores only (no {@code application.server}). */
    public static QueryServer start(KafkaStreams streams, StreamsCounters counters, String host, int port,
            HttpExposure exposure) throws IOException {
        return start(streams, counters, host, port, exposure, QueryRouter.local(streams));
    }

    /**
     * Serves on host:port with {@code exposure}'s credential and TLS.
     *
     * @throws IllegalArgumentException when host is not loopback and {@code exposure} has no credential
     */
    public static QueryServer start(KafkaStreams streams, StreamsCounters counters, String host, int port,
            HttpExposure exposure, QueryRouter router) throws IOException {
        HttpServer http = exposure.bind(host, port, "the query server");
        // More threads than callers need: a query waiting for a peer holds one while the peer may be asking
        // this instance for its partitions; with too few, both would wait for each other until the timeout.
        ExecutorService executor = Executors.newFixedThreadPool(8, r -> {
            Thread t = new Thread(r, "riposte-query-http");
            t.setDaemon(true);
            return t;
        });
        QueryServer server = new QueryServer(http, executor, streams, counters);
        server.scheme = exposure.scheme();
        server.router = router;
        exposure.protect(http.createContext("/", server::handle));
        http.setExecutor(executor);
        http.start();
        LOG.info("Query server listening on {}://{}:{}/", exposure.scheme(), host, http.getAddress().getPort());
        return server;
    }

    /** Jackson with the domain records written in the JSON contract ({@link JsonContract}), whatever holds them. */
    public static ObjectMapper mapper() {
        SimpleModule contract = new SimpleModule("riposte-json-contract");
        contract.addSerializer(Chain.class, new StdSerializer<>(Chain.class) {
            @Override
            public void serialize(Chain c, JsonGenerator g, SerializerProvider p) throws IOException {
                g.writeTree(JsonContract.chain(c));
            }
        });
        contract.addSerializer(Action.class, new StdSerializer<>(Action.class) {
            @Override
            public void serialize(Action a, JsonGenerator g, SerializerProvider p) throws IOException {
                g.writeTree(JsonContract.action(a));
            }
        });
        return new ObjectMapper().registerModule(contract);
    }

    public int port() {
        return http.getAddress().getPort();
    }

    /** The base URL on {@code host} (as configured; the bound address may be the wildcard). */
    public String url(String host) {
        return scheme + "://" + host + ":" + port() + "/";
    }

    private void handle(HttpExchange ex) throws IOException {
        // The refusals below are sent before the exchange closes: a catch of the try-with-resources itself
        // would run after the close, and the client would see a dropped connection instead of the 503.
        try (ex) {
            try {
                answer(ex);
            } catch (QueryRouter.PeerFailure e) {
                send(ex, 502, Map.of("error", "another instance failed", "reason", String.valueOf(e.getMessage())));
            } catch (QueryRouter.Unavailable | org.apache.kafka.streams.errors.InvalidStateStoreException e) {
                // Rebalancing or restoring: the state is momentarily not queryable.
                send(ex, 503, Map.of("error", "not ready", "reason", String.valueOf(e.getMessage())));
            } catch (RuntimeException e) {
                LOG.warn("Query {} failed", ex.getRequestURI(), e);
                send(ex, 500, Map.of("error", "query failed", "reason", String.valueOf(e.getMessage())));
            }
        }
    }

    private void answer(HttpExchange ex) throws IOException {
        if (!"GET".equals(ex.getRequestMethod())) {
            send(ex, 405, Map.of("error", "only GET is supported"));
            return;
        }
        List<String> path = segments(ex.getRequestURI());
        if (path.equals(List.of("metrics"))) {
            byte[] text = metrics.scrape().getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().set("Content-Type", "text/plain; version=0.0.4; charset=utf-8");
            ex.sendResponseHeaders(200, text.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(text);
            }
            return;
        }
        KafkaStreams.State state = streams.state();
        if (path.equals(List.of("health"))) {
            Map<String, Object> body = new LinkedHashMap<>();
            String registryDown = RegistryHealth.global().degradedReason();
            body.put("status", state != KafkaStreams.State.RUNNING ? "DOWN" : registryDown != null ? "DEGRADED" : "UP");
            body.put("state", state.name());
            body.put("counters", counters.snapshot());
            body.put("instance", router.ownership());
            if (state != KafkaStreams.State.RUNNING) {
                body.put("reason", "streams is " + state + ", not RUNNING"
                        + (registryDown == null ? "" : "; " + registryDown));
            } else if (registryDown != null) {
                // Alive and holding its place: records that need the registry wait, none is skipped.
                body.put("reason", registryDown);
            }
            send(ex, state == KafkaStreams.State.RUNNING ? 200 : 503, body);
            return;
        }
        if (state != KafkaStreams.State.RUNNING) {
            send(ex, 503, Map.of("error", "not ready", "reason", "streams is " + state + ", not RUNNING", "state", state.name()));
            return;
        }
        if (ex.getRequestURI().getRawPath().startsWith(QueryRouter.INTERNAL_PATH + "/")) {
            send(ex, 200, router.serveInternal(ex.getRequestURI()));
            return;
        }
        QueryRouter.Context ctx = new QueryRouter.Context(ex.getRequestHeaders().getFirst("Authorization"));
        ex.setAttribute(STALE, ctx);
        route(ex, path, ctx);
    }

    private void route(HttpExchange ex, List<String> path, QueryRouter.Context ctx) throws IOException {
        if (path.equals(List.of("chains"))) {
            List<Chain> chains = new ArrayList<>(router.<Chain>all(QueryRouter.CHAINS, ctx));
            chains.sort(Comparator.comparing(Chain::dyad).thenComparing(Chain::id));
            send(ex, 200, chains);
        } else if (path.size() == 2 && path.get(0).equals("chains")) {
            Optional<Chain> c = router.byKey(QueryRouter.CHAINS, path.get(1), ctx);
            send(ex, c.isPresent() ? 200 : 404, c.isPresent() ? c.get() : Map.of("error", "no chain with id " + path.get(1)));
        } else if (path.size() == 2 && path.get(0).equals("actions")) {
            Optional<Action> a = router.byKey(QueryRouter.ACTIONS, path.get(1), ctx);
            send(ex, a.isPresent() ? 200 : 404, a.isPresent() ? a.get() : Map.of("error", "no action with id " + path.get(1)));
        } else if (path.size() == 2 && path.get(0).equals("dyads")) {
            String dyad;
            try {
                String[] p = Dyad.parts(path.get(1).toUpperCase(java.util.Locale.ROOT));
                if (!p[0].chars().allMatch(Character::isLetter) || !p[1].chars().allMatch(Character::isLetter)) {
                    throw new IllegalArgumentException("not a dyad key: '" + path.get(1) + "'");
                }
                dyad = Dyad.of(p[0], p[1]);
            } catch (IllegalArgumentException e) {
                send(ex, 400, Map.of("error", "bad dyad", "reason", e.getMessage() + " (expected two ISO 3166-1 alpha-3 codes, e.g. RUS-USA)"));
                return;
            }
            List<Chain> chains = new ArrayList<>(router.partitionOf(QueryRouter.CHAINS, dyad, ctx).stream().map(Chain.class::cast)
                    .filter(c -> c.dyad().equals(dyad)).toList());
            chains.sort(Comparator.comparing(Chain::id));
            List<Action> actions = new ArrayList<>(router.partitionOf(QueryRouter.ACTIONS, dyad, ctx).stream().map(Action.class::cast)
                    .filter(a -> a.dyad().equals(dyad)).toList());
            actions.sort(Comparator.comparing(Action::id));
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("dyad", dyad);
            body.put("chains", chains);
            body.put("actions", actions);
            send(ex, 200, body);
        } else {
            send(ex, 404, Map.of("error", "no such resource", "paths", List.of("/chains", "/chains/{id}", "/dyads/{A}-{B}", "/actions/{id}", "/health", "/metrics")));
        }
    }

    private static List<String> segments(URI uri) {
        List<String> out = new ArrayList<>();
        for (String s : uri.getRawPath().split("/")) {
            if (!s.isEmpty()) {
                out.add(URLDecoder.decode(s, StandardCharsets.UTF_8));
            }
        }
        return out;
    }

    /**
     * Writes the JSON answer. A 503 says when to ask again; an answer that read some partitions from a
     * standby (its owner down) says so: header {@code X-Riposte-Stale}, and in an object body
     * {@code stale: true} with {@code stale_reasons}.
     */
    private void send(HttpExchange ex, int status, Object body) throws IOException {
        if (status == 503) {
            ex.getResponseHeaders().set("Retry-After", "1");
        }
        if (status == 200 && ex.getAttribute(STALE) instanceof QueryRouter.Context ctx && !ctx.stale().isEmpty()) {
            ex.getResponseHeaders().set("X-Riposte-Stale", "true");
            if (json.valueToTree(body) instanceof com.fasterxml.jackson.databind.node.ObjectNode object) {
                object.put("stale", true);
                object.putPOJO("stale_reasons", ctx.stale());
                body = object;
            }
        }
        byte[] bytes = json.writeValueAsBytes(body);
        ex.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        http.stop(0);
        executor.shutdownNow();
        streamsMetrics.close();
        metrics.close();
    }
}
