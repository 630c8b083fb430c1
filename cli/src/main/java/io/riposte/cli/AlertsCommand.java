package io.riposte.cli;

import io.riposte.consumer.AlertFilter;
import io.riposte.consumer.AlertFormat;
import io.riposte.consumer.AlertTail;
import java.io.PrintStream;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "alerts", mixinStandardHelpOptions = true,
        description = {
            "Print the alerts on the 'alerts' topic (read_committed), one line each: type, dyad, date, severity, summary.",
            "Coloured by severity on a terminal (red high, yellow medium, green de-escalation), plain when piped.",
            "Without --follow it prints what is committed now and exits; with --follow it keeps waiting for new ones."})
public class AlertsCommand implements Callable<Integer> {
    @Mixin
    ClientOptions client;

    @Option(names = {"-f", "--follow"}, description = "Keep running and print new alerts as they are committed.")
    boolean follow;

    @Option(names = "--dyad", paramLabel = "A-B", description = "Only this pair of states, in either order (e.g. USA-RUS).")
    String dyad;

    @Option(names = "--min-severity", paramLabel = "S",
            description = "Only alerts at least this hostile: low, medium (4), high (7) or a number 0-10 "
                    + "(Goldstein magnitude; -7 and 7 mean the same).")
    String minSeverity;

    @Override
    public Integer call() {
        AlertFilter filter = AlertFilter.parse(dyad, minSeverity);
        Map<String, Object> config = client.resolveRequired();
        PrintStream out = System.out;
        boolean colour = System.console() != null && !"dumb".equals(System.getenv("TERM"));
        AlertTail tail = new AlertTail(config);
        CountDownLatch finished = new CountDownLatch(1);
        // Ctrl-C on --follow: stop the reader and let the summary out before the JVM halts.
        Thread hook = new Thread(() -> {
            tail.close();
            try {
                finished.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "riposte-alerts-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            AlertTail.Result r = tail.run(follow, filter, a -> out.println(AlertFormat.line(a, colour)), System.err::println);
            out.flush();
            System.err.printf("alerts: %d shown of %d read%s%n", r.shown(), r.read(),
                    r.unreadable() == 0 ? "" : ", " + r.unreadable() + " unreadable");
            return r.unreadable() == 0 ? 0 : 1;
        } finally {
            finished.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException alreadyShuttingDown) {
                // the hook is running and waits for us
            }
        }
    }
}
