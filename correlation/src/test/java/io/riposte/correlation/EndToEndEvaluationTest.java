package io.riposte.correlation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.riposte.domain.Action;
import io.riposte.domain.Article;
import io.riposte.domain.ExtractedAction;
import io.riposte.domain.Link;
import io.riposte.domain.input.ArticleParser;
import io.riposte.evaluation.GoldAction;
import io.riposte.evaluation.PredictedAction;
import io.riposte.evaluation.Predictions;
import io.riposte.evaluation.Report;
import io.riposte.evaluation.Scorer;
import io.riposte.evaluation.ScoringFiles;
import io.riposte.extraction.Extractor;
import io.riposte.extraction.Extractors;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The whole core on real articles: the project's extractor on every article, correlation over all
 * the mentions (the same {@link Correlator} the topology runs), scored with the evaluation's scorer.
 */
class EndToEndEvaluationTest {

    static final Extractor EXTRACTOR = Extractors.standard();

    static List<ExtractedAction> extract(Path dir) throws Exception {
        Path articles = Files.isDirectory(dir.resolve("articles")) ? dir.resolve("articles") : dir;
        List<Path> files;
        try (Stream<Path> s = Files.list(articles)) {
            files = s.filter(p -> p.toString().endsWith(".txt")).sorted().toList();
        }
        List<ExtractedAction> out = new ArrayList<>();
        for (Path f : files) {
            String name = f.getFileName().toString();
            Article a = ArticleParser.parseText(ArticleParser.decode(Files.readAllBytes(f), name), name, Instant.EPOCH);
            out.addAll(EXTRACTOR.extract(a).actions());
        }
        return out;
    }

    static Report score(Path dir, List<ExtractedAction> mentions) throws Exception {
        List<GoldAction> gold = ScoringFiles.readGold(dir.resolve("gold.jsonl"));
        BatchCorrelation.Result r = BatchCorrelation.correlateAll(mentions);
        List<PredictedAction> predicted = r.actions().stream().map(Predictions::of).toList();
        Report report = Scorer.score(gold, ScoringFiles.readChains(dir.resolve("chains.jsonl"), gold), predicted);
        if (Boolean.getBoolean("riposte.e2e.dump")) {
            mentions.forEach(m -> System.out.println("  mention " + m.id() + " " + m.origin() + " " + m.source() + "->" + m.target() + " "
                    + m.type() + " " + m.date() + " n=" + m.count() + " " + m.modality() + " resp=" + m.respondsTo()));
            r.actions().forEach(a -> System.out.println("  action " + a.id() + " " + a.source() + "->" + a.target() + " " + a.type()
                    + " " + a.date() + " n=" + a.count() + " " + a.articles() + " chain=" + a.chainId()));
        }
        System.out.println("== extraction + correlation, " + dir + " (" + mentions.size() + " mentions)\n" + report.toText()
                + GoldReplayEvaluationTest.linkTable(report, r, gold));
        return report;
    }

    /** The same figures whatever the order the articles' mentions arrive in. */
    static void assertOrderIndependent(List<ExtractedAction> mentions) {
        BatchCorrelation.Result batch = BatchCorrelation.correlateAll(mentions);
        List<ExtractedAction> shuffled = new ArrayList<>(mentions);
        Collections.shuffle(shuffled, new Random(42));
        BatchCorrelation.Result other = BatchCorrelation.correlateAll(shuffled);
        assertThat(other.actions()).isEqualTo(batch.actions());
        assertThat(other.chains()).isEqualTo(batch.chains());
    }

    @Test
    void seeds() throws Exception {
        Path dir = Path.of(System.getProperty("riposte.shared.dir", "../../shared"), "seeds");
        assumeTrue(Files.isRegularFile(dir.resolve("gold.jsonl")), "no seeds at " + dir + ": skipped");
        List<ExtractedAction> mentions = extract(dir);
        Report r = score(dir, mentions);
        assertOrderIndependent(mentions);
        // ../shared/EVALUATION.md's bar for correlation; the measured floors are the cli's ExtractEvalCommandTest's
        assertThat(r.duplicateRate()).as("duplicate rate").isLessThanOrEqualTo(0.05);
    }

    @Test
    void ourCorpus() throws Exception {
        Path dir = Path.of(System.getProperty("riposte.corpus.dir", "../corpus"));
        assumeTrue(Files.isRegularFile(dir.resolve("gold.jsonl")), "no corpus at " + dir.toAbsolutePath() + ": skipped");
        List<ExtractedAction> mentions = extract(dir);
        Report r = score(dir, mentions);
        assertOrderIndependent(mentions);
        assertThat(r.duplicateRate()).as("duplicate rate").isLessThanOrEqualTo(0.05);
    }
}
