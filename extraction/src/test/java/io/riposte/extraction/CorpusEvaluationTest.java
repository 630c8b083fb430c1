package io.riposte.extraction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.riposte.domain.Article;
import io.riposte.domain.input.ArticleFormatException;
import io.riposte.domain.input.ArticleParser;
import io.riposte.domain.scoring.GoldAction;
import io.riposte.domain.scoring.Report;
import io.riposte.domain.scoring.Scorer;
import io.riposte.domain.scoring.ScoringFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Runs the extractor on the shared seeds and on the project's own corpus and scores it with the
 * evaluation rules. Extraction is per article, so cross-article duplicates are reported, not false.
 */
class CorpusEvaluationTest {
    static final Extractor EXTRACTOR = Extractors.standard();

    static Path sharedSeeds() {
        String dir = System.getProperty("riposte.shared.dir", "../../shared");
        return Path.of(dir).resolve("seeds");
    }

    static Path ownCorpus() {
        return Path.of(System.getProperty("riposte.corpus.dir", "../corpus"));
    }

    static List<Article> read(Path dir) throws IOException, ArticleFormatException {
        Path articles = Files.isDirectory(dir.resolve("articles")) ? dir.resolve("articles") : dir;
        List<Path> files;
        try (Stream<Path> s = Files.list(articles)) {
            files = s.filter(p -> p.toString().endsWith(".txt")).sorted().toList();
        }
        List<Article> out = new ArrayList<>();
        for (Path f : files) {
            String text = ArticleParser.decode(Files.readAllBytes(f), f.getFileName().toString());
            out.add(ArticleParser.parseText(text, f.getFileName().toString(), Instant.EPOCH));
        }
        return out;
    }

    static Report evaluate(Path dir) throws Exception {
        List<GoldAction> gold = ScoringFiles.readGold(dir.resolve("gold.jsonl"));
        Path chains = dir.resolve("chains.jsonl");
        return Scorer.score(gold, Files.exists(chains) ? ScoringFiles.readChains(chains) : List.of(),
                Predictions.extractAll(EXTRACTOR, read(dir)));
    }

    @Test
    void seedsMeetTheIssueFloors() throws Exception {
        Path seeds = sharedSeeds();
        assumeTrue(Files.exists(seeds.resolve("gold.jsonl")), "../shared/seeds not present: seed evaluation skipped");
        Report r = evaluate(seeds);
        System.out.println("=== seeds\n" + r.toText());
        assertThat(r.precision()).as("core precision on seeds").isGreaterThanOrEqualTo(0.9);
        assertThat(r.recallCore()).as("core recall on seeds").isGreaterThanOrEqualTo(0.9);
    }

    @Test
    void ownCorpusMeetsTheF1Floor() throws Exception {
        Path corpus = ownCorpus();
        assumeTrue(Files.exists(corpus.resolve("gold.jsonl")), "corpus/gold.jsonl not present yet: corpus evaluation skipped");
        Report r = evaluate(corpus);
        System.out.println("=== corpus\n" + r.toText());
        assertThat(r.f1()).as("F1 on our corpus").isGreaterThanOrEqualTo(0.9);
    }

    @Test
    void heldOutArticlesKeepTheirRegressionFloor() throws Exception {
        // Written to measure generalisation, then used for development (corpus/holdout/README.md): a floor
        // against regressions, not a claim about unseen news.
        Path holdout = ownCorpus().resolve("holdout");
        assumeTrue(Files.exists(holdout.resolve("gold.jsonl")), "corpus/holdout/gold.jsonl not present: skipped");
        Report r = evaluate(holdout);
        System.out.println("=== holdout\n" + r.toText());
        assertThat(r.f1()).as("F1 on the held-out articles").isGreaterThanOrEqualTo(0.9);
        assertThat(r.precision()).as("precision on the held-out articles").isGreaterThanOrEqualTo(0.9);
    }
}
