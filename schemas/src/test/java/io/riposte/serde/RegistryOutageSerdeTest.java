package io.riposte.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.riposte.avro.Article;
import io.riposte.registry.FakeRegistry;
import io.riposte.registry.RegistryConfig;
import io.riposte.registry.RegistryHealth;
import java.net.ServerSocket;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Issue 12: a registry that does not answer is waited out; only a registry's answer makes a record bad. */
class RegistryOutageSerdeTest {
    private FakeRegistry registry;
    private byte[] written;

    @BeforeEach
    void start() throws Exception {
        registry = new FakeRegistry("");
        try (var serde = new SpecificAvroSerde<>(Article.class)) {
            serde.configure(Map.of(RegistryConfig.URL, registry.url()), false);
            written = serde.serializer().serialize("articles", SerdeTestSupport.article("a1"));
        }
        registry.clearRequests();
    }

    @AfterEach
    void stop() {
        registry.close();
    }

    /** A cold deserializer (as after a restart): no retries inside the client, so each request shows. */
    private SpecificAvroDeserializer<Article> cold(String url, long waitMs) {
        var d = new SpecificAvroDeserializer<>(Article.class);
        Map<String, Object> c = new HashMap<>();
        c.put(RegistryConfig.URL, url);
        c.put(RegistryConfig.MAX_RETRIES, 0);
        c.put(RegistryConfig.REQUEST_TIMEOUT_MS, 500);
        c.put(SerdeConfig.OUTAGE_WAIT_MS, waitMs);
        d.configure(c, false);
        return d;
    }

    @Test
    void serverErrorsAndThrottlingAreWaitedOutAndTheRecordIsRead() {
        registry.answerNext(500, "{\"error_code\":50001,\"message\":\"store error\"}");
        registry.answerNext(503, "unavailable");
        registry.answerNext(429, "{\"error_code\":429,\"message\":\"slow down\"}");
        long outagesBefore = RegistryHealth.global().outages();
        try (var d = cold(registry.url(), 60_000)) {
            assertThat(d.deserialize("articles", written)).isEqualTo(SerdeTestSupport.article("a1"));
        }
        assertThat(registry.requests()).hasSize(4);
        assertThat(RegistryHealth.global().outages()).isGreaterThan(outagesBefore);
        assertThat(RegistryHealth.global().outage()).isEmpty();
    }

    @Test
    void anUnreachableRegistryIsAnOutageNotABadRecord() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort(); // closed again: connections are refused
        }
        try (var d = cold("http://127.0.0.1:" + port, 300)) {
            assertThatThrownBy(() -> d.deserialize("articles", written))
                    .isInstanceOf(RegistryUnavailableException.class)
                    .hasMessageContaining("must be retried");
            assertThat(RegistryHealth.global().outage()).isPresent();
            assertThat(RegistryHealth.global().outage().get().reason()).contains("127.0.0.1:" + port);
            assertThat(RegistryHealth.global().degradedReason()).contains("schema registry unavailable since");
        }
        // Closed, the client no longer speaks for the process: /health is not left DEGRADED by a client that is gone.
        assertThat(RegistryHealth.global().outage()).isEmpty();
    }

    @Test
    void anUnknownIdAnsweredByTheRegistryIsBadData() {
        byte[] bogus = written.clone();
        bogus[4] = 99;
        try (var d = cold(registry.url(), 60_000)) {
            assertThatThrownBy(() -> d.deserialize("articles", bogus))
                    .isInstanceOf(SerializationException.class)
                    .isNotInstanceOf(RegistryUnavailableException.class)
                    .hasMessageContaining("schema id 99 is unknown");
        }
        assertThat(registry.requests()).hasSize(1);
        assertThat(RegistryHealth.global().outage()).isEmpty();
    }

    @Test
    void aReaderLoopRetriesTheSameRecordUntilTheRegistryAnswers() {
        for (int i = 0; i < 10; i++) {
            registry.answerNext(500, "down");
        }
        AtomicInteger calls = new AtomicInteger();
        try (var d = cold(registry.url(), 100)) {
            Article a = RegistryWait.untilAvailable(() -> {
                calls.incrementAndGet();
                return d.deserialize("articles", written);
            }, () -> true);
            assertThat(a).isEqualTo(SerdeTestSupport.article("a1"));
        }
        assertThat(calls.get()).isGreaterThan(1);
        assertThat(registry.requests()).hasSize(11);
    }

    @Test
    void aStoppedReaderGetsTheOutageInsteadOfARecord() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        try (var d = cold("http://127.0.0.1:" + port, 50)) {
            assertThatThrownBy(() -> RegistryWait.untilAvailable(() -> d.deserialize("articles", written), () -> false))
                    .isInstanceOf(RegistryUnavailableException.class);
        }
    }

    @Test
    void theSerializerWaitsToo() {
        registry.answerNext(502, "bad gateway");
        registry.answerNext(504, "gateway timeout");
        byte[] bytes;
        try (var s = new SpecificAvroSerializer<Article>()) {
            s.configure(Map.of(RegistryConfig.URL, registry.url(), RegistryConfig.MAX_RETRIES, 0), false);
            bytes = s.serialize("articles", SerdeTestSupport.article("a2"));
        }
        assertThat(registry.requests()).hasSize(3);
        try (var d = cold(registry.url(), 0)) {
            assertThat(d.deserialize("articles", bytes)).isEqualTo(SerdeTestSupport.article("a2"));
        }
    }
}
