package io.riposte.extraction.internal;

import java.time.DayOfWeek;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The words of dates ({@link Dates}, {@link UndatedMonths}), from the data files: month and weekday names and small
 * number words ({@code numbered.tsv}: {@code MONTH}, {@code WEEKDAY}, {@code SMALL_NUMBER}), and the word classes
 * of {@code words.tsv} {@code DATE_DEADLINE_MARKERS}, {@code MONTH_PREFIXES}, {@code RELATIVE_DATE_STARTS},
 * {@code ATTRIBUTION_VERBS} and {@code WRITING_TIME}. Built once per {@link Lexicon}, immutable.
 */
public final class DateWords {
    /** Month names and abbreviations (lower case) to the month, 1-12. */
    final Map<String, Integer> months;
    final Map<String, DayOfWeek> weekdays;
    /** Number words of relative dates ("two days later", "a week earlier"). */
    final Map<String, Integer> smallNumbers;
    /** Words that make a date after them a deadline, not the date of an act. */
    final Set<String> deadlineWords;
    /** Words before "May" or "March" that make it the month, not the verb. */
    final Set<String> monthPrefixes;
    /** The first words of relative expressions, the small numbers included. */
    final Set<String> relativeStarts;
    /** Verbs that attribute a report to its speaker: "..., the minister said on Saturday". */
    final Set<String> attributionVerbs;
    /** Expressions that are the time of writing when the article has no date. */
    final Set<String> writingTime;

    DateWords(Lexicon lex) {
        this.months = hashed(lex.numbered("MONTH"));
        Map<String, DayOfWeek> days = new HashMap<>();
        lex.numbered("WEEKDAY").forEach((w, n) -> days.put(w, DayOfWeek.of(n)));
        this.weekdays = hashed(days);
        this.smallNumbers = hashed(lex.numbered("SMALL_NUMBER"));
        this.deadlineWords = lex.words("DATE_DEADLINE_MARKERS");
        this.monthPrefixes = lex.words("MONTH_PREFIXES");
        Set<String> starts = new HashSet<>(lex.words("RELATIVE_DATE_STARTS"));
        starts.addAll(smallNumbers.keySet());
        this.relativeStarts = WordSet.of(starts);
        this.attributionVerbs = lex.words("ATTRIBUTION_VERBS");
        this.writingTime = lex.words("WRITING_TIME");
    }

    /**
     * An immutable copy that compares the cached hash before equals: these maps are asked about every token of a
     * sentence, and a {@code Map.copyOf} map compares the word with each entry of its probe chain by equals.
     */
    private static <V> Map<String, V> hashed(Map<String, V> m) {
        return Collections.unmodifiableMap(new HashMap<>(m));
    }
}
