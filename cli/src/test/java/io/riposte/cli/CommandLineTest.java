package io.riposte.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

class CommandLineTest {
    record Run(int code, String out, String err) {}

    static Run run(String... args) {
        CommandLine cl = Main.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void topLevelHelpListsEverySubcommand() {
        Run r = run("--help");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("Usage: riposte", "demo", "produce", "streams", "consume");
    }

    @ParameterizedTest
    @ValueSource(strings = {"demo", "produce", "streams", "consume"})
    void everySubcommandHasHelp(String name) {
        Run r = run(name, "--help");
        assertThat(r.code()).isZero();
        assertThat(r.out()).startsWith("Usage: riposte " + name);
    }

    @Test
    void everyRegisteredSubcommandAnswersHelp() {
        for (String name : Main.commandLine().getSubcommands().keySet()) {
            if (name.equals("help")) {
                continue;
            }
            Run r = run(name, "--help");
            assertThat(r.code()).as(name).isZero();
            assertThat(r.out()).as(name).contains("Usage: riposte " + name);
        }
    }

    @Test
    void versionNamesRiposteAndKafka() {
        Run r = run("--version");
        assertThat(r.code()).isZero();
        assertThat(r.out()).startsWith("riposte ").contains("Kafka clients 4.3.1");
    }

    @Test
    void clientOptionsLayerFlagsOverEnvironment() {
        ClientOptions o = new ClientOptions();
        new CommandLine(o).parseArgs("-b", "flag:1", "-X", "linger.ms=9", "-X", "sasl.mechanism=PLAIN");
        Map<String, Object> c = o.resolve(Map.of("RIPOSTE_BOOTSTRAP_SERVERS", "env:1", "RIPOSTE_SCHEMA_REGISTRY_URL", "http://env:2",
                "RIPOSTE_KAFKA_SASL_MECHANISM", "GSSAPI"));
        assertThat(c).containsEntry("bootstrap.servers", "flag:1").containsEntry("schema.registry.url", "http://env:2")
                .containsEntry("linger.ms", "9").containsEntry("sasl.mechanism", "PLAIN");
    }

    @Test
    void kafkaToolFlagNamesAreAcceptedWithTheOldOnesAsAliases(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path file = java.nio.file.Files.writeString(dir.resolve("c.properties"), "schema.registry.url=http://file:3\n");
        for (String flag : new String[] {"--bootstrap-server", "--bootstrap-servers", "-b"}) {
            ClientOptions o = new ClientOptions();
            new CommandLine(o).parseArgs(flag, "broker-" + flag.length() + ":9092", "--command-config", file.toString());
            assertThat(o.resolve(Map.of())).as(flag).containsEntry("bootstrap.servers", "broker-" + flag.length() + ":9092")
                    .containsEntry("schema.registry.url", "http://file:3");
        }
        // Every command that takes the client options takes the Kafka tools' names.
        for (String name : new String[] {"produce", "streams", "consume", "alerts", "reset"}) {
            assertThat(run(name, "--help").out()).as(name).containsPattern("--bootstrap-server[,= ]").contains("--command-config");
        }
    }

    @Test
    void theDashboardAndTheQueryServerRefuseANonLoopbackBindWithoutACredential(@org.junit.jupiter.api.io.TempDir Path dir) {
        Run consume = run("consume", "-b", "127.0.0.1:1", "--registry-url", "http://127.0.0.1:1",
                "--http-port", "0", "--http-host", "0.0.0.0");
        assertThat(consume.code()).isEqualTo(1);
        assertThat(consume.err()).contains("the dashboard refuses to listen on 0.0.0.0 without a credential");
        Run streams = run("streams", "-b", "127.0.0.1:1", "--registry-url", "http://127.0.0.1:1", "--state-dir", dir.toString(),
                "-X", "riposte.http.host=0.0.0.0", "--http-port", "0");
        assertThat(streams.code()).isEqualTo(1);
        assertThat(streams.err()).contains("the query server refuses to listen on 0.0.0.0 without a credential");
    }

    @Test
    void produceWithAMissingPathFailsBeforeConnecting(@org.junit.jupiter.api.io.TempDir Path dir) {
        Path missing = dir.resolve("no-such-dir");
        Run r = run("produce", "-b", "127.0.0.1:1", "--registry-url", "http://127.0.0.1:1", missing.toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("no such file or directory: " + missing);
    }

    @Test
    void produceWithoutABrokerConfiguredSaysWhatToSet(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        java.nio.file.Files.writeString(dir.resolve("a.txt"), "Headline\nBody");
        Run r = run("produce", "--config", dir.resolve("empty.properties").toString(), dir.toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("config file not found");
        java.nio.file.Files.writeString(dir.resolve("only-registry.properties"), "schema.registry.url=http://127.0.0.1:1\n");
        if (System.getenv("RIPOSTE_BOOTSTRAP_SERVERS") == null) {
            Run r2 = run("produce", "--config", dir.resolve("only-registry.properties").toString(), dir.resolve("a.txt").toString());
            assertThat(r2.code()).isEqualTo(1);
            assertThat(r2.err()).contains("no Kafka bootstrap servers");
        }
    }
}
