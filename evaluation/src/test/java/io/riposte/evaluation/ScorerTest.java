package io.riposte.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import io.riposte.domain.FuzzyDate;
import io.riposte.evaluation.GoldAction.Tier;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The rules of the reference scorer, one by one, on small hand-made cases. */
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

    static FuzzyDate d(String iso) {
        return FuzzyDate.parseIso(iso);
    }

    static Report score(List<GoldAction> gold, PredictedAction... pred) {
        return Scorer.score(gold, List.of(pred));
    }

    @Test
    void exactMatchGivesPerfectScores() {
        Report r = score(List.of(g("G1", Tier.CORE, "2020-07-22", "USA", "CHN", "CLOSE_MISSION", null)),
                p("p1", "2020-07-22", "USA", "CHN", "CLOSE_MISSION", null));
        assertThat(r.actionPrecision()).isEqualTo(1.0);
        assertThat(r.actionRecallCore()).isEqualTo(1.0);
        assertThat(r.actionF1Core()).isEqualTo(1.0);
        assertThat(r.dateExactCore()).isEqualTo(1.0);
        assertThat(r.matches()).containsExactly(java.util.Map.entry("G1", "p1"));
        assertThat(r.chainPairs()).isNull();
    }

    @Test
    void sourceTargetAndTypeMustAgreeWithPersonaNonGrataAsAnExpulsion() {
        List<GoldAction> gold = List.of(g("G1", Tier.CORE, "2018-03-14", "GBR", "RUS", "EXPEL_DIPLOMATS", 23));
        assertThat(score(gold, p("p", "2018-03-14", "RUS", "GBR", "EXPEL_DIPLOMATS", 23)).matches()).isEmpty();
        assertThat(score(gold, p("p", "2018-03-14", "GBR", "RUS", "SANCTION", 23)).matches()).isEmpty();
        assertThat(score(gold, p("p", "2018-03-14", "GBR", "RUS", "DECLARE_PERSONA_NON_GRATA", 23)).matches()).hasSize(1);
    }

    @Test
    void countsMustAgreeOnlyWhenBothGiven() {
        List<GoldAction> gold = List.of(g("G1", Tier.CORE, "2018-03-14", "GBR", "RUS", "EXPEL_DIPLOMATS", 23));
        assertThat(score(gold, p("p", "2018-03-14", "GBR", "RUS", "EXPEL_DIPLOMATS", 22)).falsePositives()).hasSize(1);
        assertThat(score(gold, p("p", "2018-03-14", "GBR", "RUS", "EXPEL_DIPLOMATS", null)).matches()).hasSize(1);
    }

    @Test
    void dateClosenessFollowsTheReferenceTable() {
        assertThat(DateMatch.distance(d("2021-04-15"), d("2021-04-18"))).isEqualTo(3);
        assertThat(DateMatch.distance(d("2021-04-15"), d("2021-04-19"))).isNull();
        assertThat(DateMatch.distance(d("2021-04-30"), d("2021-05-02"))).isEqualTo(2);
        assertThat(DateMatch.distance(d("2021-04"), d("2021-04-30"))).isEqualTo(5);
        assertThat(DateMatch.distance(d("2021-04-16"), d("2021-04"))).isEqualTo(5);
        assertThat(DateMatch.distance(d("2021-04-16"), d("2021-03"))).isNull();
        assertThat(DateMatch.distance(d("--09"), d("2019-09-03"))).isEqualTo(10);
        assertThat(DateMatch.distance(d("--09"), d("2019-10"))).isNull();
        assertThat(DateMatch.distance(d("2021-04-16"), d("2021"))).isEqualTo(20);
        assertThat(DateMatch.distance(d("2021"), d("2020-12-31"))).isNull();
        assertThat(DateMatch.distance(d("--09"), d("2019"))).isEqualTo(30);
        assertThat(DateMatch.distance(FuzzyDate.UNKNOWN, d("1999-01-01"))).isEqualTo(50);
        assertThat(DateMatch.distance(FuzzyDate.UNKNOWN, FuzzyDate.UNKNOWN)).isEqualTo(50);
    }

    @Test
    void aNullPredictedDateMatchesOnlyANullGoldDate() {
        assertThat(DateMatch.distance(d("2021-04-16"), FuzzyDate.UNKNOWN)).isNull();
        assertThat(DateMatch.distance(d("--04"), FuzzyDate.UNKNOWN)).isNull();
        Report r = score(List.of(g("G1", Tier.CORE, "2021-04-16", "RUS", "USA", "EXPEL_DIPLOMATS", null)),
                p("undated", null, "RUS", "USA", "EXPEL_DIPLOMATS", null));
        assertThat(r.missedCore()).containsExactly("G1");
        assertThat(r.falsePositives()).extracting(PredictedAction::id).containsExactly("undated");
    }

    @Test
    void dateExactnessAsksForTheGoldPrecisionOrFiner() {
        assertThat(DateMatch.exact(d("2021-04-16"), d("2021-04-18"))).isTrue();
        assertThat(DateMatch.exact(d("2021-04-16"), d("2021-04"))).isFalse();
        assertThat(DateMatch.exact(d("2021-04"), d("2021"))).isFalse();
        assertThat(DateMatch.exact(d("2021-04"), d("2021-04-30"))).isTrue();
        assertThat(DateMatch.exact(d("2021"), d("2021-11"))).isTrue();
        assertThat(DateMatch.exact(d("--10"), d("2020-10-02"))).isTrue();
        assertThat(DateMatch.exact(d("--10"), d("2020"))).isFalse();
        // among dated core matches only: the null-dated G2 is not counted, the year for G1's day is inexact
        List<GoldAction> gold = List.of(g("G1", Tier.CORE, "2021-04-16", "RUS", "USA", "EXPEL_DIPLOMATS", null),
                g("G2", Tier.CORE, null, "RUS", "USA", "CLOSE_MISSION", null),
                g("G3", Tier.CORE, "2021-05", "USA", "RUS", "SANCTION", null));
        Report r = score(gold, p("a", "2021", "RUS", "USA", "EXPEL_DIPLOMATS", null),
                p("b", null, "RUS", "USA", "CLOSE_MISSION", null), p("c", "2021-05-02", "USA", "RUS", "SANCTION", null));
        assertThat(r.matches()).hasSize(3);
        assertThat(r.dateExactCore()).isEqualTo(0.5);
        assertThat(r.details().inexactDates()).extracting(x -> x.gold().id()).containsExactly("G1");
    }

    @Test
    void candidatesAreTakenGreedilyByTierClosenessThenLineOrder() {
        // p1 is G1's closest candidate and is taken first, although G1 could have had p2 and G2 p1:
        // the reference is greedy, not a maximum matching, so G2 is missed and p2 is a duplicate.
        List<GoldAction> gold = List.of(g("G1", Tier.CORE, "2021-04-10", "RUS", "USA", "EXPEL_DIPLOMATS", null),
                g("G2", Tier.CORE, "2021", "RUS", "USA", "EXPEL_DIPLOMATS", 5));
        Report r = score(gold, p("p1", "2021-04-10", "RUS", "USA", "EXPEL_DIPLOMATS", null),
                p("p2", "2021-04-12", "RUS", "USA", "EXPEL_DIPLOMATS", 3));
        assertThat(r.matches()).containsExactly(java.util.Map.entry("G1", "p1"));
        assertThat(r.missedCore()).containsExactly("G2");
        assertThat(r.duplicates()).isOne();
        // equal closeness: the earlier prediction line wins
        Report tie = score(List.of(g("G1", Tier.CORE, "2021-04", "RUS", "USA", "EXPEL_DIPLOMATS", null)),
                p("later", "2021-04-02", "RUS", "USA", "EXPEL_DIPLOMATS", null), p("earlier", "2021-04-20", "RUS", "USA", "EXPEL_DIPLOMATS", null));
        assertThat(tie.matches()).containsEntry("G1", "later");
        List<GoldAction> minorFirstInFile = List.of(g("M1", Tier.MINOR, "2018-08-05", "CAN", "SAU", "EXPEL_DIPLOMATS", null),
                g("C1", Tier.CORE, "2018", "CAN", "SAU", "EXPEL_DIPLOMATS", null));
        Report tiers = score(minorFirstInFile, p("p", "2018-08-05", "CAN", "SAU", "EXPEL_DIPLOMATS", null));
        assertThat(tiers.matches()).containsExactly(java.util.Map.entry("C1", "p"));
        assertThat(tiers.dateExactCore()).isEqualTo(1.0);
    }

    @Test
    void duplicatesAreNeitherMatchedNorFalse() {
        List<GoldAction> gold = List.of(g("G1", Tier.CORE, "2020-07-22", "USA", "CHN", "CLOSE_MISSION", null));
        Report r = score(gold, p("p1", "2020-07-22", "USA", "CHN", "CLOSE_MISSION", null),
                p("p2", "2020-07-23", "USA", "CHN", "CLOSE_MISSION", null),
                p("p3", "2020-09-01", "USA", "CHN", "CLOSE_MISSION", null));
        assertThat(r.duplicates()).isOne();
        assertThat(r.details().duplicates()).extracting(x -> x.predicted().id()).containsExactly("p2");
        assertThat(r.falsePositives()).extracting(PredictedAction::id).containsExactly("p3");
        assertThat(r.actionPrecision()).isEqualTo(0.5);
        assertThat(r.duplicateRate()).isEqualTo(0.333);
    }

    @Test
    void predictionsMatchedToIgnoreTierAreLeftOut() {
        List<GoldAction> gold = List.of(g("C1", Tier.CORE, "2021-04-15", "USA", "RUS", "SANCTION", null),
                g("I1", Tier.IGNORE, "2021-04", "RUS", "USA", "THREATEN_RETALIATION", null),
                g("M1", Tier.MINOR, "2021-04-16", "RUS", "USA", "SUMMON_ENVOY", null));
        Report r = score(gold, p("a", "2021-04-15", "USA", "RUS", "SANCTION", null),
                p("b", "2021-04-20", "RUS", "USA", "THREATEN_RETALIATION", null),
                p("c", "2021-04-16", "RUS", "USA", "SUMMON_ENVOY", null),
                p("d", "2021-06-01", "RUS", "USA", "CLOSE_MISSION", null));
        assertThat(r.details().ignored()).isOne();
        assertThat(r.actionPrecision()).isEqualTo(0.667);
        assertThat(r.actionRecallCore()).isEqualTo(1.0);
        assertThat(r.actionRecallCoreMinor()).isEqualTo(1.0);
        assertThat(r.goldCoreMinor()).isEqualTo(2);
        // F1 from the rounded precision, as the reference computes it: 2*0.667*1/(1.667) = 0.80024
        assertThat(r.actionF1Core()).isEqualTo(0.8);
    }

    @Test
    void linksAreRightWhenBothEndsMatchAGoldEdge() {
        List<GoldAction> gold = List.of(g("G1", Tier.CORE, "2021-04-15", "USA", "RUS", "SANCTION", null),
                g("G2", Tier.CORE, "2021-04-16", "RUS", "USA", "EXPEL_DIPLOMATS", 10, "G1"),
                g("G3", Tier.CORE, "2021-04-20", "USA", "RUS", "EXPEL_DIPLOMATS", null, "G9", "G2"));
        Report r = score(gold, p("a", "2021-04-15", "USA", "RUS", "SANCTION", null),
                p("b", "2021-04-16", "RUS", "USA", "EXPEL_DIPLOMATS", 10, "a", "x"),
                p("c", "2021-04-20", "USA", "RUS", "EXPEL_DIPLOMATS", null, "a", "b"),
                p("x", "2021-12-01", "CHN", "USA", "SANCTION", null));
        // edges b->a (right), b->x (x unmatched: wrong), c->a (wrong), c->b (right, G2 is in G3's list)
        assertThat(r.details().linkEdges()).isEqualTo(4);
        assertThat(r.linkPrecision()).isEqualTo(0.5);
        // G3's first provocation G9 is not in the gold file: only G2 needs a link, and it has one
        assertThat(r.details().coreNeedingLink()).isOne();
        assertThat(r.linkRecall()).isEqualTo(1.0);
        assertThat(r.linkF1()).isEqualTo(0.667);
        assertThat(r.details().wrongLinks()).hasSize(2);
    }

    @Test
    void anEdgeToAnIdNoPredictionHasIsNotAnEdge() {
        List<GoldAction> gold = List.of(g("G1", Tier.CORE, "2021-04-15", "USA", "RUS", "SANCTION", null));
        Report r = score(gold, p("a", "2021-04-15", "USA", "RUS", "SANCTION", null, "nowhere"));
        assertThat(r.details().linkEdges()).isZero();
        assertThat(r.details().danglingLinks()).isOne();
        assertThat(r.toText()).contains("1 responds_to id(s) name no prediction");
    }

    @Test
    void chainPairsCountMatchedCoreStepsOfGoldChains() {
        List<GoldAction> gold = List.of(g("A", Tier.CORE, "2021-04-15", "USA", "RUS", "SANCTION", null),
                g("B", Tier.CORE, "2021-04-16", "RUS", "USA", "EXPEL_DIPLOMATS", null, "A"),
                g("C", Tier.CORE, "2022-01-10", "GBR", "IRN", "SANCTION", null),
                g("D", Tier.MINOR, "2022-01-11", "IRN", "GBR", "SUMMON_ENVOY", null));
        List<GoldChain> chains = List.of(new GoldChain("k1", List.of("A", "B")), new GoldChain("k2", List.of("C", "D")));
        Report r = Scorer.score(gold, chains, List.of(pc("a", "2021-04-15", "USA", "RUS", "SANCTION", null, "x"),
                pc("b", "2021-04-16", "RUS", "USA", "EXPEL_DIPLOMATS", null, "y"),
                pc("c", "2022-01-10", "GBR", "IRN", "SANCTION", null, "y"),
                pc("d", "2022-01-11", "IRN", "GBR", "SUMMON_ENVOY", null, "y")));
        // pairs over A, B, C (D is minor): A-B same in gold, not predicted (fn); B-C predicted, not gold (fp)
        assertThat(r.chainPairs()).isEqualTo(new Report.ChainPairs(0.0, 0.0, 0.0, 0, 1, 1));
    }

    @Test
    void roundsAsPythonDoes() {
        assertThat(Scorer.round(2 / 3.0)).isEqualTo(0.667);
        assertThat(Scorer.round(0.0625)).isEqualTo(0.062);
        assertThat(Scorer.round(0.8125)).isEqualTo(0.812);
        assertThat(Scorer.round(1.0005)).isEqualTo(1.0);
    }

    @Test
    void jsonHasTheReferenceKeysInItsOrder() {
        Report r = Scorer.score(List.of(g("G1", Tier.CORE, "2021", "USA", "RUS", "SANCTION", null)), List.of(),
                List.of(p("a", "2021", "USA", "RUS", "SANCTION", null), p("z", "2021-02", "USA", "RUS", "TRADE_MEASURE", 3)));
        List<String> keys = new java.util.ArrayList<>();
        r.toJson().fieldNames().forEachRemaining(keys::add);
        assertThat(keys).containsExactly("pred", "gold_core", "gold_core_minor", "action_precision", "duplicates", "duplicate_rate",
                "action_recall_core", "action_recall_core_minor", "action_f1_core", "date_exact_core", "link_precision", "link_recall",
                "link_f1", "missed_core", "false_positives", "matches", "chain_pair_precision", "chain_pair_recall", "chain_pair_f1");
        assertThat(r.toJson().get("false_positives").get(0).toString())
                .isEqualTo("{\"id\":\"z\",\"date\":\"2021-02\",\"source\":\"USA\",\"target\":\"RUS\",\"type\":\"TRADE_MEASURE\",\"count\":3}");
    }
}
