package io.riposte.local;

import io.riposte.topics.TopicAdmin;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.Uuid;

/**
 * {@code riposte local}: a single-node KRaft broker ({@code kafka.Kafka}) and the local schema registry, each
 * as a detached JVM, with a persistent data directory so topics, records and schema ids survive restarts.
 *
 * <p>Layout of the data dir: {@code kafka-logs/} (broker data), {@code server.properties},
 * {@code local.properties} (ports), {@code broker.pid}, {@code registry.pid}, {@code broker.log},
 * {@code registry.log}, {@code format.log}. Everything binds to 127.0.0.1 only.
 *
 * <p>Secured ({@link #LocalBroker(Settings, Security.Mechanism)}, {@code riposte local up --secure}): the data dir
 * is formatted with SCRAM users (see {@link Security}), the ACLs of {@link RiposteAcls} are created, and the
 * owner-only files {@code security.properties} (the users), {@code client.properties} (what the apps pass as
 * {@code --config}), {@code admin.properties} (the super user) and {@code registry.properties} are written. A data
 * dir formatted secured stays secured.
 */
public final class LocalBroker {
    /** Broker settings a single node needs (the defaults assume 3 brokers). */
    public static final Map<String, String> SINGLE_NODE_SETTINGS = singleNode();

    public static final int DEFAULT_BROKER_PORT = 9092;
    public static final int DEFAULT_CONTROLLER_PORT = 9093;
    public static final int DEFAULT_REGISTRY_PORT = 8081;
    public static final Path DEFAULT_DATA_DIR = Path.of(".riposte", "local");

    private static final String HOST = "127.0.0.1";
    private static final String BROKER_MAIN = "kafka.Kafka";
    private static final String REGISTRY_MAIN = RegistryMain.class.getName();
    /**
     * First JVM argument of our child processes: how status/down recognise them behind a pid file (pid reuse).
     * It must come before the classpath: /proc cmdline as Java reports it is cut at 4096 characters.
     */
    private static final String ROLE = "-Driposte.local.role=";

    /** Where and on which ports. */
    public record Settings(Path dataDir, int brokerPort, int controllerPort, int registryPort) {
        public Settings {
            dataDir = dataDir.toAbsolutePath().normalize();
        }

        public static Settings defaults(Path dataDir) {
            return new Settings(dataDir, DEFAULT_BROKER_PORT, DEFAULT_CONTROLLER_PORT, DEFAULT_REGISTRY_PORT);
        }

        /**
         * Three ports free on 127.0.0.1 right now (held together while picked, so they differ), for a broker
         * that must not collide with another on this machine: tests, benchmarks.
         */
        public static Settings onFreePorts(Path dataDir) {
            ServerSocket[] held = new ServerSocket[3];
            try {
                for (int i = 0; i < held.length; i++) {
                    held[i] = new ServerSocket(0, 1, InetAddress.getByName(HOST));
                }
                return new Settings(dataDir, held[0].getLocalPort(), held[1].getLocalPort(), held[2].getLocalPort());
            } catch (IOException e) {
                throw new UncheckedIOException("no free port on " + HOST, e);
            } finally {
                for (ServerSocket s : held) {
                    try {
                        if (s != null) {
                            s.close();
                        }
                    } catch (IOException ignored) {
                        // only released early
                    }
                }
            }
        }

        /** The ports saved by the last {@code up} in {@code dataDir}, else the defaults. */
        public static Settings saved(Path dataDir) {
            Properties p = readProperties(dataDir.resolve("local.properties"));
            return new Settings(dataDir,
                    Integer.parseInt(p.getProperty("broker.port", String.valueOf(DEFAULT_BROKER_PORT))),
                    Integer.parseInt(p.getProperty("controller.port", String.valueOf(DEFAULT_CONTROLLER_PORT))),
                    Integer.parseInt(p.getProperty("registry.port", String.valueOf(DEFAULT_REGISTRY_PORT))));
        }

        public String bootstrapServers() {
            return HOST + ":" + brokerPort;
        }

        public String registryUrl() {
            return "http://" + HOST + ":" + registryPort;
        }
    }

    /** What runs. A pid is -1 when the process is not running. */
    public record Status(Settings settings, long brokerPid, long registryPid) {
        public boolean brokerRunning() {
            return brokerPid > 0;
        }

        public boolean registryRunning() {
            return registryPid > 0;
        }

        /** Human-readable, one line per component. */
        public String describe() {
            Path dir = settings.dataDir();
            return "broker:   " + (brokerRunning() ? "running (pid " + brokerPid + ")" : "stopped")
                    + ", bootstrap.servers=" + settings.bootstrapServers() + ", log " + dir.resolve("broker.log") + "\n"
                    + "registry: " + (registryRunning() ? "running (pid " + registryPid + ")" : "stopped")
                    + ", schema.registry.url=" + settings.registryUrl() + ", log " + dir.resolve("registry.log") + "\n"
                    + "data:     " + dir;
        }
    }

    private final Settings settings;
    private final Path dir;
    private final Security.Mechanism requestedSasl;

    /** A broker secured as its data dir was first started (plain PLAINTEXT for a new one). */
    public LocalBroker(Settings settings) {
        this(settings, null);
    }

    /**
     * A broker that must be secured with SASL {@code mechanism} (null: as the data dir was first started). A new data
     * dir gets fresh random users; a data dir formatted without SASL is refused (its metadata has no users).
     */
    public LocalBroker(Settings settings, Security.Mechanism mechanism) {
        this.settings = settings;
        this.dir = settings.dataDir();
        this.requestedSasl = mechanism;
    }

    /** How the broker in this data dir authenticates: what {@code up} set up, else {@link Security#none()}. */
    public Security security() {
        return Security.load(dir.resolve("security.properties"));
    }

    /** The apps' Kafka client config file of a secured broker ({@code --config}); written by {@code up}. */
    public Path clientConfigFile() {
        return dir.resolve("client.properties");
    }

    /** The super user's Kafka client config file of a secured broker; written by {@code up}. */
    public Path adminConfigFile() {
        return dir.resolve("admin.properties");
    }

    /**
     * Starts what is not running yet (formatting the log dir on first use), waits until the broker answers,
     * creates the topics and starts the registry. Idempotent.
     *
     * @throws IllegalStateException with the log path when something does not come up within {@code timeout}
     */
    public Status up(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create data dir " + dir, e);
        }
        Status before = status();
        Security security = resolveSecurity();
        if (!before.brokerRunning()) {
            checkFormattedPorts();
            requireFree(settings.brokerPort(), "broker");
            requireFree(settings.controllerPort(), "controller");
            writeServerProperties(security);
            saveSettings();
            if (!Files.exists(dir.resolve("kafka-logs").resolve("meta.properties"))) {
                format(deadline, security);
            }
            Process broker = launch("broker", List.of("-Xmx1g", "-Dlog4j2.configurationFile=" + writeLog4j()),
                            List.of(BROKER_MAIN, dir.resolve("server.properties").toString()),
                    dir.resolve("broker.log"));
            writePid("broker.pid", broker.pid());
            awaitBroker(broker, deadline, security);
        }
        Map<String, Object> admin = clientProperties(security, security.enabled() ? security.admin() : null);
        TopicAdmin.createAll(admin, remaining(deadline));
        List<String> registryArgs = new ArrayList<>(List.of(REGISTRY_MAIN, "--bootstrap-servers",
                settings.bootstrapServers(), "--port", String.valueOf(settings.registryPort())));
        if (security.enabled()) {
            try (Admin a = Admin.create(admin)) {
                List<org.apache.kafka.common.acl.AclBinding> acls = new ArrayList<>(
                        RiposteAcls.forApps(security.app().username(), EmbeddedCluster.APPLICATION_ID_PREFIX));
                acls.addAll(RiposteAcls.forRegistry(security.registry().username()));
                RiposteAcls.create(a, acls, remaining(deadline));
            }
            security.writeClientProperties(clientConfigFile(), security.app(), settings.bootstrapServers(), settings.registryUrl());
            security.writeClientProperties(adminConfigFile(), security.admin(), settings.bootstrapServers(), settings.registryUrl());
            Path registryConfig = dir.resolve("registry.properties");
            security.writeClientProperties(registryConfig, security.registry(), settings.bootstrapServers(), null);
            registryArgs.add("--config");
            registryArgs.add(registryConfig.toString());
        }
        if (!before.registryRunning()) {
            requireFree(settings.registryPort(), "schema registry");
            saveSettings();
            Process registry = launch("registry", List.of("-Xmx256m"), registryArgs, dir.resolve("registry.log"));
            writePid("registry.pid", registry.pid());
            awaitRegistry(registry, deadline);
        }
        return status();
    }

    /** What runs now (pid files checked against live processes). */
    public Status status() {
        return new Status(settings, livePid("broker.pid", "broker"), livePid("registry.pid", "registry"));
    }

    /** Stops registry then broker with SIGTERM, waiting up to {@code timeout} for each; returns what was stopped. */
    public List<String> down(Duration timeout) {
        List<String> stopped = new ArrayList<>();
        if (stop("registry.pid", "registry", timeout)) {
            stopped.add("registry");
        }
        if (stop("broker.pid", "broker", timeout)) {
            stopped.add("broker");
        }
        return stopped;
    }

    // ---- internals ----------------------------------------------------------------------------------

    private static Map<String, String> singleNode() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("offsets.topic.replication.factor", "1");
        m.put("transaction.state.log.replication.factor", "1");
        m.put("transaction.state.log.min.isr", "1");
        m.put("share.coordinator.state.topic.replication.factor", "1");
        m.put("share.coordinator.state.topic.min.isr", "1");
        m.put("group.initial.rebalance.delay.ms", "0");
        return java.util.Collections.unmodifiableMap(m);
    }

    private void checkFormattedPorts() {
        if (Files.exists(dir.resolve("kafka-logs").resolve("meta.properties"))) {
            Settings saved = Settings.saved(dir);
            // --standalone format records the controller's endpoint in the voter set.
            if (saved.controllerPort() != settings.controllerPort()) {
                throw new IllegalStateException("The data dir " + dir + " was formatted with controller port "
                        + saved.controllerPort() + "; use that port (or a fresh --data-dir)");
            }
        }
    }

    private void writeServerProperties(Security security) {
        Map<String, String> p = serverProperties(dir.resolve("kafka-logs"), settings.brokerPort(),
                settings.controllerPort(), true, security);
        StringBuilder text = new StringBuilder("# Written by riposte local up; rewritten on every start.\n");
        p.forEach((k, v) -> text.append(k).append('=').append(v.replace("\\", "\\\\")).append('\n'));
        if (security.enabled()) {
            Security.writePrivate(dir.resolve("server.properties"), text.toString()); // it holds the admin password
        } else {
            write(dir.resolve("server.properties"), text.toString());
        }
    }

    /**
     * The security of this start: the saved one of a data dir started before, fresh SASL users for a new data
     * dir when asked, an error when SASL is asked of a data dir formatted without it.
     */
    private Security resolveSecurity() {
        Path file = dir.resolve("security.properties");
        Security saved = Security.load(file);
        if (requestedSasl == null) {
            return saved;
        }
        if (saved.enabled()) {
            if (saved.mechanism() != requestedSasl) {
                throw new IllegalStateException("The data dir " + dir + " is secured with " + saved.mechanism().kafkaName()
                        + ", not " + requestedSasl.kafkaName() + "; use that mechanism (or a fresh --data-dir)");
            }
            return saved;
        }
        if (Files.exists(dir.resolve("kafka-logs").resolve("meta.properties"))) {
            throw new IllegalStateException("The data dir " + dir + " was formatted without SASL, so its metadata holds no "
                    + "users; use a fresh --data-dir to start secured");
        }
        Security fresh = Security.sasl(requestedSasl);
        fresh.save(file);
        return fresh;
    }

    private Map<String, Object> clientProperties(Security security, Security.Credentials who) {
        Map<String, Object> p = new java.util.HashMap<>();
        p.put("bootstrap.servers", settings.bootstrapServers());
        if (who != null) {
            p.putAll(security.clientProperties(who));
        }
        return p;
    }

    /**
     * A single combined broker+controller on 127.0.0.1. {@code dynamicQuorum}: the controller is found through
     * {@code controller.quorum.bootstrap.servers} (formatted with {@code --standalone}); otherwise through the
     * static {@code controller.quorum.voters}.
     */
    static Map<String, String> serverProperties(Path logDir, int brokerPort, int controllerPort, boolean dynamicQuorum) {
        return serverProperties(logDir, brokerPort, controllerPort, dynamicQuorum, Security.none());
    }

    /** As above, with the listeners, SASL and authorizer settings of {@code security}. */
    static Map<String, String> serverProperties(Path logDir, int brokerPort, int controllerPort, boolean dynamicQuorum,
            Security security) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("process.roles", "broker,controller");
        p.put("node.id", "1");
        if (dynamicQuorum) {
            p.put("controller.quorum.bootstrap.servers", HOST + ":" + controllerPort);
        } else {
            p.put("controller.quorum.voters", "1@" + HOST + ":" + controllerPort);
        }
        p.putAll(security.brokerProperties(HOST, brokerPort, controllerPort));
        p.put("log.dirs", logDir.toString());
        p.putAll(SINGLE_NODE_SETTINGS);
        // Fast recovery after a crash: the old registration expires in 3 s instead of 9.
        p.put("broker.session.timeout.ms", "3000");
        p.put("broker.heartbeat.interval.ms", "1000");
        return p;
    }

    private String writeLog4j() {
        Path file = dir.resolve("log4j2.properties");
        write(file, String.join("\n",
                "status = warn",
                "appender.out.type = Console",
                "appender.out.name = out",
                "appender.out.layout.type = PatternLayout",
                "appender.out.layout.pattern = [%d] %p %m (%c)%n",
                "rootLogger.level = info",
                "rootLogger.appenderRef.out.ref = out",
                ""));
        return file.toString();
    }

    private void saveSettings() {
        write(dir.resolve("local.properties"), "broker.port=" + settings.brokerPort() + "\ncontroller.port="
                + settings.controllerPort() + "\nregistry.port=" + settings.registryPort() + "\n");
    }

    private void format(long deadline, Security security) {
        Path log = dir.resolve("format.log");
        List<String> args = new ArrayList<>(List.of("kafka.tools.StorageTool", "format", "-t", Uuid.randomUuid().toString(),
                "-c", dir.resolve("server.properties").toString(), "--standalone"));
        for (String scram : security.scramArguments()) {
            // SCRAM users go into the metadata log at format time (the passwords are on this short-lived
            // process's command line for about a second; the storage tool reads them nowhere else).
            args.add("--add-scram");
            args.add(scram);
        }
        Process p;
        try {
            p = launch("format", List.of(), args, log);
        } catch (UncheckedIOException e) {
            // The message would carry the command line, passwords included.
            throw new IllegalStateException("Cannot start the storage tool to format " + dir + ": " + e.getCause().getMessage());
        }
        try {
            if (!p.waitFor(Math.max(1, remaining(deadline).toMillis()), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException("Formatting the broker's log dir timed out; see " + log);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroyForcibly();
            throw new IllegalStateException("Interrupted while formatting", e);
        }
        if (p.exitValue() != 0) {
            throw new IllegalStateException("Formatting the broker's log dir failed (exit " + p.exitValue() + "); see "
                    + log + ":\n" + tail(log));
        }
    }

    /** A detached JVM on our own class path, output appended to {@code log}. */
    private Process launch(String role, List<String> jvmOptions, List<String> mainAndArgs, Path log) {
        List<String> options = new ArrayList<>();
        options.add(ROLE + role);
        options.addAll(jvmOptions);
        return new ChildJvm(options, mainAndArgs, true).start(dir, log);
    }

    private void awaitBroker(Process broker, long deadline, Security security) {
        Path log = dir.resolve("broker.log");
        Map<String, Object> props = clientProperties(security, security.enabled() ? security.admin() : null);
        props.putAll(Map.of("request.timeout.ms", 2000, "default.api.timeout.ms", 2000,
                "socket.connection.setup.timeout.max.ms", 1000, "reconnect.backoff.max.ms", 200));
        try (Admin admin = Admin.create(props)) {
            while (true) {
                if (!broker.isAlive()) {
                    deletePid("broker.pid");
                    throw new IllegalStateException("The broker exited with code " + broker.exitValue()
                            + " during start-up; see " + log + ":\n" + tail(log));
                }
                try {
                    if (!admin.describeCluster().nodes().get(2, TimeUnit.SECONDS).isEmpty()) {
                        return;
                    }
                } catch (ExecutionException | TimeoutException e) {
                    // not ready yet
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("Interrupted while waiting for the broker", e);
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("The broker (pid " + broker.pid() + ") did not become ready on "
                            + settings.bootstrapServers() + " in time; see " + log);
                }
                sleep(200);
            }
        }
    }

    private void awaitRegistry(Process registry, long deadline) {
        Path log = dir.resolve("registry.log");
        while (true) {
            if (!registry.isAlive()) {
                deletePid("registry.pid");
                throw new IllegalStateException("The schema registry exited with code " + registry.exitValue()
                        + " during start-up; see " + log + ":\n" + tail(log));
            }
            try {
                HttpURLConnection c = (HttpURLConnection) URI.create(settings.registryUrl() + "/config").toURL().openConnection();
                c.setConnectTimeout(1000);
                c.setReadTimeout(2000);
                if (c.getResponseCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("The schema registry (pid " + registry.pid() + ") did not answer on "
                        + settings.registryUrl() + " in time; see " + log);
            }
            sleep(200);
        }
    }

    private boolean stop(String pidFile, String role, Duration timeout) {
        long pid = livePid(pidFile, role);
        if (pid < 0) {
            deletePid(pidFile);
            return false;
        }
        Optional<ProcessHandle> handle = ProcessHandle.of(pid);
        if (handle.isPresent()) {
            ProcessHandle h = handle.get();
            h.destroy(); // SIGTERM: the broker shuts down cleanly and restarts fast
            try {
                h.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                h.destroyForcibly();
                try {
                    h.onExit().get(10, TimeUnit.SECONDS);
                } catch (Exception ignored) {
                    // reported below if still alive
                }
            } catch (ExecutionException e) {
                throw new IllegalStateException("Cannot wait for pid " + pid, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while stopping pid " + pid, e);
            }
            if (h.isAlive()) {
                throw new IllegalStateException("Process " + pid + " (" + pidFile + ") did not stop");
            }
        }
        deletePid(pidFile);
        return true;
    }

    /** The pid in {@code pidFile} if that process lives and is ours (guards against pid reuse), else -1. */
    private long livePid(String pidFile, String role) {
        Path file = dir.resolve(pidFile);
        if (!Files.exists(file)) {
            return -1;
        }
        long pid;
        try {
            pid = Long.parseLong(Files.readString(file).trim());
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return ProcessHandle.of(pid)
                .filter(ProcessHandle::isAlive)
                .filter(h -> h.info().commandLine().map(c -> c.contains(ROLE + role + " ")).orElse(true))
                .map(ProcessHandle::pid)
                .orElse(-1L);
    }

    private void writePid(String file, long pid) {
        write(dir.resolve(file), pid + "\n");
    }

    private void deletePid(String file) {
        try {
            Files.deleteIfExists(dir.resolve(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void requireFree(int port, String what) {
        try (ServerSocket s = new ServerSocket()) {
            s.setReuseAddress(true);
            s.bind(new java.net.InetSocketAddress(InetAddress.getByName(HOST), port));
        } catch (IOException e) {
            throw new IllegalStateException("Port " + port + " on " + HOST + " (" + what + ") is already in use: "
                    + "stop what uses it or choose another port", e);
        }
    }

    private static void write(Path file, String text) {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write(text);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
    }

    private static Properties readProperties(Path file) {
        Properties p = new Properties();
        if (Files.exists(file)) {
            try (var r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                p.load(r);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read " + file, e);
            }
        }
        return p;
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(cannot read " + log + ")";
        }
    }

    private static Duration remaining(long deadline) {
        return Duration.ofNanos(Math.max(TimeUnit.SECONDS.toNanos(1), deadline - System.nanoTime()));
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }
}
