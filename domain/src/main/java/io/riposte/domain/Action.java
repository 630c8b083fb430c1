package io.riposte.domain;

import java.util.List;

/**
 * One real-world action after correlation: every mention of it across articles merged, the most
 * precise date and count kept, linked to what it answers and placed in a chain.
 *
 * @param id deterministic, derived from the content of its mentions, never from arrival order
 * @param articles origins of the articles that report it, sorted
 * @param evidence every mention, sorted by article id then offset
 * @param chainId the chain it belongs to, or null when it is in none
 */
public record Action(
        String id,
        String dyad,
        String source,
        String target,
        ActionType type,
        FuzzyDate date,
        Integer count,
        Modality modality,
        double confidence,
        List<String> articles,
        List<Evidence> evidence,
        List<Link> respondsTo,
        String chainId) {

    public Action {
        articles = List.copyOf(articles);
        evidence = List.copyOf(evidence);
        respondsTo = List.copyOf(respondsTo);
    }
}
