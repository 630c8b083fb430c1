package io.riposte.cli.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The instances of one Streams application in the bench: N {@code riposte streams} JVMs sharing one
 * {@code application.id}, each with its own state dir ({@code instance-I/state}), log and query port.
 * Counters and CPU are summed over the instances; a failure names the instance and shows its log.
 */
final class StreamsGroup implements AutoCloseable {
    private final List<StreamsProcess> instances;

    private StreamsGroup(List<StreamsProcess> instances) {
        this.instances = List.copyOf(instances);
    }

    /**
     * Boots {@code n} instances in parallel, waits until each is RUNNING, then until the group has
     * handed out every task exactly once ({@code expectedTasks}: sub-topologies x partitions), so a
     * phase never starts in the middle of the rebalances that the joins cause.
     */
    static StreamsGroup start(int n, String bootstrap, String registryUrl, Path workDir, String heap, List<String> jvmOptions,
            Map<String, String> properties, Duration startupTimeout, int expectedTasks) throws InterruptedException {
        List<StreamsProcess> started = new ArrayList<>();
        try {
            for (int i = 1; i <= n; i++) {
                started.add(StreamsProcess.launch(bootstrap, registryUrl, workDir.resolve("instance-" + i), heap, jvmOptions,
                        properties, startupTimeout));
            }
            for (StreamsProcess s : started) {
                s.awaitRunningOrClose(startupTimeout);
            }
            StreamsGroup group = new StreamsGroup(started);
            group.awaitAssigned(expectedTasks, startupTimeout);
            return group;
        } catch (RuntimeException | InterruptedException e) {
            started.forEach(StreamsProcess::close);
            throw e;
        }
    }

    private void awaitAssigned(int expectedTasks, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        String last = "no answer";
        while (System.nanoTime() < deadline) {
            requireAlive();
            int total = 0;
            Set<String> distinct = new HashSet<>();
            boolean running = true;
            for (StreamsProcess s : instances) {
                JsonNode health = s.health();
                running &= "RUNNING".equals(health.path("state").asText());
                for (JsonNode t : health.path("instance").path("active_tasks")) {
                    distinct.add(t.asText());
                    total++;
                }
            }
            last = "tasks " + distinct + (running ? "" : ", not all RUNNING");
            if (running && total == expectedTasks && distinct.size() == expectedTasks) {
                return;
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("the " + instances.size() + " Streams instances did not share the " + expectedTasks
                + " tasks within " + timeout.toSeconds() + " s (" + last + ")");
    }

    List<StreamsProcess> instances() {
        return instances;
    }

    /** Fails with the log of the first instance that exited. */
    void requireAlive() {
        instances.forEach(StreamsProcess::requireAlive);
    }

    /** The /health counters summed over the instances. */
    Map<String, Long> counters() {
        Map<String, Long> sum = new TreeMap<>();
        for (StreamsProcess s : instances) {
            s.health().path("counters").fields().forEachRemaining(e -> sum.merge(e.getKey(), e.getValue().asLong(), Long::sum));
        }
        return sum;
    }

    /** Per instance, in instance order: what it ran (tasks, by thread) and its counters. */
    List<JsonNode> health() {
        return instances.stream().map(StreamsProcess::health).toList();
    }

    /** CPU seconds by kind of thread, summed over the instances (threads alive now). */
    Map<String, Double> cpuByThreadKind() {
        Map<String, Double> sum = new java.util.LinkedHashMap<>();
        instances.forEach(s -> s.cpuByThreadKind().forEach((kind, seconds) -> sum.merge(kind, seconds, Double::sum)));
        return sum;
    }

    double[] cpuSecondsEach() {
        return instances.stream().mapToDouble(StreamsProcess::cpuSeconds).toArray();
    }

    /** Why the group cannot be asked, with the log of the instance concerned (the first that exited, else the first). */
    IllegalStateException failure(String what) {
        StreamsProcess culprit = instances.stream().filter(s -> !s.alive()).findFirst().orElse(instances.get(0));
        return culprit.failure(what);
    }

    String logs() {
        return instances.stream().map(s -> s.log().toString()).toList().toString();
    }

    String logTail(int lines) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < instances.size(); i++) {
            sb.append(instances.size() > 1 ? "-- instance " + (i + 1) + "\n" : "").append(instances.get(i).logTail(lines)).append('\n');
        }
        return sb.toString();
    }

    /** Stops every instance at once (SIGTERM, a clean exactly-once shutdown each), then waits for each. */
    @Override
    public void close() {
        instances.forEach(StreamsProcess::requestStop);
        instances.forEach(StreamsProcess::close);
    }
}
