package io.riposte.cli.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A JVM's CPU time split by kind of thread, from {@code /proc/PID/task/TID/stat} (Linux only): the JIT compiler and
 * the garbage collector are not Java threads, so no in-JVM counter sees them, and on a short run they are a large
 * share of what the process costs. Threads are told apart by the kernel's thread name (the first 15 characters of the
 * JVM's), which names the compiler and GC threads unambiguously; everything else is the application's.
 */
final class ThreadCpu {
    /** Kinds, in report order. */
    static final String APP = "application";
    static final String JIT = "jit_compiler";
    static final String GC = "gc_and_vm";
    static final String CLIENT_IO = "kafka_producer_io";

    // USER_HZ: 100 on every Linux the JDK supports (the kernel exports times in these ticks whatever CONFIG_HZ is).
    private static final double TICKS_PER_SECOND = 100.0;

    private ThreadCpu() {}

    /** Seconds of CPU (user + system) by kind for the threads alive now; empty where /proc is not readable. */
    static Map<String, Double> of(long pid) {
        return of(Path.of("/proc", Long.toString(pid), "task"));
    }

    static Map<String, Double> of(Path taskDir) {
        Map<String, Double> seconds = new LinkedHashMap<>();
        for (String kind : new String[] {APP, JIT, GC, CLIENT_IO}) {
            seconds.put(kind, 0.0);
        }
        try (Stream<Path> tasks = Files.list(taskDir)) {
            for (Path task : (Iterable<Path>) tasks::iterator) {
                String stat;
                try {
                    stat = Files.readString(task.resolve("stat"));
                } catch (IOException gone) {
                    continue; // the thread ended between the listing and the read
                }
                int open = stat.indexOf('(');
                int close = stat.lastIndexOf(')'); // a thread name may itself hold parentheses
                if (open < 0 || close < open) {
                    continue;
                }
                // After the name: state (field 3), ..., utime (14), stime (15).
                String[] fields = stat.substring(close + 2).trim().split("\\s+");
                if (fields.length < 13) {
                    continue;
                }
                double cpu = (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / TICKS_PER_SECOND;
                seconds.merge(kind(stat.substring(open + 1, close)), cpu, Double::sum);
            }
        } catch (IOException | RuntimeException e) {
            return Map.of();
        }
        return seconds;
    }

    static String kind(String name) {
        if (name.startsWith("C1 CompilerThre") || name.startsWith("C2 CompilerThre")) {
            return JIT;
        }
        if (name.startsWith("GC Thread") || name.startsWith("G1 ") || name.equals("VM Thread")) {
            return GC;
        }
        if (name.startsWith("kafka-producer-")) {
            return CLIENT_IO;
        }
        return APP;
    }
}
