package io.riposte.domain;

import java.util.List;

/** One action as a step of a chain, with the earlier steps it answers. */
public record ChainStep(
        String actionId,
        String source,
        String target,
        ActionType type,
        FuzzyDate date,
        Integer count,
        List<String> respondsTo) {

    public ChainStep {
        respondsTo = List.copyOf(respondsTo);
    }
}
