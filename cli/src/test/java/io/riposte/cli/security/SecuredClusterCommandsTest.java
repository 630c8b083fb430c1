package io.riposte.cli.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.riposte.cli.Main;
import io.riposte.cli.e2e.CommandsAgainstClusterTest;
import io.riposte.cli.e2e.CommandsAgainstClusterTest.Run;
import io.riposte.cli.e2e.TopicContent;
import io.riposte.local.ChildJvm;
import io.riposte.local.EmbeddedCluster;
import io.riposte.local.Security;
import io.riposte.local.junit.EmbeddedClusterExtension;
import io.riposte.topics.Topics;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The commands as a user runs them against a cluster with SASL/SCRAM and ACLs, the apps' credentials given only
 * through their Kafka client config (a {@code --config} file): the pipeline works end to end; no credentials, a wrong
 * password and a missing ACL each end with one clear line; no password is ever printed.
 */
class SecuredClusterCommandsTest {
    private static final Path PROJECT = Path.of(System.getProperty("riposte.project.dir", ".."));

    @RegisterExtension
    static final EmbeddedClusterExtension CLUSTER = new EmbeddedClusterExtension(Security.scram());
    @TempDir
    static Path dir;
    static EmbeddedCluster cluster;
    static Path config;
    static final List<String> printed = new ArrayList<>();

    @BeforeAll
    static void start() {
        cluster = CLUSTER.cluster();
        Security s = cluster.security();
        config = dir.resolve("client.properties");
        s.writeClientProperties(config, s.app(), cluster.bootstrapServers(), cluster.registryUrl());
    }

    @AfterAll
    static void noPasswordWasPrinted() {
        if (cluster != null) {
            Security s = cluster.security();
            for (String text : printed) {
                for (Security.Credentials c : List.of(s.admin(), s.app(), s.registry())) {
                    assertThat(text).as("a password in the output").doesNotContain(c.password());
                }
            }
        }
    }

    static Run riposte(String... args) {
        Run r = CommandsAgainstClusterTest.riposte(args);
        printed.add(r.out());
        printed.add(r.err());
        return r;
    }

    @Test
    void produceStreamsConsumeAndAlertsWorkWithTheCredentialsOfTheirConfigFile() throws Exception {
        Path articles = PROJECT.resolve("corpus/articles");
        Assumptions.assumeTrue(Files.isDirectory(articles), "corpus/articles not found under " + PROJECT.toAbsolutePath());
        Path input = Files.createDirectory(dir.resolve("input"));
        try (var files = Files.list(articles)) {
            for (Path f : files.sorted().limit(8).toList()) {
                Files.copy(f, input.resolve(f.getFileName()));
            }
        }
        assertThat(Files.readString(config)).doesNotContain("PLAINTEXT://").contains("sasl.jaas.config=");

        // Streams in its own JVM, as a user starts it; SIGTERM stops it cleanly. It starts while produce runs.
        Path log = dir.resolve("streams.log");
        Process streams = new ChildJvm(List.of("-Xmx512m"), List.of("io.riposte.cli.Main", "streams", "--config",
                config.toString(), "--state-dir", dir.resolve("state").toString(), "--http-port", "0"), false).start(dir, log);
        try {
            Run produce = riposte("produce", "--config", config.toString(), "--create-topics", input.toString());
            assertThat(produce.code()).as(produce.err()).isZero();
            assertThat(produce.out()).contains("published 8, rejected 0");

            String running = awaitLine(log, "streams: RUNNING", streams);
            Matcher m = Pattern.compile("queries on http://([0-9.]+):(\\d+)/chains").matcher(running);
            assertThat(m.find()).as(running).isTrue();
            assertThat(m.group(1)).as("the query server's default host").isEqualTo("127.0.0.1");
            assertLoopbackOnly(Integer.parseInt(m.group(2)));

            Map<String, Object> reader = cluster.clientConfig();
            long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
            int chains = 0;
            int stableFor = 0;
            while (System.nanoTime() < deadline && stableFor < 2) {
                Thread.sleep(500);
                int now = TopicContent.read(reader, Topics.CHAINS).size();
                stableFor = now > 0 && now == chains ? stableFor + 1 : 0;
                chains = now;
                assertThat(streams.isAlive()).as(Files.readString(log)).isTrue();
            }
            assertThat(chains).as("chain records written by streams; log:\n" + Files.readString(log)).isPositive();

            Run consume = riposte("consume", "--config", config.toString(), "--exit-when-idle", "1");
            assertThat(consume.code()).as(consume.err()).isZero();
            assertThat(consume.err()).containsPattern("wrote [1-9]\\d* dyad records to 'dyads'");
            assertThat(TopicContent.read(reader, Topics.DYADS)).extracting(ConsumerRecord::key).contains("GBR-RUS");

            Run alerts = riposte("alerts", "--config", config.toString());
            assertThat(alerts.code()).as(alerts.err()).isZero();
            assertThat(alerts.err()).containsPattern("alerts: \\d+ shown of \\d+ read");
        } finally {
            streams.destroy();
            assertThat(streams.waitFor(60, TimeUnit.SECONDS)).as("streams stops on SIGTERM").isTrue();
            String text = Files.readString(log);
            printed.add(text);
            assertThat(text).contains("streams: stopped");
        }

        // Kafka's reset tool, with the same file: input offsets back to 0, internal topics deleted.
        Run reset = riposte("reset", "--config", config.toString(), "--yes");
        assertThat(reset.code()).as(reset.out() + reset.err()).isZero();
        try (Admin admin = Admin.create(cluster.adminConfig())) {
            var offsets = admin.listConsumerGroupOffsets(EmbeddedCluster.APPLICATION_ID_PREFIX).partitionsToOffsetAndMetadata()
                    .get(10, TimeUnit.SECONDS);
            var rewound = offsets.entrySet().stream().filter(e -> e.getKey().topic().equals(Topics.ARTICLES)).toList();
            assertThat(rewound).hasSize(Topics.ARTICLES_PARTITIONS).allSatisfy(e -> assertThat(e.getValue().offset()).as(e.getKey().toString()).isZero());
            assertThat(admin.listTopics().names().get(10, TimeUnit.SECONDS))
                    .noneMatch(t -> t.startsWith(EmbeddedCluster.APPLICATION_ID_PREFIX + "-"));
        }
    }

    @Test
    void withoutCredentialsEveryCommandSaysWhichSettingsAreMissing() throws Exception {
        Path a = Files.writeString(dir.resolve("anon.txt"), "Envoy expelled\nThe envoy was told to leave.");
        String b = cluster.bootstrapServers();
        String r = cluster.registryUrl();
        for (String[] args : List.of(
                new String[] {"produce", "-b", b, "--registry-url", r, a.toString()},
                new String[] {"streams", "-b", b, "--registry-url", r, "--http-port", "-1"},
                new String[] {"consume", "-b", b, "--registry-url", r},
                new String[] {"alerts", "-b", b, "--registry-url", r},
                new String[] {"reset", "-b", b, "--yes"})) {
            Run run = riposte(args);
            assertThat(run.code()).as(args[0]).isEqualTo(1);
            assertThat(run.err()).as(args[0])
                    .contains("riposte " + args[0] + ": error: Kafka at " + b
                            + " accepts connections but closes them on this PLAINTEXT client's requests")
                    .contains("security.protocol", "sasl.mechanism", "sasl.jaas.config", "docs/security.md");
        }
    }

    @Test
    void aWrongPasswordIsAnAuthenticationErrorThatShowsNoPassword() {
        String wrong = "NotTheRightPassword42";
        Run run = riposte("consume", "--config", config.toString(), "-X", "sasl.jaas.config="
                + "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"riposte\" password=\"" + wrong + "\";");
        assertThat(run.code()).isEqualTo(1);
        assertThat(run.err()).contains("refused to authenticate this client",
                "Authentication failed during authentication due to invalid credentials with SASL mechanism SCRAM-SHA-512",
                "sasl.jaas.config").doesNotContain(wrong);
    }

    @Test
    void aTopicWithoutAnAclForTheAppsUserIsNotAuthorized() throws Exception {
        try (Admin admin = Admin.create(cluster.adminConfig())) {
            admin.createTopics(List.of(new NewTopic("private-dyads", 1, (short) 1))).all().get(10, TimeUnit.SECONDS);
        }
        Run run = riposte("consume", "--config", config.toString(), "--sink-topic", "private-dyads", "--exit-when-idle", "1");
        assertThat(run.code()).isEqualTo(1);
        assertThat(run.err()).contains("consumer stopped: Kafka at " + cluster.bootstrapServers()
                + ": Not authorized to access topics: [private-dyads]");
    }

    @Test
    void aUserWithoutAclsCannotPublish() throws Exception {
        String password = "Stranger0123456789";
        cluster.createUser(new Security.Credentials("stranger", password));
        Path strangerConfig = dir.resolve("stranger.properties");
        cluster.security().writeClientProperties(strangerConfig, new Security.Credentials("stranger", password),
                cluster.bootstrapServers(), cluster.registryUrl());
        Path a = Files.writeString(dir.resolve("stranger.txt"), "Consulate closed\nThe consulate was ordered shut.");
        Run run = riposte("produce", "--config", strangerConfig.toString(), "-X", "max.block.ms=5000", a.toString());
        assertThat(run.code()).isEqualTo(1);
        assertThat(run.err()).contains("Not authorized to access topics: [articles]");
        assertThat(run.err()).doesNotContain(password);
    }

    @Test
    void theDashboardBindsLoopbackUnlessToldOtherwise() throws Exception {
        assertThat(dashboardHost(List.of())).isEqualTo("127.0.0.1");
        InetAddress other = nonLoopbackAddress();
        Assumptions.assumeTrue(other != null, "no non-loopback IPv4 address to bind");
        // Beyond loopback only with a credential (HttpExposureTest covers the refusal and the 401s).
        assertThat(dashboardHost(List.of("--http-host", other.getHostAddress(), "-X", "riposte.http.auth.token=t0ken-for-this-test")))
                .isEqualTo(other.getHostAddress());
    }

    /** Runs consume with a dashboard, checks where it answers while it runs, and returns the host it printed. */
    private static String dashboardHost(List<String> extra) throws Exception {
        List<String> args = new ArrayList<>(List.of("consume", "--config", config.toString(), "--http-port", "0",
                "--exit-when-idle", "2"));
        args.addAll(extra);
        PrintStream oldErr = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        synchronized (SecuredClusterCommandsTest.class) {
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            try {
                Thread t = new Thread(() -> Main.execute(args.toArray(String[]::new)));
                t.start();
                long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
                Matcher m;
                while (!(m = Pattern.compile("dashboard at http://([0-9.]+):(\\d+)/").matcher(err.toString(StandardCharsets.UTF_8))).find()) {
                    assertThat(System.nanoTime() < deadline && t.isAlive()).as(err.toString(StandardCharsets.UTF_8)).isTrue();
                    Thread.sleep(50);
                }
                String host = m.group(1);
                int port = Integer.parseInt(m.group(2));
                try (Socket s = new Socket()) {
                    s.connect(new InetSocketAddress(host, port), 2000); // it answers where it says
                }
                if (host.equals("127.0.0.1")) {
                    assertLoopbackOnly(port);
                } else {
                    assertThatThrownBy(() -> {
                        try (Socket s = new Socket()) {
                            s.connect(new InetSocketAddress("127.0.0.1", port), 2000);
                        }
                    }).as("bound to " + host + " only").isInstanceOf(IOException.class);
                }
                t.join(30_000);
                return host;
            } finally {
                System.setErr(oldErr);
                printed.add(err.toString(StandardCharsets.UTF_8));
            }
        }
    }

    /** Nothing answers on {@code port} at this machine's other addresses. */
    private static void assertLoopbackOnly(int port) {
        InetAddress other = nonLoopbackAddress();
        if (other == null) {
            return; // only loopback here: nothing else to reach it from
        }
        assertThatThrownBy(() -> {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(other, port), 2000);
            }
        }).as(other + ":" + port).isInstanceOf(IOException.class);
    }

    private static InetAddress nonLoopbackAddress() {
        try {
            for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                for (InetAddress a : Collections.list(nic.getInetAddresses())) {
                    if (!a.isLoopbackAddress() && a instanceof Inet4Address && nic.isUp()) {
                        return a;
                    }
                }
            }
        } catch (IOException e) {
            return null;
        }
        return null;
    }

    private static String awaitLine(Path log, String text, Process p) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < deadline && p.isAlive()) {
            if (Files.exists(log)) {
                for (String line : Files.readAllLines(log)) {
                    if (line.contains(text)) {
                        return line;
                    }
                }
            }
            Thread.sleep(200);
        }
        throw new AssertionError("never printed '" + text + "': " + (Files.exists(log) ? Files.readString(log) : ""));
    }
}
