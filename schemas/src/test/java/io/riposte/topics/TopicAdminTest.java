package io.riposte.topics;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.common.KafkaException;
import org.junit.jupiter.api.Test;

/** Creation against a real broker is tested in riposte-local (EmbeddedClusterTest); here: no broker at all. */
class TopicAdminTest {

    @Test
    void unreachableBrokerIsAClearErrorNotAHang() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            port = s.getLocalPort();
        }
        assertThatThrownBy(() -> TopicAdmin.createAll(Map.of("bootstrap.servers", "127.0.0.1:" + port),
                Duration.ofSeconds(3)))
                .isInstanceOf(KafkaException.class)
                .hasMessageContaining("127.0.0.1:" + port)
                .hasMessageContaining("is the broker running");
    }
}
