package io.riposte.correlation;

import io.riposte.domain.ExtractedAction;

/** A date interval an insert must recompute around, in epoch days, or the dyad's no-year bucket. */
record RecomputeSeed(boolean noYear, long a, long b) {

    static final RecomputeSeed NO_YEAR = new RecomputeSeed(true, 0, 0);

    /** Where the mention is computed: the days of its date, or the no-year bucket when it has no year. */
    static RecomputeSeed of(ExtractedAction m) {
        return m.date().hasYear()
                ? new RecomputeSeed(false, m.date().earliest().toEpochDay(), m.date().latest().toEpochDay())
                : NO_YEAR;
    }
}
