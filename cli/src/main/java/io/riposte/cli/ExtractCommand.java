package io.riposte.cli;

import io.riposte.correlation.Correlation;
import io.riposte.domain.Article;
import io.riposte.domain.ExtractedAction;
import io.riposte.domain.input.ArticleFormatException;
import io.riposte.domain.input.ArticleParser;
import io.riposte.domain.scoring.PredictedAction;
import io.riposte.domain.scoring.ScoringFiles;
import io.riposte.extraction.ExtractionResult;
import io.riposte.extraction.Extractor;
import io.riposte.extraction.Extractors;
import io.riposte.extraction.Predictions;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "extract", mixinStandardHelpOptions = true,
        description = {
            "Extract the actions that articles report and print them as JSON Lines in the \"Predicted actions\" format "
                    + "of EVALUATION.md: one line per action per article (no Kafka needed).",
            "Reads the loose text format (.txt, optional ' date YYYY-MM-DD [URL]' first line) and JSON Lines (.jsonl); "
                    + "directories are walked, gold*.jsonl and chains*.jsonl are skipped.",
            "Unreadable or rejected articles get a one-line reason on stderr.",
            "",
            "Exit codes: 0 done, 1 bad usage or missing path, 3 some inputs could not be read."})
public class ExtractCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "FILE|DIR", description = "Article files or directories.")
    List<Path> paths = new ArrayList<>();

    @Option(names = "--correlate", description = "Merge mentions across articles, link responses and build chains with the correlation core (adds responds_to and chain_id).")
    boolean correlate;

    @Option(names = "--all-modalities", description = "Also print negated and hypothetical actions (dropped by default).")
    boolean allModalities;

    @Override
    public Integer call() {
        Extractor extractor = allModalities ? Extractors.withAllModalities() : Extractors.standard();
        Loaded loaded = load(paths, System.err);
        List<PredictedAction> predictions = predict(extractor, loaded.articles(), correlate, System.err);
        PrintStream out = System.out;
        for (PredictedAction p : predictions) {
            out.println(ScoringFiles.toJson(p).toString());
        }
        out.flush();
        return loaded.failures() > 0 ? 3 : 0;
    }

    /** Articles read from paths, and how many inputs could not be read. */
    record Loaded(List<Article> articles, int failures) {}

    static List<PredictedAction> predict(Extractor extractor, List<Article> articles, boolean correlate, PrintStream err) {
        List<ExtractedAction> actions = new ArrayList<>();
        for (Article a : articles) {
            ExtractionResult r = extractor.extract(a);
            if (r.status() == ExtractionResult.Status.REJECTED) {
                err.println("extract: " + a.origin() + ": rejected: " + r.reason());
            }
            actions.addAll(r.actions());
        }
        if (correlate) {
            // The same correlation core as the topology, over in-memory stores.
            return Correlation.predict(actions);
        }
        return actions.stream().map(Predictions::of).toList();
    }

    /** Reads every article under the paths; a missing path is an error, an unreadable file a warning. */
    static Loaded load(List<Path> paths, PrintStream err) {
        List<Path> files = new ArrayList<>();
        for (Path p : paths) {
            if (!Files.exists(p)) {
                throw new IllegalArgumentException("no such file or directory: " + p);
            }
            if (Files.isDirectory(p)) {
                try (Stream<Path> s = Files.walk(p)) {
                    s.filter(Files::isRegularFile).filter(f -> !f.getFileName().toString().startsWith(".")).sorted().forEach(files::add);
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot read directory " + p, e);
                }
            } else {
                files.add(p);
            }
        }
        List<Article> articles = new ArrayList<>();
        int failures = 0;
        Instant now = Instant.now();
        for (Path f : files) {
            String name = f.getFileName().toString();
            boolean jsonl = name.endsWith(".jsonl");
            if (jsonl && (name.startsWith("gold") || name.startsWith("chains"))) {
                continue;
            }
            if (!jsonl && !name.endsWith(".txt")) {
                continue;
            }
            try {
                String text = ArticleParser.decode(Files.readAllBytes(f), name);
                if (jsonl) {
                    int n = 0;
                    for (String line : text.split("\n")) {
                        n++;
                        if (line.isBlank()) {
                            continue;
                        }
                        try {
                            articles.add(ArticleParser.parseJson(line, name + ":" + n, now));
                        } catch (ArticleFormatException e) {
                            failures++;
                            err.println("extract: skipped " + e.getMessage());
                        }
                    }
                } else {
                    articles.add(ArticleParser.parseText(text, name, now));
                }
            } catch (ArticleFormatException e) {
                failures++;
                err.println("extract: skipped " + e.getMessage());
            } catch (IOException e) {
                failures++;
                err.println("extract: skipped " + f + ": cannot read (" + e.getMessage() + ")");
            }
        }
        return new Loaded(articles, failures);
    }
}
