package io.riposte.consumer;

import io.riposte.avro.Alert;

/** One line per alert, coloured by severity only when writing to a terminal. */
public final class AlertFormat {
    static final String RESET = "\u001b[0m";
    static final String RED = "\u001b[31m";
    static final String YELLOW = "\u001b[33m";
    static final String CYAN = "\u001b[36m";
    static final String GREEN = "\u001b[32m";

    private AlertFormat() {}

    public static String line(Alert a, boolean colour) {
        String text = String.format(java.util.Locale.ROOT, "%-20s %-8s %-10s  sev %5.1f  %s",
                "[" + a.getType().name() + "]", a.getDyad(), FuzzyDateText.column(a.getActionDate()), a.getSeverity(),
                a.getSummary());
        // The summary comes from article text: strip control characters (escape sequences included)
        // so it cannot drive the terminal.
        text = text.replaceAll("\\p{Cntrl}", " ");
        if (!colour) {
            return text;
        }
        return colourOf(a) + text + RESET;
    }

    /** Red from high hostility, yellow from medium, green for cooperation, cyan otherwise. */
    static String colourOf(Alert a) {
        double hostility = -a.getSeverity();
        if (hostility >= AlertFilter.HIGH) {
            return RED;
        }
        if (hostility >= AlertFilter.MEDIUM) {
            return YELLOW;
        }
        return a.getSeverity() > 0 ? GREEN : CYAN;
    }
}
