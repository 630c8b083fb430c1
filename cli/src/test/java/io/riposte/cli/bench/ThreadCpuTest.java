package io.riposte.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ThreadCpuTest {
    /** One line of /proc/PID/task/TID/stat with the given name and user/system ticks (fields 14 and 15). */
    private static void task(Path dir, int tid, String name, long user, long system) throws IOException {
        Path t = Files.createDirectories(dir.resolve(Integer.toString(tid)));
        Files.writeString(t.resolve("stat"), tid + " (" + name + ") S 1 1 1 0 -1 4194624 100 0 0 0 " + user + " " + system
                + " 0 0 20 0 30 0 12345 0 0\n");
    }

    @Test
    void splitsTheTicksOfEachThreadByItsKind(@TempDir Path dir) throws IOException {
        task(dir, 11, "C2 CompilerThre", 1200, 30);
        task(dir, 12, "C1 CompilerThre", 100, 0);
        task(dir, 13, "GC Thread#0", 400, 50);
        task(dir, 14, "G1 Conc#0", 20, 5);
        task(dir, 15, "VM Thread", 10, 0);
        task(dir, 16, "riposte-streams", 5000, 250);
        task(dir, 17, "kafka-producer-", 300, 200);
        task(dir, 18, "odd (name) x", 7, 3); // a name with parentheses and spaces
        Files.createDirectories(dir.resolve("19")); // a thread that ended before its stat was read

        Map<String, Double> cpu = ThreadCpu.of(dir);

        assertThat(cpu.get(ThreadCpu.JIT)).isCloseTo(13.30, within(1e-9));
        assertThat(cpu.get(ThreadCpu.GC)).isCloseTo(4.85, within(1e-9));
        assertThat(cpu.get(ThreadCpu.CLIENT_IO)).isCloseTo(5.00, within(1e-9));
        assertThat(cpu.get(ThreadCpu.APP)).isCloseTo(52.60, within(1e-9));
        assertThat(cpu).containsOnlyKeys(ThreadCpu.APP, ThreadCpu.JIT, ThreadCpu.GC, ThreadCpu.CLIENT_IO);
    }

    @Test
    void aProcessWithoutProcIsNoFigureRatherThanZero(@TempDir Path dir) {
        assertThat(ThreadCpu.of(dir.resolve("missing"))).isEmpty();
    }

    @Test
    void readsThisJvm() {
        Path self = Path.of("/proc", Long.toString(ProcessHandle.current().pid()), "task");
        Assumptions.assumeTrue(Files.isDirectory(self), "no /proc here (not Linux)");
        double burnt = 0;
        for (int i = 0; i < 2_000_000; i++) {
            burnt += Math.sqrt(i);
        }
        Map<String, Double> cpu = ThreadCpu.of(ProcessHandle.current().pid());
        assertThat(burnt).isPositive();
        assertThat(cpu.get(ThreadCpu.APP)).isPositive();
        double total = cpu.values().stream().mapToDouble(Double::doubleValue).sum();
        // The threads alive now cannot have used more than the whole process.
        assertThat(total).isLessThanOrEqualTo(StreamsProcess.cpuSeconds(ProcessHandle.current()) + 0.05);
    }
}
