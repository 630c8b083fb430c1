package io.riposte.cli;

import io.riposte.consumer.AlertFilter;
import io.riposte.consumer.WebhookDelivery;
import io.riposte.consumer.WebhookNotifier;
import io.riposte.topics.Topics;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "notify", mixinStandardHelpOptions = true,
        description = {
            "POST each committed alert of the 'alerts' topic (read_committed) to a webhook, at least once, with the alert id "
                    + "as the Idempotency-Key header; retries with exponential backoff, and parks an alert it could not deliver "
                    + "after --max-attempts on '" + Topics.NOTIFY_DEAD_LETTERS + "' with the reason in headers.",
            "Offsets are committed (consumer group --group) only once an alert is delivered or parked: a restart resumes "
                    + "where the last run stopped. Runs until interrupted, or with --exit-when-idle until caught up and quiet.",
            "Exit codes: 0 every alert delivered or filtered out, 1 failure, 3 some alerts parked."})
public class NotifyCommand implements Callable<Integer> {
    @Mixin
    ClientOptions client;

    @Option(names = "--webhook", required = true, paramLabel = "URL", description = "http:// or https:// URL receiving a POST per alert.")
    URI webhook;

    @Option(names = "--format", paramLabel = "json|slack", defaultValue = "json",
            description = "json: the alert in the JSON contract (docs/json-contract.md); slack: an incoming-webhook message {\"text\": ...}. Default ${DEFAULT-VALUE}.")
    String format;

    @Option(names = "--dyad", paramLabel = "A-B", description = "Only this pair of states, in either order.")
    String dyad;

    @Option(names = "--type", paramLabel = "TYPE", split = ",",
            description = "Only these alert types (repeatable or comma-separated), e.g. ESCALATION,THREAT_CARRIED_OUT.")
    List<String> types = new ArrayList<>();

    @Option(names = "--min-severity", paramLabel = "S", description = "Only alerts at least this hostile: low, medium (4), high (7) or 0-10.")
    String minSeverity;

    @Option(names = "--max-attempts", paramLabel = "N", defaultValue = "5", description = "Tries per alert before parking it (default ${DEFAULT-VALUE}).")
    int maxAttempts;

    @Option(names = "--backoff", paramLabel = "DURATION", defaultValue = "PT1S",
            description = "Wait after the first failed try, doubled after each further one (default ${DEFAULT-VALUE}).")
    Duration backoff;

    @Option(names = "--max-backoff", paramLabel = "DURATION", defaultValue = "PT30S", description = "Longest wait between tries (default ${DEFAULT-VALUE}).")
    Duration maxBackoff;

    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "PT10S", description = "Connect and answer timeout of each try (default ${DEFAULT-VALUE}).")
    Duration timeout;

    @Option(names = "--group", paramLabel = "ID", defaultValue = WebhookNotifier.DEFAULT_GROUP,
            description = "Consumer group holding the committed position; one per webhook (default ${DEFAULT-VALUE}).")
    String group;

    @Option(names = "--exit-when-idle", paramLabel = "SECONDS", description = "Stop once every committed alert is settled and nothing new came for this long.")
    Integer exitWhenIdle;

    @Override
    public Integer call() {
        WebhookNotifier.Format fmt = switch (format.toLowerCase(Locale.ROOT)) {
            case "json" -> WebhookNotifier.Format.JSON;
            case "slack" -> WebhookNotifier.Format.SLACK;
            default -> throw new IllegalArgumentException("--format wants json or slack, got '" + format + "'");
        };
        AlertFilter filter = AlertFilter.parse(dyad, minSeverity, types);
        WebhookDelivery delivery = new WebhookDelivery(webhook, maxAttempts, backoff, maxBackoff, timeout);
        Map<String, Object> config = client.resolveRequired();
        client.ensureTopics(config);
        WebhookNotifier notifier = new WebhookNotifier(config, group, fmt, filter, delivery);
        // Ctrl-C: stop between alerts (the one in hand stays uncommitted) and let the summary out.
        try (ShutdownGuard guard = ShutdownGuard.install("riposte-notify-shutdown", () -> notifier.close(), Duration.ofSeconds(15))) {
            System.err.println("notify: delivering to " + webhook.getScheme() + "://" + webhook.getHost()
                    + (webhook.getPort() < 0 ? "" : ":" + webhook.getPort()) + " as group " + group);
            WebhookNotifier.Result r = notifier.run(exitWhenIdle == null ? null : Duration.ofSeconds(exitWhenIdle), System.err::println);
            System.err.printf("notify: read %d, delivered %d, filtered out %d, parked %d%s%n", r.read(), r.delivered(), r.filtered(),
                    r.parked(), r.parkedBy().isEmpty() ? "" : " " + r.parkedBy());
            return r.parked() == 0 ? 0 : 3;
        }
    }
}
