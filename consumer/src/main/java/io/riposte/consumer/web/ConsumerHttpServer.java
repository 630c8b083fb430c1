package io.riposte.consumer.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.riposte.avro.Alert;
import io.riposte.consumer.DyadSink;
import io.riposte.json.JsonContract;
import io.riposte.mapping.AvroMapping;
import io.riposte.http.HttpExposure;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The consumer's HTTP side (JDK HttpServer, no framework): the dashboard ({@code /}, its CSS and JS served
 * from the jar), the live alert feed as server-sent events ({@code /events}), {@code /health} (the sink's
 * state and lag) and Prometheus {@code /metrics}. Every response carries a strict Content-Security-Policy:
 * scripts and styles from this origin only, nothing inline, no framing.
 */
public final class ConsumerHttpServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ConsumerHttpServer.class);
    static final String CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; "
            + "base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
    private static final int KEEP_ALERTS = 50;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer http;
    private final String scheme;
    private final ExecutorService executor;
    private final ScheduledExecutorService heartbeat;
    private final DyadSink sink;
    private final PrometheusMeterRegistry metrics;
    private final Deque<Alert> recent = new ArrayDeque<>();
    private final List<HttpExchange> listeners = new CopyOnWriteArrayList<>();

    private ConsumerHttpServer(HttpServer http, DyadSink sink, PrometheusMeterRegistry metrics, String scheme) {
        this.http = http;
        this.scheme = scheme;
        this.sink = sink;
        this.metrics = metrics;
        // Each open /events stream holds no thread (writes come from the sink's thread), so a small pool serves all.
        this.executor = Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "riposte-consumer-http");
            t.setDaemon(true);
            return t;
        });
        this.heartbeat = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "riposte-consumer-sse-heartbeat");
            t.setDaemon(true);
            return t;
        });
    }

    /** A registry to pass to {@link DyadSink#withMetrics} before the sink starts. */
    public static PrometheusMeterRegistry newRegistry() {
        PrometheusMeterRegistry r = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        new io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics().bindTo(r);
        return r;
    }

    /** Serves on host:port (port 0 = any free port); wire {@link #onAlert} as the sink's every-alert listener. */
    public static ConsumerHttpServer start(DyadSink sink, PrometheusMeterRegistry metrics, String host, int port) throws IOException {
        return start(sink, metrics, host, port, HttpExposure.from(Map.of()));
    }

    /**
     * As {@link #start(DyadSink, PrometheusMeterRegistry, String, int)} with {@code exposure}'s credential and TLS.
     *
     * @throws IllegalArgumentException when host is not loopback and {@code exposure} has no credential
     */
    public static ConsumerHttpServer start(DyadSink sink, PrometheusMeterRegistry metrics, String host, int port,
            HttpExposure exposure) throws IOException {
        HttpServer http = exposure.bind(host, port, "the dashboard");
        ConsumerHttpServer s = new ConsumerHttpServer(http, sink, metrics, exposure.scheme());
        exposure.protect(http.createContext("/", s::handle));
        http.setExecutor(s.executor);
        http.start();
        s.heartbeat.scheduleAtFixedRate(s::ping, 15, 15, TimeUnit.SECONDS);
        return s;
    }

    public int port() {
        return http.getAddress().getPort();
    }

    public String url() {
        return scheme + "://" + http.getAddress().getHostString() + ":" + port() + "/";
    }

    /** Keeps the alert for the page and pushes it to every open {@code /events} stream. */
    public void onAlert(Alert a) {
        synchronized (recent) {
            recent.addLast(a);
            while (recent.size() > KEEP_ALERTS) {
                recent.removeFirst();
            }
        }
        // JSON escapes newlines, so one event is one data line; the page inserts it as text, never as HTML.
        // SSE framing stays hand-written: the Java SSE libraries are clients (okhttp-sse) or belong to a server
        // framework (Jetty, Jersey, Spring), and the JDK server needs only these two lines.
        broadcast("event: alert\ndata: " + eventJson(a) + "\n\n");
    }

    /** The data of an {@code /events} alert: the alert in the JSON contract, plus the page's colour band. */
    public static ObjectNode eventJson(Alert a) {
        ObjectNode n = JsonContract.alert(AvroMapping.toDomain(a));
        n.put("level", DashboardPage.alertClass(a.getSeverity()));
        return n;
    }

    private void ping() {
        broadcast(": keep-alive\n\n");
    }

    private void broadcast(String event) {
        byte[] bytes = event.getBytes(StandardCharsets.UTF_8);
        for (HttpExchange ex : listeners) {
            try {
                OutputStream out = ex.getResponseBody();
                synchronized (ex) {
                    out.write(bytes);
                    out.flush();
                }
            } catch (IOException e) {
                // The browser went away.
                listeners.remove(ex);
                ex.close();
            }
        }
    }

    private void handle(HttpExchange ex) throws IOException {
        boolean keepOpen = false;
        try {
            ex.getResponseHeaders().set("Content-Security-Policy", CSP);
            ex.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
            ex.getResponseHeaders().set("Referrer-Policy", "no-referrer");
            if (!"GET".equals(ex.getRequestMethod()) && !"HEAD".equals(ex.getRequestMethod())) {
                send(ex, 405, "text/plain; charset=utf-8", "only GET\n");
                return;
            }
            switch (ex.getRequestURI().getPath()) {
                case "/", "/index.html" -> send(ex, 200, "text/html; charset=utf-8", page());
                case "/dashboard.css" -> asset(ex, "dashboard.css", "text/css; charset=utf-8");
                case "/dashboard.js" -> asset(ex, "dashboard.js", "text/javascript; charset=utf-8");
                case "/favicon.svg", "/favicon.ico" -> asset(ex, "favicon.svg", "image/svg+xml");
                case "/health" -> health(ex);
                case "/metrics" -> send(ex, 200, "text/plain; version=0.0.4; charset=utf-8", metrics.scrape());
                case "/events" -> {
                    ex.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
                    ex.getResponseHeaders().set("Cache-Control", "no-store");
                    ex.sendResponseHeaders(200, 0);
                    OutputStream out = ex.getResponseBody();
                    out.write("retry: 3000\n: connected\n\n".getBytes(StandardCharsets.UTF_8));
                    out.flush();
                    listeners.add(ex);
                    keepOpen = true;
                }
                default -> send(ex, 404, "text/plain; charset=utf-8", "not found\n");
            }
        } catch (RuntimeException e) {
            LOG.warn("request {} failed", ex.getRequestURI(), e);
            send(ex, 500, "text/plain; charset=utf-8", "internal error\n");
        } finally {
            if (!keepOpen) {
                ex.close();
            }
        }
    }

    String page() {
        List<Alert> alerts;
        synchronized (recent) {
            alerts = new ArrayList<>(recent);
        }
        String now = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
        return sink.read(view -> DashboardPage.render(view, alerts, now));
    }

    private void health(HttpExchange ex) throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        Throwable failure = sink.failure();
        String registryDown = io.riposte.registry.RegistryHealth.global().degradedReason();
        // DEGRADED: alive and holding its place while records wait for the registry (none is skipped).
        body.put("status", failure != null ? "DOWN" : registryDown != null ? "DEGRADED" : "UP");
        body.put("caught_up", sink.caughtUp());
        body.put("lag", sink.lag());
        body.put("records_read", sink.recordsRead());
        body.put("dyad_upserts", sink.upserts());
        body.put("alerts", sink.alertsSeen());
        body.put("dyads", sink.dyadCount());
        body.put("event_streams", listeners.size());
        if (failure != null) {
            body.put("reason", String.valueOf(failure.getMessage()));
        } else if (registryDown != null) {
            body.put("reason", registryDown);
        }
        send(ex, failure == null ? 200 : 503, "application/json; charset=utf-8", JSON.writeValueAsString(body));
    }

    private void asset(HttpExchange ex, String name, String type) throws IOException {
        try (InputStream in = ConsumerHttpServer.class.getResourceAsStream(name)) {
            if (in == null) {
                send(ex, 404, "text/plain; charset=utf-8", "not found\n");
                return;
            }
            byte[] bytes = in.readAllBytes();
            ex.getResponseHeaders().set("Cache-Control", "no-cache");
            send(ex, 200, type, bytes);
        }
    }

    private static void send(HttpExchange ex, int status, String type, String body) throws IOException {
        send(ex, status, type, body.getBytes(StandardCharsets.UTF_8));
    }

    private static void send(HttpExchange ex, int status, String type, byte[] body) throws IOException {
        ex.getResponseHeaders().set("Content-Type", type);
        boolean head = "HEAD".equals(ex.getRequestMethod());
        ex.sendResponseHeaders(status, head ? -1 : body.length);
        if (!head) {
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        }
    }

    @Override
    public void close() {
        heartbeat.shutdownNow();
        for (HttpExchange ex : listeners) {
            ex.close();
        }
        listeners.clear();
        http.stop(0);
        executor.shutdownNow();
    }
}
