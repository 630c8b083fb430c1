package io.riposte.correlation;

import static io.riposte.correlation.ActionDates.dayRange;

import io.riposte.domain.ActionType;
import io.riposte.domain.DateBasis;
import io.riposte.domain.ExtractedAction;
import java.util.Comparator;

/**
 * Ordering: which of two actions came first, so that the later may answer the earlier. The canonical
 * {@link #ORDER} sorts an episode's actions; {@link #precedes} and its stricter forms decide single pairs.
 */
final class TimelineOrder {

    private TimelineOrder() {}

    /** The canonical timeline order of actions: middle of the date, more precise first, then id. */
    static final Comparator<MergedAction> ORDER = timeline()
            // on the same date a threat answers the measure, not the other way round
            .thenComparingInt(p -> p.threat() ? 1 : 0)
            // and a measure answers an unfriendly act that is none (an incident, a statement, a
            // recognition): that is what measures are taken over
            .thenComparingInt(p -> p.type == ActionType.OTHER ? 0 : 1)
            // and the more reported, harsher act is more likely the one that started it
            .thenComparingInt(p -> -p.articles.size())
            .thenComparingDouble(p -> p.type.severity())
            .thenComparing(p -> p.id);

    /** The part of {@link #ORDER} that reads only what the text says of the dates. */
    private static Comparator<MergedAction> timeline() {
        return Comparator
                .comparingLong((MergedAction p) -> p.orderingPosition == null ? Long.MAX_VALUE : p.orderingPosition.middleDay())
                .thenComparingInt(p -> p.orderingPosition == null ? 0 : -p.orderingPosition.precisionRank())
                .thenComparingLong(p -> p.orderingPosition == null ? 0 : p.orderingPosition.firstDay())
                // "... and the other side did the same the same day": the act dated by reference came second
                .thenComparingInt(p -> p.datedAfter ? 1 : 0);
    }

    private static final Comparator<MergedAction> TIMELINE = timeline();

    /**
     * Whether {@link #ORDER} (and {@link #tied}) would read the coverage of a and b to order them: the
     * same timeline keys, both threats or neither, both OTHER or neither.
     */
    static boolean orderReadsCoverage(MergedAction a, MergedAction b) {
        return TIMELINE.compare(a, b) == 0 && a.threat() == b.threat() && (a.type == ActionType.OTHER) == (b.type == ActionType.OTHER);
    }

    /**
     * Whether a came before b, so that b may answer it. Disjoint dates decide by themselves. When they
     * overlap and one contains the other: of a threat and a measure, the measure comes first; a
     * year-precise date is otherwise too vague to order against anything inside its year (no
     * inference; explicit cues still link); a
     * precise date inside a coarser one comes first (the coarse report is typically the reaction, "in
     * April Moscow summoned..."); otherwise the canonical
     * order decides (date middle, then threats after measures, OTHER acts before measures, then the more
     * reported, harsher one).
     */
    static boolean precedes(MergedAction a, MergedAction b) {
        return precedes(a, b, ORDER);
    }

    /**
     * {@link #precedes} without the guesses by kind, coverage and severity when the dates tie: what may
     * overrule a cue that reaches into another sentence.
     */
    static boolean precedesOnTimeline(MergedAction a, MergedAction b) {
        return precedes(a, b, TIMELINE);
    }

    private static boolean precedes(MergedAction a, MergedAction b, Comparator<MergedAction> ties) {
        if (a == b || a.orderingPosition == null || b.orderingPosition == null) {
            return false;
        }
        if (a.orderingPosition.lastDay() < b.orderingPosition.firstDay()) {
            return true;
        }
        if (b.orderingPosition.lastDay() < a.orderingPosition.firstDay()) {
            return false;
        }
        boolean aInB = a.orderingPosition.firstDay() >= b.orderingPosition.firstDay() && a.orderingPosition.lastDay() <= b.orderingPosition.lastDay();
        boolean bInA = b.orderingPosition.firstDay() >= a.orderingPosition.firstDay() && b.orderingPosition.lastDay() <= a.orderingPosition.lastDay();
        if ((aInB || bInA) && a.threat() != b.threat()) {
            return b.threat(); // a threat answers; a measure of the threat's month (or year) still came first
        }
        if (a.orderingPosition.precisionRank() <= 1 || b.orderingPosition.precisionRank() <= 1) {
            return false;
        }
        // A precise date inside the days of an undated report (publication fallback) comes first: the
        // text dates what it cites and leaves the news of the day undated. A precise date inside a
        // stated coarse date ("this month", "in April") is ordered by the middles like any other.
        // An act that a cue cites is not that news, however undated.
        if (aInB && !bInA && fallback(b) && !b.citedByCue) {
            return true;
        }
        if (bInA && !aInB && fallback(a) && !a.citedByCue) {
            return false;
        }
        return ties.compare(a, b) < 0;
    }

    /**
     * Whether a's days all lie before b's: what may overrule the word of a cue. Overlapping dates are
     * ordered by {@link #precedes} with guesses (middles of coarse dates, undated news last, the more
     * reported first) that the text's word beats.
     */
    static boolean datedBefore(MergedAction a, MergedAction b) {
        return a != b && a.orderingPosition != null && b.orderingPosition != null && a.orderingPosition.lastDay() < b.orderingPosition.firstDay();
    }

    /**
     * Whether only the id tells a from b in the canonical order: the same days, kind of date, standing,
     * coverage and severity. Then nothing says who answered whom ("Moscow and Sofia each close a
     * consulate", both undated in one article), and inference links neither way; the reciprocity
     * association still puts both in one chain.
     */
    static boolean tied(MergedAction a, MergedAction b) {
        return a.orderingPosition != null && b.orderingPosition != null && a.orderingPosition.equals(b.orderingPosition) && a.datedAfter == b.datedAfter
                && a.threat() == b.threat() && a.articles.size() == b.articles.size()
                && a.type.severity() == b.type.severity();
    }

    /**
     * Whether only the guesses by kind, coverage and severity put a before b, both undated reports of
     * the same days (the news of one publication week). The text then tells both as the day's news and
     * not who began; the harsher or more reported act is a guess that inference does not take for a
     * provocation (an explicit cue still links). The reciprocity association still chains them.
     */
    static boolean guessedBetweenUndated(MergedAction a, MergedAction b) {
        return fallback(a) && fallback(b) && a.orderingPosition != null && a.orderingPosition.equals(b.orderingPosition)
                && !precedesOnTimeline(a, b);
    }

    private static boolean fallback(MergedAction p) {
        return p.workingDate.basis() == DateBasis.PUBLICATION_FALLBACK;
    }

    /** Days from a to b, middle to middle, never negative (a precise date inside b may lie after b's middle). */
    static long distance(MergedAction a, MergedAction b) {
        return Math.max(0, b.orderingPosition.middleDay() - a.orderingPosition.middleDay());
    }

    /**
     * The ordering position: a coarse date narrowed by the tightest range its reports give (the one
     * ending first, so the set of members decides, not their order). A reported action the text did
     * not date, in an article of 17 April, is no longer "some day of 2021" that can be ordered against
     * nothing: it happened in the days before publication, before an answer dated 18 April.
     */
    static TimelinePosition orderingPositionOf(MergedAction p) {
        if (p.position == null || p.position.precisionRank() == 4) {
            return p.position;
        }
        long[] best = null;
        for (ExtractedAction m : p.members) {
            long[] r = dayRange(m.date());
            if (r == null && m.date().hasYear()) {
                // a report with a plain coarse date ("this year", "in 2021") may be of anything earlier:
                // another report's publication range does not bound the action
                return p.position;
            }
            if (r != null && r[0] <= p.position.lastDay() && r[1] >= p.position.firstDay()
                    && (best == null || r[1] < best[1] || (r[1] == best[1] && r[0] > best[0]))) {
                best = r;
            }
        }
        if (best == null) {
            return p.position;
        }
        long e = Math.max(p.position.firstDay(), best[0]);
        long l = Math.min(p.position.lastDay(), best[1]);
        return new TimelinePosition(e, l, e + (l - e) / 2, Math.max(p.position.precisionRank(), 3));
    }
}
