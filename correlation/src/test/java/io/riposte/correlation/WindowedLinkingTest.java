package io.riposte.correlation;

import static org.assertj.core.api.Assertions.assertThat;

import io.riposte.domain.ActionType;
import io.riposte.domain.DateBasis;
import io.riposte.domain.Evidence;
import io.riposte.domain.ExtractedAction;
import io.riposte.domain.FuzzyDate;
import io.riposte.domain.Modality;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Linking looks only at the actions its windows can reach (a tail of the canonical order): on seeded
 * random episodes, long enough to leave most actions out of every window and full of threats, cues,
 * coarse and undated reports, it must give exactly what looking at every action gives.
 */
class WindowedLinkingTest {

    private static final ActionType[] TYPES = {ActionType.EXPEL_DIPLOMATS, ActionType.SANCTION, ActionType.CLOSE_MISSION,
        ActionType.THREATEN_RETALIATION, ActionType.OTHER, ActionType.SUMMON_ENVOY, ActionType.NEGOTIATE, ActionType.RECALL_ENVOY};
    private static final Modality[] MODALITIES = {Modality.ASSERTED, Modality.ASSERTED, Modality.ASSERTED, Modality.BACKGROUND,
        Modality.THREATENED, Modality.PLANNED};

    @Test
    void windowedLinkingEqualsLinkingAgainstEveryAction() {
        SplittableRandom r = new SplittableRandom(20);
        int linked = 0;
        for (int round = 0; round < 300; round++) {
            boolean noYear = round % 10 == 9;
            List<ExtractedAction> mentions = randomEpisode(r, 5 + r.nextInt(80), noYear);
            Map<String, ExtractedAction> byId = new HashMap<>();
            mentions.forEach(m -> byId.put(m.id(), m));
            CorrelationSettings settings = CorrelationSettings.defaults();
            Long latest = r.nextBoolean() ? null : LocalDate.of(2021, 6, 1).toEpochDay() + r.nextInt(1500);
            EpisodeCorrelator.Result plain = new EpisodeCorrelator(settings, byId::get, false).correlate("RUS-USA", mentions, latest, noYear, java.util.Set.of());
            EpisodeCorrelator.Result windowed = new EpisodeCorrelator(settings, byId::get, true).correlate("RUS-USA", mentions, latest, noYear, java.util.Set.of());
            assertThat(windowed).as("round %d", round).usingRecursiveComparison().ignoringFields("merged").isEqualTo(plain);
            linked += (int) plain.actions().stream().filter(a -> !a.respondsTo().isEmpty()).count();
        }
        assertThat(linked).as("links made, so the comparison says something").isGreaterThan(1_000);
    }

    /** Mentions spread over three years, so that the 90-day window leaves out most of the episode. */
    private static List<ExtractedAction> randomEpisode(SplittableRandom r, int n, boolean noYear) {
        List<ExtractedAction> out = new ArrayList<>();
        LocalDate start = LocalDate.of(2021, 1, 1);
        for (int i = 0; i < n; i++) {
            boolean us = r.nextBoolean();
            LocalDate day = start.plusDays(r.nextInt(3 * 365));
            FuzzyDate date = switch (r.nextInt(8)) {
                case 0 -> FuzzyDate.ofMonth(day.getYear(), day.getMonthValue());
                case 1 -> FuzzyDate.ofYear(day.getYear()).withRange(day.minusDays(r.nextInt(20)), day).withBasis(DateBasis.PUBLICATION_FALLBACK);
                case 2 -> FuzzyDate.ofDay(day).withBasis(DateBasis.AFTER_EARLIER_ACT);
                case 3 -> FuzzyDate.ofMonth(day.getYear(), day.getMonthValue()).withRange(day.minusDays(6), day);
                default -> FuzzyDate.ofDay(day);
            };
            if (noYear) {
                date = r.nextInt(4) == 0 ? FuzzyDate.UNKNOWN : FuzzyDate.ofMonthWithoutYear(day.getMonthValue(), null);
            }
            List<String> refs = new ArrayList<>();
            if (i > 0 && r.nextInt(4) == 0) {
                refs.add(out.get(r.nextInt(out.size())).id());
            }
            ActionType type = TYPES[r.nextInt(TYPES.length)];
            Integer count = r.nextInt(3) == 0 ? null : 1 + r.nextInt(4);
            String article = "art-" + r.nextInt(Math.max(1, n / 2));
            out.add(new ExtractedAction("m" + i, article, null, us ? "USA" : "RUS", us ? "RUS" : "USA", type, date, count,
                    MODALITIES[r.nextInt(MODALITIES.length)], 0.5 + r.nextInt(5) / 10.0,
                    List.of(new Evidence(article, null, "s" + i, 0, 1)), refs, refs.isEmpty() ? null : "in response to"));
        }
        return out;
    }
}
