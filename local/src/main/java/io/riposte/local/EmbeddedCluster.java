package io.riposte.local;

import io.riposte.local.registry.LocalSchemaRegistry;
import io.riposte.topics.TopicAdmin;
import io.riposte.topics.Topics;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.Feature;
import org.apache.kafka.server.common.MetadataVersion;

/**
 * A throw-away Kafka 4.3.1 KRaft cluster in this JVM (one combined broker+controller, 127.0.0.1 only,
 * free ports, temporary data deleted on close) plus a {@link LocalSchemaRegistry} persisted in the
 * cluster's {@code _schemas} topic, with every topic of {@code io.riposte.topics.Topics} created.
 * Starts in about 2 s; share one per test class.
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
 *
 * <p>Why not Kafka's {@code KafkaClusterTestKit}: it pre-binds its listener sockets on all interfaces,
 * and Riposte's local broker must listen on loopback only. This runs the broker's own
 * {@code KafkaRaftServer} with the production metadata version and the single-node settings of
 * {@link LocalBroker#SINGLE_NODE_SETTINGS}.
 */
public final class EmbeddedCluster implements AutoCloseable {
    private static final int ATTEMPTS = 3;
    /** The Streams application id the ACLs of a secured cluster are made for (by prefix). */
    public static final String APPLICATION_ID_PREFIX = Topics.DEFAULT_APPLICATION_ID;

    private final Path dataDir;
    private final KafkaRaftServer server;
    private final String bootstrapServers;
    private final LocalSchemaRegistry registry;
    private final Security security;

    private EmbeddedCluster(Path dataDir, KafkaRaftServer server, String bootstrapServers, LocalSchemaRegistry registry,
            Security security) {
        this.dataDir = dataDir;
        this.server = server;
        this.bootstrapServers = bootstrapServers;
        this.registry = registry;
        this.security = security;
    }

    /** Starts broker and registry and creates the topics; throws {@link IllegalStateException} if anything fails. */
    public static EmbeddedCluster start() {
        return start(Security.none());
    }

    /**
     * As {@link #start()}, secured as {@code security} says: with {@link Security#scram()} or {@link Security#plain()}
     * the broker listens with SASL_PLAINTEXT, authorizes with ACLs and denies what no ACL allows; the apps' and the
     * registry's ACLs ({@link RiposteAcls}, application id {@code riposte-streams} and {@code riposte-streams-*})
     * are created. Connect with {@link #clientConfig()}.
     */
    public static EmbeddedCluster start(Security security) {
        IllegalStateException failure = null;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            try {
                return startOnce(security);
            } catch (IllegalStateException e) {
                // Free ports are picked before the broker binds them: another process may win the race.
                failure = e;
            }
        }
        throw failure;
    }

    private static EmbeddedCluster startOnce(Security security) {
        Path dir = null;
        KafkaRaftServer server = null;
        LocalSchemaRegistry registry = null;
        try {
            dir = Files.createTempDirectory("riposte-kafka-");
            int[] ports = freePorts();
            Properties props = new Properties();
            props.putAll(LocalBroker.serverProperties(dir, ports[0], ports[1], false, security));
            new Formatter()
                    .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
                    .setNodeId(1)
                    .setClusterId(Uuid.randomUuid().toString())
                    .setDirectories(List.of(dir.toString()))
                    .setMetadataLogDirectory(dir.toString())
                    .setReleaseVersion(MetadataVersion.latestProduction())
                    .setSupportedFeatures(Feature.PRODUCTION_FEATURES)
                    .setControllerListenerName("CONTROLLER")
                    .setScramArguments(security.scramArguments())
                    .run();
            server = new KafkaRaftServer(KafkaConfig.fromProps(props, false), Time.SYSTEM);
            server.startup();
            String bootstrap = "127.0.0.1:" + ports[0];
            Map<String, Object> admin = connect(bootstrap, security, security.enabled() ? security.admin() : null);
            awaitReady(admin);
            TopicAdmin.createAll(admin, Duration.ofSeconds(30));
            if (security.enabled()) {
                try (Admin a = Admin.create(admin)) {
                    List<org.apache.kafka.common.acl.AclBinding> acls = new java.util.ArrayList<>(
                            RiposteAcls.forApps(security.app().username(), APPLICATION_ID_PREFIX));
                    acls.addAll(RiposteAcls.forRegistry(security.registry().username()));
                    RiposteAcls.create(a, acls, Duration.ofSeconds(30));
                }
            }
            registry = LocalSchemaRegistry.onKafka(connect(bootstrap, security,
                    security.enabled() ? security.registry() : null), 0);
            return new EmbeddedCluster(dir, server, bootstrap, registry, security);
        } catch (Exception e) {
            if (registry != null) {
                registry.close();
            }
            stop(server);
            delete(dir);
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw new IllegalStateException("Cannot start the embedded Kafka cluster: " + e.getMessage(), e);
        }
    }

    /** {@code bootstrap.servers} of the broker, e.g. {@code 127.0.0.1:40123}. */
    public String bootstrapServers() {
        return bootstrapServers;
    }

    /** {@code schema.registry.url} of the registry, e.g. {@code http://127.0.0.1:40124}. */
    public String registryUrl() {
        return registry.url();
    }

    /** How the cluster authenticates ({@link Security#none()} unless started secured). */
    public Security security() {
        return security;
    }

    /**
     * What an app needs to connect: {@code bootstrap.servers}, {@code schema.registry.url} and, on a secured
     * cluster, the SASL settings of the apps' user ({@link Security#APP}).
     */
    public Map<String, Object> clientConfig() {
        Map<String, Object> c = connect(bootstrapServers, security, security.enabled() ? security.app() : null);
        c.put("schema.registry.url", registryUrl());
        return c;
    }

    /**
     * Adds a SCRAM user with no ACL (for trying what a stranger with valid credentials may do) and waits until the
     * broker accepts its password: SCRAM users reach the broker through the metadata log, a moment after the call.
     *
     * @return the client properties that authenticate as that user
     */
    public Map<String, Object> createUser(Security.Credentials user) {
        if (!security.enabled() || security.mechanism() != Security.Mechanism.SCRAM_SHA_512) {
            throw new IllegalStateException("users can be added to a SCRAM cluster only, this one is " + security);
        }
        Map<String, Object> config = connect(bootstrapServers, security, user);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        try (Admin admin = Admin.create(adminConfig())) {
            admin.alterUserScramCredentials(List.of(new org.apache.kafka.clients.admin.UserScramCredentialUpsertion(
                    user.username(), new org.apache.kafka.clients.admin.ScramCredentialInfo(
                            org.apache.kafka.clients.admin.ScramMechanism.SCRAM_SHA_512, 4096), user.password())))
                    .all().get(30, TimeUnit.SECONDS);
            Map<String, Object> probe = new java.util.HashMap<>(config);
            probe.put("default.api.timeout.ms", 5000);
            probe.put("request.timeout.ms", 5000);
            while (true) {
                try (Admin asUser = Admin.create(probe)) {
                    asUser.describeCluster().nodes().get(10, TimeUnit.SECONDS);
                    return config;
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof org.apache.kafka.common.errors.SaslAuthenticationException)
                            || System.nanoTime() > deadline) {
                        throw e;
                    }
                    Thread.sleep(100);
                }
            }
        } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("Cannot add user " + user + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while adding user " + user, e);
        }
    }

    /** {@code bootstrap.servers} and, on a secured cluster, the SASL settings of the super user. */
    public Map<String, Object> adminConfig() {
        return connect(bootstrapServers, security, security.enabled() ? security.admin() : null);
    }

    /** Stops registry and broker and deletes the data. */
    @Override
    public void close() {
        registry.close();
        stop(server);
        delete(dataDir);
    }

    private static Map<String, Object> connect(String bootstrap, Security security, Security.Credentials who) {
        Map<String, Object> c = new java.util.HashMap<>();
        c.put("bootstrap.servers", bootstrap);
        if (who != null) {
            c.putAll(security.clientProperties(who));
        }
        return c;
    }

    private static void awaitReady(Map<String, Object> adminConfig) throws InterruptedException, ExecutionException {
        Map<String, Object> c = new java.util.HashMap<>(adminConfig);
        c.put("default.api.timeout.ms", 30_000);
        try (Admin admin = Admin.create(c)) {
            try {
                admin.describeCluster().nodes().get(30, TimeUnit.SECONDS);
            } catch (java.util.concurrent.TimeoutException e) {
                throw new IllegalStateException("Broker on " + adminConfig.get("bootstrap.servers") + " not ready within 30 s");
            }
        }
    }

    private static void stop(KafkaRaftServer server) {
        if (server != null) {
            server.shutdown();
            server.awaitShutdown();
        }
    }

    private static int[] freePorts() throws IOException {
        try (ServerSocket a = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"));
                ServerSocket b = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return new int[] {a.getLocalPort(), b.getLocalPort()};
        }
    }

    private static void delete(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try {
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.deleteIfExists(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path d, IOException exc) throws IOException {
                    Files.deleteIfExists(d);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            // a temp dir left behind is not worth failing a test or the demo for
        }
    }
}
