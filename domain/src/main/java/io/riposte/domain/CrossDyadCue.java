package io.riposte.domain;

import java.util.Objects;

/**
 * What a mention answers in another dyad, as the text says: "C expelled A's diplomats in solidarity with B"
 * after A's act against B names A's act against B. Correlation links the answer to the latest such act
 * before it (see correlation/README.md, cross-dyad answers).
 *
 * @param source the state whose act is answered (A), never the answering state
 * @param target the state that act was against (B), never the answering state's own target
 * @param kind the kind of act when the text says it (the act is reported in the same sentence), or null
 */
public record CrossDyadCue(String source, String target, ActionType kind) {

    public CrossDyadCue {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(target, "target");
        if (source.equals(target)) {
            throw new IllegalArgumentException("a cross-dyad cue needs two different states: " + source);
        }
    }

    /** The dyad of the answered act: where its correlation lives. */
    public String dyad() {
        return Dyad.of(source, target);
    }
}
