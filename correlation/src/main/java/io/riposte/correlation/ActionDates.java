package io.riposte.correlation;

import static io.riposte.correlation.MentionMerger.anchorMonth;

import io.riposte.domain.DateBasis;
import io.riposte.domain.DatePrecision;
import io.riposte.domain.Evidence;
import io.riposte.domain.ExtractedAction;
import io.riposte.domain.FuzzyDate;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Dates: where a report's date sits on the timeline, whether two reports' dates allow one action, the
 * date an action works with (a publication fallback widened to its year) and the date it shows (never
 * coarser than its best-dated report), and its evidence in canonical order.
 */
final class ActionDates {

    private ActionDates() {}

    private static final int NOMINAL_YEAR = 2000;

    static TimelinePosition positionOf(FuzzyDate d) {
        if (d.precision() == DatePrecision.UNKNOWN) {
            return null;
        }
        LocalDate e;
        LocalDate l;
        if (d.hasYear()) {
            e = d.earliest();
            l = d.latest();
        } else {
            e = LocalDate.of(NOMINAL_YEAR, d.month(), 1);
            l = YearMonth.of(NOMINAL_YEAR, d.month()).atEndOfMonth();
        }
        long ed = e.toEpochDay();
        long ld = l.toEpochDay();
        return new TimelinePosition(ed, ld, ed + (ld - ed) / 2, precisionRank(d));
    }

    /**
     * Whether two reports' dates allow one action. An undated report anchored into a dated episode
     * ("in March", year unknown) fits a dated report of that month, including an undated report
     * whose publication month it is (widened to its year for merging).
     */
    static boolean datesCompatible(FuzzyDate m, FuzzyDate o, int slack, boolean noYear) {
        if (!noYear && !m.hasYear() && o.hasYear()) {
            Integer om = anchorMonth(o);
            return m.month() == null || om == null || om.equals(m.month());
        }
        if (!m.compatibleWith(o, slack)) {
            return false;
        }
        // An undated report (publication fallback) is recent news: it is the action of a dated report
        // only if that date lies in the three months before its publication, not any day of the year
        // ("downgrades ties" in November is not the ambassador's recall of August).
        return recentEnough(m, o, slack) && recentEnough(o, m, slack);
    }

    static final int FALLBACK_REACH_DAYS = 90;

    private static boolean recentEnough(FuzzyDate f, FuzzyDate d, int slack) {
        if (f.basis() != DateBasis.PUBLICATION_FALLBACK || precisionRank(d) < 3 || !d.hasYear()) {
            return true;
        }
        long[] r = dayRange(f);
        if (r == null) {
            return true;
        }
        return d.latest().toEpochDay() >= r[1] - FALLBACK_REACH_DAYS && d.earliest().toEpochDay() <= r[1] + slack;
    }

    /** A date as merging sees it: everything but the note, which no date comparison reads. */
    static FuzzyDate mergeKey(FuzzyDate d) {
        return d.note() == null ? d : d.withNote(null);
    }

    static int precisionRank(FuzzyDate d) {
        return switch (d.precision()) {
            case DAY -> 4;
            case MONTH -> d.hasYear() ? 3 : 2;
            case YEAR -> 1;
            case UNKNOWN -> 0;
        };
    }

    /**
     * The date correlation works with. Extraction dates an action it found no date for by the month
     * of publication, or the day for the news of an article's lead (basis
     * {@link DateBasis#PUBLICATION_FALLBACK}): an upper bound, not a date. Two articles published
     * months apart about the same action would never merge on it, and a year-end review would found
     * new actions, so such a date is widened to its year for merging and linking (note, range and basis
     * kept); the action still shows it when nothing stated is as precise ({@link #shownDate}).
     */
    static FuzzyDate effectiveDate(FuzzyDate d) {
        if ((d.precision() == DatePrecision.MONTH || d.precision() == DatePrecision.DAY) && d.hasYear()
                && d.basis() == DateBasis.PUBLICATION_FALLBACK) {
            return new FuzzyDate(d.year(), null, null, DatePrecision.YEAR, d.note(), d.rangeStart(), d.rangeEnd(), d.basis());
        }
        return d;
    }

    /**
     * Whether extraction dated this report relative to another act that came first: "the same day",
     * "a week later" (kept at the earlier act's month when that is all that is known).
     */
    static boolean datedAfterAnother(FuzzyDate d) {
        return d.basis() == DateBasis.AFTER_EARLIER_ACT;
    }

    /**
     * The days a coarse date may denote, when extraction knows them better than the precision says
     * ("this week", "this month", the publication-month fallback of an undated report), as epoch
     * days; null when the date carries no range.
     */
    static long[] dayRange(FuzzyDate d) {
        return d.hasRange() ? new long[] {d.rangeStart().toEpochDay(), d.rangeEnd().toEpochDay()} : null;
    }

    static long intervalGap(TimelinePosition a, TimelinePosition b) {
        return Math.max(0, Math.max(a.firstDay(), b.firstDay()) - Math.min(a.lastDay(), b.lastDay()));
    }

    /** Evidence order: article, start, end, sentence, origin (absent values as "null"). */
    static final Comparator<Evidence> EVIDENCE_ORDER = (a, b) -> {
        int c = String.valueOf(a.articleId()).compareTo(String.valueOf(b.articleId()));
        if (c != 0) {
            return c;
        }
        c = Integer.compare(a.start(), b.start());
        if (c != 0) {
            return c;
        }
        c = Integer.compare(a.end(), b.end());
        if (c != 0) {
            return c;
        }
        c = String.valueOf(a.sentence()).compareTo(String.valueOf(b.sentence()));
        return c != 0 ? c : String.valueOf(a.origin()).compareTo(String.valueOf(b.origin()));
    };

    /**
     * The date of an action: among its dating reports' most precise dates the most reported, then the
     * earliest, then by note; the first in member order among equals.
     */
    private record IsoKey(DatePrecision precision, Integer year, Integer month, Integer day) {}

    static FuzzyDate actionDate(List<ExtractedAction> members, boolean noYear) {
        int bestRank = 0;
        for (ExtractedAction m : members) {
            if (noYear || m.date().hasYear()) {
                bestRank = Math.max(bestRank, precisionRank(m.date()));
            }
        }
        // one pass to count each date's reports, one to pick (the first of equals, in member order)
        // dates with the same fields have the same iso form, and only those (see FuzzyDate#iso)
        List<FuzzyDate> top = new ArrayList<>();
        List<IsoKey> topIso = new ArrayList<>();
        Map<IsoKey, Integer> freq = new HashMap<>();
        for (ExtractedAction m : members) {
            if ((noYear || m.date().hasYear()) && precisionRank(m.date()) == bestRank) {
                FuzzyDate d = m.date();
                IsoKey iso = new IsoKey(d.precision(), d.year(), d.month(), d.day());
                top.add(d);
                topIso.add(iso);
                freq.merge(iso, 1, Integer::sum);
            }
        }
        if (top.isEmpty()) {
            throw new java.util.NoSuchElementException("an action without a dating report");
        }
        FuzzyDate best = top.get(0);
        int bestFreq = freq.get(topIso.get(0));
        long bestE = positionOf(best) == null ? 0 : positionOf(best).firstDay();
        for (int i = 1; i < top.size(); i++) {
            FuzzyDate d = top.get(i);
            if (d.equals(best)) {
                continue;
            }
            int f = freq.get(topIso.get(i));
            if (f < bestFreq) {
                continue;
            }
            TimelinePosition dp = positionOf(d);
            long e = dp == null ? 0 : dp.firstDay();
            if (f == bestFreq) {
                if (e > bestE) {
                    continue;
                }
                if (e == bestE && (d.note() == null ? "" : d.note()).compareTo(best.note() == null ? "" : best.note()) >= 0) {
                    continue;
                }
            }
            best = d;
            bestFreq = f;
            bestE = e;
        }
        return best;
    }

    /**
     * The date a report gave its action before correlation widened it ({@link #effectiveDate}): its
     * evidence records it ({@link MentionInput#normalize}); a mention without it is taken as it is.
     */
    static FuzzyDate reportedDate(ExtractedAction m) {
        for (Evidence e : m.evidence()) {
            if (e.date() != null) {
                return e.date();
            }
        }
        return m.date();
    }

    /**
     * The date an action is published with: never coarser than its best-dated report. Among the
     * reports' own dates ({@link #reportedDate}; in a dated episode only those with a year) a stated
     * date is chosen by {@link #actionDate}'s rule (the most precise, then the most reported, then the
     * earliest). A publication fallback (an undated report: the month, or the day of a lead) bounds the
     * act rather than dating it: it wins only where it is more precise than every stated date and lies
     * inside the chosen one, or where nothing is stated; among fallbacks the most precise, then one
     * that states a count, then the earliest. Reports whose stated dates disagree beyond the merge
     * tolerance never reach this point: they are separate actions.
     */
    static FuzzyDate shownDate(List<ExtractedAction> members, boolean noYear) {
        List<ExtractedAction> stated = new ArrayList<>(members.size());
        List<ExtractedAction> fallbacks = new ArrayList<>();
        for (ExtractedAction m : members) {
            FuzzyDate d = reportedDate(m);
            if (!noYear && !d.hasYear() || d.precision() == DatePrecision.UNKNOWN) {
                continue;
            }
            ExtractedAction r = m.date() == d ? m : withDate(m, d);
            (d.basis() == DateBasis.PUBLICATION_FALLBACK ? fallbacks : stated).add(r);
        }
        FuzzyDate best = stated.isEmpty() ? null : actionDate(stated, noYear);
        // a fallback refines a stated date only inside it ("in 2022" and the news of a June article);
        // the most precise wins, then one that states the count (this act's own news; a count-less one
        // may be a loose mention from another month), then the earliest: the act precedes every report
        Comparator<ExtractedAction> finest = Comparator.comparingInt((ExtractedAction m) -> -precisionRank(m.date()))
                .thenComparingInt(m -> m.count() != null ? 0 : 1)
                .thenComparingLong(m -> positionOf(m.date()).firstDay())
                .thenComparing(m -> noteOf(m.date()));
        FuzzyDate refined = fallbacks.stream().filter(m -> best == null || within(m.date(), best)).min(finest)
                .map(ExtractedAction::date).orElse(null);
        if (refined != null && (best == null || precisionRank(refined) > precisionRank(best))) {
            return refined;
        }
        return best != null ? best : actionDate(members, noYear);
    }

    /** Whether every day {@code inner} may denote is one {@code outer} may denote. */
    private static boolean within(FuzzyDate inner, FuzzyDate outer) {
        TimelinePosition i = positionOf(inner);
        TimelinePosition o = positionOf(outer);
        return i != null && o != null && inner.hasYear() == outer.hasYear() && o.firstDay() <= i.firstDay() && i.lastDay() <= o.lastDay();
    }

    private static String noteOf(FuzzyDate d) {
        return d.note() == null ? "" : d.note();
    }

    private static ExtractedAction withDate(ExtractedAction m, FuzzyDate d) {
        return new ExtractedAction(m.id(), m.articleId(), m.origin(), m.source(), m.target(), m.type(), d, m.count(),
                m.modality(), m.confidence(), m.evidence(), m.respondsTo(), m.cue());
    }

    /**
     * The members' evidence in {@link #EVIDENCE_ORDER} without repeats, the first given of equals kept (as
     * a TreeSet fed in member order would, which a stable sort does in one pass).
     */
    static List<Evidence> evidenceOf(List<ExtractedAction> members) {
        List<Evidence> ev = new ArrayList<>();
        for (ExtractedAction m : members) {
            ev.addAll(m.evidence());
        }
        ev.sort(EVIDENCE_ORDER);
        List<Evidence> distinct = new ArrayList<>(ev.size());
        for (Evidence e : ev) {
            if (distinct.isEmpty() || EVIDENCE_ORDER.compare(distinct.get(distinct.size() - 1), e) != 0) {
                distinct.add(e);
            }
        }
        return List.copyOf(distinct);
    }
}
