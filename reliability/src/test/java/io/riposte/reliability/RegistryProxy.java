package io.riposte.reliability;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A schema registry that misbehaves on demand: it forwards to the real one, or answers every request
 * with a 500 (a registry whose store is broken), or forwards after a delay longer than the client's
 * request timeout (an overloaded registry). The apps under test are given its URL.
 */
final class RegistryProxy implements AutoCloseable {
    sealed interface Mode {}

    record Pass() implements Mode {}

    record ServerError() implements Mode {}

    record Slow(Duration delay) implements Mode {}

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "registry-proxy");
        t.setDaemon(true);
        return t;
    });
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final String target;
    private final AtomicReference<Mode> mode = new AtomicReference<>(new Pass());
    private final AtomicLong refused = new AtomicLong();

    RegistryProxy(String targetUrl) throws IOException {
        this.target = targetUrl;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    void mode(Mode m) {
        mode.set(m);
    }

    /** Requests answered with a 500 or delayed so far: proof that the fault was met. */
    long faultsServed() {
        return refused.get();
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            byte[] body = ex.getRequestBody().readAllBytes();
            Mode m = mode.get();
            if (m instanceof ServerError) {
                refused.incrementAndGet();
                reply(ex, 500, "{\"error_code\":50001,\"message\":\"Error in the backend data store\"}".getBytes(StandardCharsets.UTF_8));
                return;
            }
            if (m instanceof Slow slow) {
                refused.incrementAndGet();
                Thread.sleep(slow.delay().toMillis());
            }
            HttpRequest.Builder forward = HttpRequest.newBuilder(URI.create(target + ex.getRequestURI()))
                    .timeout(Duration.ofSeconds(30))
                    .method(ex.getRequestMethod(), body.length == 0 ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofByteArray(body));
            for (String h : new String[] {"Content-Type", "Accept", "Authorization"}) {
                String v = ex.getRequestHeaders().getFirst(h);
                if (v != null) {
                    forward.header(h, v);
                }
            }
            HttpResponse<byte[]> answer = http.send(forward.build(), HttpResponse.BodyHandlers.ofByteArray());
            answer.headers().firstValue("Content-Type").ifPresent(v -> ex.getResponseHeaders().set("Content-Type", v));
            reply(ex, answer.statusCode(), answer.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // The real registry is down too, or the client gave up and closed the connection: nothing to answer.
        }
    }

    private static void reply(HttpExchange ex, int status, byte[] body) throws IOException {
        ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
