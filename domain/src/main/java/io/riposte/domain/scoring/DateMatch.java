package io.riposte.domain.scoring;

import io.riposte.domain.DatePrecision;
import io.riposte.domain.FuzzyDate;

/**
 * The date rule of EVALUATION.md, and how strongly two dates agree.
 *
 * <p>Dates are compared at the coarser of the two precisions: two day-precision dates must lie
 * within {@value #DAY_SLACK} days of each other; otherwise the month (or the year) of the coarser
 * one must contain the other. A year-less month ({@code --09}) only constrains the month. A gold
 * date of null matches anything (the rule of EVALUATION.md); a prediction with an unknown date is
 * also accepted against a dated gold action, because it states nothing the gold contradicts, but
 * it is the weakest possible candidate: the matcher always prefers a dated prediction for a gold
 * action, so an undated one can only take a gold action nothing better claims.
 */
public final class DateMatch {
    public static final int DAY_SLACK = 3;

    private DateMatch() {}

    public static boolean compatible(FuzzyDate gold, FuzzyDate predicted) {
        if (gold.precision() == DatePrecision.UNKNOWN || predicted.precision() == DatePrecision.UNKNOWN) {
            return true;
        }
        if (!gold.hasYear() || !predicted.hasYear()) {
            // --MM on one side: only the months can be compared; a bare year says nothing about the month.
            return gold.month() == null || predicted.month() == null || gold.month().equals(predicted.month());
        }
        if (gold.precision() == DatePrecision.DAY && predicted.precision() == DatePrecision.DAY) {
            return Math.abs(gold.earliest().toEpochDay() - predicted.earliest().toEpochDay()) <= DAY_SLACK;
        }
        // Coarser precision decides: the intervals overlap iff the coarser one contains the finer one.
        return !gold.latest().isBefore(predicted.earliest()) && !predicted.latest().isBefore(gold.earliest());
    }

    /** Lower is better: how much a compatible prediction's date says about the gold date. */
    static int cost(FuzzyDate gold, FuzzyDate predicted) {
        if (predicted.precision() == DatePrecision.UNKNOWN) {
            return gold.precision() == DatePrecision.UNKNOWN ? 0 : 50;
        }
        if (gold.precision() == DatePrecision.UNKNOWN) {
            return 5;
        }
        if (gold.precision() == DatePrecision.DAY && predicted.precision() == DatePrecision.DAY) {
            return (int) Math.abs(gold.earliest().toEpochDay() - predicted.earliest().toEpochDay());
        }
        if (gold.precision() == predicted.precision() && gold.hasYear() == predicted.hasYear()) {
            return 0;
        }
        return 10 + Math.abs(rank(gold) - rank(predicted));
    }

    private static int rank(FuzzyDate d) {
        return switch (d.precision()) {
            case DAY -> 4;
            case MONTH -> d.hasYear() ? 3 : 2;
            case YEAR -> 1;
            case UNKNOWN -> 0;
        };
    }
}
