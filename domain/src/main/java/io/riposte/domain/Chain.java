package io.riposte.domain;

import java.util.List;

/**
 * A retaliation chain: the linked actions of one dyad, ordered by action date.
 *
 * @param id deterministic, derived from the chain's first step
 * @param escalation escalation score from the steps' severities and counts (higher is worse)
 */
public record Chain(
        String id,
        String dyad,
        ChainStatus status,
        double escalation,
        FuzzyDate firstDate,
        FuzzyDate lastDate,
        List<ChainStep> steps) {

    public Chain {
        steps = List.copyOf(steps);
    }
}
