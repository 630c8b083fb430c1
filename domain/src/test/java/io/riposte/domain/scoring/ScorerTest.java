package io.riposte.domain.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.riposte.domain.FuzzyDate;
import io.riposte.domain.scoring.GoldAction.Tier;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScorerTest {

    static GoldAction g(String id, Tier tier, String date, String s, String t, String type, Integer count, String... respondsTo) {
        return new GoldAction(id, tier, FuzzyDate.parseIso(date), s, t, type, count, List.of("a.txt"), List.of(respondsTo), null);
    }

    static PredictedAction p(String id, String date, String s, String t, String type, Integer count, String... respondsTo) {
        return pc(id, date, s, t, type, count, null, respondsTo);
    }

    static PredictedAction pc(String id, String date, String s, String t, String type, Integer count, String chain, String... respondsTo) {
        return new PredictedAction(id, FuzzyDate.parseIso(date), s, t, type, count, List.of(respondsTo), chain, List.of("a.txt"), 0.9);
    }

    static Report score(List<GoldAction> gold, List<PredictedAction> pred) {
        return Scorer.score(gold, List.of(), pred);
    }

    @Test
    void exactMatchGivesPerfectScores() {
        Report r = score(List.of(g("G1", Tier.CORE, "2020-07-22", "USA", "CHN", "CLOSE_MISSION", null)),
                List.of(p("p1", "2020-07-22", "USA", "CHN", "CLOSE_MISSION", null)));
        assertThat(r.precision()).isEqualTo(1.0);
        assertThat(r.recallCore()).isEqualTo(1.0);
        assertThat(r.f1()).isEqualTo(1.0);
        assertThat(r.duplicates()).isZero();
    }

    @Test
    void sourceTargetAndTypeMustAgree() {
        List<GoldAction> gold = List.of(g("G1", Tier.CORE, "2018-03-14", "GBR", "RUS", "EXPEL_DIPLOMATS", 23));
        assertThat(score(gold, List.of(p("p", "2018-03-14", "RUS", "GBR", "EXPEL_DIPLOMATS", 23))).matched()).isZero();
        assertThat(score(gold, List.of(p("p", "2018-03-14", "GBR", "RUS", "SANCTION", 23))).matched()).isZero();
        assertThat(score(gold, List.of(p("p", "2018-03-14", "GBR", "RUS", "EXPEL_DIPLOMATS", 23))).matched()).isOne();
    }

    @Test
    void countsMustAgreeOnlyWhenBothGiven() {
        List<GoldAction> gold = List.of(g("G1", Tier.CORE, "2018-03-14", "GBR", "RUS", "EXPEL_DIPLOMATS", 23));
        assertThat(score(gold, List.of(p("p", "2018-03-14", "GBR", "RUS", "EXPEL_DIPLOMATS", 22))).falsePredictions()).isOne();
        assertThat(score(gold, List.of(p("p", "2018-03-14", "GBR", "RUS", "EXPEL_DIPLOMATS", null))).matched()).isOne();
        List<GoldAction> noCount = List.of(g("G1", Tier.CORE, "2018-03-14", "GBR", "RUS", "EXPEL_DIPLOMATS", null));
        assertThat(score(noCount, List.of(p("p", "2018-03-14", "GBR", "RUS", "EXPEL_DIPLOMATS", 5))).matched()).isOne();
    }

    @Test
    void dayPrecisionAllowsThreeDays() {
        assertThat(DateMatch.compatible(d("2021-04-15"), d("2021-04-18"))).isTrue();
        assertThat(DateMatch.compatible(d("2021-04-15"), d("2021-04-19"))).isFalse();
        assertThat(DateMatch.compatible(d("2021-04-30"), d("2021-05-02"))).isTrue();
    }

    @Test
    void coarserPrecisionDecides() {
        // month gold: any day of that month, the month itself, or its year
        assertThat(DateMatch.compatible(d("2021-04"), d("2021-04-30"))).isTrue();
        assertThat(DateMatch.compatible(d("2021-04"), d("2021-05-01"))).isFalse();
        assertThat(DateMatch.compatible(d("2021-04"), d("2021"))).isTrue();
        assertThat(DateMatch.compatible(d("2021-04"), d("2022"))).isFalse();
        // coarser prediction for a finer gold: compared at the prediction's precision
        assertThat(DateMatch.compatible(d("2021-04-16"), d("2021-04"))).isTrue();
        assertThat(DateMatch.compatible(d("2021-04-16"), d("2021-03"))).isFalse();
        assertThat(DateMatch.compatible(d("2021-04-16"), d("2021"))).isTrue();
        assertThat(DateMatch.compatible(d("2021"), d("2020-12-31"))).isFalse();
    }

    @Test
    void yearlessMonthComparesMonthsOnly() {
        assertThat(DateMatch.compatible(d("--09"), d("2019-09-03"))).isTrue();
        assertThat(DateMatch.compatible(d("--09"), d("--09"))).isTrue();
        assertThat(DateMatch.compatible(d("--09"), d("--10"))).isFalse();
        assertThat(DateMatch.compatible(d("--09"), d("2019-10"))).isFalse();
        assertThat(DateMatch.compatible(d("2019-10-02"), d("--10"))).isTrue();
    }

    @Test
    void nullGoldDateMatchesAnythingAndUnknownPredictionIsWeakest() {
        assertThat(DateMatch.compatible(FuzzyDate.UNKNOWN, d("1999-01-01"))).isTrue();
        assertThat(DateMatch.compatible(d("2021-04-16"), FuzzyDate.UNKNOWN)).isTrue();
        // the dated prediction wins the gold action; the undated one becomes a duplicate
        List<GoldAction> gold = List.of(g("G1", Tier.CORE, "2021-04-16", "RUS", "USA", "EXPEL_DIPLOMATS", null));
        Report r = score(gold, List.of(p("undated", null, "RUS", "USA", "EXPEL_DIPLOMATS", null),
                p("dated", "2021-04-16", "RUS", "USA", "EXPEL_DIPLOMATS", null)));
        assertThat(r.matches()).extracting(m -> m.predicted().id()).containsExactly("dated");
        assertThat(r.duplicateList()).extracting(m -> m.predicted().id()).containsExactly("undated");
    }

    @Test
    void duplicatesAreNotFalseButCounted() {
        List<GoldAction> gold = List.of(g("G1", Tier.CORE, "2020-07-22", "USA", "CHN", "CLOSE_MISSION", null));
        Report r = score(gold, List.of(p("p1", "2020-07-22", "USA", "CHN", "CLOSE_MISSION", null),
                p("p2", "2020-07-23", "USA", "CHN", "CLOSE_MISSION", null),
                p("p3", "2020-09-01", "USA", "CHN", "CLOSE_MISSION", null)));
        assertThat(r.matched()).isOne();
        assertThat(r.duplicates()).isOne();
        assertThat(r.falsePredictions()).isOne();
        assertThat(r.precision()).isEqualTo(0.5);
        assertThat(r.duplicateRate()).isEqualTo(1.0 / 3);
    }

    @Test
    void matchingIsMaximumNotGreedy() {
        // p1 fits both gold actions and is the best date for G1; p2 only fits G1. A greedy match of
        // p1 to G1 would leave G2 unmatched.
        List<GoldAction> gold = List.of(g("G1", Tier.CORE, "2021-04", "RUS", "USA", "EXPEL_DIPLOMATS", null),
                g("G2", Tier.CORE, "2021", "RUS", "USA", "EXPEL_DIPLOMATS", null));
        Report r = score(gold, List.of(p("p1", "2021-04", "RUS", "USA", "EXPEL_DIPLOMATS", null),
                p("p2", "2021-04-02", "RUS", "USA", "EXPEL_DIPLOMATS", null)));
        assertThat(r.matchedCore()).isEqualTo(2);
        assertThat(r.recallCore()).isEqualTo(1.0);
    }

    @Test
    void coreIsServedBeforeMinor() {
        List<GoldAction> gold = List.of(g("M1", Tier.MINOR, null, "CAN", "SAU", "EXPEL_DIPLOMATS", null),
                g("C1", Tier.CORE, "2018-08", "SAU", "CAN", "EXPEL_DIPLOMATS", null),
                g("C2", Tier.CORE, "2018-08", "CAN", "SAU", "EXPEL_DIPLOMATS", null));
        Report r = score(gold, List.of(p("p", "2018-08-05", "CAN", "SAU", "EXPEL_DIPLOMATS", null)));
        assertThat(r.matches()).extracting(Report.Pair::gold).containsExactly("C2");
        assertThat(r.missed()).extracting(GoldAction::id).containsExactly("M1", "C1");
        assertThat(r.recallCore()).isEqualTo(0.5);
        assertThat(r.recallCoreMinor()).isEqualTo(1.0 / 3);
    }

    @Test
    void ignoreTierIsLeftOut() {
        List<GoldAction> gold = List.of(g("I1", Tier.IGNORE, "2021", "RUS", "USA", "OTHER", null),
                g("C1", Tier.CORE, "2021-05", "USA", "RUS", "RESTRICT_VISAS", null));
        Report r = score(gold, List.of(p("p1", "2021-06", "RUS", "USA", "OTHER", null),
                p("p2", "2021-05-12", "USA", "RUS", "RESTRICT_VISAS", null)));
        assertThat(r.ignored()).isOne();
        assertThat(r.precision()).isEqualTo(1.0);
        assertThat(r.coreGold()).isOne();
        assertThat(r.outcomes()).containsEntry("p1", Scorer.Outcome.IGNORED);
    }

    @Test
    void minorMatchesCountForPrecisionButNotCoreRecall() {
        List<GoldAction> gold = List.of(g("M1", Tier.MINOR, null, "CHN", "AUS", "TRADE_MEASURE", null),
                g("C1", Tier.CORE, "2020-05", "CHN", "AUS", "TRADE_MEASURE", 80));
        Report r = score(gold, List.of(p("p1", "2020-11", "CHN", "AUS", "TRADE_MEASURE", null)));
        assertThat(r.matchedMinor()).isOne();
        assertThat(r.precision()).isEqualTo(1.0);
        assertThat(r.recallCore()).isZero();
        assertThat(r.f1()).isZero();
    }

    @Test
    void linksNeedBothEndsAndTheGoldEdge() {
        List<GoldAction> gold = List.of(g("A", Tier.CORE, "2023-09-18", "CAN", "IND", "EXPEL_DIPLOMATS", 1),
                g("B", Tier.CORE, "2023-09-19", "IND", "CAN", "EXPEL_DIPLOMATS", 1, "A"),
                g("T", Tier.CORE, "2023-09-21", "IND", "CAN", "RESTRICT_VISAS", null));
        Report right = score(gold, List.of(p("a", "2023-09-18", "CAN", "IND", "EXPEL_DIPLOMATS", 1),
                p("b", "2023-09-19", "IND", "CAN", "EXPEL_DIPLOMATS", 1, "a"),
                p("t", "2023-09-21", "IND", "CAN", "RESTRICT_VISAS", null, "a")));
        assertThat(right.linkEdges()).isEqualTo(2);
        assertThat(right.linkRightEdges()).isOne();
        assertThat(right.linkPrecision()).isEqualTo(0.5);
        assertThat(right.linkRecall()).isEqualTo(1.0);
        assertThat(right.wrongLinks()).containsExactly("t -> a");
        // an edge to an id that is not a prediction is wrong
        Report dangling = score(gold, List.of(p("b", "2023-09-19", "IND", "CAN", "EXPEL_DIPLOMATS", 1, "nope")));
        assertThat(dangling.linkPrecision()).isZero();
        assertThat(dangling.linkRecall()).isZero();
    }

    @Test
    void duplicateEndsStillCarryLinks() {
        List<GoldAction> gold = List.of(g("A", Tier.CORE, "2023-09", "CAN", "IND", "EXPEL_DIPLOMATS", null),
                g("B", Tier.CORE, "2023-09", "IND", "CAN", "EXPEL_DIPLOMATS", null, "A"));
        Report r = score(gold, List.of(p("a1", "2023-09", "CAN", "IND", "EXPEL_DIPLOMATS", null),
                p("b1", "2023-09", "IND", "CAN", "EXPEL_DIPLOMATS", null),
                p("a2", null, "CAN", "IND", "EXPEL_DIPLOMATS", null),
                p("b2", null, "IND", "CAN", "EXPEL_DIPLOMATS", null, "a2")));
        assertThat(r.duplicates()).isEqualTo(2);
        assertThat(r.linkRightEdges()).isOne();
        assertThat(r.linkRecall()).isEqualTo(1.0);
    }

    @Test
    void chainPairF1CountsPairsOfMatchedCoreActions() {
        List<GoldAction> gold = List.of(g("A", Tier.CORE, "2021-04", "CZE", "RUS", "EXPEL_DIPLOMATS", 18),
                g("B", Tier.CORE, "2021-04", "RUS", "CZE", "EXPEL_DIPLOMATS", 20, "A"),
                g("X", Tier.CORE, "2018-03", "GBR", "RUS", "EXPEL_DIPLOMATS", 23));
        List<GoldChain> chains = List.of(new GoldChain("C1", List.of("A", "B")), new GoldChain("C2", List.of("X")));
        Report good = Scorer.score(gold, chains, List.of(pc("a", "2021-04", "CZE", "RUS", "EXPEL_DIPLOMATS", 18, "k1"),
                pc("b", "2021-04", "RUS", "CZE", "EXPEL_DIPLOMATS", 20, "k1"),
                pc("x", "2018-03", "GBR", "RUS", "EXPEL_DIPLOMATS", 23, "k2")));
        assertThat(good.chainPairF1()).isEqualTo(1.0);
        Report merged = Scorer.score(gold, chains, List.of(pc("a", "2021-04", "CZE", "RUS", "EXPEL_DIPLOMATS", 18, "k1"),
                pc("b", "2021-04", "RUS", "CZE", "EXPEL_DIPLOMATS", 20, "k1"),
                pc("x", "2018-03", "GBR", "RUS", "EXPEL_DIPLOMATS", 23, "k1")));
        assertThat(merged.chainTp()).isOne();
        assertThat(merged.chainFp()).isEqualTo(2);
        assertThat(merged.chainPairF1()).isEqualTo(2.0 / 4);
        Report noChains = Scorer.score(gold, chains, List.of(p("a", "2021-04", "CZE", "RUS", "EXPEL_DIPLOMATS", 18),
                p("b", "2021-04", "RUS", "CZE", "EXPEL_DIPLOMATS", 20)));
        assertThat(noChains.chainFn()).isOne();
        assertThat(noChains.chainPairF1()).isZero();
        assertThat(score(gold, List.of()).chainPairF1()).isNull();
    }

    @Test
    void reportTextAndJsonNameTheErrors() {
        List<GoldAction> gold = List.of(g("G1", Tier.CORE, "2020-07-22", "USA", "CHN", "CLOSE_MISSION", null));
        Report r = score(gold, List.of(p("wrong", "2020-07-22", "CHN", "USA", "CLOSE_MISSION", null)));
        assertThat(r.toText()).contains("missed gold actions", "G1", "false predictions", "wrong");
        assertThat(r.toJson().get("precision").asDouble()).isZero();
        assertThat(r.toJson().get("missed").get(0).get("id").asText()).isEqualTo("G1");
        assertThat(r.toJson().get("link_precision").isNull()).isTrue();
    }

    @Test
    void readsTheJsonLinesFormats(@TempDir Path dir) throws IOException {
        Path gold = dir.resolve("gold.jsonl");
        Files.writeString(gold, "{\"id\":\"G1\",\"tier\":\"core\",\"date\":\"--09\",\"source\":\"RUS\",\"target\":\"USA\","
                + "\"type\":\"EXPEL_DIPLOMATS\",\"count\":2,\"articles\":[\"x.txt\"],\"responds_to\":[],\"evidence\":\"e\"}\n\n");
        Path pred = dir.resolve("pred.jsonl");
        PredictedAction p = p("p1", "2019-09", "RUS", "USA", "EXPEL_DIPLOMATS", 2);
        Files.writeString(pred, ScoringFiles.toJson(p).toString() + "\n");
        List<GoldAction> g = ScoringFiles.readGold(gold);
        assertThat(g.get(0).date().month()).isEqualTo(9);
        assertThat(g.get(0).tier()).isEqualTo(Tier.CORE);
        assertThat(ScoringFiles.readPredictions(pred)).containsExactly(p);
        Files.writeString(pred, "{not json\n");
        assertThatThrownBy(() -> ScoringFiles.readPredictions(pred)).isInstanceOf(IOException.class).hasMessageContaining(":1:");
    }

    private static FuzzyDate d(String iso) {
        return FuzzyDate.parseIso(iso);
    }

    @Test
    void anEdgeToAnIgnoreTierProvocationThatGoldListsIsRight() {
        List<GoldAction> gold = List.of(
                g("G1", Tier.IGNORE, "2017-03-11", "NLD", "TUR", "OTHER", null),
                g("G2", Tier.CORE, "2017-03-13", "TUR", "NLD", "RESTRICT_STAFF", null, "G1"));
        Report r = score(gold, List.of(
                p("p1", "2017-03-11", "NLD", "TUR", "OTHER", null),
                p("p2", "2017-03-13", "TUR", "NLD", "RESTRICT_STAFF", null, "p1")));
        assertThat(r.linkRightEdges()).isOne();
        assertThat(r.linkRecall()).isEqualTo(1.0);
    }

    @Test
    void aCoreActionKeepsTheBestPredictionWhenAnotherMatchIsPossibleEitherWay() {
        // Both predictions fit both gold actions, and the minor one prefers the precise prediction
        // too: augmenting paths re-seat the core action on the vague one. Both must stay matched,
        // with the core action on the precise prediction.
        List<GoldAction> gold = List.of(
                g("G1", Tier.CORE, "2021-04-15", "USA", "RUS", "SANCTION", null),
                g("G2", Tier.MINOR, "2021-04-15", "USA", "RUS", "SANCTION", 8));
        PredictedAction precise = pc("precise", "2021-04-15", "USA", "RUS", "SANCTION", null, "K");
        PredictedAction vague = pc("vague", "2021", "USA", "RUS", "SANCTION", null, null);
        for (List<PredictedAction> pred : List.of(List.of(precise, vague), List.of(vague, precise))) {
            Report r = score(gold, pred);
            assertThat(r.matched()).isEqualTo(2);
            assertThat(r.matches()).anySatisfy(m -> {
                assertThat(m.predicted().id()).isEqualTo("precise");
                assertThat(m.gold()).isEqualTo("G1");
            });
        }
    }
}
