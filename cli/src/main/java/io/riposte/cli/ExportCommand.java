package io.riposte.cli;

import io.riposte.cli.export.ExportFormat;
import io.riposte.cli.export.TopicSnapshot;
import io.riposte.config.KafkaClientConfig;
import io.riposte.mapping.AvroMapping;
import io.riposte.topics.Topics;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "export", mixinStandardHelpOptions = true,
        description = {
            "Write the current actions or chains, read from the compacted 'actions' and 'chains' topics (read_committed, "
                    + "to their end, tombstones applied), sorted by id, for event-data tools.",
            "plover: one JSON action per line under PLOVER's field names (id, date, source, target, event, mode, text); "
                    + "jsonl: the JSON contract (docs/json-contract.md); csv: the contract flattened to columns, with a header.",
            "Exit codes: 0 done, 1 failure, 3 some records could not be decoded (named on stderr)."})
public class ExportCommand implements Callable<Integer> {
    @Mixin
    ClientOptions client;

    @Option(names = "--format", paramLabel = "plover|jsonl|csv", defaultValue = "jsonl", description = "Output form (default ${DEFAULT-VALUE}).")
    String format;

    @Option(names = "--records", paramLabel = "actions|chains", defaultValue = "actions",
            description = "What to export (default ${DEFAULT-VALUE}); PLOVER has event records only, so chains go to jsonl or csv.")
    String records;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write to FILE instead of stdout.")
    Path output;

    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "PT60S", description = "Longest time to read a topic to its end (default ${DEFAULT-VALUE}).")
    Duration timeout;

    @Override
    public Integer call() throws IOException {
        ExportFormat fmt = ExportFormat.parse(format);
        boolean chains = switch (records.toLowerCase(Locale.ROOT)) {
            case "actions" -> false;
            case "chains" -> true;
            default -> throw new IllegalArgumentException("--records wants actions or chains, got '" + records + "'");
        };
        if (chains && fmt == ExportFormat.PLOVER) {
            throw new IllegalArgumentException("PLOVER records are events: export chains with --format jsonl or csv");
        }
        Map<String, Object> config = client.resolveRequired();
        Map<String, Object> kafka = KafkaClientConfig.kafkaOnly(config);
        List<String> problems = new ArrayList<>();
        List<String> lines = new ArrayList<>();
        if (chains) {
            TopicSnapshot.read(kafka, config, Topics.name(config, Topics.CHAINS), io.riposte.avro.Chain.class, timeout, problems::add)
                    .values().forEach(c -> lines.add(fmt.chain(AvroMapping.toDomain(c))));
        } else {
            TopicSnapshot.read(kafka, config, Topics.name(config, Topics.ACTIONS), io.riposte.avro.Action.class, timeout, problems::add)
                    .values().forEach(a -> lines.add(fmt.action(AvroMapping.toDomain(a))));
        }
        try (OutputStream os = output == null ? nonClosing(System.out) : Files.newOutputStream(output);
             PrintWriter out = new PrintWriter(new OutputStreamWriter(os, StandardCharsets.UTF_8))) {
            String header = fmt.header(chains);
            if (header != null) {
                out.println(header);
            }
            lines.forEach(out::println);
        }
        problems.forEach(System.err::println);
        System.err.printf("export: %d %s as %s%s%n", lines.size(), chains ? "chains" : "actions", fmt.name().toLowerCase(Locale.ROOT),
                problems.isEmpty() ? "" : ", " + problems.size() + " unreadable");
        return problems.isEmpty() ? 0 : 3;
    }

    private static OutputStream nonClosing(OutputStream out) {
        return new java.io.FilterOutputStream(out) {
            @Override
            public void close() throws IOException {
                flush();
            }
        };
    }
}
