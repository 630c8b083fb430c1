package io.riposte.correlation;

import static io.riposte.correlation.Fixtures.m;
import static org.assertj.core.api.Assertions.assertThat;

import io.riposte.domain.ActionType;
import io.riposte.domain.ExtractedAction;
import io.riposte.domain.Modality;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The builds {@link MentionMerger} reuses ({@link BuiltActions}) are a cache of a pure function: an action
 * merged from the same reports, dated the same way, must come out as if built again, and anything else
 * must be built again.
 */
class BuiltActionsTest {

    private static final CorrelationSettings SETTINGS = CorrelationSettings.defaults();

    private static List<ExtractedAction> exchange() {
        return List.of(
                m("r1", "a1", "USA", "RUS", ActionType.EXPEL_DIPLOMATS, "2021-03-02", 10),
                m("r2", "a2", "USA", "RUS", ActionType.EXPEL_DIPLOMATS, "2021-03", 10),
                m("r3", "a3", "USA", "RUS", ActionType.EXPEL_DIPLOMATS, "2021-03-02", null, Modality.BACKGROUND),
                m("r4", "a3", "RUS", "USA", ActionType.EXPEL_DIPLOMATS, "2021-03-09", 10),
                m("r5", "a4", "RUS", "USA", ActionType.THREATEN_RETALIATION, "2021-03-05", null));
    }

    /** What merging made of each action, as the rest of correlation reads it (every field build() fills). */
    private static List<String> built(MentionMerger.Merge merge) {
        List<String> out = new ArrayList<>();
        for (MergedAction p : merge.actions()) {
            out.add(p.id + " " + p.workingDate + " " + p.shownDate + " " + p.position + " " + p.orderingPosition + " " + p.count
                    + " " + p.modality + " " + p.confidence + " " + p.told + " " + p.bestByArticle + " " + p.articles + " " + p.evidence);
        }
        return out;
    }

    @Test
    void aReusedBuildIsWhatBuildingAgainGives() {
        BuiltActions kept = new BuiltActions(1_000);
        MentionMerger reusing = new MentionMerger(SETTINGS, kept);
        MentionMerger plain = new MentionMerger(SETTINGS);
        List<ExtractedAction> reports = exchange();

        List<String> first = built(reusing.merge(reports, false, Set.of()));
        assertThat(kept.hits()).isZero();
        assertThat(first).isEqualTo(built(plain.merge(reports, false, Set.of())));

        List<String> again = built(reusing.merge(reports, false, Set.of()));
        assertThat(kept.hits()).as("every action of the same reports").isEqualTo(first.size());
        assertThat(again).isEqualTo(first);

        // one report revised (same id, new count): its action is built again, the others are reused
        List<ExtractedAction> revised = new ArrayList<>(reports);
        revised.set(3, m("r4", "a3", "RUS", "USA", ActionType.EXPEL_DIPLOMATS, "2021-03-09", 12));
        long hits = kept.hits();
        long misses = kept.misses();
        assertThat(built(reusing.merge(revised, false, Set.of()))).isEqualTo(built(plain.merge(revised, false, Set.of())));
        assertThat(kept.misses() - misses).isEqualTo(1);
        assertThat(kept.hits() - hits).isEqualTo(first.size() - 1);

        // the same reports dated as in the no-year bucket are another build
        misses = kept.misses();
        assertThat(built(reusing.merge(reports, true, Set.of()))).isEqualTo(built(plain.merge(reports, true, Set.of())));
        assertThat(kept.misses() - misses).isEqualTo(first.size());
    }

    @Test
    void aReusedActionGetsItsOwnPerArticleMap() {
        BuiltActions kept = new BuiltActions(1_000);
        MentionMerger reusing = new MentionMerger(SETTINGS, kept);
        List<ExtractedAction> reports = exchange();
        reusing.merge(reports, false, Set.of());
        MergedAction reused = reusing.merge(reports, false, Set.of()).actions().get(0);
        String before = String.valueOf(reused.bestByArticle);
        reused.bestByArticle.put("another article", 0.5); // what the fast path does to an action it extends
        MergedAction again = reusing.merge(reports, false, Set.of()).actions().get(0);
        assertThat(String.valueOf(again.bestByArticle)).isEqualTo(before);
    }

    @Test
    void keepsAtMostItsCapacityOfReportsLeastRecentlyUsedFirstOut() {
        BuiltActions kept = new BuiltActions(3);
        MentionMerger reusing = new MentionMerger(SETTINGS, kept);
        List<ExtractedAction> usa = exchange().subList(0, 3); // one action of three reports
        List<ExtractedAction> rus = exchange().subList(3, 5); // two actions of one report each
        reusing.merge(usa, false, Set.of());
        reusing.merge(rus, false, Set.of()); // 3 + 2 reports: the first action goes
        long hits = kept.hits();
        reusing.merge(rus, false, Set.of());
        assertThat(kept.hits() - hits).isEqualTo(2);
        long misses = kept.misses();
        reusing.merge(usa, false, Set.of());
        assertThat(kept.misses() - misses).isEqualTo(1);
        assertThat(new BuiltActions(0)).satisfies(none -> {
            MentionMerger m = new MentionMerger(SETTINGS, none);
            m.merge(rus, false, Set.of());
            m.merge(rus, false, Set.of());
            assertThat(none.hits()).isZero();
        });
    }

    @Test
    void aCorrelatorReusingBuildsAgreesWithOneThatBuildsEverything() {
        for (long seed = 1; seed <= 6; seed++) {
            List<ExtractedAction> corpus = new ArrayList<>(PermutationTest.randomCorpus(seed));
            Collections.shuffle(corpus, new Random(seed));
            CountingSortedStore.Counted aStores = CountingSortedStore.newStores();
            CountingSortedStore.Counted bStores = CountingSortedStore.newStores();
            // the fast path off in both, so every insert recomputes its episode through merging
            Correlator reusing = new Correlator(SETTINGS, aStores.stores(), Correlator.DEFAULT_CACHED_MENTIONS, false);
            Correlator plain = new Correlator(SETTINGS, bStores.stores(), 0, false);
            for (ExtractedAction m : corpus) {
                assertThat(reusing.add(m)).as("seed %d, insert of %s", seed, m.id()).isEqualTo(plain.add(m));
            }
            EpisodeCacheTest.assertSameStores(aStores, bStores);
            assertThat(reusing.buildsReusedAndMade()[0]).as("seed %d: builds reused", seed).isPositive();
            assertThat(plain.buildsReusedAndMade()[0]).isZero();
        }
    }
}
