package io.riposte.producer;

import io.riposte.config.KafkaClientConfig;
import io.riposte.topics.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.common.errors.GroupIdNotFoundException;
import org.apache.kafka.tools.StreamsResetter;

/**
 * Rewinds a Kafka Streams application so it reprocesses its input from the start, through Kafka's
 * own application reset tool ({@link StreamsResetter}): input offsets back to the earliest, the
 * application's internal topics deleted. Before handing over, it checks what the tool would only
 * report as a stack trace or a long wait: an unreachable broker, and an application still running.
 */
public final class StreamsReset {
    public static final String DEFAULT_APPLICATION_ID = Topics.DEFAULT_APPLICATION_ID;
    public static final List<String> DEFAULT_INPUT_TOPICS = List.of(Topics.ARTICLES);

    private StreamsReset() {}

    /** Why a reset cannot start; the message is one line for a person. */
    public static final class ResetException extends IllegalStateException {
        public ResetException(String message) {
            super(message);
        }
    }

    /**
     * Runs the reset.
     *
     * @param config Kafka client properties (bootstrap.servers, security settings); registry keys are ignored
     * @param timeout bound on every broker call made here and by the tool
     * @return the tool's exit code (0 = done)
     * @throws ResetException when the broker does not answer or the application still has members
     */
    public static int run(Map<String, Object> config, String applicationId, List<String> inputTopics, boolean dryRun,
            Duration timeout) {
        Object bootstrap = config.get(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG);
        if (bootstrap == null) {
            throw new ResetException("no Kafka bootstrap servers configured "
                    + "(--bootstrap-server, RIPOSTE_BOOTSTRAP_SERVERS or bootstrap.servers in --config)");
        }
        Map<String, Object> admin = new HashMap<>(KafkaClientConfig.kafkaOnly(config));
        int ms = (int) Math.min(Integer.MAX_VALUE, timeout.toMillis());
        admin.putIfAbsent(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, String.valueOf(ms));
        admin.putIfAbsent(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, String.valueOf(ms));
        // Producer/consumer-only keys from a shared config file would only make the admin client warn.
        admin.keySet().removeIf(k -> k.startsWith("key.") || k.startsWith("value.") || k.equals("acks")
                || k.startsWith("enable.idempotence") || k.startsWith("linger.") || k.startsWith("max.block")
                || k.startsWith("delivery.timeout") || k.equals("isolation.level") || k.equals("application.id"));
        try (Admin a = Admin.create(admin)) {
            try {
                a.describeCluster().clusterId().get(ms, TimeUnit.MILLISECONDS);
            } catch (TimeoutException | ExecutionException e) {
                throw new ResetException("Kafka at " + bootstrap + " did not answer within " + timeout.toSeconds()
                        + " s (" + ArticlePublisher.rootMessage(e) + "); is the broker running?");
            }
            try {
                ConsumerGroupDescription g = a.describeConsumerGroups(List.of(applicationId)).all()
                        .get(ms, TimeUnit.MILLISECONDS).get(applicationId);
                Collection<?> members = g == null ? List.of() : g.members();
                if (!members.isEmpty()) {
                    throw new ResetException("application '" + applicationId + "' is still running (" + members.size()
                            + " member(s) in its group): stop every instance (riposte streams) and retry");
                }
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof GroupIdNotFoundException)) {
                    throw new ResetException("cannot describe the group of application '" + applicationId + "': "
                            + ArticlePublisher.rootMessage(e.getCause()));
                }
            } catch (TimeoutException e) {
                throw new ResetException("Kafka at " + bootstrap + " did not describe group '" + applicationId
                        + "' within " + timeout.toSeconds() + " s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ResetException("interrupted");
        }
        List<String> args = new ArrayList<>(List.of("--bootstrap-server", bootstrap.toString(),
                "--application-id", applicationId));
        if (!inputTopics.isEmpty()) {
            args.add("--input-topics");
            args.add(String.join(",", inputTopics));
        }
        if (dryRun) {
            args.add("--dry-run");
        }
        Properties props = new Properties();
        props.putAll(admin);
        // The tool gives the properties passed here to its consumer only; its admin client (group check, topic
        // deletion) reads --command-config, so a secured cluster needs them in a file too (owner-only, deleted after).
        java.nio.file.Path commandConfig = null;
        try {
            commandConfig = java.nio.file.Files.createTempFile("riposte-reset-", ".properties",
                    java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
                            java.nio.file.attribute.PosixFilePermissions.fromString("rw-------")));
            Properties adminProps = new Properties();
            admin.forEach((k, v) -> adminProps.setProperty(k, String.valueOf(v)));
            try (var out = java.nio.file.Files.newOutputStream(commandConfig)) {
                adminProps.store(out, "riposte reset: admin client settings");
            }
            args.add("--command-config");
            args.add(commandConfig.toString());
            // The tool prints its own report (offsets reset, topics deleted) on standard output.
            return new StreamsResetter().execute(args.toArray(String[]::new), props);
        } catch (java.io.IOException e) {
            throw new ResetException("cannot write the reset tool's client settings: " + e.getMessage());
        } finally {
            if (commandConfig != null) {
                try {
                    java.nio.file.Files.deleteIfExists(commandConfig);
                } catch (java.io.IOException ignored) {
                    // a temp file left behind; it is owner-only
                }
            }
        }
    }
}
