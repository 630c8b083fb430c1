package io.riposte.cli;

import io.riposte.avro.Alert;
import io.riposte.consumer.AlertFormat;
import io.riposte.json.JsonContract;
import io.riposte.mapping.AvroMapping;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import java.time.DateTimeException;
import java.util.Locale;
import java.util.function.Function;

/** The parts of {@code riposte alerts} that are not reading: its output forms and its {@code --since}. */
final class AlertOutput {
    private AlertOutput() {}

    static Function<Alert, String> renderer(String output, boolean colour) {
        return switch (output.toLowerCase(Locale.ROOT)) {
            case "text" -> a -> AlertFormat.line(a, colour);
            case "json" -> a -> JsonContract.alert(AvroMapping.toDomain(a)).toString();
            default -> throw new IllegalArgumentException("--output wants text or json, got '" + output + "'");
        };
    }

    /** An instant, a day (from 00:00 UTC) or a duration back from {@code now}; null stays null. */
    static Instant since(String value, Instant now) {
        if (value == null) {
            return null;
        }
        String v = value.trim();
        try {
            if (v.startsWith("P") || v.startsWith("p")) {
                String upper = v.toUpperCase(Locale.ROOT);
                return upper.contains("T") ? now.minus(Duration.parse(upper)) : now.minus(Period.parse(upper));
            }
            if (v.length() == 10) {
                return LocalDate.parse(v).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            return Instant.parse(v);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("--since wants an instant (2026-03-01T12:00:00Z), a day (2026-03-01) "
                    + "or a duration (PT6H, P2D), got '" + value + "'");
        }
    }
}
