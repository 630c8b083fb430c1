package io.riposte.cli;

import io.riposte.correlation.BatchCorrelation;
import io.riposte.domain.Article;
import io.riposte.domain.ExtractedAction;
import io.riposte.evaluation.PredictedAction;
import io.riposte.evaluation.Predictions;
import io.riposte.evaluation.ScoringFiles;
import io.riposte.extraction.ExtractionResult;
import io.riposte.extraction.Extractor;
import io.riposte.extraction.Extractors;
import io.riposte.producer.ArticleFiles;
import io.riposte.producer.InputItem;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "extract", mixinStandardHelpOptions = true,
        description = {
            "Extract the actions that articles report and print them as JSON Lines in the \"Predicted actions\" format "
                    + "of ../shared/EVALUATION.md: one line per action per article (no Kafka needed).",
            "Reads what the producer reads: the loose text format (optional ' date YYYY-MM-DD [URL]' first line), "
                    + "JSON Lines (.jsonl) and .gz of either; directories are walked, gold*.jsonl, chains*.jsonl and *.md are skipped.",
            "Unreadable or rejected articles get a one-line reason on stderr.",
            "",
            "Exit codes: 0 done, 1 bad usage or missing path, 3 some inputs could not be read."})
public class ExtractCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "FILE|DIR", description = "Article files or directories.")
    List<Path> paths = new ArrayList<>();

    @Option(names = "--correlate", description = "Merge mentions across articles, link responses and build chains with the correlation core (adds responds_to and chain_id).")
    boolean correlate;

    @Option(names = "--all-modalities", description = "Also print negated and hypothetical actions (dropped by default).")
    boolean allModalities;

    @Override
    public Integer call() {
        Extractor extractor = allModalities ? Extractors.withAllModalities() : Extractors.standard();
        PrintWriter err = spec.commandLine().getErr();
        Loaded loaded = load(paths, err);
        List<PredictedAction> predictions = predict(extractor, loaded.articles(), correlate, err);
        PrintWriter out = spec.commandLine().getOut();
        for (PredictedAction p : predictions) {
            out.println(ScoringFiles.toJson(p).toString());
        }
        out.flush();
        return loaded.failures() > 0 ? 3 : 0;
    }

    /** Articles read from paths, and how many inputs could not be read. */
    record Loaded(List<Article> articles, int failures) {}

    static List<PredictedAction> predict(Extractor extractor, List<Article> articles, boolean correlate, PrintWriter err) {
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
            return BatchCorrelation.correlateAll(actions).actions().stream().map(Predictions::of).toList();
        }
        return actions.stream().map(Predictions::of).toList();
    }

    /**
     * Reads every article under the paths exactly as the producer does; a missing path is an error,
     * an unreadable or rejected input a one-line warning.
     */
    static Loaded load(List<Path> paths, PrintWriter err) {
        ArticleFiles files = ArticleFiles.skippingAnnotations();
        List<Article> articles = new ArrayList<>();
        int[] failures = {0};
        for (Path f : files.expand(paths)) {
            files.read(f, item -> {
                if (item instanceof InputItem.Parsed parsed) {
                    parsed.warnings().forEach(w -> err.println("extract: warning: " + w));
                    articles.add(parsed.article());
                } else if (item instanceof InputItem.Rejected rejected) {
                    failures[0]++;
                    err.println("extract: skipped " + rejected.message());
                }
            });
        }
        return new Loaded(articles, failures[0]);
    }
}
