package io.riposte.domain;

/**
 * A change of state worth telling people about. Emitted once per change, not once per article.
 *
 * @param id deterministic: derived from the type and the actions concerned, so a replay or a
 *     second report of the same change yields the same id
 * @param actionId the action that caused it
 * @param severity Goldstein-style severity of that action (negative is hostile)
 * @param summary one human line, e.g. "RUS expelled 10 USA diplomats (2021-04-16) in response to ..."
 */
public record Alert(
        String id,
        AlertType type,
        String dyad,
        String chainId,
        String actionId,
        double severity,
        FuzzyDate actionDate,
        String summary) {}
