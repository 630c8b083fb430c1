package io.riposte.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.riposte.avro.Alert;
import io.riposte.avro.Chain;
import io.riposte.consumer.DyadSink;
import io.riposte.domain.Article;
import io.riposte.producer.ProduceSummary;
import io.riposte.registry.RegistryConfig;
import io.riposte.registry.RegistryHealth;
import java.io.OutputStream;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 12, registry outages: the schema registry fails in the middle of a replay while articles keep
 * arriving (the warm producer needs no registry call), and the Streams app and/or the consumer are
 * restarted during the outage, so they start with cold schema caches and must wait for the registry
 * instead of skipping what they read. The end state must be the uninterrupted run's ({@link EndState}),
 * and the consumer ({@link DyadSink}, as {@code riposte consume} runs it) must hold the oracle's chains
 * and every committed alert exactly once.
 *
 * <p>Faults: the registry process SIGKILLed and started again ({@code local up}: its ids live in a Kafka
 * topic, so they survive); a registry answering 500 to everything; a registry slower than the client's
 * request timeout. The last two are played by {@link RegistryProxy} in front of the real registry.
 */
class RegistryOutageTest extends LocalBrokerRun {
    static final long SEED = 20261206L;
    /** The client's request timeout in these runs, below the slow registry's delay. */
    private static final int CLIENT_TIMEOUT_MS = 1_000;

    /** The uninterrupted run depends only on the corpus (seed and size), so the runs of one size share it. */
    private static final Map<Integer, Outputs> ORACLES = new java.util.concurrent.ConcurrentHashMap<>();

    enum Fault { KILLED, SERVER_ERRORS, SLOWER_THAN_TIMEOUT }

    record Plan(String label, int articles, double articlesPerSecond, Fault fault, boolean restartStreams,
            boolean restartConsumer, Duration outage) {}

    /** In {@code mvn verify}: the registry killed; Streams and the consumer both restarted while it is down. */
    @Test
    @Timeout(300)
    void registryKilledWhileStreamsAndTheConsumerRestartLosesNothing() throws Exception {
        run(new Plan("registry outage quick", 600, 20, Fault.KILLED, true, true, Duration.ofSeconds(15)));
    }

    /**
     * {@code -Preliability}: (a) the registry killed while Streams and the consumer run on (warm caches),
     * (b) Streams restarted during the outage, (c) the consumer restarted during it; then a registry
     * answering 500, and one slower than the client's timeout, each with both apps restarted meanwhile.
     */
    static Stream<Plan> longPlans() {
        // -Driposte.registry.plans=500,slower runs only the plans whose label contains one of the words.
        String only = System.getProperty("riposte.registry.plans", "");
        return Stream.of(
                new Plan("registry answering 500", 1_500, 40, Fault.SERVER_ERRORS, true, true, Duration.ofSeconds(30)),
                new Plan("registry slower than the client timeout", 1_500, 40, Fault.SLOWER_THAN_TIMEOUT, true, true,
                        Duration.ofSeconds(30)),
                new Plan("registry killed, streams restarted", 1_500, 40, Fault.KILLED, true, false, Duration.ofSeconds(30)),
                new Plan("registry killed, consumer restarted", 1_500, 40, Fault.KILLED, false, true, Duration.ofSeconds(30)),
                new Plan("registry killed, apps running", 1_500, 40, Fault.KILLED, false, false, Duration.ofSeconds(20)))
                .filter(p -> only.isBlank() || java.util.Arrays.stream(only.split(",")).anyMatch(w -> p.label().contains(w.trim())));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("longPlans")
    @Tag("long")
    @Timeout(600)
    void registryFaultDuringALongerReplayLosesNothing(Plan plan) throws Exception {
        run(plan);
    }

    private void run(Plan plan) throws Exception {
        long t0 = System.nanoTime();
        startLocal();
        List<Article> corpus = Replay.corpus(SEED, plan.articles());
        try (RegistryProxy proxy = new RegistryProxy(registry);
                ExactlyOnceAudit check = new ExactlyOnceAudit(bootstrap);
                StreamsJvm app = new StreamsJvm(bootstrap, plan.fault() == Fault.KILLED ? registry : proxy.url(), dir.resolve("state"), dir,
                        List.of("commit.interval.ms=1000", "session.timeout.ms=6000", "heartbeat.interval.ms=1500",
                                RegistryConfig.REQUEST_TIMEOUT_MS + "=" + CLIENT_TIMEOUT_MS))) {
            // The apps meet the fault; the replay (warm after its first article), the oracle and the checks use the real registry.
            String appRegistry = plan.fault() == Fault.KILLED ? registry : proxy.url();
            Outputs expected = ORACLES.computeIfAbsent(plan.articles(), n -> Oracle.run(registry, dir.resolve("oracle"), corpus));
            app.start();
            app.awaitRunning(Duration.ofSeconds(120));
            List<Alert> alerts = Collections.synchronizedList(new ArrayList<>());
            DyadSink sink = sink(bootstrap, appRegistry, alerts).start();
            try {
                // The last 30 % wait for the fault, so the apps restarted during it have articles to read then.
                Replay replay = new Replay(corpus, bootstrap, registry, plan.articlesPerSecond()).holdAt(plan.articles() * 7 / 10);
                long replayStart = System.nanoTime();
                replay.start();
                int at = (int) (plan.articles() * 0.3);
                while (replay.handed() < at) {
                    assertThat(replay.running()).as("replay still running before the fault (%s)", replay.describe()).isTrue();
                    Thread.sleep(20);
                }
                // Committed outputs before the fault, so that a restarted consumer has records that need the registry.
                DyadSink first = sink;
                EndState.await("chains committed and read before the fault", () -> !first.chains().isEmpty(), app, Duration.ofSeconds(120));

                long faultStart = System.nanoTime();
                int handedAtFault = replay.handed();
                long waitsBefore = RegistryHealth.global().recordsWaited();
                switch (plan.fault()) {
                    case KILLED -> {
                        long pid = local.status().registryPid();
                        assertThat(pid).as("registry pid").isPositive();
                        ProcessHandle p = ProcessHandle.of(pid).orElseThrow();
                        assertThat(p.destroyForcibly()).as("SIGKILL sent to the registry").isTrue();
                        p.onExit().get(30, TimeUnit.SECONDS);
                    }
                    case SERVER_ERRORS -> proxy.mode(new RegistryProxy.ServerError());
                    case SLOWER_THAN_TIMEOUT -> proxy.mode(new RegistryProxy.Slow(Duration.ofMillis(3 * CLIENT_TIMEOUT_MS)));
                }
                List<String> during = new ArrayList<>();
                if (plan.restartStreams()) {
                    assertThat(app.stop()).as("Streams stopped cleanly with SIGTERM during the outage").isIn(0, 143);
                    replay.release(); // what arrives now is the restarted app's to read, during the outage
                    app.start();
                    // The restarted app has cold caches: it must meet the outage and say so, not skip records.
                    EndState.await("the restarted Streams app to report the registry outage",
                            () -> app.sinceStart().contains("Schema registry unavailable"), app, Duration.ofSeconds(60));
                    during.add("Streams restarted, waiting");
                }
                replay.release();
                if (plan.restartConsumer()) {
                    sink.close();
                    alerts.clear();
                    sink = sink(bootstrap, appRegistry, alerts).start();
                    DyadSink waiting = sink;
                    EndState.await("the restarted consumer to wait for the registry",
                            () -> RegistryHealth.global().recordsWaited() > waitsBefore || waiting.failure() != null, null,
                            Duration.ofSeconds(60));
                    assertThat(sink.failure()).as("consumer failure during the outage").isNull();
                    during.add("consumer restarted, waiting");
                }
                long left = plan.outage().toNanos() - (System.nanoTime() - faultStart);
                if (left > 0) {
                    Thread.sleep(left / 1_000_000);
                }
                if (plan.fault() == Fault.KILLED) {
                    local.up(UP);
                } else {
                    assertThat(proxy.faultsServed()).as("requests that met the fault").isPositive();
                    proxy.mode(new RegistryProxy.Pass());
                }
                double outage = (System.nanoTime() - faultStart) / 1e9;

                ProduceSummary summary = replay.await();
                double replaySeconds = (System.nanoTime() - replayStart) / 1e9;
                app.awaitRunning(Duration.ofSeconds(180));
                double catchUp = EndState.awaitCaughtUp(check, app, Duration.ofSeconds(600));
                EndState.Verified verified = EndState.verify(plan.label(), check, registry, expected, corpus, summary, false, app,
                        Duration.ofSeconds(60));

                // The consumer: the oracle's chains, and every committed alert once.
                Outputs committed = check.readCommitted(registry);
                DyadSink reader = sink;
                EndState.await("the consumer to hold the oracle's chains and every alert",
                        () -> reader.failure() != null
                                || reader.caughtUp() && byId(reader.chains(), Chain::getId).equals(expected.chains)
                                        && alerts.size() >= committed.alertIds.size(), app, Duration.ofSeconds(120));
                assertThat(sink.failure()).as("consumer failure").isNull();
                assertThat(EndState.diff(expected.chains, byId(sink.chains(), Chain::getId))).as("consumer chains vs the oracle").isEmpty();
                Map<String, Long> seen = alertCounts(alerts);
                assertThat(seen.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey).toList())
                        .as("alerts the consumer got twice").isEmpty();
                assertThat(seen.keySet()).as("alerts the consumer got vs the committed ones").isEqualTo(committed.alertIds.keySet());

                System.out.printf("%s: seed %d, %s at article %d for %.1f s (%s); %s; consumer: %d chains, %d alerts;"
                                + " replay %.1f s at %.0f/s, caught up %.1f s after it, total %.1f s%n",
                        plan.label(), SEED, plan.fault(), handedAtFault, outage, during.isEmpty() ? "nothing restarted" : String.join(", ", during),
                        verified.figures(), sink.chains().size(), seen.size(), replaySeconds, plan.articlesPerSecond(), catchUp,
                        (System.nanoTime() - t0) / 1e9);
            } finally {
                sink.close();
            }
            app.stop();
        }
    }

    private static DyadSink sink(String bootstrap, String registryUrl, List<Alert> alerts) {
        Map<String, Object> config = new HashMap<>();
        config.put("bootstrap.servers", bootstrap);
        config.put(RegistryConfig.URL, registryUrl);
        config.put(RegistryConfig.REQUEST_TIMEOUT_MS, CLIENT_TIMEOUT_MS);
        return new DyadSink(config, DyadSink.Options.defaults(), a -> { }, new PrintStream(OutputStream.nullOutputStream()))
                .withEveryAlert(alerts::add);
    }

    private static <T> Map<String, T> byId(List<T> values, Function<T, String> id) {
        return values.stream().collect(Collectors.toMap(id, v -> v, (x, y) -> y));
    }

    private static Map<String, Long> alertCounts(List<Alert> alerts) {
        synchronized (alerts) {
            return alerts.stream().collect(Collectors.groupingBy(Alert::getId, Collectors.counting()));
        }
    }
}
