package io.riposte.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.riposte.domain.Article;
import io.riposte.local.EmbeddedCluster;
import io.riposte.local.junit.EmbeddedClusterExtension;
import io.riposte.producer.ProduceSummary;
import java.net.ServerSocket;
import io.riposte.topics.Topics;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15, several instances: two {@code riposte streams} JVMs share one application id (and keep one
 * standby of each store). One is SIGKILLed mid-replay and the other takes its partitions over and
 * finishes: outputs equal to the uninterrupted run, no alert twice. The killed one comes back, the work
 * splits again, and every query sent to either instance gives the same JSON, the uninterrupted run's
 * chains, though each instance holds only part of the partitions.
 */
class InstancesTest {
    // One test, and the broker never stops (the instances are what is killed): the per-class cluster fits.
    @RegisterExtension
    static final EmbeddedClusterExtension CLUSTER = new EmbeddedClusterExtension();
    static final long SEED = 20261206L;

    @TempDir
    Path dir;

    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    final ObjectMapper json = new ObjectMapper();

    @Test
    @Timeout(600)
    void twoInstancesAnswerAlikeAndOneFinishesTheReplayWhenTheOtherIsKilled() throws Exception {
        long t0 = System.nanoTime();
        int articles = 300;
        List<Article> corpus = Replay.corpus(SEED, articles);
        int portA = freePort();
        int portB = freePort();
        List<String> settings = List.of("commit.interval.ms=1000", "num.standby.replicas=1",
                // A killed member holds its partitions until its session expires: 6 s, the broker's minimum.
                "session.timeout.ms=6000", "heartbeat.interval.ms=1500");
        EmbeddedCluster cluster = CLUSTER.cluster();
        try (ExactlyOnceAudit check = new ExactlyOnceAudit(cluster.bootstrapServers());
                StreamsJvm a = new StreamsJvm(cluster.bootstrapServers(), cluster.registryUrl(), dir.resolve("state-a"), dir.resolve("a"), settings, portA);
                StreamsJvm b = new StreamsJvm(cluster.bootstrapServers(), cluster.registryUrl(), dir.resolve("state-b"), dir.resolve("b"), settings, portB)) {
            Outputs expected = Oracle.run(cluster.registryUrl(), dir.resolve("oracle"), corpus);
            a.start();
            b.start();
            a.awaitRunning(Duration.ofSeconds(120));
            b.awaitRunning(Duration.ofSeconds(120));
            String baseA = "http://127.0.0.1:" + portA;
            String baseB = "http://127.0.0.1:" + portB;

            Replay replay = new Replay(corpus, cluster.bootstrapServers(), cluster.registryUrl(), 25);
            replay.start();
            int killAt = articles / 5 + new Random(SEED).nextInt(articles / 2);
            EndState.await("the replay to reach article " + killAt, () -> replay.handed() >= killAt, a, Duration.ofSeconds(120));
            Thread.sleep(new Random(SEED ^ killAt).nextInt(1_000));
            int handed = replay.handed();
            assertThat(handed).as("articles handed when B is killed (%s)", replay.describe()).isLessThan(articles);
            assertThat(b.kill()).as("exit status of the SIGKILLed instance").isEqualTo(StreamsJvm.SIGKILL_EXIT);

            ProduceSummary summary = replay.await();
            double catchUp = EndState.awaitCaughtUp(check, a, Duration.ofSeconds(300));
            EndState.Verified verified = EndState.verify("instances", check, cluster.registryUrl(), expected, corpus, summary, false, a,
                    Duration.ofSeconds(60));
            TreeSet<String> survivor = new TreeSet<>();
            json.readTree(getOk(baseA + "/chains")).forEach(c -> survivor.add(c.get("id").asText()));
            assertThat(survivor).as("chains the survivor alone answers = the uninterrupted run's").isEqualTo(new TreeSet<>(expected.chains.keySet()));

            // B back (its state was wiped by the unclean exit, restored from the changelogs): the work splits again.
            b.start();
            b.awaitRunning(Duration.ofSeconds(120));
            // Settled: both RUNNING, every correlation partition owned by one of them. Neither owns them all
            // (the group has two members), so at least one instance answers through the other.
            EndState.await("both instances to be RUNNING and to own every store partition between them",
                    () -> {
                        TreeSet<String> owned = new TreeSet<>();
                        return storePartitions(baseA, owned) && storePartitions(baseB, owned) && owned.size() == Topics.ARTICLES_PARTITIONS;
                    }, a, Duration.ofSeconds(120));
            String chainsA = getOk(baseA + "/chains");
            assertThat(getOk(baseB + "/chains")).as("/chains from either instance").isEqualTo(chainsA);
            TreeSet<String> ids = new TreeSet<>();
            json.readTree(chainsA).forEach(c -> ids.add(c.get("id").asText()));
            assertThat(ids).as("chains gathered from both instances = the uninterrupted run's").isEqualTo(new TreeSet<>(expected.chains.keySet()));
            List<String> compared = new ArrayList<>();
            for (String id : ids.stream().limit(6).toList()) {
                String one = getOk(baseA + "/chains/" + id);
                assertThat(getOk(baseB + "/chains/" + id)).as("/chains/%s from either instance", id).isEqualTo(one);
                String dyad = json.readTree(one).get("dyad").asText();
                assertThat(getOk(baseB + "/dyads/" + dyad)).as("/dyads/%s from either instance", dyad).isEqualTo(getOk(baseA + "/dyads/" + dyad));
                compared.add(id);
            }
            String actionId = new TreeSet<>(expected.actions.keySet()).first();
            assertThat(getOk(baseB + "/actions/" + actionId)).isEqualTo(getOk(baseA + "/actions/" + actionId));
            System.out.printf("instances: seed %d, %d articles, instance B SIGKILLed at article %d, survivor caught up %.1f s after the replay;"
                            + " %s; B restarted, queries compared on both instances (%d chains, ids %s); total %.1f s%n",
                    SEED, articles, handed, catchUp, verified.figures(), ids.size(), compared, (System.nanoTime() - t0) / 1e9);
            b.stop();
            a.stop();
        }
    }

    /** Adds the correlation partitions {@code base} holds as active to {@code owned}; false unless it is RUNNING. */
    private boolean storePartitions(String base, TreeSet<String> owned) {
        try {
            HttpResponse<String> r = get(base + "/health");
            if (r.statusCode() != 200) {
                return false;
            }
            for (JsonNode p : json.readTree(r.body()).path("instance").path("active_partitions")) {
                if (p.asText().startsWith(ExactlyOnceAudit.REPARTITION + "-")) {
                    owned.add(p.asText());
                }
            }
            return true;
        } catch (Exception notYet) {
            return false;
        }
    }

    private HttpResponse<String> get(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private String getOk(String url) throws Exception {
        HttpResponse<String> r = get(url);
        // A 503 during a rebalance is the documented answer (the group may still move a warmed-up task after both
        // instances run): ask again for a while; what is compared is the answer once the group is stable.
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (r.statusCode() == 503 && r.body().contains("REBALANCING") && System.nanoTime() < deadline) {
            Thread.sleep(500);
            r = get(url);
        }
        assertThat(r.statusCode()).as("GET %s: %s", url, r.body()).isEqualTo(200);
        assertThat(r.headers().firstValue("X-Riposte-Stale")).as("GET %s read from a standby", url).isEmpty();
        return r.body();
    }

    private static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
