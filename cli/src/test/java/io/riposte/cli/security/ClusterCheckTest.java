package io.riposte.cli.security;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.riposte.cli.config.ClusterCheck;
import io.riposte.cli.config.RiposteConfig;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
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
    void aListenerThatStaysSilentIsABrokerStillStartingAndLeftToTheApp() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"))) {
            Map<String, Object> config = Map.of("bootstrap.servers", "127.0.0.1:" + silent.getLocalPort(),
                    "default.api.timeout.ms", "800");
            assertThatCode(() -> ClusterCheck.securityMatches(config)).doesNotThrowAnyException();
        }
    }

    /** What a SASL listener does to a PLAINTEXT client: it closes the connection at the first request, every time. */
    @Test
    void aListenerThatDropsEveryConnectionPointsAtTheSecuritySettings() throws Exception {
        try (ServerSocket dropping = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"))) {
            Thread closer = new Thread(() -> {
                while (!dropping.isClosed()) {
                    try (Socket s = dropping.accept()) {
                        s.getInputStream().read(); // the client's first request, then close
                    } catch (IOException e) {
                        // closed at the end of the test
                    }
                }
            });
            closer.setDaemon(true);
            closer.start();
            Map<String, Object> config = Map.of("bootstrap.servers", "127.0.0.1:" + dropping.getLocalPort(),
                    "default.api.timeout.ms", "5000");
            assertThatThrownBy(() -> ClusterCheck.securityMatches(config))
                    .isInstanceOf(RiposteConfig.ConfigException.class)
                    .hasMessageContaining("accepts connections but closes them on this PLAINTEXT client's requests")
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
