package io.riposte.reliability;

import io.riposte.local.ChildJvm;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@code riposte streams} in a JVM of its own (so it can be SIGKILLed), on our class path, output
 * appended to one log file across restarts.
 */
final class StreamsJvm implements AutoCloseable {
    /** What {@code StreamsCommand} prints once the app is RUNNING. */
    private static final String RUNNING = "streams: RUNNING";
    /** Exit status of a process killed by SIGKILL (128 + 9). */
    static final int SIGKILL_EXIT = 137;

    private final List<String> args;
    private final Path workDir;
    private final Path log;
    private Process process;
    private long logOffset;
    private long startedNanos;
    private int starts;

    /**
     * @param properties extra {@code -X key=value} settings (commit interval, session timeout)
     */
    StreamsJvm(String bootstrap, String registryUrl, Path stateDir, Path workDir, List<String> properties) {
        this(bootstrap, registryUrl, stateDir, workDir, properties, -1);
    }

    /** @param httpPort the query server's port on 127.0.0.1 (-1: none) */
    StreamsJvm(String bootstrap, String registryUrl, Path stateDir, Path workDir, List<String> properties, int httpPort) {
        List<String> a = new ArrayList<>(List.of("io.riposte.cli.Main", "streams", "--bootstrap-servers", bootstrap,
                "--registry-url", registryUrl, "--state-dir", stateDir.toString(), "--http-port", Integer.toString(httpPort)));
        for (String p : properties) {
            a.add("-X");
            a.add(p);
        }
        this.args = List.copyOf(a);
        this.workDir = workDir;
        this.log = workDir.resolve("streams.log");
        try {
            Files.createDirectories(workDir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void start() {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException("already running: pid " + process.pid());
        }
        try {
            logOffset = Files.exists(log) ? Files.size(log) : 0;
            Files.writeString(log, "==== start " + (++starts) + "\n", StandardCharsets.UTF_8,
                    java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // Not in its own session: the pid we hold is the JVM itself, so destroyForcibly() hits it and no wrapper.
        startedNanos = System.nanoTime();
        process = new ChildJvm(List.of("-Xmx1g", "-Driposte.reliability.child=streams"), args, false).start(workDir, log);
    }

    /**
     * Waits until this start printed RUNNING and returns the seconds since the start; throws with the log's
     * tail if the JVM exits or time runs out.
     */
    double awaitRunning(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!sinceStart().contains(RUNNING)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the Streams JVM exited with " + process.exitValue() + " before RUNNING:\n" + tail());
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the Streams JVM is not RUNNING after " + timeout + ":\n" + tail());
            }
            Thread.sleep(100);
        }
        return (System.nanoTime() - startedNanos) / 1e9;
    }

    /** SIGKILL (what {@link Process#destroyForcibly()} sends on Linux); returns the exit status seen. */
    int kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("pid " + process.pid() + " survived SIGKILL for 30 s");
        }
        return process.exitValue();
    }

    /** SIGTERM and wait for the clean shutdown; returns the exit status. */
    int stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(90, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            throw new IllegalStateException("the Streams JVM did not stop within 90 s of SIGTERM:\n" + tail());
        }
        return process.exitValue();
    }

    boolean alive() {
        return process != null && process.isAlive();
    }

    int exitValue() {
        return process.exitValue();
    }

    Path log() {
        return log;
    }

    /** What this start has logged so far. */
    String sinceStart() {
        try {
            byte[] all = Files.readAllBytes(log);
            return new String(all, (int) Math.min(logOffset, all.length), (int) Math.max(0, all.length - logOffset), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    String tail() {
        String s = sinceStart();
        return s.substring(Math.max(0, s.length() - 4000));
    }

    @Override
    public void close() {
        if (process != null && process.isAlive()) {
            process.destroyForcibly();
            try {
                process.waitFor(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
