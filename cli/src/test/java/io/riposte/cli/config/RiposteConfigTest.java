package io.riposte.cli.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RiposteConfigTest {
    @TempDir
    Path dir;

    @Test
    void flagsWinOverEnvironmentWhichWinsOverTheFile() throws IOException {
        Path file = dir.resolve("riposte.properties");
        Files.writeString(file, String.join("\n",
                "bootstrap.servers=file:9092",
                "schema.registry.url=http://file:8081",
                "sasl.mechanism=PLAIN",
                "linger.ms=7"));
        Map<String, String> env = Map.of(
                "RIPOSTE_BOOTSTRAP_SERVERS", "env:9092",
                "RIPOSTE_KAFKA_SASL_MECHANISM", "SCRAM-SHA-512",
                "RIPOSTE_KAFKA_SECURITY_PROTOCOL", "SASL_SSL",
                "PATH", "/usr/bin");
        Map<String, String> flags = new LinkedHashMap<>();
        flags.put("bootstrap.servers", "flag:9092");
        flags.put("schema.registry.url", null);
        Map<String, Object> c = RiposteConfig.resolve(file, env, flags);
        assertThat(c).containsEntry("bootstrap.servers", "flag:9092")
                .containsEntry("schema.registry.url", "http://file:8081")
                .containsEntry("sasl.mechanism", "SCRAM-SHA-512")
                .containsEntry("security.protocol", "SASL_SSL")
                .containsEntry("linger.ms", "7")
                .doesNotContainKey("path");
    }

    @Test
    void environmentNamesFollowTheApacheKafkaImageRule() {
        Map<String, Object> c = RiposteConfig.fromEnv(Map.of(
                "RIPOSTE_KAFKA_SASL_JAAS_CONFIG", "jaas",
                "RIPOSTE_KAFKA_RIPOSTE_TOPIC_PREFIX", "t1.",
                "RIPOSTE_KAFKA_SOME__UNDERSCORED_NAME", "u",
                "RIPOSTE_KAFKA_A___DASHED___NAME", "d",
                "RIPOSTE_KAFKA_X___Y__Z_W", "mixed"));
        assertThat(c).containsEntry("sasl.jaas.config", "jaas")
                .containsEntry("riposte.topic.prefix", "t1.")
                .containsEntry("some_underscored.name", "u")
                .containsEntry("a-dashed-name", "d")
                .containsEntry("x-y_z.w", "mixed")
                .hasSize(5);
    }

    @Test
    void theConfigFileCanComeFromTheEnvironment() throws IOException {
        Path file = dir.resolve("c.properties");
        Files.writeString(file, "schema.registry.url=https://registry.example/apis/ccompat/v7\n");
        Map<String, Object> c = RiposteConfig.resolve(null, Map.of("RIPOSTE_CONFIG", file.toString(),
                "RIPOSTE_SCHEMA_REGISTRY_URL", "http://env:8081"), Map.of());
        // The environment variable still wins over the file it names.
        assertThat(c).containsEntry("schema.registry.url", "http://env:8081");
        assertThat(RiposteConfig.resolve(null, Map.of("RIPOSTE_CONFIG", file.toString()), Map.of()))
                .containsEntry("schema.registry.url", "https://registry.example/apis/ccompat/v7");
    }

    @Test
    void aMissingConfigFileIsAnErrorNotAnEmptyConfig() {
        Path missing = dir.resolve("missing.properties");
        assertThatThrownBy(() -> RiposteConfig.resolve(missing, Map.of(), Map.of()))
                .isInstanceOf(RiposteConfig.ConfigException.class)
                .hasMessageContaining("config file not found").hasMessageContaining("missing.properties");
    }

    @Test
    void overridesNeedKeyEqualsValue() {
        assertThat(RiposteConfig.parseOverride("sasl.jaas.config=a=b c")).isEqualTo(Map.entry("sasl.jaas.config", "a=b c"));
        assertThatThrownBy(() -> RiposteConfig.parseOverride("linger.ms")).hasMessageContaining("key=value");
    }

    @Test
    void secretsAreMaskedForPrinting() {
        Map<String, Object> r = RiposteConfig.redacted(Map.of("sasl.jaas.config", "x password=y", "basic.auth.user.info", "u:p",
                "ssl.truststore.password", "s", "linger.ms", "5"));
        assertThat(r).containsEntry("linger.ms", "5").containsEntry("sasl.jaas.config", "[hidden]")
                .containsEntry("basic.auth.user.info", "[hidden]").containsEntry("ssl.truststore.password", "[hidden]");
    }
}
