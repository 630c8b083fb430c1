package io.riposte.correlation;

import static org.assertj.core.api.Assertions.assertThat;

import io.riposte.domain.ActionType;
import io.riposte.domain.DateBasis;
import io.riposte.domain.DatePrecision;
import io.riposte.domain.Evidence;
import io.riposte.domain.ExtractedAction;
import io.riposte.domain.FuzzyDate;
import io.riposte.domain.Modality;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The shortcuts that keep an insert cheap in a much-reported episode, each checked against the plain
 * computation it replaces on seeded random input (dates with notes, ranges, publication fallbacks,
 * missing years), so a change to either side that breaks their equality fails here.
 */
class ShortcutEquivalenceTest {

    private static final int ROUNDS = 3_000;

    /** Small year and month ranges, so that random dates collide and overlap often. */
    static FuzzyDate randomDate(SplittableRandom r) {
        String note = r.nextInt(3) == 0 ? null : "note" + r.nextInt(3);
        int year = 2019 + r.nextInt(3);
        int month = 1 + r.nextInt(4);
        DateBasis basis = DateBasis.values()[r.nextInt(DateBasis.values().length)];
        FuzzyDate d = switch (r.nextInt(6)) {
            case 0, 1 -> FuzzyDate.ofDay(LocalDate.of(year, month, 1 + r.nextInt(28)));
            case 2 -> FuzzyDate.ofMonth(year, month);
            case 3 -> FuzzyDate.ofMonthWithoutYear(month, null);
            case 4 -> FuzzyDate.ofYear(year);
            default -> FuzzyDate.UNKNOWN;
        };
        d = d.withNote(note);
        if (d.hasYear() && r.nextBoolean()) {
            LocalDate first = d.earliest();
            LocalDate last = d.latest();
            LocalDate end = first.plusDays(r.nextInt((int) (last.toEpochDay() - first.toEpochDay()) + 1));
            LocalDate start = end.minusDays(r.nextInt(40));
            d = d.withRange(start, end);
        }
        if (d.precision() != DatePrecision.UNKNOWN && !(basis == DateBasis.PUBLICATION_FALLBACK && !d.hasYear())) {
            d = d.withBasis(basis);
        }
        return d;
    }

    @Test
    void checkingDistinctMemberDatesIsCheckingEveryMember() {
        SplittableRandom r = new SplittableRandom(8);
        for (int round = 0; round < ROUNDS; round++) {
            int slack = r.nextInt(4);
            boolean noYear = r.nextInt(4) == 0;
            ExtractedAction anchor = mention("m0", randomDate(r), null);
            MergedAction p = new MergedAction(anchor, 0);
            List<FuzzyDate> members = new ArrayList<>(List.of(anchor.date()));
            for (int i = 1; i < 8; i++) {
                // ask before and after each join, so a stale memo would show
                for (int q = 0; q < 3; q++) {
                    FuzzyDate d = randomDate(r);
                    boolean plain = true;
                    for (FuzzyDate o : members) {
                        plain &= ActionDates.datesCompatible(d, o, slack, noYear);
                    }
                    assertThat(p.fitsDates(ActionDates.mergeKey(d), slack, noYear)).as("%s against %s", d, members).isEqualTo(plain);
                }
                ExtractedAction m = mention("m" + i, randomDate(r), null);
                p.add(m);
                members.add(m.date());
            }
        }
    }

    @Test
    void actionDateIsTheMostReportedOfTheMostPreciseDates() {
        SplittableRandom r = new SplittableRandom(9);
        for (int round = 0; round < ROUNDS; round++) {
            boolean noYear = r.nextInt(4) == 0;
            List<ExtractedAction> members = new ArrayList<>();
            FuzzyDate first = randomDate(r);
            if (!noYear && !first.hasYear()) {
                first = FuzzyDate.ofYear(2020); // a dated episode's action always has a dated report
            }
            members.add(mention("m0", first, null));
            int n = 1 + r.nextInt(12);
            for (int i = 1; i < n; i++) {
                // repeat earlier dates (with another note or range) to make ties
                FuzzyDate d = r.nextInt(3) == 0 ? members.get(r.nextInt(members.size())).date().withNote("n" + r.nextInt(2)) : randomDate(r);
                members.add(mention("m" + i, d, null));
            }
            assertThat(ActionDates.actionDate(members, noYear)).as("%s", members).isEqualTo(plainActionDate(members, noYear));
        }
    }

    /** The date choice as first written, with streams and a comparator. */
    private static FuzzyDate plainActionDate(List<ExtractedAction> members, boolean noYear) {
        List<ExtractedAction> dating = members.stream().filter(m -> noYear || m.date().hasYear()).toList();
        int bestRank = dating.stream().mapToInt(m -> ActionDates.precisionRank(m.date())).max().orElse(0);
        Map<String, Integer> freq = new HashMap<>();
        for (ExtractedAction m : dating) {
            if (ActionDates.precisionRank(m.date()) == bestRank) {
                freq.merge(String.valueOf(m.date().iso()), 1, Integer::sum);
            }
        }
        return dating.stream()
                .filter(m -> ActionDates.precisionRank(m.date()) == bestRank)
                .map(ExtractedAction::date)
                .min(Comparator.comparingInt((FuzzyDate d) -> -freq.get(String.valueOf(d.iso())))
                        .thenComparingLong(d -> ActionDates.positionOf(d) == null ? 0 : ActionDates.positionOf(d).firstDay())
                        .thenComparing(d -> d.note() == null ? "" : d.note()))
                .orElseThrow();
    }

    @Test
    void evidenceIsWhatATreeSetInMemberOrderHolds() {
        SplittableRandom r = new SplittableRandom(12);
        for (int round = 0; round < ROUNDS; round++) {
            List<ExtractedAction> members = new ArrayList<>();
            int n = 1 + r.nextInt(8);
            for (int i = 0; i < n; i++) {
                List<Evidence> ev = new ArrayList<>();
                int k = r.nextInt(4);
                for (int j = 0; j < k; j++) {
                    // few distinct values, absent ones included, so that equal and "null"-equal entries meet
                    String article = r.nextInt(5) == 0 ? null : r.nextInt(5) == 0 ? "null" : "art-" + r.nextInt(3);
                    String origin = r.nextInt(3) == 0 ? null : "o" + r.nextInt(2);
                    String sentence = r.nextInt(4) == 0 ? null : "s" + r.nextInt(2);
                    int start = r.nextInt(3);
                    ev.add(new Evidence(article, origin, sentence, start, start + r.nextInt(2)));
                }
                members.add(new ExtractedAction("m" + i, "a" + i, null, "USA", "RUS", ActionType.SANCTION,
                        FuzzyDate.ofYear(2020), null, Modality.ASSERTED, 0.5, ev, List.of(), null));
            }
            TreeSet<Evidence> plain = new TreeSet<>(Comparator
                    .comparing((Evidence e) -> String.valueOf(e.articleId()))
                    .thenComparingInt(Evidence::start)
                    .thenComparingInt(Evidence::end)
                    .thenComparing(e -> String.valueOf(e.sentence()))
                    .thenComparing(e -> String.valueOf(e.origin())));
            for (ExtractedAction m : members) {
                plain.addAll(m.evidence());
            }
            assertThat(ActionDates.evidenceOf(members)).containsExactlyElementsOf(List.copyOf(plain));
        }
    }

    @Test
    void inMemoryHasAnyIsANonEmptyRange() {
        SplittableRandom r = new SplittableRandom(13);
        InMemorySortedStore<String> store = new InMemorySortedStore<>();
        for (int i = 0; i < 40; i++) {
            store.put("k" + r.nextInt(100), "v");
        }
        for (int round = 0; round < ROUNDS; round++) {
            String from = "k" + r.nextInt(110);
            String to = r.nextInt(10) == 0 ? from : "k" + r.nextInt(110);
            assertThat(store.hasAny(from, to)).as("%s..%s", from, to).isEqualTo(!store.range(from, to).isEmpty());
        }
    }

    @Test
    void sortedDisjointIsCollectionsDisjoint() {
        SplittableRandom r = new SplittableRandom(10);
        for (int round = 0; round < ROUNDS; round++) {
            List<String> a = randomSortedIds(r);
            List<String> b = randomSortedIds(r);
            assertThat(ResponseLinker.disjoint(a, b)).as("%s %s", a, b).isEqualTo(Collections.disjoint(a, b));
        }
    }

    private static List<String> randomSortedIds(SplittableRandom r) {
        TreeSet<String> s = new TreeSet<>();
        int n = r.nextInt(6);
        for (int i = 0; i < n; i++) {
            s.add("art-" + r.nextInt(12));
        }
        return List.copyOf(s);
    }

    @Test
    void dayKeysAreZeroPaddedEpochDaysAsBefore() {
        SplittableRandom r = new SplittableRandom(11);
        List<Long> days = new ArrayList<>(List.of(0L, -1L, 1L, -Keys.DAY_OFFSET, -Keys.DAY_OFFSET - 5, 89_999_999L, 90_000_005L,
                Long.MIN_VALUE, Long.MAX_VALUE, LocalDate.of(2021, 4, 15).toEpochDay(), YearMonth.of(1, 1).atDay(1).toEpochDay()));
        for (int i = 0; i < ROUNDS; i++) {
            days.add(r.nextLong(-20_000_000L, 100_000_000L));
        }
        for (long d : days) {
            long clamped = Math.max(-Keys.DAY_OFFSET, Math.min(99_999_999L - Keys.DAY_OFFSET, d));
            assertThat(Keys.day(d)).as("day %d", d).isEqualTo(String.format("%08d", clamped + Keys.DAY_OFFSET));
        }
    }

    @Test
    void twoDigitsIsPercentZeroTwoD() {
        for (int n = -120; n <= 120; n++) {
            assertThat(Keys.twoDigits(n)).isEqualTo(String.format("%02d", n));
        }
        assertThat(Keys.twoDigits(Integer.MIN_VALUE)).isEqualTo(String.format("%02d", Integer.MIN_VALUE));
    }

    private static ExtractedAction mention(String id, FuzzyDate date, Integer count) {
        return new ExtractedAction(id, "art-" + id, null, "USA", "RUS", ActionType.EXPEL_DIPLOMATS, date, count,
                Modality.ASSERTED, 0.8, List.of(new Evidence("art-" + id, null, "s", 0, 1)), List.of(), null);
    }
}
