package io.riposte.domain;

/** Where a {@link FuzzyDate} comes from, when that matters for ordering and merging actions. */
public enum DateBasis {
    /** The text states the date (or states nothing more precise): the ordinary case. */
    STATED,
    /**
     * The text gives no date for a reported action, so it is dated by the publication (the day; the
     * month before issue 13): an upper bound on when it happened rather than a statement of when.
     */
    PUBLICATION_FALLBACK,
    /**
     * Dated by reference to an act the text names first, on the same day or after it ("the same
     * day", "a week later", "the day after"): on equal dates this one came second.
     */
    AFTER_EARLIER_ACT
}
