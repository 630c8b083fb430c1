package io.riposte.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.riposte.local.registry.LocalSchemaRegistryTest;
import io.riposte.registry.HttpSchemaRegistryClient;
import io.riposte.topics.Topics;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code riposte local up|status|down} with real broker and registry processes, and a restart that keeps data. */
class LocalBrokerTest {
    private static final Duration UP = Duration.ofSeconds(90);
    private static final Duration DOWN = Duration.ofSeconds(30);

    @TempDir
    Path dataDir;
    private LocalBroker local;

    @AfterEach
    void stopEverything() {
        if (local != null) {
            local.down(DOWN);
        }
    }

    @Test
    void upStatusDownAndRestartKeepsRecordsAndSchemaIds() throws Exception {
        int[] ports = freePorts(3);
        LocalBroker.Settings settings = new LocalBroker.Settings(dataDir, ports[0], ports[1], ports[2]);
        local = new LocalBroker(settings);
        assertThat(local.status().brokerRunning()).isFalse();

        LocalBroker.Status up = local.up(UP);
        assertThat(up.brokerRunning()).isTrue();
        assertThat(up.registryRunning()).isTrue();
        assertThat(up.describe()).contains("running", settings.bootstrapServers(), settings.registryUrl());
        assertThat(Files.readString(dataDir.resolve("server.properties")))
                .contains("listeners=PLAINTEXT://127.0.0.1:" + ports[0] + ",CONTROLLER://127.0.0.1:" + ports[1])
                .contains("offsets.topic.replication.factor=1")
                .contains("broker.session.timeout.ms=3000");
        assertThat(local.up(UP).brokerPid()).as("up is idempotent").isEqualTo(up.brokerPid());

        int id = new HttpSchemaRegistryClient(settings.registryUrl()).register("keep-value", LocalSchemaRegistryTest.V1);
        Map<String, Object> p = Map.of("bootstrap.servers", settings.bootstrapServers(), "acks", "all");
        try (var producer = new KafkaProducer<>(p, new StringSerializer(), new StringSerializer())) {
            for (int i = 0; i < 10; i++) {
                producer.send(new ProducerRecord<>(Topics.DEAD_LETTERS, "k" + i, "v" + i)).get();
            }
        }

        assertThat(local.down(DOWN)).containsExactly("registry", "broker");
        LocalBroker.Status down = local.status();
        assertThat(down.brokerRunning()).isFalse();
        assertThat(down.registryRunning()).isFalse();
        assertThat(ProcessHandle.of(up.brokerPid()).map(ProcessHandle::isAlive).orElse(false)).isFalse();
        assertThat(local.down(DOWN)).as("down twice is harmless").isEmpty();

        LocalBroker.Status again = new LocalBroker(LocalBroker.Settings.saved(dataDir)).up(UP);
        assertThat(again.brokerRunning()).isTrue();
        assertThat(again.settings().brokerPort()).as("ports saved in the data dir").isEqualTo(ports[0]);
        var client = new HttpSchemaRegistryClient(settings.registryUrl());
        assertThat(client.schemaById(id)).isEqualTo(LocalSchemaRegistryTest.V1);
        assertThat(client.register("keep-value", LocalSchemaRegistryTest.V1)).isEqualTo(id);

        Map<String, Object> c = Map.of("bootstrap.servers", settings.bootstrapServers(), "group.id", "restart",
                "auto.offset.reset", "earliest");
        List<String> values = new ArrayList<>();
        try (var consumer = new KafkaConsumer<>(c, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(Topics.DEAD_LETTERS));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (values.size() < 10 && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                    values.add(r.value());
                }
            }
        }
        assertThat(values).containsExactlyInAnyOrder("v0", "v1", "v2", "v3", "v4", "v5", "v6", "v7", "v8", "v9");
    }

    /** {@code riposte local up --secure}: SCRAM users from format time, ACLs, and a client file that is all an app needs. */
    @Test
    void securedUpWritesAClientConfigThatWorksAndRestartsSecured() throws Exception {
        int[] ports = freePorts(3);
        LocalBroker.Settings settings = new LocalBroker.Settings(dataDir, ports[0], ports[1], ports[2]);
        local = new LocalBroker(settings, Security.Mechanism.SCRAM_SHA_512);
        local.up(UP);
        Security security = local.security();
        assertThat(security.enabled()).isTrue();
        String server = Files.readString(dataDir.resolve("server.properties"));
        assertThat(server).contains("listeners=SASL_PLAINTEXT://127.0.0.1:" + ports[0],
                "authorizer.class.name=org.apache.kafka.metadata.authorizer.StandardAuthorizer",
                "allow.everyone.if.no.acl.found=false", "super.users=User:admin");
        for (String f : List.of("server.properties", "security.properties", "client.properties", "admin.properties",
                "registry.properties")) {
            assertThat(Files.getPosixFilePermissions(dataDir.resolve(f))).as(f)
                    .containsExactlyInAnyOrder(java.nio.file.attribute.PosixFilePermission.OWNER_READ,
                            java.nio.file.attribute.PosixFilePermission.OWNER_WRITE);
        }
        assertThat(Files.readString(dataDir.resolve("format.log"))).doesNotContain(security.app().password());

        java.util.Properties client = new java.util.Properties();
        try (var r = Files.newBufferedReader(local.clientConfigFile())) {
            client.load(r);
        }
        assertThat(client).containsEntry("security.protocol", "SASL_PLAINTEXT").containsEntry("sasl.mechanism", "SCRAM-SHA-512")
                .containsEntry("bootstrap.servers", settings.bootstrapServers())
                .containsEntry("schema.registry.url", settings.registryUrl());
        // The registry wrote to _schemas as its own user, and the apps' user writes where the producer writes.
        new HttpSchemaRegistryClient(settings.registryUrl()).register("secure-value", LocalSchemaRegistryTest.V1);
        Map<String, Object> p = new java.util.HashMap<>();
        client.stringPropertyNames().forEach(k -> p.put(k, client.getProperty(k)));
        p.remove("schema.registry.url");
        try (var producer = new KafkaProducer<>(p, new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(Topics.REJECTED_ARTICLES, "k", "v")).get();
        }
        Map<String, Object> anonymous = Map.of("bootstrap.servers", settings.bootstrapServers(), "max.block.ms", 3000);
        try (var producer = new KafkaProducer<>(anonymous, new StringSerializer(), new StringSerializer())) {
            assertThatThrownBy(() -> producer.send(new ProducerRecord<>(Topics.REJECTED_ARTICLES, "k", "v")).get())
                    .as("no credentials, no metadata").hasMessageContaining("not present in metadata after 3000 ms");
        }

        local.down(DOWN);
        LocalBroker again = new LocalBroker(LocalBroker.Settings.saved(dataDir));
        again.up(UP);
        assertThat(again.security().app()).as("the same users after a restart").isEqualTo(security.app());
        try (var producer = new KafkaProducer<>(p, new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(Topics.REJECTED_ARTICLES, "k2", "v2")).get();
        }
        assertThatThrownBy(() -> new LocalBroker(LocalBroker.Settings.saved(dataDir), Security.Mechanism.PLAIN).up(UP))
                .hasMessageContaining("secured with SCRAM-SHA-512");
    }

    @Test
    void securingADataDirFormattedWithoutSaslIsRefused() throws Exception {
        Files.createDirectories(dataDir.resolve("kafka-logs"));
        Files.writeString(dataDir.resolve("kafka-logs").resolve("meta.properties"), "version=1\n");
        int[] ports = freePorts(3);
        LocalBroker secured = new LocalBroker(new LocalBroker.Settings(dataDir, ports[0], ports[1], ports[2]),
                Security.Mechanism.SCRAM_SHA_512);
        assertThatThrownBy(() -> secured.up(UP)).hasMessageContaining("formatted without SASL");
    }

    @Test
    void busyPortIsAClearError() throws Exception {
        try (ServerSocket busy = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            int[] ports = freePorts(2);
            local = new LocalBroker(new LocalBroker.Settings(dataDir, busy.getLocalPort(), ports[0], ports[1]));
            assertThatThrownBy(() -> local.up(UP))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("Port " + busy.getLocalPort())
                    .hasMessageContaining("already in use");
            assertThat(local.status().brokerRunning()).isFalse();
        }
    }

    static int[] freePorts(int n) throws IOException {
        List<ServerSocket> sockets = new ArrayList<>();
        try {
            int[] ports = new int[n];
            for (int i = 0; i < n; i++) {
                ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"));
                sockets.add(s);
                ports[i] = s.getLocalPort();
            }
            return ports;
        } finally {
            for (ServerSocket s : sockets) {
                s.close();
            }
        }
    }

    @Test
    void theChildGetsAbsoluteClassPathEntriesBecauseItRunsInTheDataDirectory() {
        String cwd = Path.of("").toAbsolutePath().toString();
        String cp = String.join(java.io.File.pathSeparator, "cli/target/riposte-cli.jar", "lib/*", "/opt/x.jar");
        assertThat(ChildJvm.absoluteClassPath(cp).split(java.io.File.pathSeparator)).containsExactly(
                cwd + "/cli/target/riposte-cli.jar", cwd + "/lib/*", "/opt/x.jar");
    }
}
