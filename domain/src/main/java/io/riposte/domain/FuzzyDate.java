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
 * @param note what the text said when it could not be resolved (for example "Friday"), or null
 */
public record FuzzyDate(Integer year, Integer month, Integer day, DatePrecision precision, String note) {

    public static final FuzzyDate UNKNOWN = new FuzzyDate(null, null, null, DatePrecision.UNKNOWN, null);

    public FuzzyDate {
        Objects.requireNonNull(precision, "precision");
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

    public FuzzyDate withNote(String newNote) {
        return new FuzzyDate(year, month, day, precision, newNote);
    }

    /** The EVALUATION.md form: {@code 2021-04-16}, {@code 2021-04}, {@code 2021}, {@code --09}, or null. */
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
