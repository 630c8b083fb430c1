package io.riposte.correlation;

import static org.assertj.core.api.Assertions.assertThat;

import io.riposte.domain.Action;
import io.riposte.domain.ActionType;
import io.riposte.domain.DateBasis;
import io.riposte.domain.Evidence;
import io.riposte.domain.ExtractedAction;
import io.riposte.domain.FuzzyDate;
import io.riposte.domain.Modality;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Issue 13: a merged action is never coarser than the finest of its reports whose date agrees with
 * the action's, over random report sets (every precision, stated and publication-fallback dates,
 * counts, both sides); each report's own date stays on its evidence.
 */
class ActionDatePropertyTest {

    private static final LocalDate BASE = LocalDate.of(2021, 3, 1);

    private static FuzzyDate randomDate(Random r) {
        LocalDate day = BASE.plusDays(r.nextInt(100));
        return switch (r.nextInt(8)) {
            case 0, 1 -> FuzzyDate.ofDay(day);
            case 2 -> FuzzyDate.ofMonth(day.getYear(), day.getMonthValue());
            case 3 -> FuzzyDate.ofYear(day.getYear());
            case 4 -> FuzzyDate.ofMonth(day.getYear(), day.getMonthValue()).withRange(day.minusDays(7), day)
                    .withBasis(DateBasis.PUBLICATION_FALLBACK);
            case 5 -> FuzzyDate.ofDay(day).withRange(day.minusDays(7), day).withBasis(DateBasis.PUBLICATION_FALLBACK);
            case 6 -> FuzzyDate.ofMonthWithoutYear(day.getMonthValue(), null);
            default -> FuzzyDate.UNKNOWN;
        };
    }

    private static List<ExtractedAction> reports(long seed) {
        Random r = new Random(seed);
        int n = 2 + r.nextInt(10);
        List<ExtractedAction> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            boolean russia = r.nextInt(3) > 0;
            ActionType type = r.nextBoolean() ? ActionType.EXPEL_DIPLOMATS : ActionType.SANCTION;
            Integer count = r.nextInt(3) == 0 ? null : 2 + r.nextInt(2);
            Modality modality = r.nextInt(5) == 0 ? Modality.BACKGROUND : Modality.ASSERTED;
            String article = "s" + seed + "a" + i;
            String src = russia ? "RUS" : "USA";
            String tgt = russia ? "USA" : "RUS";
            out.add(new ExtractedAction("m" + seed + "-" + i, article, article + ".txt", src, tgt, type, randomDate(r), count,
                    modality, 0.8, List.of(new Evidence(article, article + ".txt", "report " + i, 0, 8)), List.of(), null));
        }
        return out;
    }

    @Test
    void noMergedActionIsCoarserThanItsFinestCompatibleReport() {
        int merged = 0;
        for (long seed = 0; seed < 300; seed++) {
            List<ExtractedAction> reports = reports(seed);
            for (Action a : BatchCorrelation.correlateAll(reports).actions()) {
                assertThat(a.evidence()).as("seed %d: every report's date kept on %s", seed, a.id())
                        .allMatch(e -> e.date() != null);
                merged += a.evidence().size() > 1 ? 1 : 0;
                for (Evidence e : a.evidence()) {
                    FuzzyDate d = e.date();
                    // a dated action is dated by its dated reports; year-less ones only add their evidence
                    boolean counts = a.date().hasYear() == d.hasYear() && d.compatibleWith(a.date(), 3);
                    if (counts) {
                        assertThat(ActionDates.precisionRank(a.date())).as("seed %d: %s shows %s but a report says %s", seed, a.id(), a.date(), d)
                                .isGreaterThanOrEqualTo(ActionDates.precisionRank(d));
                    }
                }
            }
        }
        // the property is about merges: make sure the random sets produce them
        assertThat(merged).isGreaterThan(100);
    }

    @Test
    void aStatedDateWinsOverAFallbackOfAnotherMonthAndAFallbackRefinesAYear() {
        FuzzyDate june = FuzzyDate.ofMonth(2021, 6).withRange(LocalDate.of(2021, 6, 3), LocalDate.of(2021, 6, 10))
                .withBasis(DateBasis.PUBLICATION_FALLBACK);
        ExtractedAction fallback = new ExtractedAction("f", "f", "f.txt", "RUS", "USA", ActionType.EXPEL_DIPLOMATS, june, 5,
                Modality.ASSERTED, 0.8, List.of(new Evidence("f", "f.txt", "report f", 0, 8)), List.of(), null);
        ExtractedAction may = Fixtures.m("s", "s", "RUS", "USA", ActionType.EXPEL_DIPLOMATS, "2021-05", 5);
        ExtractedAction year = Fixtures.m("y", "y", "RUS", "USA", ActionType.EXPEL_DIPLOMATS, "2021", 5);
        assertThat(only(List.of(fallback, may)).date().iso()).isEqualTo("2021-05");
        Action refined = only(List.of(fallback, year));
        assertThat(refined.date().iso()).isEqualTo("2021-06");
        assertThat(refined.evidence()).extracting(e -> e.date().iso()).containsExactlyInAnyOrder("2021-06", "2021");
    }

    @Test
    void dayReportsBeyondTheToleranceStaySeparateActions() {
        List<Action> actions = BatchCorrelation.correlateAll(List.of(
                Fixtures.m("a", "a", "RUS", "USA", ActionType.EXPEL_DIPLOMATS, "2021-04-10", 5),
                Fixtures.m("b", "b", "RUS", "USA", ActionType.EXPEL_DIPLOMATS, "2021-04-20", 5))).actions();
        assertThat(actions).extracting(a -> a.date().iso()).containsExactlyInAnyOrder("2021-04-10", "2021-04-20");
    }

    private static Action only(List<ExtractedAction> reports) {
        List<Action> actions = BatchCorrelation.correlateAll(reports).actions();
        assertThat(actions).hasSize(1);
        return actions.get(0);
    }
}
