package io.riposte.streams.query;

import io.riposte.streams.RiposteStreamsApp;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.UnknownHostException;
import java.util.Map;
import org.apache.kafka.streams.StreamsConfig;

/**
 * Where the other instances of the application reach this one's query server: Kafka Streams shares
 * {@code application.server} with the group, and {@link QueryRouter} forwards queries there.
 */
public final class InstanceAddress {
    /**
     * The host other instances use to reach this query server: needed when it binds a wildcard address
     * (0.0.0.0) or one the peers cannot route to. Default: the bind host, or this machine's name when the
     * bind host is a wildcard.
     */
    public static final String ADVERTISED_HOST = "riposte.http.advertised.host";

    private InstanceAddress() {}

    /**
     * Sets {@code application.server} in {@code config} from the query server's advertised host and port,
     * unless the server is disabled (negative port) or {@code application.server} is given explicitly. Port
     * 0 is resolved to a free port now, since the group must learn the address before the server binds.
     */
    public static void advertise(Map<String, Object> config) {
        int port = Integer.parseInt(config.get(RiposteStreamsApp.HTTP_PORT).toString());
        if (port < 0 || config.get(StreamsConfig.APPLICATION_SERVER_CONFIG) != null) {
            return;
        }
        String bind = config.get(RiposteStreamsApp.HTTP_HOST).toString();
        if (port == 0) {
            port = freePort(bind);
            config.put(RiposteStreamsApp.HTTP_PORT, port);
        }
        Object advertised = config.get(ADVERTISED_HOST);
        String host = advertised != null && !advertised.toString().isBlank() ? advertised.toString().strip() : reachable(bind);
        config.put(StreamsConfig.APPLICATION_SERVER_CONFIG, host + ":" + port);
    }

    /** The bind host, or the machine's name for a wildcard bind (peers cannot connect to 0.0.0.0). */
    static String reachable(String bind) {
        try {
            InetAddress address = InetAddress.getByName(bind);
            if (!address.isAnyLocalAddress()) {
                return bind;
            }
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("the query server: cannot resolve host '" + bind + "'; set " + ADVERTISED_HOST, e);
        }
    }

    private static int freePort(String bind) {
        try (ServerSocket s = new ServerSocket()) {
            s.setReuseAddress(true);
            s.bind(new InetSocketAddress(bind, 0));
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot find a free port on " + bind + " for the query server", e);
        }
    }
}
