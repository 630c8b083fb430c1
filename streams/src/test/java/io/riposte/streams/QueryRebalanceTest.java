package io.riposte.streams;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.riposte.domain.Article;
import io.riposte.extraction.Extractors;
import io.riposte.local.EmbeddedCluster;
import io.riposte.local.junit.EmbeddedClusterExtension;
import io.riposte.streams.query.QueryRouter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A rebalance while a query runs: the query has gathered its data when a second instance joins the group
 * and the partitions move; the answer is 503 with the reason and Retry-After, not the list it had gathered
 * under the old assignment. Once the group settles, both instances answer the whole list, identically
 * (the query servers require a token: the second instance's answers prove it passes the caller's on).
 */
class QueryRebalanceTest {
    @RegisterExtension
    static final EmbeddedClusterExtension CLUSTER = new EmbeddedClusterExtension();
    static final String TOKEN = "t0ken-of-this-test";

    @TempDir
    Path state;

    final HttpClient http = HttpClient.newHttpClient();
    final ObjectMapper json = new ObjectMapper();

    @Test
    @Timeout(240)
    void aRebalanceDuringAQueryAnswers503WithAReason() throws Exception {
        List<Article> corpus = Corpus.articles();
        AtomicBoolean armed = new AtomicBoolean();
        CountDownLatch gathered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        // Holds the armed query between gathering its data and checking the assignment did not change.
        Runnable hold = () -> {
            if (armed.getAndSet(false)) {
                gathered.countDown();
                try {
                    release.await(60, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        };
        EmbeddedCluster cluster = CLUSTER.cluster();
        try (RiposteStreamsApp a = app(cluster, "a", hold)) {
            java.util.Set<String> expected = PermutationTest.run(cluster.registryUrl(), state.resolve("ttd"), corpus).chains().keySet();
            EmbeddedClusterTest.publish(cluster, corpus, null);
            a.start();
            assertThat(a.awaitRunning(Duration.ofSeconds(60))).as("instance a RUNNING").isTrue();
            EmbeddedClusterTest.awaitProcessed(a, corpus.size());
            String baseA = "http://127.0.0.1:" + a.httpPort();
            // Every mention correlated: the list holds the test driver's chains (bounded wait, under load it lags).
            // The ids appear before the last mentions of their chains are correlated (the repartition lags the
            // articles), so the list counts as settled only once it has the driver's ids and has not changed
            // for two seconds.
            HttpResponse<String> settled = get(baseA + "/chains");
            HttpResponse<String> before = null;
            long processed = System.nanoTime() + Duration.ofSeconds(90).toNanos();
            while ((!ids(settled).equals(expected) || before == null || !before.body().equals(settled.body()))
                    && System.nanoTime() < processed) {
                before = ids(settled).equals(expected) ? settled : null;
                Thread.sleep(2_000);
                settled = get(baseA + "/chains");
            }
            assertThat(settled.statusCode()).isEqualTo(200);
            assertThat(ids(settled)).as("chain ids").isNotEmpty().isEqualTo(expected);
            assertThat(http.send(HttpRequest.newBuilder(URI.create(baseA + "/chains")).GET().build(), HttpResponse.BodyHandlers.ofString())
                    .statusCode()).as("a query without the credential").isEqualTo(401);

            armed.set(true);
            CompletableFuture<HttpResponse<String>> during = http.sendAsync(request(baseA + "/chains"), HttpResponse.BodyHandlers.ofString());
            assertThat(gathered.await(60, TimeUnit.SECONDS)).as("the query gathered its data").isTrue();
            try (RiposteStreamsApp b = app(cluster, "b", null)) {
                b.start();
                long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
                while (a.state() == KafkaStreams.State.RUNNING && a.streams().metadataForAllStreamsClients().size() < 2) {
                    assertThat(System.nanoTime()).as("instance a sees the group change within 60 s").isLessThan(deadline);
                    Thread.sleep(50);
                }
                release.countDown();
                HttpResponse<String> r = during.get(60, TimeUnit.SECONDS);
                assertThat(r.statusCode()).as("answer of the query a rebalance overtook: %s", r.body()).isEqualTo(503);
                assertThat(r.headers().firstValue("Retry-After")).as("Retry-After").isPresent();
                // The held query's own check ("a rebalance happened while the query ran"), or, when the held
                // connection was dropped and the client asked again, the state check ("streams is REBALANCING"):
                // a refusal that names the rebalance either way, never the list gathered under the old assignment.
                assertThat(json.readTree(r.body()).get("reason").asText()).containsIgnoringCase("rebalanc");

                // Settled again: either instance answers the whole list (b asks a for the partitions a kept).
                String baseB = "http://127.0.0.1:" + b.httpPort();
                deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
                HttpResponse<String> fromA = null;
                HttpResponse<String> fromB = null;
                List<String> dropped = new java.util.ArrayList<>();
                while (fromA == null || fromB == null || fromA.statusCode() != 200 || fromB.statusCode() != 200
                        || fromA.headers().firstValue("X-Riposte-Stale").isPresent() || fromB.headers().firstValue("X-Riposte-Stale").isPresent()) {
                    assertThat(System.nanoTime()).as("both answer within 90 s (connections dropped: %s)", dropped).isLessThan(deadline);
                    try {
                        fromA = get(baseA + "/chains");
                        fromB = get(baseB + "/chains");
                    } catch (java.io.IOException e) {
                        // A connection the JDK's HTTP server dropped while the group settled: ask again.
                        dropped.add(e.toString());
                        fromA = null;
                        Thread.sleep(200);
                        continue;
                    }
                    assertThat(fromA.statusCode()).as("503 only while settling: %s", fromA.body()).isIn(200, 503);
                    assertThat(fromB.statusCode()).as("503 only while settling: %s", fromB.body()).isIn(200, 503);
                    if (fromA.statusCode() != 200 || fromB.statusCode() != 200 || fromA.headers().firstValue("X-Riposte-Stale").isPresent()
                            || fromB.headers().firstValue("X-Riposte-Stale").isPresent()) {
                        Thread.sleep(200);
                    }
                }
                assertThat(fromA.body()).isEqualTo(settled.body());
                assertThat(fromB.body()).isEqualTo(settled.body());
            }
        }
    }

    private RiposteStreamsApp app(EmbeddedCluster cluster, String name, Runnable hook) {
        Map<String, Object> settings = new HashMap<>();
        settings.put("bootstrap.servers", cluster.bootstrapServers());
        settings.put("schema.registry.url", cluster.registryUrl());
        settings.put("application.id", "riposte-streams-rebalance");
        settings.put("state.dir", state.resolve(name).toString());
        settings.put("auto.offset.reset", "earliest");
        settings.put(RiposteStreamsApp.HTTP_PORT, 0);
        // Protected query servers: b's answers need a's partitions, so they pass only if b forwards the caller's credential.
        settings.put(io.riposte.http.HttpExposure.AUTH_TOKEN, TOKEN);
        if (hook != null) {
            settings.put(QueryRouter.HOOK, hook);
        }
        return new RiposteStreamsApp(settings, Extractors.standard(), CorrelatorFactory.standard());
    }

    private java.util.Set<String> ids(HttpResponse<String> chains) throws Exception {
        java.util.Set<String> out = new java.util.TreeSet<>();
        if (chains.statusCode() == 200) {
            json.readTree(chains.body()).forEach(c -> out.add(c.get("id").asText()));
        }
        return out;
    }

    private HttpRequest request(String url) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(90)).header("Authorization", "Bearer " + TOKEN).GET().build();
    }

    private HttpResponse<String> get(String url) throws Exception {
        return http.send(request(url), HttpResponse.BodyHandlers.ofString());
    }
}
