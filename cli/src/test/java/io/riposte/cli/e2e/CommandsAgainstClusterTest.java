package io.riposte.cli.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.riposte.cli.Main;
import io.riposte.topics.Topics;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The commands as a user runs them, with their exit codes and messages, on a real broker and registry. */
public class CommandsAgainstClusterTest extends ClusterTest {
    public record Run(int code, String out, String err) {}

    /** Runs a command as {@code main} would, capturing what it prints on System.out and System.err. */
    public static synchronized Run riposte(String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int code = Main.execute(args);
            return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    @Test
    void produceReportsRejectionsInItsSummaryAndExitCode(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("a.txt"), " date 2021-04-15 Sanctions announced\nNew measures were listed on Thursday.");
        Files.write(dir.resolve("b.txt"), new byte[0]);
        Run r = riposte("produce", "-b", cluster.bootstrapServers(), "--registry-url", cluster.registryUrl(), dir.toString());
        assertThat(r.code()).as(r.err()).isEqualTo(3);
        assertThat(r.out()).contains("produce: read 2, published 1, rejected 1 (EMPTY=1)");
        assertThat(r.err()).contains("rejected EMPTY: b.txt");
        assertThat(TopicContent.read(cluster.bootstrapServers(), Topics.REJECTED_ARTICLES))
                .anySatisfy(rec -> assertThat(rec.key()).isEqualTo("b.txt"));
    }

    @Test
    void aFlagWinsOverTheConfigFile(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("c.txt"), "Visa services suspended\nThe consulate stopped issuing visas.");
        Path config = dir.resolve("riposte.properties");
        // The file names an unreachable broker; the flag must win over it.
        Files.writeString(config, "bootstrap.servers=127.0.0.1:1\nschema.registry.url=" + cluster.registryUrl() + "\n");
        Run r = riposte("produce", "--config", config.toString(), "-b", cluster.bootstrapServers(), dir.resolve("c.txt").toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("published 1, rejected 0");
    }

    @Test
    void anUnreachableBrokerEndsTheCommandWithAClearMessage(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("d.txt"), "Ambassador recalled\nThe envoy was called home.");
        Run r = riposte("produce", "-b", "127.0.0.1:1", "--registry-url", cluster.registryUrl(),
                "-X", "max.block.ms=2000", "-X", "request.timeout.ms=2000", "-X", "delivery.timeout.ms=4000", dir.toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("FAILED: Kafka at 127.0.0.1:1 did not answer in time", "max.block.ms=2000");
    }

    @Test
    void consumeWithAnUnreachableBrokerEndsWithAClearMessage() {
        Run r = riposte("consume", "-b", "127.0.0.1:1", "--registry-url", cluster.registryUrl(), "-X", "default.api.timeout.ms=2000");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("consumer stopped: Kafka at 127.0.0.1:1 did not answer in time");
    }

    @Test
    void consumeStopsWhenIdleAndReportsWhatItDid() {
        Run r = riposte("consume", "-b", cluster.bootstrapServers(), "--registry-url", cluster.registryUrl(), "--exit-when-idle", "1");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.err()).containsPattern("consume: read \\d+ records, 0 alerts, wrote 0 dyad records to 'dyads'");
    }
}
