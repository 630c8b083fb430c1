package io.riposte.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class KafkaClientConfigTest {
    @Test
    void keepsClientKeysAndDropsTheRegistrysRipostesAndStreamsOwn() {
        Map<String, Object> layered = Map.of(
                "bootstrap.servers", "127.0.0.1:9092",
                "security.protocol", "SASL_SSL",
                "linger.ms", 20,
                "schema.registry.url", "http://127.0.0.1:8081",
                "basic.auth.user.info", "u:p",
                "value.subject.name.strategy", "io.example.Strategy",
                "auto.register.schemas", true,
                "riposte.topic.prefix", "t1.",
                "application.id", "riposte-streams",
                "state.dir", "/tmp/x");
        assertThat(KafkaClientConfig.kafkaOnly(layered))
                .containsOnlyKeys("bootstrap.servers", "security.protocol", "linger.ms")
                .containsEntry("linger.ms", 20);
    }
}
