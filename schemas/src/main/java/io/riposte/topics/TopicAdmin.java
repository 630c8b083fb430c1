package io.riposte.topics;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.CreateTopicsOptions;
import org.apache.kafka.clients.admin.DescribeTopicsOptions;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * Creates Riposte's topics ({@link Topics#all()}) up front. Idempotent: topics that already exist with the
 * expected partition count are left alone; a different partition count is an error, because keys would
 * land on other partitions than the stores and joins expect, except for a topic whose spec accepts any
 * existing count ({@link TopicSpec#anyExistingPartitions()}).
 */
public final class TopicAdmin {
    private TopicAdmin() {}

    /**
     * Creates every missing topic of {@link Topics#all()}, behind the configured {@link Topics#PREFIX_CONFIG}, on the cluster reached with {@code clientProps}
     * (any Kafka admin client property, e.g. {@code bootstrap.servers} plus SASL/SSL settings).
     *
     * @return the names of the topics created now (empty when all existed)
     * @throws KafkaException when the cluster cannot be reached within {@code timeout}, or a topic
     *     exists with another partition count
     */
    public static List<String> createAll(Map<String, Object> clientProps, Duration timeout) {
        Map<String, Object> props = new HashMap<>(clientProps);
        int ms = (int) Math.min(Integer.MAX_VALUE, timeout.toMillis());
        props.putIfAbsent(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, ms);
        props.putIfAbsent(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, ms);
        // Without this the admin client keeps trying an unreachable bootstrap address for minutes.
        props.putIfAbsent(AdminClientConfig.SOCKET_CONNECTION_SETUP_TIMEOUT_MAX_MS_CONFIG, Math.min(ms, 10_000));
        try (Admin admin = Admin.create(props)) {
            return createAll(admin, Topics.all(Topics.prefix(clientProps)), timeout, String.valueOf(clientProps.get(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG)));
        }
    }

    /** As {@link #createAll(Map, Duration)} with an existing admin client and topic list. */
    public static List<String> createAll(Admin admin, List<TopicSpec> specs, Duration timeout) {
        return createAll(admin, specs, timeout, "the cluster");
    }

    private static List<String> createAll(Admin admin, List<TopicSpec> specs, Duration timeout, String where) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Set<String> existing = await(admin.listTopics(new ListTopicsOptions().timeoutMs(remaining(deadline))).names(),
                deadline, where, "list topics");
        List<NewTopic> missing = new ArrayList<>();
        for (TopicSpec spec : specs) {
            if (!existing.contains(spec.name())) {
                // Replication factor left to the broker's default.replication.factor (1 on the local broker).
                missing.add(new NewTopic(spec.name(), java.util.Optional.of(spec.partitions()), java.util.Optional.empty())
                        .configs(spec.configs()));
            }
        }
        List<String> created = new ArrayList<>();
        if (!missing.isEmpty()) {
            var result = admin.createTopics(missing, new CreateTopicsOptions().timeoutMs(remaining(deadline)));
            for (var entry : result.values().entrySet()) {
                try {
                    entry.getValue().get(Math.max(1, deadlineMillis(deadline)), TimeUnit.MILLISECONDS);
                    created.add(entry.getKey());
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) { // a concurrent creator won the race
                        throw new KafkaException("Cannot create topic '" + entry.getKey() + "' on " + where + ": "
                                + e.getCause().getMessage(), e.getCause());
                    }
                } catch (TimeoutException e) {
                    throw new KafkaException("Timed out after " + timeout.toMillis() + " ms creating topic '"
                            + entry.getKey() + "' on " + where);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new KafkaException("Interrupted while creating topics", e);
                }
            }
        }
        List<String> names = specs.stream().map(TopicSpec::name).toList();
        Map<String, TopicDescription> described = describe(admin, names, deadline, where);
        for (TopicSpec spec : specs) {
            int actual = described.get(spec.name()).partitions().size();
            if (actual != spec.partitions() && !spec.anyExistingPartitions()) {
                throw new KafkaException("Topic '" + spec.name() + "' exists on " + where + " with " + actual
                        + " partitions but Riposte expects " + spec.partitions()
                        + ": delete it or use another cluster (changing partitions would move keys)");
            }
        }
        return created;
    }

    /**
     * Describes the topics, waiting out the moment after a creation when the broker has not learnt of a new
     * topic yet (a retriable "does not host this topic-partition", seen on a loaded machine).
     */
    private static Map<String, TopicDescription> describe(Admin admin, List<String> names, long deadline, String where) {
        while (true) {
            try {
                return await(admin.describeTopics(names, new DescribeTopicsOptions().timeoutMs(remaining(deadline))).allTopicNames(),
                        deadline, where, "describe topics");
            } catch (KafkaException e) {
                if (!(e.getCause() instanceof org.apache.kafka.common.errors.UnknownTopicOrPartitionException) || deadlineMillis(deadline) <= 0) {
                    throw e;
                }
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new KafkaException("Interrupted while trying to describe topics", e);
            }
        }
    }

    private static <T> T await(org.apache.kafka.common.KafkaFuture<T> future, long deadline, String where, String what) {
        try {
            return future.get(Math.max(1, deadlineMillis(deadline)), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new KafkaException("Cannot " + what + " on " + where + ": " + e.getCause().getMessage()
                    + " (is the broker running and reachable?)", e.getCause());
        } catch (TimeoutException e) {
            throw new KafkaException("Timed out trying to " + what + " on " + where
                    + ": is the broker running and reachable?");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaException("Interrupted while trying to " + what, e);
        }
    }

    private static int remaining(long deadline) {
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, deadlineMillis(deadline)));
    }

    private static long deadlineMillis(long deadline) {
        return TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
    }
}
