package io.riposte.domain;

/**
 * One mention of an action in one article.
 *
 * @param start character offset of the sentence in {@link Article#text()} (inclusive)
 * @param end character offset of the sentence's end in {@link Article#text()} (exclusive)
 * @param date the date this report gives the action, as extraction resolved it (before correlation
 *     widens a publication-month fallback for merging), or null where it was not recorded: a merged
 *     action keeps every report's date, so a reader sees which article said what
 */
public record Evidence(String articleId, String origin, String sentence, int start, int end, FuzzyDate date) {

    /** Evidence whose date is not recorded yet (extraction stamps it through {@link #withDate}). */
    public Evidence(String articleId, String origin, String sentence, int start, int end) {
        this(articleId, origin, sentence, start, end, null);
    }

    public Evidence withDate(FuzzyDate newDate) {
        return new Evidence(articleId, origin, sentence, start, end, newDate);
    }
}
