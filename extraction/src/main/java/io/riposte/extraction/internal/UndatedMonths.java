package io.riposte.extraction.internal;

import io.riposte.domain.ActionType;
import io.riposte.domain.DatePrecision;
import io.riposte.domain.FuzzyDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Months chained through the text of an article without a publication date. Such an article cannot
 * resolve "last month" or "on Friday" by itself, but it may name the same act twice: once with its
 * month ("expelled three Danes in May") and once relative to the time of writing ("the expulsion of
 * three Danes last month"). That fixes the month of writing (June), year still unknown: "last month"
 * is then {@code --05} and the undated news of the article ("on Friday", "this week", no date at
 * all) is {@code --06}. Nothing finer than a month and never a year is given, since neither is known.
 * A weekday written with its date ("on Friday (3 March)") fixes the month of writing as well.
 * When the text implies two different months of writing, nothing is resolved.
 */
public final class UndatedMonths {

    /**
     * One report of an act as extraction found it.
     *
     * @param recalled a past act the text refers back to (background, subordinate clause): it is not
     *     the news of the article, so an undated recall stays undated
     */
    public record Report(String source, String target, ActionType type, Integer count, FuzzyDate date, boolean recalled) {}

    private UndatedMonths() {}

    /**
     * @return for each report, in order, its month resolved through the chain, or null where it keeps
     *     its date (no chain found, or the date is not one the chain resolves)
     */
    public static List<FuzzyDate> resolve(DateWords dw, List<Report> reports) {
        Integer now = null;
        for (Report r : reports) {
            // news dated by its weekday and the day beside it ("on Friday (3 March)") is the week of writing
            if (!r.recalled() && yearlessMonth(r.date()) && isWeekdayDated(dw, r.date())) {
                if (now != null && !now.equals(r.date().month())) {
                    return unresolved(reports.size());
                }
                now = r.date().month();
            }
        }
        for (Report r : reports) {
            if (!isLastMonth(r.date())) {
                continue;
            }
            for (Report q : reports) {
                if (q != r && yearlessMonth(q.date()) && q.source().equals(r.source()) && q.target().equals(r.target())
                        && q.type() == r.type() && (q.count() == null || r.count() == null || q.count().equals(r.count()))) {
                    int writing = q.date().month() % 12 + 1;
                    if (now != null && now != writing) {
                        return unresolved(reports.size());
                    }
                    now = writing;
                }
            }
        }
        List<FuzzyDate> out = unresolved(reports.size());
        if (now == null) {
            return out;
        }
        int previous = (now + 10) % 12 + 1;
        for (int i = 0; i < reports.size(); i++) {
            Report r = reports.get(i);
            FuzzyDate d = r.date();
            if (isLastMonth(d)) {
                out.set(i, FuzzyDate.ofMonthWithoutYear(previous, "last month, by the months the text chains"));
            } else if (d.precision() == DatePrecision.UNKNOWN && !r.recalled() && d.note() != null
                    && dw.writingTime.contains(d.note().toLowerCase(java.util.Locale.ROOT))) {
                out.set(i, FuzzyDate.ofMonthWithoutYear(now, d.note() + ", in the month of writing the text implies"));
            }
        }
        return out;
    }

    private static List<FuzzyDate> unresolved(int n) {
        List<FuzzyDate> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(null);
        }
        return out;
    }

    private static boolean isLastMonth(FuzzyDate d) {
        return d.precision() == DatePrecision.UNKNOWN && Objects.equals(d.note(), "last month");
    }

    private static boolean isWeekdayDated(DateWords dw, FuzzyDate d) {
        String note = d.note();
        int space = note == null ? -1 : note.indexOf(' ');
        return space > 0 && dw.weekdays.containsKey(note.substring(0, space).toLowerCase(java.util.Locale.ROOT));
    }

    private static boolean yearlessMonth(FuzzyDate d) {
        return d.precision() == DatePrecision.MONTH && !d.hasYear();
    }
}
