package io.riposte.cli.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.riposte.topics.Topics;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code riposte produce --watch} as a real process: publishes a dropped file once, and SIGTERM ends it with the summary. */
class ProduceWatchProcessTest extends ClusterTest {
    @Test
    void aDroppedFileIsPublishedOnceAndSigtermStopsWithTheSummary(@TempDir Path dir) throws Exception {
        Path inbox = Files.createDirectory(dir.resolve("inbox"));
        List<String> cmd = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dorg.apache.avro.SERIALIZABLE_PACKAGES=io.riposte.avro",
                "-cp", System.getProperty("java.class.path"), "io.riposte.cli.Main", "produce",
                "-b", cluster.bootstrapServers(), "--registry-url", cluster.registryUrl(), "--create-topics",
                "--watch", inbox.toString(), "--watch-poll", "PT0.2S");
        Process p = new ProcessBuilder(cmd).redirectError(dir.resolve("err.txt").toFile())
                .redirectOutput(dir.resolve("out.txt").toFile()).start();
        try {
            awaitFile(dir.resolve("err.txt"), "watching " + inbox, p);
            Files.writeString(inbox.resolve("a.txt"), " date 2022-10-12 https://example.org/watch Envoy expelled\nThe envoy was told to leave.");
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (TopicContent.read(cluster.bootstrapServers(), Topics.ARTICLES).isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(200);
            }
            Thread.sleep(1000); // more scans: the same file must not be published again
            p.destroy(); // SIGTERM
            assertThat(p.waitFor(30, TimeUnit.SECONDS)).as("stopped after SIGTERM").isTrue();
            List<String> out = Files.readAllLines(dir.resolve("out.txt"));
            assertThat(out).as(Files.readString(dir.resolve("err.txt"))).contains("produce: read 1, published 1, rejected 0");
            assertThat(TopicContent.read(cluster.bootstrapServers(), Topics.ARTICLES)).hasSize(1);
        } finally {
            p.destroyForcibly();
        }
    }

    static void awaitFile(Path file, String text, Process p) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline && p.isAlive()) {
            if (Files.exists(file) && Files.readString(file).contains(text)) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("never printed '" + text + "': " + (Files.exists(file) ? Files.readString(file) : ""));
    }
}
