package io.riposte.extraction.internal;

import io.riposte.domain.DateBasis;
import io.riposte.domain.DatePrecision;
import io.riposte.domain.FuzzyDate;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds date expressions in a sentence and resolves them against the publication date.
 *
 * <p>Rules (documented in extraction/README.md): a month without a year takes the publication year,
 * or the year before when the month lies after the publication month; a weekday is the latest such
 * day on or before publication; "last month", "this year", "earlier this year", "last week" are
 * resolved to a month or a year, never to an invented day; without a publication date only a month
 * ({@code --09}) survives, anything else becomes UNKNOWN with the expression as a note, unless the text
 * chains its months ({@link UndatedMonths}). "the same
 * day", "the day before" and "the next day" refer to the last day-precision date the article named.
 * A date introduced by "by", "until", "before" or "deadline" is a deadline, not the date of an action.
 *
 * <p>Its words (months, weekdays, number words, deadline markers, ...) are those of {@link DateWords}.
 */
public final class Dates {
    /** A date expression: tokens [from, to), its resolved date, whether it is a deadline or a future date. */
    public record DateExpr(int from, int to, FuzzyDate date, boolean deadline, boolean future, boolean explicit) {}

    private Dates() {}

    /**
     * @param lastDay the last day-precision date named earlier in the article (for "the same day"), or null
     */
    public static List<DateExpr> find(DateWords dw, Tokens t, int from, int to, LocalDate published, LocalDate lastDay) {
        return find(dw, t, from, to, published, lastDay, null, null);
    }

    /**
     * @param lastDate the date of the last action or date named before (for "a week later"), or null
     * @param yearHint a year the sentence or the one before names explicitly ("in September 2023"); it
     *     takes precedence over the publication year for months and days without a year
     */
    public static List<DateExpr> find(DateWords dw, Tokens t, int from, int to, LocalDate published, LocalDate lastDay,
            FuzzyDate lastDate,
            Integer yearHint) {
        List<DateExpr> out = new ArrayList<>();
        for (int i = from; i < to; i++) {
            String w = t.lower[i];
            String W = t.word[i];
            // Month and weekday names count only capitalised; most tokens are not, and skip both lookups
            // (this loop runs over every token of every sentence).
            boolean capitalised = t.isCapitalized(i);
            Integer month = capitalised ? dw.months.get(w) : null;
            if (month != null && (w.length() > 3 || W.length() == 3)) {
                if (w.equals("may") && !(i + 1 < to && isNumber(t.word[i + 1])) && !(i > from && t.in(dw.monthPrefixes, i - 1))) {
                    continue; // the modal verb at the start of a sentence
                }
                if (w.equals("march") && !(i + 1 < to && isNumber(t.word[i + 1])) && !(i > from && t.in(dw.monthPrefixes, i - 1))) {
                    continue;
                }
                int j = i + 1;
                if (j < to && t.word[j].equals(".")) {
                    j++;
                }
                Integer day = null;
                Integer year = null;
                if (j < to && isNumber(t.word[j]) && t.word[j].length() <= 2) {
                    int d = Integer.parseInt(t.word[j]);
                    if (d >= 1 && d <= 31) {
                        day = d;
                        j++;
                        if (j < to && (t.lower[j].equals("st") || t.lower[j].equals("nd") || t.lower[j].equals("rd") || t.lower[j].equals("th"))) {
                            j++;
                        }
                    }
                }
                int k = j;
                if (k < to && t.word[k].equals(",")) {
                    k++;
                }
                if (k < to && isYear(t.word[k])) {
                    year = Integer.parseInt(t.word[k]);
                    j = k + 1;
                }
                int s = i;
                // "13 April": a day before the month
                if (day == null && i > from && isNumber(t.word[i - 1]) && t.word[i - 1].length() <= 2) {
                    int d = Integer.parseInt(t.word[i - 1]);
                    if (d >= 1 && d <= 31) {
                        day = d;
                        s = i - 1;
                    }
                }
                boolean future = isFuture(t, s, from);
                FuzzyDate fd = resolveMonthDay(month, day, year != null ? year : yearHint, published, future, W);
                out.add(new DateExpr(s, j, fd, isDeadline(dw, t, s, from), future, true));
                i = j - 1;
                continue;
            }
            DayOfWeek dow = capitalised ? dw.weekdays.get(w) : null;
            if (dow != null) {
                FuzzyDate fd;
                int end = i + 1;
                int[] written = published == null ? dayAndMonthAfter(dw, t, i + 1, to) : null;
                if (written != null) {
                    // "on Friday (3 March)", "on Friday, March 3": the text dates its weekday itself; an
                    // undated text then gives the month of its news, though still not the year
                    fd = FuzzyDate.ofMonthWithoutYear(written[1], W + " " + written[0] + " " + t.word[written[3]] + " (year unknown)");
                    end = written[2];
                } else if (published == null) {
                    fd = FuzzyDate.unknown(W);
                } else {
                    LocalDate d = published;
                    while (d.getDayOfWeek() != dow) {
                        d = d.minusDays(1);
                    }
                    if (d.equals(published) && i > from && t.lower[i - 1].equals("last")) {
                        d = d.minusWeeks(1); // "last Tuesday" written on a Tuesday is a week before
                    }
                    fd = FuzzyDate.ofDay(d);
                }
                out.add(new DateExpr(i, end, fd, isDeadline(dw, t, i, from), false, true));
                i = end - 1;
                continue;
            }
            if (t.isYear(i) && i > from && (t.lower[i - 1].equals("in") || t.lower[i - 1].equals("since")
                    || t.lower[i - 1].equals("during")) && !(i + 1 < to && t.lower[i + 1].equals("presidential"))) {
                out.add(new DateExpr(i, i + 1, FuzzyDate.ofYear(Integer.parseInt(t.word[i])), isDeadline(dw, t, i, from), false, true));
                continue;
            }
            // relative expressions: each starts with one of these words or a small number; any other
            // token (most of them) skips the chain of comparisons below
            if (!t.in(dw.relativeStarts, i) && !(t.isNumber(i) && t.word[i].length() <= 2)) {
                continue;
            }
            String next = i + 1 < to ? t.lower[i + 1] : "";
            String next2 = i + 2 < to ? t.lower[i + 2] : "";
            if (w.equals("yesterday") || w.equals("today")) {
                FuzzyDate fd = published == null ? FuzzyDate.unknown(w)
                        : FuzzyDate.ofDay(w.equals("today") ? published : published.minusDays(1));
                out.add(new DateExpr(i, i + 1, fd, isDeadline(dw, t, i, from), false, true));
            } else if ((w.equals("last") || w.equals("this") || w.equals("next") || w.equals("earlier") || w.equals("late")
                    || w.equals("early")) && (next.equals("month") || next.equals("week") || next.equals("year"))) {
                out.add(new DateExpr(i, i + 2, relative(w, next, published), isDeadline(dw, t, i, from), w.equals("next"), true));
                i++;
            } else if ((w.equals("earlier") || w.equals("later")) && next.equals("this") && (next2.equals("month") || next2.equals("year")
                    || next2.equals("week"))) {
                out.add(new DateExpr(i, i + 3, relative("this", next2, published), false, false, true));
                i += 2;
            } else if ((next.equals("days") || next.equals("day") || next.equals("week") || next.equals("weeks"))
                    && (next2.equals("later") || next2.equals("earlier") || next2.equals("after") || next2.equals("before"))
                    && (isNumber(t.word[i]) && t.word[i].length() <= 2 || dw.smallNumbers.containsKey(w))) {
                int n = dw.smallNumbers.containsKey(w) ? dw.smallNumbers.get(w) : Integer.parseInt(t.word[i]);
                boolean before = next2.equals("earlier") || next2.equals("before");
                boolean weeks = next.startsWith("week");
                // "a week later", "two days after": dated after the act named before it
                DateBasis basis = before ? DateBasis.STATED : DateBasis.AFTER_EARLIER_ACT;
                String said = w + " " + next + " " + next2;
                FuzzyDate fd;
                if (lastDay != null) {
                    LocalDate d = before ? lastDay.minusDays(weeks ? 7L * n : n) : lastDay.plusDays(weeks ? 7L * n : n);
                    fd = weeks ? FuzzyDate.ofMonth(d.getYear(), d.getMonthValue()).withNote(said).withBasis(basis) : FuzzyDate.ofDay(d);
                } else if (lastDate != null && lastDate.precision() != DatePrecision.DAY) {
                    // "in December ... a week later": about the same month; the basis keeps the order. The
                    // earlier act's range and basis are its own: the later act's days are not known.
                    fd = before ? lastDate : lastDate.withNote(said).withRange(null, null).withBasis(basis);
                } else {
                    fd = FuzzyDate.unknown(said).withBasis(basis);
                }
                out.add(new DateExpr(i, i + 3, fd, false, false, true));
                i += 2;
            } else if ((w.equals("that") || w.equals("same")) && (next.equals("month") || next.equals("year"))
                    && !(i > from && t.lower[i - 1].equals("of"))) {
                FuzzyDate fd = lastDate == null || lastDate.precision() == DatePrecision.UNKNOWN ? FuzzyDate.unknown(w + " " + next)
                        : next.equals("year") ? (lastDate.hasYear() ? FuzzyDate.ofYear(lastDate.year()) : FuzzyDate.unknown("that year"))
                        : lastDate.month() == null ? lastDate
                        : lastDate.hasYear() ? FuzzyDate.ofMonth(lastDate.year(), lastDate.month())
                        : FuzzyDate.ofMonthWithoutYear(lastDate.month(), null);
                out.add(new DateExpr(i, i + 2, fd, false, false, true));
                i++;
            } else if ((w.equals("later") || w.equals("earlier")) && (next.equals("that") || next.equals("in"))
                    && (next2.equals("day") || i + 3 < to && next2.equals("the") && t.lower[i + 3].equals("day"))) {
                int len = next2.equals("day") ? 3 : 4;
                out.add(new DateExpr(i, i + len, lastDay == null ? FuzzyDate.unknown(w + " that day") : FuzzyDate.ofDay(lastDay),
                        false, false, true));
                i += len - 1;
            } else if (w.equals("same") && next.equals("day") && i > from && (t.lower[i - 1].equals("the") || t.lower[i - 1].equals("that"))) {
                LocalDate same = dayRef(out, lastDay);
                FuzzyDate fd = same == null ? FuzzyDate.unknown("the same day") : FuzzyDate.ofDay(same).withNote("the same day");
                out.add(new DateExpr(i - 1, i + 2, fd.withBasis(DateBasis.AFTER_EARLIER_ACT), false, false, true));
                i++;
            } else if (w.equals("day") && (next.equals("before") || next.equals("earlier") || next.equals("later") || next.equals("after"))
                    && i > from && (t.lower[i - 1].equals("the") || t.lower[i - 1].equals("a"))
                    && !(i + 2 < to && isNumber(t.word[i + 2]))) {
                boolean before = next.equals("before") || next.equals("earlier");
                // unresolved "the day after" still says which act came first; a resolved day needs no help
                FuzzyDate fd = lastDay == null
                        ? FuzzyDate.unknown("the day " + next).withBasis(before ? DateBasis.STATED : DateBasis.AFTER_EARLIER_ACT)
                        : FuzzyDate.ofDay(before ? lastDay.minusDays(1) : lastDay.plusDays(1));
                out.add(new DateExpr(i - 1, i + 2, fd, false, false, true));
                i++;
            } else if ((w.equals("previous") || w.equals("following") || w.equals("next")) && next.equals("day") && i > from
                    && t.lower[i - 1].equals("the")) {
                boolean before = w.equals("previous");
                FuzzyDate fd = lastDay == null ? FuzzyDate.unknown("the " + w + " day")
                        : FuzzyDate.ofDay(before ? lastDay.minusDays(1) : lastDay.plusDays(1));
                out.add(new DateExpr(i - 1, i + 2, fd, false, false, true));
                i++;
            }
        }
        return out;
    }

    /**
     * The date of a reported act the text does not date, in an article published on {@code published}:
     * the publication day. A news report tells the news of its day and often leaves it undated
     * ("Israel recalled its ambassadors ...", "the embassy warned that ..."); the day is an upper bound
     * rather than a statement (basis {@link DateBasis#PUBLICATION_FALLBACK}, which correlation widens
     * to the year for merging and shows only where no stated date is as precise), and the range, the
     * week before publication, lets correlation order it.
     */
    public static FuzzyDate publicationFallback(LocalDate published) {
        return ranged(FuzzyDate.ofDay(published), "publication day: no date in the text", published.minusDays(7), published)
                .withBasis(DateBasis.PUBLICATION_FALLBACK);
    }

    /**
     * The date of the attribution of a sentence ("..., the premier said on Saturday", "announced
     * Tuesday that ..."): the day the act was made public, which dates what the sentence reports when
     * nothing closer does, even across a relative clause between the act and its attribution. Only an
     * expression a speech verb introduces, at most three words before it ("said in a statement on
     * Friday", "told reporters on Friday"), with no punctuation between; never a deadline or a future.
     */
    public static DateExpr attribution(DateWords dw, Tokens t, List<DateExpr> dates, int from) {
        for (DateExpr d : dates) {
            if (d.deadline() || d.future() || d.date().precision() == DatePrecision.UNKNOWN) {
                continue;
            }
            for (int k = d.from() - 1; k >= Math.max(from, d.from() - 5); k--) {
                String w = t.lower[k];
                if (dw.attributionVerbs.contains(w)) {
                    return d;
                }
                if (!Character.isLetter(w.charAt(0))) {
                    break;
                }
            }
        }
        return null;
    }

    /**
     * The day "the same day", "the day after", "two days later" refer to: a day named earlier in the
     * same sentence ("expelled the ambassador on January 23; the other side answered the same day"),
     * else the last day named before the sentence.
     */
    private static LocalDate dayRef(List<DateExpr> sameSentence, LocalDate lastDay) {
        for (int k = sameSentence.size() - 1; k >= 0; k--) {
            DateExpr d = sameSentence.get(k);
            if (!d.deadline() && !d.future() && d.date().precision() == DatePrecision.DAY) {
                return d.date().earliest();
            }
        }
        return lastDay;
    }

    /**
     * A coarse date known to lie among the days {@code from..to}: "this week" in an article of 14
     * March is a day of 8-14 March, not any day of March. The date keeps its honest precision and
     * carries the days as its range (correlation orders actions by them); the note repeats them as
     * {@code [YYYY-MM-DD..YYYY-MM-DD]} for people reading it.
     */
    public static FuzzyDate ranged(FuzzyDate coarse, String said, LocalDate from, LocalDate to) {
        return coarse.withNote(said + " [" + from + ".." + to + "]").withRange(from, to);
    }

    private static FuzzyDate relative(String which, String unit, LocalDate pub) {
        String note = which + " " + unit;
        if (pub == null) {
            return FuzzyDate.unknown(note);
        }
        return switch (unit) {
            case "month" -> {
                LocalDate d = which.equals("last") ? pub.minusMonths(1) : which.equals("next") ? pub.plusMonths(1) : pub;
                // "this month" has happened by the day of publication
                FuzzyDate m = FuzzyDate.ofMonth(d.getYear(), d.getMonthValue());
                yield which.equals("this") ? ranged(m, note, pub.withDayOfMonth(1), pub) : m.withNote(note);
            }
            case "week" -> {
                LocalDate d = which.equals("last") ? pub.minusWeeks(1) : which.equals("next") ? pub.plusWeeks(1) : pub;
                // a week is not a day: keep its month, never invent the day; the range keeps the days it
                // may denote, so that correlation can still order it against a day of the same month
                LocalDate from = which.equals("last") ? pub.minusDays(13) : which.equals("next") ? pub.plusDays(1) : pub.minusDays(6);
                LocalDate to = which.equals("last") ? pub.minusDays(1) : which.equals("next") ? pub.plusDays(13) : pub;
                yield ranged(FuzzyDate.ofMonth(d.getYear(), d.getMonthValue()), note, from, to);
            }
            default -> {
                int y = which.equals("last") ? pub.getYear() - 1 : which.equals("next") ? pub.getYear() + 1 : pub.getYear();
                yield FuzzyDate.ofYear(y).withNote(note);
            }
        };
    }

    private static FuzzyDate resolveMonthDay(int month, Integer day, Integer year, LocalDate pub, boolean future, String word) {
        if (year == null && pub == null) {
            return FuzzyDate.ofMonthWithoutYear(month, day == null ? null : word + " " + day + " (year unknown)");
        }
        int y;
        if (year != null) {
            y = year;
        } else {
            y = pub.getYear();
            boolean after = month > pub.getMonthValue() || (month == pub.getMonthValue() && day != null && day > pub.getDayOfMonth() + 1);
            if (after && !future) {
                y--;
            }
        }
        if (day != null) {
            try {
                return FuzzyDate.ofDay(LocalDate.of(y, month, day));
            } catch (RuntimeException e) {
                return FuzzyDate.ofMonth(y, month);
            }
        }
        return FuzzyDate.ofMonth(y, month);
    }

    private static boolean isDeadline(DateWords dw, Tokens t, int s, int from) {
        for (int k = s - 1; k >= Math.max(from, s - 7); k--) {
            String w = t.lower[k];
            if (w.equals("by") && k + 1 < s && t.isCapitalized(k + 1) && Character.isLetter(t.word[k + 1].charAt(0))
                    && !dw.months.containsKey(t.lower[k + 1]) && !dw.weekdays.containsKey(t.lower[k + 1])) {
                return false; // "hit with sanctions by Britain on Friday": an agent, not a deadline
            }
            if (t.in(dw.deadlineWords, k)) {
                return true;
            }
            if (w.equals(",") || w.equals(";") || w.equals(":") || w.equals("since")) {
                return false;
            }
        }
        return false;
    }

    private static boolean isFuture(Tokens t, int s, int from) {
        return s > from && (t.lower[s - 1].equals("next") || t.lower[s - 1].equals("coming"));
    }

    /**
     * The day and month written right after a weekday, in brackets or after a comma ("(3 March)", ", March 3").
     *
     * @return {day, month, end (exclusive), index of the month word}, or null when no such date follows
     */
    private static int[] dayAndMonthAfter(DateWords dw, Tokens t, int i, int to) {
        boolean bracket = i < to && t.word[i].equals("(");
        if (i < to && (bracket || t.word[i].equals(","))) {
            i++;
        }
        if (i + 1 >= to) {
            return null;
        }
        int dayAt = isNumber(t.word[i]) ? i : isNumber(t.word[i + 1]) ? i + 1 : -1;
        int monthAt = dayAt == i ? i + 1 : i;
        Integer month = Character.isUpperCase(t.word[monthAt].charAt(0)) ? dw.months.get(t.lower[monthAt]) : null;
        if (dayAt < 0 || month == null || t.word[dayAt].length() > 2) {
            return null;
        }
        int day = Integer.parseInt(t.word[dayAt]);
        int end = Math.max(dayAt, monthAt) + 1;
        if (bracket && end < to && t.word[end].equals(")")) {
            end++;
        }
        return day >= 1 && day <= 31 ? new int[] {day, month, end, monthAt} : null;
    }

    static boolean isNumber(String w) {
        if (w.isEmpty() || w.length() > 12) {
            return false;
        }
        for (int i = 0; i < w.length(); i++) {
            char c = w.charAt(i);
            if (!Character.isDigit(c) && c != ',') {
                return false;
            }
        }
        return Character.isDigit(w.charAt(0));
    }

    static boolean isYear(String w) {
        if (w.length() != 4 || !isNumber(w)) {
            return false;
        }
        int y = Integer.parseInt(w);
        return y >= 1900 && y <= 2100;
    }
}
