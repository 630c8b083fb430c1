package io.riposte.cli.security;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.riposte.cli.config.ClusterCheck;
import io.riposte.cli.config.RiposteConfig;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The check before an app starts, against a port that takes connections but never speaks Kafka. */
class ClusterCheckTest {
    @Test
    void nothingListeningIsLeftToTheAppsOwnMessages() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            port = s.getLocalPort();
        }
        assertThatCode(() -> ClusterCheck.securityMatches(Map.of("bootstrap.servers", "127.0.0.1:" + port)))
                .doesNotThrowAnyException();
    }

    @Test
    void aListenerThatNeverAnswersPointsAtTheSecuritySettings() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"))) {
            Map<String, Object> config = Map.of("bootstrap.servers", "127.0.0.1:" + silent.getLocalPort(),
                    "default.api.timeout.ms", "800");
            assertThatThrownBy(() -> ClusterCheck.securityMatches(config))
                    .isInstanceOf(RiposteConfig.ConfigException.class)
                    .hasMessageContaining("accepts connections but gave this PLAINTEXT client no answer within 800 ms")
                    .hasMessageContaining("security.protocol", "sasl.mechanism", "sasl.jaas.config");
        }
    }

    @Test
    void saslWithoutAJaasConfigOrWithABrokenOneSaysSoWithoutThePassword() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"))) {
            Map<String, Object> config = new HashMap<>(Map.of("bootstrap.servers", "127.0.0.1:" + silent.getLocalPort(),
                    "security.protocol", "SASL_PLAINTEXT", "sasl.mechanism", "PLAIN"));
            assertThatThrownBy(() -> ClusterCheck.securityMatches(config))
                    .isInstanceOf(RiposteConfig.ConfigException.class)
                    .hasMessageContaining("cannot build a Kafka client")
                    .hasMessageContaining("JAAS configuration");
            config.put("sasl.jaas.config", "org.apache.kafka.common.security.plain.PlainLoginModule required "
                    + "username=\"riposte\" password=\"Secret4242\""); // no closing semicolon
            assertThatThrownBy(() -> ClusterCheck.securityMatches(config))
                    .isInstanceOf(RiposteConfig.ConfigException.class)
                    .hasMessageContaining("not terminated by semi-colon")
                    .hasMessageNotContaining("Secret4242");
        }
    }
}
