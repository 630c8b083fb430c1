package io.riposte.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.riposte.domain.Article;
import io.riposte.producer.ProduceSummary;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Issue 7, broker restart: the separate-process local broker ({@code riposte local}, data dir kept)
 * is stopped and started again in the middle of a replay, once with SIGTERM ({@code local down},
 * which also stops the registry, then {@code local up}) and once by SIGKILL of the broker's pid. The
 * producer must ride it out by retrying (nothing lost: its summary and the articles topic), the
 * Streams app (its own JVM) must keep going without a restart, and the end state must be that of an
 * uninterrupted run ({@link EndState}).
 *
 * <p>Measured here: after a SIGTERM restart the broker may append a batch the idempotent producer retried a
 * second time (same producer id, epoch and sequence, at the next offset under the new leader epoch), so an
 * article can sit twice on {@code articles}. Keys are article ids and every output id is derived from content,
 * so the pipeline absorbs it; the test checks that every article arrived and that the outputs are unchanged,
 * and reports such records instead of failing on them.
 */
class BrokerRestartTest extends LocalBrokerRun {
    static final long SEED = 20261122L;

    enum Stop { SIGTERM, SIGKILL }

    record Plan(String label, int articles, double articlesPerSecond, List<Stop> stops) {}

    /** In {@code mvn verify}: 600 articles, the broker SIGKILLed once (the harsher stop, and the faster restart). */
    @Test
    @Timeout(240)
    void brokerKilledMidReplayLosesNothing() throws Exception {
        run(new Plan("broker restart quick", 600, 30, List.of(Stop.SIGKILL)));
    }

    /** {@code -Preliability}: 5,000 articles, two restarts of each kind. */
    @Test
    @Tag("long")
    @Timeout(900)
    void brokerRestartedFourTimesDuringAFiveThousandArticleReplayLosesNothing() throws Exception {
        run(new Plan("broker restart long", 5_000, 50, List.of(Stop.SIGTERM, Stop.SIGKILL, Stop.SIGTERM, Stop.SIGKILL)));
    }

    private void run(Plan plan) throws Exception {
        long t0 = System.nanoTime();
        startLocal();
        List<Article> corpus = Replay.corpus(SEED, plan.articles());
        List<String> restarts = new ArrayList<>();
        try (ExactlyOnceAudit check = new ExactlyOnceAudit(bootstrap);
                StreamsJvm app = new StreamsJvm(bootstrap, registry, dir.resolve("state"), dir, List.of(
                        "commit.interval.ms=1000", "session.timeout.ms=6000", "heartbeat.interval.ms=1500"))) {
            Outputs expected = Oracle.run(registry, dir.resolve("oracle"), corpus);
            app.start();
            app.awaitRunning(Duration.ofSeconds(120));
            Replay replay = new Replay(corpus, bootstrap, registry, plan.articlesPerSecond());
            long replayStart = System.nanoTime();
            replay.start();

            for (int i = 0; i < plan.stops().size(); i++) {
                // From 15 % to 70 % of the replay, so even the last restart has articles arriving after it.
                int at = (int) (plan.articles() * (0.15 + 0.55 * i / Math.max(1, plan.stops().size() - 1)));
                while (replay.handed() < at) {
                    assertThat(replay.running()).as("replay still running before restart point %d (%s)", at, replay.describe()).isTrue();
                    Thread.sleep(20);
                }
                Stop how = plan.stops().get(i);
                long down = System.nanoTime();
                int handedAtStop = replay.handed();
                long pid = local.status().brokerPid();
                assertThat(pid).as("broker pid").isPositive();
                if (how == Stop.SIGTERM) {
                    assertThat(local.down(Duration.ofSeconds(60))).contains("broker");
                } else {
                    ProcessHandle broker = ProcessHandle.of(pid).orElseThrow();
                    assertThat(broker.destroyForcibly()).as("SIGKILL sent to the broker").isTrue();
                    broker.onExit().get(30, TimeUnit.SECONDS);
                }
                assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).as("old broker gone").isFalse();
                double stopped = (System.nanoTime() - down) / 1e9;
                local.up(UP);
                double back = (System.nanoTime() - down) / 1e9;
                restarts.add(String.format("%s at article %d (stopped in %.1f s, serving again %.1f s after the stop began)",
                        how, handedAtStop, stopped, back));
                assertThat(app.alive()).as("Streams app alive after broker %s:\n%s", how, app.tail()).isTrue();
            }
            ProduceSummary summary = replay.await();
            double replaySeconds = (System.nanoTime() - replayStart) / 1e9;
            double catchUp = EndState.awaitCaughtUp(check, app, Duration.ofSeconds(600));
            EndState.Verified verified = EndState.verify(plan.label(), check, registry, expected, corpus, summary, true, app,
                    Duration.ofSeconds(60));
            assertThat(app.alive()).as("the Streams app was never restarted and still runs").isTrue();
            System.out.printf("%s: seed %d, %d broker restarts survived %s; %s; replay %.1f s at %.0f/s, caught up %.1f s after it, total %.1f s%n",
                    plan.label(), SEED, restarts.size(), restarts, verified.figures(), replaySeconds, plan.articlesPerSecond(), catchUp,
                    (System.nanoTime() - t0) / 1e9);
            app.stop();
        }
    }
}
