package io.riposte.cli;

import io.riposte.avro.Alert;
import io.riposte.consumer.AlertFilter;
import io.riposte.consumer.AlertFormat;
import io.riposte.consumer.AlertTail;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Function;
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

    @Option(names = "--type", paramLabel = "TYPE", split = ",",
            description = "Only these alert types (repeatable or comma-separated), e.g. ESCALATION,THREAT.")
    List<String> types = new ArrayList<>();

    @Option(names = "--since", paramLabel = "WHEN",
            description = "Only alerts appended since WHEN: an instant (2026-03-01T12:00:00Z), a day (2026-03-01, from 00:00 UTC) "
                    + "or a duration back from now (PT6H, P2D).")
    String since;

    @Option(names = {"-o", "--output"}, paramLabel = "text|json", defaultValue = "text",
            description = "text: one line per alert; json: one JSON object per line, the alert in the JSON contract "
                    + "(docs/json-contract.md). Default ${DEFAULT-VALUE}.")
    String output;

    @Override
    public Integer call() {
        AlertFilter filter = AlertFilter.parse(dyad, minSeverity, types);
        Instant from = AlertOutput.since(since, Instant.now());
        Function<Alert, String> render = AlertOutput.renderer(output, AlertFormat.colourOnThisTerminal());
        Map<String, Object> config = client.resolveRequired();
        PrintStream out = System.out;
        AlertTail tail = new AlertTail(config);
        // Ctrl-C on --follow: stop the reader and let the summary out before the JVM halts.
        try (ShutdownGuard guard = ShutdownGuard.install("riposte-alerts-shutdown", () -> tail.close(), Duration.ofSeconds(10))) {
            AlertTail.Result r = tail.run(follow, from, filter, a -> out.println(render.apply(a)), System.err::println);
            out.flush();
            System.err.printf("alerts: %d shown of %d read%s%n", r.shown(), r.read(),
                    r.unreadable() == 0 ? "" : ", " + r.unreadable() + " unreadable");
            return r.unreadable() == 0 ? 0 : 1;
        }
    }
}
