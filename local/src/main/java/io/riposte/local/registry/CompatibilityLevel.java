package io.riposte.local.registry;

import java.util.List;
import java.util.Locale;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;

/** Confluent's compatibility levels, checked with Avro's {@link SchemaCompatibility}. */
public enum CompatibilityLevel {
    NONE, BACKWARD, BACKWARD_TRANSITIVE, FORWARD, FORWARD_TRANSITIVE, FULL, FULL_TRANSITIVE;

    /** Parses a level name; null when unknown. */
    public static CompatibilityLevel parse(String name) {
        if (name == null) {
            return null;
        }
        try {
            return valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /**
     * Problems of {@code candidate} against {@code existing} (oldest first), empty when compatible.
     * BACKWARD = the new schema reads data of the old; FORWARD = the old reads the new; FULL = both.
     * Non-transitive levels check only the latest version.
     */
    public List<String> problems(Schema candidate, List<Schema> existing) {
        if (this == NONE || existing.isEmpty()) {
            return List.of();
        }
        boolean transitive = name().endsWith("_TRANSITIVE");
        List<Schema> against = transitive ? existing : List.of(existing.get(existing.size() - 1));
        boolean backward = this == BACKWARD || this == BACKWARD_TRANSITIVE || this == FULL || this == FULL_TRANSITIVE;
        boolean forward = this == FORWARD || this == FORWARD_TRANSITIVE || this == FULL || this == FULL_TRANSITIVE;
        java.util.ArrayList<String> problems = new java.util.ArrayList<>();
        for (Schema old : against) {
            if (backward) {
                check(candidate, old, "new schema cannot read data written with an earlier one", problems);
            }
            if (forward) {
                check(old, candidate, "an earlier schema cannot read data written with the new one", problems);
            }
        }
        return problems;
    }

    private static void check(Schema reader, Schema writer, String what, List<String> problems) {
        var result = SchemaCompatibility.checkReaderWriterCompatibility(reader, writer).getResult();
        if (result.getCompatibility() != SchemaCompatibilityType.COMPATIBLE) {
            for (var incompatibility : result.getIncompatibilities()) {
                problems.add(what + ": " + incompatibility.getType() + " at " + incompatibility.getLocation()
                        + " (" + incompatibility.getMessage() + ")");
            }
            if (result.getIncompatibilities().isEmpty()) {
                problems.add(what);
            }
        }
    }
}
