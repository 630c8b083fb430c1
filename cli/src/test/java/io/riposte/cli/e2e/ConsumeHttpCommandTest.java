package io.riposte.cli.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.riposte.cli.e2e.CommandsAgainstClusterTest.Run;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** {@code riposte consume --http-port} as a user runs it: the dashboard, /health and /metrics on 127.0.0.1 while it runs. */
class ConsumeHttpCommandTest extends ClusterTest {
    @Test
    void consumeServesHealthMetricsAndTheDashboardOnLoopback() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        CompletableFuture<Run> run = CompletableFuture.supplyAsync(() -> CommandsAgainstClusterTest.riposte("consume",
                "-b", cluster.bootstrapServers(), "--registry-url", cluster.registryUrl(), "--http-port", String.valueOf(port),
                "--exit-when-idle", "4"));
        HttpClient http = HttpClient.newHttpClient();
        String base = "http://127.0.0.1:" + port;
        HttpResponse<String> health = null;
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (health == null && System.nanoTime() < deadline) {
            try {
                health = http.send(HttpRequest.newBuilder(URI.create(base + "/health")).timeout(Duration.ofSeconds(5)).build(),
                        HttpResponse.BodyHandlers.ofString());
            } catch (java.io.IOException notYet) {
                Thread.sleep(100);
            }
        }
        assertThat(health).as("/health answered").isNotNull();
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"UP\"", "\"lag\":");
        HttpResponse<String> metrics = http.send(HttpRequest.newBuilder(URI.create(base + "/metrics")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(metrics.body()).contains("riposte_consumer_records_read_total", "riposte_consumer_lag_records");
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(base + "/")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Security-Policy")).isPresent();

        Run r = run.get(60, TimeUnit.SECONDS);
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.err()).contains("consume: dashboard at http://127.0.0.1:" + port + "/");
    }
}
