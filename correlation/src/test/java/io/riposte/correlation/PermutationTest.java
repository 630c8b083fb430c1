package io.riposte.correlation;

import static io.riposte.correlation.Fixtures.m;
import static io.riposte.domain.ActionType.AGREE;
import static io.riposte.domain.ActionType.CLOSE_MISSION;
import static io.riposte.domain.ActionType.DETAIN;
import static io.riposte.domain.ActionType.EXPEL_DIPLOMATS;
import static io.riposte.domain.ActionType.NEGOTIATE;
import static io.riposte.domain.ActionType.RECALL_ENVOY;
import static io.riposte.domain.ActionType.RESTRICT_STAFF;
import static io.riposte.domain.ActionType.RESTRICT_VISAS;
import static io.riposte.domain.ActionType.SANCTION;
import static io.riposte.domain.ActionType.SUMMON_ENVOY;
import static io.riposte.domain.ActionType.THREATEN_RETALIATION;
import static io.riposte.domain.ActionType.TRADE_MEASURE;
import static io.riposte.domain.Modality.ASSERTED;
import static io.riposte.domain.Modality.BACKGROUND;
import static io.riposte.domain.Modality.NEGATED;
import static io.riposte.domain.Modality.PLANNED;
import static io.riposte.domain.Modality.THREATENED;
import static org.assertj.core.api.Assertions.assertThat;

import io.riposte.domain.ActionType;
import io.riposte.domain.ExtractedAction;
import io.riposte.domain.Modality;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The core promise: the final actions and chains do not depend on the order mentions arrive in. */
class PermutationTest {

    /** About 40 mentions over three dyads: merges at mixed precisions, cues, threats, years-apart episodes, undated articles. */
    static List<ExtractedAction> corpus() {
        return List.of(
                // RUS-USA 2021: sanctions and expulsions, reported by several articles
                m("u1", "a1", "USA", "RUS", SANCTION, "2021-04-15", 32),
                m("u2", "a1", "USA", "RUS", SANCTION, "2021-04-15", 8),
                m("u3", "a1", "USA", "RUS", EXPEL_DIPLOMATS, "2021-04-15", 10),
                m("u4", "a2", "USA", "RUS", EXPEL_DIPLOMATS, "2021-04", 10, BACKGROUND),
                m("u5", "a2", "RUS", "USA", EXPEL_DIPLOMATS, "2021-04-16", 10, ASSERTED, "u4"),
                m("u6", "a2", "RUS", "USA", RESTRICT_VISAS, "2021-04-16", null, ASSERTED, "u4"),
                m("u7", "a2", "RUS", "USA", SUMMON_ENVOY, "2021-04", null),
                m("u8", "a3", "RUS", "USA", EXPEL_DIPLOMATS, "2021-04-17", 10),
                m("u9", "a3", "RUS", "USA", RESTRICT_STAFF, "2021", null, BACKGROUND, "u10"),
                m("u10", "a3", "USA", "RUS", EXPEL_DIPLOMATS, "", null, BACKGROUND),
                m("u11", "a4", "USA", "RUS", RESTRICT_VISAS, "2021-05", null, ASSERTED, "u12"),
                m("u12", "a4", "RUS", "USA", RESTRICT_STAFF, "2021-04", null, BACKGROUND),
                m("u13", "a5", "USA", "RUS", EXPEL_DIPLOMATS, "2021-08-04", 24),
                m("u14", "a5", "USA", "RUS", EXPEL_DIPLOMATS, "2021-08", 24),
                m("u15", "a6", "USA", "RUS", EXPEL_DIPLOMATS, "2021-11", 27, PLANNED),
                m("u16", "a6", "RUS", "USA", THREATEN_RETALIATION, "2021-11-29", null),
                m("u17", "a6", "RUS", "USA", NEGOTIATE, "2021-11", null),
                m("u18", "a7", "USA", "RUS", EXPEL_DIPLOMATS, "2021-10-05", 300, THREATENED),
                m("u19", "a7", "USA", "RUS", AGREE, "2021-06-16", null),
                m("u20", "a7", "RUS", "USA", EXPEL_DIPLOMATS, "2021-12-20", null),
                m("u21", "a7", "RUS", "USA", SANCTION, "2021-12-01", null, NEGATED),
                // RUS-USA, an undated article
                m("v1", "b1", "RUS", "USA", EXPEL_DIPLOMATS, "--09", 2),
                m("v2", "b1", "USA", "RUS", EXPEL_DIPLOMATS, "--10", 2, ASSERTED, "v1"),
                m("v3", "b1", "RUS", "USA", THREATEN_RETALIATION, "--10", null),
                m("v4", "b1", "USA", "RUS", CLOSE_MISSION, "", null),
                // RUS-USA, an old episode years before
                m("w1", "c1", "USA", "RUS", EXPEL_DIPLOMATS, "2016-12-29", 35),
                m("w2", "c1", "USA", "RUS", CLOSE_MISSION, "2016-12-29", 2),
                m("w3", "c2", "RUS", "USA", RESTRICT_STAFF, "2017-07-28", 755),
                m("w4", "c2", "USA", "RUS", CLOSE_MISSION, "2017-08-31", 3, ASSERTED, "w3"),
                m("w5", "c3", "USA", "RUS", CLOSE_MISSION, "2017-09", 3),
                // GBR-RUS 2018
                m("g1", "d1", "GBR", "RUS", EXPEL_DIPLOMATS, "2018-03-14", 23),
                m("g2", "d1", "GBR", "RUS", RECALL_ENVOY, "2018-03-14", null),
                m("g3", "d2", "RUS", "GBR", EXPEL_DIPLOMATS, "2018-03-17", 23),
                m("g4", "d2", "RUS", "GBR", CLOSE_MISSION, "2018-03-17", null),
                m("g5", "d3", "RUS", "GBR", EXPEL_DIPLOMATS, "2018-03", 23, BACKGROUND),
                m("g6", "d3", "GBR", "RUS", THREATEN_RETALIATION, "2018-03-12", null),
                // CHN-USA 2020 and 2023
                m("c1", "e1", "USA", "CHN", CLOSE_MISSION, "2020-07-21", 1),
                m("c2", "e1", "CHN", "USA", CLOSE_MISSION, "2020-07-24", 1, ASSERTED, "c1"),
                m("c3", "e2", "USA", "CHN", TRADE_MEASURE, "2020-08", null),
                m("c4", "e3", "CHN", "USA", SANCTION, "2023-02", null),
                m("c5", "e3", "USA", "CHN", DETAIN, "2023-02-10", 1));
    }

    private static TreeMap<String, Object> content(Fixtures.Topics t) {
        TreeMap<String, Object> m = new TreeMap<>();
        t.actions.forEach((k, v) -> m.put("action:" + k, v));
        t.chains.forEach((k, v) -> m.put("chain:" + k, v));
        return m;
    }

    private static void assertIdenticalUnderPermutations(List<ExtractedAction> corpus, int permutations, long seed) {
        Fixtures.Topics batch = Fixtures.run(corpus);
        BatchCorrelation.Result viaBatchApi = BatchCorrelation.correlateAll(corpus);
        assertThat(viaBatchApi.actions()).containsExactlyElementsOf(batch.actions.values());
        assertThat(viaBatchApi.chains()).containsExactlyElementsOf(batch.chains.values());
        Random random = new Random(seed);
        for (int i = 0; i < permutations; i++) {
            List<ExtractedAction> shuffled = new ArrayList<>(corpus);
            Collections.shuffle(shuffled, random);
            Fixtures.Topics t = Fixtures.run(shuffled);
            TreeMap<String, Object> got = content(t);
            TreeMap<String, Object> want = content(batch);
            if (!got.equals(want)) {
                StringBuilder diff = new StringBuilder();
                for (String k : new java.util.TreeSet<>(com(got.keySet(), want.keySet()))) {
                    if (!java.util.Objects.equals(got.get(k), want.get(k))) {
                        diff.append("\n  ").append(k).append("\n    got:  ").append(got.get(k)).append("\n    want: ").append(want.get(k));
                    }
                }
                throw new AssertionError("permutation " + i + " of seed " + seed + " differs from the batch:" + diff);
            }
        }
    }

    private static java.util.Set<String> com(java.util.Set<String> a, java.util.Set<String> b) {
        java.util.Set<String> s = new java.util.HashSet<>(a);
        s.addAll(b);
        return s;
    }

    @Test
    void finalActionsAndChainsAreIdenticalForTwelveSeededOrders() {
        List<ExtractedAction> corpus = corpus();
        Fixtures.Topics batch = Fixtures.run(corpus);
        // the corpus exercises what it claims to
        assertThat(batch.chains.size()).isGreaterThanOrEqualTo(5);
        assertThat(batch.actions.values()).anySatisfy(a -> assertThat(a.articles()).hasSizeGreaterThan(1));
        assertThat(batch.chains.values()).anySatisfy(c -> assertThat(c.status()).isEqualTo(io.riposte.domain.ChainStatus.DORMANT));
        assertIdenticalUnderPermutations(corpus, 12, 20260421L);
    }

    @Test
    void reversedOrderToo() {
        List<ExtractedAction> reversed = new ArrayList<>(corpus());
        Collections.reverse(reversed);
        assertThat(content(Fixtures.run(reversed))).isEqualTo(content(Fixtures.run(corpus())));
    }

    /**
     * 60 random mentions of one dyad: every precision, modality and type, random counts, articles and
     * cues; odd seeds a dense history (episodes run together), even seeds a sparse one.
     */
    static List<ExtractedAction> randomCorpus(long seed) {
        ActionType[] types = ActionType.values();
        Modality[] modalities = {ASSERTED, ASSERTED, ASSERTED, BACKGROUND, PLANNED, THREATENED, NEGATED};
        String[] dates = {"DAY", "DAY", "DAY", "MONTH", "YEAR", "NOYEAR", "UNKNOWN"};
        Random r = new Random(seed);
        int spanDays = seed % 2 == 1 ? 900 : 4000;
        List<ExtractedAction> corpus = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            boolean flip = r.nextBoolean();
            String src = flip ? "USA" : "RUS";
            String tgt = flip ? "RUS" : "USA";
            java.time.LocalDate d = java.time.LocalDate.of(2019, 1, 1).plusDays(r.nextInt(spanDays));
            String date = switch (dates[r.nextInt(dates.length)]) {
                case "DAY" -> d.toString();
                case "MONTH" -> d.toString().substring(0, 7);
                case "YEAR" -> d.toString().substring(0, 4);
                case "NOYEAR" -> "--" + d.toString().substring(5, 7);
                default -> "";
            };
            Integer count = r.nextInt(3) == 0 ? null : 1 + r.nextInt(3);
            String article = "r" + r.nextInt(15);
            String[] refs = i > 0 && r.nextInt(4) == 0 ? new String[] {"x" + r.nextInt(i)} : new String[0];
            corpus.add(m("x" + i, article, src, tgt, types[r.nextInt(types.length)], date, count,
                    modalities[r.nextInt(modalities.length)], refs));
        }
        return corpus;
    }

    @Test
    void randomCorporaAreOrderIndependentToo() {
        for (long seed = 1; seed <= 16; seed++) {
            assertIdenticalUnderPermutations(randomCorpus(seed), 6, seed * 31);
        }
    }

    @Test
    void theStoresHoldExactlyWhatTheUpdatesSaid() {
        CorrelationStores stores = InMemorySortedStore.newStores();
        Correlator c = new Correlator(CorrelationSettings.defaults(), stores);
        Fixtures.Topics t = new Fixtures.Topics();
        List<ExtractedAction> shuffled = new ArrayList<>(corpus());
        Collections.shuffle(shuffled, new Random(7));
        shuffled.forEach(m -> t.apply(c.add(m)));
        Map<String, Object> inStores = new TreeMap<>();
        stores.actions().range("", "~").forEach(e -> inStores.put("action:" + e.getValue().id(), e.getValue()));
        stores.chains().range("", "~").forEach(e -> inStores.put("chain:" + e.getValue().id(), e.getValue()));
        assertThat(inStores).isEqualTo(content(t));
        assertThat(t.alertIds).doesNotHaveDuplicates();
    }
}
