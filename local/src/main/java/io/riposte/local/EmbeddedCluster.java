package io.riposte.local;

import io.riposte.local.registry.LocalSchemaRegistry;
import io.riposte.topics.TopicAdmin;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.apache.kafka.server.common.MetadataVersion;

/**
 * A throw-away Kafka 4.3.1 KRaft cluster (one combined broker+controller, in this JVM, on loopback,
 * free ports, temporary data) plus a {@link LocalSchemaRegistry} persisted in the cluster, with every
 * topic of {@code io.riposte.topics.Topics} created. Starts in a few seconds; share one per test class.
 *
 * <pre>{@code
 * try (EmbeddedCluster cluster = EmbeddedCluster.start()) {
 *     props.put("bootstrap.servers", cluster.bootstrapServers());
 *     props.put("schema.registry.url", cluster.registryUrl());
 *     ...
 * }
 * }</pre>
 *
 * Used by {@code riposte demo} and by other modules' integration tests (riposte-local, test scope).
 * It wraps Kafka's internal test kit, which has no compatibility promise: keep it out of production apps.
 */
public final class EmbeddedCluster implements AutoCloseable {
    private final KafkaClusterTestKit kit;
    private final LocalSchemaRegistry registry;

    private EmbeddedCluster(KafkaClusterTestKit kit, LocalSchemaRegistry registry) {
        this.kit = kit;
        this.registry = registry;
    }

    /** Starts broker and registry, creates the topics; fails with an exception if anything does not come up. */
    public static EmbeddedCluster start() {
        KafkaClusterTestKit kit = null;
        try {
            TestKitNodes nodes = new TestKitNodes.Builder()
                    .setCombined(true)
                    .setNumBrokerNodes(1)
                    .setNumControllerNodes(1)
                    // The production MV: the default testing MV enables unreleased features.
                    .setBootstrapMetadataVersion(MetadataVersion.latestProduction())
                    .build();
            KafkaClusterTestKit.Builder builder = new KafkaClusterTestKit.Builder(nodes);
            // The kit defaults these to 3: with one broker, __consumer_offsets then cannot be created
            // and consumers silently get nothing.
            for (Map.Entry<String, String> e : LocalBroker.SINGLE_NODE_SETTINGS.entrySet()) {
                builder.setConfigProp(e.getKey(), e.getValue());
            }
            kit = builder.build();
            kit.format();
            kit.startup();
            kit.waitForReadyBrokers();
            TopicAdmin.createAll(Map.of("bootstrap.servers", kit.bootstrapServers()), Duration.ofSeconds(30));
            LocalSchemaRegistry registry = LocalSchemaRegistry.onKafka(kit.bootstrapServers(), 0);
            return new EmbeddedCluster(kit, registry);
        } catch (Exception e) {
            if (kit != null) {
                try {
                    kit.close();
                } catch (Exception suppressed) {
                    e.addSuppressed(suppressed);
                }
            }
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw new IllegalStateException("Cannot start the embedded Kafka cluster: " + e.getMessage(), e);
        }
    }

    /** {@code bootstrap.servers} of the broker. */
    public String bootstrapServers() {
        return kit.bootstrapServers();
    }

    /** {@code schema.registry.url} of the registry. */
    public String registryUrl() {
        return registry.url();
    }

    /** Stops registry and broker and deletes the data. */
    @Override
    public void close() {
        registry.close();
        try {
            kit.close();
        } catch (Exception e) {
            throw new IllegalStateException("Error stopping the embedded Kafka cluster", e);
        }
    }
}
