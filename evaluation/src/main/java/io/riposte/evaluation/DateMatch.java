package io.riposte.evaluation;

import io.riposte.domain.DatePrecision;
import io.riposte.domain.FuzzyDate;
import java.time.LocalDate;

/**
 * The date rules of the reference scorer ({@code ../shared/eval/score.py}, {@code date_distance} and
 * {@code exact_date}): whether a predicted date may stand for a gold date, how close it is, and
 * whether it is as precise as the gold.
 *
 * <p>Dates are compared as written (at their precision), so an in-memory prediction scores exactly
 * as the line {@code riposte extract} writes for it.
 */
public final class DateMatch {
    public static final int DAY_TOLERANCE = 3;

    /** A date as written: year, month, day, each null where not given. */
    private record Ymd(Integer y, Integer m, Integer d) {
        static Ymd of(FuzzyDate f) {
            return switch (f.precision()) {
                case DAY -> new Ymd(f.year(), f.month(), f.day());
                case MONTH -> new Ymd(f.hasYear() ? f.year() : null, f.month(), null);
                case YEAR -> new Ymd(f.year(), null, null);
                case UNKNOWN -> null;
            };
        }

        long daysTo(Ymd o) {
            return Math.abs(LocalDate.of(y, m, d).toEpochDay() - LocalDate.of(o.y, o.m, o.d).toEpochDay());
        }
    }

    private DateMatch() {}

    /**
     * Null when the dates are incompatible, else the closeness (smaller is better): days apart for two
     * day dates, 5 when the months agree and one side has no day, 10 for {@code --MM} against a
     * month, 20 when one side is a bare year, 30 for {@code --MM} against a bare year, 50 for a null
     * gold date. A null predicted date matches only a null gold date.
     */
    public static Integer distance(FuzzyDate gold, FuzzyDate predicted) {
        Ymd g = Ymd.of(gold);
        if (g == null) {
            return 50;
        }
        Ymd p = Ymd.of(predicted);
        if (p == null) {
            return null;
        }
        if (g.y() == null || p.y() == null) {
            if (g.m() == null || p.m() == null) {
                return 30;
            }
            return p.m().equals(g.m()) ? 10 : null;
        }
        if (!p.y().equals(g.y())) {
            return null;
        }
        if (g.m() == null || p.m() == null) {
            return 20;
        }
        if (g.d() != null && p.d() != null) {
            long delta = g.daysTo(p);
            return delta <= DAY_TOLERANCE ? (int) delta : null;
        }
        return p.m().equals(g.m()) ? 5 : null;
    }

    /** The prediction has at least the gold date's precision and agrees at it. */
    public static boolean exact(FuzzyDate gold, FuzzyDate predicted) {
        Ymd g = Ymd.of(gold);
        Ymd p = Ymd.of(predicted);
        if (g == null) {
            return true;
        }
        if (p == null) {
            return false;
        }
        if (g.y() == null) {
            return g.m().equals(p.m());
        }
        if (!g.y().equals(p.y())) {
            return false;
        }
        if (g.m() == null) {
            return true;
        }
        if (p.m() == null) {
            return false;
        }
        if (g.d() == null) {
            return g.m().equals(p.m());
        }
        if (p.d() == null) {
            return false;
        }
        return g.daysTo(p) <= DAY_TOLERANCE;
    }

    static boolean known(FuzzyDate d) {
        return d.precision() != DatePrecision.UNKNOWN;
    }
}
