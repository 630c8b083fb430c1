package io.riposte.consumer;

import io.riposte.avro.Alert;
import picocli.CommandLine.Help.Ansi;
import picocli.CommandLine.Help.Ansi.Style;

/** One line per alert, coloured by severity only when writing to a terminal. */
public final class AlertFormat {
    static final String RESET = Style.reset.on();
    static final String RED = Style.fg_red.on();
    static final String YELLOW = Style.fg_yellow.on();
    static final String CYAN = Style.fg_cyan.on();
    static final String GREEN = Style.fg_green.on();

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

    /**
     * Whether standard output takes colours: picocli's detection (a console, NO_COLOR, CLICOLOR, the
     * {@code picocli.ansi} property), and never on a {@code dumb} terminal.
     */
    public static boolean colourOnThisTerminal() {
        return Ansi.AUTO.enabled() && !"dumb".equals(System.getenv("TERM"));
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
