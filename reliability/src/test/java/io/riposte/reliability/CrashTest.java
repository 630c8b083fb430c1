package io.riposte.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.riposte.domain.Article;
import io.riposte.local.EmbeddedCluster;
import io.riposte.producer.ProduceSummary;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 7, crash: the Streams app runs as {@code riposte streams} in a JVM of its own against the
 * embedded cluster while the seeded synthetic corpus is replayed, and is SIGKILLed at seeded points of
 * the replay (inside open transactions: the commit interval is seconds, as in Kafka's
 * streams_eos_test) and restarted each time on the same, dirty state dir; one restart in the long run
 * gets a wiped state dir, so its stores come back from the changelogs alone. Once it has caught up,
 * the outputs must be those of an uninterrupted run ({@link Oracle}), see {@link EndState}.
 */
class CrashTest {
    static final long SEED = 20261121L;

    /**
     * @param wipeAt the kill after which the state dir is deleted (-1: never)
     * @param commitMillis commit.interval.ms of the app; kills land 0..2x this after the app is RUNNING
     */
    record Plan(String label, int articles, int kills, double articlesPerSecond, int wipeAt, int commitMillis) {}

    @TempDir
    Path dir;

    /** The quick run in {@code mvn verify}: 1,000 articles, 2 kills. */
    @Test
    @Timeout(180)
    void twoKillsDuringAThousandArticleReplayChangeNothing() throws Exception {
        run(new Plan("crash quick", 1_000, 2, 60, -1, 1_000));
    }

    /** The run ({@code -Preliability}): 10,000 articles, 5 kills, one restart on a wiped state dir. */
    @Test
    @Tag("long")
    @Timeout(1200)
    void fiveKillsDuringATenThousandArticleReplayChangeNothing() throws Exception {
        run(new Plan("crash long", 10_000, 5, 80, 2, 2_000));
    }

    private void run(Plan plan) throws Exception {
        long t0 = System.nanoTime();
        List<Article> corpus = Replay.corpus(SEED, plan.articles());
        Path state = dir.resolve("state");
        List<String> kills = new ArrayList<>();
        List<Double> toRunning = new ArrayList<>();
        // A cluster of its own per run, not EmbeddedClusterExtension's one per class: the end state is read from
        // whole topics, which must hold this run's records only (the quick and the long run share the class).
        try (EmbeddedCluster cluster = EmbeddedCluster.start();
                ExactlyOnceAudit check = new ExactlyOnceAudit(cluster.bootstrapServers());
                StreamsJvm app = new StreamsJvm(cluster.bootstrapServers(), cluster.registryUrl(), state, dir, List.of(
                        "commit.interval.ms=" + plan.commitMillis(),
                        // A killed member holds its partitions until its session expires: 6 s, the broker's minimum.
                        "session.timeout.ms=6000", "heartbeat.interval.ms=1500"))) {
            long oracleStart = System.nanoTime();
            Outputs expected = Oracle.run(cluster.registryUrl(), dir.resolve("oracle"), corpus);
            double oracleSeconds = (System.nanoTime() - oracleStart) / 1e9;

            app.start();
            double firstStart = app.awaitRunning(Duration.ofSeconds(120));
            Replay replay = new Replay(corpus, cluster.bootstrapServers(), cluster.registryUrl(), plan.articlesPerSecond());
            long replayStart = System.nanoTime();
            replay.start();

            Random rnd = new Random(SEED);
            List<Integer> killAt = killPoints(plan);
            for (int k = 0; k < plan.kills(); k++) {
                int at = killAt.get(k);
                while (replay.handed() < at) {
                    assertThat(replay.running()).as("replay still running before kill point %d (%s)", at, replay.describe()).isTrue();
                    Thread.sleep(20);
                }
                Thread.sleep(rnd.nextInt(2 * plan.commitMillis()));
                long consumed = check.articlesConsumed();
                int handed = replay.handed();
                int exit = app.kill();
                assertThat(exit).as("exit status of a SIGKILLed JVM (128 + 9)").isEqualTo(StreamsJvm.SIGKILL_EXIT);
                boolean wipe = k == plan.wipeAt();
                if (wipe) {
                    deleteRecursively(state);
                }
                kills.add(String.format("kill %d at article %d (%d consumed for good)%s", k + 1, handed, consumed,
                        wipe ? ", state dir wiped" : ""));
                app.start();
                // The replay goes on meanwhile; the next kill waits for its point of the replay too.
                toRunning.add(app.awaitRunning(Duration.ofSeconds(120)));
            }
            ProduceSummary summary = replay.await();
            double replaySeconds = (System.nanoTime() - replayStart) / 1e9;
            double catchUp = EndState.awaitCaughtUp(check, app, Duration.ofSeconds(600));

            EndState.Verified verified = EndState.verify(plan.label(), check, cluster.registryUrl(), expected, corpus, summary, false, app,
                    Duration.ofSeconds(60));
            assertThat(kills).hasSize(plan.kills());
            // The kills must have hit open transactions, or this run proved nothing about aborting them.
            assertThat(verified.abortedRecords()).as("records of transactions the kills aborted").isPositive();
            System.out.printf("%s: seed %d, %d kills survived (SIGKILL, exit 137) %s, RUNNING again %s s after each restart (first start %.1f s); %s; oracle %.1f s, replay %.1f s at %.0f/s,"
                            + " caught up %.1f s after it, total %.1f s%n",
                    plan.label(), SEED, kills.size(), kills,
                    toRunning.stream().map(x -> String.format("%.1f", x)).toList(), firstStart, verified.figures(), oracleSeconds, replaySeconds, plan.articlesPerSecond(),
                    catchUp, (System.nanoTime() - t0) / 1e9);
            app.stop();
        }
    }

    /** {@code kills} distinct seeded replay positions between 10 % and 90 % of the corpus, in order. */
    static List<Integer> killPoints(Plan plan) {
        Random r = new Random(SEED ^ plan.articles());
        TreeSet<Integer> points = new TreeSet<>();
        while (points.size() < plan.kills()) {
            points.add(plan.articles() / 10 + r.nextInt(plan.articles() * 8 / 10));
        }
        return List.copyOf(points);
    }

    static void deleteRecursively(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
