package io.riposte.evaluation;

import java.util.List;

/** One line of {@code chains.jsonl}: a retaliation chain as an ordered list of gold ids. */
public record GoldChain(String chainId, List<String> steps) {
    public GoldChain {
        steps = steps == null ? List.of() : List.copyOf(steps);
    }
}
