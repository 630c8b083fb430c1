package io.riposte.streams;

import io.riposte.avro.ActionMention;
import org.apache.avro.specific.SpecificRecord;

/**
 * What the extract and correlate processors emit. A processor has one output stream, so each
 * record says where it goes and {@code split()} sends it to the matching sink.
 *
 * @param value the Avro record, the raw bytes of a dead letter, or null for a tombstone
 */
public record Routed(Route route, Object value) {

    public enum Route { MENTION, ACTION, CHAIN, ALERT, DEAD_LETTER }

    public static Routed mention(ActionMention m) {
        return new Routed(Route.MENTION, m);
    }

    public static Routed of(Route route, SpecificRecord valueOrNull) {
        return new Routed(route, valueOrNull);
    }

    public static Routed deadLetter(byte[] rawValue) {
        return new Routed(Route.DEAD_LETTER, rawValue);
    }

    public boolean is(Route r) {
        return route == r;
    }

    public <T> T as(Class<T> type) {
        return value == null ? null : type.cast(value);
    }
}
