package io.riposte.consumer;

import io.riposte.avro.Alert;

/** One line per alert, coloured by severity only when writing to a terminal. */
public final class AlertFormat {
    private static final String RESET = "\u001b[0m";

    private AlertFormat() {}

    public static String line(Alert a, boolean colour) {
        String text = String.format("%-20s %-8s %-10s  sev %5.1f  %s",
                "[" + a.getType().name() + "]", a.getDyad(), Dates.column(a.getActionDate()), a.getSeverity(),
                a.getSummary());
        // The summary comes from article text: strip control characters so it cannot drive the terminal.
        text = text.replaceAll("\\p{Cntrl}", " ");
        if (!colour) {
            return text;
        }
        String c = a.getSeverity() <= -7 ? "\u001b[31m" : a.getSeverity() <= -4 ? "\u001b[33m" : "\u001b[36m";
        return c + text + RESET;
    }
}
