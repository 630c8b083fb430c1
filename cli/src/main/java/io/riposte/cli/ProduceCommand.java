package io.riposte.cli;

import io.riposte.producer.ArticleFiles;
import io.riposte.producer.ArticlePublisher;
import io.riposte.producer.ProduceSummary;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "produce", mixinStandardHelpOptions = true,
        description = {
            "Publish articles to the 'articles' topic: key = article id, value = Avro Article, timestamp = publication time.",
            "Reads the loose text format of scraped archives (optional ' date YYYY-MM-DD [URL]' first line), "
                    + "JSON Lines (.jsonl: id, url, published, title, body, outlet, language) and .gz of either.",
            "Rejected inputs get a one-line reason on stderr and a record on 'rejected-articles' with the reason in headers.",
            "",
            "Exit codes: 0 all published, 1 failed (unreachable broker or registry, missing path), 3 some inputs rejected."})
public class ProduceCommand implements Callable<Integer> {
    @Mixin
    ClientOptions client;

    @Parameters(arity = "1..*", paramLabel = "PATH",
            description = "Files or directories (walked recursively; hidden files skipped), or - for JSON Lines on stdin.")
    List<Path> paths = new ArrayList<>();

    @Option(names = "--max-bytes", paramLabel = "N", defaultValue = "1048576",
            description = "Largest article accepted, in bytes (one text file or one JSON line; default ${DEFAULT-VALUE}).")
    long maxBytes;

    @Option(names = "--exclude", paramLabel = "GLOB",
            description = "File names to leave out of directory walks, e.g. --exclude 'gold*.jsonl' (repeatable).")
    List<String> excludes = new ArrayList<>();

    @Override
    public Integer call() {
        ArticleFiles files = new ArticleFiles(maxBytes, excludes, Clock.systemUTC());
        files.expand(paths); // a missing path is an error before anything connects
        Map<String, Object> config = client.resolveRequired();
        client.ensureTopics(config);
        ProduceSummary summary = run(config, paths, files, System.out, System.err);
        return summary.exitCode();
    }

    static ProduceSummary run(Map<String, Object> config, List<Path> paths, ArticleFiles files, PrintStream out, PrintStream err) {
        ProduceSummary summary;
        try (ArticlePublisher publisher = new ArticlePublisher(config, err)) {
            summary = publisher.publish(paths, files);
        }
        (summary.failure() == null ? out : err).println("produce: " + summary);
        return summary;
    }
}
