package io.riposte.cli;

import io.riposte.evaluation.EvaluationFileException;
import io.riposte.evaluation.GoldAction;
import io.riposte.evaluation.GoldChain;
import io.riposte.evaluation.PredictedAction;
import io.riposte.evaluation.Report;
import io.riposte.evaluation.Scorer;
import io.riposte.evaluation.ScoringFiles;
import io.riposte.extraction.Extractors;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "eval", mixinStandardHelpOptions = true,
        description = {
            "Score predictions against gold exactly as the reference scorer ../shared/eval/score.py does (rules: "
                    + "../shared/EVALUATION.md): action precision, core and core+minor recall, F1, duplicate rate, date "
                    + "exactness, link precision/recall/F1 and, with --chains, chain-pair F1; with the missed core actions, "
                    + "false positives, duplicates, inexact dates and wrong links.",
            "Either DIR (articles, or a directory with an 'articles' subdirectory): the articles are extracted first; "
                    + "or --predictions FILE: a JSON Lines file of predictions is scored as it is, without extracting.",
            "",
            "Exit codes: 0 scored, 1 bad usage or missing file, 2 a malformed gold, chains or predictions line "
                    + "(reported with its file and line)."})
public class EvalCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "DIR",
            description = "Directory of articles (or with an 'articles' subdirectory) to extract; not with --predictions.")
    Path dir;

    @Option(names = "--gold", required = true, paramLabel = "GOLD.jsonl", description = "Gold actions (../shared/EVALUATION.md format).")
    Path gold;

    @Option(names = "--chains", paramLabel = "CHAINS.jsonl",
            description = "Gold chains, for the chain-pair figures; implies --correlate when extracting (chains come from correlation).")
    Path chains;

    @Option(names = "--predictions", paramLabel = "FILE.jsonl", description = "Score these predictions instead of extracting DIR.")
    Path predictions;

    @Option(names = "--correlate", description = "Correlate the extracted actions before scoring (see 'extract --correlate').")
    boolean correlate;

    @Option(names = "--json", description = "Print the reference scorer's verbose JSON (same keys, same values).")
    boolean json;

    @Override
    public Integer call() throws IOException {
        if ((dir == null) == (predictions == null)) {
            throw new IllegalArgumentException("give either DIR (to extract) or --predictions FILE (to score as it is)");
        }
        if (predictions != null && correlate) {
            throw new IllegalArgumentException("--correlate applies to extracting DIR; --predictions are scored as they are");
        }
        for (Path p : new Path[] {dir, gold, chains, predictions}) {
            if (p != null && !Files.exists(p)) {
                throw new IllegalArgumentException("no such file or directory: " + p);
            }
        }
        if (dir != null && !Files.isDirectory(dir)) {
            throw new IllegalArgumentException("not a directory: " + dir);
        }
        PrintWriter err = spec.commandLine().getErr();
        Report report;
        try {
            List<GoldAction> goldActions = ScoringFiles.readGold(gold);
            List<GoldChain> goldChains = chains == null ? null : ScoringFiles.readChains(chains, goldActions);
            List<PredictedAction> predicted;
            if (predictions != null) {
                predicted = ScoringFiles.readPredictions(predictions);
            } else {
                Path articles = Files.isDirectory(dir.resolve("articles")) ? dir.resolve("articles") : dir;
                ExtractCommand.Loaded loaded = ExtractCommand.load(List.of(articles), err);
                predicted = ExtractCommand.predict(Extractors.standard(), loaded.articles(), correlate || chains != null, err);
            }
            report = Scorer.score(goldActions, goldChains, predicted);
        } catch (EvaluationFileException e) {
            err.println("riposte eval: error: " + e.getMessage());
            err.flush();
            return 2;
        }
        spec.commandLine().getOut().println(json ? report.toJson().toPrettyString() : report.toText());
        return 0;
    }
}
