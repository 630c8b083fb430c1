package io.riposte.domain;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Objects;

/**
 * A date known only to some precision, as news reports state it.
 *
 * <p>The year may be missing while the month is known: an article without a date line that says
 * "in September" gives {@code --09}. Nothing finer than the text supports is ever stored, so a
 * day-precision date always has a year, a month and a day.
 *
 * <p>A coarse date may also carry the days it is known to fall among ({@code rangeStart..rangeEnd}):
 * "this week" in an article of 14 March is a MONTH date (the day is never invented) that lies in
 * 8-14 March. The range overlaps the date's own interval but may cross its edge (a week straddling
 * two months, the week before publication on the 3rd), so the days the action may have happened on
 * are the intersection of the two.
 *
 * @param note a human comment: what the text said ("Friday", "a week later"), or null. Never parsed.
 * @param rangeStart the first day of the known range, or null when there is none
 * @param rangeEnd the last day of the known range, or null when there is none
 * @param basis how the date was obtained (stated, publication fallback, after an earlier act)
 */
public record FuzzyDate(Integer year, Integer month, Integer day, DatePrecision precision, String note,
        LocalDate rangeStart, LocalDate rangeEnd, DateBasis basis) {

    public static final FuzzyDate UNKNOWN = new FuzzyDate(null, null, null, DatePrecision.UNKNOWN, null);

    /** A stated date without a known range. */
    public FuzzyDate(Integer year, Integer month, Integer day, DatePrecision precision, String note) {
        this(year, month, day, precision, note, null, null, DateBasis.STATED);
    }

    public FuzzyDate {
        Objects.requireNonNull(precision, "precision");
        Objects.requireNonNull(basis, "basis");
        switch (precision) {
            case DAY -> {
                if (year == null || month == null || day == null) {
                    throw new IllegalArgumentException("a DAY date needs year, month and day");
                }
                LocalDate.of(year, month, day); // validates
            }
            case MONTH -> {
                if (month == null || day != null || month < 1 || month > 12) {
                    throw new IllegalArgumentException("a MONTH date needs a month (1-12) and no day");
                }
            }
            case YEAR -> {
                if (year == null || month != null || day != null) {
                    throw new IllegalArgumentException("a YEAR date needs a year only");
                }
            }
            case UNKNOWN -> {
                if (year != null || month != null || day != null) {
                    throw new IllegalArgumentException("an UNKNOWN date carries no fields");
                }
            }
        }
        if ((rangeStart == null) != (rangeEnd == null)) {
            throw new IllegalArgumentException("a range needs both its first and its last day");
        }
        if (rangeStart != null) {
            if (rangeStart.isAfter(rangeEnd)) {
                throw new IllegalArgumentException("range starts after it ends: " + rangeStart + ".." + rangeEnd);
            }
            if (year == null) {
                throw new IllegalArgumentException("a range needs a date with a known year");
            }
            // the fields are not assigned yet: the date's interval from the parameters
            LocalDate first = switch (precision) {
                case DAY -> LocalDate.of(year, month, day);
                case MONTH -> LocalDate.of(year, month, 1);
                default -> LocalDate.of(year, 1, 1);
            };
            LocalDate last = switch (precision) {
                case DAY -> first;
                case MONTH -> YearMonth.of(year, month).atEndOfMonth();
                default -> LocalDate.of(year, 12, 31);
            };
            if (rangeEnd.isBefore(first) || rangeStart.isAfter(last)) {
                throw new IllegalArgumentException("range " + rangeStart + ".." + rangeEnd + " does not meet " + first + ".." + last);
            }
        }
    }

    public static FuzzyDate ofDay(LocalDate d) {
        return new FuzzyDate(d.getYear(), d.getMonthValue(), d.getDayOfMonth(), DatePrecision.DAY, null);
    }

    public static FuzzyDate ofMonth(int year, int month) {
        return new FuzzyDate(year, month, null, DatePrecision.MONTH, null);
    }

    /** A month whose year the text does not give (undated article). */
    public static FuzzyDate ofMonthWithoutYear(int month, String note) {
        return new FuzzyDate(null, month, null, DatePrecision.MONTH, note);
    }

    public static FuzzyDate ofYear(int year) {
        return new FuzzyDate(year, null, null, DatePrecision.YEAR, null);
    }

    public static FuzzyDate unknown(String note) {
        return note == null ? UNKNOWN : new FuzzyDate(null, null, null, DatePrecision.UNKNOWN, note);
    }

    /** The same date with another comment (range and basis kept). */
    public FuzzyDate withNote(String newNote) {
        return new FuzzyDate(year, month, day, precision, newNote, rangeStart, rangeEnd, basis);
    }

    /** The same date known to lie among the days {@code from..to}; both null removes the range. */
    public FuzzyDate withRange(LocalDate from, LocalDate to) {
        return new FuzzyDate(year, month, day, precision, note, from, to, basis);
    }

    public FuzzyDate withBasis(DateBasis newBasis) {
        return new FuzzyDate(year, month, day, precision, note, rangeStart, rangeEnd, newBasis);
    }

    /** True when the date carries a range of days narrower than, or across the edge of, its precision. */
    public boolean hasRange() {
        return rangeStart != null;
    }

    /** The ../shared/EVALUATION.md form: {@code 2021-04-16}, {@code 2021-04}, {@code 2021}, {@code --09}, or null. */
    public String iso() {
        return switch (precision) {
            case DAY -> LocalDate.of(year, month, day).toString();
            case MONTH -> year == null ? String.format("--%02d", month) : YearMonth.of(year, month).toString();
            case YEAR -> String.format("%04d", year);
            case UNKNOWN -> null;
        };
    }

    /** Parses the form written by {@link #iso()}; null or blank gives {@link #UNKNOWN}. */
    public static FuzzyDate parseIso(String s) {
        if (s == null || s.isBlank()) {
            return UNKNOWN;
        }
        String t = s.trim();
        try {
            if (t.startsWith("--") && t.length() == 4) {
                return ofMonthWithoutYear(Integer.parseInt(t.substring(2)), null);
            }
            return switch (t.length()) {
                case 10 -> ofDay(LocalDate.parse(t));
                case 7 -> {
                    YearMonth ym = YearMonth.parse(t);
                    yield ofMonth(ym.getYear(), ym.getMonthValue());
                }
                case 4 -> ofYear(Integer.parseInt(t));
                default -> throw new IllegalArgumentException("not a fuzzy date: '" + s + "'");
            };
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not a fuzzy date: '" + s + "'", e);
        }
    }

    /** True when the year is known, so the date can be placed on a timeline. */
    public boolean hasYear() {
        return year != null;
    }

    /**
     * The first day this date may denote, or null when the year is unknown. Used to order actions
     * and to compare dates of different precision.
     */
    public LocalDate earliest() {
        return switch (precision) {
            case DAY -> LocalDate.of(year, month, day);
            case MONTH -> year == null ? null : LocalDate.of(year, month, 1);
            case YEAR -> LocalDate.of(year, 1, 1);
            case UNKNOWN -> null;
        };
    }

    /** The last day this date may denote, or null when the year is unknown. */
    public LocalDate latest() {
        return switch (precision) {
            case DAY -> LocalDate.of(year, month, day);
            case MONTH -> year == null ? null : YearMonth.of(year, month).atEndOfMonth();
            case YEAR -> LocalDate.of(year, 12, 31);
            case UNKNOWN -> null;
        };
    }

    /** True when this date is strictly more precise than the other. */
    public boolean moreSpecificThan(FuzzyDate other) {
        return rank() > other.rank();
    }

    private int rank() {
        return switch (precision) {
            case DAY -> 4;
            case MONTH -> year == null ? 2 : 3;
            case YEAR -> 1;
            case UNKNOWN -> 0;
        };
    }

    /**
     * Whether two statements of a date may denote the same day: their intervals overlap, with
     * {@code slackDays} of tolerance between two day-precision dates (reports disagree by a day or
     * two about announcement versus decision). A year-less month is compatible with any date in that
     * month, and an unknown date with anything.
     */
    public boolean compatibleWith(FuzzyDate other, int slackDays) {
        if (precision == DatePrecision.UNKNOWN || other.precision == DatePrecision.UNKNOWN) {
            return true;
        }
        if (!hasYear() || !other.hasYear()) {
            Integer m1 = month;
            Integer m2 = other.month;
            return m1 == null || m2 == null || m1.equals(m2);
        }
        LocalDate a0 = earliest();
        LocalDate a1 = latest();
        LocalDate b0 = other.earliest();
        LocalDate b1 = other.latest();
        if (precision == DatePrecision.DAY && other.precision == DatePrecision.DAY) {
            return Math.abs(a0.toEpochDay() - b0.toEpochDay()) <= slackDays;
        }
        return !a1.isBefore(b0) && !b1.isBefore(a0);
    }

    @Override
    public String toString() {
        String iso = iso();
        return (iso == null ? "unknown" : iso) + (note == null ? "" : " (" + note + ")");
    }
}
