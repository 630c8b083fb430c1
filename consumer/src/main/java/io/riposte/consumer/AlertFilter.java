package io.riposte.consumer;

import io.riposte.avro.Alert;
import io.riposte.avro.AlertType;
import io.riposte.domain.Dyad;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Which alerts a person asked to see: one dyad (either order, {@code USA-RUS} = {@code RUS-USA}) and a
 * minimum hostility. Severities are Goldstein-style (negative = hostile), so "at least severity S" means
 * {@code -severity >= S}; the names {@code low}, {@code medium}, {@code high} are the colour bands.
 * An empty set of types means every type.
 */
public record AlertFilter(String dyad, double minHostility, Set<AlertType> types) implements Predicate<Alert> {
    /** Hostility from which an alert is shown in yellow. */
    public static final double MEDIUM = 4;
    /** Hostility from which an alert is shown in red. */
    public static final double HIGH = 7;

    public AlertFilter {
        types = types.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(types));
    }

    public AlertFilter(String dyad, double minHostility) {
        this(dyad, minHostility, Set.of());
    }

    public static AlertFilter all() {
        return new AlertFilter(null, Double.NEGATIVE_INFINITY);
    }

    /** As {@link #parse(String, String)}, also keeping only the given types (names, comma-separated or repeated). */
    public static AlertFilter parse(String dyad, String minSeverity, List<String> types) {
        AlertFilter f = parse(dyad, minSeverity);
        Set<AlertType> wanted = EnumSet.noneOf(AlertType.class);
        for (String t : types == null ? List.<String>of() : types) {
            for (String name : t.split(",")) {
                try {
                    wanted.add(AlertType.valueOf(name.trim().toUpperCase(Locale.ROOT)));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("--type wants one of " + Arrays.toString(AlertType.values()) + ", got '" + name + "'");
                }
            }
        }
        return new AlertFilter(f.dyad(), f.minHostility(), wanted);
    }

    /** Parses the command line's values; null means no restriction. Bad values fail with the reason. */
    public static AlertFilter parse(String dyad, String minSeverity) {
        String d = null;
        if (dyad != null) {
            String[] p = dyad.trim().toUpperCase(Locale.ROOT).split("-");
            if (p.length != 2 || p[0].length() != 3 || p[1].length() != 3) {
                throw new IllegalArgumentException("--dyad wants two 3-letter codes as A-B (e.g. USA-RUS), got '" + dyad + "'");
            }
            d = Dyad.of(p[0], p[1]);
        }
        return new AlertFilter(d, minSeverity == null ? Double.NEGATIVE_INFINITY : hostility(minSeverity));
    }

    static double hostility(String s) {
        switch (s.trim().toLowerCase(Locale.ROOT)) {
            case "low", "all":
                return Double.NEGATIVE_INFINITY;
            case "medium":
                return MEDIUM;
            case "high":
                return HIGH;
            default:
                try {
                    // Accept "-7" and "7" alike: a user means the magnitude of hostility.
                    return Math.abs(Double.parseDouble(s.trim()));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("--min-severity wants low, medium, high or a number 0-10, got '" + s + "'");
                }
        }
    }

    @Override
    public boolean test(Alert a) {
        if (dyad != null && !dyad.equals(a.getDyad())) {
            return false;
        }
        if (!types.isEmpty() && !types.contains(a.getType())) {
            return false;
        }
        return -a.getSeverity() >= minHostility;
    }
}
