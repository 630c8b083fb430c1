package io.riposte.cli;

import io.riposte.local.LocalBroker;
import io.riposte.local.Security;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code riposte local up|down|status}: a persistent single-node Kafka broker and schema registry on
 * 127.0.0.1, each in its own background process, for running the apps as separate processes.
 */
@Command(name = "local",
        mixinStandardHelpOptions = true,
        description = {
            "Run a local Kafka broker (KRaft, single node) and schema registry in the background.",
            "Data (topics, records, schema ids) persists in the data dir across restarts."},
        subcommands = {LocalCommand.Up.class, LocalCommand.Down.class, LocalCommand.Status.class})
public class LocalCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Options every subcommand takes. */
    static class DataDir {
        @Option(names = "--data-dir", paramLabel = "DIR",
                description = "Where the broker data, logs and pid files live (default: ${DEFAULT-VALUE}).",
                defaultValue = ".riposte/local")
        Path dataDir;
    }

    @Command(name = "up", mixinStandardHelpOptions = true,
            description = {"Start the broker and the schema registry (formatting the data dir on first use),",
                "wait until both answer and create Riposte's topics. Does nothing for what already runs."})
    static class Up implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @picocli.CommandLine.Mixin
        DataDir dir = new DataDir();

        @Option(names = "--broker-port", paramLabel = "PORT",
                description = "Broker port on 127.0.0.1 (default: last used, else " + LocalBroker.DEFAULT_BROKER_PORT + ").")
        Integer brokerPort;

        @Option(names = "--controller-port", paramLabel = "PORT",
                description = "KRaft controller port on 127.0.0.1 (default: last used, else "
                        + LocalBroker.DEFAULT_CONTROLLER_PORT + "; fixed once the data dir is formatted).")
        Integer controllerPort;

        @Option(names = "--registry-port", paramLabel = "PORT",
                description = "Schema registry port on 127.0.0.1 (default: last used, else "
                        + LocalBroker.DEFAULT_REGISTRY_PORT + ").")
        Integer registryPort;

        @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "90",
                description = "Give up if not ready within this time (default: ${DEFAULT-VALUE}).")
        int timeoutSeconds;

        @Option(names = "--secure",
                description = {"Require SASL authentication (SCRAM-SHA-512) and ACLs: users admin, riposte (the apps) and "
                        + "registry get random passwords, and the apps' settings go to client.properties in the data dir "
                        + "(pass it with --config). Needs a fresh data dir; a secured data dir stays secured.",
                    "See docs/security.md."})
        boolean secure;

        @Option(names = "--sasl-mechanism", paramLabel = "MECHANISM",
                description = "With --secure: SCRAM-SHA-512 (default) or PLAIN.")
        String saslMechanism;

        @Override
        public Integer call() {
            if (saslMechanism != null && !secure) {
                throw new IllegalArgumentException("--sasl-mechanism needs --secure");
            }
            Security.Mechanism mechanism = !secure ? null
                    : saslMechanism == null ? Security.Mechanism.SCRAM_SHA_512 : Security.Mechanism.parse(saslMechanism);
            LocalBroker.Settings saved = LocalBroker.Settings.saved(dir.dataDir);
            LocalBroker.Settings settings = new LocalBroker.Settings(dir.dataDir,
                    brokerPort != null ? brokerPort : saved.brokerPort(),
                    controllerPort != null ? controllerPort : saved.controllerPort(),
                    registryPort != null ? registryPort : saved.registryPort());
            var out = spec.commandLine().getOut();
            out.println("Starting the local broker and schema registry in " + settings.dataDir() + " ...");
            out.flush();
            LocalBroker broker = new LocalBroker(settings, mechanism);
            LocalBroker.Status status = broker.up(Duration.ofSeconds(timeoutSeconds));
            out.println(status.describe());
            out.println();
            Security security = broker.security();
            if (security.enabled()) {
                out.println("security: " + security);
                out.println("  Every client must authenticate; the ACLs allow user '" + security.app().username()
                        + "' what the apps need (docs/security.md).");
                out.println("Point the apps at it with (the file holds the servers, the registry URL and the credentials):");
                out.println("  --config " + broker.clientConfigFile());
                out.println("Super user settings (topics, ACLs, users): " + broker.adminConfigFile());
            } else {
                out.println("Point the apps at it with:");
                out.println("  --bootstrap-server " + settings.bootstrapServers() + "  (bootstrap.servers)");
                out.println("  schema.registry.url=" + settings.registryUrl());
            }
            out.println("Stop with: riposte local down --data-dir " + dir.dataDir);
            return 0;
        }
    }

    @Command(name = "down", mixinStandardHelpOptions = true,
            description = "Stop the schema registry and the broker (SIGTERM, then wait). Data is kept.")
    static class Down implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @picocli.CommandLine.Mixin
        DataDir dir = new DataDir();

        @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "30",
                description = "Wait this long for each process before killing it (default: ${DEFAULT-VALUE}).")
        int timeoutSeconds;

        @Override
        public Integer call() {
            List<String> stopped = new LocalBroker(LocalBroker.Settings.saved(dir.dataDir))
                    .down(Duration.ofSeconds(timeoutSeconds));
            spec.commandLine().getOut().println(stopped.isEmpty() ? "Nothing was running in " + dir.dataDir.toAbsolutePath()
                    : "Stopped: " + String.join(", ", stopped));
            return 0;
        }
    }

    @Command(name = "status", mixinStandardHelpOptions = true,
            description = "Show whether the broker and the registry run, and where (exit code 3 if not both).")
    static class Status implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @picocli.CommandLine.Mixin
        DataDir dir = new DataDir();

        @Override
        public Integer call() {
            LocalBroker broker = new LocalBroker(LocalBroker.Settings.saved(dir.dataDir));
            LocalBroker.Status status = broker.status();
            spec.commandLine().getOut().println(status.describe());
            if (broker.security().enabled()) {
                spec.commandLine().getOut().println("security: " + broker.security() + ", client config "
                        + broker.clientConfigFile());
            }
            return status.brokerRunning() && status.registryRunning() ? 0 : 3;
        }
    }
}
