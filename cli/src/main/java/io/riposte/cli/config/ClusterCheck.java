package io.riposte.cli.config;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.AuthorizationException;

/**
 * A quick look at the cluster before an app starts, for the one failure Kafka's clients do not report: a
 * client whose {@code security.protocol} does not match the broker's listener. The broker then drops every
 * connection and the client retries until some timeout, with nothing that names the cause. Credentials the
 * broker refuses fail fast in Kafka too, but deep inside a stream thread or a producer callback; here they
 * become one line.
 *
 * <p>Nothing is checked when no bootstrap address accepts a TCP connection: the app's own bounded waits
 * report an unreachable broker as before.
 */
public final class ClusterCheck {
    /** Upper bound of the check; {@code default.api.timeout.ms} lowers it. */
    static final int MAX_WAIT_MS = 10_000;
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
        try (Admin a = Admin.create(admin)) {
            a.describeCluster().nodes().get(waitMs, TimeUnit.MILLISECONDS);
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
            if (cause instanceof org.apache.kafka.common.errors.TimeoutException) {
                throw noAnswer(bootstrap, protocol, waitMs);
            }
            // Anything else is left to the app, which reports it with its own context.
        } catch (TimeoutException e) {
            throw noAnswer(bootstrap, protocol, waitMs);
        } catch (KafkaException e) {
            // The client could not even be built, e.g. SASL without a JAAS configuration.
            throw new RiposteConfig.ConfigException("cannot build a Kafka client for " + bootstrap + ": " + rootMessage(e)
                    + "; " + HOW);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static RiposteConfig.ConfigException noAnswer(String bootstrap, String protocol, int waitMs) {
        return new RiposteConfig.ConfigException("Kafka at " + bootstrap + " accepts connections but gave this "
                + protocol + " client no answer within " + waitMs + " ms: its listener probably expects other security "
                + "settings (authentication required?); " + HOW + ". Or the broker is still starting: retry.");
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
