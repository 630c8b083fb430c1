package io.riposte.cli.e2e;

import io.riposte.local.registry.LocalSchemaRegistry;
import io.riposte.topics.TopicAdmin;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;

/**
 * The same scenario against the official {@code apache/kafka} image; runs where Docker exists and
 * is skipped cleanly elsewhere. The registry is Riposte's local one, storing its schemas on that broker.
 */
@Testcontainers(disabledWithoutDocker = true)
class ContainerEndToEndTest {
    @Container
    static final KafkaContainer KAFKA = new KafkaContainer("apache/kafka:4.1.0");

    @Test
    void sampleArticlesBecomeChainsAlertsAndOneDyadRecordPerDyad(@TempDir Path state) throws Exception {
        TopicAdmin.createAll(Map.of("bootstrap.servers", KAFKA.getBootstrapServers()), Duration.ofSeconds(60));
        try (LocalSchemaRegistry registry = LocalSchemaRegistry.onKafka(KAFKA.getBootstrapServers(), 0)) {
            PipelineScenario.run(KAFKA.getBootstrapServers(), registry.url(), state, "");
        }
    }
}
