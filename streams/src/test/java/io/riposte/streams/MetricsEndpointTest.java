package io.riposte.streams;

import static org.assertj.core.api.Assertions.assertThat;

import io.riposte.domain.Article;
import io.riposte.local.EmbeddedCluster;
import io.riposte.local.junit.EmbeddedClusterExtension;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** /health and Prometheus /metrics of the running Streams app, scraped after it processed real articles. */
class MetricsEndpointTest {
    @RegisterExtension
    static final EmbeddedClusterExtension CLUSTER = new EmbeddedClusterExtension();

    @TempDir
    Path state;

    @Test
    void metricsCarryRiposteCountersWithRealValuesAndKafkaStreamsMetrics() throws Exception {
        List<Article> articles = List.of(TopologyTestDriverTest.PRAGUE_EXPELS, TopologyTestDriverTest.MOSCOW_ANSWERS,
                TopologyTestDriverTest.PRAGUE_WIRE);
        EmbeddedCluster cluster = CLUSTER.cluster();
        Map<String, Object> settings = new HashMap<>();
        settings.put("bootstrap.servers", cluster.bootstrapServers());
        settings.put("schema.registry.url", cluster.registryUrl());
        settings.put("application.id", "riposte-streams-metrics");
        settings.put(RiposteStreamsApp.HTTP_PORT, 0);
        settings.put("state.dir", state.toString());
        settings.put("auto.offset.reset", "earliest");
        try (RiposteStreamsApp app = RiposteStreamsApp.standard(settings)) {
            app.start();
            assertThat(app.awaitRunning(Duration.ofSeconds(60))).isTrue();
            EmbeddedClusterTest.publish(cluster, articles, null);
            long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
            while (System.nanoTime() < deadline && !(app.counters().articlesProcessed() == articles.size()
                    && app.counters().alertsEmitted() > 0 && app.counters().mentionsCorrelated() == app.counters().actionsExtracted())) {
                Thread.sleep(200);
            }
            String base = "http://127.0.0.1:" + app.httpPort();
            HttpClient http = HttpClient.newHttpClient();
            HttpResponse<String> health = get(http, base + "/health");
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.body()).contains("\"state\":\"RUNNING\"", "\"status\":\"UP\"");

            HttpResponse<String> metrics = get(http, base + "/metrics");
            assertThat(metrics.statusCode()).isEqualTo(200);
            assertThat(metrics.headers().firstValue("Content-Type").orElse("")).startsWith("text/plain");
            String text = metrics.body();
            assertThat(value(text, "riposte_streams_articles_processed_total")).isEqualTo(articles.size());
            assertThat(value(text, "riposte_streams_actions_extracted_total")).isEqualTo(app.counters().actionsExtracted()).isPositive();
            assertThat(value(text, "riposte_streams_merged_duplicates_total")).isEqualTo(app.counters().mergedDuplicates()).isPositive();
            assertThat(value(text, "riposte_streams_chains_updated_total")).isEqualTo(app.counters().chainsUpdated()).isPositive();
            assertThat(value(text, "riposte_streams_alerts_emitted_total")).isEqualTo(app.counters().alertsEmitted()).isPositive();
            assertThat(value(text, "riposte_streams_dead_letters_total")).isEqualTo(app.counters().deadLettered());
            // The registry answered throughout: no outage reported.
            assertThat(value(text, "riposte_registry_unavailable")).isZero();
            assertThat(value(text, "riposte_registry_outages_total")).isEqualTo(io.riposte.registry.RegistryHealth.global().outages());
            // Kafka Streams' own metrics through Micrometer's binder.
            assertThat(text).contains("kafka_stream_thread_process_total", "kafka_stream_alive_stream_threads");
            assertThat(value(text, "kafka_stream_thread_process_total")).isPositive();
        }
    }

    static double value(String prometheus, String name) {
        Matcher m = Pattern.compile("(?m)^" + name + "\\{[^}]*} ([0-9.eE+-]+)$").matcher(prometheus);
        assertThat(m.find()).as(name + " in /metrics").isTrue();
        return Double.parseDouble(m.group(1));
    }

    static HttpResponse<String> get(HttpClient http, String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
