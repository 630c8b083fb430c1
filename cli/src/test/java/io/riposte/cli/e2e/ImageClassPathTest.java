package io.riposte.cli.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The docker image leaves the broker jars out (docker/broker-jars.txt, applied by docker/slim-lib.sh).
 * Docker is not available here, so this runs what the image runs, the command line in its own JVM on a
 * class path without those jars, against the in-process cluster: produce, streams, consume, alerts and
 * reset must all work.
 */
class ImageClassPathTest extends ClusterTest {
    static final Path PROJECT = Path.of(System.getProperty("riposte.project.dir", ".."));

    record Run(int code, String output) {}

    static List<PathMatcher> brokerJars() throws Exception {
        List<PathMatcher> out = new ArrayList<>();
        for (String line : Files.readAllLines(PROJECT.resolve("docker/broker-jars.txt"))) {
            if (!line.isBlank() && !line.startsWith("#")) {
                out.add(FileSystems.getDefault().getPathMatcher("glob:" + line.strip()));
            }
        }
        return out;
    }

    @Test
    void theImagesScriptRemovesExactlyTheListedJars(@TempDir Path lib) throws Exception {
        List<PathMatcher> broker = brokerJars();
        List<String> expected = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            Path name = Path.of(entry).getFileName();
            if (entry.endsWith(".jar") && Files.notExists(lib.resolve(name))) {
                Files.createFile(lib.resolve(name));
                if (broker.stream().noneMatch(m -> m.matches(name))) {
                    expected.add(name.toString());
                }
            }
        }
        Process p = new ProcessBuilder("sh", PROJECT.resolve("docker/slim-lib.sh").toString(), lib.toString())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(out).isZero();
        try (var left = Files.list(lib)) {
            assertThat(left.map(f -> f.getFileName().toString()).toList()).containsExactlyInAnyOrderElementsOf(expected)
                    .noneMatch(n -> n.startsWith("kafka_2.13-"));
        }
    }

    @Test
    void theAppsRunWithoutTheBrokerJars(@TempDir Path dir) throws Exception {
        List<PathMatcher> broker = brokerJars();
        List<String> kept = new ArrayList<>();
        List<String> removed = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            Path name = Path.of(entry).getFileName();
            (broker.stream().anyMatch(m -> m.matches(name)) ? removed : kept).add(entry);
        }
        assertThat(removed).as("the list names real jars").anyMatch(j -> j.contains("kafka_2.13-"))
                .anyMatch(j -> j.contains("kafka-server-4")).anyMatch(j -> j.contains("scala-library"));
        assertThat(kept).anyMatch(j -> j.contains("kafka-clients-")).anyMatch(j -> j.contains("kafka-streams-4"))
                .anyMatch(j -> j.contains("kafka-tools-4")).noneMatch(j -> j.contains("kafka_2.13-"));
        String classPath = String.join(File.pathSeparator, kept);
        String[] connect = {"--bootstrap-server", cluster.bootstrapServers(), "--registry-url", cluster.registryUrl()};

        Path article = Files.writeString(dir.resolve("note.txt"), " date 2024-05-06\nNorway expels two envoys\n"
                + "Norway expelled two Russian diplomats on Monday, its foreign ministry said.\n");
        Run produce = run(dir, classPath, concat(new String[] {"produce"}, connect, new String[] {article.toString()}));
        assertThat(produce.code()).as(produce.output()).isZero();
        assertThat(produce.output()).contains("published 1");

        Path log = dir.resolve("streams.log");
        Process streams = start(dir, classPath, log, concat(new String[] {"streams"}, connect,
                new String[] {"--state-dir", dir.resolve("state").toString(), "--http-port", "-1"}));
        try {
            long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
            while (!Files.readString(log).contains("streams: RUNNING")) {
                assertThat(streams.isAlive() && System.nanoTime() < deadline).as(Files.readString(log)).isTrue();
                Thread.sleep(200);
            }
            Run consume = run(dir, classPath, concat(new String[] {"consume"}, connect, new String[] {"--exit-when-idle", "2"}));
            assertThat(consume.code()).as(consume.output()).isZero();
            assertThat(consume.output()).containsPattern("consume: read \\d+ records");
            Run alerts = run(dir, classPath, concat(new String[] {"alerts"}, connect));
            assertThat(alerts.code()).as(alerts.output()).isZero();
        } finally {
            streams.destroy(); // SIGTERM: the app closes cleanly and leaves its group
            assertThat(streams.waitFor(60, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(Files.readString(log)).contains("streams: stopped");
        Run reset = run(dir, classPath, concat(new String[] {"reset"}, connect, new String[] {"--dry-run"}));
        assertThat(reset.code()).as(reset.output()).isZero();
    }

    private static Process start(Path dir, String classPath, Path log, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx384m", "-Dorg.apache.avro.SERIALIZABLE_PACKAGES=io.riposte.avro", "-cp", classPath, "io.riposte.cli.Main"));
        command.addAll(Arrays.asList(args));
        return new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    private static Run run(Path dir, String classPath, String... args) throws Exception {
        Path log = Files.createTempFile(dir, args[0], ".log");
        Process p = start(dir, classPath, log, args);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as(args[0] + " finished").isTrue();
        return new Run(p.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
    }

    private static String[] concat(String[]... parts) {
        return Arrays.stream(parts).flatMap(Arrays::stream).toArray(String[]::new);
    }
}
