package io.riposte.cli.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.riposte.avro.Alert;
import io.riposte.avro.AlertType;
import io.riposte.cli.JsonSchemas;
import io.riposte.cli.e2e.CommandsAgainstClusterTest.Run;
import io.riposte.consumer.AlertFilter;
import io.riposte.consumer.WebhookDelivery;
import io.riposte.consumer.WebhookNotifier;
import io.riposte.serde.SpecificAvroDeserializer;
import io.riposte.serde.SpecificAvroSerializer;
import io.riposte.topics.Topics;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code riposte notify} against a real broker and registry and a local webhook (the JDK's HttpServer on
 * 127.0.0.1) that fails, answers too late, restarts, or is down for good: every committed alert reaches
 * it at least once, copies carry the same Idempotency-Key, what cannot be delivered is parked with the
 * reason, and a restarted notifier resumes from its committed offsets.
 */
class NotifyCommandTest extends ClusterTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AtomicInteger TX = new AtomicInteger();
    private final List<Receiver> receivers = new ArrayList<>();

    @BeforeAll
    static void writeAlerts() {
        publish(true, AlertsCommandTest.alert("n1", "GBR-RUS", AlertType.ESCALATION, -7.5, "a larger expulsion"),
                AlertsCommandTest.alert("n2", "GBR-RUS", AlertType.THREAT, -4.0, "a response is promised"),
                AlertsCommandTest.alert("n3", "CHN-USA", AlertType.RETALIATION, -5.0, "tariffs answered"),
                AlertsCommandTest.alert("n4", "AUS-CHN", AlertType.NEW_CHAIN, -5.0, "a new chain"),
                AlertsCommandTest.alert("n5", "EST-RUS", AlertType.DE_ESCALATION, 3.5, "talks resume"));
        publish(false, AlertsCommandTest.alert("aborted", "GBR-RUS", AlertType.ESCALATION, -9, "never committed"));
    }

    static void publish(boolean commit, Alert... alerts) {
        Map<String, Object> p = new HashMap<>();
        p.put("bootstrap.servers", cluster.bootstrapServers());
        p.put("transactional.id", "notify-test-" + TX.incrementAndGet());
        SpecificAvroSerializer<Alert> ser = new SpecificAvroSerializer<>();
        ser.configure(Map.of("schema.registry.url", cluster.registryUrl()), false);
        try (KafkaProducer<String, Alert> producer = new KafkaProducer<>(p, new StringSerializer(), ser)) {
            producer.initTransactions();
            producer.beginTransaction();
            for (Alert a : alerts) {
                producer.send(new ProducerRecord<>(Topics.ALERTS, a.getDyad(), a));
            }
            producer.flush();
            if (commit) {
                producer.commitTransaction();
            } else {
                producer.abortTransaction();
            }
        }
    }

    /** The ids of every committed alert now on the topic. */
    static Set<String> committedIds() {
        Set<String> ids = new HashSet<>();
        try (SpecificAvroDeserializer<Alert> de = new SpecificAvroDeserializer<>(Alert.class)) {
            de.configure(Map.of("schema.registry.url", cluster.registryUrl()), false);
            for (ConsumerRecord<String, byte[]> r : TopicContent.read(cluster.bootstrapServers(), Topics.ALERTS)) {
                ids.add(de.deserialize(r.topic(), r.headers(), r.value()).getId());
            }
        }
        return ids;
    }

    Run notify(int port, String group, String... more) {
        List<String> args = new ArrayList<>(List.of("notify", "-b", cluster.bootstrapServers(), "--registry-url", cluster.registryUrl(),
                "--webhook", "http://127.0.0.1:" + port + "/hook", "--group", group, "--exit-when-idle", "2"));
        args.addAll(List.of(more));
        return CommandsAgainstClusterTest.riposte(args.toArray(String[]::new));
    }

    /** A webhook whose answer to the n-th request with a key is chosen by the test (status, or SLOW: 200 after the client gave up). */
    static final class Receiver implements AutoCloseable {
        static final int SLOW = -1;
        record Request(String key, String contentType, String body, int status) {}

        final List<Request> requests = Collections.synchronizedList(new ArrayList<>());
        final Map<String, AtomicInteger> tries = new ConcurrentHashMap<>();
        final BiFunction<String, Integer, Integer> answer;
        final int port;
        volatile HttpServer server;
        volatile Runnable onAnswer = () -> { };
        /** Runs before the answer is sent: the client is then still waiting for it. */
        volatile Runnable beforeAnswer = () -> { };

        Receiver(int port, BiFunction<String, Integer, Integer> answer) throws IOException {
            this.port = port;
            this.answer = answer;
            start();
        }

        void start() throws IOException {
            HttpServer s = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
            s.createContext("/hook", ex -> {
                String key = ex.getRequestHeaders().getFirst(WebhookDelivery.IDEMPOTENCY_KEY);
                String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                int n = tries.computeIfAbsent(String.valueOf(key), k -> new AtomicInteger()).incrementAndGet();
                int status = answer.apply(key, n);
                requests.add(new Request(key, ex.getRequestHeaders().getFirst("Content-Type"), body, status));
                if (status == SLOW) {
                    sleep(3_000); // three times the client's timeout, so a loaded machine still sees it as too late
                    status = 200;
                }
                beforeAnswer.run();
                ex.sendResponseHeaders(status, -1);
                ex.close();
                onAnswer.run();
            });
            s.start();
            server = s;
        }

        void stop() {
            server.stop(0);
        }

        /** Keys whose request was answered 2xx in time: what the notifier saw delivered. */
        Set<String> delivered() {
            Set<String> out = new HashSet<>();
            synchronized (requests) {
                requests.stream().filter(r -> r.status() / 100 == 2).forEach(r -> out.add(r.key()));
            }
            return out;
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    Receiver receiver(BiFunction<String, Integer, Integer> answer) throws IOException {
        Receiver r = new Receiver(freePort(), answer);
        receivers.add(r);
        return r;
    }

    @AfterEach
    void stopReceivers() {
        receivers.forEach(Receiver::close);
    }

    @Test
    void aFlakyRestartingReceiverGetsEveryCommittedAlertAtLeastOnceAndCopiesOnlyUnderTheSameKey() throws Exception {
        Set<String> expected = committedIds();
        // Each alert: first a 503, then an answer after the client's timeout, then 200.
        Receiver hook = receiver((key, n) -> n == 1 ? 503 : n == 2 ? Receiver.SLOW : 200);
        AtomicBoolean restarted = new AtomicBoolean();
        hook.onAnswer = () -> {
            if (hook.delivered().size() == 1 && restarted.compareAndSet(false, true)) {
                CompletableFuture.runAsync(() -> {
                    hook.stop();
                    sleep(1_500);
                    try {
                        hook.start();
                    } catch (IOException e) {
                        throw new IllegalStateException(e);
                    }
                });
            }
        };
        Run r = notify(hook.port, "flaky", "--max-attempts", "12", "--backoff", "PT0.1S", "--max-backoff", "PT0.4S", "--timeout", "PT1S");

        assertThat(r.code()).as(r.err()).isZero();
        assertThat(restarted).as("the receiver went down once").isTrue();
        assertThat(hook.delivered()).containsExactlyInAnyOrderElementsOf(expected).doesNotContain("aborted");
        Map<String, String> bodyByKey = new HashMap<>();
        for (Receiver.Request q : hook.requests) {
            JsonNode body = JSON.readTree(q.body());
            assertThat(body.get("id").asText()).as("Idempotency-Key is the alert id").isEqualTo(q.key());
            JsonSchemas.assertValid("alert", body);
            assertThat(q.contentType()).startsWith("application/json");
            bodyByKey.merge(q.key(), q.body(), (a, b) -> {
                assertThat(b).as("a copy of %s is the same alert", q.key()).isEqualTo(a);
                return a;
            });
        }
        assertThat(hook.requests.size()).as("retries happened").isGreaterThan(2 * expected.size());
        assertThat(r.err()).contains("notify: read " + expected.size() + ", delivered " + expected.size() + ", filtered out 0, parked 0");
    }

    @Test
    void aReceiverDownForGoodSendsEveryAlertToTheDeadLettersWithTheReasonAndTheOffsetsMoveOn() throws Exception {
        Set<String> expected = committedIds();
        int nobody = freePort();
        Run r = notify(nobody, "down", "--max-attempts", "3", "--backoff", "PT0.05S", "--timeout", "PT0.5S");
        assertThat(r.code()).as(r.err()).isEqualTo(3);
        assertThat(r.err()).contains("parked " + expected.size() + " {UNREACHABLE=" + expected.size() + "}");

        Map<String, Map<String, String>> parked = new HashMap<>();
        for (ConsumerRecord<String, byte[]> d : TopicContent.read(cluster.bootstrapServers(), Topics.NOTIFY_DEAD_LETTERS)) {
            Map<String, String> h = new HashMap<>();
            for (Header x : d.headers()) {
                h.put(x.key(), new String(x.value(), StandardCharsets.UTF_8));
            }
            if ("UNREACHABLE".equals(h.get(WebhookNotifier.REASON))) {
                parked.put(h.get(WebhookNotifier.ALERT_ID), h);
            }
        }
        assertThat(parked.keySet()).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(parked.values()).allSatisfy(h -> {
            assertThat(h.get(WebhookNotifier.ATTEMPTS)).isEqualTo("3");
            assertThat(h.get(WebhookNotifier.MESSAGE)).contains("cannot connect to 127.0.0.1:" + nobody);
            assertThat(h.get(WebhookNotifier.ORIGIN)).startsWith(Topics.ALERTS + "-");
        });

        // Parked is settled: the same group with a receiver that works has nothing left to send.
        Receiver hook = receiver((key, n) -> 200);
        Run again = notify(hook.port, "down");
        assertThat(again.code()).as(again.err()).isZero();
        assertThat(hook.requests).isEmpty();
    }

    @Test
    void filtersByDyadTypeAndSeverityAndSpeaksSlack() throws Exception {
        Receiver hook = receiver((key, n) -> 200);
        Run r = notify(hook.port, "filtered", "--dyad", "rus-gbr", "--type", "ESCALATION,RETALIATION", "--min-severity", "medium",
                "--format", "slack");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(hook.delivered()).containsExactly("n1");
        JsonNode body = JSON.readTree(hook.requests.get(0).body());
        assertThat(body.get("text").asText()).contains("ESCALATION", "GBR-RUS", "2018-03-26", "a larger expulsion");

        Run bad = notify(hook.port, "filtered", "--type", "SKIRMISH");
        assertThat(bad.code()).isEqualTo(1);
        assertThat(bad.err()).contains("--type wants one of");
    }

    @Test
    void aRestartedNotifierResumesFromItsCommittedOffsetsWithoutLoss() throws Exception {
        Receiver hook = receiver((key, n) -> 200);
        Map<String, Object> config = Map.of("bootstrap.servers", cluster.bootstrapServers(), "schema.registry.url", cluster.registryUrl());
        URI url = URI.create("http://127.0.0.1:" + hook.port + "/hook");
        WebhookNotifier first = new WebhookNotifier(config, "resume", WebhookNotifier.Format.JSON, AlertFilter.all(),
                new WebhookDelivery(url, 3, Duration.ofMillis(50), Duration.ofMillis(200), Duration.ofSeconds(2)));
        // Stopped from inside the receiver while the notifier waits for its answer to the second alert: a stop in
        // mid-stream. (Stopped after the answer, the notifier could already send a third on a loaded machine.)
        hook.beforeAnswer = () -> {
            if (hook.requests.size() == 2) {
                first.close();
            }
        };
        CompletableFuture<WebhookNotifier.Result> run = CompletableFuture.supplyAsync(() -> first.run(null, s -> { }));
        WebhookNotifier.Result r1 = run.get(60, TimeUnit.SECONDS);
        List<String> firstKeys = hook.requests.stream().map(Receiver.Request::key).toList();
        assertThat(firstKeys).hasSize(2);
        assertThat(r1.delivered()).isLessThanOrEqualTo(2);

        publish(true, AlertsCommandTest.alert("later-1", "FRA-MLI", AlertType.RETALIATION, -5.0, "an envoy is sent home"),
                AlertsCommandTest.alert("later-2", "FRA-MLI", AlertType.ESCALATION, -7.0, "a mission closes"));
        hook.beforeAnswer = () -> { };
        WebhookNotifier second = new WebhookNotifier(config, "resume", WebhookNotifier.Format.JSON, AlertFilter.all(),
                new WebhookDelivery(url, 3, Duration.ofMillis(50), Duration.ofMillis(200), Duration.ofSeconds(2)));
        WebhookNotifier.Result r2 = second.run(Duration.ofSeconds(2), s -> { });
        List<String> secondKeys = hook.requests.stream().map(Receiver.Request::key).skip(2).toList();

        assertThat(hook.delivered()).containsExactlyInAnyOrderElementsOf(committedIds()).contains("later-1", "later-2");
        // Only the alert in hand when the first run stopped may come twice (its commit may not have landed).
        assertThat(secondKeys).doesNotHaveDuplicates().doesNotContain(firstKeys.get(0));
        assertThat(r2.parked()).isZero();
    }
}
