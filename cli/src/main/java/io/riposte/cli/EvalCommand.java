package io.riposte.cli;

import io.riposte.domain.scoring.GoldAction;
import io.riposte.domain.scoring.GoldChain;
import io.riposte.domain.scoring.PredictedAction;
import io.riposte.domain.scoring.Report;
import io.riposte.domain.scoring.Scorer;
import io.riposte.domain.scoring.ScoringFiles;
import io.riposte.extraction.Extractors;
import java.io.IOException;
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
            "Score extraction against gold with the rules of EVALUATION.md: action precision, recall (core, core+minor), F1, "
                    + "duplicate rate, link precision/recall and chain-pair F1, with the missed gold actions, the false predictions "
                    + "and the duplicates.",
            "DIR holds the articles (or an 'articles' subdirectory with them); predictions are extracted from them unless "
                    + "--predictions gives a JSON Lines file of predictions to score instead.",
            "",
            "Exit codes: 0 scored, 1 bad usage, missing or malformed file."})
public class EvalCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DIR", description = "Directory of articles (or with an 'articles' subdirectory).")
    Path dir;

    @Option(names = "--gold", required = true, paramLabel = "GOLD.jsonl", description = "Gold actions (EVALUATION.md format).")
    Path gold;

    @Option(names = "--chains", paramLabel = "CHAINS.jsonl",
            description = "Gold chains, for the chain-pair F1; implies --correlate when extracting (chains come from correlation).")
    Path chains;

    @Option(names = "--predictions", paramLabel = "FILE.jsonl", description = "Score these predictions instead of extracting.")
    Path predictions;

    @Option(names = "--correlate", description = "Correlate the extracted actions before scoring (see 'extract --correlate').")
    boolean correlate;

    @Option(names = "--json", description = "Print the report as one JSON object.")
    boolean json;

    @Override
    public Integer call() throws IOException {
        for (Path p : new Path[] {dir, gold, chains, predictions}) {
            if (p != null && !Files.exists(p)) {
                throw new IllegalArgumentException("no such file or directory: " + p);
            }
        }
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("not a directory: " + dir);
        }
        List<GoldAction> goldActions = ScoringFiles.readGold(gold);
        List<GoldChain> goldChains = chains == null ? List.of() : ScoringFiles.readChains(chains);
        List<PredictedAction> predicted;
        if (predictions != null) {
            predicted = ScoringFiles.readPredictions(predictions);
        } else {
            Path articles = Files.isDirectory(dir.resolve("articles")) ? dir.resolve("articles") : dir;
            ExtractCommand.Loaded loaded = ExtractCommand.load(List.of(articles), spec.commandLine().getErr());
            predicted = ExtractCommand.predict(Extractors.standard(), loaded.articles(), correlate || chains != null, spec.commandLine().getErr());
        }
        Report report = Scorer.score(goldActions, goldChains, predicted);
        spec.commandLine().getOut().println(json ? report.toJson().toPrettyString() : report.toText());
        return 0;
    }
}
