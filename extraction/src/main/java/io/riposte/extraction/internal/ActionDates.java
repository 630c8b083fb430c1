package io.riposte.extraction.internal;

import io.riposte.domain.ActionType;
import io.riposte.domain.DatePrecision;
import io.riposte.domain.FuzzyDate;
import io.riposte.domain.Modality;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The dates pass: the date of each action from the date expressions of {@link Dates} (explicit, relative, with the
 * year of the sentence or the one before), the context carried from sentence to sentence (the last day named, the
 * news day an "also" continues, a connective's inherited date), deadlines that date nothing, fallbacks to the
 * publication, and the months of an undated article ({@link UndatedMonths}).
 *
 * <p>Word lists ({@code words.tsv}): {@code DEADLINE_WORDS}, {@code LATER_CONNECTIVES},
 * {@code SAME_TIME_CONNECTIVES}, {@code DATE_CLAUSE_CONNECTIVES}; the words of dates in {@link DateWords}.
 */
final class ActionDates {
    private final Tokens t;
    private final Segmentation seg;
    private final Provocations provocations;
    private final LocalDate published;
    private final Set<String> deadlineWords;
    private final DateWords dateWords;
    /** Words that put a date in another clause than the act: "expelled ... after talks on Monday". */
    private final Set<String> clauseConnectives;

    ActionDates(Tokens tokens, Lexicon lex, Segmentation seg, Provocations provocations, LocalDate published) {
        this.t = tokens;
        this.seg = seg;
        this.provocations = provocations;
        this.published = published;
        this.deadlineWords = lex.words("DEADLINE_WORDS");
        this.clauseConnectives = lex.words("DATE_CLAUSE_CONNECTIVES");
        this.dateWords = lex.dates;
        this.laterConnectives = lex.words("LATER_CONNECTIVES");
        this.sameTimeConnectives = lex.words("SAME_TIME_CONNECTIVES");
    }

    /** The last date named (any precision), the last day, and the date of the previous sentence: the context of relative dates. */
    private LocalDate lastDay;
    private FuzzyDate lastDate;
    private FuzzyDate prevSentenceDate;
    /** Of the sentence being read: its date expressions, whether it states a deadline, the date a connective inherits. */
    private List<Dates.DateExpr> dates = List.of();
    private boolean deadlineSentence;
    private FuzzyDate inherited;

    private final Set<String> sameTimeConnectives;

    private final Set<String> laterConnectives;

    /** The day of the last reported (not recalled) act or day named, and its sentence: what an "also" continues. */
    private LocalDate newsDay;

    private int newsDaySentence = -10;

    /** Who acted in the news day's sentence: reported speech continues the news of the same actor only. */
    private final Set<String> newsDaySources = new HashSet<>();

    private Integer contextYear;

    private int contextYearSentence;

    /**
     * "It also suspended visas ...": an undated act told with "also" right after the day's news is part of
     * that news, not an older fact. Only a recent day (the week before publication) a few sentences back
     * counts, and only for a reported act: a day stated long ago or an act recalled keeps its fallback.
     */
    private boolean continuesNewsDay(int s, int from, int anchor, Hit h) {
        if (newsDay == null || s - newsDaySentence > 3 || s == newsDaySentence
                || h.modality != Modality.ASSERTED && h.modality != Modality.PLANNED
                || newsDay.isBefore(published.minusDays(7)) || newsDay.isAfter(published)) {
            return false;
        }
        for (int k = Math.max(from, anchor - 6); k < anchor; k++) {
            if (t.lower[k].equals("also")) {
                return true;
            }
        }
        // "The ministry said it had summoned ...": reported speech right after the day's news is that news
        for (int k = Math.max(from, anchor - 5); k + 2 < anchor; k++) {
            if ((t.lower[k].equals("said") || t.lower[k].equals("says")) && (t.lower[k + 1].equals("it") || t.lower[k + 1].equals("they"))
                    && (t.lower[k + 2].equals("had") || t.lower[k + 2].equals("was") || t.lower[k + 2].equals("has"))) {
                return s - newsDaySentence <= 2 && newsDaySources.contains(h.source);
            }
        }
        return false;
    }

    private boolean separatedByClause(Trig tr, Dates.DateExpr d) {
        int lo = d.from() >= tr.to() ? tr.to() : d.to();
        int hi = d.from() >= tr.to() ? d.from() : tr.anchor();
        for (int k = lo; k < hi; k++) {
            String l = t.lower[k];
            if (l.equals(",") && k + 1 < t.size && seg.isParticipialClause(k + 1)) {
                continue; // "..., accusing him of ..., the ministry said on Friday": still the same report
            }
            if (seg.isClauseBoundary(k) || clauseConnectives.contains(l)) {
                return true;
            }
        }
        return false;
    }

    private FuzzyDate inheritedDate(int from, int to, FuzzyDate prevSentence, FuzzyDate last) {
        FuzzyDate base = prevSentence != null ? prevSentence : last;
        if (base == null) {
            return null;
        }
        for (String c : sameTimeConnectives) {
            if (seg.startsWith(from, to, c)) {
                return base;
            }
        }
        for (String c : laterConnectives) {
            if (seg.startsWith(from, to, c)) {
                return base.precision() == DatePrecision.DAY ? FuzzyDate.ofMonth(base.year(), base.month()) : base;
            }
        }
        return null;
    }

    /** "..., a day after Canada ordered ...": the expression dates the clause it opens, not what precedes it. */
    private boolean connective(Dates.DateExpr d, int to) {
        String last = t.lower[d.to() - 1];
        return (last.equals("after") || last.equals("before")) && d.to() < to && Character.isLetter(t.lower[d.to()].charAt(0));
    }

    /** Reads sentence s's date expressions, with the year named in it or in the sentence before (same paragraph). */
    void startSentence(int s, int from, int to) {
        Integer sentenceYear = null;
        for (int k = from; k < to; k++) {
            if (t.isYear(k) && k > from && (dateWords.months.containsKey(t.lower[k - 1]) || t.lower[k - 1].equals("in")
                    || t.lower[k - 1].equals(","))) {
                sentenceYear = Integer.parseInt(t.word[k]);
            }
        }
        Integer yearHint = sentenceYear != null ? sentenceYear
                : contextYear != null && (s - contextYearSentence <= 1 || seg.sameParagraph(contextYearSentence, s)) ? contextYear : null;
        if (sentenceYear != null) {
            contextYear = sentenceYear;
            contextYearSentence = s;
        }
        dates = Dates.find(dateWords, t, from, to, published, lastDay, prevSentenceDate != null ? prevSentenceDate : lastDate, yearHint);
        deadlineSentence = seg.containsAny(from, to, deadlineWords);
        inherited = inheritedDate(from, to, prevSentenceDate, lastDate);
    }

    /** The date expressions of the sentence being read. */
    List<Dates.DateExpr> dates() {
        return dates;
    }

    /**
     * Dates the action h of trigger tr: the nearest date expression with no other action word between it and the
     * trigger, preferring one that follows the trigger ("expelled X on May 3") to one before it; else the date a
     * connective inherits ("Then, ..."), else unknown for a recalled act, else the day of the news it continues, else
     * the publication fallback. Returns whether a stated date was taken.
     */
    boolean date(Hit h, Trig tr, int s, int from, int to, List<Trig> all) {
        int a = tr.anchor();
        // date: the nearest date expression with no other action word between it and the trigger,
        // preferring one that follows the trigger ("expelled X on May 3") to one before it
        Dates.DateExpr chosen = null;
        int bestDist = Integer.MAX_VALUE;
        for (Dates.DateExpr d : dates) {
            if (d.deadline() || deadlineSentence && tr.type() == ActionType.EXPEL_DIPLOMATS && t.lower[tr.from()].equals("leave")) {
                continue;
            }
            if (deadlineSentence && !d.explicit()) {
                continue;
            }
            // "told six diplomats last month to leave": a date between the governing verb and the trigger is
            // inside the act's own frame, as if it followed the trigger
            boolean inFrame = a < tr.from() && d.from() > a && d.to() <= tr.from();
            boolean afterTrigger = d.from() >= tr.to() || inFrame;
            if (h.referenced && !afterTrigger) {
                continue; // a recalled action only takes a date that follows it
            }
            if (separatedByClause(tr, d)) {
                continue;
            }
            int lo = afterTrigger ? tr.to() : d.to();
            int hi = afterTrigger ? d.from() : Math.min(a, tr.from());
            boolean blocked = false;
            for (Trig o : all) {
                if (o != tr && o.from() >= lo && o.to() <= hi && !(o.type() == tr.type() && Math.abs(o.anchor() - a) < 3)) {
                    blocked = true;
                }
            }
            if (blocked) {
                continue;
            }
            if (!afterTrigger && provocations.cueBetween(d.to(), tr.from())) {
                continue; // "ordered on Friday in retaliation for the shutting of ...": the answer's date, not the cited act's
            }
            if (afterTrigger && !h.referenced && (provocations.cueBetween(tr.to(), d.from()) || connective(d, to))) {
                continue; // "expelled 20 on Sunday, responding to Prague's decision a day earlier": the cited act's date
            }
            int dist = inFrame ? 0 : afterTrigger ? d.from() - tr.to() : 1000 + (a - d.to());
            if (dist < bestDist) {
                bestDist = dist;
                chosen = d;
            }
        }
        if (chosen == null && !h.referenced && !deadlineSentence) {
            chosen = Dates.attribution(dateWords, t, dates, from);
        }
        if (deadlineSentence && chosen != null && chosen.date().precision() == DatePrecision.DAY && !h.referenced) {
            chosen = null;
        }
        if (chosen != null && (!chosen.future() || h.modality == Modality.PLANNED)) {
            h.date = chosen.date();
            return true;
        } else if (inherited != null && !h.referenced) {
            h.date = inherited;
        } else if (h.referenced || h.modality == Modality.BACKGROUND) {
            h.date = FuzzyDate.unknown("not stated");
            h.dateFallback = true;
        } else if (published != null && continuesNewsDay(s, from, tr.anchor(), h)) {
            h.date = FuzzyDate.ofDay(newsDay).withNote("the day of the news it continues");
        } else if (published != null) {
            // a reported action the text does not date is recent news: the range lets correlation order it
            h.date = Dates.publicationFallback(published);
            h.dateFallback = true;
        } else {
            h.date = FuzzyDate.unknown("undated article");
            h.dateFallback = true;
        }
        return false;
    }

    /** Carries the sentence's dates (and its actions' dates) over to the next sentences. */
    void endSentence(int s, List<Hit> sentenceHits) {
        FuzzyDate sentenceDate = null;
        for (Dates.DateExpr d : dates) {
            if (!d.deadline() && d.date().precision() != DatePrecision.UNKNOWN) {
                lastDate = d.date();
                sentenceDate = d.date();
                if (d.date().precision() == DatePrecision.DAY) {
                    lastDay = d.date().earliest();
                }
            }
        }
        for (Hit h : sentenceHits) {
            if (!h.dateFallback && h.date.precision() != DatePrecision.UNKNOWN && !h.referenced) {
                sentenceDate = h.date;
                // an action dated to a month or a year moves the story away from the last named day
                lastDay = h.date.precision() == DatePrecision.DAY ? h.date.earliest() : null;
            }
        }
        prevSentenceDate = sentenceDate;
        if (sentenceDate != null && sentenceDate.precision() == DatePrecision.DAY) {
            newsDay = sentenceDate.earliest();
            newsDaySentence = s;
            newsDaySources.clear();
            for (Hit h : sentenceHits) {
                if (!h.referenced && h.source != null) {
                    newsDaySources.add(h.source);
                }
            }
        } else if (sentenceDate != null) {
            newsDay = null;
        }
    }

    /** An undated article: reports of one exchange are chained to the months the text gives (see {@link UndatedMonths}). */
    void resolveUndated(List<Hit> hits) {
        if (published == null) {
            List<FuzzyDate> chained = UndatedMonths.resolve(dateWords, hits.stream()
                    .map(h -> new UndatedMonths.Report(h.source, h.target, h.type, h.count, h.date, Hit.isRecalled(h))).toList());
            for (int i = 0; i < hits.size(); i++) {
                if (chained.get(i) != null) {
                    // a fallback stays one: the month of writing bounds undated news, it does not date it
                    hits.get(i).date = chained.get(i);
                }
            }
        }
    }
}
