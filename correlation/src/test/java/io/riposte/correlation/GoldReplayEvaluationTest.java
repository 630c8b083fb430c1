package io.riposte.correlation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.riposte.domain.Action;
import io.riposte.domain.ActionType;
import io.riposte.domain.Evidence;
import io.riposte.domain.ExtractedAction;
import io.riposte.domain.Link;
import io.riposte.domain.Modality;
import io.riposte.evaluation.GoldAction;
import io.riposte.evaluation.GoldChain;
import io.riposte.evaluation.PredictedAction;
import io.riposte.evaluation.Predictions;
import io.riposte.evaluation.Report;
import io.riposte.evaluation.Scorer;
import io.riposte.evaluation.ScoringFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Correlation alone, measured with the evaluation's own scorer: every gold action becomes one mention
 * per article that reports it (as a perfect extractor without response cues would give), and the
 * correlated actions are scored against the gold. It shows what merging, inferred links and chains
 * achieve without any help from explicit cues; the end-to-end figures need the real extractor.
 */
class GoldReplayEvaluationTest {

    static List<ExtractedAction> oracleMentions(List<GoldAction> gold) {
        List<ExtractedAction> out = new ArrayList<>();
        for (GoldAction g : gold) {
            for (String article : g.articles()) {
                String art = article.replaceAll("[^A-Za-z0-9._-]", "_");
                out.add(new ExtractedAction(g.id() + "@" + art, art, article, g.source(), g.target(),
                        ActionType.valueOf(g.type()), g.date(), g.count(), Modality.ASSERTED, 0.8,
                        List.of(new Evidence(art, article, g.id(), 0, 1)), List.of(), null));
            }
        }
        return out;
    }


    static Report score(Path dir) throws Exception {
        List<GoldAction> gold = ScoringFiles.readGold(dir.resolve("gold.jsonl"));
        List<GoldChain> chains = ScoringFiles.readChains(dir.resolve("chains.jsonl"), gold);
        BatchCorrelation.Result r = BatchCorrelation.correlateAll(oracleMentions(gold));
        Report report = Scorer.score(gold, chains, r.actions().stream().map(Predictions::of).toList());
        String links = linkTable(report, r, gold);
        System.out.println("== correlation of oracle mentions, " + dir + "\n" + report.toText() + links);
        return report;
    }

    /** Each action with links or gold provocations: its gold id, its links as gold ids, the gold's, and its chain. */
    static String linkTable(Report report, BatchCorrelation.Result r, List<GoldAction> gold) {
        java.util.Map<String, String> goldOf = new java.util.HashMap<>();
        report.matches().forEach((g, p) -> goldOf.put(p, g));
        java.util.Map<String, GoldAction> goldById = new java.util.HashMap<>();
        gold.forEach(g -> goldById.put(g.id(), g));
        StringBuilder links = new StringBuilder();
        for (Action a : r.actions()) {
            String g = goldOf.getOrDefault(a.id(), "?" + a.type() + "@" + a.date());
            List<String> got = a.respondsTo().stream().map(l -> goldOf.getOrDefault(l.actionId(), "?") + ":" + l.reason()).toList();
            List<String> want = goldById.containsKey(g) ? goldById.get(g).respondsTo() : List.of();
            if (!got.isEmpty() || !want.isEmpty() || goldOf.containsKey(a.id())) {
                links.append(String.format("  %s %s->%s %s: got %s want %s chain %s%n", g, a.source(), a.target(), a.type(), got, want, a.chainId()));
            }
        }
        return links.toString();
    }

    @Test
    void seeds() throws Exception {
        Path dir = Path.of(System.getProperty("riposte.shared.dir", "../../shared"), "seeds");
        assumeTrue(Files.isRegularFile(dir.resolve("gold.jsonl")), "no seeds gold at " + dir + ": skipped");
        Report r = score(dir);
        assertThat(r.duplicateRate()).isZero();
        assertThat(r.chainPairs().f1()).isGreaterThanOrEqualTo(0.9);
    }

    @Test
    void ourCorpus() throws Exception {
        Path dir = Path.of("..", "corpus");
        assumeTrue(Files.isRegularFile(dir.resolve("gold.jsonl")), "no corpus gold at " + dir.toAbsolutePath() + ": skipped");
        Report r = score(dir);
        assertThat(r.duplicateRate()).isLessThanOrEqualTo(0.05);
    }
}
