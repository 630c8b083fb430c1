package io.riposte.streams;

import io.riposte.avro.Action;
import io.riposte.avro.ActionMention;
import io.riposte.avro.Alert;
import io.riposte.avro.Chain;
import java.util.Collections;
import java.util.List;

/**
 * What the extract and correlate processors emit. A processor has one output stream, so its
 * children all see every record; each kind answers, through its own method, what it holds for one
 * destination (one value, or none). Each destination's node asks only its own question, so the
 * types line up at compile time and no node casts. Single-element lists may hold null: that is a
 * tombstone, or a dead letter whose bytes could not be rebuilt.
 */
final class Emitted {
    private Emitted() {}

    /** Out of {@code extract}: a mention to correlate, or a dead letter. */
    sealed interface FromExtract permits Mention, DeadLetter {
        default List<ActionMention> toCorrelate() {
            return List.of();
        }

        default List<byte[]> toDeadLetters() {
            return List.of();
        }
    }

    /**
     * Out of {@code correlate} (and the cross-dyad processors): a changed (or tombstoned) action or chain, a new alert,
     * a dead letter, or a cross-dyad resolution.
     */
    sealed interface FromCorrelate permits ActionChange, ChainChange, NewAlert, DeadLetter, CrossDyadResolution {
        default List<Action> toActions() {
            return List.of();
        }

        default List<Chain> toChains() {
            return List.of();
        }

        default List<Alert> toAlerts() {
            return List.of();
        }

        default List<byte[]> toDeadLetters() {
            return List.of();
        }

        default List<String> toCrossDyadResolutions() {
            return List.of();
        }
    }

    /** A cross-dyad cue resolved by its answered dyad, for the answering dyad's task (see {@link CrossDyadState}). */
    record CrossDyadResolution(String value) implements FromCorrelate {
        @Override
        public List<String> toCrossDyadResolutions() {
            return List.of(value);
        }
    }

    record Mention(ActionMention mention) implements FromExtract {
        @Override
        public List<ActionMention> toCorrelate() {
            return List.of(mention);
        }
    }

    /** @param actionOrNull null: the action was merged away (tombstone) */
    record ActionChange(Action actionOrNull) implements FromCorrelate {
        @Override
        public List<Action> toActions() {
            return Collections.singletonList(actionOrNull);
        }
    }

    /** @param chainOrNull null: the chain dissolved (tombstone) */
    record ChainChange(Chain chainOrNull) implements FromCorrelate {
        @Override
        public List<Chain> toChains() {
            return Collections.singletonList(chainOrNull);
        }
    }

    record NewAlert(Alert alert) implements FromCorrelate {
        @Override
        public List<Alert> toAlerts() {
            return List.of(alert);
        }
    }

    /** @param rawOrNull the input record's bytes, or null when they could not be rebuilt (the headers still say what it was) */
    record DeadLetter(byte[] rawOrNull) implements FromExtract, FromCorrelate {
        @Override
        public List<byte[]> toDeadLetters() {
            return Collections.singletonList(rawOrNull);
        }
    }
}
