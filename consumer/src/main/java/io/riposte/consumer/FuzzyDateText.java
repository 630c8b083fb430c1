package io.riposte.consumer;

import io.riposte.mapping.AvroMapping;

/** Renders Avro fuzzy dates as text for people and tables, in the ISO forms of the JSON contract (../shared/EVALUATION.md). */
public final class FuzzyDateText {
    private FuzzyDateText() {}

    /** {@code 2021-04-16}, {@code 2021-04}, {@code 2021}, {@code --09}, or null when unknown. */
    public static String iso(io.riposte.avro.FuzzyDate d) {
        if (d == null) {
            return null;
        }
        try {
            return AvroMapping.toDomain(d).iso();
        } catch (RuntimeException e) {
            // A malformed date from upstream is shown as is rather than hiding the step.
            return d.getYear() + "-" + d.getMonth() + "-" + d.getDay() + "?";
        }
    }

    /** Like {@link #iso} but never null, for people. */
    public static String show(io.riposte.avro.FuzzyDate d) {
        String s = iso(d);
        if (s == null) {
            s = "date unknown";
        }
        if (d != null && d.getNote() != null && !d.getNote().isBlank()) {
            s += " (" + d.getNote() + ")";
        }
        return s;
    }

    /** The ISO form for a table column: {@code ?} when unknown. */
    public static String column(io.riposte.avro.FuzzyDate d) {
        String s = iso(d);
        return s == null ? "?" : s;
    }

    /** A sort key placing unknown and year-less dates last. */
    static String sortKey(io.riposte.avro.FuzzyDate d) {
        String s = iso(d);
        return s == null || s.startsWith("--") ? "9999" + (s == null ? "" : s) : s;
    }
}
