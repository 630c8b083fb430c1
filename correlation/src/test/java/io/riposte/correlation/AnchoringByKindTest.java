package io.riposte.correlation;

import static io.riposte.correlation.Fixtures.m;
import static io.riposte.domain.ActionType.EXPEL_DIPLOMATS;
import static io.riposte.domain.ActionType.OTHER;
import static io.riposte.domain.ActionType.SANCTION;
import static io.riposte.domain.ActionType.THREATEN_RETALIATION;
import static io.riposte.domain.Modality.ASSERTED;
import static org.assertj.core.api.Assertions.assertThat;

import io.riposte.domain.Action;
import io.riposte.domain.ActionType;
import io.riposte.domain.ExtractedAction;
import io.riposte.domain.Modality;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * An undated report of a measure with neither count nor month ("Paris expelled Italian diplomats" in an
 * article without a date) is recognised by its kind alone when the dyad's dated reports of its sides
 * and type can only be one action of the current exchange; two such actions, or one long before the
 * dyad's latest date, leave it in the no-year bucket. The rule is over the set of mentions, so every
 * order gives the batch result, with the episode cache or without.
 */
class AnchoringByKindTest {

    /** A dated exchange (article "a") and an undated article ("u") telling the same two expulsions. */
    private static List<ExtractedAction> exchange() {
        return List.of(
                m("d1", "a", "FRA", "ITA", EXPEL_DIPLOMATS, "2024-03-04", 2),
                m("d2", "a", "ITA", "FRA", EXPEL_DIPLOMATS, "2024-03-06", 2),
                m("u1", "u", "FRA", "ITA", EXPEL_DIPLOMATS, "", null),
                m("u2", "u", "ITA", "FRA", EXPEL_DIPLOMATS, "", null, ASSERTED, "u1"));
    }

    private static BatchCorrelation.Result batch(List<ExtractedAction> in) {
        return BatchCorrelation.correlateAll(in);
    }

    /** Every order of a few mentions (all of them: 24 for four, 120 for five) gives the same actions and chains. */
    static BatchCorrelation.Result sameInEveryOrder(List<ExtractedAction> in) {
        BatchCorrelation.Result first = batch(in);
        for (List<ExtractedAction> order : permutations(in)) {
            BatchCorrelation.Result r = batch(order);
            assertThat(r.actions()).as("actions, order %s", order.stream().map(ExtractedAction::id).toList()).isEqualTo(first.actions());
            assertThat(r.chains()).as("chains, order %s", order.stream().map(ExtractedAction::id).toList()).isEqualTo(first.chains());
        }
        EpisodeCacheTest.assertSameAsWithoutCache(in, Correlator.DEFAULT_CACHED_MENTIONS);
        return first;
    }

    private static List<List<ExtractedAction>> permutations(List<ExtractedAction> in) {
        if (in.size() <= 1) {
            return List.of(in);
        }
        List<List<ExtractedAction>> out = new ArrayList<>();
        for (int i = 0; i < in.size(); i++) {
            List<ExtractedAction> rest = new ArrayList<>(in);
            ExtractedAction head = rest.remove(i);
            for (List<ExtractedAction> p : permutations(rest)) {
                List<ExtractedAction> l = new ArrayList<>();
                l.add(head);
                l.addAll(p);
                out.add(l);
            }
        }
        return out;
    }

    private static Action of(BatchCorrelation.Result r, String source, ActionType type) {
        List<Action> found = r.actions().stream().filter(a -> a.source().equals(source) && a.type() == type).toList();
        assertThat(found).as("%s %s actions", source, type).hasSize(1);
        return found.get(0);
    }

    @Test
    void bareUndatedReportsJoinTheOneDatedActionOfTheirKindAndTheirCueFollows() {
        BatchCorrelation.Result r = sameInEveryOrder(exchange());

        assertThat(r.actions()).hasSize(2).allSatisfy(a -> assertThat(a.date().hasYear()).isTrue());
        Action first = of(r, "FRA", EXPEL_DIPLOMATS);
        Action answer = of(r, "ITA", EXPEL_DIPLOMATS);
        assertThat(first.articles()).containsExactly("a.txt", "u.txt");
        assertThat(answer.articles()).containsExactly("a.txt", "u.txt");
        assertThat(answer.respondsTo()).extracting(io.riposte.domain.Link::actionId).containsExactly(first.id());
        assertThat(r.chains()).hasSize(1);
        assertThat(r.chains().get(0).steps()).hasSize(2);
    }

    /**
     * A dated measure is indexed under its kind only when neither its count nor its month indexes it (one
     * changelog record less per dated report); anchoring by kind still sees every dated report of the kind,
     * whichever index holds it: here a report by count and month, and one of a year alone.
     */
    @Test
    void anchoringByKindReadsTheReportsIndexedByCountMonthOrKind() {
        List<ExtractedAction> byCount = List.of(
                m("d1", "a", "FRA", "ITA", EXPEL_DIPLOMATS, "2024-03-04", 2),
                m("u1", "u", "FRA", "ITA", EXPEL_DIPLOMATS, "", null));
        List<ExtractedAction> byYear = List.of(
                m("d9", "a", "FRA", "ITA", SANCTION, "2024", null),
                m("u9", "u", "FRA", "ITA", SANCTION, "", null));
        for (List<ExtractedAction> in : List.of(byCount, byYear)) {
            CountingSortedStore.Counted stores = CountingSortedStore.newStores();
            Correlator c = new Correlator(CorrelationSettings.defaults(), stores.stores());
            in.forEach(c::add);
            List<String> kindEntries = stores.index().snapshot().keySet().stream().filter(k -> k.startsWith("anc|") && k.contains("|k|")).toList();
            assertThat(kindEntries).as("kind entries for %s", in.get(0).date()).hasSize(in == byYear ? 1 : 0);
            assertThat(stores.actions().snapshot().values()).as("the undated report joins the dated one")
                    .singleElement().satisfies(a -> assertThat(a.articles()).containsExactly("a.txt", "u.txt"));
            sameInEveryOrder(in);
        }
    }

    @Test
    void twoDatedActionsOfTheKindLeaveTheReportUndated() {
        List<ExtractedAction> in = new ArrayList<>(exchange());
        in.add(m("d3", "b", "FRA", "ITA", EXPEL_DIPLOMATS, "2024-04-02", 5)); // which expulsion does u1 tell?
        BatchCorrelation.Result r = sameInEveryOrder(in);

        List<Action> undated = r.actions().stream().filter(a -> !a.date().hasYear()).toList();
        assertThat(undated).extracting(Action::source).containsExactly("FRA");
        assertThat(undated.get(0).articles()).containsExactly("u.txt");
        // the answer is still known by its kind (one dated ITA expulsion), and now cites an undated act
        assertThat(of(r, "ITA", EXPEL_DIPLOMATS).articles()).containsExactly("a.txt", "u.txt");
    }

    @Test
    void anActionLongBeforeTheDyadsLatestDateIsNotWhatAnUndatedArticleReports() {
        List<ExtractedAction> in = List.of(
                m("d1", "a", "FRA", "ITA", EXPEL_DIPLOMATS, "2022-01-10", 2),
                m("d4", "b", "ITA", "FRA", SANCTION, "2024-05-01", null),
                m("u1", "u", "FRA", "ITA", EXPEL_DIPLOMATS, "", null),
                m("u3", "u", "ITA", "FRA", SANCTION, "", null));
        BatchCorrelation.Result r = sameInEveryOrder(in);

        assertThat(r.actions().stream().filter(a -> !a.date().hasYear()).map(Action::source)).containsExactly("FRA");
        assertThat(of(r, "ITA", SANCTION).articles()).containsExactly("b.txt", "u.txt");
    }

    @Test
    void threatsAndOtherActsAreNeverRecognisedByKind() {
        List<ExtractedAction> in = List.of(
                m("d5", "a", "FRA", "ITA", THREATEN_RETALIATION, "2024-03-04", null),
                m("d6", "a", "ITA", "FRA", OTHER, "2024-03-01", null),
                m("u4", "u", "FRA", "ITA", THREATEN_RETALIATION, "", null),
                m("u5", "u", "ITA", "FRA", OTHER, "", null));
        BatchCorrelation.Result r = sameInEveryOrder(in);

        assertThat(r.actions()).hasSize(4);
        assertThat(r.actions().stream().filter(a -> !a.date().hasYear()).map(Action::articles))
                .containsOnly(List.of("u.txt"));
    }

    /**
     * Random exchanges of one dyad over two years with many bare undated reports: anchors appear, move
     * and vanish as dated reports and later dates arrive; every shuffled order ends as the batch, and the
     * episode cache changes no update.
     */
    @Test
    void randomExchangesGiveTheBatchResultInEveryOrder() {
        ActionType[] types = {EXPEL_DIPLOMATS, SANCTION, ActionType.RECALL_ENVOY, THREATEN_RETALIATION, OTHER};
        Modality[] modalities = {ASSERTED, ASSERTED, ASSERTED, Modality.BACKGROUND, Modality.NEGATED, Modality.THREATENED};
        for (long seed = 1; seed <= 12; seed++) {
            Random rnd = new Random(seed);
            List<ExtractedAction> in = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                boolean fra = rnd.nextBoolean();
                String date = rnd.nextInt(3) == 0 ? ""
                        : LocalDate.of(2023, 1, 1).plusDays(rnd.nextInt(700)).toString().substring(0, rnd.nextInt(4) == 0 ? 7 : 10);
                Integer count = rnd.nextInt(3) == 0 ? 1 + rnd.nextInt(3) : null;
                String[] refs = rnd.nextInt(5) == 0 && i > 0 ? new String[] {"k" + rnd.nextInt(i)} : new String[0];
                String id = rnd.nextInt(10) == 0 && i > 0 ? "k" + rnd.nextInt(i) : "k" + i; // a revision
                in.add(m(id, "a" + rnd.nextInt(15), fra ? "FRA" : "ITA", fra ? "ITA" : "FRA", types[rnd.nextInt(types.length)],
                        date, count, modalities[rnd.nextInt(modalities.length)], refs));
            }
            BatchCorrelation.Result expected = batch(dedupedLastWins(in));
            for (int k = 0; k < 6; k++) {
                List<ExtractedAction> order = dedupedLastWins(in);
                Collections.shuffle(order, new Random(seed * 31 + k));
                BatchCorrelation.Result r = batch(order);
                assertThat(r.actions()).as("actions, seed %d order %d", seed, k).isEqualTo(expected.actions());
                assertThat(r.chains()).as("chains, seed %d order %d", seed, k).isEqualTo(expected.chains());
            }
            EpisodeCacheTest.assertSameAsWithoutCache(in, Correlator.DEFAULT_CACHED_MENTIONS);
            EpisodeCacheTest.assertSameAsWithoutCache(in, 10);
        }
    }

    /** The final set of mentions when later reports revise earlier ones (same id): the last one of each id. */
    private static List<ExtractedAction> dedupedLastWins(List<ExtractedAction> in) {
        java.util.Map<String, ExtractedAction> last = new java.util.LinkedHashMap<>();
        for (ExtractedAction m : in) {
            last.remove(m.id());
            last.put(m.id(), m);
        }
        return new ArrayList<>(last.values());
    }
}
