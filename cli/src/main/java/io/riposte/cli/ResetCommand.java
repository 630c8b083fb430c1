package io.riposte.cli;

import io.riposte.producer.StreamsReset;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "reset", mixinStandardHelpOptions = true,
        description = {
            "Rewind the Streams application so it reprocesses everything: its committed offsets on the input topics go "
                    + "back to the start and its internal topics (repartition, changelog) are deleted, by Kafka's own "
                    + "application reset tool (kafka-streams-application-reset).",
            "Stop every 'riposte streams' instance first, and delete its local state (the state.dir) before restarting it.",
            "Asks for confirmation unless --yes; without a terminal, --yes is required.",
            "",
            "Example: riposte reset -b localhost:9092 --yes"})
public class ResetCommand implements Callable<Integer> {
    @Mixin
    ClientOptions client;

    @Spec
    CommandSpec spec;

    @Option(names = "--application-id", paramLabel = "ID", defaultValue = StreamsReset.DEFAULT_APPLICATION_ID,
            description = "Streams application.id to reset (default ${DEFAULT-VALUE}), behind riposte.topic.prefix "
                    + "as 'riposte streams' runs it.")
    String applicationId;

    @Option(names = "--input-topics", paramLabel = "TOPIC", split = ",",
            description = "Input topics to rewind, as named on the cluster (default: articles, behind riposte.topic.prefix).")
    List<String> inputTopics;

    @Option(names = "--dry-run", description = "Show what the tool would do, change nothing.")
    boolean dryRun;

    @Option(names = "--yes", description = "Do not ask for confirmation.")
    boolean yes;

    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "PT15S",
            description = "Bound on every broker call (ISO-8601, default ${DEFAULT-VALUE}).")
    Duration timeout;

    @Override
    public Integer call() throws Exception {
        Map<String, Object> config = client.resolve();
        if (config.get(io.riposte.cli.config.RiposteConfig.BOOTSTRAP_SERVERS) != null) {
            // A secured cluster refusing our settings is said as such, not as a broker that does not answer.
            io.riposte.cli.config.ClusterCheck.securityMatches(config);
        }
        applicationId = io.riposte.topics.Topics.prefixedOnce(config, applicationId);
        if (inputTopics == null) {
            inputTopics = StreamsReset.DEFAULT_INPUT_TOPICS.stream().map(t -> io.riposte.topics.Topics.name(config, t)).toList();
        }
        PrintWriter err = spec.commandLine().getErr();
        if (!dryRun && !yes) {
            if (System.console() == null) {
                err.println("riposte reset: refusing to reset '" + applicationId + "' without a terminal to confirm on: add --yes");
                err.flush();
                return 1;
            }
            if (!confirm(new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)), err)) {
                err.println("riposte reset: nothing done");
                err.flush();
                return 1;
            }
        }
        return StreamsReset.run(config, applicationId, inputTopics, dryRun, timeout);
    }

    boolean confirm(BufferedReader in, PrintWriter err) throws java.io.IOException {
        List<String> inputs = inputTopics == null ? StreamsReset.DEFAULT_INPUT_TOPICS : inputTopics;
        err.print("Reset Streams application '" + applicationId + "' (input " + String.join(",", inputs)
                + " back to the start, internal topics deleted)? [y/N] ");
        err.flush();
        String answer = in.readLine();
        return answer != null && List.of("y", "yes").contains(answer.strip().toLowerCase(Locale.ROOT));
    }
}
