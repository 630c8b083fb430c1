package io.riposte.streams.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.riposte.streams.RiposteStreamsApp;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.state.HostInfo;
import org.junit.jupiter.api.Test;

/** Talking to a peer instance (a stand-in HTTP server) and advertising this one's address. */
class InstanceClientTest {
    @Test
    void theCallersCredentialAndThePartitionsAskedGoToThePeer() throws Exception {
        List<String> seen = new CopyOnWriteArrayList<>();
        HttpServer peer = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        peer.createContext("/", ex -> {
            seen.add(ex.getRequestHeaders().getFirst("Authorization") + " " + ex.getRequestURI());
            byte[] body = "{\"values\":[]}".getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(200, body.length);
            ex.getResponseBody().write(body);
            ex.close();
        });
        peer.start();
        try {
            InstanceClient client = new InstanceClient("http", Duration.ofSeconds(5));
            HostInfo host = new HostInfo("127.0.0.1", peer.getAddress().getPort());
            InstanceClient.Reply r = client.fetch(host, "chains-by-id", Set.of(2, 0), "chain act/1", false, "Bearer s3cret");
            assertThat(r.status()).isEqualTo(200);
            assertThat(seen).containsExactly("Bearer s3cret " + QueryRouter.INTERNAL_PATH + "/chains-by-id?partitions=0,2&standby=false&key=chain%20act%2F1");
            // What the peer's router reads back from that request.
            URI uri = URI.create(seen.get(0).substring("Bearer s3cret ".length()));
            assertThat(uri.getRawQuery()).contains("key=chain%20act%2F1");
        } finally {
            peer.stop(0);
        }
    }

    @Test
    void aPeerThatDoesNotListenIsUnreachableNotAnError() throws Exception {
        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        InstanceClient client = new InstanceClient("http", Duration.ofSeconds(2));
        assertThatThrownBy(() -> client.fetch(new HostInfo("127.0.0.1", closed), "chains-by-id", Set.of(0), null, false, null))
                .isInstanceOf(InstanceClient.Unreachable.class).hasMessageContaining("127.0.0.1:" + closed);
    }

    @Test
    void applicationServerComesFromTheQueryServersAdvertisedHostAndPort() {
        Map<String, Object> c = new HashMap<>(Map.of(RiposteStreamsApp.HTTP_HOST, "127.0.0.1", RiposteStreamsApp.HTTP_PORT, 7071));
        InstanceAddress.advertise(c);
        assertThat(c).containsEntry(StreamsConfig.APPLICATION_SERVER_CONFIG, "127.0.0.1:7071");

        // Port 0: a free port is chosen now, and the server will bind that same port.
        Map<String, Object> free = new HashMap<>(Map.of(RiposteStreamsApp.HTTP_HOST, "127.0.0.1", RiposteStreamsApp.HTTP_PORT, 0));
        InstanceAddress.advertise(free);
        int port = Integer.parseInt(free.get(RiposteStreamsApp.HTTP_PORT).toString());
        assertThat(port).isPositive();
        assertThat(free).containsEntry(StreamsConfig.APPLICATION_SERVER_CONFIG, "127.0.0.1:" + port);

        Map<String, Object> wildcard = new HashMap<>(Map.of(RiposteStreamsApp.HTTP_HOST, "0.0.0.0", RiposteStreamsApp.HTTP_PORT, 7072,
                InstanceAddress.ADVERTISED_HOST, "streams-2.internal"));
        InstanceAddress.advertise(wildcard);
        assertThat(wildcard).containsEntry(StreamsConfig.APPLICATION_SERVER_CONFIG, "streams-2.internal:7072");
        assertThat(InstanceAddress.reachable("0.0.0.0")).isNotEqualTo("0.0.0.0");

        Map<String, Object> explicit = new HashMap<>(Map.of(RiposteStreamsApp.HTTP_HOST, "127.0.0.1", RiposteStreamsApp.HTTP_PORT, 7073,
                StreamsConfig.APPLICATION_SERVER_CONFIG, "proxy.example:80"));
        InstanceAddress.advertise(explicit);
        assertThat(explicit).containsEntry(StreamsConfig.APPLICATION_SERVER_CONFIG, "proxy.example:80");

        Map<String, Object> off = new HashMap<>(Map.of(RiposteStreamsApp.HTTP_HOST, "127.0.0.1", RiposteStreamsApp.HTTP_PORT, -1));
        InstanceAddress.advertise(off);
        assertThat(off).doesNotContainKey(StreamsConfig.APPLICATION_SERVER_CONFIG);
    }
}
