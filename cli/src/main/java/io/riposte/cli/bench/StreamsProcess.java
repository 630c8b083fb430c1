package io.riposte.cli.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.riposte.local.ChildJvm;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The Streams app ({@code riposte streams}) in its own JVM, so that its heap and RSS are its own and
 * not the broker's; read through its HTTP endpoints ({@code /health} for state and counters,
 * {@code /metrics} for the heap) and {@code /proc}.
 */
final class StreamsProcess implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Process process;
    private final Path log;
    private final int port;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private StreamsProcess(Process process, Path log, int port) {
        this.process = process;
        this.log = log;
        this.port = port;
    }

    /**
     * Starts {@code riposte streams} against the cluster and waits until it answers RUNNING on /health.
     *
     * @param workDir the instance's own directory: its state dir ({@code state}) and log ({@code streams.log}) go there
     * @param properties Streams and Riposte properties passed with {@code -X} (num.stream.threads, riposte.topic.prefix, ...)
     */
    static StreamsProcess start(String bootstrap, String registryUrl, Path workDir, String heap, List<String> jvmOptions,
            Map<String, String> properties, Duration startupTimeout) throws InterruptedException {
        StreamsProcess s = launch(bootstrap, registryUrl, workDir, heap, jvmOptions, properties, startupTimeout);
        s.awaitRunningOrClose(startupTimeout);
        return s;
    }

    /** As {@link #start}, without waiting: several instances boot in parallel, then each is awaited. */
    static StreamsProcess launch(String bootstrap, String registryUrl, Path workDir, String heap, List<String> jvmOptions,
            Map<String, String> properties, Duration startupTimeout) {
        int port = freePort();
        List<String> jvm = new ArrayList<>();
        jvm.add("-Xmx" + heap);
        jvm.addAll(jvmOptions);
        List<String> args = new ArrayList<>(List.of("io.riposte.cli.Main", "streams",
                "--bootstrap-servers", bootstrap, "--registry-url", registryUrl,
                "--state-dir", workDir.resolve("state").toString(), "--http-port", Integer.toString(port),
                "--startup-timeout", Long.toString(startupTimeout.toSeconds())));
        properties.forEach((k, v) -> {
            args.add("-X");
            args.add(k + "=" + v);
        });
        try {
            Files.createDirectories(workDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + workDir, e);
        }
        Path log = workDir.resolve("streams.log");
        // Not in its own session: a Ctrl-C on the bench stops the Streams app too.
        Process p = new ChildJvm(jvm, args, false).start(workDir, log);
        return new StreamsProcess(p, log, port);
    }

    /** Waits for RUNNING; on failure stops the process and rethrows. */
    void awaitRunningOrClose(Duration timeout) throws InterruptedException {
        try {
            awaitRunning(timeout);
        } catch (RuntimeException | InterruptedException e) {
            close();
            throw e;
        }
    }

    private void awaitRunning(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        String last = "no answer";
        while (System.nanoTime() < deadline) {
            requireAlive();
            try {
                JsonNode health = health();
                last = "state " + health.path("state").asText();
                if ("RUNNING".equals(health.path("state").asText())) {
                    return;
                }
            } catch (UncheckedIOException e) {
                last = e.getCause().getMessage();
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("the Streams app was not RUNNING after " + timeout.toSeconds() + " s (" + last
                + "); its log: " + log + "\n" + logTail(20));
    }

    /** Fails with the end of the child's log when it has exited. */
    void requireAlive() {
        if (!process.isAlive()) {
            throw failure("exited");
        }
    }

    /**
     * Why the app cannot be asked: it exited (perhaps just now, so give it a few seconds to finish),
     * or it runs and does not answer. With the end of its log either way.
     */
    IllegalStateException failure(String what) {
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        String state = process.isAlive() ? "runs but " + what : "exited with code " + process.exitValue();
        return new IllegalStateException("the Streams app " + state + "; its log: " + log + "\n" + logTail(30));
    }

    long pid() {
        return process.pid();
    }

    Path log() {
        return log;
    }

    int port() {
        return port;
    }

    /** The /health body: {@code state} and the topology's {@code counters}. */
    JsonNode health() {
        try {
            return JSON.readTree(get("/health"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One counter of /health ({@code articles_processed}, {@code mentions_correlated}, ...). */
    long counter(String name) {
        return health().path("counters").path(name).asLong();
    }

    /** Heap in use right after a full collection ({@code jcmd PID GC.run}, then /metrics). */
    long heapUsedAfterGc() throws InterruptedException {
        jcmd("GC.run");
        return heapUsed();
    }

    /** Heap in use now: the sum of {@code jvm_memory_used_bytes{area="heap"}} on /metrics. */
    long heapUsed() {
        return (long) Metrics.sum(get("/metrics"), "jvm_memory_used_bytes", "area=\"heap\"");
    }

    /** CPU time the Streams JVM has used so far (user + system), in seconds; -1 when the OS does not say. */
    double cpuSeconds() {
        return cpuSeconds(process.toHandle());
    }

    /** {@link #cpuSeconds()} split by kind of thread ({@link ThreadCpu}), threads alive now; empty off Linux. */
    Map<String, Double> cpuByThreadKind() {
        return ThreadCpu.of(process.pid());
    }

    static double cpuSeconds(ProcessHandle p) {
        return p.info().totalCpuDuration().map(d -> d.toNanos() / 1e9).orElse(-1.0);
    }

    long rssBytes() {
        return ProcStatus.rssBytes(process.pid());
    }

    long peakRssBytes() {
        return ProcStatus.peakRssBytes(process.pid());
    }

    /** Runs {@code jcmd PID <command>} (JFR.start, GC.run, ...) and returns its output. */
    String jcmd(String... command) throws InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString());
        cmd.add(Long.toString(process.pid()));
        cmd.addAll(List.of(command));
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException("jcmd " + String.join(" ", command) + " did not finish in 60 s");
            }
            return new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + cmd, e);
        }
    }

    private String get(String path) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(10)).build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString()).body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    String logTail(int lines) {
        try {
            List<String> all = Files.readAllLines(log);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(cannot read " + log + ": " + e.getMessage() + ")";
        }
    }

    boolean alive() {
        return process.isAlive();
    }

    /** SIGTERM without waiting. */
    void requestStop() {
        process.destroy();
    }

    /** SIGTERM (a clean exactly-once shutdown), then SIGKILL after 60 s. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port on 127.0.0.1", e);
        }
    }

    /** Prometheus text format: sums the samples of one metric whose labels contain a given label. */
    static final class Metrics {
        private Metrics() {}

        static double sum(String text, String metric, String label) {
            double total = 0;
            for (String line : text.split("\n")) {
                if (line.startsWith(metric + "{") && line.contains(label)) {
                    total += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
                }
            }
            return total;
        }
    }

    /** {@code VmRSS} and {@code VmHWM} of /proc/PID/status (Linux only; -1 elsewhere). */
    static final class ProcStatus {
        private ProcStatus() {}

        static long rssBytes(long pid) {
            return field(pid, "VmRSS:");
        }

        static long peakRssBytes(long pid) {
            return field(pid, "VmHWM:");
        }

        private static long field(long pid, String name) {
            try {
                for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                    if (line.startsWith(name)) {
                        return Long.parseLong(line.substring(name.length()).trim().split("\\s+")[0]) * 1024;
                    }
                }
            } catch (IOException | UncheckedIOException | NumberFormatException e) {
                return -1;
            }
            return -1;
        }
    }
}
