package io.riposte.cli.config;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.AuthorizationException;

/**
 * A quick look at the cluster before an app starts, for the one failure Kafka's clients do not report: a
 * client whose {@code security.protocol} does not match the broker's listener. The broker then closes every
 * connection at the first request and the client retries until some timeout, with nothing that names the
 * cause. Credentials the broker refuses fail fast in Kafka too, but deep inside a stream thread or a producer
 * callback; here they become one line.
 *
 * <p>Nothing is reported when no bootstrap address accepts a TCP connection, nor when one takes connections but
 * stays silent (a broker still starting): the app's own bounded waits report those as before.
 */
public final class ClusterCheck {
    /** Upper bound of the check; {@code default.api.timeout.ms} lowers it. */
    static final int MAX_WAIT_MS = 10_000;
    /** Closed connections that mean "dropped by the broker": one could be chance, the retries repeat it. */
    static final int DROPS = 2;
    static final String HOW = "set security.protocol (SASL_PLAINTEXT, SASL_SSL or SSL), sasl.mechanism and sasl.jaas.config "
            + "in --config FILE, -X key=value or RIPOSTE_KAFKA_* (see docs/security.md)";

    private ClusterCheck() {}

    /**
     * Throws a {@link RiposteConfig.ConfigException} naming the settings to fix when the broker at
     * {@code bootstrap.servers} listens but does not accept this client's security settings.
     */
    public static void securityMatches(Map<String, Object> config) {
        String bootstrap = String.valueOf(config.get(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG));
        if (!anyListens(bootstrap)) {
            return;
        }
        int waitMs = MAX_WAIT_MS;
        Object apiTimeout = config.get(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG);
        if (apiTimeout != null) {
            try {
                waitMs = (int) Math.min(waitMs, Long.parseLong(apiTimeout.toString().trim()));
            } catch (NumberFormatException e) {
                // Kafka reports a bad value itself, with the key.
            }
        }
        Map<String, Object> admin = new HashMap<>();
        config.forEach((k, v) -> {
            if (AdminClientConfig.configNames().contains(k) || k.startsWith("sasl.") || k.startsWith("ssl.")
                    || k.startsWith("security.")) {
                admin.put(k, v);
            }
        });
        admin.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, waitMs);
        admin.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, waitMs);
        admin.put(AdminClientConfig.CLIENT_ID_CONFIG, "riposte-cluster-check");
        String protocol = String.valueOf(config.getOrDefault(AdminClientConfig.SECURITY_PROTOCOL_CONFIG, "PLAINTEXT"))
                .toUpperCase(Locale.ROOT);
        Admin a = null;
        try {
            a = Admin.create(admin);
            KafkaFuture<?> nodes = a.describeCluster().nodes();
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(waitMs);
            while (true) {
                try {
                    nodes.get(100, TimeUnit.MILLISECONDS);
                    return;
                } catch (TimeoutException stillWaiting) {
                    // A listener with other security settings closes the connection at the first request, again
                    // on every retry; a broker that is still starting takes connections and stays silent.
                    if (connectionsClosed(a) >= DROPS) {
                        throw dropped(bootstrap, protocol);
                    }
                    if (System.nanoTime() > deadline) {
                        return; // silent: left to the app's own bounded waits
                    }
                }
            }
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof AuthenticationException) {
                throw new RiposteConfig.ConfigException("Kafka at " + bootstrap + " refused to authenticate this client ("
                        + cause.getMessage() + "): check security.protocol, sasl.mechanism and the user name and password "
                        + "in sasl.jaas.config");
            }
            if (cause instanceof AuthorizationException) {
                throw new RiposteConfig.ConfigException("Kafka at " + bootstrap + " authenticated this client but refused it: "
                        + cause.getMessage() + " (ask for the ACLs in docs/security.md)");
            }
            // Anything else (a timeout included) is left to the app, which reports it with its own context.
        } catch (KafkaException e) {
            // The client could not even be built, e.g. SASL without a JAAS configuration.
            throw new RiposteConfig.ConfigException("cannot build a Kafka client for " + bootstrap + ": " + rootMessage(e)
                    + "; " + HOW);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            if (a != null) {
                a.close(Duration.ZERO); // a plain close() would wait for the pending call's whole timeout
            }
        }
    }

    private static RiposteConfig.ConfigException dropped(String bootstrap, String protocol) {
        return new RiposteConfig.ConfigException("Kafka at " + bootstrap + " accepts connections but closes them on this "
                + protocol + " client's requests: its listener expects other security settings (authentication "
                + "required?); " + HOW);
    }

    /** Connections the client saw closed so far (by either side), from its own metrics. */
    private static double connectionsClosed(Admin admin) {
        double closed = 0;
        for (var m : admin.metrics().entrySet()) {
            if (m.getKey().name().equals("connection-close-total") && m.getValue().metricValue() instanceof Number n) {
                closed += n.doubleValue();
            }
        }
        return closed;
    }

    /** Whether some bootstrap address takes a TCP connection within a second. */
    static boolean anyListens(String bootstrap) {
        for (String server : bootstrap.split(",")) {
            String s = server.trim();
            int colon = s.lastIndexOf(':');
            if (colon <= 0) {
                continue;
            }
            String host = s.substring(0, colon).replace("[", "").replace("]", "");
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(host, Integer.parseInt(s.substring(colon + 1))), 1000);
                return true;
            } catch (IOException | IllegalArgumentException e) {
                // try the next one
            }
        }
        return false;
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }
}
